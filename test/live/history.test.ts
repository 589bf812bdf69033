/**
 * History over real HTTP: audits with --history across a change made in the simulator keep two
 * snapshots, `history` names the change with both times, findings carry firstSeen, and
 * `history --who` asks the system notes with each answer the simulator can give.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Simulator } from '../../src/simulator';
import { cli, folderWith } from '../helpers/cli-in-process';
import { allSecrets, envFor, withDemoSim } from '../helpers/live-env';

const ROOT = join(__dirname, '..', '..');
const POLICY = join(ROOT, 'policies', 'polytomic.yaml');
const ROLE = 'customrole_polytomic_drifted';
const t = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString().replace(/\.\d+Z$/, 'Z');


/** Three audits: two of the drifted role as it is, then one after someone lowers Sales Order to View and unchecks Do Not Restrict Employee Fields. */
async function threeAudits(sim: Simulator, dir: string) {
  const times = [t(-120), t(-60), t(5)];
  const audit = (now: string) => cli(['audit', '--policy', POLICY, '--role', ROLE, '--source', 'suiteql', '--history', dir, '--format', 'json'], { cwd: ROOT, env: envFor(sim, 'auditor'), now });
  const first = await audit(times[0]);
  const second = await audit(times[1]);
  sim.changeAccount((a) => {
    const role = a.roles.find((r) => r.scriptId === ROLE)!;
    role.permissions.set('TRAN_SALESORD', 'VIEW');
    role.doNotRestrictEmployeeFields = false;
    a.systemNotes.push({ roleId: role.internalId, field: 'Do Not Restrict Employee Fields', oldValue: 'T', newValue: 'F', by: '503', daysAgo: 0 });
  });
  const third = await audit(times[2]);
  return { times, first, second, third };
}

test('two audits across a change keep two snapshots; history names the change with both times; findings carry firstSeen', async () => {
  await withDemoSim(undefined, async (sim) => {
    const dir = mkdtempSync(join(tmpdir(), 'nsra-history-'));
    const { times, first, second, third } = await threeAudits(sim, dir);
    expect([first.code, second.code, third.code]).toEqual([1, 1, 1]);
    const folder = join(dir, '1234567_SB1', ROLE);
    const files = readdirSync(folder).sort();
    expect(files).toEqual([`${times[0].replace(/:/g, '-')}.json`, `${times[2].replace(/:/g, '-')}.json`, 'reads.txt']);
    expect(readFileSync(join(folder, 'reads.txt'), 'utf8')).toBe(`${times.join('\n')}\n`);
    expect(first.stderr).toContain(`history: ${ROLE} changed or is new`);
    expect(second.stderr).not.toContain('history:');
    // A snapshot is a role snapshot: the audit reads it like any other, and it holds nothing secret.
    const kept = readFileSync(join(folder, files[0]), 'utf8');
    for (const s of allSecrets(sim)) expect(kept).not.toContain(s);
    expect((await cli(['audit', '--policy', POLICY, '--role', ROLE, '--role-file', join(folder, files[0]), '--format', 'json'], { cwd: ROOT })).code).toBe(1);

    // Findings: when each first appeared.
    const findings = JSON.parse(third.stdout).results[0].findings as Array<{ code: string; permission?: { id: string }; flag?: string; firstSeen?: { at: string; historyStart: boolean }; message: string }>;
    const sales = findings.find((f) => f.permission?.id === 'TRAN_SALESORD')!;
    expect(sales.firstSeen).toEqual({ at: times[2], historyStart: false });
    expect(sales.message).toContain(`First seen ${times[2].slice(0, 16).replace('T', ' ')} UTC.`);
    const wso = findings.find((f) => f.flag === 'webServicesOnly')!;
    expect(wso.firstSeen).toEqual({ at: times[0], historyStart: true });

    // history: the change, last seen before and first seen after.
    const h = await cli(['history', '--role', ROLE, '--history', dir, '--format', 'json'], { cwd: ROOT });
    expect(h.code).toBe(0);
    const report = JSON.parse(h.stdout);
    expect(report.steps).toHaveLength(1);
    expect(report.steps[0]).toMatchObject({ lastSeenBefore: times[1], firstSeenAfter: times[2] });
    expect(report.steps[0].changes.map((c: { target: string; from: string; to: string }) => [c.target, c.from, c.to])).toEqual([
      ['doNotRestrictEmployeeFields', 'checked', 'unchecked'],
      ['TRAN_SALESORD', 'Edit', 'View'],
    ]);
    const table = (await cli(['history', '--role', '1029', '--history', dir], { cwd: ROOT })).stdout;
    expect(table).toContain(`changed between ${times[1].slice(0, 16).replace('T', ' ')} UTC (last seen before) and ${times[2].slice(0, 16).replace('T', ' ')} UTC (first seen after): 2 changes`);
    expect(table).toContain('Sales Order (TRAN_SALESORD): Edit → View');
    expect((await cli(['history', '--role', ROLE, '--history', dir, '--since', t(24 * 60).slice(0, 10)], { cwd: ROOT })).stdout).toContain('no change since');
    const md = (await cli(['history', '--role', ROLE, '--history', dir, '--format', 'markdown'], { cwd: ROOT })).stdout;
    expect(md).toContain('| Sales Order (TRAN_SALESORD) | Edit | View |');
    const html = (await cli(['history', '--role', ROLE, '--history', dir, '--format', 'html'], { cwd: ROOT })).stdout;
    expect(html).toMatch(/<ol class="timeline">[\s\S]*<time datetime="[^"]+">/);
  });
});

