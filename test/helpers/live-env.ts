/* eslint-disable @typescript-eslint/no-explicit-any */
import { startSimulator, type Simulator } from '../../src/simulator';
import { demoAccount } from './sim-client';

/** The NETSUITE_* environment for a simulator token, as `simulate --print-env` prints it. */
export function envFor(sim: Simulator, tokenName: string): Record<string, string> {
  const t = sim.account.tokens.find((x) => x.name === tokenName);
  if (!t) throw new Error(`no token ${tokenName}`);
  return {
    NETSUITE_ACCOUNT_ID: sim.accountId,
    NETSUITE_CONSUMER_KEY: t.integration.consumerKey,
    NETSUITE_CONSUMER_SECRET: t.integration.consumerSecret,
    NETSUITE_TOKEN_ID: t.tokenId,
    NETSUITE_TOKEN_SECRET: t.tokenSecret,
    NETSUITE_BASE_URL: sim.url,
  };
}

/** Every secret of the fixture: none may appear in anything the tool prints or writes. */
export function allSecrets(sim: Simulator): string[] {
  return sim.account.tokens.flatMap((t) => [t.tokenId, t.tokenSecret, t.integration.consumerKey, t.integration.consumerSecret]);
}

/** The SOAP and REST operations the auditor may send: reads only. */
const READ_ONLY = new Set(['search', 'searchMoreWithId', 'getCustomizationId', 'getAll', 'getServerTime', 'getAccountGovernanceInfo', 'getIntegrationGovernanceInfo', 'getDataCenterUrls', 'POST /services/rest/query/v1/suiteql', 'GET wsdl']);

/** Asserts the simulator saw only read operations. */
export function expectReadOnly(sim: Simulator): void {
  const writes = sim.log.entries.filter((e) => !READ_ONLY.has(e.operation));
  expect(writes.map((e) => e.operation)).toEqual([]);
}

/** Runs `run` against a simulator of the demo account (changed by `change`), then checks it saw reads only, and stops it. */
export async function withDemoSim(change: ((doc: any) => void) | undefined, run: (sim: Simulator) => Promise<void>): Promise<void> {
  // The simulator keeps real time (token signatures are checked against it).
  const sim = await startSimulator({ fixture: demoAccount(change) });
  try {
    await run(sim);
    expectReadOnly(sim);
  } finally {
    await sim.stop();
  }
}
