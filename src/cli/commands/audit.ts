import { buildReport, auditRole } from '../../audit';
import { failsAt, type FailOn } from '../../diff';
import { AuditError } from '../../errors';
import { readPolicy } from '../../policy';
import { describeSelector, parseRoleSelector } from '../../role/select';
import { createFileSource } from '../../sources/file-source';
import type { RoleSource } from '../../sources/role-source';
import { oneOf, parseCommandArgs, required } from '../args';
import { EXIT } from '../exit-codes';
import type { CliIo } from '../io';
import { parseOutputs, writeOutputs } from '../output';
import { toolVersion } from '../version';
import { resolveLiveSource } from '../live';

export const AUDIT_HELP = `Usage: ns-role-audit audit --policy <file> [source] [options]

Compares a NetSuite role with a policy and reports what is missing, too low,
in excess or above a ceiling.

Source (one of):
  --role-file <path>        SDF customrole XML, a SuiteCloud project folder
                            (Objects/**/customrole_*.xml) or a role snapshot
  (none)                    the live account in the environment: NETSUITE_ACCOUNT_ID,
                            NETSUITE_CONSUMER_KEY, NETSUITE_CONSUMER_SECRET,
                            NETSUITE_TOKEN_ID, NETSUITE_TOKEN_SECRET and optional
                            NETSUITE_BASE_URL
  --connection <name>       a named connection from ns-role-audit.config.yaml
  --source <kind>           live source: auto (default), suiteql or soap

Options:
  --policy <file>           policy YAML (required)
  --role <id|scriptid|name> audit this role instead of the one the policy names
  --fail-on <level>         error (default), warning or never
  --format <name>[=<file>]  table (default), json, junit, markdown; repeat the
                            flag for several outputs, each to stdout or a file
  --today <YYYY-MM-DD>      date for waiver expiry (default: today, UTC)
  --config <file>           config file for --connection (default
                            ./ns-role-audit.config.yaml)
  --verbose                 one line per HTTP request on stderr (no secrets)
  -h, --help                show this help

Exit codes: 0 compliant, 1 findings at or above --fail-on, 2 could not audit.

Examples:
  ns-role-audit audit --policy policies/polytomic.yaml --role-file src/Objects/customrole_polytomic.xml
  ns-role-audit audit --policy policies/polytomic.yaml --format junit=reports/role.xml --format table
`;

/** Parses --today or takes today's date (UTC) from the clock. */
export function todayFrom(value: string | undefined, io: CliIo): string {
  if (value === undefined) return io.now().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) {
    throw new AuditError('USAGE', `--today ${JSON.stringify(value)}: expected a date as YYYY-MM-DD`);
  }
  return value;
}

/** `ns-role-audit audit`. */
export async function runAudit(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs('audit', argv, {
    policy: { type: 'string' },
    'role-file': { type: 'string' },
    role: { type: 'string' },
    'fail-on': { type: 'string', default: 'error' },
    format: { type: 'string', multiple: true },
    today: { type: 'string' },
    connection: { type: 'string' },
    source: { type: 'string' },
    config: { type: 'string' },
    verbose: { type: 'boolean', default: false },
  });
  if (values.help) { io.stdout.write(AUDIT_HELP); return EXIT.OK; }
  const failOn = oneOf<FailOn>('fail-on', values['fail-on']!, ['error', 'warning', 'never']);
  const outputs = parseOutputs(values.format);
  const today = todayFrom(values.today, io);
  const policy = readPolicy(required('audit', 'policy', values.policy));
  const selector = values.role ? parseRoleSelector(values.role) : policy.role;
  if (!selector.scriptId && !selector.internalId && !selector.name) {
    throw new AuditError('USAGE', `${policy.file} names no role`, { details: { hint: "add role.scriptId to the policy, or pass --role <script id|internal id|name>" } });
  }
  if (values['role-file'] && (values.connection || values.source)) {
    throw new AuditError('USAGE', '--role-file cannot be combined with --connection or --source');
  }
  let source: RoleSource;
  if (values['role-file']) source = createFileSource(values['role-file']);
  else source = await resolveLiveSource({ connection: values.connection, source: values.source, config: values.config, verbose: values.verbose }, io);
  try {
    const result = await auditRole(policy, source, selector, today);
    const report = buildReport([result], { version: toolVersion(), generatedAt: io.now().toISOString(), failOn });
    writeOutputs(report, outputs, io);
    if (!result.role.found) io.stderr.write(`ns-role-audit: role ${describeSelector(selector)} not found in ${source.location}\n`);
    return failsAt(result.findings, failOn) ? EXIT.FINDINGS : EXIT.OK;
  } finally {
    await source.close?.();
  }
}
