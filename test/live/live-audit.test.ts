import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { startSimulator, type Simulator } from '../../src/simulator';
import { runCliAsync } from '../helpers/run-cli';
import { allSecrets, envFor, expectReadOnly } from '../helpers/live-env';
import { demoAccount } from '../helpers/sim-client';

// End to end over real HTTP: the built CLI against the simulator, credentials from the environment.
let sim: Simulator;
const printed: string[] = [];
beforeAll(async () => { sim = await startSimulator({ fixture: demoAccount() }); });
afterAll(async () => {
  await sim.stop();
});
afterEach(() => expectReadOnly(sim));

async function audit(token: string, args: string[], env: Record<string, string> = {}) {
  const r = await runCliAsync(['audit', '--policy', 'policies/polytomic.yaml', ...args], { env: { ...envFor(sim, token), ...env } });
  printed.push(r.stdout, r.stderr);
  return r;
}
// Findings the policy itself acknowledges (a risky permission it requires) are left out: they pass.
const codes = (stdout: string) => JSON.parse(stdout).results[0].findings.filter((f: { accepted?: { by: string } }) => f.accepted?.by !== 'policy').map((f: { code: string; permission?: { id: string }; flag?: string; rule: string }) => `${f.code} ${f.permission?.id ?? f.flag ?? f.rule}`).sort();

describe('SuiteQL (auditor token: reads the role definition)', () => {
  test('compliant role: exit 0, fully verified (Do Not Restrict Employee Fields read from employeeselectionunrestricted)', async () => {
    const r = await audit('auditor', ['--format', 'json']);
    expect(r.code).toBe(0);
    expect(codes(r.stdout)).toEqual([]);
    expect(JSON.parse(r.stdout).results[0].status).toBe('compliant');
    expect(JSON.parse(r.stdout).results[0]).toMatchObject({ source: { kind: 'suiteql' }, role: { found: true, internalId: '1028', evidence: 'definition' } });
  });

  test('drifted role: exit 1 with exactly the drift', async () => {
    const r = await audit('auditor', ['--role', 'customrole_polytomic_drifted', '--format', 'json']);
    expect(r.code).toBe(1);
    expect(codes(r.stdout)).toEqual(['FLAG_MISMATCH webServicesOnly', 'LEVEL_TOO_LOW TRAN_SALESORD', 'PERMISSION_EXCESS LIST_FIND', 'PERMISSION_MISSING ADMI_CUSTLIST']);
  });

  test('two requests read a role (role row, then its permissions)', async () => {
    const before = sim.log.entries.length;
    await audit('auditor', ['--source', 'suiteql']);
    const mine = sim.log.entries.slice(before).filter((e) => e.api === 'rest');
    expect(mine.map((e) => e.target)).toEqual(['role', 'rolepermissions', 'rolerestrictions']);
  });

  test('a role that does not exist: exit 1 with ROLE_NOT_FOUND', async () => {
    const r = await audit('auditor', ['--role', 'customrole_nobody', '--format', 'json']);
    expect(r.code).toBe(1);
    expect(codes(r.stdout)).toEqual(['ROLE_NOT_FOUND role:exists']);
  });
});

