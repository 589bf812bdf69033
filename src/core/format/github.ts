/**
 * GitHub Actions workflow commands: `::error file=F,line=L,col=C,title=T::message` per finding
 * (warnings as `::warning`, info and accepted findings as `::notice`), escaped as GitHub's runner
 * reads them, so each finding becomes an annotation on the line where it is fixed.
 */
import type { AuditReport, Finding, RoleAudit, RoleComparison, SourceLoc } from '../model';
import { comparisonRows, comparisonSummary, rowDiffers } from './comparison';
import { terminalText } from './escape';
import { FINDING_HELP } from './finding-help';
import { repositoryPolicyLoc } from './sarif';
import { describeFinding, roleLabel, runErrorText, runVerdictText } from './messages';
import { plural } from './plural';
import type { Formatter } from './registry';

/**
 * A command's message: `%`, CR and LF encoded (the runner decodes them); every other control
 * character made inert (the log viewer would run an ANSI escape from NetSuite data); `##[`, which
 * the runner reads as a legacy command anywhere in a line, broken as `#＃[`.
 */
export const githubData = (s: string) => terminalText(s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')).replace(/##(?=(?:vso)?\[)/gi, '#\uFF03');
/** A property value: as data, and `:` and `,` too (they separate properties). */
export const githubProperty = (s: string) => githubData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

type Command = 'error' | 'warning' | 'notice';

/** One workflow command; `loc` pins it to a file, line and column. */
export function githubCommand(command: Command, message: string, props: { title?: string; loc?: SourceLoc }): string {
  const p: string[] = [];
  if (props.loc) p.push(`file=${githubProperty(props.loc.file.replace(/\\/g, '/'))}`, `line=${props.loc.line}`, `col=${props.loc.column}`);
  if (props.title) p.push(`title=${githubProperty(props.title)}`);
  return `::${command}${p.length ? ` ${p.join(',')}` : ''}::${githubData(message)}`;
}

function commandOf(f: Finding): Command {
  if (f.accepted || f.severity === 'info') return 'notice';
  return f.severity === 'error' ? 'error' : 'warning';
}

function roleLines(r: RoleAudit): string[] {
  const role = roleLabel(r);
  // The sentence already says why an accepted finding is accepted.
  const lines = r.findings.map((f) => {
    const loc = f.roleLoc ?? repositoryPolicyLoc(r, f);
    return githubCommand(commandOf(f), `${role}: ${f.message ?? describeFinding(f)}`, { title: `${f.code}: ${FINDING_HELP[f.code].title}`, ...(loc ? { loc } : {}) });
  });
  for (const n of r.notes) lines.push(githubCommand('notice', `${role}: ${n}`, { title: 'ns-role-audit note' }));
  return lines;
}

/** An audit report as GitHub workflow commands, then one plain summary line. */
export const formatGithub: Formatter<AuditReport> = (report) => {
  const s = report.summary;
  const lines = [
    ...report.results.flatMap(roleLines),
    ...(report.errors ?? []).map((e) => githubCommand('error', runErrorText(e), { title: e.code })),
    `ns-role-audit: ${plural(s.roles, 'role')}, ${s.compliant} compliant, ${s.nonCompliant} non-compliant, ${s.unverified} unverified; the run ${runVerdictText(report)}`,
  ];
  return lines.join('\n') + '\n';
};

/** A comparison as GitHub workflow commands: a warning per difference, a notice per field that could not be compared. */
export const formatComparisonGithub: Formatter<RoleComparison> = (c) => {
  const rows = comparisonRows(c);
  const lines = [
    ...rows.filter(rowDiffers).map((r) => githubCommand('warning', r.message, { title: 'Roles differ' })),
    ...rows.filter((r) => r.kind === 'unknown').map((r) => githubCommand(c.acceptedUnverified ? 'notice' : 'warning', r.message, { title: 'Cannot compare' })),
  ];
  return [...lines, `ns-role-audit compare: ${githubData(comparisonSummary(c))}`].join('\n') + '\n';
};
