import { SUBTABS, levelLabel, subtabLabel, type Level } from '../catalog';
import { FLAG_LABELS, ROLE_SETTINGS, type AuditReport, type Finding, type RoleAudit, type SettingKey, type SettingSection } from '../model';
import { markdownCode as c, markdownText as t } from './escape';
import { describeFinding, settingLabel } from './messages';
import type { Formatter } from './registry';

/** The level an administrator should pick to satisfy a finding. */
function targetLevel(f: Finding): Level | undefined {
  if (f.code === 'PERMISSION_MISSING' || f.code === 'LEVEL_TOO_LOW') return f.expectedMin;
  if (f.code === 'LEVEL_ABOVE_MAX') return f.expectedMax;
  return undefined;
}

/** One click-by-click item for a finding on the Permissions tab; undefined when there is nothing to click. */
function permissionItem(f: Finding): string | undefined {
  const name = `**${t(f.permission!.name)}**${f.permission!.name === f.permission!.id ? '' : ` (${t(f.permission!.id)})`}`;
  const to = targetLevel(f);
  switch (f.code) {
    case 'PERMISSION_MISSING': return `- [ ] Add ${name}, level **${levelLabel(to!)}**`;
    case 'LEVEL_TOO_LOW': return `- [ ] Raise ${name} from ${levelLabel(f.actualLevel!)} to **${levelLabel(to!)}**`;
    case 'LEVEL_ABOVE_MAX': return to === 'NONE'
      ? `- [ ] Remove ${name} (now ${levelLabel(f.actualLevel!)})`
      : `- [ ] Lower ${name} from ${levelLabel(f.actualLevel!)} to **${levelLabel(to!)}**`;
    case 'PERMISSION_EXCESS': return `- [ ] Remove ${name} (now ${levelLabel(f.actualLevel!)})`;
    case 'PERMISSION_RESTRICTION_MISMATCH': return `- [ ] Set the **Restrict** column of ${name} to **${f.expectedValues!.map(t).join('** or **')}** (now ${t(String(f.actualValue))})`;
    default: return undefined;
  }
}

function flagItem(f: Finding): string | undefined {
  if (f.code === 'FLAG_MISMATCH') return `- [ ] ${f.expectedFlag ? 'Check' : 'Uncheck'} **${FLAG_LABELS[f.flag!]}**`;
  if (f.code === 'ROLE_INACTIVE') return '- [ ] Uncheck **Inactive**';
  return undefined;
}

/** Where on the role page each kind of setting is changed. */
const SECTION_TITLES: Record<SettingSection | 'restrictions', string> = {
  top: 'Role settings (top of the page)',
  authentication: 'Role settings (top of the page)',
  employee: 'Employee Restrictions (top of the page)',
  subsidiary: 'Subsidiary Restrictions (top of the page)',
  restrictions: 'Restrictions subtab',
};

/** One item for a setting or record restriction finding, with the section of the page it is changed in. */
function settingItem(f: Finding): [string, string] | undefined {
  const label = settingLabel(f.setting);
  if (f.code === 'RECORD_RESTRICTION_MISMATCH') {
    const want = f.expectedValues![0];
    const segment = t(f.setting!.split('.')[1]);
    const text = want === 'NONE' ? `- [ ] Remove the **${segment}** line (now ${t(String(f.actualValue))})` : `- [ ] Set the **${segment}** line to **${t(want)}** (now ${t(String(f.actualValue))})`;
    return [SECTION_TITLES.restrictions, text];
  }
  if (f.code !== 'SETTING_MISMATCH') return undefined;
  const def = ROLE_SETTINGS[f.setting as SettingKey];
  const text = def.type === 'boolean'
    ? `- [ ] ${f.expectedValues![0] === 'checked' ? 'Check' : 'Uncheck'} **${label}**`
    : `- [ ] Set **${label}** to **${f.expectedValues!.map(t).join('** or **')}** (now ${t(String(f.actualValue))})`;
  return [SECTION_TITLES[def.section], text];
}

const verdict = (failed: boolean, failOn: string) => (failed ? `**fails** (--fail-on ${failOn})` : 'passes');