describe('history --who: best effort from system notes, never a guess', () => {
  test.each([
    ['admin', '-118', /by Ada Admin at .* \(Do Not Restrict Employee Fields: T → F\)/],
    ['admin', '-264', /by Ada Admin at /],
    // The auditor's role lacks System Notes: NetSuite shows it only its own changes, so the note is not visible.
    ['auditor', '-118', /who: not verifiable; no system note for the role in that window visible to this token/],
  ])('token %s, roles as record type %s', async (token, recordType, expected) => {
    await withDemoSim((doc) => { doc.account.suiteql = { roleRecordType: recordType }; }, async (sim) => {
      const dir = mkdtempSync(join(tmpdir(), 'nsra-history-'));
      await threeAudits(sim, dir);
      const r = await cli(['history', '--role', ROLE, '--history', dir, '--who'], { cwd: ROOT, env: envFor(sim, token) });
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(expected);
    });
  });

  test('a change only on the permission subtab: NetSuite records none, and the history says so', async () => {
    await withDemoSim(undefined, async (sim) => {
      const dir = mkdtempSync(join(tmpdir(), 'nsra-history-'));
      const audit = (now: string) => cli(['audit', '--policy', POLICY, '--role', ROLE, '--source', 'suiteql', '--history', dir], { cwd: ROOT, env: envFor(sim, 'auditor'), now });
      await audit(t(-60));
      sim.changeAccount((a) => a.roles.find((r) => r.scriptId === ROLE)!.permissions.delete('LIST_FIND'));
      await audit(t(1));
      const r = await cli(['history', '--role', ROLE, '--history', dir, '--who'], { cwd: ROOT, env: envFor(sim, 'admin') });
      expect(r.stdout).toContain('Perform Search (LIST_FIND): Full → (none)');
      expect(r.stdout).toContain('NetSuite keeps no system notes for changes on the permission subtabs');
    });
  });
});

test('a fleet with history: in its config keeps every role it reads', async () => {
  await withDemoSim(undefined, async (sim) => {
    const tok = sim.account.tokens.find((x) => x.name === 'auditor')!;
    const dir = folderWith({
      'p.yaml': `version: 1\nextends: ${POLICY}\n`,
      'ns-role-audit.config.yaml': JSON.stringify({ version: 1, history: 'kept', connections: { demo: { accountId: sim.accountId, baseUrl: sim.url, consumerKeyEnv: 'CK', consumerSecretEnv: 'CS', tokenIdEnv: 'TI', tokenSecretEnv: 'TS' } }, audits: [{ policy: 'p.yaml', roles: ['customrole_polytomic*'] }] }),
    });
    const env = { CK: tok.integration.consumerKey, CS: tok.integration.consumerSecret, TI: tok.tokenId, TS: tok.tokenSecret };
    const r = await cli(['audit', '--config', join(dir, 'ns-role-audit.config.yaml')], { cwd: dir, env });
    expect(r.code).toBe(1);
    expect(readdirSync(join(dir, 'kept', '1234567_SB1')).sort()).toEqual(['customrole_polytomic', 'customrole_polytomic_drifted']);
  });
});

test('bad input exits 2 with what and where', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'nsra-history-'));
  expect((await cli(['history'], { cwd: dir })).stderr).toContain('--role is required');
  const none = await cli(['history', '--role', 'x', '--history', join(dir, 'nope')], { cwd: dir });
  expect([none.code, none.stderr]).toEqual([2, expect.stringContaining('no history folder at')]);
  const role = await cli(['audit', '--policy', POLICY, '--role-file', join(ROOT, 'fixtures', 'sdf-project'), '--history', dir], { cwd: dir });
  expect([role.code, role.stderr]).toEqual([2, expect.stringContaining('--history keeps live reads')]);
  expect(existsSync(join(dir, '1234567_SB1'))).toBe(false);
});
