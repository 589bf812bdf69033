import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSimulator, type Simulator } from '../../src/simulator';
import { ROOT, runCliAsync } from '../helpers/run-cli';
import { FORMAT_NAMES } from '../../src/core/format';
import { VERDICT_OF } from '../helpers/verdict-readers';
import { fleetConfigFor } from '../helpers/fleet-config';
import { bigAccount } from '../helpers/big-account';
import { expectReadOnly } from '../helpers/live-env';

const POLICY = join(ROOT, 'test', 'fixtures', 'fleet', 'integration-policy.yaml');

describe('fleet: 1,000 generated roles x 150 permissions, audited end to end', () => {
  let sim: Simulator;
  beforeAll(async () => { sim = await startSimulator({ fixture: bigAccount(1000, 150) }); });
  afterAll(() => sim.stop());

  test('one report for every role, totals, exit 1 from the drifted ones; each row read once; within the limit', async () => {
    const { dir, env } = fleetConfigFor({ sandbox: sim }, [{ policy: POLICY, roles: ['customrole_gen_*'] }]);
    const r = await runCliAsync(['audit', '--config', join(dir, 'ns-role-audit.config.yaml'), '--format', `json=${dir}/report.json`, '--format', 'table'], { env });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
    expect(report.summary).toMatchObject({ roles: 1000, nonCompliant: 100, compliant: 900 });
    const bad = report.results.filter((x: { status: string }) => x.status === 'non-compliant');
    expect(bad.every((x: { findings: Array<{ code: string; permission?: { id: string } }> }) => x.findings.some((f) => f.code === 'PERMISSION_MISSING' && f.permission?.id === 'LIST_ITEM'))).toBe(true);
    expect(r.stdout).toContain('1000 roles, 900 compliant, 100 non-compliant');

    const rest = sim.log.entries.filter((e) => e.api === 'rest');
    const listing = rest.filter((e) => e.target === 'role');
    expect(listing.reduce((n, e) => n + (e.rows ?? 0), 0)).toBe(1007); // every role row once (2 pages)
    const permRequests = rest.filter((e) => e.target === 'rolepermissions');
    const rows = permRequests.reduce((n, e) => n + (e.rows ?? 0), 0);
    const probes = permRequests.filter((e) => e.rows === 1).length;
    expect(rows - probes).toBe(1000 * 150); // every permission row once, plus one-row sizing probes
    expect(permRequests.length).toBeLessThanOrEqual(Math.ceil((1000 * 150) / 1000) * 1.2);
    expect(sim.log.maxAcceptedConcurrent).toBeLessThanOrEqual(5);
    expect(sim.log.entries.some((e) => e.outcome === 'CONCURRENCY_LIMIT_EXCEEDED')).toBe(false);
    expectReadOnly(sim);
  });
});

