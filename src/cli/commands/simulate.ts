import { join } from 'node:path';
import { AuditError } from '../../core/errors';
import { startSimulator, type FaultSettings } from '../../simulator';
import { inputPath, parseCommandArgs } from '../args';
import { EXIT } from '../exit-codes';
import type { CliIo } from '../io';
import type { RedactingIo } from '../redact';
import { packagePath } from '../../package-root';

/** The bundled demo account. */
export const DEMO_FIXTURE = packagePath('fixtures', 'accounts', 'demo.yaml');

export const SIMULATE_HELP = `Usage: ns-role-audit simulate [options]

Runs a local NetSuite simulator on 127.0.0.1 speaking NetSuite's SOAP
(/services/NetSuitePort_<version>, WSDL at /wsdl/v<version>_0/netsuite.wsdl) and
REST SuiteQL (/services/rest/query/v1/suiteql), with token-based authentication
checked as NetSuite checks it. It never talks to NetSuite.

Options:
  --fixture <file>        account fixture YAML (default: the bundled demo account,
                          fixtures/accounts/demo.yaml)
  --port <n>              port (default 0: any free port)
  --tls                   serve HTTPS with a self-signed certificate
  --print-env <token>     print 'export NETSUITE_...=...' lines for that token of
                          the fixture, for: eval "$(ns-role-audit simulate ... )"
  --latency <ms>          delay every response
  --error-rate <0..1>     answer this share of requests with HTTP 503
  --refuse-rate <0..1>    refuse this share as over the concurrency limit
  --truncate-rate <0..1>  cut this share of responses off half way
  --log                   print one line per request on stderr (never a secret)

The request log is also served as JSON at <url>/_simulator/requests.
Stop with Ctrl-C.
`;

function rate(flag: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!(n >= 0 && n <= 1)) throw new AuditError('USAGE', `--${flag} ${JSON.stringify(v)}: expected a number from 0 to 1`);
  return n;
}

/** Shell-quotes a value for an `export` line. */
function shellQuote(v: string): string {
  return `'${v.replace(/'/g, `'\\''`)}'`;
}

/** `ns-role-audit simulate`: serves until SIGINT/SIGTERM. */
export async function runSimulate(argv: string[], io: CliIo, until?: Promise<void>): Promise<number> {
  const { values } = parseCommandArgs('simulate', argv, {
    fixture: { type: 'string' },
    port: { type: 'string', default: '0' },
    tls: { type: 'boolean', default: false },
    'print-env': { type: 'string' },
    latency: { type: 'string' },
    'error-rate': { type: 'string' },
    'refuse-rate': { type: 'string' },
    'truncate-rate': { type: 'string' },
    log: { type: 'boolean', default: false },
  });
  if (values.help) { io.stdout.write(SIMULATE_HELP); return EXIT.OK; }
  inputPath('--fixture', values.fixture);
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new AuditError('USAGE', `--port ${JSON.stringify(values.port)}: expected 0 to 65535`);
  const faults: Partial<FaultSettings> = {};
  if (values.latency !== undefined) {
    const ms = Number(values.latency);
    if (!Number.isInteger(ms) || ms < 0) throw new AuditError('USAGE', `--latency ${JSON.stringify(values.latency)}: expected milliseconds`);
    faults.latencyMs = ms;
  }
  const er = rate('error-rate', values['error-rate']);
  if (er !== undefined) faults.serverErrorRate = er;
  const rr = rate('refuse-rate', values['refuse-rate']);
  if (rr !== undefined) faults.concurrencyRefusalRate = rr;
  const tr = rate('truncate-rate', values['truncate-rate']);
  if (tr !== undefined) faults.truncateRate = tr;

  const fixture = values.fixture ?? DEMO_FIXTURE;
  const sim = await startSimulator({ fixture, port, tls: values.tls, faults }).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'EADDRINUSE') throw new AuditError('USAGE', `port ${port} is already in use`, { details: { hint: 'pick another --port, or 0 for any free one' } });
    throw e;
  });
  const tokenName = values['print-env'];
  if (tokenName !== undefined) {
    const token = sim.account.tokens.find((t) => t.name === tokenName);
    if (!token) {
      await sim.stop();
      throw new AuditError('USAGE', `--print-env ${tokenName}: the fixture has no such token`, { details: { hint: `tokens in ${fixture}: ${sim.account.tokens.map((t) => t.name).join(', ')}` } });
    }
  }
  io.stdout.write(`# listening on ${sim.url} (account ${sim.accountId}, ${sim.account.roles.length} roles, tokens: ${sim.account.tokens.map((t) => t.name).join(', ')})\n`);
  if (tokenName !== undefined) {
    const token = sim.account.tokens.find((t) => t.name === tokenName)!;
    const vars: Array<[string, string]> = [
      ['NETSUITE_ACCOUNT_ID', sim.accountId],
      ['NETSUITE_CONSUMER_KEY', token.integration.consumerKey],
      ['NETSUITE_CONSUMER_SECRET', token.integration.consumerSecret],
      ['NETSUITE_TOKEN_ID', token.tokenId],
      ['NETSUITE_TOKEN_SECRET', token.tokenSecret],
      ['NETSUITE_BASE_URL', sim.url],
    ];
    // The user asked for these values: they bypass the redaction every other output passes.
    const out = (io as Partial<RedactingIo>).rawStdout ?? io.stdout;
    for (const [k, v] of vars) out.write(`export ${k}=${shellQuote(v)}\n`);
  }
  if (values.log) {
    const add = sim.log.add.bind(sim.log);
    sim.log.add = (e) => {
      add(e);
      io.stderr.write(`${e.time} ${e.api} ${e.operation}${e.target ? ` ${e.target}` : ''} token=${e.token ?? '-'} -> ${e.status} ${e.outcome}${e.detail ? ` (${e.detail})` : ''}\n`);
    };
  }
  await (until ?? new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  }));
  await sim.stop();
  return EXIT.OK;
}
