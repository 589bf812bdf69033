import { startSimulator, type Simulator } from '../../src/simulator';
import { connectionFromEnv } from '../../src/adapters/config';
import { openSession } from '../../src/adapters/netsuite/session';
import { createLiveSource } from '../../src/adapters/sources/live-source';
import { auditRole } from '../../src/adapters/audit-role';
import { mergePolicyLayers, parsePolicyLayer } from '../../src/core/policy';
import { envFor, expectReadOnly } from '../helpers/live-env';
import { demoAccount } from '../helpers/sim-client';

// Where NetSuite's behaviour is unconfirmed (netsuite.md 3), the simulator can give every
// plausible answer; the client must audit correctly, over real HTTP, whichever it gets.

const POLICY = `role: {scriptId: customrole_polytomic}
excess: ignore
flags: {webServicesOnly: true, doNotRestrictEmployeeFields: true}
settings: {coreAdminPermissions: false, subsidiaryOption: ALL}
permissions:
  lists: {Customers: Full}
  customRecords: {customrecord_vendor_terms: View}
# The role holds Access Token Management (Polytomic's guide asks for it): acknowledged, not a risk finding.
allow: {Access Token Management: Full}
`;
const policy = mergePolicyLayers([parsePolicyLayer('p.yaml', POLICY).layer!]);

/** The demo account, with the Polytomic role also holding a custom record and two settings. */
function account(suiteql: Record<string, unknown>, extra: (doc: any) => void = () => {}) {
  return demoAccount((doc) => {
    doc.account.suiteql = suiteql;
    doc.customRecordTypes = { customrecord_vendor_terms: 417 };
    const role = doc.roles.find((r: { scriptId: string }) => r.scriptId === 'customrole_polytomic');
    role.permissions.customrecord_vendor_terms = 'Edit';
    role.settings = { subsidiaryOption: 'ALL' };
    extra(doc);
  });
}

async function run(sim: Simulator, token = 'auditor', selector = policy.role) {
  const session = openSession(connectionFromEnv(envFor(sim, token)));
  const before = sim.log.entries.length;
  const result = await auditRole(policy, createLiveSource(session, 'auto'), selector, '2026-11-27');
  const rest = sim.log.entries.slice(before).filter((e) => e.api === 'rest');
  expectReadOnly(sim);
  return { result, rest, codes: result.findings.filter((f) => f.accepted?.by !== 'policy').map((f) => `${f.code} ${f.permission?.id ?? f.flag ?? f.setting ?? f.rule}`).sort() };
}

async function withSim<T>(fixture: ReturnType<typeof account>, fn: (sim: Simulator) => Promise<T>): Promise<T> {
  const sim = await startSimulator({ fixture });
  try { return await fn(sim); } finally { await sim.stop(); }
}

test('as NetSuite may well answer: script ids as written, custom records by script id: three requests, fully verified', async () => {
  await withSim(account({}), async (sim) => {
    const { result, rest, codes } = await run(sim);
    expect(codes).toEqual([]);
    expect(result.status).toBe('compliant');
    expect(rest.map((e) => e.target)).toEqual(['role', 'rolepermissions', 'rolerestrictions']);
  });
});

test('script ids stored in upper case: the look-up is case-insensitive and still finds the role', async () => {
  await withSim(account({ scriptIdCase: 'upper' }), async (sim) => {
    const { result, codes } = await run(sim);
    expect(result.role.found).toBe(true);
    expect(result.role.scriptId).toBe('customrole_polytomic');
    expect(codes).toEqual([]);
  });
});

test('custom records as LIST_CUSTRECORDENTRY<id>: mapped through customrecordtype in one extra request', async () => {
  await withSim(account({ customRecordKeys: 'entry-id' }), async (sim) => {
    const { result, rest, codes } = await run(sim);
    expect(codes).toEqual([]);
    expect(result.status).toBe('compliant');
    expect(rest.map((e) => e.target)).toEqual(['role', 'rolepermissions', 'customrecordtype', 'rolerestrictions']);
  });
});

test('custom records as LIST_CUSTRECORDENTRY<id> and customrecordtype unreadable: not verifiable, never "missing"', async () => {
  await withSim(account({ customRecordKeys: 'entry-id' }, (doc) => {
    const auditorRole = doc.roles.find((r: { scriptId: string }) => r.scriptId === 'customrole_ns_role_auditor');
    delete auditorRole.permissions.ADMI_CUSTRECORD;
  }), async (sim) => {
    const { result, codes } = await run(sim);
    expect(codes).toContain('NOT_VERIFIABLE customrecord_vendor_terms');
    expect(codes.filter((c) => c.startsWith('PERMISSION_MISSING'))).toEqual([]);
    expect(result.notes.join(' ')).toContain('customrecordtype could not be read');
  });
});

test.each([
  ['employeeselectionunrestricted', 'NOT_VERIFIABLE doNotRestrictEmployeeFields'],
  ['subsidiaryoption', 'NOT_VERIFIABLE subsidiaryOption'],
  ['coreadminpermission', 'NOT_VERIFIABLE coreAdminPermissions'],
])('a column the account does not expose (%s): one retry without it, that setting not verifiable, the audit goes on', async (column, expected) => {
  await withSim(account({ hiddenRoleColumns: [column] }), async (sim) => {
    const { result, rest, codes } = await run(sim);
    expect(codes).toEqual([expected]);
    expect(rest.map((e) => `${e.target} ${e.status}`)).toEqual(['role 400', 'role 200', 'rolepermissions 200', 'rolerestrictions 200']);
    expect(result.notes.join(' ')).toContain(column);
  });
});

test('two hidden columns cost two retries, never more', async () => {
  await withSim(account({ hiddenRoleColumns: ['subsidiaryoption', 'coreadminpermission'] }), async (sim) => {
    const { rest, codes } = await run(sim);
    expect(codes).toEqual(['NOT_VERIFIABLE coreAdminPermissions', 'NOT_VERIFIABLE subsidiaryOption']);
    expect(rest.map((e) => e.status)).toEqual([400, 400, 200, 200, 200]);
  });
});

test.each([[400], [403]])('a token without Bulk Manage Roles (answered %s): falls back to SOAP and says so', async (status) => {
  await withSim(account({ roleTablesDenied: status }), async (sim) => {
    const { result } = await run(sim, 'polytomic');
    expect(result.source.kind).toBe('soap');
    expect(result.notes.join(' ')).toContain('Fallback: SuiteQL could not read the role definition');
    expect(sim.log.entries.some((e) => e.api === 'rest' && e.status === status)).toBe(true);
  });
});
