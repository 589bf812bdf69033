import { startSimulator, type Simulator } from '../../src/simulator';
import { connectionFromEnv } from '../../src/adapters/config';
import { openSession } from '../../src/adapters/netsuite/session';
import { PROBES } from '../../src/adapters/netsuite/probes';
import { createLiveSource } from '../../src/adapters/sources/live-source';
import { auditRole } from '../../src/adapters/audit-role';
import { mergePolicyLayers, parsePolicyLayer } from '../../src/core/policy';
import { envFor, expectReadOnly } from '../helpers/live-env';
import { demoAccount } from '../helpers/sim-client';

// A probe claims only what it proves. Generated from the probe map: for every probe-able
// permission and every permission that lets its read succeed, a role holding that one alone is
// audited over SOAP against a policy requiring the permission. The verdict must be "present"
// only when the role holds exactly the required permission and no other permission allows the
// read; otherwise never compliant.

const LOGIN = { ADMI_WEBSERVICES: 'Full', ADMI_LOGIN_OAUTH: 'Full' };
const probed = Object.entries(PROBES).filter(([, e]) => ['search', 'transactionSearch', 'customization'].includes(e.probe.kind));
const cases = probed.flatMap(([required, entry]) => [
  ...entry.allowedBy.map((held) => ({ required, held: [held], name: `${required} required, ${held} held` })),
  { required, held: [] as string[], name: `${required} required, nothing that allows the read held` },
]);

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({
    fixture: demoAccount((doc) => {
      cases.forEach((c, i) => {
        const scriptId = `customrole_probe_${i}`;
        // Transaction searches need Find Transaction to run at all.
        const extra = PROBES[c.required].probe.kind === 'transactionSearch' ? { TRAN_FIND: 'View' } : {};
        doc.roles.push({ internalId: 3000 + i, scriptId, name: c.name, permissions: { ...LOGIN, ...extra, ...Object.fromEntries(c.held.map((p) => [p, 'View'])) } });
        doc.users[0].roles.push(scriptId);
        doc.tokens.push({ name: `probe-${i}`, tokenId: `probe${i}`.padEnd(64, 'a'), tokenSecret: `secret${i}`.padEnd(64, 'b'), integration: 'Polytomic', user: doc.users[0].internalId, role: scriptId });
      });
    }),
  });
});
afterAll(() => sim.stop());
afterEach(() => expectReadOnly(sim));

test('the cases cover every probe-able permission, and every alternative of a shared read', () => {
  expect(probed.length).toBeGreaterThanOrEqual(25);
  expect(cases.some((c) => c.required === 'LIST_EMPLOYEE_RECORD' && c.held[0] === 'LIST_EMPLOYEE')).toBe(true);
});

test.each(cases.map((c, i) => [c.name, c, i] as const))('%s', async (_name, c, i) => {
  const subtab = { TRAN: 'transactions', LIST: 'lists', ADMI: 'setup' }[c.required.split('_')[0]] ?? 'reports';
  const policy = mergePolicyLayers([parsePolicyLayer('p.yaml', `role: {scriptId: customrole_probe_${i}}\nexcess: ignore\npermissions:\n  ${subtab}:\n    ${c.required}: View\n`).layer!]);
  const session = openSession(connectionFromEnv(envFor(sim, `probe-${i}`)));
  const result = await auditRole(policy, createLiveSource(session, 'soap'), policy.role, '2026-11-27');
  const mine = result.findings.filter((f) => f.permission?.id === c.required).map((f) => f.code);
  const onlyOne = PROBES[c.required].allowedBy.length === 1;
  if (c.held[0] === c.required && onlyOne) expect(mine).toEqual([]); // proven
  else if (c.held.length === 0 && PROBES[c.required].probe.kind !== 'transactionSearch') expect(mine).toEqual(['PERMISSION_MISSING']); // the read was refused
  else expect(mine).toEqual(['NOT_VERIFIABLE']); // never compliant on a read another permission explains
});

test('the done-when case: a role with Employees but not Employee Record is not compliant over SOAP', async () => {
  const i = cases.findIndex((c) => c.required === 'LIST_EMPLOYEE_RECORD' && c.held[0] === 'LIST_EMPLOYEE');
  const policy = mergePolicyLayers([parsePolicyLayer('p.yaml', `role: {scriptId: customrole_probe_${i}}\nexcess: ignore\npermissions:\n  lists:\n    Employee Record: View\n`).layer!]);
  const result = await auditRole(policy, createLiveSource(openSession(connectionFromEnv(envFor(sim, `probe-${i}`))), 'soap'), policy.role, '2026-11-27');
  expect(result.status).not.toBe('compliant');
  expect(result.failed).toBe(true);
  expect(result.findings.find((f) => f.permission?.id === 'LIST_EMPLOYEE_RECORD')?.detail).toContain('Employees (LIST_EMPLOYEE)');
});
