import { SUBTABS, subtabLabel } from '../catalog';
import { formatLoc, type AuditReport, type Finding, type RoleAudit } from '../model';
import { createStyle, unstyled, type Style } from './ansi';
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

/** Words of `text` in lines of at most `width` columns (a longer word is cut). */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (let word of text.split(/\s+/).filter(Boolean)) {
    while (word.length > width) {
      if (line) { lines.push(line); line = ''; }
      lines.push(word.slice(0, width));
      word = word.slice(width);
    }
    if (!line) line = word;
    else if (line.length + 1 + word.length <= width) line += ` ${word}`;
    else { lines.push(line); line = word; }
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}

const CODE_WIDTH = 23;
/** Below this width the message goes under the code rather than beside it. */
const NARROW = 64;

/**
 * One finding. Without a width, one line. With one (a terminal), the message wraps under itself
 * beside the code (or under the code on a narrow terminal), the policy line last; an accepted
 * finding stays on one line, cut with `…`, unless `verbose` asks for every word.
 */
function findingLines(f: Finding, s: Style, width: number | undefined, verbose: boolean): string[] {
  const text = terminalText(describeFinding(f));
  const loc = f.loc ? terminalText(formatLoc(f.loc)) : '';
  const head = `    ${mark(f, s)} ${f.code.padEnd(CODE_WIDTH)} `;
  if (!width) return [`${head}${text}${loc ? s.dim(`  ${loc}`) : ''}`];
  const indent = width >= NARROW ? 4 + 2 + CODE_WIDTH + 1 : 6;
  const room = Math.max(20, width - indent);
  if (f.accepted && !verbose) {
    const one = text.length > room ? `${text.slice(0, room - 1)}…` : text;
    return width >= NARROW ? [`${head}${one}`] : [`${head.trimEnd()}`, `${' '.repeat(indent)}${one}`];
  }
  const body = wrapWords(text, room);
  const lastFits = loc && body[body.length - 1].length + 2 + loc.length <= room;
  const tail = loc ? (lastFits ? [] : [s.dim(loc)]) : [];
  const lines = [...body.slice(0, -1), lastFits ? `${body[body.length - 1]}${s.dim(`  ${loc}`)}` : body[body.length - 1], ...tail];
  const pad = ' '.repeat(indent);
  return width >= NARROW
    ? [`${head}${lines[0]}`, ...lines.slice(1).map((l) => `${pad}${l}`)]
    : [head.trimEnd(), ...lines.map((l) => `${pad}${l}`)];
}

function formatRole(r: RoleAudit, failOn: string, s: Style, width: number | undefined, verbose: boolean): string[] {
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
    for (const f of list) lines.push(...findingLines(f, s, width, verbose));
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
  const blocks = report.results.map((r) => formatRole(r, report.failOn, s, ctx.width, ctx.verbose === true).join('\n'));
  const b = report.baseline;
  const baseline = b
    ? terminalText(`Baseline ${b.file}: ${b.new} new, ${b.existing} already accepted, ${b.resolved.length} resolved since`) + b.resolved.map((x) => `\n  resolved: ${terminalText(`${x.role} ${x.code} ${x.target}`)}`).join('')
    : '';
  const errors = (report.errors ?? []).map((e) => s.red(`✗ could not audit connection ${terminalText(e.connection)}${e.account ? ` (account ${terminalText(e.account)})` : ''}: ${e.code}: ${terminalText(e.message)}`));
  const sod = conflictViewLines(report);
  const conflicts = sod.length ? `\nSegregation-of-duties conflicts across the run:\n${sod.map((c) => `  ${terminalText(c.name)}: ${plural(c.roles.length, 'role')}\n${c.roles.map((r) => `    ${terminalText(r)}`).join('\n')}`).join('\n')}\n` : '';
  const text = `${blocks.join('\n\n')}\n${baseline ? `\n${baseline}\n` : ''}${conflicts}${errors.length ? `\n${errors.join('\n')}\n` : ''}\n${summaryLine(report, s)}\n`;
  return ctx.width ? fitLines(text, ctx.width) : text;
};

/** Every line within `width` columns: a longer one wraps under its own indent (its colour dropped, its words kept). */
function fitLines(text: string, width: number): string {
  return text.split('\n').map((line) => {
    const plain = unstyled(line);
    if (plain.length <= width) return line;
    const indent = /^ */.exec(plain)![0].length;
    const pad = ' '.repeat(Math.min(indent + 2, Math.floor(width / 2)));
    const [first, ...rest] = wrapWords(plain, Math.max(10, width - pad.length));
    return [`${' '.repeat(indent)}${first}`, ...rest.map((l) => `${pad}${l}`)].join('\n');
  }).join('\n');
}
