import { startSimulator, type Simulator } from '../../src/simulator';
import { credentialsFor, demoAccount, soapCall, suiteql } from '../helpers/sim-client';

describe('the account concurrency limit, across SOAP and REST', () => {
  let sim: Simulator;
  beforeAll(async () => { sim = await startSimulator({ fixture: demoAccount() }); });
  afterAll(() => sim.stop());

  test('12 requests at once against a limit of 5: 5 served, 7 refused as NetSuite refuses them', async () => {
    // The server holds admitted requests until all 12 have arrived: counts, not timing.
    const release = sim.hold();
    const soap = () => soapCall(sim, credentialsFor(sim, 'polytomic'), '<platformMsgs:getServerTime/>').then((r) => ({ api: 'soap', ...r }));
    const rest = () => suiteql(sim, credentialsFor(sim, 'auditor'), 'SELECT id FROM role').then((r) => ({ api: 'rest', status: r.status, text: JSON.stringify(r.body) }));
    const pending = Promise.all(Array.from({ length: 12 }, (_, i) => (i % 2 ? soap() : rest())));
    while (sim.log.entries.length < 7 || sim.inFlight < 5) await new Promise((r) => setImmediate(r));
    release();
    const results = await pending;
    const ok = results.filter((r) => r.status === 200);
    const refusedSoap = results.filter((r) => r.api === 'soap' && r.status === 500);
    const refusedRest = results.filter((r) => r.api === 'rest' && r.status === 429);
    expect(ok).toHaveLength(5);
    expect(refusedSoap.length + refusedRest.length).toBe(7);
    for (const r of refusedSoap) expect(r.text).toContain('<platformFaults:exceededConcurrentRequestLimitFault');
    for (const r of refusedSoap) expect(r.text).toContain('<platformFaults:code>WS_REQUEST_BLOCKED</platformFaults:code>');
    for (const r of refusedRest) expect(JSON.parse(r.text)).toMatchObject({ status: 429, title: 'Too Many Requests' });
    expect(sim.log.maxAcceptedConcurrent).toBe(5);
    expect(sim.log.maxConcurrent).toBeGreaterThan(5); // over-limit arrivals were seen, and refused
  });

  test('once requests finish, the limit frees up again', async () => {
    const r = await soapCall(sim, credentialsFor(sim, 'polytomic'), '<platformMsgs:getServerTime/>');
    expect(r.status).toBe(200);
  });
});

describe('fault injection', () => {
  let sim: Simulator;
  beforeAll(async () => { sim = await startSimulator({ fixture: demoAccount() }); });
  afterAll(() => sim.stop());
  afterEach(() => sim.setFaults({ serverErrorRate: 0, truncateRate: 0, concurrencyRefusalRate: 0, latencyMs: 0 }));

  test('a share of 5xx', async () => {
    sim.setFaults({ serverErrorRate: 1 });
    for (const path of ['/services/rest/query/v1/suiteql', '/services/NetSuitePort_2024_2']) {
      const r = await fetch(`${sim.url}${path}`, { method: 'POST', body: '{}' });
      expect([r.status, r.headers.get('content-type'), await r.text()]).toEqual([503, 'text/html', '<html><body><h1>503 Service Unavailable</h1></body></html>']);
    }
    expect(sim.log.entries.slice(-2).map((e) => e.outcome)).toEqual(['SERVICE_UNAVAILABLE', 'SERVICE_UNAVAILABLE']);
  });

  test('a share of concurrency refusals, with nothing else in flight', async () => {
    sim.setFaults({ concurrencyRefusalRate: 1 });
    const r = await suiteql(sim, credentialsFor(sim, 'auditor'), 'SELECT id FROM role');
    expect(r.status).toBe(429);
  });

  test('a truncated body breaks the read, as a dropped connection does', async () => {
    sim.setFaults({ truncateRate: 1 });
    await expect(soapCall(sim, credentialsFor(sim, 'polytomic'), '<platformMsgs:getServerTime/>')).rejects.toThrow();
  });

  test('latency delays every answer', async () => {
    sim.setFaults({ latencyMs: 150 });
    const t = Date.now();
    await soapCall(sim, credentialsFor(sim, 'polytomic'), '<platformMsgs:getServerTime/>');
    expect(Date.now() - t).toBeGreaterThanOrEqual(140);
  });
});
