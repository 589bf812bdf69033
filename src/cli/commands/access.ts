import { plural } from '../../core/format/plural';
import { runVerdictText } from '../../core/format/messages';
import { resolve } from 'node:path';
import { auditAccess, type AccountAccess } from '../../core/access/account';
import { DEFAULT_MAX_IDLE_DAYS } from '../../core/access/checks';
import { buildReport } from '../../core/audit';
import { AuditError } from '../../core/errors';
import { ACCESS_FINDING_CODES, FAIL_ON, type ConflictRule, type FailOn, type HoldersRule, type RoleAudit, type RunError, type Waiver } from '../../core/model';
import { acceptUnverified } from '../../core/verdict';
import { describeSelector, matchesSelector, parseRoleSelector } from '../../core/role/select';
import { readAccountAccess } from '../../adapters/access/read-access';
import { CONFIG_FILE, readConfig } from '../../adapters/config';
import { readPolicy } from '../../adapters/read-policy';
import { inputPath, oneOf, parseCommandArgs } from '../args';
import { EXIT, exitCodeOf } from '../exit-codes';
import type { CliIo } from '../io';
import { openLiveSession } from '../live';
import { parseOutputs, writeOutputs } from '../output';
import { createProgress } from '../progress';
import { toolVersion } from '../version';
import { todayFrom, writePolicyWarnings } from './audit';

export const ACCESS_HELP = `Usage: ns-role-audit access [--role <id>]... [--policy <file>] [options]
       ns-role-audit access --config <file> [options]

Who holds each role and whether they use it, read over SuiteQL from the live
account: each role's holders (employees, active or not, with access or not),
each holder's last login with the role, the last login of each integration
token on it, global permissions on holders, and, for people holding several
roles, whether their roles together break segregation of duties.

Findings: ROLE_UNASSIGNED (nobody holds it), ROLE_UNUSED (no login with it in
--max-idle-days), ASSIGNMENT_DORMANT (a holder who never or no longer uses it),
TOKEN_UNUSED (an idle token; info only in a sandbox), USER_SOD_CONFLICT (one
person's roles hold both sides of a conflict), GLOBAL_PERMISSION (on a holder),
ROLE_HOLDER_UNEXPECTED (a holder the policy's holders.allow does not list).
What the token may not read is not verifiable, never "unused": that fails the
run unless --accept-unverified.

Roles:
  --role <id>               a role (script id, internal id or name; globs with *);
                            repeat for more. Default: every custom role, and
                            every role someone holds
  --policy <file>           the policy's role, its holders: rule (allow, max,
                            maxIdleDays) and its conflicts: rules
  --conflicts <policy>      segregation-of-duties rules (default pack:sod)
  --max-idle-days <n>       days without a login before unused (default ${DEFAULT_MAX_IDLE_DAYS})

Accounts:
  --connection <name>, --config <file>   as for audit; --config alone reads
                            every connection the config file lists

Options:
  --format <name>[=<file>]  table (default), json, csv, markdown, html (a users
                            x roles matrix with last use), sarif, junit, github
  --fail-on <level>         error (default), warning or never
  --accept-unverified       do not fail on what could not be read
  --today <YYYY-MM-DD>      the date idle days count to (default: today, UTC)
  --verbose                 one line per HTTP request on stderr (no secrets)
  -h, --help                show this help

The token's role needs Bulk Manage Roles (roles), Employee Record (employees
and their roles), View Login Audit Trail (last use) and Employees (global
permissions); whatever it lacks is reported as not verifiable.

Exit codes: 0 nothing found, 1 findings at or above --fail-on, 2 could not run.
`;

/** Waivers about who holds the role (the rest of a policy's waivers are about its permissions: audit's business). */
const isAccessWaiver = (w: Waiver) => ACCESS_FINDING_CODES.has(w.code) || (w.code === 'NOT_VERIFIABLE' && w.rule === 'holders:*');

