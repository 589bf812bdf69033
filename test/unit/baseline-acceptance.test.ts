/**
 * What a baseline accepts, finding by finding: the level, value or holdings it recorded and no
 * more (an escalation is new), in the account it was seen in, for the role and policy it names.
 * Written against the mutants of src/core/baseline.ts that the CLI tests could not reach.
 */
import type { Baseline, BaselineEntry } from '../../src/core/baseline';
import { loadedHere } from '../helpers/loaded-here';
import { buildReport } from '../../src/core/audit';
import { finding, type Finding, type RoleAudit } from '../../src/core/model';

// Loaded in each test: the module's code sets and constants are part of what is tested.
const baselineModule = () => loadedHere<typeof import('../../src/core/baseline')>(require.resolve('../../src/core/baseline'));
const applyBaseline: typeof import('../../src/core/baseline').applyBaseline = (...a) => baselineModule().applyBaseline(...a);
const createBaseline: typeof import('../../src/core/baseline').createBaseline = (...a) => baselineModule().createBaseline(...a);
const findingKey: typeof import('../../src/core/baseline').findingKey = (...a) => baselineModule().findingKey(...a);

const perm = (id: string) => ({ id, name: id, subtab: 'lists' as const });

function audit(findings: Finding[], opts: { role?: Partial<RoleAudit['role']>; account?: string; policy?: string } = {}): RoleAudit {
  return {
    policy: { file: opts.policy ?? 'policies/p.yaml', files: [opts.policy ?? 'policies/p.yaml'] },
    role: { selector: 'customrole_x', scriptId: 'customrole_x', found: true, ...opts.role },
    source: { kind: 'suiteql', location: 'x', ...(opts.account ? { account: opts.account } : {}) },
    status: 'compliant', failed: false, counts: { errors: 0, unverifiable: 0, warnings: 0, accepted: 0 }, rules: [], findings, notes: [],
  };
}

const excess = (id: string, level: 'VIEW' | 'EDIT' | 'FULL') => finding('PERMISSION_EXCESS', { rule: 'excess', permission: perm(id), actualLevel: level });
const tooLow = (id: string, level: 'NONE' | 'VIEW' | 'EDIT', min: 'EDIT' | 'FULL' = 'FULL') => finding('LEVEL_TOO_LOW', { rule: `permission:${id}`, permission: perm(id), actualLevel: level, expectedMin: min });
const baselineOf = (...results: RoleAudit[]): Baseline => createBaseline(buildReport(results, { version: 't', generatedAt: '2026-12-01T00:00:00Z', failOn: 'error' }));
const meta = { file: 'b.json', failOn: 'error' as const };
/** The acceptance each finding of the run's first role came out with (undefined: counted). */
const acceptedOf = (before: RoleAudit[], now: RoleAudit[]) => applyBaseline(now, baselineOf(...before), meta).results[0].findings.map((f) => f.accepted?.by === 'baseline' ? f.accepted.accepted ?? 'yes' : undefined);

test('the baseline file says what it is: kind and version', () => {
  const b = baselineOf(audit([excess('LIST_ITEM', 'VIEW')]));
  expect([b.kind, b.version, b.createdAt]).toEqual(['ns-role-audit/baseline', 3, '2026-12-01T00:00:00Z']);
  const { BASELINE_KIND, BASELINE_VERSION } = baselineModule();
  expect([BASELINE_KIND, BASELINE_VERSION]).toEqual([b.kind, b.version]);
});

test('an excess accepted at Full still accepts it at View (less access), not at Full above Edit', () => {
  expect(acceptedOf([audit([excess('LIST_ITEM', 'FULL')])], [audit([excess('LIST_ITEM', 'VIEW')])])).toEqual(['FULL']);
  expect(acceptedOf([audit([excess('LIST_ITEM', 'EDIT')])], [audit([excess('LIST_ITEM', 'FULL')])])).toEqual([undefined]);
  expect(acceptedOf([audit([excess('LIST_ITEM', 'EDIT')])], [audit([excess('LIST_ITEM', 'EDIT')])])).toEqual(['EDIT']);
});

test('a level too low accepted at Edit is not accepted lower (View), and is accepted when it rises', () => {
  expect(acceptedOf([audit([tooLow('LIST_ITEM', 'EDIT')])], [audit([tooLow('LIST_ITEM', 'VIEW')])])).toEqual([undefined]);
  expect(acceptedOf([audit([tooLow('LIST_ITEM', 'VIEW')])], [audit([tooLow('LIST_ITEM', 'EDIT')])])).toEqual(['VIEW']);
});

