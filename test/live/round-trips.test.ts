import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSimulator, type Simulator } from '../../src/simulator';
import { runCliAsync } from '../helpers/run-cli';
import { envFor, expectReadOnly } from '../helpers/live-env';
import { demoAccount } from '../helpers/sim-client';

// Round trips hold, for every role of the demo account and of realistic roles added to it
// (settings, record restrictions, restricted lines, custom records by record type id, custom
// transaction types, custom segments, IDs beyond Oracle's table, one no catalog lists):
//   pull --as policy -> validate passes -> the live audit of that role with it passes;
//   pull (snapshot) -> the offline audit gives the findings the live audit gives.

let sim: Simulator;
const extraRoles = [
  {
    internalId: 4001, scriptId: 'customrole_acme_integration', name: 'Acme Integration', flags: { webServicesOnly: true, doNotRestrictEmployeeFields: true },
    settings: { centerType: 'ACCOUNTCENTER', coreAdminPermissions: false, subsidiaryOption: 'ALL', employeeRestriction: 'NONE', restrictByDevice: false },
    recordRestrictions: [{ segment: 'DEPARTMENT', restriction: 'OWNONLY' }],
    permissions: {
      TRAN_SALESORD: { level: 'Full', restriction: 'VIEWANDEDIT' }, TRAN_CUSTINVC: 'View', '[scriptid=customsale_acme_quote]': 'Edit',
      GRAP_AR: 'View', LIST_OTHER_ADDRESS: 'Full', LIST_CUSTJOB: 'Full', '[scriptid=customrecord_acme_sync_log]': 'Full',
      '[type=customsegment, scriptid=cseg_acme_region]': 'View', ADMI_WEBSERVICES: 'Full', ADMI_LOGIN_OAUTH: 'Full', TRAN_NEW_IN_2027: 'View',
    },
  },
  {
    internalId: 4002, scriptId: 'customrole_acme_portal_admin', name: 'Acme Portal Admin', flags: { webServicesOnly: true },
    settings: { centerType: 'custcenter_acme_portal', coreAdminPermissions: true, salesRole: true, subsidiaryOption: 'SELECTED', subsidiaryViewingAllowed: true },
    permissions: { '[appid=com.acme.portal, scriptid=customrecord_acme_portal_user]': 'Full', ADMI_MANAGE_OAUTH_TOKENS: 'Full', ADMI_USER: 'Full', REPO_ANALYTICS: 'Edit' },
  },
];

beforeAll(async () => {
  sim = await startSimulator({
    fixture: demoAccount((doc) => {
      doc.account.suiteql = { customRecordKeys: 'entry-id' };
      doc.customRecordTypes = { customrecord_acme_sync_log: 801, customrecord_acme_portal_user: 802 };
      doc.roles.push(...extraRoles);
    }),
  });
});
afterAll(() => sim.stop());
afterEach(() => expectReadOnly(sim));

const env = () => envFor(sim, 'auditor');
const roles = () => sim.account.roles.map((r) => r.scriptId);

test('the round trips cover every role of the account', () => {
  expect(roles()).toEqual(expect.arrayContaining(['customrole_polytomic', 'customrole_polytomic_drifted', 'customrole_ns_role_auditor', 'administrator', 'customrole_acme_integration', 'customrole_acme_portal_admin']));
});

