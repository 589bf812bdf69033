import { getCatalog, levelLabel, SUBTABS, subtabLabel, subtabOf } from '../catalog';
import type { RoleSnapshot } from '../model';

const yamlKey = (s: string) => (/^[A-Za-z][\w ./()&-]*$/.test(s) && !/:\s|\s$/.test(s) ? s : JSON.stringify(s));

/**
 * A starter policy for a live role, in the role page's own words: every permission it holds,
 * by subtab, at its current level; its flags; `excess: fail`. Pure; the time comes from the caller.
 */
export function formatStarterPolicy(role: RoleSnapshot, meta: { source: string; capturedAt: string; schemaPath: string }): string {
  const catalog = getCatalog();
  const lines = [
    `# yaml-language-server: $schema=${meta.schemaPath}`,
    `# Written by 'ns-role-audit pull --as policy' from ${meta.source} at ${meta.capturedAt}.`,
    '# Review it: every permission the role holds today is required at its current level, and',
    '# anything else fails the audit (excess: fail). Lower or remove what the integration does not need.',
    'version: 1',
    `description: ${JSON.stringify(`Policy for ${role.name ?? role.scriptId ?? role.internalId}`)}`,
    '',
    'role:',
    ...(role.scriptId ? [`  scriptId: ${role.scriptId}`] : []),
    ...(role.name ? [`  name: ${JSON.stringify(role.name)}`] : []),
    ...(!role.scriptId && role.internalId ? [`  internalId: ${role.internalId}`] : []),
    '',
    'flags:',
  ];
  const f = role.flags;
  if (f.webServicesOnly !== undefined) lines.push(`  webServicesOnly: ${f.webServicesOnly}              # "Web Services Only Role"`);
  if (f.doNotRestrictEmployeeFields !== undefined) lines.push(`  doNotRestrictEmployeeFields: ${f.doNotRestrictEmployeeFields}`);
  else lines.push('  # doNotRestrictEmployeeFields: true   # "Do Not Restrict Employee Fields": this source cannot read it; set it if the role needs it');
  lines.push('', 'excess: fail', '', 'permissions:');
  const uncatalogued: string[] = [];
  for (const tab of SUBTABS) {
    const perms = role.permissions
      .filter((p) => p.level !== 'NONE' && subtabOf(p.permkey) === tab)
      .map((p) => ({ p, known: catalog.byId(p.permkey) }))
      .sort((a, b) => (a.known?.name ?? a.p.permkey).localeCompare(b.known?.name ?? b.p.permkey));
    if (!perms.length) continue;
    lines.push(`  ${tab}:${' '.repeat(Math.max(1, 14 - tab.length))}# ${subtabLabel(tab)} subtab`);
    for (const { p, known } of perms) {
      if (!known && tab !== 'customRecords') { uncatalogued.push(p.permkey); continue; }
      lines.push(`    ${yamlKey(known?.name ?? p.permkey)}: ${levelLabel(p.level)}`);
    }
  }
  if (uncatalogued.length) {
    lines.push('  customRecords:     # IDs no catalog lists (kept by ID; check what they are)');
    for (const id of uncatalogued) lines.push(`    ${id}: ${levelLabel(role.permissions.find((p) => p.permkey === id)!.level)}`);
  }
  return lines.join('\n') + '\n';
}
