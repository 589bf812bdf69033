/**
 * The access checks as pure functions (core/access/checks.ts): facts in, findings out. The live
 * tests (test/live/access.test.ts) run them through SuiteQL and the CLI; these pin each rule's
 * edges: the idle-day boundary, unknown parts never read as "unused", inactive holders, sandbox
 * tokens, allow lists by email, id or name, and the maximum.
 */
import { checkAccess, DEFAULT_MAX_IDLE_DAYS } from '../../src/core/access/checks';
import type { RoleAccessFacts } from '../../src/core/access/facts';
import type { HoldersRule } from '../../src/core/model';

const TODAY = '2026-12-03';
const loc = { file: 'p.yaml', line: 3, column: 3 };
const daysAgo = (n: number) => new Date(Date.parse(`${TODAY}T12:00:00Z`) - n * 86_400_000).toISOString().slice(0, 19);

function facts(over: Partial<RoleAccessFacts> = {}): RoleAccessFacts {
  return {
    holders: { ok: true, list: [{ id: '1', name: 'Sync User', email: 'sync@example.com', hasAccess: true, inactive: false }] },
    logins: { ok: true, roleLastUsed: daysAgo(1), byPerson: new Map([['1', daysAgo(1)]]), tokens: [{ name: 'sync-token', lastUsed: daysAgo(1) }] },
    globalPermissions: { ok: true, list: [] },
    sandbox: false,
    ...over,
  };
}

const codes = (f: RoleAccessFacts | undefined, holders?: HoldersRule) => checkAccess(f, { today: TODAY, ...(holders ? { holders } : {}) }).flatMap((r) => r.findings.map((x) => `${r.rule.id} ${x.code}${x.holder ? ` ${x.holder.email ?? x.holder.id}` : ''}${x.token ? ` ${x.token.name}` : ''}${x.severity === 'info' ? ' (info)' : ''}`));

test('a role held and used by its one integration user: every check passes', () => {
  const results = checkAccess(facts(), { today: TODAY });
  expect(results.map((r) => r.rule.id)).toEqual(['holders:assigned', 'holders:used', 'holders:dormant', 'holders:tokens', 'holders:global']);
  expect(results.flatMap((r) => r.findings)).toEqual([]);
});

test('no facts (a file, a snapshot, SOAP): one NOT_VERIFIABLE, never a pass', () => {
  expect(codes(undefined)).toEqual(['holders:read NOT_VERIFIABLE']);
});

test('nobody holds it: ROLE_UNASSIGNED, and "unused" is not said of a role nobody could use', () => {
  expect(codes(facts({ holders: { ok: true, list: [] }, logins: { ok: true, roleLastUsed: null, byPerson: new Map(), tokens: [] } }))).toEqual(['holders:assigned ROLE_UNASSIGNED']);
});

test(`idle days: ${DEFAULT_MAX_IDLE_DAYS} days is still used, one more is not (role, holder and token alike)`, () => {
  const at = (n: number) => facts({ logins: { ok: true, roleLastUsed: daysAgo(n), byPerson: new Map([['1', daysAgo(n)]]), tokens: [{ name: 'sync-token', lastUsed: daysAgo(n) }] } });
  expect(codes(at(DEFAULT_MAX_IDLE_DAYS))).toEqual([]);
  expect(codes(at(DEFAULT_MAX_IDLE_DAYS + 1))).toEqual(['holders:used ROLE_UNUSED', 'holders:dormant ASSIGNMENT_DORMANT sync@example.com', 'holders:tokens TOKEN_UNUSED sync-token']);
  // The policy's maxIdleDays moves the edge.
  expect(codes(at(31), { maxIdleDays: 30, loc })).toEqual(['holders:used ROLE_UNUSED', 'holders:dormant ASSIGNMENT_DORMANT sync@example.com', 'holders:tokens TOKEN_UNUSED sync-token']);
  expect(codes(at(30), { maxIdleDays: 30, loc })).toEqual([]);
});

