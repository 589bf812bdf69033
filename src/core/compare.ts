import { getCatalog, SUBTABS, subtabOf } from './catalog';
import { FLAG_LABELS, FLAGS, RECORD_SEGMENTS, ROLE_SETTINGS, SETTING_KEYS, type FlagDifference, type PermissionDifference, type RoleComparison, type RolePermission, type RoleSnapshot, type SettingDifference } from './model';
import { heldLevels, type HeldLevel } from './role/held-levels';

const roleName = (r: RoleSnapshot) => r.name ? `${r.name} (${r.scriptId ?? r.internalId})` : r.scriptId ?? r.internalId ?? '?';

const shown = (v: string | boolean | undefined): string | null => (v === undefined ? null : typeof v === 'boolean' ? (v ? 'checked' : 'unchecked') : v === '' ? '(none)' : v);

function settingDiff(key: string, label: string, a: string | null, b: string | null): SettingDifference {
  return { key, label, left: a, right: b, kind: a === null || b === null ? 'unknown' : a === b ? 'same' : 'different' };
}

/** Settings, record restrictions and custom fields side by side. */
function compareSettings(left: RoleSnapshot, right: RoleSnapshot): SettingDifference[] {
  const out = SETTING_KEYS.map((k) => settingDiff(k, ROLE_SETTINGS[k].label, shown(left.settings[k]), shown(right.settings[k])));
  const segments = [...new Set([...RECORD_SEGMENTS, ...(left.recordRestrictions ?? []).map((r) => r.segment), ...(right.recordRestrictions ?? []).map((r) => r.segment)])];
  for (const seg of segments) {
    const line = (r: RoleSnapshot) => r.recordRestrictions?.find((x) => x.segment === seg);
    const side = (r: RoleSnapshot) => (r.recordRestrictions === undefined ? null : line(r)?.restriction ?? 'NONE');
    out.push(settingDiff(`recordRestrictions.${seg}`, `Records restricted by ${seg.toLowerCase()}`, side(left), side(right)));
    // The line's boxes, where either side has the line: a box the source could not read is unknown.
    if (!line(left) && !line(right)) continue;
    for (const [box, label] of [['viewingAllowed', 'Allow Viewing'], ['itemsRestricted', 'Items Restricted']] as const) {
      const value = (r: RoleSnapshot) => (r.recordRestrictions === undefined ? null : !line(r) ? '(no line)' : shown(line(r)![box]));
      out.push(settingDiff(`recordRestrictions.${seg}.${box}`, `Records restricted by ${seg.toLowerCase()}, ${label}`, value(left), value(right)));
    }
  }
  const fields = [...new Set([...Object.keys(left.customFields ?? {}), ...Object.keys(right.customFields ?? {})])].sort();
  for (const f of fields) out.push(settingDiff(`customFields.${f}`, f, left.customFields?.[f] ?? null, right.customFields?.[f] ?? null));
  return out;
}

/** A Restrict column as compared: NONE when unset; SuiteQL's numeric codes cannot be compared with SDF's words. */
const isCode = (r: string | undefined) => r !== undefined && /^-?\d+$/.test(r);

/** A permission's identity in a comparison: a SuiteApp's custom record is not the account's record of the same script id. */
const keyOf = (p: RolePermission) => (p.appId ? `[appid=${p.appId}] ${p.permkey}` : p.permkey);

/** Why one permission could not be compared, if it could not. */
function unknownWhy(a: HeldLevel | undefined, b: HeldLevel | undefined, labels: [string, string]): string | undefined {
  const ambiguous = [a?.readings && labels[0], b?.readings && labels[1]].filter(Boolean);
  if (ambiguous.length) return `${ambiguous.join(' and ')} list${ambiguous.length === 1 ? 's' : ''} it more than once at different levels`;
  if (a && b && a.level === b.level && (a.restriction ?? 'NONE') !== (b.restriction ?? 'NONE') && isCode(a.restriction) !== isCode(b.restriction)) {
    return 'one side gives its restriction as a code whose meaning is unconfirmed';
  }
  return undefined;
}

