import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { auditSnapshot, buildReport } from '../../core/audit';
import { compareRoles } from '../../core/compare';
import { AuditError } from '../../core/errors';
import { parseJsonFile } from '../../core/input/json-file';
import { CLI_FORMATS as FORMATS } from '../formats';
import { jsonText } from '../../core/format/json-text';
import { terminalLines } from '../../core/format/escape';
import { plural } from '../../core/format/plural';
import { planFix, type FixPlan } from '../../core/fix/plan-fix';
import { formatFixProject, PROVENANCE_FILE, roleFromCanonical, type FixProvenance } from '../../core/fix/project';
import { canonicalRole } from '../../core/role/canonical';
import { FAIL_ON, type FailOn } from '../../core/model';
import { formatSdfRole } from '../../core/role/format-sdf';
import { readSdfRoleDocument } from '../../core/role/sdf';
import { describeSelector, parseRoleSelector } from '../../core/role/select';
import { sha256Hex } from '../../adapters/hash';
import { readPolicy } from '../../adapters/read-policy';
import { readRoleDocument } from '../../adapters/role-files';
import { readTextFile } from '../../adapters/read-file';
import { createLiveSource } from '../../adapters/sources/live-source';
import { inputPath, oneOf, parseCommandArgs } from '../args';
import { EXIT, exitCodeOf } from '../exit-codes';
import type { CliIo } from '../io';
import { openLiveSession } from '../live';
import { writeOutputFile } from '../output';
import { toolVersion } from '../version';
import { todayFrom } from './audit';

export const FIX_HELP = `Usage: ns-role-audit fix --policy <file> --role-file <path> [--write] [options]
       ns-role-audit fix --policy <file> --out <dir> [--role <id>] [options]
       ns-role-audit fix --check <dir> [options]

Writes the fix for a role as SDF: the smallest change to its customrole XML that
makes it comply with the policy and pass a deploy's checks, every other byte kept
(comments, order, indentation, line ends, unknown elements). Never writes to
NetSuite: you review the change and deploy it (suitecloud project:deploy).

A deploy adds and changes permission lines but cannot remove them: a removed
permission leaves the file and is also listed as a step to take in NetSuite's UI
after the deploy.

A role file:
  --role-file <path>      an SDF customrole XML, or a SuiteCloud project folder
  --role <id>             the role, when the policy names none or another
  --write                 rewrite the file (default: print a unified diff,
                          which git apply and patch take)
  --format diff|json      the change as a diff (default) or as data
A live role (read over SuiteQL, as audits do):
  --out <dir>             write a SuiteCloud account-customization project
                          holding the whole role as read plus the fix, and
                          ${PROVENANCE_FILE} recording what it was made from
  --check <dir>           read the role again: exit 1 when it changed since
                          the project was made (the fix is stale)
  --connection <name>, --config <file>, --verbose   as for audit

Options:
  --fail-on <level>       fix findings that fail at this level (default error)
  --today <YYYY-MM-DD>    the date waivers are checked against
  -h, --help              show this help

Exit codes: 0 nothing to change (or written, and the result complies),
1 a change to make, something no edit settles, or --check: the role changed,
2 could not fix (bad flags, unreadable file, NetSuite unreachable).
`;

type Values = Record<string, string | boolean | string[] | undefined>;