describe('fleet across accounts, compare, baselines', () => {
  let a: Simulator;
  let b: Simulator;
  beforeAll(async () => {
    a = await startSimulator({ fixture: bigAccount(20, 30, 10, '1234567_SB1') });
    b = await startSimulator({ fixture: bigAccount(20, 30, 4, '1234567') });
  });
  afterAll(async () => { await a.stop(); await b.stop(); });

  test('two accounts in one run: totals from both, literal roles that are missing are findings', async () => {
    const { dir, env } = fleetConfigFor({ sandbox: a, production: b }, [
      { policy: POLICY, roles: ['customrole_gen_*'] },
      { policy: POLICY, roles: ['customrole_does_not_exist'], connections: ['production'] },
    ]);
    const r = await runCliAsync(['audit', '--config', join(dir, 'ns-role-audit.config.yaml'), '--format', 'json'], { env });
    const report = JSON.parse(r.stdout);
    expect(report.summary.roles).toBe(41);
    const missing = report.results.filter((x: { role: { found: boolean } }) => !x.role.found);
    expect(missing.map((x: { source: { connection: string }; role: { selector: string } }) => [x.source.connection, x.role.selector])).toEqual([['production', 'customrole_does_not_exist']]);
    expect(report.results.filter((x: { status: string; source: { connection: string } }) => x.status === 'non-compliant' && x.source.connection === 'sandbox')).toHaveLength(2);
    expect(report.results.filter((x: { status: string; source: { connection: string } }) => x.status === 'non-compliant' && x.source.connection === 'production')).toHaveLength(5 + 1);
    expect(r.code).toBe(1);
  });

  test('one account that fails does not sink the others: its error is reported beside their results, exit 2, in every format', async () => {
    const { dir, env } = fleetConfigFor({ sandbox: a, production: b }, [{ policy: POLICY, roles: ['customrole_gen_*'] }]);
    // production's token secret is wrong: every request to it is refused.
    const r = await runCliAsync(['audit', '--config', join(dir, 'ns-role-audit.config.yaml'), ...FORMAT_NAMES.flatMap((f) => ['--format', `${f}=${dir}/r.${f}`])], { env: { ...env, PRODUCTION_TS: 'f'.repeat(64) } });
    expect(r.code).toBe(2);
    const report = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8'));
    expect(report.results.every((x: { source: { connection: string } }) => x.source.connection === 'sandbox')).toBe(true);
    expect(report.results.length).toBeGreaterThan(0);
    expect(report.errors).toEqual([expect.objectContaining({ connection: 'production', account: b.accountId, code: 'AUTH_FAILED' })]);
    // Every format says the run could not be completed, and names the connection and the cause.
    for (const f of FORMAT_NAMES) {
      const text = readFileSync(join(dir, `r.${f}`), 'utf8');
      expect({ f, verdict: VERDICT_OF[f](text), names: text.includes('production') && text.includes('AUTH_FAILED') }).toEqual({ f, verdict: 'incomplete', names: true });
    }
  });

  test('compare one role across two accounts: exit 1 with the difference; the same role twice: exit 1 until what SuiteQL cannot show is accepted, then 0', async () => {
    const { dir, env } = fleetConfigFor({ sandbox: a, production: b }, []);
    const cfg = join(dir, 'ns-role-audit.config.yaml');
    const diff = await runCliAsync(['compare', '--role', 'customrole_gen_3', '--connection', 'sandbox', '--with', 'production', '--config', cfg, '--format', 'json'], { env });
    expect(diff.code).toBe(1);
    const c = JSON.parse(diff.stdout);
    // Production's gen_3 lacks Items and was filled up with the next catalog permission instead.
    expect(c.permissions.filter((p: { kind: string }) => p.kind !== 'same').map((p: { id: string; kind: string }) => `${p.kind} ${p.id}`)).toEqual(['only-left LIST_ITEM', 'only-right ADMI_CASEALERT']);
    const unseen = await runCliAsync(['compare', '--role', 'customrole_gen_1', '--connection', 'sandbox', '--with', 'production', '--config', cfg], { env });
    expect(unseen.code).toBe(1);
    expect(unseen.stdout).toContain('Nothing differs in what both sides show, but the roles are not shown to be the same:');
    expect(unseen.stdout).toContain('Two-Factor Authentication Required (neither side shows it)');
    const same = await runCliAsync(['compare', '--role', 'customrole_gen_1', '--connection', 'sandbox', '--with', 'production', '--config', cfg, '--accept-unverified'], { env });
    expect(same.code).toBe(0);
    expect(same.stdout).toContain('The roles are the same (30 permissions), except what was accepted unverified (--accept-unverified).');
  });

  test('baseline round trip: accepted findings pass, new ones fail, fixed ones are listed as resolved', async () => {
    const { dir, env } = fleetConfigFor({ production: b }, [{ policy: POLICY, roles: ['customrole_gen_*'] }]);
    const cfg = join(dir, 'ns-role-audit.config.yaml');
    const write = await runCliAsync(['audit', '--config', cfg, '--write-baseline', join(dir, 'baseline.json'), '--format', 'json'], { env });
    expect(write.code).toBe(1);
    const baseline = JSON.parse(readFileSync(join(dir, 'baseline.json'), 'utf8'));
    expect(baseline.findings).toHaveLength(5);
    const again = await runCliAsync(['audit', '--config', cfg, '--baseline', join(dir, 'baseline.json'), '--format', 'json'], { env });
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout).baseline).toMatchObject({ existing: 5, new: 0, resolved: [] });
    // Edit the baseline as if one finding had been fixed since and another one were new.
    const edited = { ...baseline, findings: [...baseline.findings.slice(1), { ...baseline.findings[0], key: baseline.findings[0].key.replace(/\|[^|]+$/, '|LIST_GONE'), target: 'LIST_GONE' }] };
    writeFileSync(join(dir, 'edited.json'), JSON.stringify(edited));
    const third = await runCliAsync(['audit', '--config', cfg, '--baseline', join(dir, 'edited.json')], { env });
    expect(third.code).toBe(1);
    expect(third.stdout).toContain('1 new, 4 already accepted, 1 resolved since');
    expect(third.stdout).toContain('resolved: customrole_gen_');
  });
});

test('compare two files: exit 1 when they differ, in every format', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'nsra-compare-'));
  const objects = join(ROOT, 'fixtures', 'sdf-project', 'src', 'Objects');
  const r = await runCliAsync(['compare', '--role-file', join(objects, 'customrole_polytomic.xml'), '--with-file', join(objects, 'customrole_polytomic_drifted.xml'),
    '--format', 'table', '--format', `json=${dir}/c.json`, '--format', `junit=${dir}/c.xml`, '--format', `markdown=${dir}/c.md`,
    ...FORMAT_NAMES.flatMap((f) => ['--format', `${f}=${dir}/all.${f}`])]);
  expect(r.code).toBe(1);
  // Every format names the Sales Order difference.
  for (const f of FORMAT_NAMES) expect({ f, names: readFileSync(join(dir, `all.${f}`), 'utf8').includes('Sales Order') }).toEqual({ f, names: true });
  expect(r.stdout).toMatch(/≠ Sales Order \(TRAN_SALESORD\)\s+Full\s+Edit/);
  expect(JSON.parse(readFileSync(join(dir, 'c.json'), 'utf8')).counts).toMatchObject({ onlyLeft: 1, onlyRight: 1, level: 1, restriction: 0, same: 31, flags: 1, settings: 0 });
  expect(readFileSync(join(dir, 'c.xml'), 'utf8')).toContain('failures="4"');
  expect(readFileSync(join(dir, 'c.md'), 'utf8')).toContain('| Perform Search (LIST_FIND) | — | Full |');
  const same = await runCliAsync(['compare', '--role-file', join(objects, 'customrole_polytomic.xml'), '--with-file', join(objects, 'customrole_polytomic.xml')]);
  expect(same.code).toBe(0);
});
