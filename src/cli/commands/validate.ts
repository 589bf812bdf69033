import { AuditError, formatIssue, type InputIssue } from '../../core/errors';
import { readPolicy } from '../../adapters/read-policy';
import { parseCommandArgs, oneOf } from '../args';
import { EXIT } from '../exit-codes';
import type { CliIo } from '../io';

export const VALIDATE_HELP = `Usage: ns-role-audit validate <policy>... [--format table|json]

Checks policy files against the policy schema and NetSuite's catalog: known
permission names on the right subtab, grantable levels, real dates, extends.
Every problem is listed with file:line:column and a suggestion.

Exit codes: 0 all valid, 2 any invalid.
`;

/** `ns-role-audit validate`. */
export async function runValidate(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('validate', argv, { format: { type: 'string', default: 'table' } }, true);
  if (values.help) { io.stdout.write(VALIDATE_HELP); return EXIT.OK; }
  const format = oneOf('format', values.format!, ['table', 'json'] as const);
  if (!positionals.length) throw new AuditError('USAGE', 'validate: name at least one policy file', { details: { hint: 'ns-role-audit validate policies/*.yaml' } });
  const results: Array<{ file: string; valid: boolean; permissions?: number; conflicts?: number; issues: InputIssue[] }> = [];
  for (const file of positionals) {
    try {
      const p = readPolicy(file);
      results.push({ file, valid: true, permissions: p.rules.length, ...(p.conflicts.length ? { conflicts: p.conflicts.length } : {}), issues: [] });
    } catch (e) {
      if (!(e instanceof AuditError) || e.code !== 'POLICY_INVALID') throw e;
      results.push({ file, valid: false, issues: e.issues });
    }
  }
  if (format === 'json') io.stdout.write(JSON.stringify({ results }, null, 2) + '\n');
  else {
    for (const r of results) {
      if (r.valid) io.stdout.write(`✓ ${r.file}: valid (${r.permissions} permissions${r.conflicts ? `, ${r.conflicts} conflict rules` : ''})\n`);
      else {
        io.stdout.write(`✗ ${r.file}: ${r.issues.length} problem${r.issues.length === 1 ? '' : 's'}\n`);
        for (const i of r.issues) io.stdout.write(`  ${formatIssue(i).replace(/\n/g, '\n  ')}\n`);
      }
    }
  }
  return results.every((r) => r.valid) ? EXIT.OK : EXIT.ERROR;
}