/** `ns-role-audit fix`. */
export async function runFix(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs('fix', argv, {
    policy: { type: 'string' },
    'role-file': { type: 'string' },
    role: { type: 'string' },
    write: { type: 'boolean', default: false },
    format: { type: 'string', default: 'diff' },
    out: { type: 'string' },
    check: { type: 'string' },
    'fail-on': { type: 'string', default: 'error' },
    today: { type: 'string' },
    connection: { type: 'string' },
    config: { type: 'string' },
    verbose: { type: 'boolean', default: false },
  });
  if (values.help) { io.stdout.write(FIX_HELP); return EXIT.OK; }
  for (const flag of ['policy', 'role-file', 'check', 'config'] as const) inputPath(`--${flag}`, values[flag]);
  const modes = [values['role-file'] && '--role-file', values.out && '--out', values.check && '--check'].filter(Boolean);
  if (modes.length !== 1) throw new AuditError('USAGE', `fix: give one of --role-file, --out or --check${modes.length ? ` (not ${modes.join(' and ')})` : ''}`, { details: { hint: "run 'ns-role-audit fix --help'" } });
  const failOn = oneOf<FailOn>('fail-on', values['fail-on']!, FAIL_ON);
  const format = oneOf('format', values.format!, ['diff', 'json'] as const);
  const today = todayFrom(values.today, io);
  if (values.check) return checkProject(values.check, values, io);
  if (!values.policy) throw new AuditError('USAGE', 'fix: --policy is required', { details: { hint: "run 'ns-role-audit fix --help'" } });
  if (values.write && !values['role-file']) throw new AuditError('USAGE', '--write rewrites a role file: use it with --role-file');
  const policy = readPolicy(values.policy, { today });
  const selector = values.role ? parseRoleSelector(values.role) : policy.role;
  if (!selector.scriptId && !selector.internalId && !selector.name) throw new AuditError('USAGE', `${policy.file} names no role`, { details: { hint: 'add role.scriptId to the policy, or pass --role <script id>' } });
  if (values.out) return fixLive(values, io, { policy, selector, today, failOn });

  const { found, candidates, recordTypes } = readRoleDocument(values['role-file']!, selector, io.cwd);
  if (!found) {
    io.stderr.write(`ns-role-audit: no role ${describeSelector(selector)} in ${values['role-file']}${candidates.length ? `; it holds ${candidates.join(', ')}` : ''}\n`);
    return EXIT.FINDINGS;
  }
  const plan = planFix(policy, found.doc, { today, failOn, recordTypes });
  const changed = plan.text !== found.doc.text;
  const diff = changed ? createTwoFilesPatch(`a/${found.file}`, `b/${found.file}`, found.doc.text, plan.text, '', '', { context: 3 }) : '';
  if (format === 'json') io.stdout.write(jsonText({ file: found.file, role: plan.role, changes: plan.changes, afterDeploy: afterDeploy(plan), remaining: plan.remaining, written: values.write && changed, diff }) + '\n');
  else if (!values.write) io.stdout.write(diff);
  if (values.write && changed) writeOutputFile(io, found.file, plan.text);
  report(io, plan, { file: found.file, changed, written: values.write === true });
  if (plan.remaining.length) return EXIT.FINDINGS;
  return changed && !values.write ? EXIT.FINDINGS : EXIT.OK;
}

const afterDeploy = (plan: FixPlan) => plan.changes.flatMap((c) => (c.afterDeploy ? [c.afterDeploy] : []));

/** What the fix did, on stderr: the changes, the steps after the deploy, what remains. */
function report(io: CliIo, plan: FixPlan, opts: { file: string; changed: boolean; written: boolean }): void {
  const say = (s: string) => io.stderr.write(`${terminalLines(s)}\n`);
  if (!opts.changed) say(`no change: ${opts.file} ${plan.remaining.length ? 'cannot be fixed by an edit of its own' : 'already complies'}`);
  else say(`${opts.written ? 'wrote' : 'the fix for'} ${opts.file}: ${plural(plan.changes.length, 'change')}`);
  for (const c of plan.changes) say(`  line ${c.line}: ${c.action} ${c.label}${c.from ? ` from ${c.from}` : ''}${c.to ? ` to ${c.to}` : ''} (${c.because.join(', ')})`);
  const steps = afterDeploy(plan);
  if (steps.length) {
    say(`after the deploy, in NetSuite (Setup > Users/Roles > Manage Roles, then Edit beside ${plan.role}); a deploy cannot remove these:`);
    for (const s of steps) say(`  - [ ] ${s}`);
  }
  if (plan.remaining.length) {
    say(`still failing after the fix (${plural(plan.remaining.length, 'item')}):`);
    for (const r of plan.remaining) say(`  ${r.code}: ${r.message}\n    ${r.why}`);
  }
}

