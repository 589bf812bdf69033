/**
 * The verdict, case by case (verdict-property.test.ts checks the same functions against an oracle
 * over random findings; these are the named cases a reader can check by eye).
 */
import { acceptUnverified, countFindings, failsAt, findingFails, roleStatus, ruleFails, ruleStatus, runFails, settleRole, settleRuleStatuses } from '../../src/core/verdict';
import { finding, type Finding } from '../../src/core/model';

const err = finding('PERMISSION_MISSING', { rule: 'a' });
const warn = finding('PERMISSION_UNCATALOGUED', { rule: 'b' });
const info = finding('WAIVER_UNUSED', { rule: 'c' });
const unseen = finding('NOT_VERIFIABLE', { rule: 'd' });
const accepted = (f: Finding): Finding => ({ ...f, accepted: { by: 'waiver', reason: 'r', expires: '2027-01-01', loc: { file: 'p.yaml', line: 1, column: 1 }, covers: 'X on y' } });

test.each([
  [err, 'error', true], [err, 'warning', true], [err, 'never', false],
  [warn, 'error', false], [warn, 'warning', true], [warn, 'never', false],
  [info, 'error', false], [info, 'warning', false],
  [unseen, 'error', true], [accepted(err), 'error', false], [accepted(warn), 'warning', false],
] as const)('findingFails(%o at %s) = %s', (f, failOn, fails) => {
  expect(findingFails(f, failOn)).toBe(fails);
  expect(failsAt([info, f], failOn)).toBe(fails);
  expect(runFails([{ findings: [] }, { findings: [f] }], failOn)).toBe(fails);
});

test.each<[string, Finding[], string, string]>([
  ['nothing', [], 'pass', 'compliant'],
  ['info only', [info], 'pass', 'compliant'],
  ['a warning', [warn, info], 'warn', 'warnings'],
  ['unverifiable beats a warning', [warn, unseen], 'unverifiable', 'unverified'],
  ['an error beats unverifiable', [unseen, err], 'fail', 'non-compliant'],
  ['accepted only', [accepted(err)], 'accepted', 'compliant'],
  ['accepted and a warning', [accepted(err), warn], 'warn', 'warnings'],
  ['accepted unverifiable still shows unverified on the role', [accepted(unseen)], 'accepted', 'unverified'],
  ['an accepted error does not fail', [accepted(err), info], 'accepted', 'compliant'],
])('%s: rule %s, role %s', (_n, findings, rule, role) => {
  expect(ruleStatus(findings)).toBe(rule);
  expect(roleStatus(findings)).toBe(role);
});

test('counts: each finding once, accepted before everything else', () => {
  expect(countFindings([err, err, warn, info, unseen, unseen, unseen, accepted(err), accepted(unseen)])).toEqual({ errors: 2, unverifiable: 3, warnings: 1, accepted: 2 });
  expect(countFindings([])).toEqual({ errors: 0, unverifiable: 0, warnings: 0, accepted: 0 });
});

test('rule statuses are settled from the findings of each rule only', () => {
  const rules = [{ id: 'a', title: 'A', kind: 'permission' as const }, { id: 'b', title: 'B', kind: 'catalog' as const }, { id: 'x', title: 'X', kind: 'excess' as const }];
  expect(settleRuleStatuses(rules, [err, warn, finding('LEVEL_TOO_LOW', { rule: 'a' })]).map((r) => [r.id, r.status, r.title])).toEqual([['a', 'fail', 'A'], ['b', 'warn', 'B'], ['x', 'pass', 'X']]);
  expect(ruleFails({ ...rules[1], status: 'warn' }, [err, warn], 'error')).toBe(false);
  expect(ruleFails({ ...rules[1], status: 'warn' }, [err, warn], 'warning')).toBe(true);
  expect(ruleFails({ ...rules[2], status: 'pass' }, [err, warn], 'warning')).toBe(false);
});

test('--accept-unverified accepts NOT_VERIFIABLE only, and keeps an earlier acceptance', () => {
  const [r] = acceptUnverified([{ findings: [unseen, err, accepted(unseen)] }]);
  expect(r.findings.map((f) => f.accepted?.by)).toEqual(['accept-unverified', undefined, 'waiver']);
  const settled = settleRole({ findings: r.findings.filter((f) => f.code === 'NOT_VERIFIABLE'), rules: [{ id: 'd', title: 'D', kind: 'permission', status: 'pass' }] }, 'error');
  expect([settled.status, settled.failed, settled.counts, settled.rules[0].status]).toEqual(['unverified', false, { errors: 0, unverifiable: 0, warnings: 0, accepted: 2 }, 'accepted']);
  const failing = settleRole({ findings: [warn], rules: [] }, 'warning');
  expect([failing.status, failing.failed]).toEqual(['warnings', true]);
});
