/**
 * Access reviews as pure functions (core/review/review.ts): the items a role gives, what keeps a
 * review from being complete, and what a finished one turns into (remediation steps, waivers that
 * a policy accepts). test/live/review.test.ts runs the commands against the simulator.
 */
import { readFileSync } from 'node:fs';
import { checkReview, remediationLines, reviewItems, waiverLines, REVIEW_KIND, type ReviewDoc } from '../../src/core/review/review';
import { parseSdfRole } from '../../src/core/role/sdf';
import { parsePolicyLayer } from '../../src/core/policy';
import { finding } from '../../src/core/model';

const role = parseSdfRole('r.xml', readFileSync('fixtures/sdf-project/src/Objects/customrole_polytomic_drifted.xml', 'utf8'));
const findings = [
  finding('LEVEL_TOO_LOW', { rule: 'permission:TRAN_SALESORD', permission: { id: 'TRAN_SALESORD', name: 'Sales Order', subtab: 'transactions' }, expectedMin: 'FULL', actualLevel: 'EDIT', loc: { file: 'p.yaml', line: 1, column: 1 } }),
  finding('FLAG_MISMATCH', { rule: 'flag:webServicesOnly', flag: 'webServicesOnly', expectedFlag: true, actualFlag: false, loc: { file: 'p.yaml', line: 2, column: 1 } }),
];
const items = reviewItems(role, findings, [{ id: '7', name: 'Hank', email: 'hank@example.com', hasAccess: true, inactive: false }]);

function doc(over: Partial<ReviewDoc> = {}): ReviewDoc {
  return {
    kind: REVIEW_KIND, version: 1, account: '1234567', role: { scriptId: role.scriptId }, startedAt: '2026-12-01T10:00:00Z',
    snapshot: { file: 'snap.json', sha256: 'abc' }, reviewedBy: 'Rita Reviewer', reviewedAt: '2026-12-02T10:00:00Z',
    items: items.map((i) => ({ ...i, decision: 'keep' as const, reason: null })), ...over,
  };
}

test('the items: flags, settings, each permission held (not None) and each holder, with the findings against them', () => {
  const ids = items.map((i) => i.id);
  expect(ids).toContain('flag:webServicesOnly');
  expect(ids).toContain('permission:TRAN_SALESORD');
  expect(ids).toContain('holder:7');
  expect(ids.filter((i) => i.startsWith('permission:'))).toHaveLength(new Set(role.permissions.filter((p) => p.level !== 'NONE').map((p) => p.permkey)).size);
  expect(items.find((i) => i.id === 'permission:TRAN_SALESORD')).toMatchObject({ what: 'Sales Order (TRAN_SALESORD) at Edit', findings: ['LEVEL_TOO_LOW'], decision: null, reason: null });
  expect(items.find((i) => i.id === 'holder:7')!.what).toBe('held by Hank <hank@example.com>');
});

test('a finished review has no gaps; each kind of gap is named', () => {
  expect(checkReview(doc(), { snapshotSha256: 'abc', items })).toEqual([]);
  const undecided = doc({ items: doc().items.map((i, k) => (k === 0 ? { ...i, decision: null } : i)) });
  expect(checkReview(undecided, { snapshotSha256: 'abc', items }).map((g) => g.kind)).toEqual(['undecided']);
  const noReason = doc({ items: doc().items.map((i, k) => (k === 0 ? { ...i, decision: 'remove' as const, reason: '  ' } : i)) });
  expect(checkReview(noReason, { snapshotSha256: 'abc', items }).map((g) => g.kind)).toEqual(['no-reason']);
  expect(checkReview(doc({ reviewedBy: null, reviewedAt: null }), { snapshotSha256: 'abc', items }).map((g) => g.kind)).toEqual(['unsigned', 'unsigned']);
  expect(checkReview(doc(), { snapshotSha256: 'changed', items })[0].kind).toBe('snapshot-changed');
  expect(checkReview(doc(), { items })[0].message).toBe('the snapshot snap.json is missing');
  // The role changed since: an item the snapshot gives is missing from the review.
  const gaps = checkReview(doc({ items: doc().items.filter((i) => i.id !== 'permission:TRAN_SALESORD') }), { snapshotSha256: 'abc', items });
  expect(gaps.map((g) => g.message)).toEqual(['the items no longer match the snapshot: missing permission:TRAN_SALESORD']);
});

test('a finished review: change and remove become steps; kept items the policy flags become waivers a policy accepts, for 90 days', () => {
  const d = doc({ items: doc().items.map((i) => (i.id === 'permission:TRAN_SALESORD' ? { ...i, decision: 'keep' as const, reason: 'the sync writes orders' } : i.id === 'flag:webServicesOnly' ? { ...i, decision: 'change' as const, reason: 'must be API only' } : i)) });
  expect(remediationLines(d)).toEqual([`- [ ] Change Web Services Only Role: unchecked on ${role.scriptId} (1234567): must be API only (reviewed by Rita Reviewer, 2026-12-02T10:00:00Z)`]);
  const waivers = waiverLines(d);
  expect(waivers).toEqual(['  - {code: LEVEL_TOO_LOW, permission: TRAN_SALESORD, reason: "the sync writes orders (access review by Rita Reviewer, 2026-12-02T10:00:00Z)", expires: 2027-03-02}']);
  const policy = `version: 1\nrole: {scriptId: ${role.scriptId}}\npermissions:\n  transactions:\n    Sales Order: Full\nwaivers:\n${waivers.join('\n')}\n`;
  const { layer, issues } = parsePolicyLayer('p.yaml', policy, { today: '2026-12-03' });
  expect(issues).toEqual([]);
  expect(layer!.waivers.map((w) => [w.code, w.permissionId, w.expires])).toEqual([['LEVEL_TOO_LOW', 'TRAN_SALESORD', '2027-03-02']]);
  // Unsigned: no expiry to give, so no waiver.
  expect(waiverLines({ ...d, reviewedAt: null })).toEqual([]);
});