test('a ceiling, a risk and an uncatalogued permission are "too much" codes: more of them is new, less is accepted', () => {
  for (const code of ['LEVEL_ABOVE_MAX', 'RISKY_PERMISSION', 'PERMISSION_UNCATALOGUED'] as const) {
    const f = (level: 'VIEW' | 'FULL') => finding(code, { rule: 'r', permission: perm('LIST_ITEM'), actualLevel: level, severity: 'error' });
    expect([code, acceptedOf([audit([f('FULL')])], [audit([f('VIEW')])])]).toEqual([code, ['FULL']]);
    expect([code, acceptedOf([audit([f('VIEW')])], [audit([f('FULL')])])]).toEqual([code, [undefined]]);
  }
});

test('a finding whose code carries no direction records no level: only the same finding matches', () => {
  const missing = finding('PERMISSION_MISSING', { rule: 'permission:LIST_ITEM', permission: perm('LIST_ITEM'), actualLevel: 'NONE' });
  const b = baselineOf(audit([missing]));
  expect(b.findings[0].accepted).toBeUndefined();
  expect(acceptedOf([audit([missing])], [audit([missing])])).toEqual(['yes']);
});

test('flags and settings record the value seen: another value is new', () => {
  const flag = (v: boolean) => finding('FLAG_MISMATCH', { rule: 'flag:webServicesOnly', flag: 'webServicesOnly', expectedFlag: true, actualFlag: v });
  expect(baselineOf(audit([flag(false)])).findings[0].accepted).toBe('unchecked');
  expect(baselineOf(audit([flag(true)])).findings[0].accepted).toBe('checked');
  expect(acceptedOf([audit([flag(false)])], [audit([flag(true)])])).toEqual([undefined]);
  expect(acceptedOf([audit([flag(false)])], [audit([flag(false)])])).toEqual(['unchecked']);
  const setting = (v: string | null) => finding('SETTING_MISMATCH', { rule: 'setting:recordRestrictions.DEPARTMENT', setting: 'recordRestrictions.DEPARTMENT', expectedValues: ['NONE'], actualValue: v });
  expect(baselineOf(audit([setting('OWNONLY')])).findings[0].accepted).toBe('OWNONLY');
  expect(acceptedOf([audit([setting('OWNONLY')])], [audit([setting('ALL')])])).toEqual([undefined]);
  expect(acceptedOf([audit([setting('OWNONLY')])], [audit([setting('OWNONLY')])])).toEqual(['OWNONLY']);
  // A value the source could not read is not a value: nothing recorded, and only nothing matches it.
  expect(baselineOf(audit([setting(null)])).findings[0].accepted).toBeUndefined();
  expect(acceptedOf([audit([setting(null)])], [audit([setting('OWNONLY')])])).toEqual([undefined]);
  expect(acceptedOf([audit([setting('OWNONLY')])], [audit([setting(null)])])).toEqual([undefined]);
  const unreadFlag = finding('FLAG_MISMATCH', { rule: 'flag:webServicesOnly', flag: 'webServicesOnly', expectedFlag: true, actualFlag: null });
  expect(baselineOf(audit([unreadFlag])).findings[0].accepted).toBeUndefined();
});

test('a conflict records both sides: the same or fewer holdings at the same or lower levels are accepted, any more is new', () => {
  const sod = (a: 'VIEW' | 'FULL', b: 'VIEW' | 'FULL' | undefined, extra?: 'VIEW') => finding('SOD_CONFLICT', {
    rule: 'sod:ap', severity: 'error',
    conflict: { name: 'ap', any: [{ ...perm('LIST_VENDOR'), level: a }, ...(extra ? [{ ...perm('LIST_ITEM'), level: extra }] : [])], ...(b ? { with: [{ ...perm('TRAN_VENDPYMT'), level: b }] } : {}) },
  });
  expect(baselineOf(audit([sod('FULL', 'VIEW')])).findings[0].accepted).toBe('LIST_VENDOR=FULL TRAN_VENDPYMT=VIEW');
  expect(acceptedOf([audit([sod('FULL', 'VIEW')])], [audit([sod('FULL', 'VIEW')])])).toEqual(['LIST_VENDOR=FULL TRAN_VENDPYMT=VIEW']);
  expect(acceptedOf([audit([sod('FULL', 'FULL')])], [audit([sod('VIEW', 'VIEW')])])).toEqual(['LIST_VENDOR=FULL TRAN_VENDPYMT=FULL']);
  expect(acceptedOf([audit([sod('FULL', 'VIEW')])], [audit([sod('FULL', 'FULL')])])).toEqual([undefined]);
  expect(acceptedOf([audit([sod('FULL', 'VIEW')])], [audit([sod('FULL', 'VIEW', 'VIEW')])])).toEqual([undefined]);
  expect(acceptedOf([audit([sod('FULL', 'VIEW', 'VIEW')])], [audit([sod('FULL', 'VIEW')])])).toEqual(['LIST_ITEM=VIEW LIST_VENDOR=FULL TRAN_VENDPYMT=VIEW']);
  // A one-sided conflict (an "any" list alone) records that side.
  expect(baselineOf(audit([sod('VIEW', undefined)])).findings[0].accepted).toBe('LIST_VENDOR=VIEW');
});

