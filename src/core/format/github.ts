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

/** GitHub shows at most 10 error, 10 warning and 10 notice annotations per step (and 50 per job). */
export const ANNOTATIONS_PER_STEP = 10;

interface Annotation { command: Command; line: string; role?: string }

function roleAnnotations(r: RoleAudit): Annotation[] {
  const role = roleLabel(r);
  // The sentence already says why an accepted finding is accepted.
  const out: Annotation[] = r.findings.map((f) => {
    const loc = f.roleLoc ?? repositoryPolicyLoc(r, f);
    return { command: commandOf(f), role, line: githubCommand(commandOf(f), `${role}: ${f.message ?? describeFinding(f)}`, { title: `${f.code}: ${FINDING_HELP[f.code].title}`, ...(loc ? { loc } : {}) }) };
  });
  for (const n of r.notes) out.push({ command: 'notice', role, line: githubCommand('notice', `${role}: ${n}`, { title: 'ns-role-audit note' }) });
  return out;
}

const RANK: Record<Command, number> = { error: 0, warning: 1, notice: 2 };

/** Where every finding is, for the notice that counts what was not annotated. */
function whereTheRestIs(artifacts: readonly string[] | undefined): string {
  return artifacts?.length
    ? `every finding is in ${artifacts.join(', ')}`
    : 'keep every finding with --format sarif=results.sarif (code scanning) or --format html=report.html (an artifact)';
}

/**
 * An audit report as GitHub workflow commands, then one plain summary line. Within GitHub's
 * limits: at most 10 annotations of each kind, the most severe first (run errors, then findings
 * that fail, then warnings, then notices); when some are left out, each role with findings not
 * annotated gets a plain log line with its counts, and one notice says how many and where they are.
 */
export const formatGithub: Formatter<AuditReport> = (report, ctx) => {
  const s = report.summary;
  const all: Annotation[] = [
    ...(report.errors ?? []).map((e) => ({ command: 'error' as const, line: githubCommand('error', runErrorText(e), { title: e.code }) })),
    ...report.results.flatMap(roleAnnotations),
  ];
  // Array sort is stable: within a kind, the report's order.
  const ordered = [...all].sort((x, y) => RANK[x.command] - RANK[y.command]);
  const count = (c: Command) => ordered.filter((a) => a.command === c).length;
  const cut = count('error') > ANNOTATIONS_PER_STEP || count('warning') > ANNOTATIONS_PER_STEP || count('notice') > ANNOTATIONS_PER_STEP;
  // The counting notice takes one of the notices' places.
  const room: Record<Command, number> = { error: ANNOTATIONS_PER_STEP, warning: ANNOTATIONS_PER_STEP, notice: cut ? ANNOTATIONS_PER_STEP - 1 : ANNOTATIONS_PER_STEP };
  const shown: string[] = [];
  const left = new Map<string, Record<Command, number>>();
  const leftCount: Record<Command, number> = { error: 0, warning: 0, notice: 0 };
  for (const a of ordered) {
    if (room[a.command] > 0) {
      room[a.command]--;
      shown.push(a.line);
      continue;
    }
    leftCount[a.command]++;
    const key = a.role ?? 'the run';
    const c = left.get(key) ?? { error: 0, warning: 0, notice: 0 };
    c[a.command]++;
    left.set(key, c);
  }
  const parts = (c: Record<Command, number>) => [c.error && plural(c.error, 'error'), c.warning && plural(c.warning, 'warning'), c.notice && plural(c.notice, 'notice')].filter(Boolean).join(', ');
  const rest = cut
    ? [
      ...[...left].map(([role, c]) => `ns-role-audit: ${githubData(role)}: ${parts(c)} not annotated`),
      githubCommand('notice', `${parts(leftCount)} not annotated: GitHub shows ${ANNOTATIONS_PER_STEP} annotations of each kind per step, the most severe shown first; ${whereTheRestIs(ctx.artifacts)}.`, { title: `ns-role-audit: ${plural(leftCount.error + leftCount.warning + leftCount.notice, 'more finding')}` }),
    ]
    : [];
  const lines = [
    ...shown,
    ...rest,
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
