import { createServer, request, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSimulator, type Simulator } from '../../src/simulator';
import { runCliAsync } from '../helpers/run-cli';
import { envFor, expectReadOnly } from '../helpers/live-env';
import { demoAccount } from '../helpers/sim-client';

// HTTPS_PROXY, HTTP_PROXY and NO_PROXY (any case) for SOAP and REST alike, through a real forward
// proxy on loopback: absolute-form requests for http, CONNECT tunnels for https.

let proxy: Server;
let proxyUrl = '';
const seen: string[] = [];
let sim: Simulator;
let tlsSim: Simulator;
let ca = '';

beforeAll(async () => {
  proxy = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    const target = new URL(req.url!);
    const upstream = request({ host: target.hostname, port: target.port, path: target.pathname + target.search, method: req.method, headers: req.headers }, (r) => {
      res.writeHead(r.statusCode ?? 502, r.headers);
      r.pipe(res);
    });
    upstream.on('error', () => { res.writeHead(502); res.end(); });
    req.pipe(upstream);
  });
  proxy.on('connect', (req, client: Socket, head) => {
    seen.push(`CONNECT ${req.url}`);
    const [host, port] = req.url!.split(':');
    const server = connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      server.write(head);
      server.pipe(client);
      client.pipe(server);
    });
    server.on('error', () => client.destroy());
    client.on('error', () => server.destroy());
  });
  await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', () => r()));
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  sim = await startSimulator({ fixture: demoAccount() });
  tlsSim = await startSimulator({ fixture: demoAccount(), tls: true });
  ca = join(mkdtempSync(join(tmpdir(), 'nsra-proxy-')), 'sim.pem');
  writeFileSync(ca, tlsSim.certificate!);
});
afterAll(async () => {
  await sim.stop();
  await tlsSim.stop();
  proxy.closeAllConnections();
  await new Promise<void>((r) => proxy.close(() => r()));
});
beforeEach(() => { seen.length = 0; });
afterEach(() => { expectReadOnly(sim); expectReadOnly(tlsSim); });

const audit = (env: Record<string, string>, args: string[] = []) => runCliAsync(['audit', '--policy', 'policies/polytomic.yaml', ...args], { env });

test('HTTP_PROXY: SuiteQL goes through the proxy (absolute-form), and --verbose says so', async () => {
  const r = await audit({ ...envFor(sim, 'auditor'), HTTP_PROXY: proxyUrl }, ['--verbose']);
  expect(r.code).toBe(0);
  expect(seen.filter((s) => s.startsWith(`POST ${sim.url}/services/rest/query/v1/suiteql`)).length).toBe(3);
  expect(r.stderr).toContain(`via proxy ${proxyUrl}`);
});

test('http_proxy in lower case, for SOAP too', async () => {
  const r = await audit({ ...envFor(sim, 'polytomic'), http_proxy: proxyUrl }, ['--source', 'soap', '--accept-unverified']);
  expect(r.code).toBe(0);
  expect(seen.some((s) => s.startsWith(`POST ${sim.url}/services/NetSuitePort_`))).toBe(true);
});

test('HTTPS_PROXY: a CONNECT tunnel to an HTTPS NetSuite', async () => {
  const r = await audit({ ...envFor(tlsSim, 'auditor'), HTTPS_PROXY: proxyUrl, NODE_EXTRA_CA_CERTS: ca });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  expect(seen).toContain(`CONNECT ${new URL(tlsSim.url).host}`);
});

test('NO_PROXY bypasses the proxy', async () => {
  const r = await audit({ ...envFor(sim, 'auditor'), HTTP_PROXY: proxyUrl, NO_PROXY: 'localhost,127.0.0.1' });
  expect(r.code).toBe(0);
  expect(seen).toEqual([]);
});

test('a proxy that refuses is named in the error, not DNS or NetSuite', async () => {
  const r = await audit({ ...envFor(sim, 'auditor'), HTTP_PROXY: 'http://127.0.0.1:9' });
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('PROXY_FAILED');
  expect(r.stderr).toContain('the proxy http://127.0.0.1:9 failed');
  expect(r.stderr).not.toContain('DNS_FAILED');
});

test('doctor tests the proxy: one that works is used; a dead one is named as the cause, never REST Web Services', async () => {
  const r = await runCliAsync(['doctor'], { env: { ...envFor(sim, 'auditor'), HTTP_PROXY: proxyUrl } });
  expect(r.code).toBe(0);
  expect(r.stdout).toContain(`requests went through ${proxyUrl} and NetSuite answered`);
  const dead = await runCliAsync(['doctor'], { env: { ...envFor(sim, 'auditor'), HTTP_PROXY: 'http://127.0.0.1:9' } });
  expect(dead.code).toBe(1);
  expect(dead.stdout).toMatch(/✗ proxy\s+the proxy http:\/\/127\.0\.0\.1:9 failed/);
  expect(dead.stdout).toContain('fix: check HTTPS_PROXY/HTTP_PROXY');
  expect(dead.stdout).not.toContain('REST Web Services');
});
