import { join } from 'node:path';
import { startSimulator, type Simulator } from '../../src/simulator';
import { cli, folderWith } from '../helpers/cli-in-process';
import { envFor, expectReadOnly } from '../helpers/live-env';
import { demoAccount } from '../helpers/sim-client';

// 12. Live reads say what NetSuite offers: record restrictions from `rolerestrictions` and the
// Support Role from `role.issupportrole`, each read when the account answers, and not verifiable
// (never "none" or "unchecked") when it does not or answers in a form whose meaning is unconfirmed.
// The simulator gives every plausible answer.

type Form = 'words' | 'segment-ids' | 'missing';
const POLICY = `version: 1
role: {scriptId: customrole_polytomic}
excess: ignore
settings:
  supportRole: false
recordRestrictions:
  DEPARTMENT: {restriction: OWNONLY, viewingAllowed: false}
  CLASS: NONE
`;

async function withAccount(form: Form, hidden: string[], run: (sim: Simulator, dir: string) => Promise<void>) {
  const sim = await startSimulator({
    fixture: demoAccount((doc) => {
      doc.account.suiteql = { roleRestrictions: form, hiddenRoleColumns: hidden };
      doc.roles[0].recordRestrictions = [{ segment: 'DEPARTMENT', restriction: 'OWNONLY', viewingAllowed: true }];
    }),
  });
  try {
    await run(sim, folderWith({ 'p.yaml': POLICY }));
    expectReadOnly(sim);
  } finally {
    await sim.stop();
  }
}

const audit = (sim: Simulator, dir: string, ...extra: string[]) => cli(['audit', '--policy', join(dir, 'p.yaml'), '--source', 'suiteql', '--format', 'json', ...extra], { cwd: dir, env: envFor(sim, 'auditor') });
// The Polytomic role is web-services-only and holds Access Token Management: that risk is not what these tests are about.
const findingsOf = (stdout: string) => JSON.parse(stdout).results[0].findings.filter((f: { code: string }) => f.code !== 'RISKY_PERMISSION').map((f: { code: string; setting?: string; actualValue?: string | null }) => [f.code, f.setting, f.actualValue]);

test('rolerestrictions in the words SDF writes: the line is read, and its Allow Viewing box is checked against the policy', async () => {
  await withAccount('words', [], async (sim, dir) => {
    const r = await audit(sim, dir);
    expect(r.code).toBe(1);
    expect(findingsOf(r.stdout)).toEqual([['RECORD_RESTRICTION_MISMATCH', 'recordRestrictions.DEPARTMENT.viewingAllowed', 'checked']]);
    expect(sim.log.entries.filter((e) => e.api === 'rest').map((e) => e.target)).toEqual(['role', 'rolepermissions', 'rolerestrictions']);
  });
});

test.each<[Form, string]>([
  ['segment-ids', 'a form whose meaning is unconfirmed'],
  ['missing', "rolerestrictions could not be read (REQUEST_REJECTED"],
])('rolerestrictions answering %s: the restrictions are not verifiable, with a note saying why', async (form, why) => {
  await withAccount(form, [], async (sim, dir) => {
    const r = await audit(sim, dir);
    expect(r.code).toBe(1);
    const result = JSON.parse(r.stdout).results[0];
    expect(result.status).toBe('unverified');
    expect(findingsOf(r.stdout)).toEqual([['NOT_VERIFIABLE', 'recordRestrictions.CLASS', null], ['NOT_VERIFIABLE', 'recordRestrictions.DEPARTMENT', null]]);
    expect(result.notes.join('\n')).toContain(why);
    // Accepting what could not be verified passes the run, and says so.
    expect((await audit(sim, dir, '--accept-unverified')).code).toBe(0);
  });
});

test.each<[string[], string]>([
  [[], 'pass'],
  [['issupportrole'], 'unverifiable'],
])('role.issupportrole hidden: %j -> the Support Role rule is %s', async (hidden, status) => {
  await withAccount('words', hidden, async (sim, dir) => {
    const r = await audit(sim, dir);
    expect(JSON.parse(r.stdout).results[0].rules).toContainEqual(expect.objectContaining({ id: 'setting:supportRole', status }));
  });
});

test('a fleet reads every role\'s restrictions in one request', async () => {
  await withAccount('words', [], async (sim) => {
    const t = sim.account.tokens.find((x) => x.name === 'auditor')!;
    const dir = folderWith({
      'p.yaml': POLICY.replace('role: {scriptId: customrole_polytomic}\n', ''),
      'ns-role-audit.config.yaml': JSON.stringify({ version: 1, connections: { demo: { accountId: sim.accountId, baseUrl: sim.url, consumerKeyEnv: 'CK', consumerSecretEnv: 'CS', tokenIdEnv: 'TI', tokenSecretEnv: 'TS' } }, audits: [{ policy: 'p.yaml', roles: ['customrole_polytomic*', 'customrole_ns_role_auditor'] }] }),
    });
    const env = { CK: t.integration.consumerKey, CS: t.integration.consumerSecret, TI: t.tokenId, TS: t.tokenSecret };
    const r = await cli(['audit', '--config', join(dir, 'ns-role-audit.config.yaml'), '--format', 'json'], { cwd: dir, env });
    const results = JSON.parse(r.stdout).results;
    expect(results.length).toBe(3);
    expect(sim.log.entries.filter((e) => e.target === 'rolerestrictions')).toHaveLength(1);
    // The role with the line fails on its box; the others are read as having no line at all.
    const restrictionFindings = (x: { role: { scriptId: string }; findings: Array<{ setting?: string; actualValue?: string }> }) =>
      [x.role.scriptId, x.findings.filter((f) => f.setting?.startsWith('recordRestrictions')).map((f) => `${f.setting}=${f.actualValue}`)];
    expect(results.map(restrictionFindings)).toEqual([
      ['customrole_polytomic', ['recordRestrictions.DEPARTMENT.viewingAllowed=checked']],
      ['customrole_polytomic_drifted', ['recordRestrictions.DEPARTMENT=NONE']],
      ['customrole_ns_role_auditor', ['recordRestrictions.DEPARTMENT=NONE']],
    ]);
  });
});

test('the API-only template pins Core Administration Permissions off', async () => {
  const template = join(__dirname, '..', '..', 'policies', 'templates', 'api-only-integration.yaml');
  const role = (core: string) => `<role scriptid="customrole_integration_template">\n  <coreadminpermission>${core}</coreadminpermission>\n  <iswebserviceonlyrole>T</iswebserviceonlyrole>\n  <name>Integration</name>\n  <permissions>\n${['ADMI_LOGIN_OAUTH', 'ADMI_WEBSERVICES', 'ADMI_RESTWEBSERVICES'].map((k) => `    <permission><permkey>${k}</permkey><permlevel>FULL</permlevel></permission>`).join('\n')}\n  </permissions>\n</role>\n`;
  const dir = folderWith({ 'on.xml': role('T'), 'off.xml': role('F') });
  const on = await cli(['audit', '--policy', template, '--role-file', join(dir, 'on.xml'), '--format', 'json'], { cwd: dir });
  expect(on.code).toBe(1);
  expect(JSON.parse(on.stdout).results[0].findings).toContainEqual(expect.objectContaining({ code: 'SETTING_MISMATCH', setting: 'coreAdminPermissions', actualValue: 'checked' }));
  expect((await cli(['audit', '--policy', template, '--role-file', join(dir, 'off.xml')], { cwd: dir })).code).toBe(0);
});
