import { readTextFile } from '../../adapters/read-file';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { buildReport } from '../../core/audit';
import { auditRole, type HistoryHook } from '../../adapters/audit-role';
import { recordRead } from '../../adapters/history-store';
import { applyBaseline, BASELINE_KIND, BASELINE_VERSION, createBaseline, type Baseline, type PolicyRef } from '../../core/baseline';
import { FAIL_ON, type FailOn, type RoleAudit, type RunError } from '../../core/model';
import { acceptUnverified } from '../../core/verdict';
import { AuditError, formatIssue, type InputIssue } from '../../core/errors';
import { isCalendarDate } from '../../core/dates';
import { parseJsonFile } from '../../core/input/json-file';
import { fileErrorText } from '../../core/file-errors';
import { terminalLines } from '../../core/format/escape';
import { CONFIG_FILE, readConfig } from '../../adapters/config';
import { readPolicy } from '../../adapters/read-policy';
import { describeSelector, parseRoleSelector } from '../../core/role/select';
import { closest } from '../../core/catalog/suggest';
import type { RoleSelector } from '../../core/model';
import { createFileSource } from '../../adapters/role-files';
import type { RoleSource } from '../../adapters/sources/role-source';
import { inputPath, oneOf, parseCommandArgs } from '../args';
import { plural } from '../../core/format/plural';
import { EXIT, exitCodeOf } from '../exit-codes';
import type { CliIo } from '../io';
import { checkFileName, parseOutputs, writeOutputFile, writeOutputs } from '../output';
import { createProgress } from '../progress';
import type { RedactingIo } from '../redact';
import { toolVersion } from '../version';
import { jsonText } from '../../core/format/json-text';
import { runVerdictText } from '../../core/format/messages';
import { sarifSizeWarning } from '../../core/format/sarif';

export const AUDIT_HELP = `Usage: ns-role-audit audit --policy <file> [source] [options]
       ns-role-audit audit --config <file> [options]

Compares NetSuite roles with a policy and reports what is missing, too low,
in excess or above a ceiling.

One role:
  --policy <file>           policy YAML
  --role-file <path>        SDF customrole XML, a SuiteCloud project folder
                            (Objects/**/customrole_*.xml) or a role snapshot;
                            without it, the live account in the environment:
                            NETSUITE_ACCOUNT_ID, NETSUITE_CONSUMER_KEY,
                            NETSUITE_CONSUMER_SECRET, NETSUITE_TOKEN_ID,
                            NETSUITE_TOKEN_SECRET and optional NETSUITE_BASE_URL
  --connection <name>       a named connection from the config file instead
  --source <kind>           live source: auto (default: SuiteQL, else SOAP
                            probes), suiteql or soap
  --role <id|scriptid|name> audit this role instead of the one the policy names

Many roles and accounts:
  --config <file>           run every audit the config file lists (without
                            --policy); one report with totals

Options:
  --fail-on <level>         error (default), warning or never
  --timeout <seconds>       give up after this long: exit 2 with RUN_TIMEOUT
                            (each request has its own 30 s deadline as well)
  --accept-unverified       do not fail on what the source could not verify
                            (NOT_VERIFIABLE); every format lists what was
                            accepted unverified (config: acceptUnverified: true)
  --format <name>[=<file>]  table (default), json, junit, markdown, sarif,
                            github (workflow commands; with GITHUB_STEP_SUMMARY
                            set, the checklist is appended to it), csv, html;
                            repeat the flag for several outputs, each to
                            stdout or a file
  --baseline <file>         fail only on findings not in this baseline; list
                            the ones resolved since
  --write-baseline <file>   record the current findings as the baseline
  --history <dir>           keep each live read as a dated snapshot (only when
                            the role changed; every read is noted), and say
                            when each finding first appeared (config:
                            history: <dir>); see ns-role-audit history
  --today <YYYY-MM-DD>      date for waiver expiry (default: today, UTC)
  --verbose                 one line per HTTP request on stderr (no secrets), and
                            accepted findings in full in the table
  -h, --help                show this help

Exit codes: 0 compliant, 1 findings at or above --fail-on, 2 could not audit.

Examples:
  ns-role-audit audit --policy policies/polytomic.yaml --role-file src/Objects/customrole_polytomic.xml
  ns-role-audit audit --policy policies/polytomic.yaml --format junit=reports/role.xml --format table
  ns-role-audit audit --config ns-role-audit.config.yaml --baseline .ns-role-audit/baseline.json
`;

