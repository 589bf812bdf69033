import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Limiter } from '../../src/adapters/netsuite/limiter';
import { checkEndpointUrl, createTransport } from '../../src/adapters/netsuite/transport';
import { AuditError } from '../../src/core/errors';
import { createRedactingIo } from '../../src/cli/redact';

describe('Limiter', () => {
  test('never runs more than its limit at once, and runs everything', async () => {
    const l = new Limiter(3);
    let active = 0;
    let peak = 0;
    const done = await Promise.all(Array.from({ length: 20 }, (_, i) => l.run(async () => {
      active++; peak = Math.max(peak, active);
      await new Promise((r) => setTimeout(r, 2 + (i % 3)));
      active--;
      return i;
    })));
    expect(done).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(peak).toBe(3);
    expect(l.peak).toBe(3);
  });

  test('lowering the limit takes effect for the next tasks', async () => {
    const l = new Limiter(5);
    l.setLimit(1);
    let active = 0; let peak = 0;
    await Promise.all(Array.from({ length: 5 }, () => l.run(async () => { active++; peak = Math.max(peak, active); await new Promise((r) => setTimeout(r, 1)); active--; })));
    expect(peak).toBe(1);
  });

  test('a configured ceiling holds even when the account reports a higher limit', async () => {
    const l = new Limiter(1, 1);
    l.setLimit(10); // what getAccountGovernanceInfo would say
    expect(l.limit).toBe(1);
    let active = 0; let peak = 0;
    await Promise.all(Array.from({ length: 6 }, () => l.run(async () => { active++; peak = Math.max(peak, active); await new Promise((r) => setTimeout(r, 1)); active--; })));
    expect(peak).toBe(1);
    expect(new Limiter(8, 3).limit).toBe(3);
  });
});

describe('transport retries', () => {
  let server: Server;
  let url: string;
  let answers: number[] = [];
  beforeAll(async () => {
    server = createServer((_req, res) => { const s = answers.shift() ?? 200; res.writeHead(s); res.end(String(s)); });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/x`;
  });
  afterAll(() => new Promise((r) => server.close(r)));

  function transport(maxAttempts = 5) {
    const sleeps: number[] = [];
    const t = createTransport({ limiter: new Limiter(2), retry: { maxAttempts, baseDelayMs: 100, maxDelayMs: 1000, maxTotalMs: 60_000 }, sleep: async (ms) => { sleeps.push(ms); }, random: () => 1 });
    return { t, sleeps };
  }

  test('429 and 5xx are retried with exponential backoff, then the answer is returned', async () => {
    answers = [429, 503, 500, 200];
    const { t, sleeps } = transport();
    const r = await t.send({ api: 'rest', method: 'POST', url, label: 'x', headers: () => ({}) });
    expect(r.status).toBe(200);
    expect(sleeps).toEqual([100, 200, 400]);
    expect(t.requestCount).toBe(4);
  });

  test('4xx other than 429 is not retried', async () => {
    answers = [401];
    const { t, sleeps } = transport();
    expect((await t.send({ api: 'rest', method: 'POST', url, label: 'x', headers: () => ({}) })).status).toBe(401);
    expect(sleeps).toEqual([]);
  });

  test('attempts are bounded', async () => {
    answers = [503, 503, 503, 503];
    const { t } = transport(3);
    expect((await t.send({ api: 'rest', method: 'POST', url, label: 'x', headers: () => ({}) })).status).toBe(503);
    expect(t.requestCount).toBe(3);
  });

  test('headers and body are built afresh for each attempt (a new signature each time)', async () => {
    answers = [503, 200];
    const { t } = transport();
    let built = 0;
    await t.send({ api: 'soap', method: 'POST', url, label: 'x', headers: () => ({ 'x-n': String(++built) }), body: () => `b${built}` });
    expect(built).toBe(2);
  });
});

test('endpoints: HTTPS anywhere, plain HTTP only to loopback', () => {
  expect(checkEndpointUrl('https://1234567-sb1.suitetalk.api.netsuite.com').host).toBe('1234567-sb1.suitetalk.api.netsuite.com');
  expect(checkEndpointUrl('http://127.0.0.1:4000').port).toBe('4000');
  expect(() => checkEndpointUrl('http://10.0.0.5')).toThrow(AuditError);
  expect(() => checkEndpointUrl('ftp://x')).toThrow(/HTTPS only/);
});

test('the redacting output replaces every known secret, wherever it appears', () => {
  let out = '';
  const io = createRedactingIo({ stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (out += s) }, env: {}, cwd: '/', now: () => new Date() }, ['s3cr3t-value-1']);
  io.addSecrets(['another-secret-2', 'short']);
  io.stdout.write('a s3cr3t-value-1 b another-secret-2 c short');
  expect(out).toBe('a [redacted] b [redacted] c short');
});
