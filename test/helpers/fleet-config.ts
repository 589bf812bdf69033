import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Simulator } from '../../src/simulator';

/** A config with one connection per simulator (its auditor token, secrets as env var names), the env to go with it, and where it was written. */
export function fleetConfigFor(sims: Record<string, Simulator>, audits: object[]): { dir: string; file: string; env: Record<string, string> } {
  const dir = mkdtempSync(join(tmpdir(), 'nsra-fleet-'));
  const env: Record<string, string> = {};
  const connections: Record<string, object> = {};
  for (const [name, sim] of Object.entries(sims)) {
    const t = sim.account.tokens.find((x) => x.name === 'auditor')!;
    const p = name.toUpperCase();
    Object.assign(env, { [`${p}_CK`]: t.integration.consumerKey, [`${p}_CS`]: t.integration.consumerSecret, [`${p}_TI`]: t.tokenId, [`${p}_TS`]: t.tokenSecret });
    connections[name] = { accountId: sim.accountId, baseUrl: sim.url, consumerKeyEnv: `${p}_CK`, consumerSecretEnv: `${p}_CS`, tokenIdEnv: `${p}_TI`, tokenSecretEnv: `${p}_TS` };
  }
  const file = join(dir, 'ns-role-audit.config.yaml');
  writeFileSync(file, JSON.stringify({ version: 1, connections, audits }, null, 2));
  return { dir, file, env };
}
