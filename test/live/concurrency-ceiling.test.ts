import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSimulator, type Simulator } from '../../src/simulator';
import { runCliAsync } from '../helpers/run-cli';
import { expectReadOnly } from '../helpers/live-env';
import { demoAccount } from '../helpers/sim-client';

// `concurrency:` in the config is a ceiling for every source and every fleet run, whatever the
// account reports (10 here). Counted at the server: the test fails at ceiling + 1 in flight.

let sim: Simulator;
beforeAll(async () => {
  // Each answer takes a little while, so a client that sent in parallel would overlap.
  sim = await startSimulator({ fixture: demoAccount((d) => { d.account.concurrencyLimit = 10; }), faults: { latencyMs: 15 } });
});
afterAll(() => sim.stop());
afterEach(() => expectReadOnly(sim));

function config(token: string, concurrency: number | undefined): { file: string; env: Record<string, string> } {
  const dir = mkdtempSync(join(tmpdir(), 'nsra-ceiling-'));
  const t = sim.account.tokens.find((x) => x.name === token)!;
  const env = { CK: t.integration.consumerKey, CS: t.integration.consumerSecret, TI: t.tokenId, TS: t.tokenSecret };
  const conn = { accountId: sim.accountId, baseUrl: sim.url, consumerKeyEnv: 'CK', consumerSecretEnv: 'CS', tokenIdEnv: 'TI', tokenSecretEnv: 'TS', ...(concurrency ? { concurrency } : {}) };
  const file = join(dir, 'ns-role-audit.config.yaml');
  writeFileSync(file, JSON.stringify({ version: 1, connections: { sandbox: conn }, audits: [{ policy: join(__dirname, '..', '..', 'policies', 'polytomic.yaml'), roles: ['customrole_polytomic', 'customrole_polytomic_drifted', 'customrole_ns_role_auditor'] }] }));
  return { file, env };
}

/** The most requests the server held at once while `run` went on. */
async function peakDuring(run: () => Promise<unknown>): Promise<number> {
  const before = sim.log.entries.length;
  await run();
  return Math.max(...sim.log.entries.slice(before).map((e) => e.concurrent));
}

test('without a ceiling, the SOAP probes run in parallel up to what the account reports (the test can see overlap)', async () => {
  const { file, env } = config('polytomic', undefined);
  const peak = await peakDuring(() => runCliAsync(['audit', '--policy', 'policies/polytomic.yaml', '--connection', 'sandbox', '--config', file, '--source', 'soap', '--accept-unverified'], { env }));
  expect(peak).toBeGreaterThan(1);
});

test.each([[1], [2]])('concurrency: %i holds for the SOAP probe source, which would otherwise raise it to the account\'s 10', async (ceiling) => {
  const { file, env } = config('polytomic', ceiling);
  const peak = await peakDuring(() => runCliAsync(['audit', '--policy', 'policies/polytomic.yaml', '--connection', 'sandbox', '--config', file, '--source', 'soap', '--accept-unverified'], { env }));
  expect(peak).toBeLessThanOrEqual(ceiling);
});

test('concurrency: 1 holds for a fleet run', async () => {
  const { file, env } = config('auditor', 1);
  const peak = await peakDuring(() => runCliAsync(['audit', '--config', file], { env }));
  expect(peak).toBeLessThanOrEqual(1);
});

test('concurrency: 1 holds for the auto source falling back to SOAP', async () => {
  const { file, env } = config('polytomic', 1);
  const peak = await peakDuring(() => runCliAsync(['audit', '--policy', 'policies/polytomic.yaml', '--connection', 'sandbox', '--config', file], { env }));
  expect(peak).toBeLessThanOrEqual(1);
});
