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

export const DOCTOR_HELP = `Usage: ns-role-audit doctor [--connection <name>] [--config <file>] [--format table|json] [--verbose]

Checks each step of the NetSuite setup in order and says how to fix what
fails: credentials present, host resolves, token auth over SOAP, clock skew,
token auth over REST, whether this token can read role definitions, and the
account's concurrency limit. Read-only, like every command.

Exit codes: 0 every check passed (warnings allowed), 1 a check failed,
2 could not run (bad flags, unreadable config).
`;

/** One step's outcome. */
export interface Check {
  step: string;
  status: 'pass' | 'warn' | 'fail' | 'skip';
  detail: string;
  fix?: string;
}

const errText = (e: unknown) => (e instanceof AuditError ? e.message : (e as Error).message);
const errHint = (e: unknown) => (e instanceof AuditError && typeof e.details.hint === 'string' ? e.details.hint : undefined);

/** Runs the checks against a connection; pure of printing. */
export async function runChecks(conn: Connection, opts: { trace?: SessionOptions['trace']; now: () => Date; env?: NodeJS.ProcessEnv }): Promise<Check[]> {
  const checks: Check[] = [{ step: 'credentials', status: 'pass', detail: `account ${conn.accountId}, base URL ${conn.baseUrl}` }];
  const host = new URL(conn.baseUrl).hostname;
  const proxy = proxyFor(opts.env ? proxyFromEnv(opts.env) : undefined, conn.baseUrl);
  if (proxy) {
    // Behind a proxy the proxy resolves NetSuite's host; this machine may not be able to.
    checks.push({ step: 'proxy', status: 'pass', detail: `requests go through ${redactUrl(proxy)} (HTTPS_PROXY/HTTP_PROXY; NO_PROXY bypasses it)` });
  } else try {
    const a = await lookup(host);
    checks.push({ step: 'host resolves', status: 'pass', detail: `${host} -> ${a.address}` });
  } catch {
    checks.push({ step: 'host resolves', status: 'fail', detail: `${host} does not resolve`, fix: 'check NETSUITE_ACCOUNT_ID (sandboxes: 1234567_SB1, host 1234567-sb1) or NETSUITE_BASE_URL' });
    return checks;
  }
  const session = openSession(conn, { trace: opts.trace, env: opts.env, retry: { maxAttempts: 3, baseDelayMs: 200, maxDelayMs: 1000, maxTotalMs: 10_000 } });
  let soapOk = false;
  try {
    const soap = await session.soap();
    const t = await soap.call('getServerTime', `<getServerTime xmlns="urn:messages_${conn.soapVersion}.platform.webservices.netsuite.com"/>`);
    soapOk = true;
    checks.push({ step: 'token auth over SOAP', status: 'pass', detail: `NetSuitePort_${conn.soapVersion} accepted the token (SOAP Web Services, Log in using Access Tokens)` });
    const server = Date.parse(child(t.result, 'serverTime')?.text ?? '');
    const skew = Math.round((opts.now().getTime() - server) / 1000);
    if (Number.isNaN(skew)) checks.push({ step: 'clock skew', status: 'warn', detail: 'the server time could not be read' });
    else checks.push({
      step: 'clock skew',
      status: Math.abs(skew) < 60 ? 'pass' : Math.abs(skew) < 300 ? 'warn' : 'fail',
      detail: `this machine is ${Math.abs(skew)} s ${skew >= 0 ? 'ahead of' : 'behind'} NetSuite`,
      fix: Math.abs(skew) >= 60 ? 'sync the clock (NTP): token signatures older or newer than a few minutes are refused' : undefined,
    });
  } catch (e) {
    checks.push({ step: 'token auth over SOAP', status: 'fail', detail: errText(e), fix: errHint(e) });
  }
  try {
    await session.suiteql.page("SELECT id FROM role WHERE id = '-1'", 'read roles', 0, 1);
    checks.push({ step: 'token auth over REST', status: 'pass', detail: 'SuiteQL accepted the token (REST Web Services, SuiteAnalytics Workbook)' });
    checks.push({ step: 'can read role definitions', status: 'pass', detail: "the token's role may read role and rolepermissions: audits read the role definition over SuiteQL" });
  } catch (e) {
    const code = e instanceof AuditError ? e.code : '';
    if (code === 'PERMISSION_DENIED') {
      checks.push({ step: 'token auth over REST', status: 'pass', detail: 'SuiteQL accepted the token' });
      checks.push({ step: 'can read role definitions', status: 'warn', detail: `no: ${errText(e).replace(/^[^:]+: /, '')}; audits fall back to SOAP effective-access probes`, fix: errHint(e) });
    } else {
      checks.push({ step: 'token auth over REST', status: 'fail', detail: errText(e), fix: errHint(e) ?? 'enable REST Web Services (Setup > Company > Enable Features > SuiteCloud) and give the role REST Web Services' });
      checks.push({ step: 'can read role definitions', status: 'skip', detail: 'REST login failed' });
    }
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
  } else checks.push({ step: 'concurrency limit', status: 'skip', detail: 'needs SOAP; using 5' });
  return checks;
}

/** `ns-role-audit doctor`. */
export async function runDoctor(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs('doctor', argv, {
    connection: { type: 'string' },
    config: { type: 'string' },
    format: { type: 'string', default: 'table' },
    verbose: { type: 'boolean', default: false },
  });
  if (values.help) { io.stdout.write(DOCTOR_HELP); return EXIT.OK; }
  const format = oneOf('format', values.format!, ['table', 'json'] as const);
  inputPath('--config', values.config);
  let checks: Check[];
  try {
    const conn = resolveConnection({ connection: values.connection, config: values.config }, io);
    checks = await runChecks(conn, { trace: values.verbose ? traceTo(io) : undefined, now: io.now, env: io.env });
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