/**
 * Compares two role definitions: flags, settings, record restrictions, custom fields and
 * permissions by subtab; pure. A level of None counts as absent. The roles are the same only when
 * nothing differs and every field is known on both sides (`acceptUnverified`: what one side cannot
 * show is listed, and accepted).
 */
export function compareRoles(left: RoleSnapshot, right: RoleSnapshot, meta: { leftLabel: string; rightLabel: string; generatedAt: string; version?: string; acceptUnverified?: boolean }): RoleComparison {
  const catalog = getCatalog();
  const lines = (r: RoleSnapshot) => new Map([...heldLevels(r.permissions, keyOf)].filter(([, h]) => h.level !== 'NONE' || h.readings));
  const l = lines(left);
  const r = lines(right);
  const ids = [...new Set([...l.keys(), ...r.keys()])];
  const permissions = ids.map((key): PermissionDifference => {
    const a = l.get(key);
    const b = r.get(key);
    const id = key.replace(/^\[appid=[^\]]*\] /, '');
    const why = unknownWhy(a, b, [meta.leftLabel, meta.rightLabel]);
    let kind: PermissionDifference['kind'] = why ? 'unknown' : !b ? 'only-left' : !a ? 'only-right' : a.level !== b.level ? 'level' : 'same';
    if (kind === 'same' && (a!.restriction ?? 'NONE') !== (b!.restriction ?? 'NONE')) kind = 'restriction';
    const appId = /^\[appid=([^\]]*)\]/.exec(key)?.[1];
    return {
      id, name: catalog.byId(id)?.name ?? (appId ? `${id} (SuiteApp ${appId})` : id), subtab: subtabOf(id),
      ...(appId ? { appId } : {}),
      ...(a ? { left: a.level } : {}), ...(b ? { right: b.level } : {}),
      ...(a?.restriction ? { leftRestriction: a.restriction } : {}), ...(b?.restriction ? { rightRestriction: b.restriction } : {}),
      kind,
      ...(why ? { why } : {}),
    };
  }).sort((x, y) => SUBTABS.indexOf(x.subtab) - SUBTABS.indexOf(y.subtab) || x.name.localeCompare(y.name));
  const flags = FLAGS.map((flag): FlagDifference => {
    const a = left.flags[flag] ?? null;
    const b = right.flags[flag] ?? null;
    return { flag, label: FLAG_LABELS[flag], left: a, right: b, kind: a === null || b === null ? 'unknown' : a === b ? 'same' : 'different' };
  });
  const settings = compareSettings(left, right);
  const count = (k: PermissionDifference['kind']) => permissions.filter((p) => p.kind === k).length;
  const unknown = count('unknown') + flags.filter((f) => f.kind === 'unknown').length + settings.filter((s) => s.kind === 'unknown').length;
  const counts = {
    onlyLeft: count('only-left'), onlyRight: count('only-right'), level: count('level'), restriction: count('restriction'), same: count('same'),
    flags: flags.filter((f) => f.kind === 'different').length,
    settings: settings.filter((s) => s.kind === 'different').length,
    unknown,
  };
  const differs = counts.onlyLeft + counts.onlyRight + counts.level + counts.restriction + counts.flags + counts.settings > 0;
  const verdict = differs ? 'different' : unknown && !meta.acceptUnverified ? 'incomplete' : 'same';
  return {
    schemaVersion: 2,
    ...(meta.version ? { tool: { name: 'ns-role-audit', version: meta.version } } : {}),
    generatedAt: meta.generatedAt,
    left: { label: meta.leftLabel, role: roleName(left) },
    right: { label: meta.rightLabel, role: roleName(right) },
    flags,
    settings,
    permissions,
    verdict,
    equal: verdict === 'same',
    ...(meta.acceptUnverified && unknown ? { acceptedUnverified: true } : {}),
    counts,
  };
}
