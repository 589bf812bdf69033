import { compareRoles } from '../../core/compare';
import { AuditError } from '../../core/errors';
import { describeSelector, parseRoleSelector } from '../../core/role/select';
import type { RoleSelector, RoleSnapshot } from '../../core/model';
import { createFileSource } from '../../adapters/role-files';
import { createLiveSource } from '../../adapters/sources/live-source';
import type { RoleSource } from '../../adapters/sources/role-source';
import { inputPath, parseCommandArgs } from '../args';
import { EXIT } from '../exit-codes';
import type { CliIo } from '../io';
import { openLiveSession } from '../live';
import { parseOutputs, writeOutputs } from '../output';
import { onlyDifferences } from '../../core/format/comparison';
import { toolVersion } from '../version';

export const COMPARE_HELP = `Usage: ns-role-audit compare [left] [right] [options]

Shows two roles side by side by subtab: permissions only on the left, only on
the right, at different levels, and flags that differ. Like NetSuite's Show
Role Differences, but across accounts, files and CI.

Left side (one of):
  --role-file <path>        SDF XML, SuiteCloud project folder or snapshot
  --connection <name>       a connection from the config file
  (none)                    the account in NETSUITE_* variables
Right side (one of):
  --with-file <path>        a second file
  --with <connection>       a second connection

Options:
  --role <id>               the role (script id, internal id or name); a file
                            holding one role needs none
  --accept-unverified       exit 0 when nothing differs although some fields
                            could not be compared (a side cannot show them);
                            every format lists them
  --with-role <id>          the right-hand role, when it differs (default --role)
  --only-differences        show only what differs or could not be compared
  --format <name>[=<file>]  table (default), json, junit, markdown, sarif,
                            github, csv, html; repeatable
  --config <file>           config file (default ./ns-role-audit.config.yaml)
  --verbose                 one line per HTTP request on stderr

Exit codes: 0 the roles are the same (every field known on both sides, or
accepted with --accept-unverified), 1 they differ or a field could not be
compared, 2 could not compare at all.

Examples:
  ns-role-audit compare --role customrole_polytomic --connection sandbox --with production
  ns-role-audit compare --role-file a.xml --with-file b.xml
`;

async function pick(source: RoleSource, sel: RoleSelector | undefined, side: string): Promise<RoleSnapshot> {
  let selector = sel;
  if (!selector) {
    const roles = await source.listRoles();
    if (roles.length !== 1) throw new AuditError('USAGE', `${side}: ${source.location} holds ${roles.length} roles; say which with --role`);
    selector = { scriptId: roles[0].scriptId, internalId: roles[0].internalId, name: roles[0].name };
  }
  const { role } = await source.fetchRole(selector);
  if (!role) throw new AuditError('ROLE_NOT_FOUND', `${side}: no role ${describeSelector(selector)} in ${source.location}`);
  return role;
}

/** `ns-role-audit compare`. */
export async function runCompare(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs('compare', argv, {
    role: { type: 'string' },
    'with-role': { type: 'string' },
    'role-file': { type: 'string' },
    'with-file': { type: 'string' },
    connection: { type: 'string' },
    with: { type: 'string' },
    format: { type: 'string', multiple: true },
    config: { type: 'string' },
    verbose: { type: 'boolean', default: false },
    'accept-unverified': { type: 'boolean', default: false },
    'only-differences': { type: 'boolean', default: false },
  });
  if (values.help) { io.stdout.write(COMPARE_HELP); return EXIT.OK; }
  const outputs = parseOutputs(values.format);
  for (const flag of ['role-file', 'with-file', 'config'] as const) inputPath(`--${flag}`, values[flag]);
  if (values['role-file'] && values.connection) throw new AuditError('USAGE', 'give the left side once: --role-file or --connection');
  if (values['with-file'] && values.with) throw new AuditError('USAGE', 'give the right side once: --with-file or --with');
  if (!values['with-file'] && !values.with) throw new AuditError('USAGE', 'compare: say what to compare with: --with-file <path> or --with <connection>', { details: { hint: "run 'ns-role-audit compare --help'" } });
  const live = (connection?: string) => createLiveSource(openLiveSession({ connection, config: values.config, verbose: values.verbose }, io), 'suiteql');
  const left = values['role-file'] ? createFileSource(values['role-file']) : live(values.connection);
  const right = values['with-file'] ? createFileSource(values['with-file']) : live(values.with);
  const leftSel = values.role ? parseRoleSelector(values.role) : undefined;
  const rightSel = values['with-role'] ? parseRoleSelector(values['with-role']) : leftSel;
  const [a, b] = await Promise.all([pick(left, leftSel, 'left'), pick(right, rightSel, 'right')]);
  const label = (file: string | undefined, conn: string | undefined, fallback: string) => file ?? conn ?? fallback;
  const comparison = compareRoles(a, b, {
    leftLabel: label(values['role-file'], values.connection, 'env'),
    rightLabel: label(values['with-file'], values.with, 'right'),
    generatedAt: io.now().toISOString(),
    version: toolVersion(),
    acceptUnverified: values['accept-unverified'],
  });
  const shown = values['only-differences'] ? onlyDifferences(comparison) : comparison;
  writeOutputs(outputs, io, (format, ctx) => format.comparison(shown, ctx), comparison.verdict === 'same' ? 'the roles are the same' : comparison.verdict === 'different' ? 'the roles differ' : 'nothing differs in what both sides show, but not everything could be compared');
  return comparison.equal ? EXIT.OK : EXIT.FINDINGS;
}