describe('SOAP (the integration\'s own token: effective access)', () => {
  test('compliant role: never "compliant" over SOAP: what it cannot see is not verifiable and fails the run', async () => {
    const r = await audit('polytomic', ['--source', 'soap', '--format', 'json']);
    expect(r.code).toBe(1);
    const result = JSON.parse(r.stdout).results[0];
    expect(result.status).toBe('unverified');
    expect(result.findings.filter((f: { code: string; severity: string }) => f.severity === 'error' && f.code !== 'NOT_VERIFIABLE')).toEqual([]);
    expect(codes(r.stdout)).toContain('NOT_VERIFIABLE excess');
    expect(codes(r.stdout)).toContain('NOT_VERIFIABLE TRAN_CUSTINVCAPPRV');
  });

  test('--accept-unverified: exit 0, and every format says what was accepted unverified', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nsra-live-'));
    const r = await audit('polytomic', ['--source', 'soap', '--accept-unverified', '--format', 'table', '--format', `json=${dir}/r.json`, '--format', `junit=${dir}/r.xml`, '--format', `markdown=${dir}/r.md`]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Accepted unverified (--accept-unverified).');
    expect(r.stdout).toContain('not fully verified');
    for (const f of readdirSync(dir)) {
      const text = readFileSync(join(dir, f), 'utf8');
      printed.push(text);
      expect({ f, says: text.includes('Accepted unverified (--accept-unverified).') }).toEqual({ f, says: true });
    }
    const json = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8'));
    expect(json.results[0].findings.filter((x: { code: string }) => x.code === 'NOT_VERIFIABLE').every((x: { accepted?: { by: string } }) => x.accepted?.by === 'accept-unverified')).toBe(true);
    expect(json.results[0].status).toBe('unverified');
  });

  test('drifted role: exit 1 on what SOAP can prove missing; the rest is not verifiable', async () => {
    const r = await audit('polytomic-drifted', ['--source', 'soap', '--role', 'customrole_polytomic_drifted', '--format', 'json']);
    expect(r.code).toBe(1);
    const found = codes(r.stdout);
    expect(found.filter((c: string) => !c.startsWith('NOT_VERIFIABLE'))).toEqual(['PERMISSION_MISSING ADMI_CUSTLIST']);
    expect(found).toContain('NOT_VERIFIABLE TRAN_SALESORD'); // Edit vs Full: a read cannot tell
    expect(found).toContain('NOT_VERIFIABLE webServicesOnly');
  });

  test('one call per distinct read: permissions that share a read (Employees, Employee Record) cost one search', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nsra-live-'));
    const policy = join(dir, 'p.yaml');
    writeFileSync(policy, 'role: {scriptId: customrole_polytomic}\nexcess: ignore\npermissions:\n  lists: {Employees: View, Employee Record: View, Customers: View}\n  setup: {SOAP Web Services: Full, Log in using Access Tokens: Full}\n');
    const before = sim.log.entries.length;
    await runCliAsync(['audit', '--policy', policy, '--source', 'soap', '--accept-unverified'], { env: envFor(sim, 'polytomic') });
    const soap = sim.log.entries.slice(before).filter((e) => e.api === 'soap');
    // The governance call, one Employee search for both permissions, one Customer search; the login ones need none.
    expect(soap.map((e) => e.target ?? e.operation).sort()).toEqual(['CustomerSearchBasic', 'EmployeeSearchBasic', 'getAccountGovernanceInfo']);
    expect(soap.every((e) => e.concurrent <= 5)).toBe(true);
  });
});

describe('auto: SuiteQL, else SOAP with the same token', () => {
  test('the integration token cannot read roles: falls back to SOAP, a SOURCE_FALLBACK finding in every format, exit 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nsra-live-'));
    const r = await audit('polytomic', ['--format', 'table', '--format', `json=${dir}/r.json`, '--format', `junit=${dir}/r.xml`, '--format', `markdown=${dir}/r.md`]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Fallback: SuiteQL could not read the role definition');
    expect(r.stdout).toContain('SOURCE_FALLBACK');
    for (const f of readdirSync(dir)) {
      const text = readFileSync(join(dir, f), 'utf8');
      printed.push(text); // written reports are scanned for secrets too
      expect(text).toContain('Fallback: SuiteQL could not read the role definition');
      expect({ f, finding: text.includes('SOURCE_FALLBACK') }).toEqual({ f, finding: true });
    }
    const json = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8'));
    expect(json.results[0].source.kind).toBe('soap');
    expect(json.results[0].findings.find((x: { code: string }) => x.code === 'SOURCE_FALLBACK')).toMatchObject({ severity: 'error', rule: 'source' });
  });

  test('a fallback is not accepted by --accept-unverified: the gate never weakens itself', async () => {
    const r = await audit('polytomic', ['--accept-unverified', '--format', 'json']);
    expect(r.code).toBe(1);
    expect(codes(r.stdout)).toContain('SOURCE_FALLBACK source');
  });

  test('--source suiteql forces SuiteQL: no fallback, exit 2 naming the missing permission', async () => {
    const r = await audit('polytomic', ['--source', 'suiteql']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("the token's role may not read role definitions: NetSuite answered \"Record 'role' was not found.\", as it does when the role lacks 'Bulk Manage Roles'");
    expect(r.stderr).toContain("hint: use a token whose role has 'Bulk Manage Roles'");
  });
});

