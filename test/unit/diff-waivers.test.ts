/**
 * Waivers one by one: what each target matches (and what it does not), how an expired or unused
 * waiver shows, and the words that say what a waiver covered. Written against the mutants of
 * src/core/diff/checks/waivers.ts that only the live access tests reached.
 */
import { applyWaivers } from '../../src/core/diff/checks/waivers';
import { finding, type Finding, type Waiver } from '../../src/core/model';

const loc = { file: 'p.yaml', line: 9, column: 5 };
const waiver = (fields: Partial<Waiver>): Waiver => ({ code: 'ASSIGNMENT_DORMANT', reason: 'on leave', expires: '2027-01-31', loc, ...fields });
const dormant = (holder: Finding['holder']) => finding('ASSIGNMENT_DORMANT', { rule: 'holders:dormant', holder });
const ann = { id: '42', name: 'ANN-7', email: 'Ann@Example.com' };
/** What became of each finding: accepted (and what the acceptance says it covered) or standing. */
const outcome = (waivers: Waiver[], findings: Finding[], today = '2027-01-01') =>
  applyWaivers(waivers, findings, today).findings.map((f) => `${f.code}${f.accepted?.by === 'waiver' ? ` accepted: ${f.accepted.covers}` : ''}`);

describe('a holder waiver', () => {
  test('matches the person by internal id, entity id or email, in any case and with spaces around', () => {
    for (const who of ['42', 'ann-7', 'ANN@example.COM', '  ann@example.com ']) {
      expect([who, outcome([waiver({ holder: who })], [dormant(ann)])]).toEqual([who, [`ASSIGNMENT_DORMANT accepted: ASSIGNMENT_DORMANT on ${who}`]]);
    }
  });
  test('does not match another person, a person with no email or name, or a finding about no one', () => {
    expect(outcome([waiver({ holder: 'bob@example.com' })], [dormant(ann)])).toEqual(['ASSIGNMENT_DORMANT', 'WAIVER_UNUSED']);
    expect(outcome([waiver({ holder: 'ann@example.com' })], [dormant({ id: '43' })])).toEqual(['ASSIGNMENT_DORMANT', 'WAIVER_UNUSED']);
    expect(outcome([waiver({ holder: '42' })], [finding('ASSIGNMENT_DORMANT', { rule: 'holders:dormant' })])).toEqual(['ASSIGNMENT_DORMANT', 'WAIVER_UNUSED']);
  });
  test('with a permission named too, both must match, and the acceptance names both', () => {
    const global = (id: string) => finding('GLOBAL_PERMISSION', { rule: 'holders:global', holder: ann, permission: { id, name: id, subtab: 'setup' } });
    const w = waiver({ code: 'GLOBAL_PERMISSION', holder: '42', permissionId: 'ADMI_X', permissionName: 'X' });
    expect(outcome([w], [global('ADMI_X')])).toEqual(['GLOBAL_PERMISSION accepted: GLOBAL_PERMISSION on 42 (X)']);
    expect(outcome([w], [global('ADMI_Y')])).toEqual(['GLOBAL_PERMISSION', 'WAIVER_UNUSED']);
  });
});

test('a token waiver matches the token by name only', () => {
  const unused = (name: string) => finding('TOKEN_UNUSED', { rule: 'holders:tokens', token: { name } });
  const w = waiver({ code: 'TOKEN_UNUSED', token: 'sync' });
  expect(outcome([w], [unused('sync')])).toEqual(['TOKEN_UNUSED accepted: TOKEN_UNUSED on token sync']);
  expect(outcome([w], [unused('other')])).toEqual(['TOKEN_UNUSED', 'WAIVER_UNUSED']);
  expect(outcome([w], [finding('TOKEN_UNUSED', { rule: 'holders:tokens' })])).toEqual(['TOKEN_UNUSED', 'WAIVER_UNUSED']);
});

test('a conflict waiver matches its conflict by name only', () => {
  const sod = (name: string) => finding('SOD_CONFLICT', { rule: `conflict:${name}`, conflict: { name, reason: 'r', any: [], with: [] } as unknown as Finding['conflict'] });
  const w = waiver({ code: 'SOD_CONFLICT', conflict: 'ap' });
  expect(outcome([w], [sod('ap')])).toEqual(["SOD_CONFLICT accepted: SOD_CONFLICT on conflict 'ap'"]);
  expect(outcome([w], [sod('ar')])).toEqual(['SOD_CONFLICT', 'WAIVER_UNUSED']);
});

