/**
 * Reports the output-format tests feed to real consumers: the demo's drifted role read from its
 * SDF file (so findings point at role-file lines), a fleet of generated roles, accepted findings
 * of every kind, and a comparison.
 */
import { readFileSync } from 'node:fs';
import { auditSnapshot, buildReport } from '../../src/core/audit';
import { acceptUnverified } from '../../src/core/verdict';
import { compareRoles } from '../../src/core/compare';
import type { AuditReport, RoleComparison, RoleSnapshot } from '../../src/core/model';
import { getCatalog, type Level } from '../../src/core/catalog';
import { parseSdfRole, readSdfRoleDocument } from '../../src/core/role/sdf';
import { linkFixes } from '../../src/core/fix/link-fixes';
import { planFix } from '../../src/core/fix/plan-fix';
import { auditAccess, type AccountAccess } from '../../src/core/access/account';
import { readPolicy } from '../../src/adapters/read-policy';

export const DRIFTED_FILE = 'fixtures/sdf-project/src/Objects/customrole_polytomic_drifted.xml';
const GOOD_FILE = 'fixtures/sdf-project/src/Objects/customrole_polytomic.xml';
export const POLICY_FILE = 'policies/polytomic.yaml';

const role = (file: string) => parseSdfRole(file, readFileSync(file, 'utf8'));
const meta = (r: RoleSnapshot, extra: object = {}) => ({ selector: { scriptId: r.scriptId }, source: { kind: 'sdf', location: r.origin }, today: '2026-11-27', ...extra });
const build = (results: AuditReport['results'], failOn: 'error' | 'warning' = 'error') => buildReport(results, { version: '1.0.0-test', generatedAt: '2026-11-27T12:00:00Z', failOn });

/** The demo's drifted role against the shipped Polytomic policy, each finding linked to its fix in the file (as audits of SDF files are). */
export function driftedReport(): AuditReport {
  const r = role(DRIFTED_FILE);
  const policy = readPolicy(POLICY_FILE);
  const result = auditSnapshot(policy, r, meta(r));
  const plan = planFix(policy, readSdfRoleDocument(DRIFTED_FILE, readFileSync(DRIFTED_FILE, 'utf8')), { today: '2026-11-27' });
  return build([{ ...result, findings: linkFixes(result.findings, plan) }]);
}

/** Accepted findings of each kind: a waiver, accept-unverified (a SOAP-evidence role), and a note. */
export function acceptedReport(): AuditReport {
  const policy = readPolicy(POLICY_FILE);
  const r = role(DRIFTED_FILE);
  policy.waivers.push({ code: 'LEVEL_TOO_LOW', permissionId: 'TRAN_SALESORD', permissionName: 'Sales Order', reason: 'vendor asks, ticket 42', expires: '2027-01-31', loc: { file: POLICY_FILE, line: 1, column: 1 } });
  const soap: RoleSnapshot = { ...role(GOOD_FILE), evidence: 'effective-access', lines: undefined, origin: 'soap:demo' };
  const results = acceptUnverified([auditSnapshot(policy, r, meta(r)), auditSnapshot(policy, soap, { ...meta(soap), source: { kind: 'soap', location: 'https://demo.suitetalk.api.netsuite.com', account: 'DEMO' }, notes: ['probed effective access'] })]);
  return build(results);
}

const LEVELS: Level[] = ['NONE', 'VIEW', 'CREATE', 'EDIT', 'FULL'];

/** `n` roles across accounts, each the good role with a few levels changed (deterministic). */
export function fleetReport(n: number): AuditReport {
  const policy = readPolicy(POLICY_FILE);
  const base = role(GOOD_FILE);
  const results = [];
  for (let i = 0; i < n; i++) {
    const permissions = base.permissions.map((p, j) => ((i * 7 + j * 3) % 11 === 0 ? { ...p, level: LEVELS[(i + j) % 5] } : p));
    const r: RoleSnapshot = { ...base, scriptId: `customrole_integration_${i}`, name: `Integration ${i}${i % 97 === 0 ? ' <b>&amp;</b>' : ''}`, permissions, lines: undefined, origin: `suiteql:ACCT${i % 12}`, flags: { ...base.flags, webServicesOnly: i % 13 !== 0 } };
    results.push(auditSnapshot(policy, r, { selector: { scriptId: r.scriptId }, source: { kind: 'suiteql', location: `https://acct${i % 12}.suitetalk.api.netsuite.com`, account: `ACCT${i % 12}`, connection: `acct${i % 12}` }, today: '2026-11-27' }));
  }
  return build(results);
}

