import { lookup } from 'node:dns/promises';
import { AuditError } from '../../core/errors';
import type { Connection } from '../../adapters/config';
import { openSession, type SessionOptions } from '../../adapters/netsuite/session';
import { proxyFor, proxyFromEnv } from '../../adapters/netsuite/proxy';
import { redactUrl } from '../../adapters/netsuite/transport';
import { child } from '../../core/xml-tree';
import { createStyle } from '../../core/format/ansi';
import { terminalText } from '../../core/format/escape';
import { shouldColor } from '../output';
import { inputPath, oneOf, parseCommandArgs } from '../args';
import { EXIT } from '../exit-codes';
import type { CliIo } from '../io';
import { resolveConnection, traceTo } from '../live';
import { jsonText } from '../../core/format/json-text';
import { readAccountAccess } from '../../adapters/access/read-access';

export const DOCTOR_HELP = `Usage: ns-role-audit doctor [--for any|suiteql|soap|access] [--connection <name>] [--config <file>] [--format table|json] [--verbose]

Checks each step of the NetSuite setup in order and says how to fix what
fails: credentials present, the proxy (when one is set) or the host, token
auth over REST SuiteQL and whether this token can read role definitions, token
auth over SOAP, clock skew, the account's concurrency limit, and (--for access)
the tables access reads. Read-only, like every command.

A token is judged by what it is for (--for): suiteql (audits of role
definitions: the read-only auditor role), soap (effective-access probes with an
integration's own token), access (who holds roles), or any (default: at least
one way to audit works). Checks the purpose does not need are shown as not
needed, never as failures.

Exit codes: 0 the token does what it is for (warnings allowed), 1 a check it
needs failed, 2 could not run (bad flags, unreadable config).
`;

/** One step's outcome. */
export interface Check {
  step: string;
  status: 'pass' | 'warn' | 'fail' | 'skip';
  detail: string;
  fix?: string;
}

type Purpose = 'any' | 'suiteql' | 'soap' | 'access';

const errText = (e: unknown) => (e instanceof AuditError ? e.message : (e as Error).message);
const errHint = (e: unknown) => (e instanceof AuditError && typeof e.details.hint === 'string' ? e.details.hint : undefined);
/** Errors that happen before NetSuite answers: their fix is the network, never a NetSuite feature. */
const NETWORK = new Set(['PROXY_FAILED', 'DNS_FAILED', 'CONNECTION_REFUSED', 'TLS_FAILED', 'TIMEOUT', 'NETWORK_ERROR']);
const codeOf = (e: unknown) => (e instanceof AuditError ? e.code : '');
const networkFix = (e: unknown) => (codeOf(e) === 'PROXY_FAILED' ? 'check HTTPS_PROXY/HTTP_PROXY (or NO_PROXY for this host): the proxy could not be used'
  : codeOf(e) === 'TLS_FAILED' ? 'the certificate is not trusted: set NODE_EXTRA_CA_CERTS to your CA bundle if a proxy re-signs TLS'
    : 'check the network path to NetSuite, NETSUITE_ACCOUNT_ID and NETSUITE_BASE_URL');