/** Roles to audit: those the selectors name, else every custom role and every role someone holds. */
function pickRoles(acc: AccountAccess, selectors: string[]): { ids: string[]; missing: string[] } {
  if (!selectors.length) {
    const held = new Set(acc.assignments.ok ? acc.assignments.list.map((a) => a.roleId) : []);
    return { ids: acc.roles.filter((r) => /^customrole/i.test(r.scriptId ?? '') || held.has(r.internalId) || !r.scriptId).map((r) => r.internalId), missing: [] };
  }
  const ids: string[] = [];
  const missing: string[] = [];
  for (const s of selectors) {
    const glob = /[*?]/.test(s) ? new RegExp(`^${s.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i') : undefined;
    const hits = acc.roles.filter((r) => (glob ? glob.test(r.scriptId ?? '') || glob.test(r.name ?? '') : matchesSelector(r, parseRoleSelector(s.replace(/^#/, '')))));
    if (!hits.length) missing.push(s);
    for (const h of hits) if (!ids.includes(h.internalId)) ids.push(h.internalId);
  }
  return { ids, missing };
}

/** `ns-role-audit access`. */
export async function runAccess(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs('access', argv, {
    role: { type: 'string', multiple: true },
    policy: { type: 'string' },
    conflicts: { type: 'string' },
    'max-idle-days': { type: 'string' },
    connection: { type: 'string' },
    config: { type: 'string' },
    format: { type: 'string', multiple: true },
    'fail-on': { type: 'string', default: 'error' },
    'accept-unverified': { type: 'boolean', default: false },
    today: { type: 'string' },
    verbose: { type: 'boolean', default: false },
  });
  if (values.help) { io.stdout.write(ACCESS_HELP); return EXIT.OK; }
  const failOn = oneOf<FailOn>('fail-on', values['fail-on']!, FAIL_ON);
  const outputs = parseOutputs(values.format);
  for (const flag of ['policy', 'conflicts', 'config'] as const) inputPath(`--${flag}`, values[flag]);
  const today = todayFrom(values.today, io);
  const maxIdle = values['max-idle-days'] === undefined ? undefined : Number(values['max-idle-days']);
  if (maxIdle !== undefined && (!Number.isInteger(maxIdle) || maxIdle < 1)) throw new AuditError('USAGE', `--max-idle-days ${JSON.stringify(values['max-idle-days'])}: expected a whole number of days, e.g. 90`);

  const policy = values.policy ? readPolicy(values.policy, { today }) : undefined;
  if (policy) writePolicyWarnings(policy.warnings, io);
  const conflictsFrom = values.conflicts ?? (policy?.conflicts.length ? undefined : 'pack:sod');
  const conflicts: ConflictRule[] = conflictsFrom ? readPolicy(conflictsFrom, { today }).conflicts : policy!.conflicts;
  const holders: HoldersRule | undefined = policy?.holders || maxIdle !== undefined
    ? { ...(policy?.holders ?? { loc: { file: values.policy ?? '(command line)', line: 1, column: 1 } }), ...(maxIdle !== undefined ? { maxIdleDays: maxIdle } : {}) }
    : undefined;
  const selectors = [...((values.role as string[] | undefined) ?? []), ...(policy && !values.role ? [describeSelector(policy.role).replace(/^"|"$/g, '')] : [])];
  const policyFile = policy?.file ?? `access checks (conflicts: ${conflictsFrom ?? values.policy})`;

  const connections = values.config && !values.connection ? Object.keys(readConfig(resolve(io.cwd, values.config as string)).connections) : [values.connection as string | undefined];
  if (!connections.length) throw new AuditError('USAGE', `${values.config ?? CONFIG_FILE} lists no connections`);
  const results: RoleAudit[] = [];
  const errors: RunError[] = [];
  const progress = createProgress(io);
  try {
    for (const name of connections) {
      progress.update(`${name ?? 'account'}: reading who holds roles`);
      try {
        const session = openLiveSession({ connection: name, config: values.config as string, verbose: values.verbose as boolean }, io);
        const account = session.connection.accountId;
        const acc = await readAccountAccess(session.suiteql, account, { conflicts: conflicts.length > 0 });
        const { ids, missing } = pickRoles(acc, selectors);
        const policyRole = policy ? acc.roles.find((r) => matchesSelector(r, policy.role)) : undefined;
        for (const m of missing) errors.push({ connection: name ?? account, account, code: 'ROLE_NOT_FOUND', message: `no role ${m} in account ${account}${acc.roles.some((r) => r.scriptId) ? '' : ' (roles are known by internal id only: the role table could not be read)'}` });
        results.push(...auditAccess(acc, { roleIds: ids, today, failOn, conflicts, ...(holders ? { holders } : {}), ...(policyRole ? { waivers: { roleId: policyRole.internalId, list: policy!.waivers.filter(isAccessWaiver) } } : {}), policyFile, source: { kind: 'suiteql', location: `suiteql:${account}`, account, ...(name ? { connection: name } : {}) } }));
      } catch (e) {
        if (!(e instanceof AuditError) || connections.length === 1) throw e;
        errors.push({ connection: name!, code: e.code, message: e.message });
      }
    }
  } finally {
    progress.done();
  }
  const report = buildReport(values['accept-unverified'] ? acceptUnverified(results) : results, { version: toolVersion(), generatedAt: io.now().toISOString(), failOn, errors });
  writeOutputs(outputs, io, (format, ctx) => format.report(report, ctx), `${plural(report.summary.roles, 'role')}, the run ${runVerdictText(report)}`);
  return exitCodeOf(report);
}