/** The good role against the drifted one. */
export function sampleComparison(): RoleComparison {
  return compareRoles(role(GOOD_FILE), role(DRIFTED_FILE), { leftLabel: 'customrole_polytomic', rightLabel: 'customrole_polytomic_drifted', generatedAt: '2026-11-27T12:00:00Z', version: '1.0.0-test' });
}

/** An access report over a made-up account: holders, a dormant one, an idle token, a global permission, a conflict across roles, a role nobody holds. */
export function accessReport(): AuditReport {
  const conflicts = readPolicy('policies/packs/sod.yaml').conflicts;
  const perms = (list: Array<[string, Level]>) => list.map(([permkey, level]) => ({ permkey, level }));
  const acc: AccountAccess = {
    account: '1234567', sandbox: false,
    roles: [{ internalId: '10', scriptId: 'customrole_sync', name: 'Sync <Integration>' }, { internalId: '11', scriptId: 'customrole_ap_enter', name: 'AP Enter' }, { internalId: '12', scriptId: 'customrole_ap_pay', name: 'AP Pay' }, { internalId: '13', scriptId: 'customrole_old', name: 'Old export' }],
    people: { ok: true, list: [{ id: '1', name: 'Sync User', email: 'sync@example.com', hasAccess: true, inactive: false }, { id: '2', name: 'Dana "Dormant"', email: 'dana@example.com', hasAccess: true, inactive: false }, { id: '3', name: 'Pat Payables', email: 'pat@example.com', hasAccess: true, inactive: false }] },
    assignments: { ok: true, list: [{ personId: '1', roleId: '10' }, { personId: '2', roleId: '10' }, { personId: '3', roleId: '11' }, { personId: '3', roleId: '12' }] },
    logins: { ok: true, list: [{ personId: '1', roleId: '10', token: 'sync-token', app: 'Sync', last: '2026-11-26T08:00:00' }, { personId: '1', roleId: '10', token: 'sync-old', app: 'Sync', last: '2026-03-01T08:00:00' }, { personId: '3', roleId: '11', last: '2026-11-20T09:30:00' }, { personId: '3', roleId: '12', last: '2026-11-21T09:30:00' }] },
    globalPermissions: { ok: true, list: [{ personId: '1', permkey: 'LIST_EMPLOYEE', level: 'FULL' }] },
    rolePermissions: { ok: true, byRole: new Map([['11', perms([['TRAN_VENDBILL', 'CREATE']])], ['12', perms([['TRAN_VENDPYMT', 'CREATE']])]]) },
    notes: ['Role assignments read from employeerolesforsearch (entity, role).'],
  };
  const results = auditAccess(acc, { roleIds: ['10', '11', '12', '13'], today: '2026-11-27', failOn: 'error', conflicts, policyFile: 'access checks (conflicts: pack:sod)', source: { kind: 'suiteql', location: 'suiteql:1234567', account: '1234567' } });
  return build(results);
}

/**
 * The scale of a consultancy's account (issue 23): `roles` integration roles of `perms` catalog
 * permissions each, audited against the API-only template (excess: fail), so nearly every
 * permission is a finding: 1,000 x 150 gives about 147,000 of them. Built directly, deterministic.
 */
export function apiOnlyFleetReport(roles: number, perms: number): AuditReport {
  const policy = readPolicy('policies/templates/api-only-integration.yaml');
  const base = policy.rules.map((r) => ({ permkey: r.id, level: r.min ?? 'FULL' }));
  const ids = getCatalog().all().map((p) => p.id).filter((id) => !base.some((b) => b.permkey === id));
  const good = role(GOOD_FILE);
  const results = [];
  for (let i = 0; i < roles; i++) {
    const permissions = [...base.filter((_, j) => (i + j) % 17 !== 0)];
    for (let j = 0; permissions.length < perms; j++) permissions.push({ permkey: ids[(i * 7 + j) % ids.length], level: LEVELS[1 + ((i + j) % 4)] });
    const r: RoleSnapshot = {
      ...good, lines: undefined, scriptId: `customrole_gen_${i}`, internalId: String(10_000 + i), name: `Generated ${i}`, evidence: 'definition', origin: `suiteql:ACCT${i % 12}`,
      flags: { ...good.flags, webServicesOnly: i % 9 !== 0 }, settings: { ...good.settings, coreAdminPermissions: false },
      permissions: permissions.map((p) => ({ permkey: p.permkey, level: p.level as Level })),
    };
    results.push(auditSnapshot(policy, r, { selector: { scriptId: r.scriptId }, source: { kind: 'suiteql', location: `https://acct${i % 12}.suitetalk.api.netsuite.com`, account: `ACCT${i % 12}`, connection: `acct${i % 12}` }, today: '2026-11-27' }));
  }
  return build(results);
}
