import { startSimulator, type Simulator } from '../../src/simulator';
import { connectionFromEnv } from '../../src/adapters/config';
import { openSession } from '../../src/adapters/netsuite/session';
import { createLiveSource } from '../../src/adapters/sources/live-source';
import { runCliAsync } from '../helpers/run-cli';
import { envFor, expectReadOnly } from '../helpers/live-env';
import { demoAccount } from '../helpers/sim-client';
import { AuditError } from '../../src/core/errors';

const noWait = { maxAttempts: 8, baseDelayMs: 5, maxDelayMs: 40, maxTotalMs: 20_000 };

describe('retries under injected concurrency refusals', () => {
  let sim: Simulator;
  beforeAll(async () => { sim = await startSimulator({ fixture: demoAccount((d) => { d.account.concurrencyLimit = 2; }) }); });
  afterAll(() => sim.stop());
  afterEach(() => expectReadOnly(sim));

  test('the SOAP audit completes, retrying refusals, and never goes over the account limit', async () => {
    sim.setFaults({ concurrencyRefusalRate: 0.2, seed: 7 });
    const r = await runCliAsync(['audit', '--policy', 'policies/polytomic.yaml', '--source', 'soap', '--accept-unverified', '--format', 'json'], { env: envFor(sim, 'polytomic') });
    sim.setFaults({ concurrencyRefusalRate: 0 });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const refused = sim.log.entries.filter((e) => e.outcome === 'WS_REQUEST_BLOCKED' || e.outcome === 'CONCURRENCY_LIMIT_EXCEEDED');
    expect(refused.length).toBeGreaterThan(0); // the faults really fired
    // The client read the account's limit (2) and kept to it: nothing was refused for real load.
    expect(sim.log.maxAcceptedConcurrent).toBeLessThanOrEqual(2);
    expect(sim.log.entries.every((e) => e.concurrent <= 2)).toBe(true);
  });

  test('5xx answers are retried: each one costs one more request, and the role is read whole', async () => {
    sim.setFaults({ serverErrorRate: 0.3, seed: 3 });
    const before = sim.log.entries.length;
    const session = openSession(connectionFromEnv(envFor(sim, 'auditor')), { retry: noWait });
    const { role } = await createLiveSource(session, 'suiteql').fetchRole({ scriptId: 'customrole_polytomic' });
    sim.setFaults({ serverErrorRate: 0 });
    expect(role?.permissions).toHaveLength(33);
    const mine = sim.log.entries.slice(before);
    const failed = mine.filter((e) => e.status === 503).length;
    expect(failed).toBeGreaterThan(0); // the faults fired
    expect(session.transport.requestCount).toBe(mine.length);
    expect(mine.length).toBe(3 + failed); // three requests read the role when nothing fails
  });

  test('a connection dropped half way through a body reaches the client as a network error, and is retried', async () => {
    sim.setFaults({ truncateRate: 0.5, seed: 7 });
    const before = sim.log.entries.length;
    const events: Array<{ status?: number; error?: string; retrying: boolean }> = [];
    const session = openSession(connectionFromEnv(envFor(sim, 'auditor')), { retry: noWait, trace: (e) => events.push(e) });
    const { role } = await createLiveSource(session, 'suiteql').fetchRole({ scriptId: 'customrole_polytomic' });
    sim.setFaults({ truncateRate: 0 });
    expect(role?.permissions).toHaveLength(33);
    const dropped = events.filter((e) => e.error !== undefined);
    // Each dropped body was seen by the client as an error (never parsed as a short answer) and retried.
    expect(dropped.length).toBeGreaterThan(0);
    expect(dropped.every((e) => e.error === 'NETWORK_ERROR' && e.status === undefined && e.retrying)).toBe(true);
    expect(dropped.length).toBe(sim.log.entries.slice(before).filter((e) => e.outcome === 'TRUNCATED').length);
    expect(events.filter((e) => e.status === 200)).toHaveLength(3);
    expect(session.transport.requestCount).toBe(events.length);
  });

  test.each(['suiteql', 'soap'] as const)('a 5xx that outlasts the retries is NETSUITE_UNAVAILABLE over %s alike', async (kind) => {
    sim.setFaults({ serverErrorRate: 1 });
    const session = openSession(connectionFromEnv(envFor(sim, kind === 'soap' ? 'polytomic' : 'auditor')), { retry: { ...noWait, maxAttempts: 3 } });
    const err = await createLiveSource(session, kind).fetchRole({ scriptId: 'customrole_polytomic' }, { permissions: ['LIST_CUSTJOB'] }).catch((e) => e);
    sim.setFaults({ serverErrorRate: 0 });
    expect(err).toBeInstanceOf(AuditError);
    expect(err.code).toBe('NETSUITE_UNAVAILABLE');
    expect(err.message).toContain('HTTP 503');
  });

  test('retries are bounded: a server that always refuses ends in RATE_LIMITED, not a hang', async () => {
    sim.setFaults({ concurrencyRefusalRate: 1 });
    const session = openSession(connectionFromEnv(envFor(sim, 'auditor')), { retry: { ...noWait, maxAttempts: 4 } });
    const err = await createLiveSource(session, 'suiteql').fetchRole({ scriptId: 'customrole_polytomic' }).catch((e) => e);
    sim.setFaults({ concurrencyRefusalRate: 0 });
    expect(err).toBeInstanceOf(AuditError);
    expect((err as AuditError).code).toBe('RATE_LIMITED');
    expect(session.transport.requestCount).toBe(4);
  });
});

