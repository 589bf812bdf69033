import { stringify } from 'yaml';
import { getCatalog, levelLabel, levelRank, parsePermkey, SUBTABS, subtabLabel, subtabOf, type Level, type Subtab } from '../catalog';
import { heldLevels } from '../role/held-levels';
import { FLAGS, RECORD_SEGMENTS, ROLE_SETTINGS, SETTING_KEYS, type PermissionRule, type RoleSnapshot } from '../model';

/** A YAML key as written: plain where YAML reads it back unchanged, else quoted. */
const yamlKey = (s: string) => stringify({ [s]: 0 }).split(':')[0].replace(/^\s+/, '') === s && !/[:#]/.test(s) ? s : JSON.stringify(s);

/** How a role's permission is named in a policy: the catalog's name, else its ID or script id. */
function policyName(permkey: string): string {
  const known = getCatalog().byId(permkey);
  if (!known) return parsePermkey(permkey).id;
  // A name two IDs share resolves to the first: write the ID for the other.
  const found = getCatalog().lookup(known.name);
  return found.ok && found.permission.id === known.id ? known.name : known.id;
}

/** What a starter policy requires of each permission: exactly the level held, or (minimums only) at least it. */
interface StarterOptions {
  minimumsOnly: boolean;
  /** With a pack: the pack's minimum for each permission it requires and the role meets. */
  covered: ReadonlyMap<string, Level>;
}

function permissionLines(role: RoleSnapshot, tab: Subtab, opts: StarterOptions): string[] {
  const held = [...heldLevels(role.permissions)].filter(([id, h]) => h.level !== 'NONE' && subtabOf(id) === tab && !(opts.minimumsOnly && opts.covered.has(id)));
  const lines = held.map(([id, h]) => ({ key: policyName(id), id, h })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const seen = new Set<string>();
  const out: string[] = [];
  for (const { key, id, h } of lines) {
    if (parsePermkey(id).kind === 'unknown') {
      out.push(`    # ${JSON.stringify(id)}: ${levelLabel(h.level)}   (a key form no policy can name: audits report it as excess)`);
      continue;
    }
    if (seen.has(key)) continue; // two key forms of one permission
    seen.add(key);
    if (h.readings) {
      out.push(`    # ${yamlKey(key)}: ...   (the role lists it at ${h.readings.map(levelLabel).join(' and ')}; audits cannot read its level until one line is left)`);
      continue;
    }
    const note = getCatalog().byId(id) ? '' : parsePermkey(id).kind === 'standard' ? '   # no catalog lists this ID: check what it is' : '';
    const restriction = h.restriction && !/^-?\d+$/.test(h.restriction) ? h.restriction : undefined;
    // Real roles can hold a level the role page does not offer (REPO_ANALYTICS at Full): require
    // the highest level a policy may name that the role still meets, and say so (no ceiling can
    // name the level held).
    const offered = getCatalog().byId(id)?.levels;
    const unoffered = !!offered && !offered.includes(h.level);
    const level = unoffered ? [...offered].reverse().find((l) => levelRank(l) <= levelRank(h.level) && l !== 'NONE') : h.level;
    if (!level) {
      // Below every level a policy may name (Persist Search held at View): no rule can require it.
      const grantable = (offered ?? []).filter((l) => l !== 'NONE').map(levelLabel).join(', ');
      out.push(`    # ${yamlKey(key)}: ${levelLabel(h.level)}   (below every level the role page offers for it (${grantable}): no policy can require it; audits report it as excess)`);
      continue;
    }
    const packMin = opts.covered.get(id);
    const min = packMin ?? level;
    const minOnly = opts.minimumsOnly || unoffered;
    const fields = [
      minOnly ? `min: ${levelLabel(min)}` : min === level ? `exact: ${levelLabel(level)}` : `min: ${levelLabel(min)}, max: ${levelLabel(level)}`,
      ...(restriction ? [`restriction: ${restriction}`] : []),
    ];
    // A bare level is a minimum: written bare only when the minimum is all there is.
    const spec = minOnly && !restriction ? levelLabel(min) : `{${fields.join(', ')}}`;
    const why = [
      note,
      unoffered ? `   # the role holds ${levelLabel(h.level)}, which the role page does not offer${opts.minimumsOnly ? '' : ': no ceiling can name it'}` : '',
      packMin && !opts.minimumsOnly ? `   # the pack asks at least ${levelLabel(packMin)}; this pins the level held` : '',
    ].join('');
    out.push(`    ${yamlKey(key)}: ${spec}${why}`);
  }
  return out;
}

function settingLines(role: RoleSnapshot): string[] {
  const out: string[] = [];
  for (const k of SETTING_KEYS) {
    const v = role.settings[k];
    if (v === undefined || v === '') continue;
    out.push(`  ${k}: ${typeof v === 'boolean' ? v : JSON.stringify(v)}${' '.repeat(Math.max(1, 28 - k.length - String(v).length))}# "${ROLE_SETTINGS[k].label}"`);
  }
  return out;
}

/**
 * A starter policy for a role, in the role page's own words: every permission it holds, by
 * subtab, at exactly its current level (and restriction), so a change up or down fails the audit
 * (`minimumsOnly`: at least it); its flags and settings as they are; its record restrictions;
 * `excess: fail`. It always validates, and the role it came from passes it, or it says what the
 * role holds that no policy can pin. Pure: the time comes from the caller.
 */
export function formatStarterPolicy(role: RoleSnapshot, meta: { source: string; capturedAt: string; schemaPath: string; pack?: { name: string; rules: readonly PermissionRule[] }; minimumsOnly?: boolean }): string {
  // With a pack, what the pack requires and the role meets is the pack's to say (pinned at the
  // level held unless minimums only); the rest is listed.
  const held = heldLevels(role.permissions);
  const covered = new Map((meta.pack?.rules ?? [])
    .filter((r) => r.max === undefined && r.restriction === undefined && r.min && r.min !== 'NONE' && !held.get(r.id)?.readings && levelRank(held.get(r.id)?.level ?? 'NONE') >= levelRank(r.min))
    .map((r) => [r.id, r.min!] as const));
  const opts: StarterOptions = { minimumsOnly: meta.minimumsOnly === true, covered };
  const lines = [
    `# yaml-language-server: $schema=${meta.schemaPath}`,
    `# Written by 'ns-role-audit pull --as policy' from ${meta.source} at ${meta.capturedAt}.`,
    ...(opts.minimumsOnly
      ? ['# Review it: every permission the role holds today is required at least at its current level', '# (raising one still passes), and anything else fails the audit (excess: fail).']
      : ['# Review it: every permission the role holds today is pinned at exactly its current level (a', '# change up or down fails the audit), and anything else fails it too (excess: fail).']),
    '# Lower or remove what the integration does not need.',
    'version: 1',
    ...(meta.pack ? [`extends: [pack:${meta.pack.name}]   # the vendor's published role; below, what this role holds beyond it`] : []),
    `description: ${JSON.stringify(`Policy for ${role.name ?? role.scriptId ?? role.internalId}`)}`,
    '',
    'role:',
    ...(role.scriptId ? [`  scriptId: ${role.scriptId}`] : []),
    ...(role.name ? [`  name: ${JSON.stringify(role.name)}`] : []),
    ...(!role.scriptId && role.internalId ? [`  internalId: ${role.internalId}`] : []),
  ];
  const flags = FLAGS.filter((f) => role.flags[f] !== undefined && !(f === 'inactive' && role.flags[f] === false));
  lines.push('', 'flags:');
  for (const f of flags) lines.push(`  ${f}: ${role.flags[f]}`);
  if (role.flags.doNotRestrictEmployeeFields === undefined) lines.push('  # doNotRestrictEmployeeFields: true   # this source cannot read it; set it if the role needs it');
  if (!flags.length) lines.push('  {}');
  const settings = settingLines(role);
  if (settings.length) lines.push('', 'settings:', ...settings);
  if (role.recordRestrictions) {
    lines.push('', 'recordRestrictions:             # the Restrictions subtab; NONE = not restricted');
    const segments = [...new Set(['DEPARTMENT', 'CLASS', 'LOCATION', ...role.recordRestrictions.map((r) => r.segment)])];
    for (const s of segments) {
      const held = role.recordRestrictions.find((r) => r.segment === s);
      const boxes = held ? (['viewingAllowed', 'itemsRestricted'] as const).filter((b) => held[b] !== undefined).map((b) => `, ${b}: ${held[b]}`).join('') : '';
      const line = `${s}: ${boxes ? `{restriction: ${held!.restriction}${boxes}}` : held?.restriction ?? 'NONE'}`;
      // A segment a source names beyond the role page's three: shown, but a policy cannot pin it.
      lines.push((RECORD_SEGMENTS as readonly string[]).includes(s) ? `  ${line}` : `  # ${line}   (policies cannot pin this segment; 'compare' shows it)`);
    }
  }
  lines.push('', 'excess: fail');
  const tabs = SUBTABS.map((t) => [t, permissionLines(role, t, opts)] as const).filter(([, l]) => l.length);
  lines.push('', tabs.length ? 'permissions:' : 'permissions: {}');
  for (const [tab, perms] of tabs) {
    // A subtab of comments alone would read as null, which no policy accepts: it is an empty map.
    const head = `${tab}:${perms.every((l) => l.trimStart().startsWith('#')) ? ' {}' : ''}`;
    lines.push(`  ${head}${' '.repeat(Math.max(1, 15 - head.length))}# ${subtabLabel(tab)} subtab`, ...perms);
  }
  return lines.join('\n') + '\n';
}