describe('a rule waiver', () => {
  const unverifiable = (rule: string) => finding('NOT_VERIFIABLE', { rule });
  test('names one rule exactly; holders:* is every holder rule and no other', () => {
    expect(outcome([waiver({ code: 'NOT_VERIFIABLE', rule: 'excess' })], [unverifiable('excess'), unverifiable('excess:x')])).toEqual(['NOT_VERIFIABLE accepted: NOT_VERIFIABLE on excess', 'NOT_VERIFIABLE']);
    const all = waiver({ code: 'NOT_VERIFIABLE', rule: 'holders:*' });
    expect(outcome([all], [unverifiable('holders:dormant'), unverifiable('holders:tokens'), unverifiable('holders'), unverifiable('role:active')]))
      .toEqual(['NOT_VERIFIABLE accepted: NOT_VERIFIABLE on who holds the role', 'NOT_VERIFIABLE accepted: NOT_VERIFIABLE on who holds the role', 'NOT_VERIFIABLE', 'NOT_VERIFIABLE']);
  });
  test.each([['role:active', 'the role'], ['source', 'the source'], ['risk', 'the risk rules'], ['holders:*', 'who holds the role'], ['excess', 'excess']])('%s is named as %s', (rule, words) => {
    const r = applyWaivers([waiver({ code: 'NOT_VERIFIABLE', rule })], [], '2027-01-01');
    expect(r.rules.map((x) => x.title)).toEqual([`Waiver for NOT_VERIFIABLE on ${words} until 2027-01-31`]);
  });
  test('a waiver naming nothing is on the role', () => {
    expect(applyWaivers([waiver({ code: 'ROLE_INACTIVE' })], [], '2027-01-01').findings.map((f) => f.detail)).toEqual(['ROLE_INACTIVE on the role']);
    expect(applyWaivers([waiver({ holder: 'ann' })], [], '2027-01-01').findings.map((f) => f.detail)).toEqual(['ASSIGNMENT_DORMANT on ann']);
  });
});

describe('dates and what stands', () => {
  const w = waiver({ holder: '42' });
  test('the last day is inclusive; the day after, the finding stands and WAIVER_EXPIRED says so, at the waiver', () => {
    expect(outcome([w], [dormant(ann)], '2027-01-31')).toEqual(['ASSIGNMENT_DORMANT accepted: ASSIGNMENT_DORMANT on 42']);
    const after = applyWaivers([w], [dormant(ann)], '2027-02-01');
    expect(after.findings.map((f) => [f.code, f.accepted, f.rule])).toEqual([['ASSIGNMENT_DORMANT', undefined, 'holders:dormant'], ['WAIVER_EXPIRED', undefined, 'waiver:0']]);
    expect(after.findings[1]).toMatchObject({ loc, waiver: { reason: 'on leave', expires: '2027-01-31', loc }, detail: 'ASSIGNMENT_DORMANT on 42' });
    expect(after.rules).toEqual([{ id: 'waiver:0', title: 'Waiver for ASSIGNMENT_DORMANT on 42 until 2027-01-31', kind: 'waiver', loc }]);
  });
  test('an acceptance carries the reason, the date and the place of its waiver', () => {
    expect(applyWaivers([w], [dormant(ann)], '2027-01-01').findings[0].accepted).toEqual({ by: 'waiver', reason: 'on leave', expires: '2027-01-31', loc, covers: 'ASSIGNMENT_DORMANT on 42' });
  });
  test('an info finding is never waived, so a waiver for it is unused', () => {
    const info = { ...dormant(ann), severity: 'info' as const };
    expect(outcome([w], [info])).toEqual(['ASSIGNMENT_DORMANT', 'WAIVER_UNUSED']);
  });
  test('the first waiver that covers a finding takes it; the other is unused, numbered by its place', () => {
    const r = applyWaivers([waiver({ holder: 'bob' }), w, waiver({ holder: '42', reason: 'second' })], [dormant(ann)], '2027-01-01');
    expect(r.findings.map((f) => (f.accepted?.by === 'waiver' ? f.accepted.reason : `${f.code} ${f.rule}`))).toEqual(['on leave', 'WAIVER_UNUSED waiver:0', 'WAIVER_UNUSED waiver:2']);
  });
});