describe('a role read across several pages', () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await startSimulator({
      fixture: demoAccount((d) => {
        const perms: Record<string, string> = {};
        for (let i = 0; i < 2345; i++) perms[`LIST_GEN_${String(i).padStart(4, '0')}`] = 'View';
        d.roles.push({ internalId: 4000, scriptId: 'customrole_huge', name: 'Huge', permissions: perms });
      }),
    });
  });
  afterAll(() => sim.stop());

  test('pages while hasMore: 1 role request + 3 pages + 1 for record restrictions, every permission read once', async () => {
    const session = openSession(connectionFromEnv(envFor(sim, 'auditor')));
    const { role } = await createLiveSource(session, 'suiteql').fetchRole({ scriptId: 'customrole_huge' });
    expect(role!.permissions).toHaveLength(2345);
    expect(new Set(role!.permissions.map((p) => p.permkey)).size).toBe(2345);
    expect(sim.log.entries.filter((e) => e.api === 'rest').map((e) => e.target)).toEqual(['role', 'rolepermissions', 'rolepermissions', 'rolepermissions', 'rolerestrictions']);
    expect(session.transport.requestCount).toBe(5);
    expectReadOnly(sim);
  });
});

describe('doctor and pull against the simulator', () => {
  let sim: Simulator;
  beforeAll(async () => { sim = await startSimulator({ fixture: demoAccount() }); });
  afterAll(() => sim.stop());
  afterEach(() => expectReadOnly(sim));

  test('doctor passes for the auditor token: SOAP, which a SuiteQL audit does not use, is shown as not needed', async () => {
    const r = await runCliAsync(['doctor', '--format', 'json'], { env: envFor(sim, 'auditor') });
    const checks = JSON.parse(r.stdout).checks;
    expect(checks.map((c: { step: string; status: string }) => `${c.step}: ${c.status}`)).toEqual([
      'credentials: pass', 'host resolves: pass', 'token auth over REST: pass', 'can read role definitions: pass', 'token auth over SOAP: skip', 'clock skew: pass', 'concurrency limit: skip',
    ]);
    expect(checks.find((c: { step: string }) => c.step === 'token auth over SOAP').detail).toMatch(/^not needed for SuiteQL audits: SOAP refused the token/);
    expect(checks.find((c: { step: string }) => c.step === 'clock skew').detail).toContain("from the REST answer's Date header");
    expect(r.code).toBe(0);
    // Asked for SOAP probes, the same token fails, and says why.
    const soap = await runCliAsync(['doctor', '--for', 'soap'], { env: envFor(sim, 'auditor') });
    expect(soap.code).toBe(1);
    expect(soap.stdout).toMatch(/✗ token auth over SOAP/);
    expect(soap.stdout).toContain("fix: the token's role needs 'SOAP Web Services'");
  });

  test('doctor --for access checks the tables access reads, by what the token may read', async () => {
    const auditor = await runCliAsync(['doctor', '--for', 'access', '--format', 'json'], { env: envFor(sim, 'auditor') });
    expect(auditor.code).toBe(0);
    expect(JSON.parse(auditor.stdout).checks.filter((c: { step: string }) => c.step.startsWith('access:')).map((c: { status: string }) => c.status)).toEqual(['pass', 'pass', 'pass', 'pass']);
    // The integration's own token may read none of them, nor roles: it fails what access needs.
    const poly = await runCliAsync(['doctor', '--for', 'access', '--format', 'json'], { env: envFor(sim, 'polytomic') });
    expect(poly.code).toBe(1);
    expect(JSON.parse(poly.stdout).checks.find((c: { step: string }) => c.step === 'can read role definitions').status).toBe('fail');
  });

  test('doctor for the admin token: all pass, exit 0', async () => {
    const r = await runCliAsync(['doctor'], { env: envFor(sim, 'admin') });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('✓ clock skew');
    expect(r.stdout).toContain('the account allows 5 concurrent requests');
  });

  test('doctor with a wrong secret fails auth with the likely causes', async () => {
    const r = await runCliAsync(['doctor'], { env: { ...envFor(sim, 'admin'), NETSUITE_TOKEN_SECRET: 'a'.repeat(64) } });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/✗ token auth over SOAP .*Invalid login attempt/);
    expect(r.stdout).toContain('fix: likely causes:');
  });

  test('doctor catches a skewed clock', async () => {
    const skewed = await startSimulator({ fixture: demoAccount((d) => { d.account.clockSkewSeconds = -240; }) });
    try {
      const r = await runCliAsync(['doctor', '--format', 'json'], { env: envFor(skewed, 'admin') });
      const skew = JSON.parse(r.stdout).checks.find((c: { step: string }) => c.step === 'clock skew');
      expect(skew).toMatchObject({ status: 'warn', detail: 'this machine is 240 s ahead of NetSuite' });
    } finally {
      await skewed.stop();
    }
  });

  test('pull --as policy writes the role page\'s words, each at exactly its level (--minimums: at least it)', async () => {
    const r = await runCliAsync(['pull', '--role', '1028', '--as', 'policy'], { env: envFor(sim, 'auditor') });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('    Customer Payment: {exact: View}');
    expect(r.stdout).toContain('    Log in using Access Tokens: {exact: Full}');
    const min = await runCliAsync(['pull', '--role', '1028', '--as', 'policy', '--minimums'], { env: envFor(sim, 'auditor') });
    expect(min.stdout).toContain('    Customer Payment: View\n');
  });

  test('pull of a role that does not exist: exit 1', async () => {
    const r = await runCliAsync(['pull', '--role', 'customrole_nobody'], { env: envFor(sim, 'auditor') });
    expect(r.code).toBe(1);
  });
});
