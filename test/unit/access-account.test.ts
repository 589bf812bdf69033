/**
 * An account's access data turned into each role's facts and audits, in process
 * (core/access/account.ts, facts.ts): holders with their other roles, the last login per person and
 * per token, parts not read carried as not verifiable, segregation of duties across one person's
 * roles, waivers for the policy's own role, and the view reports show. test/live/access.test.ts
 * reads the same data from the simulator.
 */
import { auditAccess, roleAccessFacts, type AccountAccess } from '../../src/core/access/account';
import { accessView, canLogIn } from '../../src/core/access/facts';
import type { ConflictRule } from '../../src/core/model';

const TODAY = '2026-12-03';
const loc = { file: 'p.yaml', line: 4, column: 3 };
const account = (over: Partial<AccountAccess> = {}): AccountAccess => ({
  account: '1234567', sandbox: false,
  roles: [{ internalId: '1001', scriptId: 'customrole_sync' }, { internalId: '1002', name: 'AP Clerk' }, { internalId: '1003' }, { internalId: '1004', scriptId: 'customrole_old', inactive: true }],
  people: { ok: true, list: [
    { id: '7', name: 'Hank', email: 'hank@example.com', hasAccess: true, inactive: false },
    { id: '12', name: 'Ivy', hasAccess: false },
    { id: '9', email: 'sync@example.com', hasAccess: true, inactive: false },
  ] },
  assignments: { ok: true, list: [
    { personId: '12', roleId: '1001' }, { personId: '7', roleId: '1001' }, { personId: '9', roleId: '1001' }, { personId: '7', roleId: '1001' },
    { personId: '7', roleId: '1002' }, { personId: '7', roleId: '1003' }, { personId: '9', roleId: '1002' }, { personId: '40', roleId: '1001' },
  ] },
  logins: { ok: true, list: [
    { personId: '9', roleId: '1001', token: 'sync-token', app: 'Polytomic', last: '2026-11-30T10:00:00Z' },
    { personId: '9', roleId: '1001', token: 'sync-token', last: '2026-11-01T10:00:00Z' },
    { personId: '9', roleId: '1001', token: 'old-token', last: '2026-06-01T10:00:00Z' },
    { personId: '7', roleId: '1001', last: '2026-12-01T08:00:00Z' },
    { personId: '7', roleId: '1001', last: '2026-10-01T08:00:00Z' },
    { roleId: '1001', token: 'a-token', last: '2026-09-01T00:00:00Z' },
    { personId: '7', roleId: '1002', last: '2026-12-02T00:00:00Z' },
  ] },
  globalPermissions: { ok: true, list: [] },
  rolePermissions: { ok: true, byRole: new Map([
    ['1001', [{ permkey: 'TRAN_VENDBILL', level: 'EDIT' }]],
    ['1002', [{ permkey: 'TRAN_VENDPYMT', level: 'VIEW' }, { permkey: 'TRAN_VENDPYMT', level: 'FULL' }]],
    ['1003', [{ permkey: 'TRAN_VENDPYMT', level: 'VIEW' }]],
  ]) },
  notes: ['employee table read'],
  ...over,
});

describe('roleAccessFacts', () => {
  test('holders by internal id, each once, with their other roles by script id, name or #id', () => {
    const facts = roleAccessFacts(account(), '1001');
    expect(facts.holders).toEqual({ ok: true, list: [
      { id: '7', name: 'Hank', email: 'hank@example.com', hasAccess: true, inactive: false, roles: ['AP Clerk', '#1003'] },
      { id: '9', email: 'sync@example.com', hasAccess: true, inactive: false, roles: ['AP Clerk'] },
      { id: '12', name: 'Ivy', hasAccess: false },
      // Assigned, but not in the employee table: known only by id.
      { id: '40' },
    ] });
    expect(facts.sandbox).toBe(false);
    expect(roleAccessFacts(account({ sandbox: true }), '1001').sandbox).toBe(true);
  });

  test('logins: the role\'s last use, each person\'s last, each token\'s last with its app and person, tokens by name', () => {
    const { logins } = roleAccessFacts(account(), '1001');
    if (!logins.ok) throw new Error('logins not read');
    expect(logins.roleLastUsed).toBe('2026-12-01T08:00:00Z');
    expect([...logins.byPerson]).toEqual([['9', '2026-11-30T10:00:00Z'], ['7', '2026-12-01T08:00:00Z']]);
    expect(logins.tokens).toEqual([
      { name: 'a-token', lastUsed: '2026-09-01T00:00:00Z' },
      { name: 'old-token', personId: '9', lastUsed: '2026-06-01T10:00:00Z' },
      { name: 'sync-token', app: 'Polytomic', personId: '9', lastUsed: '2026-11-30T10:00:00Z' },
    ]);
    // Logins in the other order give the same last uses.
    const reversed = account();
    if (reversed.logins.ok) reversed.logins.list.reverse();
    const again = roleAccessFacts(reversed, '1001').logins;
    expect(again.ok && [again.roleLastUsed, [...again.byPerson].sort(), again.tokens.map((t) => t.lastUsed)]).toEqual(['2026-12-01T08:00:00Z', [['7', '2026-12-01T08:00:00Z'], ['9', '2026-11-30T10:00:00Z']], ['2026-09-01T00:00:00Z', '2026-06-01T10:00:00Z', '2026-11-30T10:00:00Z']]);
    // Nobody logged in with it: a null last use, not a date.
    const none = roleAccessFacts(account(), '1004').logins;
    expect(none.ok && [none.roleLastUsed, none.byPerson.size, none.tokens]).toEqual([null, 0, []]);
  });

  test('parts not read carry why; people not read leave holders known only by id', () => {
    const facts = roleAccessFacts(account({ assignments: { ok: false, why: 'no access to the role assignments' }, logins: { ok: false, why: 'no audit trail' }, globalPermissions: { ok: false, why: 'no table' } }), '1001');
    expect([facts.holders, facts.logins, facts.globalPermissions]).toEqual([{ ok: false, why: 'no access to the role assignments' }, { ok: false, why: 'no audit trail' }, { ok: false, why: 'no table' }]);
    const noPeople = roleAccessFacts(account({ people: { ok: false, why: 'no employee table' } }), '1001');
    expect(noPeople.holders.ok && noPeople.holders.list.map((h) => Object.keys(h))).toEqual([['id', 'roles'], ['id', 'roles'], ['id'], ['id']]);
  });
});

