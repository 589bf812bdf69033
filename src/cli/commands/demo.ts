import { join, relative } from 'node:path';
import { buildReport } from '../../core/audit';
import { auditRole } from '../../adapters/audit-role';
import { readPolicy } from '../../adapters/read-policy';
import { canonicalAccount } from '../../core/account-id';
import { openSession } from '../../adapters/netsuite/session';
import { READ_OPERATIONS } from '../../adapters/netsuite/soap-client';
import { CLI_FORMATS as FORMATS } from '../formats';
import { shouldColor } from '../output';
import { startSimulator } from '../../simulator';
import { createLiveSource } from '../../adapters/sources/live-source';
import { parseCommandArgs } from '../args';
import { EXIT, exitCodeOf } from '../exit-codes';
import type { CliIo } from '../io';
import { toolVersion } from '../version';
import { DEMO_FIXTURE } from './simulate';
import { packagePath } from '../../package-root';

export const DEMO_HELP = `Usage: ns-role-audit demo

Starts the bundled NetSuite simulator (fixtures/accounts/demo.yaml) in this
process and audits policies/polytomic.yaml over real HTTP, with the demo's
auditor token (REST SuiteQL), against:
  1. customrole_polytomic          set up exactly as Polytomic's guide says
  2. customrole_polytomic_drifted  the same role after some hand edits
printing each report and the exit code that audit would give in CI.
Exits 0 when the demo ran as intended (1: compliant, 2: drift caught).
`;

const POLICY = packagePath('policies', 'polytomic.yaml');

/** `ns-role-audit demo`. */
export async function runDemo(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs('demo', argv, {});
  if (values.help) { io.stdout.write(DEMO_HELP); return EXIT.OK; }
  const sim = await startSimulator({ fixture: DEMO_FIXTURE });
  try {
    const token = sim.account.tokens.find((t) => t.name === 'auditor')!;
    const session = openSession({
      name: 'demo',
      accountId: canonicalAccount(sim.accountId),
      baseUrl: sim.url,
      soapVersion: '2024_2',
      credentials: { accountId: sim.accountId, consumerKey: token.integration.consumerKey, consumerSecret: token.integration.consumerSecret, tokenId: token.tokenId, tokenSecret: token.tokenSecret },
    });
    const source = createLiveSource(session, 'auto');
    const policy = readPolicy(relative(io.cwd, POLICY) || POLICY);
    const color = shouldColor(io.stdout, io.env);
    io.stdout.write(`NetSuite simulator for account ${sim.accountId} at ${sim.url}\nPolicy: policies/polytomic.yaml (${policy.rules.length} permissions, excess: ${policy.excess})\n`);
    const codes: number[] = [];
    for (const [i, scriptId] of ['customrole_polytomic', 'customrole_polytomic_drifted'].entries()) {
      io.stdout.write(`\n== ${i + 1}. audit --role ${scriptId} (REST SuiteQL with the auditor token)\n\n`);
      const result = await auditRole(policy, source, { scriptId }, io.now().toISOString().slice(0, 10));
      const report = buildReport([result], { version: toolVersion(), generatedAt: io.now().toISOString(), failOn: 'error' });
      io.stdout.write(FORMATS.table.report(report, { color }));
      const code = exitCodeOf(report);
      codes.push(code);
      io.stdout.write(`\n   exit code in CI: ${code}${code ? ' (findings: the build fails)' : ' (passes)'}\n`);
    }
    const requests = sim.log.entries.filter((e) => e.api !== 'wsdl');
    const reads = new Set<string>([...READ_OPERATIONS, 'POST /services/rest/query/v1/suiteql']);
    const writes = requests.filter((e) => !reads.has(e.operation));
    io.stdout.write(`\n${requests.length} HTTP requests to the simulator, ${writes.length} of them writes; at most ${sim.log.maxAcceptedConcurrent} at once (limit ${sim.account.concurrencyLimit}).\n`);
    io.stdout.write(`Next: ns-role-audit audit --policy pack:polytomic --role-file <your SuiteCloud project>, or set NETSUITE_* for your account and run ns-role-audit doctor (docs/netsuite-setup.md).\n`);
    const asIntended = codes[0] === EXIT.OK && codes[1] === EXIT.FINDINGS && writes.length === 0;
    if (!asIntended) io.stderr.write('ns-role-audit demo: the audits did not give the expected exit codes (0, then 1)\n');
    return asIntended ? EXIT.OK : EXIT.FINDINGS;
  } finally {
    await sim.stop();
  }
}
