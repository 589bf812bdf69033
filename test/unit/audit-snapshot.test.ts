/**
 * One role's audit and the report around it: what the RoleAudit says of the role when it was and
 * was not found, the notes it carries, when the access view is attached, the default --fail-on, the
 * report's counts by status, and which roles hold each conflict. Written against the mutants of
 * src/core/audit.ts that only the CLI tests reached.
 */
import { auditSnapshot, buildReport } from '../../src/core/audit';
import { loadPolicy } from '../../src/core/policy';
import type { RoleAccessFacts } from '../../src/core/access/facts';
import type { RoleSnapshot } from '../../src/core/model';

const policyOf = (text: string) => loadPolicy('p.yaml', { readText: () => text, resolveRef: (_f, r) => r, identity: (f) => f });
const POLICY = 'role: {scriptId: customrole_x}\nflags: {webServicesOnly: true}\npermissions:\n  lists: {Vendors: View}\n';
const role = (over: Partial<RoleSnapshot> = {}): RoleSnapshot => ({
  scriptId: 'customrole_x', internalId: '12', name: 'X', flags: { webServicesOnly: true, inactive: false, doNotRestrictEmployeeFields: false },
  settings: {}, permissions: [{ permkey: 'LIST_VENDOR', level: 'VIEW' }], evidence: 'definition', origin: 't', ...over,
});
const meta = { selector: { scriptId: 'customrole_x' }, source: { kind: 'sdf', location: 'r.xml' }, today: '2026-12-04' };

test('a role found: its ids, name and evidence as read', () => {
  const r = auditSnapshot(policyOf(POLICY), role(), meta);
  expect(r.role).toEqual({ selector: 'customrole_x', scriptId: 'customrole_x', internalId: '12', name: 'X', found: true, evidence: 'definition' });
  expect([r.status, r.failed, r.source]).toEqual(['compliant', false, { kind: 'sdf', location: 'r.xml' }]);
  expect(r.policy).toEqual({ file: 'p.yaml', files: ['p.yaml'] });
});

test('a role not found: the selector\'s ids, found false, no evidence, and it fails', () => {
  const r = auditSnapshot(policyOf(POLICY), undefined, { ...meta, selector: { internalId: '99', name: 'Gone' } });
  expect(r.role).toEqual({ selector: '#99', scriptId: undefined, internalId: '99', name: 'Gone', found: false });
  expect([r.status, r.failed, r.findings.map((f) => f.code)]).toEqual(['non-compliant', true, ['ROLE_NOT_FOUND']]);
});

test('the role\'s own ids win over the selector\'s', () => {
  const r = auditSnapshot(policyOf(POLICY), role(), { ...meta, selector: { scriptId: 'CUSTOMROLE_X', internalId: '1', name: 'Other' } });
  expect([r.role.scriptId, r.role.internalId, r.role.name]).toEqual(['customrole_x', '12', 'X']);
});

test('notes: the source\'s first, then each policy warning with its place, then what effective access cannot show', () => {
  const policy = policyOf(`${POLICY}allow: {Items: None}\n`);
  const r = auditSnapshot(policy, role({ evidence: 'effective-access' }), { ...meta, notes: ['read over SOAP'] });
  expect(r.notes[0]).toBe('read over SOAP');
  expect(r.notes[1]).toBe('Policy warning p.yaml:5:9 LEVEL_ASKS_NOTHING: allowing Items up to None allows nothing: holding it is still a finding (give the highest level the role may hold, or remove the entry).');
  expect(r.notes[2]).toBe('Read over SOAP with the integration token: this proves effective access (at least View) only. Levels above View, ceilings, flags and excess permissions cannot be seen this way and are reported as not verifiable.');
  expect(r.notes.length).toBe(3);
  expect(auditSnapshot(policyOf(POLICY), role(), meta).notes).toEqual([]);
});