/** `fix --out DIR`: the live role, read over SuiteQL, as a project holding the whole role plus the fix. */
async function fixLive(values: Values, io: CliIo, ctx: { policy: ReturnType<typeof readPolicy>; selector: ReturnType<typeof parseRoleSelector>; today: string; failOn: FailOn }): Promise<number> {
  const out = resolve(io.cwd, values.out as string);
  if (existsSync(out) && readdirSync(out).length && !existsSync(join(out, PROVENANCE_FILE))) {
    throw new AuditError('USAGE', `--out ${values.out}: the folder holds other files`, { details: { hint: 'give a new folder, or one an earlier fix --out wrote' } });
  }
  const session = openLiveSession({ connection: values.connection as string, config: values.config as string, verbose: values.verbose as boolean }, io);
  const account = session.connection.accountId;
  const { role, notes } = await createLiveSource(session, 'suiteql').fetchRole(ctx.selector, { permissions: ctx.policy.rules.map((r) => r.id) });
  for (const n of notes) io.stderr.write(`ns-role-audit: note: ${terminalLines(n)}\n`);
  if (!role) {
    io.stderr.write(`ns-role-audit: no role ${describeSelector(ctx.selector)} in account ${account}\n`);
    return EXIT.FINDINGS;
  }
  if (!/^customrole/.test(role.scriptId ?? '')) {
    // A standard role cannot be an SDF object: the click-by-click checklist is the fix.
    io.stderr.write(`ns-role-audit: ${role.name ?? role.scriptId} is a standard role, which SDF cannot hold: the checklist below is the fix\n`);
    const result = auditSnapshot(ctx.policy, role, { selector: ctx.selector, source: { kind: 'suiteql', location: `suiteql:${account}`, account }, today: ctx.today, notes, failOn: ctx.failOn });
    const report = buildReport([result], { version: toolVersion(), generatedAt: io.now().toISOString(), failOn: ctx.failOn });
    io.stdout.write(FORMATS.markdown.report(report, { color: false }));
    return exitCodeOf(report);
  }
  const { text, omitted } = formatSdfRole(role);
  const file = `src/Objects/${role.scriptId}.xml`;
  const plan = planFix(ctx.policy, readSdfRoleDocument(file, text), { today: ctx.today, failOn: ctx.failOn });
  const read = canonicalRole(role);
  const provenance: FixProvenance = {
    kind: 'ns-role-audit/fix', version: 1, tool: `ns-role-audit ${toolVersion()}`, account,
    role: { scriptId: role.scriptId!, ...(role.internalId ? { internalId: role.internalId } : {}), ...(role.name ? { name: role.name } : {}) },
    readAt: io.now().toISOString(), sha256: sha256Hex(JSON.stringify(read)), read, policy: ctx.policy.file,
    changes: plan.changes, afterDeploy: afterDeploy(plan), remaining: plan.remaining, omitted,
  };
  const files = formatFixProject(role, plan.text, provenance);
  for (const [path, content] of Object.entries(files)) writeOutputFile(io, join(out, path), content);
  io.stderr.write(`wrote ${values.out}: a SuiteCloud project (${Object.keys(files).join(', ')})\n`);
  if (omitted.fields.length || omitted.restrictions.length) {
    io.stderr.write(`ns-role-audit: SuiteQL did not show ${[...omitted.fields, ...omitted.restrictions].join(', ')}: left out of ${file}. Whether a deploy resets a field the file leaves out is unconfirmed: fill them in from the role page before deploying.\n`);
  }
  report(io, plan, { file: join(values.out as string, file), changed: plan.text !== text, written: true });
  return plan.remaining.length ? EXIT.FINDINGS : EXIT.OK;
}

/** `fix --check DIR`: is the role still what the project was made from? */
async function checkProject(dir: string, values: Values, io: CliIo): Promise<number> {
  const file = join(resolve(io.cwd, dir), PROVENANCE_FILE);
  const again = { details: { hint: 'check a folder that fix --out wrote' } };
  let text: string;
  try {
    text = readTextFile(file, 'baseline');
  } catch (e) {
    if (e instanceof AuditError) throw e;
    throw new AuditError('USAGE', `${dir}: no ${PROVENANCE_FILE} (it cannot be read)`, again);
  }
  const parsed = parseJsonFile(file, text);
  if (parsed.issues.length) throw new AuditError('USAGE', `${dir}/${PROVENANCE_FILE} is not valid JSON`, { ...again, issues: parsed.issues });
  const p = parsed.value as FixProvenance;
  if (p?.kind !== 'ns-role-audit/fix' || typeof p.sha256 !== 'string' || !p.role?.scriptId || !p.read) throw new AuditError('USAGE', `${dir}/${PROVENANCE_FILE} is not what fix --out writes`);
  const session = openLiveSession({ connection: values.connection as string, config: values.config as string, verbose: values.verbose as boolean }, io);
  if (session.connection.accountId !== p.account) {
    throw new AuditError('USAGE', `${dir} was made from account ${p.account}; this connection is account ${session.connection.accountId}`, { details: { hint: 'check it with a connection to the account it was made from' } });
  }
  const { role } = await createLiveSource(session, 'suiteql').fetchRole({ scriptId: p.role.scriptId });
  if (!role) {
    io.stdout.write(`${p.role.scriptId} no longer exists in account ${p.account}: the fix in ${dir} is stale\n`);
    return EXIT.FINDINGS;
  }
  const now = canonicalRole(role);
  if (sha256Hex(JSON.stringify(now)) === p.sha256) {
    io.stdout.write(`${p.role.scriptId} is unchanged since ${p.readAt}: the fix in ${dir} still applies\n`);
    return EXIT.OK;
  }
  const c = compareRoles(roleFromCanonical(p.read, PROVENANCE_FILE), role, { leftLabel: `read ${p.readAt}`, rightLabel: 'now', generatedAt: io.now().toISOString(), acceptUnverified: true });
  io.stdout.write(`${p.role.scriptId} changed since ${p.readAt}: the fix in ${dir} was made from a stale read. Run fix --out again.\n\n`);
  io.stdout.write(FORMATS.table.comparison(c, { color: false }));
  return EXIT.FINDINGS;
}
