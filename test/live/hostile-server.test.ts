import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { openSession } from '../../src/adapters/netsuite/session';
import { readPermissionsBulk } from '../../src/adapters/fleet/bulk-read';
import { createLiveSource } from '../../src/adapters/sources/live-source';
import { AuditError } from '../../src/core/errors';

// A hostile server on loopback: every loop that sends requests is bounded, every body is read
// within a deadline and a size limit, and each ends in a named error.

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;
let handler: Handler = () => {};
let server: Server;
let url = '';
const timers = new Set<NodeJS.Timeout>();

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => handler(req, res, body));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterEach(() => { for (const t of timers) clearInterval(t); timers.clear(); });
afterAll(() => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }));

const once = { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1, maxTotalMs: 1 };
function session(extra: { timeoutMs?: number; maxResponseBytes?: number } = {}) {
  return openSession({ name: 't', accountId: '1234567', baseUrl: url, soapVersion: '2024_2', credentials: { accountId: '1234567', consumerKey: 'k'.repeat(64), consumerSecret: 's'.repeat(64), tokenId: 't'.repeat(64), tokenSecret: 'u'.repeat(64) } }, { retry: once, ...extra });
}
const page = (items: object[], extra: object = {}) => JSON.stringify({ links: [], count: items.length, hasMore: false, items, offset: 0, totalResults: items.length, ...extra });
const codeOf = (p: Promise<unknown>) => p.then(() => 'no error', (e) => (e instanceof AuditError ? e.code : `not named: ${(e as Error).message}`));

test('a body that drips slowly ends at the deadline: TIMEOUT, not a hang', async () => {
  handler = (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.write('{"items": [');
    const t = setInterval(() => res.write(' '), 50);
    timers.add(t);
  };
  const started = Date.now();
  expect(await codeOf(createLiveSource(session({ timeoutMs: 400 }), 'suiteql').fetchRole({ scriptId: 'customrole_x' }))).toBe('TIMEOUT');
  expect(Date.now() - started).toBeLessThan(5000);
});

test('a body larger than the limit is not read: RESPONSE_TOO_LARGE', async () => {
  handler = (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    const chunk = 'x'.repeat(64 * 1024);
    for (let i = 0; i < 64; i++) res.write(chunk); // 4 MiB, never announced
    res.end();
  };
  expect(await codeOf(createLiveSource(session({ maxResponseBytes: 1024 * 1024 }), 'suiteql').fetchRole({ scriptId: 'customrole_x' }))).toBe('RESPONSE_TOO_LARGE');
});

test('hasMore forever: paging stops at what the first page announced', async () => {
  let calls = 0;
  handler = (req, res, body) => {
    calls++;
    const q = JSON.parse(body).q as string;
    if (/FROM role\b/.test(q)) return res.end(page([{ id: '1', scriptid: 'customrole_x', name: 'X', isinactive: 'F', iswebserviceonlyrole: 'T' }]));
    res.end(page([{ permkey: `LIST_X${calls}`, permlevel: '1', restriction: '-1' }], { hasMore: true, totalResults: 3 }));
  };
  expect(await codeOf(createLiveSource(session(), 'suiteql').fetchRole({ scriptId: 'customrole_x' }))).toBe('MALFORMED_RESPONSE');
  expect(calls).toBeLessThanOrEqual(1 + 4);
});

test('a huge page is read without spreading it into a call (no stack overflow)', async () => {
  const rows = Array.from({ length: 200_000 }, (_, i) => ({ permkey: `LIST_X${i}`, permlevel: '1', restriction: '-1' }));
  handler = (_req, res, body) => {
    const q = JSON.parse(body).q as string;
    if (/FROM role\b/.test(q)) return res.end(page([{ id: '1', scriptid: 'customrole_x', name: 'X', isinactive: 'F', iswebserviceonlyrole: 'T' }]));
    res.end(page(rows));
  };
  // 200,000 rows in one page break the page contract (at most 1,000) but must not crash the process.
  const code = await codeOf(createLiveSource(session(), 'suiteql').fetchRole({ scriptId: 'customrole_x' }));
  expect(code).not.toMatch(/^not named/);
});

test('a fleet chunk of one role that claims 10^9 rows is an error for that role, not an endless re-split', async () => {
  let calls = 0;
  handler = (_req, res) => {
    calls++;
    res.end(page([{ role: '1', permkey: 'LIST_X', permlevel: '1', restriction: '-1' }], { totalResults: 1_000_000_000, hasMore: true }));
  };
  expect(await codeOf(readPermissionsBulk(session().suiteql, ['1']))).toBe('RESULT_TOO_LARGE');
  expect(calls).toBeLessThanOrEqual(2);
});

test('--timeout bounds a whole run: a server that never answers ends in RUN_TIMEOUT, exit 2, promptly', async () => {
  handler = () => { /* never answers */ };
  const { runCliAsync } = await import('../helpers/run-cli');
  const started = Date.now();
  const r = await runCliAsync(['audit', '--policy', 'policies/polytomic.yaml', '--source', 'suiteql', '--timeout', '1'], {
    env: { NETSUITE_ACCOUNT_ID: '1234567', NETSUITE_CONSUMER_KEY: 'k'.repeat(64), NETSUITE_CONSUMER_SECRET: 's'.repeat(64), NETSUITE_TOKEN_ID: 't'.repeat(64), NETSUITE_TOKEN_SECRET: 'u'.repeat(64), NETSUITE_BASE_URL: url },
  });
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('RUN_TIMEOUT');
  expect(Date.now() - started).toBeLessThan(10_000);
});

test.each([
  ['a DOCTYPE with an entity bomb', '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body>&b;</soapenv:Body></soapenv:Envelope>'],
  ['trailing data after the envelope', '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body/></soapenv:Envelope><extra/>'],
  ['elements nested past 100 levels', `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body>${'<x>'.repeat(150)}${'</x>'.repeat(150)}</soapenv:Body></soapenv:Envelope>`],
])('a SOAP body with %s is MALFORMED_RESPONSE, never internal', async (_name, body) => {
  handler = (_req, res) => { res.writeHead(200, { 'content-type': 'text/xml' }); res.end(body); };
  expect(await codeOf(createLiveSource(session(), 'soap').fetchRole({ scriptId: 'customrole_x' }, { permissions: ['LIST_CUSTJOB'] }))).toBe('MALFORMED_RESPONSE');
});
