import { stringify } from 'yaml';
import { getCatalog, levelLabel, levelRank, parsePermkey, SUBTABS, subtabLabel, subtabOf, type Subtab } from '../catalog';
import { FLAGS, RECORD_SEGMENTS, ROLE_SETTINGS, SETTING_KEYS, type PermissionRule, type RolePermission, type RoleSnapshot } from '../model';

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

function permissionLines(role: RoleSnapshot, tab: Subtab, covered: ReadonlySet<string>): string[] {
  // A source that repeats a line: the highest level is what the role holds (as the diff reads it).
  const highest = new Map<string, RolePermission>();
  for (const p of role.permissions) {
    if (p.level === 'NONE' || subtabOf(p.permkey) !== tab || covered.has(p.permkey)) continue;
    const prev = highest.get(p.permkey);
    if (!prev || levelRank(p.level) > levelRank(prev.level)) highest.set(p.permkey, p);
  }
  const lines = [...highest.values()]
    .map((p) => ({ key: policyName(p.permkey), p }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const seen = new Set<string>();
  const out: string[] = [];
  for (const { key, p } of lines) {
    if (parsePermkey(p.permkey).kind === 'unknown') {
      out.push(`    # ${JSON.stringify(p.permkey)}: ${levelLabel(p.level)}   (a key form no policy can name: audits report it as excess)`);
      continue;
    }
    if (seen.has(key)) continue; // two key forms of one permission
    seen.add(key);
    const note = getCatalog().byId(p.permkey) ? '' : parsePermkey(p.permkey).kind === 'standard' ? '   # no catalog lists this ID: check what it is' : '';
    const restriction = p.restriction && !/^-?\d+$/.test(p.restriction) ? p.restriction : undefined;
    // Real roles can hold a level the role page does not offer (REPO_ANALYTICS at Full): require
    // the highest level a policy may name that the role still meets, and say so.
    const offered = getCatalog().byId(p.permkey)?.levels;
    const level = offered && !offered.includes(p.level) ? [...offered].reverse().find((l) => levelRank(l) <= levelRank(p.level) && l !== 'NONE') : p.level;
    if (!level) continue;
    const held = level === p.level ? note : `${note}   # the role holds ${levelLabel(p.level)}, which the role page does not offer`;
    out.push(restriction ? `    ${yamlKey(key)}: {min: ${levelLabel(level)}, restriction: ${restriction}}${held}` : `    ${yamlKey(key)}: ${levelLabel(level)}${held}`);
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
 * subtab, at its current level (and restriction); its flags and settings as they are; its record
 * restrictions; `excess: fail`. It always validates, and the role it came from passes it. Pure:
 * the time comes from the caller.
 */
export function formatStarterPolicy(role: RoleSnapshot, meta: { source: string; capturedAt: string; schemaPath: string; pack?: { name: string; rules: readonly PermissionRule[] } }): string {
  // With a pack, what the pack requires and the role meets is the pack's to say; the rest is listed.
  const held = new Map(role.permissions.map((p) => [p.permkey, p.level]));
  const covered = new Set((meta.pack?.rules ?? []).filter((r) => r.max === undefined && r.restriction === undefined && (!r.min || levelRank(held.get(r.id) ?? 'NONE') >= levelRank(r.min))).map((r) => r.id));
  const lines = [
    `# yaml-language-server: $schema=${meta.schemaPath}`,
    `# Written by 'ns-role-audit pull --as policy' from ${meta.source} at ${meta.capturedAt}.`,
    '# Review it: every permission the role holds today is required at its current level, and',
    '# anything else fails the audit (excess: fail). Lower or remove what the integration does not need.',
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
      const line = `${s}: ${role.recordRestrictions.find((r) => r.segment === s)?.restriction ?? 'NONE'}`;
      // A segment a source names beyond the role page's three: shown, but a policy cannot pin it.
      lines.push((RECORD_SEGMENTS as readonly string[]).includes(s) ? `  ${line}` : `  # ${line}   (policies cannot pin this segment; 'compare' shows it)`);
    }
  }
  lines.push('', 'excess: fail');
  const tabs = SUBTABS.map((t) => [t, permissionLines(role, t, covered)] as const).filter(([, l]) => l.length);
  lines.push('', tabs.length ? 'permissions:' : 'permissions: {}');
  for (const [tab, perms] of tabs) lines.push(`  ${tab}:${' '.repeat(Math.max(1, 14 - tab.length))}# ${subtabLabel(tab)} subtab`, ...perms);
  return lines.join('\n') + '\n';
}