/** Runs the checks against a connection for a purpose; pure of printing. */
export async function runChecks(conn: Connection, opts: { trace?: SessionOptions['trace']; now: () => Date; env?: NodeJS.ProcessEnv; purpose?: Purpose }): Promise<Check[]> {
  const purpose = opts.purpose ?? 'any';
  const checks: Check[] = [{ step: 'credentials', status: 'pass', detail: `account ${conn.accountId}, base URL ${conn.baseUrl}` }];
  const host = new URL(conn.baseUrl).hostname;
  const proxy = proxyFor(opts.env ? proxyFromEnv(opts.env) : undefined, conn.baseUrl);
  if (!proxy) {
    try {
      const a = await lookup(host);
      checks.push({ step: 'host resolves', status: 'pass', detail: `${host} -> ${a.address}` });
    } catch {
      checks.push({ step: 'host resolves', status: 'fail', detail: `${host} does not resolve`, fix: 'check NETSUITE_ACCOUNT_ID (sandboxes: 1234567_SB1, host 1234567-sb1) or NETSUITE_BASE_URL' });
      return checks;
    }
  }
  const session = openSession(conn, { trace: opts.trace, env: opts.env, retry: { maxAttempts: 3, baseDelayMs: 200, maxDelayMs: 1000, maxTotalMs: 10_000 } });

  // REST first: the auditor role needs only REST.
  let rest: { ok: boolean; roleDefs: boolean; serverDate?: string; error?: unknown } = { ok: false, roleDefs: false };
  try {
    const page = await session.suiteql.page("SELECT id FROM role WHERE id = '-1'", 'read roles', 0, 1);
    rest = { ok: true, roleDefs: true, ...(page.serverDate ? { serverDate: page.serverDate } : {}) };
  } catch (e) {
    rest = { ok: codeOf(e) === 'PERMISSION_DENIED', roleDefs: false, error: e };
  }
  // The proxy is tested by the first request through it, never assumed.
  if (proxy) {
    if (codeOf(rest.error) === 'PROXY_FAILED') {
      checks.push({ step: 'proxy', status: 'fail', detail: errText(rest.error), fix: networkFix(rest.error) });
      return checks;
    }
    checks.push({ step: 'proxy', status: 'pass', detail: `requests went through ${redactUrl(proxy)} and NetSuite answered (HTTPS_PROXY/HTTP_PROXY; NO_PROXY bypasses it)` });
  }
  const wantsRest = purpose !== 'soap';
  const notNeeded = (what: string) => `not needed for ${purpose === 'soap' ? 'SOAP effective-access probes' : 'SuiteQL audits'}${what ? `: ${what}` : ''}`;
  if (rest.ok) {
    checks.push({ step: 'token auth over REST', status: 'pass', detail: 'SuiteQL accepted the token (REST Web Services, SuiteAnalytics Workbook)' });
    checks.push(rest.roleDefs
      ? { step: 'can read role definitions', status: 'pass', detail: "the token's role may read role and rolepermissions: audits read the role definition over SuiteQL" }
      : { step: 'can read role definitions', status: purpose === 'suiteql' || purpose === 'access' ? 'fail' : 'warn', detail: `no: ${errText(rest.error).replace(/^[^:]+: /, '')}; audits fall back to SOAP effective-access probes`, fix: errHint(rest.error) });
  } else {
    const network = NETWORK.has(codeOf(rest.error));
    const fix = network ? networkFix(rest.error) : errHint(rest.error) ?? 'enable REST Web Services (Setup > Company > Enable Features > SuiteCloud) and give the role REST Web Services';
    checks.push({ step: 'token auth over REST', status: wantsRest ? 'fail' : 'skip', detail: wantsRest ? errText(rest.error) : notNeeded(errText(rest.error)), fix });
    checks.push({ step: 'can read role definitions', status: 'skip', detail: 'REST login failed' });
  }

  // SOAP: needed for probes; for a SuiteQL audit it only offers the clock and the concurrency limit.
  let soapOk = false;
  let serverTime: number | undefined;
  try {
    const soap = await session.soap();
    const t = await soap.call('getServerTime', `<getServerTime xmlns="urn:messages_${conn.soapVersion}.platform.webservices.netsuite.com"/>`);
    soapOk = true;
    serverTime = Date.parse(child(t.result, 'serverTime')?.text ?? '');
    checks.push({ step: 'token auth over SOAP', status: 'pass', detail: `NetSuitePort_${conn.soapVersion} accepted the token (SOAP Web Services, Log in using Access Tokens)` });
  } catch (e) {
    const needed = purpose === 'soap' || (purpose === 'any' && !rest.roleDefs);
    const network = NETWORK.has(codeOf(e));
    checks.push(needed || network
      ? { step: 'token auth over SOAP', status: 'fail', detail: errText(e), fix: network ? networkFix(e) : errHint(e) }
      : { step: 'token auth over SOAP', status: 'skip', detail: notNeeded(`SOAP refused the token (${errText(e).replace(/^[^:]+: /, '').slice(0, 120)}); only --source soap probes use it`) });
  }

  // The clock: from SOAP's server time, else from the REST answer's Date header (second resolution).
  const server = serverTime !== undefined && !Number.isNaN(serverTime) ? serverTime : rest.serverDate ? Date.parse(rest.serverDate) : NaN;
  if (Number.isNaN(server)) checks.push({ step: 'clock skew', status: 'warn', detail: 'NetSuite\'s time could not be read (no SOAP server time, no Date header)' });
  else {
    const skew = Math.round((opts.now().getTime() - server) / 1000);
    checks.push({
      step: 'clock skew',
      status: Math.abs(skew) < 60 ? 'pass' : Math.abs(skew) < 300 ? 'warn' : 'fail',
      detail: `this machine is ${Math.abs(skew)} s ${skew >= 0 ? 'ahead of' : 'behind'} NetSuite${serverTime === undefined ? ' (from the REST answer\'s Date header)' : ''}`,
      fix: Math.abs(skew) >= 60 ? 'sync the clock (NTP): token signatures older or newer than a few minutes are refused' : undefined,
    });
  }

  if (soapOk) {
    try {
      const soap = await session.soap();
      const g = await soap.call('getAccountGovernanceInfo', `<getAccountGovernanceInfo xmlns="urn:messages_${conn.soapVersion}.platform.webservices.netsuite.com"/>`);
      const limit = child(g.result, 'accountConcurrencyLimit')?.text;
      checks.push({ step: 'concurrency limit', status: 'pass', detail: `the account allows ${limit} concurrent requests; ns-role-audit stays under it` });
    } catch (e) {
      checks.push({ step: 'concurrency limit', status: 'warn', detail: `${errText(e)}; using 5`, fix: errHint(e) });
    }
  } else checks.push({ step: 'concurrency limit', status: 'skip', detail: 'read over SOAP only; using 5 (set concurrency: in the config to change it)' });

  if (purpose === 'access' && rest.ok) {
    try {
      const acc = await readAccountAccess(session.suiteql, conn.accountId, { conflicts: false });
      const part = (step: string, k: { ok: true } | { ok: false; why: string }, detail: string) => checks.push(k.ok ? { step, status: 'pass', detail } : { step, status: 'warn', detail: k.why, fix: 'give the token\'s role the permission NetSuite asks for (see docs/access.md "What it reads"): what it cannot read is reported as not verifiable' });
      part('access: employees', acc.people, 'employee answered');
      part('access: role assignments', acc.assignments, acc.notes.find((n) => n.startsWith('Role assignments')) ?? 'answered');
      part('access: login audit trail', acc.logins, 'loginaudit answered');
      part('access: global permissions', acc.globalPermissions, 'employeeempperms answered');
    } catch (e) {
      checks.push({ step: 'access', status: 'fail', detail: errText(e), fix: errHint(e) });
    }
  }
  return checks;
}