describe.each(['customrole_polytomic', 'customrole_polytomic_drifted', 'customrole_ns_role_auditor', 'customrole_acme_integration', 'customrole_acme_portal_admin', 'administrator'])('%s', (scriptId) => {
  test('pull --as policy validates, and the live audit of the role with it passes, fully verified', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nsra-rt-'));
    const policy = join(dir, 'policy.yaml');
    const pulled = await runCliAsync(['pull', '--role', scriptId, '--as', 'policy', '--out', policy], { env: env() });
    expect(pulled.code).toBe(0);
    const validated = await runCliAsync(['validate', policy]);
    expect({ stdout: validated.stdout, code: validated.code }).toMatchObject({ code: 0 });
    const audited = await runCliAsync(['audit', '--policy', policy, '--format', 'json'], { env: env() });
    const result = JSON.parse(audited.stdout).results[0];
    // A risky permission the starter policy requires is acknowledged (accepted by the policy): not an open finding.
    expect(result.findings.filter((f: { severity: string; accepted?: { by: string } }) => f.severity !== 'info' && f.accepted?.by !== 'policy').map((f: { code: string; message: string }) => `${f.code}: ${f.message}`)).toEqual([]);
    expect(audited.code).toBe(0);
    expect(result.status).toBe('compliant');
  });

  test('pull (snapshot), then the offline audit gives the live audit findings', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nsra-rt-'));
    const snapshot = join(dir, 'role.snapshot.yaml');
    expect((await runCliAsync(['pull', '--role', scriptId, '--out', snapshot], { env: env() })).code).toBe(0);
    const args = ['audit', '--policy', 'policies/polytomic.yaml', '--role', scriptId, '--format', 'json'];
    const live = await runCliAsync(args, { env: env() });
    const offline = await runCliAsync([...args, '--role-file', snapshot]);
    const findings = (out: string) => JSON.parse(out).results[0].findings.map((f: Record<string, unknown>) => ({ ...f, loc: undefined }));
    expect(offline.code).toBe(live.code);
    expect(findings(offline.stdout)).toEqual(findings(live.stdout));
    expect(readFileSync(snapshot, 'utf8')).toContain('kind: ns-role-audit/role-snapshot');
  });
});

test('pull --as policy --pack starts from a shipped pack: extends it, pins what the pack covers at the level held, lists the rest, validates and passes', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'nsra-rt-'));
  const policy = join(dir, 'policy.yaml');
  const pulled = await runCliAsync(['pull', '--role', 'customrole_polytomic', '--as', 'policy', '--pack', 'leapfin', '--out', policy], { env: env() });
  expect(pulled.code).toBe(0);
  // The starter inherits the pack's holders rule, which the demo role fails: said at once, not at the first CI run.
  expect(pulled.stderr).toContain('warning: this starter policy fails the role it was pulled from (1 finding):\n  ROLE_HOLDER_UNEXPECTED: ');
  expect(pulled.stderr).toContain('hank@example.com');
  const text = readFileSync(policy, 'utf8');
  expect(text).toMatch(/^extends: \[pack:leapfin\]/m);
  // Leapfin's three (User Access Token, Access Token Management, Web Services) come from the pack,
  // pinned at the level held; the rest is what the role holds beyond it.
  expect(text).toMatch(/^ {4}Access Token Management: \{exact: Full\}   # the pack asks at least Full; this pins the level held$/m);
  expect(text).toMatch(/^ {4}Sales Order: \{exact: Full\}$/m);
  const minimums = await runCliAsync(['pull', '--role', 'customrole_polytomic', '--as', 'policy', '--pack', 'leapfin', '--minimums'], { env: env() });
  expect(minimums.stdout).not.toMatch(/^ {4}(Access Token Management|User Access Tokens|SOAP Web Services): /m);
  expect(minimums.stdout).toMatch(/^ {4}Sales Order: Full$/m);
  expect((await runCliAsync(['validate', policy])).code).toBe(0);
  const audited = await runCliAsync(['audit', '--policy', policy, '--format', 'json'], { env: env() });
  const result = JSON.parse(audited.stdout).results[0];
  expect(result.rules.filter((r: { kind: string }) => r.kind === 'permission')).toHaveLength(33);
  // Every permission rule passes; what fails is the pack's holders rule: the demo role is also held
  // by a person (Hank), and the pack says the role is meant for one integration user.
  expect(result.rules.filter((r: { kind: string; status: string }) => r.kind !== 'holders' && r.status === 'fail')).toEqual([]);
  expect(result.findings.filter((f: { accepted?: unknown; severity: string }) => !f.accepted && f.severity === 'error').map((f: { code: string; detail?: string }) => [f.code, f.detail])).toEqual([
    ['ROLE_HOLDER_UNEXPECTED', '2 people hold the role; the policy allows at most 1: polytomic@example.com, hank@example.com'],
  ]);
  expect(audited.code).toBe(1);
  const wrong = await runCliAsync(['pull', '--role', 'customrole_polytomic', '--pack', 'leapfin'], { env: env() });
  expect([wrong.code, wrong.stderr]).toEqual([2, expect.stringContaining('--pack starts a policy: use it with --as policy')]);
});