describe('every auth failure: exit 2, a useful message, no secret', () => {
  test.each([
    ['a wrong token secret', { NETSUITE_TOKEN_SECRET: 'f'.repeat(64) }, 'AUTH_FAILED'],
    ['a wrong account id', { NETSUITE_ACCOUNT_ID: '7654321' }, 'AUTH_FAILED'],
    ['an unknown consumer key', { NETSUITE_CONSUMER_KEY: 'c'.repeat(64) }, 'AUTH_FAILED'],
  ])('%s', async (_name, env, code) => {
    const r = await audit('auditor', [], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`error ${code}`);
    expect(r.stderr).toMatch(/likely causes: .*account id or realm.*revoked.*clock/);
    expect(r.stdout).toBe('');
  });

  test('missing credentials name every missing variable', async () => {
    const r = await runCliAsync(['audit', '--policy', 'policies/polytomic.yaml'], { env: { NETSUITE_ACCOUNT_ID: '1234567' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('NETSUITE_CONSUMER_KEY, NETSUITE_CONSUMER_SECRET, NETSUITE_TOKEN_ID, NETSUITE_TOKEN_SECRET are not set');
  });

  test('plain HTTP to a non-loopback host is refused before anything is sent', async () => {
    const r = await audit('auditor', [], { NETSUITE_BASE_URL: 'http://netsuite.example.com' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('HTTPS only');
  });

  test('a server that is not there: connection refused, exit 2', async () => {
    const port = await new Promise<number>((resolve) => { const s = createServer().listen(0, '127.0.0.1', () => { const p = (s.address() as AddressInfo).port; s.close(() => resolve(p)); }); });
    const r = await audit('auditor', [], { NETSUITE_BASE_URL: `http://127.0.0.1:${port}` });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('CONNECTION_REFUSED');
  });

  test('--verbose traces requests without secrets', async () => {
    const r = await audit('auditor', ['--verbose']);
    expect(r.stderr).toMatch(/\[rest\] POST http:\/\/127\.0\.0\.1:\d+\/services\/rest\/query\/v1\/suiteql\?limit=1000&offset=0 read role customrole_polytomic -> 200/);
  });
});

test('nothing any test printed holds a secret', () => {
  const text = printed.join('\n');
  expect(text.length).toBeGreaterThan(1000);
  for (const s of allSecrets(sim)) expect(text).not.toContain(s);
});

test('notes belong to the audit that took the fallback, not to later audits from the same source', async () => {
  const { connectionFromEnv } = await import('../../src/adapters/config');
  const { openSession } = await import('../../src/adapters/netsuite/session');
  const { createLiveSource } = await import('../../src/adapters/sources/live-source');
  const { auditRole } = await import('../../src/adapters/audit-role');
  const { readPolicy } = await import('../../src/adapters/read-policy');
  const source = createLiveSource(openSession(connectionFromEnv(envFor(sim, 'polytomic'))), 'auto');
  const policy = readPolicy('policies/polytomic.yaml');
  const first = await auditRole(policy, source, policy.role, '2026-11-27');
  const second = await auditRole(policy, source, policy.role, '2026-11-27');
  expect(first.notes.filter((n) => n.startsWith('Fallback'))).toHaveLength(1);
  expect(second.notes.filter((n) => n.startsWith('Fallback'))).toHaveLength(1);
  expect(second.notes).toHaveLength(first.notes.length);
});