describe('accessView and canLogIn', () => {
  test('holders with their last use (null when never), the role\'s last use and tokens; parts not read listed with why', () => {
    const view = accessView(roleAccessFacts(account(), '1001'));
    expect(view.holders?.map((h) => [h.id, h.lastUsed])).toEqual([['7', '2026-12-01T08:00:00Z'], ['9', '2026-11-30T10:00:00Z'], ['12', null], ['40', null]]);
    expect(view.lastUsed).toBe('2026-12-01T08:00:00Z');
    expect(view.tokens).toEqual([{ name: 'a-token', lastUsed: '2026-09-01T00:00:00Z' }, { name: 'old-token', holder: '9', lastUsed: '2026-06-01T10:00:00Z' }, { name: 'sync-token', app: 'Polytomic', holder: '9', lastUsed: '2026-11-30T10:00:00Z' }]);
    expect(view).not.toHaveProperty('unread');
    const unread = accessView(roleAccessFacts(account({ logins: { ok: false, why: 'no audit trail' }, globalPermissions: { ok: false, why: 'no table' } }), '1001'));
    expect(unread.unread).toEqual({ logins: 'no audit trail', globalPermissions: 'no table' });
    expect(unread.holders?.[0]).not.toHaveProperty('lastUsed');
    expect(unread).not.toHaveProperty('lastUsed');
    expect(unread).not.toHaveProperty('tokens');
    const noHolders = accessView(roleAccessFacts(account({ assignments: { ok: false, why: 'x' } }), '1001'));
    expect([noHolders.holders, noHolders.unread]).toEqual([undefined, { holders: 'x' }]);
  });

  test('unknown access or activity counts as able to log in', () => {
    expect([canLogIn({ id: '1' }), canLogIn({ id: '1', hasAccess: false }), canLogIn({ id: '1', inactive: true }), canLogIn({ id: '1', hasAccess: true, inactive: false })]).toEqual([true, false, false, true]);
  });
});

