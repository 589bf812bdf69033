/**
 * Access reviews end to end: start from the live (simulated) role with its holders, check refuses
 * an undecided or unsigned review and one whose snapshot changed, accepts a finished one, and the
 * evidence bundle verifies with sha256sum -c (and fails it once a file is touched).
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { startSimulator, type Simulator } from '../../src/simulator';
import { cli } from '../helpers/cli-in-process';
import { envFor, expectReadOnly } from '../helpers/live-env';

const ROOT = join(__dirname, '..', '..');
const POLICY = join(ROOT, 'policies', 'polytomic.yaml');
let sim: Simulator;
beforeAll(async () => { sim = await startSimulator({ fixture: join(ROOT, 'fixtures', 'accounts', 'demo.yaml') }); });
afterAll(async () => { expectReadOnly(sim); await sim.stop(); });

/** Decides every item of a review file (keep, except one removal with a reason), and signs it. */
function decide(file: string, opts: { sign: boolean }) {
  const doc = parseDocument(readFileSync(file, 'utf8'));
  const items = doc.get('items') as { items: Array<{ set(k: string, v: unknown): void; get(k: string): unknown }> };
  for (const it of items.items) {
    const id = String(it.get('id'));
    it.set('decision', id === 'holder:504' ? 'remove' : 'keep');
    if (id === 'holder:504') it.set('reason', 'Hank does not need the integration role');
  }
  if (opts.sign) { doc.set('reviewedBy', 'Rita Reviewer'); doc.set('reviewedAt', '2026-12-03'); }
  writeFileSync(file, doc.toString());
}

test('start, check, finish, report: the evidence verifies with sha256sum -c', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'nsra-review-'));
  const env = envFor(sim, 'auditor');
  const started = await cli(['review', 'start', '--policy', POLICY, '--out', 'q4'], { cwd: dir, env });
  expect(started.code).toBe(0);
  const file = join(dir, 'q4', '1234567_SB1', 'customrole_polytomic.review.yaml');
  const text = readFileSync(file, 'utf8');
  expect(text).toMatch(/^# Access review of Polytomic \(customrole_polytomic\) in 1234567_SB1/);
  expect(text).toContain('id: permission:TRAN_SALESORD');
  expect(text).toContain('what: held by Hank Human <hank@example.com>');
  expect(text).toMatch(/id: holder:501\n\s+what: held by Polytomic Integration .*\n\s+findings:\n\s+- GLOBAL_PERMISSION/);
  expect(text).toMatch(/id: holder:504\n\s+what: held by Hank Human .*\n\s+findings:\n\s+- ASSIGNMENT_DORMANT/);
  // A review in progress is never overwritten.
  const again = await cli(['review', 'start', '--policy', POLICY, '--out', 'q4'], { cwd: dir, env });
  expect([again.code, again.stderr]).toEqual([2, expect.stringContaining('a review in progress is never overwritten')]);

  const undecided = await cli(['review', 'check', 'q4'], { cwd: dir });
  expect(undecided.code).toBe(1);
  expect(undecided.stdout).toContain('permission:TRAN_SALESORD (Sales Order (TRAN_SALESORD) at Full): no decision');
  expect(undecided.stdout).toContain('reviewedBy is not set');

  decide(file, { sign: false });
  const unsigned = await cli(['review', 'check', 'q4', '--format', 'json'], { cwd: dir });
  expect(unsigned.code).toBe(1);
  expect(JSON.parse(unsigned.stdout).reviews[0].gaps.map((g: { kind: string }) => g.kind)).toEqual(['unsigned', 'unsigned']);
  expect((await cli(['review', 'report', 'q4', '--out', 'evidence'], { cwd: dir })).code).toBe(1);
  expect(existsSync(join(dir, 'evidence'))).toBe(false);

  decide(file, { sign: true });
  const done = await cli(['review', 'check', 'q4'], { cwd: dir });
  expect([done.code, done.stdout]).toEqual([0, expect.stringMatching(/✓ .*complete \(\d+ keep, 0 change, 1 remove; reviewed by Rita Reviewer on 2026-12-03\)/)]);

  const rep = await cli(['review', 'report', 'q4', '--out', 'evidence'], { cwd: dir, now: '2026-12-03T12:00:00Z' });
  expect(rep.code).toBe(0);
  const evidence = join(dir, 'evidence');
  const verify = () => spawnSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: evidence, encoding: 'utf8' });
  const ok = verify();
  expect([ok.status, ok.stdout.trim().split('\n').length]).toEqual([0, 6]);
  expect(ok.stdout).toContain('reviews/1234567_SB1/customrole_polytomic.snapshot.json: OK');
  expect(readFileSync(join(evidence, 'remediation.md'), 'utf8')).toContain('- [ ] Remove held by Hank Human <hank@example.com> on customrole_polytomic (1234567_SB1): Hank does not need the integration role (reviewed by Rita Reviewer, 2026-12-03)');
  expect(readFileSync(join(evidence, 'waivers.yaml'), 'utf8')).toContain('{code: GLOBAL_PERMISSION, holder: "501", reason: "kept (access review by Rita Reviewer, 2026-12-03)", expires: 2027-03-03}');
  // The waivers are a policy's waivers: they validate under the policy they were reviewed against.
  writeFileSync(join(dir, 'with-waivers.yaml'), `version: 1\nextends: ${POLICY}\n${readFileSync(join(evidence, 'waivers.yaml'), 'utf8')}`);
  expect((await cli(['validate', join(dir, 'with-waivers.yaml')], { cwd: dir, now: '2026-12-03T12:00:00Z' })).code).toBe(0);
  const csv = readFileSync(join(evidence, 'decisions.csv'), 'utf8').split('\r\n');
  expect(csv[0]).toBe('account,role,role_script_id,item,what,findings,decision,reason,reviewed_by,reviewed_at,review_file,snapshot_sha256');
  expect(csv.filter((l) => l.includes(',remove,'))).toHaveLength(1);
  expect(readFileSync(join(evidence, 'summary.html'), 'utf8')).toContain('<td>Rita Reviewer</td>');
  // The checksums can fail: a touched file is caught.
  appendFileSync(join(evidence, 'decisions.csv'), 'x');
  const broken = verify();
  expect([broken.status, broken.stdout]).toEqual([1, expect.stringContaining('decisions.csv: FAILED')]);

  // A review whose snapshot changed no longer counts.
  appendFileSync(join(dir, 'q4', '1234567_SB1', 'customrole_polytomic.snapshot.json'), ' ');
  const changed = await cli(['review', 'check', 'q4'], { cwd: dir });
  expect([changed.code, changed.stdout]).toEqual([1, expect.stringContaining('no longer matches the hash the review was made from')]);
});

test('a review file that is not one says where: file:line:column and what to write', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'nsra-review-'));
  await cli(['review', 'start', '--policy', POLICY, '--role-file', join(ROOT, 'fixtures', 'sdf-project', 'src', 'Objects', 'customrole_polytomic.xml'), '--out', 'q4'], { cwd: dir });
  const file = join(dir, 'q4', 'FILES', 'customrole_polytomic.review.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace('decision: ~', 'decision: maybe'));
  const r = await cli(['review', 'check', 'q4'], { cwd: dir });
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/customrole_polytomic\.review\.yaml:\d+:\d+: error REVIEW_INVALID: decision 'maybe' is not one of keep, change, remove/);
  expect(r.stderr).toContain('write keep, change or remove');
  expect((await cli(['review', 'nope'], { cwd: dir })).code).toBe(2);
});
