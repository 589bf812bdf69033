import { selectRoles } from '../../src/core/role/role-match';
import { compareRoles } from '../../src/core/compare';
import { applyBaseline, createBaseline } from '../../src/core/baseline';
import { auditSnapshot, buildReport } from '../../src/core/audit';
import { mergePolicyLayers, parsePolicyLayer } from '../../src/core/policy';
import type { RoleSnapshot } from '../../src/core/model';

const roles = [
  { scriptId: 'customrole_integration_a', internalId: '10', name: 'Integration A' },
  { scriptId: 'customrole_integration_b', internalId: '11', name: 'Integration B' },
  { scriptId: 'customrole_polytomic', internalId: '12', name: 'Polytomic' },
];

test.each([
  [['customrole_integration_*'], ['10', '11'], []],
  [['12'], ['12'], []],
  [['Polytomic'], ['12'], []],
  [['CUSTOMROLE_POLYTOMIC', 'customrole_nope'], ['12'], ['customrole_nope']],
  [['customrole_integration_?'], ['10', '11'], []],
  [['customrole_*.x'], [], ['customrole_*.x']],
])('selectRoles(%j)', (patterns, ids, unmatched) => {
  const r = selectRoles(roles, patterns);
  expect(r.roles.map((x) => x.internalId)).toEqual(ids);
  expect(r.unmatched).toEqual(unmatched);
});

const snap = (perms: Array<[string, 'VIEW' | 'FULL' | 'NONE']>, flags: RoleSnapshot['flags'] = { webServicesOnly: true, inactive: false }): RoleSnapshot =>
  ({ scriptId: 'customrole_x', flags, settings: {}, permissions: perms.map(([permkey, level]) => ({ permkey, level })), evidence: 'definition', origin: 't' });

test('compareRoles: only-left, only-right, level, flags; None counts as absent; unknown fields never differ, and never make "the same"', () => {
  const c = compareRoles(
    snap([['TRAN_SALESORD', 'FULL'], ['LIST_ITEM', 'VIEW'], ['LIST_FIND', 'NONE']], { webServicesOnly: true, doNotRestrictEmployeeFields: undefined }),
    snap([['TRAN_SALESORD', 'VIEW'], ['LIST_VENDOR', 'VIEW']], { webServicesOnly: false, doNotRestrictEmployeeFields: true }),
    { leftLabel: 'a', rightLabel: 'b', generatedAt: 'now' });
  expect(c.permissions.map((p) => `${p.kind} ${p.id}`)).toEqual(['level TRAN_SALESORD', 'only-left LIST_ITEM', 'only-right LIST_VENDOR']);
  expect(c.flags.map((f) => `${f.flag}:${f.kind}`)).toEqual(['webServicesOnly:different', 'doNotRestrictEmployeeFields:unknown', 'inactive:unknown']);
  expect(c.equal).toBe(false);
  const same = (acceptUnverified: boolean) => compareRoles(snap([['LIST_ITEM', 'VIEW']]), snap([['LIST_ITEM', 'VIEW'], ['LIST_FIND', 'NONE']]), { leftLabel: 'a', rightLabel: 'b', generatedAt: 'now', acceptUnverified });
  // These snapshots cannot show their settings: nothing differs, yet they are not shown to be the same.
  expect([same(false).verdict, same(false).equal]).toEqual(['incomplete', false]);
  expect([same(true).verdict, same(true).equal, same(true).acceptedUnverified]).toEqual(['same', true, true]);
});

test('baseline: accepted findings stop counting, new ones count, fixed ones are resolved', () => {
  const policy = mergePolicyLayers([parsePolicyLayer('p.yaml', 'role: {scriptId: customrole_x}\nexcess: fail\npermissions:\n  lists: {Items: Full, Vendors: View}\n').layer!]);
  const run = (perms: Array<[string, 'VIEW' | 'FULL']>) => [auditSnapshot(policy, snap(perms), { selector: policy.role, source: { kind: 'sdf', location: 'x' }, today: '2026-11-27' })];
  const before = run([['LIST_ITEM', 'VIEW'], ['LIST_FIND', 'VIEW']]); // too low + missing + excess
  const baseline = createBaseline(buildReport(before, { version: 't', generatedAt: 'now', failOn: 'error' }));
  expect(baseline.findings.map((f) => `${f.code} ${f.target}`)).toEqual(['LEVEL_TOO_LOW LIST_ITEM', 'PERMISSION_EXCESS LIST_FIND', 'PERMISSION_MISSING LIST_VENDOR']);
  const meta = { file: 'baseline.json', failOn: 'error' as const };
  const same = applyBaseline(run([['LIST_ITEM', 'VIEW'], ['LIST_FIND', 'VIEW']]), baseline, meta);
  expect([same.summary.existing, same.summary.new, same.summary.resolved.length, same.results[0].status, same.results[0].failed]).toEqual([3, 0, 0, 'compliant', false]);
  // Accepted findings keep their code and severity and say what accepted them.
  expect(same.results[0].findings.filter((f) => f.severity === 'error').map((f) => [f.code, f.accepted])).toEqual([
    ['PERMISSION_EXCESS', { by: 'baseline', file: 'baseline.json', accepted: 'VIEW' }],
    ['LEVEL_TOO_LOW', { by: 'baseline', file: 'baseline.json', accepted: 'VIEW' }],
    ['PERMISSION_MISSING', { by: 'baseline', file: 'baseline.json' }],
  ]);
  const later = applyBaseline(run([['LIST_ITEM', 'FULL'], ['LIST_FIND', 'VIEW'], ['LIST_CONTACT', 'VIEW']]), baseline, meta);
  expect([later.summary.existing, later.summary.new, later.summary.resolved.map((r) => r.target)]).toEqual([2, 1, ['LIST_ITEM']]);
  expect(later.results[0].status).toBe('non-compliant');
});
