import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCliAsync } from '../helpers/run-cli';
import { secretForms } from '../../src/cli/redact';

// Every byte the tool writes passes one redaction: a server that echoes the credentials it was
// sent (raw, percent-encoded, XML-escaped, base64) into role names and permission keys cannot get
// them into the terminal, a report, a snapshot, a starter policy or a baseline.

const CREDS = {
  NETSUITE_ACCOUNT_ID: '1234567',
  NETSUITE_CONSUMER_KEY: 'ck+1/2=3&4<5>6"7' + 'a'.repeat(48),
  NETSUITE_CONSUMER_SECRET: 'cs' + 'b'.repeat(62),
  NETSUITE_TOKEN_ID: 'ti_' + 'c'.repeat(61),
  NETSUITE_TOKEN_SECRET: 'ts' + 'd'.repeat(62),
};
const SECRETS = [CREDS.NETSUITE_CONSUMER_KEY, CREDS.NETSUITE_CONSUMER_SECRET, CREDS.NETSUITE_TOKEN_ID, CREDS.NETSUITE_TOKEN_SECRET];

let server: Server;
let url = '';
beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      const q = (JSON.parse(body || '{}').q as string | undefined) ?? '';
      // The echo: the Authorization header as sent, and the consumer key in every form.
      const key = CREDS.NETSUITE_CONSUMER_KEY;
      const echo = `${req.headers.authorization} | ${encodeURIComponent(key)} | ${key.replace(/&/g, '&amp;').replace(/</g, '&lt;')} | ${Buffer.from(key).toString('base64')} | ${CREDS.NETSUITE_TOKEN_ID}`;
      const items = /FROM role\b/.test(q)
        ? [{ id: '1', scriptid: 'customrole_echo', name: echo, isinactive: 'F', iswebserviceonlyrole: 'T' }]
        : /FROM rolerestrictions\b/.test(q)
          ? [{ role: '1', segment: 'DEPARTMENT', restriction: 'OWNONLY', viewingallowed: 'F', itemsrestricted: 'F' }]
          : [{ permkey: `customrecord_${CREDS.NETSUITE_TOKEN_ID}`, permlevel: '4', restriction: '-1' }];
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ links: [], count: items.length, hasMore: false, items, offset: 0, totalResults: items.length }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

function expectNoSecret(text: string, where: string) {
  for (const s of SECRETS) for (const form of secretForms(s)) expect({ where, leaks: text.includes(form) ? form : undefined }).toEqual({ where, leaks: undefined });
}

test('reports, snapshots, starter policies and baselines written from an echoing server hold no secret in any form', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'nsra-redact-'));
  const env = { ...CREDS, NETSUITE_BASE_URL: url };
  const outputs = ['--format', 'table', '--format', `json=${dir}/r.json`, '--format', `junit=${dir}/r.xml`, '--format', `markdown=${dir}/r.md`, '--write-baseline', `${dir}/baseline.json`];
  const runs = [
    await runCliAsync(['audit', '--policy', 'policies/polytomic.yaml', '--role', 'customrole_echo', '--source', 'suiteql', ...outputs], { env }),
    await runCliAsync(['pull', '--role', 'customrole_echo', '--out', `${dir}/role.yaml`], { env }),
    await runCliAsync(['pull', '--role', 'customrole_echo', '--as', 'policy', '--out', `${dir}/policy.yaml`], { env }),
    await runCliAsync(['audit', '--policy', 'policies/polytomic.yaml', '--role', 'customrole_echo', '--source', 'suiteql', '--verbose'], { env }),
  ];
  for (const [i, r] of runs.entries()) { expectNoSecret(r.stdout, `run ${i} stdout`); expectNoSecret(r.stderr, `run ${i} stderr`); }
  const files = readdirSync(dir);
  expect(files.sort()).toEqual(['baseline.json', 'policy.yaml', 'r.json', 'r.md', 'r.xml', 'role.yaml']);
  for (const f of files) {
    const text = readFileSync(join(dir, f), 'utf8');
    expect(text).toContain('[redacted]'); // the echo reached each file, and was redacted there
    expectNoSecret(text, f);
  }
});

test('credentials shorter than NetSuite\'s are refused before any request, naming the variable, never the value', async () => {
  const r = await runCliAsync(['audit', '--policy', 'policies/polytomic.yaml'], { env: { ...CREDS, NETSUITE_TOKEN_SECRET: 'abc', NETSUITE_BASE_URL: url } });
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('CREDENTIALS_INVALID');
  expect(r.stderr).toContain('NETSUITE_TOKEN_SECRET');
  expect(r.stderr).not.toContain('abc');
});

test('a config whose baseUrlEnv names a secret\'s variable never prints the secret', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'nsra-redact-'));
  const cfg = join(dir, 'c.yaml');
  writeFileSync(cfg, JSON.stringify({ version: 1, connections: { x: { accountId: '1234567', baseUrlEnv: 'NETSUITE_TOKEN_SECRET', consumerKeyEnv: 'NETSUITE_CONSUMER_KEY', consumerSecretEnv: 'NETSUITE_CONSUMER_SECRET', tokenIdEnv: 'NETSUITE_TOKEN_ID', tokenSecretEnv: 'NETSUITE_TOKEN_SECRET' } } }));
  const r = await runCliAsync(['audit', '--policy', 'policies/polytomic.yaml', '--connection', 'x', '--config', cfg], { env: CREDS });
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('is not a URL');
  expectNoSecret(r.stderr + r.stdout, 'baseUrlEnv error');
});