/** Parses --today or takes today's date (UTC) from the clock. */
export function todayFrom(value: string | undefined, io: CliIo): string {
  if (value === undefined) return io.now().toISOString().slice(0, 10);
  if (!isCalendarDate(value)) throw new AuditError('USAGE', `--today ${JSON.stringify(value)}: expected a calendar date as YYYY-MM-DD, e.g. 2027-02-28`);
  return value;
}

/** A policy's warnings on stderr (each is also a note in the report). */
export function writePolicyWarnings(warnings: readonly InputIssue[], io: CliIo): void {
  for (const w of warnings) io.stderr.write(`ns-role-audit: ${terminalLines(formatIssue(w)).replace(/\n/g, '\n  ')}\n`);
}

function readBaseline(file: string): Baseline {
  const again = { details: { hint: 'write one with --write-baseline <file>' } };
  let text: string;
  try {
    text = readTextFile(file, 'baseline');
  } catch (e) {
    if (e instanceof AuditError) throw e;
    throw new AuditError('BASELINE_INVALID', `${file}: ${fileErrorText(e)}`, again);
  }
  const parsed = parseJsonFile(file, text);
  if (parsed.issues.length) throw new AuditError('BASELINE_INVALID', `${file}: not valid JSON`, { ...again, issues: parsed.issues });
  const b = parsed.value as Partial<Baseline> | null;
  if (b?.kind !== BASELINE_KIND || !Array.isArray(b.findings)) throw new AuditError('BASELINE_INVALID', `${file}: not an ns-role-audit baseline`, again);
  const rewrite = (why: string) => new AuditError('BASELINE_INVALID', `${file}: a version ${b!.version} baseline, ${why}`, { details: { hint: `write it again with --write-baseline <file> (version ${BASELINE_VERSION} records what each entry accepted)` } });
  if ((b.version as number) === 1) throw rewrite('whose keys depended on how the role was read');
  if ((b.version as number) === 2) throw rewrite('whose entries do not record the level they accepted, so an escalation would pass as accepted');
  if (b.version !== BASELINE_VERSION) throw new AuditError('BASELINE_INVALID', `${file}: baseline version ${JSON.stringify(b.version)} is not one this tool reads (${BASELINE_VERSION})`, again);
  const bad = b.findings.findIndex((f) => !f || typeof f !== 'object' || typeof f.key !== 'string' || typeof f.code !== 'string' || (f.account !== undefined && typeof f.account !== 'string') || (f.accepted !== undefined && typeof f.accepted !== 'string'));
  if (bad >= 0) throw new AuditError('BASELINE_INVALID', `${file}: findings[${bad}] is not a baseline entry (an object with key and code)`, again);
  return b as Baseline;
}

/** Policy files as a baseline names them: relative to the baseline's own folder, so two policies of one name in two folders are two policies. */
function policyRefFor(baselineFile: string, io: CliIo): PolicyRef {
  const folder = dirname(resolve(io.cwd, baselineFile));
  return (policyFile) => relative(folder, resolve(io.cwd, policyFile)).split(sep).join('/');
}

/** The history hook for --history: keeps each live read, gives the role's history back. */
export function historyHook(dir: string | undefined, io: CliIo): HistoryHook | undefined {
  if (!dir) return undefined;
  const at = io.now().toISOString();
  return (role, account) => {
    const { history, written } = recordRead(resolve(io.cwd, dir), account, role, at);
    if (written) io.stderr.write(`ns-role-audit: history: ${role.scriptId ?? role.internalId} changed or is new: kept ${relative(io.cwd, written)}\n`);
    return history;
  };
}