test('a fallback becomes a SOURCE_FALLBACK finding; none without one', () => {
  const codes = (fallback?: string) => auditSnapshot(policyOf(POLICY), role(), { ...meta, ...(fallback !== undefined ? { fallback } : {}) }).findings.map((f) => f.code);
  expect(codes('SuiteQL refused: 400')).toContain('SOURCE_FALLBACK');
  expect(codes()).not.toContain('SOURCE_FALLBACK');
});

test('the access view is attached only when the policy asks about holders and the source read them', () => {
  const facts: RoleAccessFacts = {
    holders: { ok: true, list: [{ id: '1', name: 'Sync', hasAccess: true, inactive: false }] },
    logins: { ok: true, roleLastUsed: '2026-12-01T00:00:00', byPerson: new Map([['1', '2026-12-01T00:00:00']]), tokens: [] },
    globalPermissions: { ok: true, list: [] },
    sandbox: false,
  };
  const withHolders = policyOf(`${POLICY}holders: {max: 1}\n`);
  expect(auditSnapshot(withHolders, role(), { ...meta, access: facts }).access?.holders?.map((h) => h.id)).toEqual(['1']);
  expect(auditSnapshot(policyOf(POLICY), role(), { ...meta, access: facts }).access).toBeUndefined();
  expect(auditSnapshot(withHolders, role(), meta).access).toBeUndefined();
});

test('without --fail-on a role fails on errors only: warnings alone pass', () => {
  const r = auditSnapshot(policyOf(`${POLICY}excess: warn\n`), role({ permissions: [{ permkey: 'LIST_VENDOR', level: 'VIEW' }, { permkey: 'LIST_ITEM', level: 'VIEW' }] }), meta);
  expect([r.status, r.failed]).toEqual(['warnings', false]);
  const strict = auditSnapshot(policyOf(`${POLICY}excess: warn\n`), role({ permissions: [{ permkey: 'LIST_VENDOR', level: 'VIEW' }, { permkey: 'LIST_ITEM', level: 'VIEW' }] }), { ...meta, failOn: 'warning' });
  expect(strict.failed).toBe(true);
});

test('the report counts roles by status (an unverified role fails too), and lists which roles hold each conflict, with account and connection', () => {
  const sod = policyOf(`${POLICY}excess: ignore\nconflicts:\n  - {name: ap, reason: enter and pay, any: {Vendors: View}, with: {Pay Bills: View}}\n`);
  const both = role({ permissions: [{ permkey: 'LIST_VENDOR', level: 'VIEW' }, { permkey: 'TRAN_VENDPYMT', level: 'VIEW' }] });
  const results = [
    auditSnapshot(policyOf(POLICY), role(), meta),
    auditSnapshot(policyOf(`${POLICY}excess: warn\n`), role({ permissions: [{ permkey: 'LIST_VENDOR', level: 'VIEW' }, { permkey: 'LIST_ITEM', level: 'VIEW' }] }), meta),
    auditSnapshot(sod, both, { ...meta, source: { kind: 'suiteql', location: 'x', account: '123', connection: 'prod' } }),
    auditSnapshot(sod, { ...both, name: 'Y' }, meta),
    auditSnapshot(policyOf(POLICY), role({ evidence: 'effective-access', flags: { webServicesOnly: undefined, inactive: undefined, doNotRestrictEmployeeFields: undefined } as unknown as RoleSnapshot['flags'] }), meta),
  ];
  const report = buildReport(results, { version: '1.0.0', generatedAt: 'now', failOn: 'error' });
  expect(report.summary).toMatchObject({ roles: 5, compliant: 1, withWarnings: 1, nonCompliant: 2, unverified: 1, failedRoles: 3, verdict: 'failed', failed: true });
  expect(report.conflicts).toEqual([{ name: 'ap', roles: [{ role: 'X', account: '123', connection: 'prod', accepted: false }, { role: 'Y', accepted: false }] }]);
  expect(buildReport(results.slice(0, 2), { version: '1.0.0', generatedAt: 'now', failOn: 'error' }).conflicts).toBeUndefined();
});