test('a holder who never logged in with the role is dormant; one who cannot log in (inactive, no access) is not', () => {
  const list = [
    { id: '1', email: 'sync@example.com', hasAccess: true, inactive: false },
    { id: '2', email: 'hank@example.com', hasAccess: true, inactive: false },
    { id: '3', email: 'gone@example.com', hasAccess: true, inactive: true },
    { id: '4', email: 'noaccess@example.com', hasAccess: false, inactive: false },
  ];
  expect(codes(facts({ holders: { ok: true, list } }))).toEqual(['holders:dormant ASSIGNMENT_DORMANT hank@example.com']);
});

test('parts not read are not verifiable, with why, and never turn into unused or unassigned', () => {
  const denied = { ok: false as const, why: "Record 'loginaudit' was not found." };
  const out = checkAccess(facts({ logins: denied }), { today: TODAY });
  expect(out.filter((r) => r.findings.length).map((r) => [r.rule.id, r.findings[0].code, r.findings[0].detail])).toEqual([
    ['holders:used', 'NOT_VERIFIABLE', denied.why],
    ['holders:dormant', 'NOT_VERIFIABLE', denied.why],
    ['holders:tokens', 'NOT_VERIFIABLE', denied.why],
  ]);
  expect(codes(facts({ holders: { ok: false, why: 'no role assignment table answered' } }))).toEqual(['holders:assigned NOT_VERIFIABLE', 'holders:dormant NOT_VERIFIABLE', 'holders:global NOT_VERIFIABLE']);
  expect(codes(facts({ globalPermissions: { ok: false, why: 'columns not known' } }))).toEqual(['holders:global NOT_VERIFIABLE']);
  expect(codes(facts({ holders: { ok: false, why: 'x' } }), { max: 1, loc })).toContain('holders:allowed NOT_VERIFIABLE');
});

test('an idle token in a sandbox is information, not a warning', () => {
  const f = facts({ sandbox: true, logins: { ok: true, roleLastUsed: daysAgo(1), byPerson: new Map([['1', daysAgo(1)]]), tokens: [{ name: 'old', lastUsed: daysAgo(200) }] } });
  expect(codes(f)).toEqual(['holders:tokens TOKEN_UNUSED old (info)']);
  expect(codes({ ...f, sandbox: false })).toEqual(['holders:tokens TOKEN_UNUSED old']);
});

test('global permissions count only on holders of the role', () => {
  const f = facts({ globalPermissions: { ok: true, list: [{ personId: '1', permkey: 'LIST_EMPLOYEE', level: 'FULL' }, { personId: '9', permkey: 'LIST_EMPLOYEE', level: 'FULL' }] } });
  const out = checkAccess(f, { today: TODAY }).flatMap((r) => r.findings);
  expect(out.map((x) => [x.code, x.holder?.id, x.permission?.id, x.actualLevel])).toEqual([['GLOBAL_PERMISSION', '1', 'LIST_EMPLOYEE', 'FULL']]);
});

test('holders.allow matches email in any case, id or name; holders.max counts people who can log in', () => {
  const list = [
    { id: '1', name: 'Sync User', email: 'sync@example.com', hasAccess: true, inactive: false },
    { id: '2', name: 'Hank', email: 'hank@example.com', hasAccess: true, inactive: false },
    { id: '3', name: 'Gone', email: 'gone@example.com', hasAccess: true, inactive: true },
  ];
  const f = facts({ holders: { ok: true, list }, logins: { ok: true, roleLastUsed: daysAgo(1), byPerson: new Map([['1', daysAgo(1)], ['2', daysAgo(1)]]), tokens: [] } });
  expect(codes(f, { allow: ['SYNC@example.com'], loc })).toEqual(['holders:allowed ROLE_HOLDER_UNEXPECTED hank@example.com']);
  expect(codes(f, { allow: ['1', 'hank'], loc })).toEqual([]);
  expect(codes(f, { max: 2, loc })).toEqual([]);
  const over = checkAccess(f, { today: TODAY, holders: { max: 1, loc } }).flatMap((r) => r.findings);
  expect(over.map((x) => [x.code, x.detail])).toEqual([['ROLE_HOLDER_UNEXPECTED', '2 people hold the role; the policy allows at most 1: sync@example.com, hank@example.com']]);
  // Findings of the holders rule point at the policy's holders: line.
  expect(over[0].loc).toEqual(loc);
});
