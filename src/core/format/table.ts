import { SUBTABS, subtabLabel } from '../catalog';
import { formatLoc, type AuditReport, type Finding, type RoleAudit } from '../model';
import { createStyle, type Style } from './ansi';
import { terminalText } from './escape';
import { conflictViewLines, describeFinding, runVerdictText } from './messages';
import { plural } from './plural';
import type { Formatter } from './registry';

// `~` marks an accepted finding (waived or in the baseline): shown, not counted.
const MARK = { error: '✗', warning: '!', info: '·', accepted: '~' } as const;

function mark(f: Finding, s: Style): string {
  if (f.accepted) return s.dim(MARK.accepted);
  if (f.severity === 'error') return s.red(MARK.error);
  if (f.severity === 'warning') return s.yellow(MARK.warning);
  return s.dim(MARK.info);
}

function roleTitle(r: RoleAudit): string {
  const id = r.role.scriptId ?? (r.role.internalId ? `#${r.role.internalId}` : r.role.selector);
  return terminalText(r.role.name ? `${r.role.name} (${id})` : id);
}

function statusText(r: RoleAudit, s: Style): string {
  switch (r.status) {
    case 'compliant': return s.green('compliant');
    case 'warnings': return s.yellow('compliant, with warnings');
    case 'unverified': return s.yellow('not fully verified');
    case 'non-compliant': return s.red(r.role.found ? 'non-compliant' : 'not found');
  }
}

function verdictText(failed: boolean, failOn: string, s: Style): string {
  return failed ? s.red(`fails (--fail-on ${failOn})`) : s.green('passes');
}

function findingLine(f: Finding, s: Style): string {
  const where = f.loc ? s.dim(`  ${terminalText(formatLoc(f.loc))}`) : '';
  return `    ${mark(f, s)} ${f.code.padEnd(23)} ${terminalText(describeFinding(f))}${where}`;
}

function formatRole(r: RoleAudit, failOn: string, s: Style): string[] {
  const lines = [`${s.bold(roleTitle(r))}  ${statusText(r, s)} · ${verdictText(r.failed, failOn, s)}`, s.dim(terminalText(`  policy ${r.policy.file} · source ${r.source.kind} ${r.source.location}`))];
  for (const note of r.notes) lines.push(s.yellow(`  note: ${terminalText(note)}`));
  const groups: Array<[string, Finding[]]> = [
    ['Role', r.findings.filter((f) => !f.permission && !f.rule.startsWith('waiver:'))],
    ...SUBTABS.map((t) => [subtabLabel(t), r.findings.filter((f) => f.permission?.subtab === t)] as [string, Finding[]]),
    ['Waivers', r.findings.filter((f) => !f.permission && f.rule.startsWith('waiver:'))],
  ];
  for (const [title, list] of groups) {
    if (!list.length) continue;
    lines.push(`  ${s.bold(title)}`);
    for (const f of list) lines.push(findingLine(f, s));
  }
  const passed = r.rules.filter((x) => x.status === 'pass').length;
  const where = r.source.connection ? ` · connection ${terminalText(r.source.connection)}` : '';
  lines.push(s.dim(`  ${plural(r.rules.length, 'rule')}: ${passed} passed · ${plural(r.counts.errors, 'error')}, ${r.counts.unverifiable} not verifiable, ${plural(r.counts.warnings, 'warning')}, ${r.counts.accepted} accepted${where}`));
  return lines;
}

function summaryLine(report: AuditReport, s: Style): string {
  const x = report.summary;
  const parts = [plural(x.roles, 'role'), s.green(`${x.compliant} compliant`)];
  if (x.withWarnings) parts.push(s.yellow(`${x.withWarnings} with warnings`));
  parts.push((x.nonCompliant ? s.red : s.dim)(`${x.nonCompliant} non-compliant`));
  if (x.unverified) parts.push(s.yellow(`${x.unverified} not fully verified`));
  const failing = x.failedRoles ? ` (${plural(x.failedRoles, 'role')} failing)` : '';
  const verdict = runVerdictText(report);
  return `${parts.join(', ')} — the run ${x.verdict === 'passed' ? s.green(verdict) : s.red(verdict)}${failing}`;
}

/** The terminal table: one block per role, findings grouped by role-page subtab. */
export const formatTable: Formatter<AuditReport> = (report, ctx) => {
  const s = createStyle(ctx.color);
  const blocks = report.results.map((r) => formatRole(r, report.failOn, s).join('\n'));
  const b = report.baseline;
  const baseline = b
    ? terminalText(`Baseline ${b.file}: ${b.new} new, ${b.existing} already accepted, ${b.resolved.length} resolved since`) + b.resolved.map((x) => `\n  resolved: ${terminalText(`${x.role} ${x.code} ${x.target}`)}`).join('')
    : '';
  const errors = (report.errors ?? []).map((e) => s.red(`✗ could not audit connection ${terminalText(e.connection)}${e.account ? ` (account ${terminalText(e.account)})` : ''}: ${e.code}: ${terminalText(e.message)}`));
  const sod = conflictViewLines(report);
  const conflicts = sod.length ? `\nSegregation-of-duties conflicts across the run:\n${sod.map((c) => `  ${terminalText(c.name)}: ${plural(c.roles.length, 'role')}\n${c.roles.map((r) => `    ${terminalText(r)}`).join('\n')}`).join('\n')}\n` : '';
  return `${blocks.join('\n\n')}\n${baseline ? `\n${baseline}\n` : ''}${conflicts}${errors.length ? `\n${errors.join('\n')}\n` : ''}\n${summaryLine(report, s)}\n`;
};
