import { AuditError } from '../../core/errors';
import { formatStarterPolicy } from '../../core/policy/starter';
import { describeSelector, parseRoleSelector } from '../../core/role/select';
import { createLiveSource } from '../../adapters/sources/live-source';
import { formatSnapshot } from '../../core/role/snapshot';
import { inputPath, oneOf, parseCommandArgs, required } from '../args';
import { EXIT } from '../exit-codes';
import type { CliIo } from '../io';
import { openLiveSession } from '../live';
import { writeOutputFile } from '../output';
import { historyHook } from './audit';
import { packFile } from '../../adapters/packs';
import { readPolicy, readPolicyFromText } from '../../adapters/read-policy';
import { auditSnapshot } from '../../core/audit';
import { findingFails } from '../../core/verdict';
import { describeFinding } from '../../core/format/messages';
import { plural } from '../../core/format/plural';
import type { RoleSnapshot } from '../../core/model';
import type { RoleSource } from '../../adapters/sources/role-source';

export const PULL_HELP = `Usage: ns-role-audit pull --role <id|scriptid|name> [options]

Reads a live role's definition over REST SuiteQL and writes it as a snapshot
(for audits and diffs without network) or as a starter policy in the role
page's wording. Needs a token whose role may read roles (Bulk Manage Roles).

Options:
  --role <id>            script id, internal id or name (required)
  --as snapshot|policy   what to write (default snapshot)
  --pack <name>          with --as policy: start from a shipped pack
                         (extends: [pack:<name>]) and list what the role
                         holds beyond it ('ns-role-audit packs' lists them)
  --minimums             with --as policy: require each permission at least
                         at its level (default: exactly, so an escalation
                         fails the audit)
  --out <file>           write here instead of stdout (.json: JSON snapshot)
  --connection <name>    a connection from the config file (default: NETSUITE_*)
  --config <file>        config file (default ./ns-role-audit.config.yaml)
  --history <dir>        also keep the read in a history folder (see audit)
  --verbose              one line per HTTP request on stderr

Exit codes: 0 written, 1 no such role, 2 could not read.
`;

/** `ns-role-audit pull`. */
export async function runPull(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs('pull', argv, {
    role: { type: 'string' },
    as: { type: 'string', default: 'snapshot' },
    pack: { type: 'string' },
    minimums: { type: 'boolean', default: false },
    out: { type: 'string' },
    history: { type: 'string' },
    connection: { type: 'string' },
    config: { type: 'string' },
    verbose: { type: 'boolean', default: false },
  });
  if (values.help) { io.stdout.write(PULL_HELP); return EXIT.OK; }
  const selector = parseRoleSelector(required('pull', 'role', values.role));
  inputPath('--config', values.config);
  // `--out -` is standard output, as without --out.
  if (values.out === '-') values.out = undefined;
  const as = oneOf('as', values.as!, ['snapshot', 'policy'] as const);
  if (values.pack !== undefined && as !== 'policy') throw new AuditError('USAGE', '--pack starts a policy: use it with --as policy');
  if (values.minimums && as !== 'policy') throw new AuditError('USAGE', '--minimums shapes a policy: use it with --as policy');
  // Checked before any request: an unknown pack is a usage error with the list of packs.
  const pack = values.pack === undefined ? undefined : { name: values.pack, rules: readPolicy(packFile(`pack:${values.pack}`)!).rules };
  const session = openLiveSession({ connection: values.connection, config: values.config, verbose: values.verbose }, io);
  const source = createLiveSource(session, 'suiteql');
  const { role } = await source.fetchRole(selector);
  if (!role) {
    io.stderr.write(`ns-role-audit: no role ${describeSelector(selector)} in account ${session.connection.accountId}\n`);
    return EXIT.FINDINGS;
  }
  const capturedAt = io.now().toISOString();
  historyHook(values.history, io)?.(role, session.connection.accountId);
  const json = values.out?.toLowerCase().endsWith('.json');
  if (as === 'policy' && json) throw new AuditError('USAGE', '--as policy writes YAML; give --out a .yaml name');
  const text = as === 'snapshot'
    ? formatSnapshot([role], { capturedAt, account: session.connection.accountId, source: 'suiteql' }, json ? 'json' : 'yaml')
    : formatStarterPolicy(role, { source: `account ${session.connection.accountId}`, capturedAt, schemaPath: 'node_modules/ns-role-audit/schema/policy.schema.json', pack, minimumsOnly: values.minimums });
  if (!values.out) io.stdout.write(text);
  else {
    writeOutputFile(io, values.out, text);
    io.stderr.write(`wrote ${values.out}: ${role.scriptId ?? role.internalId}, ${role.permissions.length} permissions\n`);
  }
  // A starter built on a pack inherits the pack's other rules (holders, risks, conflicts): it is
  // audited against the role it came from, and a starter that would fail says so now.
  if (as === 'policy' && pack) await warnIfStarterFails(io, text, values.out ?? 'starter-policy.yaml', role, source, selector, capturedAt.slice(0, 10));
  return EXIT.OK;
}

async function warnIfStarterFails(io: CliIo, text: string, file: string, role: RoleSnapshot, source: RoleSource, selector: ReturnType<typeof parseRoleSelector>, today: string): Promise<void> {
  const policy = readPolicyFromText(file, text, { today });
  const access = policy.holders && role.internalId && source.readAccess ? await source.readAccess(role.internalId) : undefined;
  const check = auditSnapshot(policy, role, { selector, source: { kind: source.kind, location: source.location }, today, ...(access ? { access: access.facts } : {}) });
  if (!check.failed) return;
  const open = check.findings.filter((f) => findingFails(f, 'error'));
  io.stderr.write(`warning: this starter policy fails the role it was pulled from (${plural(open.length, 'finding')}):\n`
    + open.map((f) => `  ${f.code}: ${describeFinding(f)}\n`).join('')
    + `  Change the role, or edit the policy (a waiver with a reason and an expiry) before a CI run relies on it.\n`);
}