/** `ns-role-audit doctor`. */
export async function runDoctor(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs('doctor', argv, {
    connection: { type: 'string' },
    config: { type: 'string' },
    format: { type: 'string', default: 'table' },
    for: { type: 'string', default: 'any' },
    verbose: { type: 'boolean', default: false },
  });
  if (values.help) { io.stdout.write(DOCTOR_HELP); return EXIT.OK; }
  const format = oneOf('format', values.format!, ['table', 'json'] as const);
  const purpose = oneOf<Purpose>('for', values.for!, ['any', 'suiteql', 'soap', 'access']);
  inputPath('--config', values.config);
  let checks: Check[];
  try {
    const conn = resolveConnection({ connection: values.connection, config: values.config }, io);
    checks = await runChecks(conn, { trace: values.verbose ? traceTo(io) : undefined, now: io.now, env: io.env, purpose });
  } catch (e) {
    if (!(e instanceof AuditError) || e.code !== 'CREDENTIALS_MISSING') throw e;
    checks = [{ step: 'credentials', status: 'fail', detail: e.message, fix: errHint(e) }];
  }
  if (format === 'json') io.stdout.write(jsonText({ checks }) + '\n');
  else {
    const s = createStyle(shouldColor(io.stdout, io.env));
    const mark = { pass: s.green('✓'), warn: s.yellow('!'), fail: s.red('✗'), skip: s.dim('-') };
    for (const c of checks) {
      // Details quote NetSuite's answers and the environment: nothing in them may drive the terminal.
      io.stdout.write(`${mark[c.status]} ${c.step.padEnd(26)} ${terminalText(c.detail)}\n`);
      if (c.fix && c.status !== 'pass') io.stdout.write(`  ${' '.repeat(26)} fix: ${terminalText(c.fix)}\n`);
    }
  }
  return checks.some((c) => c.status === 'fail') ? EXIT.FINDINGS : EXIT.OK;
}