test('keys: the role by lower-cased script id, else internal id, else selector; the policy as written; holders and tokens in the target', () => {
  const f = excess('LIST_ITEM', 'VIEW');
  expect(findingKey(audit([], { role: { scriptId: 'CustomRole_X' } }), f)).toBe('customrole_x|policies/p.yaml|PERMISSION_EXCESS|LIST_ITEM');
  expect(findingKey(audit([], { role: { scriptId: undefined, internalId: '12' } }), f)).toBe('12|policies/p.yaml|PERMISSION_EXCESS|LIST_ITEM');
  expect(findingKey(audit([], { role: { scriptId: undefined, internalId: undefined, selector: '"Sync"' } }), f)).toBe('"Sync"|policies/p.yaml|PERMISSION_EXCESS|LIST_ITEM');
  expect(findingKey(audit([], { policy: '././policies\\win\\p.yaml' }), f)).toBe('customrole_x|policies/win/p.yaml|PERMISSION_EXCESS|LIST_ITEM');
  // Only a leading ./ goes: one inside the path is the user's.
  expect(findingKey(audit([], { policy: 'a/./p.yaml' }), f)).toBe('customrole_x|a/./p.yaml|PERMISSION_EXCESS|LIST_ITEM');
  const held = finding('ASSIGNMENT_DORMANT', { rule: 'access', holder: { id: '7', name: 'Ann' }, token: { name: 'sync' } });
  expect(findingKey(audit([]), held)).toBe('customrole_x|policies/p.yaml|ASSIGNMENT_DORMANT|access@holder:7@token:sync');
  const flag = finding('FLAG_MISMATCH', { rule: 'flag:webServicesOnly', flag: 'webServicesOnly', actualFlag: false });
  expect(findingKey(audit([]), flag)).toBe('customrole_x|policies/p.yaml|FLAG_MISMATCH|webServicesOnly');
  const setting = finding('SETTING_MISMATCH', { rule: 'setting:x', setting: 'coreAdminPermissions', actualValue: 'checked' });
  expect(findingKey(audit([]), setting)).toBe('customrole_x|policies/p.yaml|SETTING_MISMATCH|coreAdminPermissions');
  // The entry keeps the role as read (its script id as written, else the selector).
  expect(baselineOf(audit([f], { role: { scriptId: 'CustomRole_X' } })).findings[0].role).toBe('CustomRole_X');
  expect(baselineOf(audit([f], { role: { scriptId: undefined, selector: '#12' } })).findings[0].role).toBe('#12');
});

test('only what the policy does not already accept goes in: no info, no waived finding, no risk the policy asks for', () => {
  const waived = { ...excess('LIST_A', 'VIEW'), accepted: { by: 'waiver' as const, reason: 'r', expires: '2027-01-01', loc: { file: 'p', line: 1, column: 1 }, covers: 'x' } };
  const asked = { ...excess('LIST_B', 'VIEW'), accepted: { by: 'policy' as const, loc: { file: 'p', line: 1, column: 1 } } };
  const info = finding('PERMISSION_EXCESS', { rule: 'excess', permission: perm('LIST_C'), actualLevel: 'VIEW', severity: 'info' });
  const warning = finding('PERMISSION_EXCESS', { rule: 'excess', permission: perm('LIST_D'), actualLevel: 'VIEW', severity: 'warning' });
  const b = baselineOf(audit([waived, asked, info, warning, excess('LIST_E', 'VIEW')]));
  expect(b.findings.map((e) => [e.target, e.severity])).toEqual([['LIST_D', 'warning'], ['LIST_E', 'error']]);
});

test('entries are sorted by key, then account (an entry without one first), whatever the order of the run', () => {
  const b = baselineOf(
    audit([excess('LIST_Z', 'VIEW'), excess('LIST_A', 'VIEW')], { account: '222' }),
    audit([excess('LIST_A', 'VIEW')], { account: '111' }),
    audit([excess('LIST_A', 'VIEW')]),
  );
  expect(b.findings.map((e) => `${e.target}:${e.account ?? '-'}`)).toEqual(['LIST_A:-', 'LIST_A:111', 'LIST_A:222', 'LIST_Z:222']);
  const again = baselineOf(audit([excess('LIST_A', 'VIEW')]), audit([excess('LIST_A', 'VIEW')], { account: '111' }), audit([excess('LIST_Z', 'VIEW'), excess('LIST_A', 'VIEW')], { account: '222' }));
  expect(again.findings).toEqual(b.findings);
});