describe('auditAccess', () => {
  const billAndPay: ConflictRule = {
    name: 'Enter bills and pay them', reason: 'one person could pay a bill they entered', source: 'AICPA', severity: 'error', loc,
    any: [{ id: 'TRAN_VENDBILL', name: 'Enter Bills', subtab: 'transactions', min: 'CREATE' }],
    with: [{ id: 'TRAN_VENDPYMT', name: 'Pay Bills', subtab: 'transactions', min: 'EDIT' }],
  } as ConflictRule;
  const opts = { roleIds: ['1001', '1002'], today: TODAY, failOn: 'error' as const, conflicts: [billAndPay], policyFile: 'p.yaml', source: { kind: 'suiteql', location: 'acct' } };

  test('a person whose two roles together break a conflict rule: one USER_SOD_CONFLICT, on the role bringing `any`', () => {
    const [sync, ap] = auditAccess(account(), opts);
    const conflicts = sync.findings.filter((f) => f.code === 'USER_SOD_CONFLICT');
    // Hank holds 1001 (bills) and 1002 (Pay Bills at Full, its highest line); sync@ holds them too.
    expect(conflicts.map((f) => f.holder)).toEqual([{ id: '7', name: 'Hank', email: 'hank@example.com' }, { id: '9', email: 'sync@example.com' }]);
    expect(conflicts[0]).toMatchObject({
      rule: 'holders:sod', severity: 'error', loc, detail: 'one person could pay a bill they entered (source: AICPA)',
      conflict: { name: 'Enter bills and pay them', any: [{ id: 'TRAN_VENDBILL', level: 'EDIT', role: 'customrole_sync' }], with: [{ id: 'TRAN_VENDPYMT', level: 'FULL', role: 'AP Clerk' }] },
    });
    expect(ap.findings.filter((f) => f.code === 'USER_SOD_CONFLICT')).toEqual([]);
    expect([sync.status, sync.failed]).toEqual(['non-compliant', true]);
    expect(sync.rules.find((r) => r.id === 'holders:sod')?.status).toBe('fail');
    expect(ap.rules.find((r) => r.id === 'holders:sod')?.status).toBe('pass');
  });

  test('no conflict below the minimum, for a person who cannot log in, or with a single role', () => {
    const low = account({ rolePermissions: { ok: true, byRole: new Map([['1001', [{ permkey: 'TRAN_VENDBILL', level: 'VIEW' }]], ['1002', [{ permkey: 'TRAN_VENDPYMT', level: 'FULL' }]]]) } });
    expect(auditAccess(low, opts)[0].findings.filter((f) => f.code === 'USER_SOD_CONFLICT')).toEqual([]);
    const cannot = account({ people: { ok: true, list: [{ id: '7', hasAccess: false }, { id: '9', inactive: true }] } });
    expect(auditAccess(cannot, opts)[0].findings.filter((f) => f.code === 'USER_SOD_CONFLICT')).toEqual([]);
    const single = account({ assignments: { ok: true, list: [{ personId: '7', roleId: '1001' }] } });
    expect(auditAccess(single, opts)[0].findings.filter((f) => f.code === 'USER_SOD_CONFLICT')).toEqual([]);
    // A one-sided rule (no `with`) is a role's own SOD_CONFLICT, not a person's.
    const oneSided = { ...billAndPay, with: undefined };
    expect(auditAccess(account(), { ...opts, conflicts: [oneSided] })[0].findings.filter((f) => f.code === 'USER_SOD_CONFLICT')).toEqual([]);
  });

  test('assignments or role permissions not read: the conflict rule is not verifiable, with why; no rules, no conflict check', () => {
    const why = (acc: AccountAccess) => auditAccess(acc, opts)[0].findings.filter((f) => f.rule === 'holders:sod').map((f) => [f.code, f.detail]);
    expect(why(account({ assignments: { ok: false, why: 'no assignments' } }))).toEqual([['NOT_VERIFIABLE', 'no assignments']]);
    expect(why(account({ rolePermissions: { ok: false, why: 'no role permissions' } }))).toEqual([['NOT_VERIFIABLE', 'no role permissions']]);
    expect(auditAccess(account(), { ...opts, conflicts: [] })[0].rules.some((r) => r.id === 'holders:sod')).toBe(false);
  });

  test('each audit names its role, policy and source, carries the account\'s notes (and says when the role is inactive), and its access view', () => {
    const [a, b] = auditAccess(account(), { ...opts, roleIds: ['1001', '1004'] });
    expect(a.role).toEqual({ selector: 'customrole_sync', scriptId: 'customrole_sync', internalId: '1001', found: true });
    expect(b.role).toEqual({ selector: 'customrole_old', scriptId: 'customrole_old', internalId: '1004', found: true });
    expect([a.policy, a.source]).toEqual([{ file: 'p.yaml', files: ['p.yaml'] }, { kind: 'suiteql', location: 'acct' }]);
    expect([a.notes, b.notes]).toEqual([['employee table read'], ['employee table read', 'The role is inactive.']]);
    expect(a.access?.lastUsed).toBe('2026-12-01T08:00:00Z');
    const named = auditAccess(account(), { ...opts, roleIds: ['1002', '9999'] });
    expect(named.map((x) => x.role)).toEqual([{ selector: '#1002', internalId: '1002', name: 'AP Clerk', found: true }, { selector: '#9999', internalId: '9999', found: true }]);
  });

  test('a waiver in the policy accepts its own role\'s access finding, not another role\'s', () => {
    const waiver = { code: 'USER_SOD_CONFLICT', holder: 'hank@example.com', reason: 'until the AP split', expires: '2027-01-31', loc };
    const [sync] = auditAccess(account(), { ...opts, waivers: { roleId: '1001', list: [waiver] } });
    const hank = sync.findings.find((f) => f.code === 'USER_SOD_CONFLICT' && f.holder?.id === '7');
    const ivy = sync.findings.find((f) => f.code === 'USER_SOD_CONFLICT' && f.holder?.id === '9');
    expect(hank?.accepted).toMatchObject({ by: 'waiver', reason: 'until the AP split' });
    expect(ivy?.accepted).toBeUndefined();
    const elsewhere = auditAccess(account(), { ...opts, waivers: { roleId: '1002', list: [waiver] } })[0];
    expect(elsewhere.findings.filter((f) => f.accepted)).toEqual([]);
  });
});