/** "; did you mean ...?" for a role id that is not there, from the roles the source has (best effort). */
async function nearRoles(source: RoleSource, selector: RoleSelector): Promise<string> {
  const asked = selector.scriptId ?? selector.name ?? selector.internalId;
  if (!asked) return '';
  try {
    const roles = await source.listRoles();
    const near = closest(asked, roles.flatMap((r) => [r.scriptId, r.name].filter((x): x is string => !!x)));
    return near.length ? `; did you mean ${near.join(' or ')}?` : '';
  } catch {
    return ''; // the list is a courtesy: a source that cannot give it says nothing more
  }
}

async function auditOne(values: Record<string, string | boolean | string[] | undefined>, io: CliIo, today: string): Promise<RoleAudit> {
  const policy = readPolicy(values.policy as string, { today });
  writePolicyWarnings(policy.warnings, io);
  const selector = values.role ? parseRoleSelector(values.role as string) : policy.role;
  if (!selector.scriptId && !selector.internalId && !selector.name) {
    throw new AuditError('USAGE', `${policy.file} names no role`, { details: { hint: 'add role.scriptId to the policy, or pass --role <script id|internal id|name>' } });
  }
  if (values['role-file'] && (values.connection || values.source)) throw new AuditError('USAGE', '--role-file cannot be combined with --connection or --source');
  const source: RoleSource = values['role-file']
    ? createFileSource(values['role-file'] as string)
    // Network code loads only for a live audit: an offline one starts without it.
    : await (await import('../live')).resolveLiveSource({ connection: values.connection as string, source: values.source as string, config: values.config as string, verbose: values.verbose as boolean }, io);
  if (values.history && values['role-file']) throw new AuditError('USAGE', '--history keeps live reads: a role file is not one', { details: { hint: 'use --history with a live audit (no --role-file)' } });
  const result = await auditRole(policy, source, selector, today, 'error', historyHook(values.history as string | undefined, io));
  if (!result.role.found) io.stderr.write(`ns-role-audit: role ${describeSelector(selector)} not found in ${source.location}${await nearRoles(source, selector)}\n`);
  return result;
}

async function auditFleet(values: Record<string, string | boolean | string[] | undefined>, io: CliIo, today: string): Promise<{ results: RoleAudit[]; errors: RunError[]; acceptUnverified: boolean }> {
  for (const f of ['role-file', 'role', 'connection', 'source'] as const) {
    if (values[f]) throw new AuditError('USAGE', `--${f} does not go with --config alone (the config file lists the audits)`, { details: { hint: 'add --policy to audit one role with a connection from the config' } });
  }
  const config = readConfig(resolve(io.cwd, (values.config as string) ?? CONFIG_FILE));
  const history = historyHook((values.history as string | undefined) ?? config.history, io);
  const progress = createProgress(io);
  const [{ runFleet }, { traceTo }] = await Promise.all([import('../../adapters/fleet/run-fleet'), import('../live')]);
  try {
    const { results, errors } = await runFleet(config, {
      today,
      env: io.env,
      session: { trace: values.verbose ? traceTo(io) : undefined },
      onSecrets: (v) => (io as Partial<RedactingIo>).addSecrets?.(v),
      ...(history ? { history } : {}),
      onProgress: (p) => progress.update(`${p.connection}: ${p.phase}${p.roles !== undefined ? ` (${p.roles} roles${p.rows ? `, ${p.rows} permission rows` : ''})` : ''}`),
    });
    return { results, errors, acceptUnverified: config.acceptUnverified === true };
  } finally {
    progress.done();
  }
}

/** `--timeout <seconds>`: a positive number, or none. */
function parseTimeout(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const s = Number(value);
  if (!Number.isFinite(s) || s <= 0) throw new AuditError('USAGE', `--timeout ${JSON.stringify(value)}: expected a number of seconds, e.g. 300`);
  return s * 1000;
}

