import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSimulator, type Simulator } from '../../src/simulator';
import { runCliAsync } from '../helpers/run-cli';
import { envFor, expectReadOnly } from '../helpers/live-env';
import { demoAccount } from '../helpers/sim-client';
import { fleetConfigFor } from '../helpers/fleet-config';

// Stable identities: a baseline written one way (a single live run, a fleet run, a file) is
// the same baseline applied any other way, as long as it is the same role in the same account.

let sim: Simulator;
let other: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ fixture: demoAccount() });
  other = await startSimulator({ fixture: demoAccount((d) => { d.account.id = '7654321'; }) });
});
afterAll(async () => { await sim.stop(); await other.stop(); });
afterEach(() => expectReadOnly(sim));

const POLICY = join(__dirname, '..', '..', 'policies', 'polytomic.yaml');
const ROLE = 'customrole_polytomic_drifted';

const fleetConfig = (sims: Record<string, Simulator>) => fleetConfigFor(sims, [{ policy: POLICY, roles: [ROLE] }]);

const baselineOf = (stdout: string) => JSON.parse(stdout).baseline as { existing: number; new: number; resolved: unknown[] };

test('written by a single live run: applies unchanged to a fleet run, to the pulled snapshot, and not to another account', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'nsra-bl-'));
  const base = join(dir, 'baseline.json');
  const single = await runCliAsync(['audit', '--policy', POLICY, '--role', ROLE, '--write-baseline', base], { env: envFor(sim, 'auditor') });
  expect(single.code).toBe(1);
  const written = JSON.parse(readFileSync(base, 'utf8'));
  expect(written.findings).toHaveLength(4);
  expect(written.findings.every((f: { account: string }) => f.account === sim.accountId)).toBe(true);

  const { file, env } = fleetConfig({ sandbox: sim, elsewhere: other });
  const fleet = await runCliAsync(['audit', '--config', file, '--baseline', base, '--format', 'json'], { env });
  const report = JSON.parse(fleet.stdout);
  // The same role in the same account is accepted; in another account it is new.
  const open = report.results.map((r: { source: { connection: string }; findings: Array<{ accepted?: unknown; severity: string }> }) => [r.source.connection, r.findings.filter((f) => !f.accepted && f.severity === 'error').length]);
  expect(open).toEqual(expect.arrayContaining([['sandbox', 0], ['elsewhere', 4]]));
  expect(baselineOf(fleet.stdout)).toMatchObject({ existing: 4, new: 4 });

  const snapshot = join(dir, 'role.yaml');
  expect((await runCliAsync(['pull', '--role', ROLE, '--out', snapshot], { env: envFor(sim, 'auditor') })).code).toBe(0);
  const offline = await runCliAsync(['audit', '--policy', POLICY, '--role', ROLE, '--role-file', snapshot, '--baseline', base, '--format', 'json']);
  expect(offline.code).toBe(0);
  expect(baselineOf(offline.stdout)).toMatchObject({ existing: 4, new: 0, resolved: [] });
});

test('written by a fleet run: applies unchanged to a single live run', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'nsra-bl-'));
  const base = join(dir, 'baseline.json');
  const { file, env } = fleetConfig({ sandbox: sim });
  expect((await runCliAsync(['audit', '--config', file, '--write-baseline', base], { env })).code).toBe(1);
  const single = await runCliAsync(['audit', '--policy', POLICY, '--role', ROLE, '--baseline', base, '--format', 'json'], { env: envFor(sim, 'auditor') });
  expect(single.code).toBe(0);
  expect(baselineOf(single.stdout)).toMatchObject({ existing: 4, new: 0 });
});

test.each([
  ['a null finding', { kind: 'ns-role-audit/baseline', version: 3, createdAt: 'x', findings: [null] }, 'findings[0] is not a baseline entry'],
  ['version 1 (keys that depended on the source)', { kind: 'ns-role-audit/baseline', version: 1, createdAt: 'x', findings: [] }, 'write it again'],
  ['not a baseline', { hello: 1 }, 'not an ns-role-audit baseline'],
])('a baseline with %s is a named error, exit 2', async (_name, doc, text) => {
  const dir = mkdtempSync(join(tmpdir(), 'nsra-bl-'));
  writeFileSync(join(dir, 'b.json'), JSON.stringify(doc));
  const r = await runCliAsync(['audit', '--policy', POLICY, '--role-file', 'fixtures/sdf-project', '--baseline', join(dir, 'b.json')]);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('BASELINE_INVALID');
  expect(r.stderr).toContain(text);
});

test('a baseline entry with a repeated key (a hand edit that raised what it accepts) is refused at its line and column, exit 2', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'nsra-bl-'));
  const file = join(dir, 'b.json');
  writeFileSync(file, '{\n  "kind": "ns-role-audit/baseline",\n  "version": 3,\n  "createdAt": "x",\n  "findings": [\n    {"key": "k", "code": "PERMISSION_EXCESS", "accepted": "VIEW", "accepted": "FULL"}\n  ]\n}\n');
  const r = await runCliAsync(['audit', '--policy', POLICY, '--role-file', 'fixtures/sdf-project', '--baseline', file]);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain(`error BASELINE_INVALID: ${file}: not valid JSON`);
  expect(r.stderr).toContain(`${file}:6:67: error DUPLICATE_KEY`);
  expect(r.stderr).toContain('"accepted" appears twice in the same object');
  writeFileSync(file, '{"kind": "ns-role-audit/baseline",\n "findings": [],}\n');
  const syntax = await runCliAsync(['audit', '--policy', POLICY, '--role-file', 'fixtures/sdf-project', '--baseline', file]);
  expect([syntax.code, syntax.stderr.includes(`${file}:2:17`), syntax.stderr.includes('a property name (in double quotes) expected')]).toEqual([2, true, true]);
});
