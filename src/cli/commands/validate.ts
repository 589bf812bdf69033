import { AuditError, formatIssue, type InputIssue } from '../../core/errors';
import { readPolicy } from '../../adapters/read-policy';
import { inputPath, parseCommandArgs, oneOf } from '../args';
import { EXIT } from '../exit-codes';
import type { CliIo } from '../io';
import { readRoleDocuments } from '../../adapters/role-files';
import { validateSdfRole } from '../../core/role/validate-sdf';
import { terminalLines } from '../../core/format/escape';
import { plural } from '../../core/format/plural';
import { jsonText } from '../../core/format/json-text';

export const VALIDATE_HELP = `Usage: ns-role-audit validate <policy>... [--strict] [--format table|json]
       ns-role-audit validate --role-file <path> [--format table|json]

Checks policy files against the policy schema and NetSuite's catalog: known
permission names on the right subtab, grantable levels, real dates, extends.
Every problem is listed with file:line:column and a suggestion. Warnings are
wording that is valid but probably a mistake ({min: None} alone, a waiver a
year or more ahead, a waiver no rule can match, a level the permission never
offers).

With --role-file, checks SDF role files (one file, or every customrole XML of
a SuiteCloud project folder) as a deploy would, offline: script id, name and
center type, 2FA duration, levels each permission offers, duplicate lines, a
restriction on a standard permission, and custom record types of the same
project that do not grant the role the same level.

Options:
  --role-file <path>     SDF role files to check instead of policies
  --strict               fail on warnings too (exit 1)
  --format table|json    output (default table)

Exit codes: 0 all valid, 1 warnings with --strict, 2 any invalid.
`;

/** `ns-role-audit validate`. */
export async function runValidate(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('validate', argv, { format: { type: 'string', default: 'table' }, strict: { type: 'boolean', default: false }, 'role-file': { type: 'string' } }, true);
  if (values.help) { io.stdout.write(VALIDATE_HELP); return EXIT.OK; }
  const format = oneOf('format', values.format!, ['table', 'json'] as const);
  if (values['role-file']) {
    if (positionals.length) throw new AuditError('USAGE', 'validate: give policies or --role-file, not both');
    return validateRoleFiles(inputPath('--role-file', values['role-file']), format, io);
  }
  if (!positionals.length) throw new AuditError('USAGE', 'validate: name at least one policy file', { details: { hint: 'ns-role-audit validate policies/*.yaml' } });
  for (const file of positionals) inputPath('validate', file);
  const today = io.now().toISOString().slice(0, 10);
  const results: Array<{ file: string; valid: boolean; permissions?: number; conflicts?: number; issues: InputIssue[]; warnings: InputIssue[] }> = [];
  for (const file of positionals) {
    try {
      const p = readPolicy(file, { today });
      results.push({ file, valid: true, permissions: p.rules.length, ...(p.conflicts.length ? { conflicts: p.conflicts.length } : {}), issues: [], warnings: p.warnings });
    } catch (e) {
      if (!(e instanceof AuditError) || e.code !== 'POLICY_INVALID') throw e;
      results.push({ file, valid: false, issues: e.issues, warnings: [] });
    }
  }
  if (format === 'json') io.stdout.write(jsonText({ results }) + '\n');
  else {
    // File names and keys come from the user's files: nothing in them may drive the terminal.
    const say = (s: string) => io.stdout.write(`${terminalLines(s)}\n`);
    const list = (issues: InputIssue[]) => { for (const i of issues) say(`  ${formatIssue(i).replace(/\n/g, '\n  ')}`); };
    for (const r of results) {
      const warned = r.warnings.length ? `, ${plural(r.warnings.length, 'warning')}` : '';
      if (r.valid) say(`${r.warnings.length && values.strict ? '✗' : '✓'} ${r.file}: valid (${plural(r.permissions!, 'permission')}${r.conflicts ? `, ${plural(r.conflicts, 'conflict rule')}` : ''})${warned}`);
      else say(`✗ ${r.file}: ${plural(r.issues.length, 'problem')}`);
      list(r.issues);
      list(r.warnings);
    }
  }
  if (!results.every((r) => r.valid)) return EXIT.ERROR;
  return values.strict && results.some((r) => r.warnings.length) ? EXIT.FINDINGS : EXIT.OK;
}

/** `validate --role-file`: every role file under the path, checked as a deploy would. */
function validateRoleFiles(path: string, format: 'table' | 'json', io: CliIo): number {
  const { docs, recordTypes } = readRoleDocuments(path, io.cwd);
  const results = docs.map((d) => ({ file: d.file, role: d.doc.role.scriptId, issues: validateSdfRole(d.doc, { recordTypes }) }));
  if (format === 'json') io.stdout.write(jsonText({ results: results.map((r) => ({ ...r, valid: !r.issues.length })) }) + '\n');
  else {
    for (const r of results) {
      io.stdout.write(`${terminalLines(`${r.issues.length ? '✗' : '✓'} ${r.file}: ${r.issues.length ? plural(r.issues.length, 'problem') : 'deployable as far as an offline check can tell'}`)}\n`);
      for (const i of r.issues) io.stdout.write(`  ${terminalLines(formatIssue(i)).replace(/\n/g, '\n  ')}\n`);
    }
  }
  return results.every((r) => !r.issues.length) ? EXIT.OK : EXIT.ERROR;
}