function roleSection(r: RoleAudit, failOn: string): string {
  const name = r.role.name ?? r.role.scriptId ?? r.role.selector;
  const id = r.role.scriptId && r.role.scriptId !== name ? ` (${c(r.role.scriptId)})` : '';
  const out = [`## ${t(name)}${id}`, ''];
  out.push(`Policy ${c(r.policy.file)} · source ${r.source.kind} ${c(r.source.location)} · **${r.status}** · ${verdict(r.failed, failOn)}`, '');
  for (const note of r.notes) out.push(`> **Note:** ${t(note)}`, '');
  if (!r.role.found) {
    out.push('- [ ] Create the role: **Setup > Users/Roles > Manage Roles > New Role**' + (r.role.scriptId ? `, ID ${c(r.role.scriptId.replace(/^customrole/, ''))} (script id ${c(r.role.scriptId)})` : '') + (r.role.name ? `, name **${t(r.role.name)}**` : ''), '- [ ] Then run the audit again for the permissions to add.', '');
    return out.join('\n');
  }
  // Every finding not accepted that a click fixes becomes an item under the part of the page it
  // is made in; every other finding (accepted, or nothing to click) is listed under "To review".
  const sections = new Map<string, string[]>();
  const add = (title: string, item: string) => sections.set(title, [...(sections.get(title) ?? []), item]);
  const review: Finding[] = [];
  for (const f of r.findings) {
    const flag = f.accepted ? undefined : flagItem(f);
    const setting = f.accepted ? undefined : settingItem(f);
    const perm = f.accepted || !f.permission ? undefined : permissionItem(f);
    if (flag) add(SECTION_TITLES.top, flag);
    else if (setting) add(setting[0], setting[1]);
    else if (perm) add(`Permissions > ${subtabLabel(f.permission!.subtab)}`, perm);
    else review.push(f);
  }
  const order = [...new Set(Object.values(SECTION_TITLES)), ...SUBTABS.map((t) => `Permissions > ${subtabLabel(t)}`)];
  const ordered = order.filter((t) => sections.has(t)).map((t) => [t, sections.get(t)!] as const);
  if (!ordered.length) out.push(review.length ? 'No change to make on the role page from what could be seen; see "To review".' : 'No changes needed.', '');
  else {
    out.push(`In NetSuite: **Setup > Users/Roles > Manage Roles**, then **Edit** beside **${t(name)}**.`, '');
    for (const [title, items] of ordered) out.push(`### ${title}`, '', ...items, '');
    out.push('- [ ] Click **Save**, then run the audit again.', '');
  }
  if (review.length) {
    out.push('### To review', '');
    for (const f of review) out.push(`- ${f.code}: ${t(describeFinding(f))}`);
    out.push('');
  }
  return out.join('\n');
}

/** A Markdown checklist an administrator follows click by click in NetSuite's role page. */
export const formatMarkdown: Formatter<AuditReport> = (report) => {
  const head = [
    '# Role remediation checklist',
    '',
    `Generated by ${report.tool.name} ${report.tool.version} at ${report.generatedAt}: ${report.summary.roles} role(s), ${report.summary.compliant} compliant, ${report.summary.withWarnings ? `${report.summary.withWarnings} with warnings, ` : ''}${report.summary.nonCompliant} non-compliant${report.summary.unverified ? `, ${report.summary.unverified} not fully verified` : ''}. The run ${verdict(report.summary.failed, report.failOn)}${report.summary.failed ? ` (${report.summary.failedRoles} role(s) failing)` : ''}.`,
    '',
  ];
  const b = report.baseline;
  const baseline = b ? [`Baseline ${c(b.file)}: ${b.new} new finding(s), ${b.existing} already accepted (not listed as changes), ${b.resolved.length} resolved since.`, ''] : [];
  const errors = report.errors?.length
    ? ['## Could not audit', '', ...report.errors.map((e) => `- Connection ${c(e.connection)}${e.account ? ` (account ${c(e.account)})` : ''}: ${e.code}: ${t(e.message)}`), '']
    : [];
  return [...head, ...baseline, ...errors, ...report.results.map((r) => roleSection(r, report.failOn))].join('\n').replace(/\n+$/, '\n');
};

