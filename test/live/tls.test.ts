import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSimulator, type Simulator } from '../../src/simulator';
import { runCliAsync } from '../helpers/run-cli';
import { envFor } from '../helpers/live-env';
import { demoAccount } from '../helpers/sim-client';

// HTTPS with the simulator's self-signed certificate: refused until the certificate is trusted.
let sim: Simulator;
beforeAll(async () => { sim = await startSimulator({ fixture: demoAccount(), tls: true }); });
afterAll(() => sim.stop());

test('an untrusted certificate is a clear TLS error, exit 2', async () => {
  expect(sim.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
  const r = await runCliAsync(['audit', '--policy', 'policies/polytomic.yaml', '--source', 'suiteql'], { env: envFor(sim, 'auditor') });
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('TLS_FAILED');
  expect(r.stderr).toContain('the certificate is not trusted');
});

test('trusted through NODE_EXTRA_CA_CERTS, the audit runs over HTTPS', async () => {
  const ca = join(mkdtempSync(join(tmpdir(), 'nsra-tls-')), 'sim.pem');
  writeFileSync(ca, sim.certificate!);
  const r = await runCliAsync(['audit', '--policy', 'policies/polytomic.yaml', '--source', 'suiteql'], { env: { ...envFor(sim, 'auditor'), NODE_EXTRA_CA_CERTS: ca } });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
});