/** The run, or RUN_TIMEOUT once the deadline passes (the bound on a whole run, docs/live.md). */
function withDeadline<T>(work: Promise<T>, ms: number | undefined): Promise<T> {
  if (ms === undefined) return work;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new AuditError('RUN_TIMEOUT', `the run took longer than --timeout ${ms / 1000} s and was stopped`, { details: { hint: 'raise --timeout, or audit fewer roles at a time' } })), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
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
    baseline: { type: 'string' },
    'write-baseline': { type: 'string' },
    history: { type: 'string' },
    verbose: { type: 'boolean', default: false },
    'accept-unverified': { type: 'boolean', default: false },
    timeout: { type: 'string' },
  });
  if (values.help) { io.stdout.write(AUDIT_HELP); return EXIT.OK; }
  const failOn = oneOf<FailOn>('fail-on', values['fail-on']!, FAIL_ON);
  const outputs = parseOutputs(values.format);
  for (const flag of ['policy', 'role-file', 'config', 'baseline'] as const) inputPath(`--${flag}`, values[flag]);
  // `--write-baseline -` is standard output, which then holds nothing else.
  const baselineToStdout = values['write-baseline'] === '-';
  if (baselineToStdout && outputs.some((o) => !o.file)) {
    throw new AuditError('USAGE', 'only one output can go to standard output: the report or the baseline (--write-baseline -)', { details: { hint: 'send the report to a file: --format json=report.json --write-baseline -' } });
  }
  if (values['write-baseline'] && !baselineToStdout) checkFileName('--write-baseline', values['write-baseline']);
  const today = todayFrom(values.today, io);
  const baseline = values.baseline ? readBaseline(resolve(io.cwd, values.baseline)) : undefined;
  if (!values.policy && !values.config) {
    throw new AuditError('USAGE', 'audit: --policy is required (or --config to run the audits a config file lists)', { details: { hint: "run 'ns-role-audit audit --help'" } });
  }
  const work = async () => (values.policy ? { results: [await auditOne(values, io, today)], errors: [] as RunError[], acceptUnverified: false } : auditFleet(values, io, today));
  const run = await withDeadline(work(), parseTimeout(values.timeout));
  let results = run.results;
  // Compliant means verified: what could not be seen fails the run unless the user accepts it.
  if (values['accept-unverified'] || run.acceptUnverified) results = acceptUnverified(results);
  let baselineSummary;
  if (baseline) ({ results, summary: baselineSummary } = applyBaseline(results, baseline, { file: values.baseline!, failOn, policyRef: policyRefFor(values.baseline!, io) }));
  const report = buildReport(results, { version: toolVersion(), generatedAt: io.now().toISOString(), failOn, baseline: baselineSummary, errors: run.errors });
  writeOutputs(outputs, io, (format, ctx) => format.report(report, ctx), `${plural(report.summary.roles, 'role')}, the run ${runVerdictText(report)}`, { verbose: values.verbose === true });
  const sarifTooBig = outputs.some((o) => o.format === 'sarif') ? sarifSizeWarning(report) : undefined;
  if (sarifTooBig) io.stderr.write(`ns-role-audit: warning: ${sarifTooBig}\n`);
  if (values['write-baseline']) {
    // On standard output, policies are named relative to the working folder.
    const written = createBaseline(report, policyRefFor(baselineToStdout ? join(io.cwd, 'baseline.json') : values['write-baseline'], io));
    if (baselineToStdout) io.stdout.write(jsonText(written) + '\n');
    else writeOutputFile(io, values['write-baseline'], jsonText(written) + '\n');
    io.stderr.write(`wrote baseline ${baselineToStdout ? 'to standard output' : values['write-baseline']}: ${plural(written.findings.length, 'finding')}\n`);
  }
  return exitCodeOf(report);
}