test('an entry seen in one account does not accept the finding in another; an entry without an account accepts it in any', () => {
  const inA = [audit([excess('LIST_ITEM', 'VIEW')], { account: 'A' })];
  expect(acceptedOf(inA, [audit([excess('LIST_ITEM', 'VIEW')], { account: 'B' })])).toEqual([undefined]);
  expect(acceptedOf(inA, [audit([excess('LIST_ITEM', 'VIEW')], { account: 'A' })])).toEqual(['VIEW']);
  // A file source has no account: the entry from A still matches (either side without one).
  expect(acceptedOf(inA, [audit([excess('LIST_ITEM', 'VIEW')])])).toEqual(['VIEW']);
  expect(acceptedOf([audit([excess('LIST_ITEM', 'VIEW')])], [audit([excess('LIST_ITEM', 'VIEW')], { account: 'B' })])).toEqual(['VIEW']);
});

test('two entries of one key: the finding is accepted by the one it is within, and neither is resolved', () => {
  const entry = (account: string, accepted: string): BaselineEntry => ({ key: 'customrole_x|policies/p.yaml|PERMISSION_EXCESS|LIST_ITEM', account, role: 'customrole_x', policy: 'policies/p.yaml', code: 'PERMISSION_EXCESS', target: 'LIST_ITEM', severity: 'error', accepted });
  const b: Baseline = { kind: 'ns-role-audit/baseline', version: 3, createdAt: 'x', findings: [entry('A', 'VIEW'), entry('A', 'FULL')] };
  const out = applyBaseline([audit([excess('LIST_ITEM', 'EDIT')], { account: 'A' })], b, meta);
  expect(out.results[0].findings[0].accepted).toEqual({ by: 'baseline', file: 'b.json', accepted: 'FULL' });
  expect([out.summary.existing, out.summary.new, out.summary.resolved]).toEqual([1, 0, []]);
});

test('an escalation counts as new and fails the role, yet its entry is not reported resolved', () => {
  const out = applyBaseline([audit([excess('LIST_ITEM', 'FULL')])], baselineOf(audit([excess('LIST_ITEM', 'VIEW')])), meta);
  expect([out.summary.existing, out.summary.new, out.summary.resolved, out.results[0].failed, out.results[0].status]).toEqual([0, 1, [], true, 'non-compliant']);
});

test('info findings and findings accepted otherwise are left as they are, and neither counts', () => {
  const waived = { ...excess('LIST_ITEM', 'VIEW'), accepted: { by: 'accept-unverified' as const } };
  const info = finding('PERMISSION_EXCESS', { rule: 'excess', permission: perm('LIST_ITEM'), actualLevel: 'VIEW', severity: 'info' });
  const b = baselineOf(audit([excess('LIST_ITEM', 'VIEW')]));
  const out = applyBaseline([audit([waived, info])], b, meta);
  expect(out.results[0].findings).toEqual([waived, info]);
  expect([out.summary.existing, out.summary.new, out.summary.resolved.map((r) => r.target)]).toEqual([0, 0, ['LIST_ITEM']]);
});

test('the summary names each resolved entry by role, code and target; the settled role counts the accepted', () => {
  const b = baselineOf(audit([excess('LIST_ITEM', 'VIEW'), excess('LIST_VENDOR', 'VIEW')]));
  const out = applyBaseline([audit([excess('LIST_ITEM', 'VIEW')])], b, { ...meta, failOn: 'warning' });
  expect(out.summary).toEqual({ file: 'b.json', existing: 1, new: 0, resolved: [{ role: 'customrole_x', code: 'PERMISSION_EXCESS', target: 'LIST_VENDOR' }] });
  expect([out.results[0].counts.accepted, out.results[0].failed]).toEqual([1, false]);
});

test('a caller naming policies its own way (relative to the baseline) keys entries and matches with it', () => {
  const ref = (file: string) => `../${file}`;
  const b = createBaseline(buildReport([audit([excess('LIST_ITEM', 'VIEW')])], { version: 't', generatedAt: 'x', failOn: 'error' }), ref);
  expect([b.findings[0].policy, b.findings[0].key]).toEqual(['../policies/p.yaml', 'customrole_x|../policies/p.yaml|PERMISSION_EXCESS|LIST_ITEM']);
  expect(applyBaseline([audit([excess('LIST_ITEM', 'VIEW')])], b, { ...meta, policyRef: ref }).summary.existing).toBe(1);
  expect(applyBaseline([audit([excess('LIST_ITEM', 'VIEW')])], b, meta).summary.existing).toBe(0);
});
