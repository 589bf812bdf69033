import { getCatalog, SUBTABS, subtabOf } from './catalog';
import { FLAG_LABELS, FLAGS, RECORD_SEGMENTS, ROLE_SETTINGS, SETTING_KEYS, type FlagDifference, type PermissionDifference, type RecordRestriction, type RoleComparison, type RoleSnapshot, type SettingDifference } from './model';

const roleName = (r: RoleSnapshot) => r.name ? `${r.name} (${r.scriptId ?? r.internalId})` : r.scriptId ?? r.internalId ?? '?';

const shown = (v: string | boolean | undefined): string | null => (v === undefined ? null : typeof v === 'boolean' ? (v ? 'checked' : 'unchecked') : v === '' ? '(none)' : v);

function restrictionText(r: RecordRestriction | undefined): string {
  if (!r) return 'NONE';
  const extra = [r.viewingAllowed !== undefined ? `viewing allowed: ${r.viewingAllowed ? 'yes' : 'no'}` : '', r.itemsRestricted !== undefined ? `items restricted: ${r.itemsRestricted ? 'yes' : 'no'}` : ''].filter(Boolean);
  return extra.length ? `${r.restriction} (${extra.join(', ')})` : r.restriction;
}

function settingDiff(key: string, label: string, a: string | null, b: string | null): SettingDifference {
  return { key, label, left: a, right: b, kind: a === null || b === null ? 'unknown' : a === b ? 'same' : 'different' };
}

/** Settings, record restrictions and custom fields side by side. */
function compareSettings(left: RoleSnapshot, right: RoleSnapshot): SettingDifference[] {
  const out = SETTING_KEYS.map((k) => settingDiff(k, ROLE_SETTINGS[k].label, shown(left.settings[k]), shown(right.settings[k])));
  const segments = [...new Set([...RECORD_SEGMENTS, ...(left.recordRestrictions ?? []).map((r) => r.segment), ...(right.recordRestrictions ?? []).map((r) => r.segment)])];
  for (const seg of segments) {
    const side = (r: RoleSnapshot) => (r.recordRestrictions === undefined ? null : restrictionText(r.recordRestrictions.find((x) => x.segment === seg)));
    out.push(settingDiff(`recordRestrictions.${seg}`, `Records restricted by ${seg.toLowerCase()}`, side(left), side(right)));
  }
  const fields = [...new Set([...Object.keys(left.customFields ?? {}), ...Object.keys(right.customFields ?? {})])].sort();
  for (const f of fields) out.push(settingDiff(`customFields.${f}`, f, left.customFields?.[f] ?? null, right.customFields?.[f] ?? null));
  return out;
}

/** A Restrict column as compared: NONE when unset; SuiteQL's numeric codes cannot be compared with SDF's words. */
const isCode = (r: string | undefined) => r !== undefined && /^-?\d+$/.test(r);

/** Compares two role definitions: flags, settings, record restrictions, custom fields and permissions by subtab; pure. A level of None counts as absent. */
export function compareRoles(left: RoleSnapshot, right: RoleSnapshot, meta: { leftLabel: string; rightLabel: string; generatedAt: string; version?: string }): RoleComparison {
  const catalog = getCatalog();
  const lines = (r: RoleSnapshot) => new Map(r.permissions.filter((p) => p.level !== 'NONE').map((p) => [p.permkey, p]));
  const l = lines(left);
  const r = lines(right);
  const ids = [...new Set([...l.keys(), ...r.keys()])];
  let unknown = 0;
  const permissions = ids.map((id): PermissionDifference => {
    const a = l.get(id);
    const b = r.get(id);
    let kind: PermissionDifference['kind'] = !b ? 'only-left' : !a ? 'only-right' : a.level !== b.level ? 'level' : 'same';
    if (kind === 'same' && (a!.restriction ?? 'NONE') !== (b!.restriction ?? 'NONE')) {
      if (isCode(a!.restriction) !== isCode(b!.restriction)) unknown++;
      else kind = 'restriction';
    }
    return {
      id, name: catalog.byId(id)?.name ?? id, subtab: subtabOf(id),
      ...(a ? { left: a.level } : {}), ...(b ? { right: b.level } : {}),
      ...(a?.restriction ? { leftRestriction: a.restriction } : {}), ...(b?.restriction ? { rightRestriction: b.restriction } : {}),
      kind,
    };
  }).sort((x, y) => SUBTABS.indexOf(x.subtab) - SUBTABS.indexOf(y.subtab) || x.name.localeCompare(y.name));
  const flags = FLAGS.map((flag): FlagDifference => {
    const a = left.flags[flag] ?? null;
    const b = right.flags[flag] ?? null;
    return { flag, label: FLAG_LABELS[flag], left: a, right: b, kind: a === null || b === null ? 'unknown' : a === b ? 'same' : 'different' };
  });
  const settings = compareSettings(left, right);
  const count = (k: PermissionDifference['kind']) => permissions.filter((p) => p.kind === k).length;
  unknown += flags.filter((f) => f.kind === 'unknown').length + settings.filter((s) => s.kind === 'unknown').length;
  const counts = {
    onlyLeft: count('only-left'), onlyRight: count('only-right'), level: count('level'), restriction: count('restriction'), same: count('same'),
    flags: flags.filter((f) => f.kind === 'different').length,
    settings: settings.filter((s) => s.kind === 'different').length,
    unknown,
  };
  return {
    schemaVersion: 2,
    ...(meta.version ? { tool: { name: 'ns-role-audit', version: meta.version } } : {}),
    generatedAt: meta.generatedAt,
    left: { label: meta.leftLabel, role: roleName(left) },
    right: { label: meta.rightLabel, role: roleName(right) },
    flags,
    settings,
    permissions,
    equal: counts.onlyLeft + counts.onlyRight + counts.level + counts.restriction + counts.flags + counts.settings === 0,
    counts,
  };
}
