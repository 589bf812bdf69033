import { join } from 'node:path';
import { cli, folderWith } from '../helpers/cli-in-process';

// A policy says what it reads as: wording that reads as a ban is a ban, wording that accepts more
// than it seems to is a warning (fatal with validate --strict), and a waiver accepts only what it
// names, saying so wherever it shows.

const SNAPSHOT = `kind: ns-role-audit/role-snapshot
version: 1
roles:
  - scriptId: customrole_x
    flags: {webServicesOnly: true, inactive: false}
    permissions:
      - {permkey: TRAN_SALESORD, level: VIEW}
      - {permkey: TRAN_CUSTRFND, level: FULL}
`;
const policy = (permissions: string, extra = '') => `version: 1\nrole: {scriptId: customrole_x}\nflags: {webServicesOnly: true}\nexcess: fail\npermissions:\n  transactions:\n    Sales Order: View\n${permissions}${extra}`;

async function run(policyText: string, args: string[] = [], snapshot = SNAPSHOT) {
  const dir = folderWith({ 'policy.yaml': policyText, 'role.yaml': snapshot });
  const audit = await cli(['audit', '--policy', join(dir, 'policy.yaml'), '--role-file', join(dir, 'role.yaml'), '--format', 'json', ...args], { cwd: dir });
  const validate = await cli(['validate', join(dir, 'policy.yaml')], { cwd: dir });
  const strict = await cli(['validate', '--strict', join(dir, 'policy.yaml')], { cwd: dir });
  return { audit, validate, strict, report: audit.stdout ? JSON.parse(audit.stdout) : undefined };
}

describe('3. a bare None is a ban', () => {
  test.each([['None'], ['none'], ['NONE']])('Customer Refunds: %s fails a role holding it at Full', async (word) => {
    const { audit, report } = await run(policy(`    Customer Refunds: ${word}\n`));
    expect(audit.code).toBe(1);
    expect(report.results[0].findings).toContainEqual(expect.objectContaining({ code: 'LEVEL_ABOVE_MAX', permission: expect.objectContaining({ id: 'TRAN_CUSTRFND' }), expectedMax: 'NONE', actualLevel: 'FULL' }));
  });

  test('{max: None} is a ban too, and its message says so in words', async () => {
    const { audit, report } = await run(policy('    Customer Refunds: {max: None}\n'));
    expect(audit.code).toBe(1);
    const f = report.results[0].findings.find((x: { code: string }) => x.code === 'LEVEL_ABOVE_MAX');
    expect(f.message).toBe('Customer Refund (TRAN_CUSTRFND) is Full; the policy does not allow it at any level.');
  });

  test('the ban holds under excess: ignore too', async () => {
    const { audit } = await run(policy('    Customer Refunds: None\n').replace('excess: fail', 'excess: ignore'));
    expect(audit.code).toBe(1);
  });

  test('{min: None} alone validates with a warning that says what it reads as; --strict fails on it', async () => {
    const { audit, validate, strict, report } = await run(policy('    Customer Refunds: {min: None}\n'));
    expect(validate.code).toBe(0);
    expect(validate.stdout).toMatch(/policy\.yaml:8:5: warning LEVEL_ASKS_NOTHING: \{min: None\} asks nothing: the role may hold Customer Refund at any level/);
    expect(validate.stdout).toContain("write 'None' (or {exact: None}) to ban it");
    expect(strict.code).toBe(1);
    // The audit passes (the policy says so), and says what the policy reads as.
    expect(audit.code).toBe(0);
    expect(audit.stderr).toContain('warning LEVEL_ASKS_NOTHING');
    expect(report.results[0].notes.join('\n')).toContain('LEVEL_ASKS_NOTHING');
  });

  test('allowing up to None is a warning', async () => {
    const { strict } = await run(policy('', 'allow:\n  Customer Refunds: None\n'));
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain('warning LEVEL_ASKS_NOTHING: allowing Customer Refund up to None allows nothing');
  });

  test('a conflict side at a level the permission never offers is a warning naming the level it counts from', async () => {
    const { validate, strict } = await run(policy('', 'conflicts:\n  - name: p\n    reason: two hands\n    any: {Customer Refunds: View}\n    with: {SOAP Web Services: View}\n'));
    expect(validate.code).toBe(0);
    expect(strict.code).toBe(1);
    expect(validate.stdout).toContain('warning LEVEL_NOT_OFFERED: SOAP Web Services (ADMI_WEBSERVICES) is never granted at View; NetSuite offers None, Full, so this side counts it from Full');
  });
});

describe('7. a NOT_VERIFIABLE waiver names what it accepts', () => {
  const unseen = SNAPSHOT.replace('flags: {webServicesOnly: true, inactive: false}', 'flags: {webServicesOnly: true, inactive: false}\n    settings: {}');
  const pins = 'settings:\n  coreAdminPermissions: false\nrecordRestrictions:\n  DEPARTMENT: NONE\n';
  const waiver = (target: string) => `waivers:\n  - code: NOT_VERIFIABLE\n${target}    reason: the snapshot tool cannot read these\n    expires: 2027-01-31\n`;

  test('one without a target is refused at its line', async () => {
    const { audit, validate } = await run(policy('    Customer Refunds: Full\n', pins + waiver('')), [], unseen);
    expect(validate.code).toBe(2);
    expect(validate.stdout).toMatch(/policy\.yaml:\d+:5: error WAIVER_TARGET_MISSING: a NOT_VERIFIABLE waiver must name the rule it covers/);
    expect(audit.code).toBe(2);
  });

  test('one with a target accepts only that finding; the others still fail the run', async () => {
    const { audit, report } = await run(policy('    Customer Refunds: Full\n', pins + waiver('    setting: DEPARTMENT\n')), [], unseen);
    expect(audit.code).toBe(1);
    const nv = report.results[0].findings.filter((f: { code: string }) => f.code === 'NOT_VERIFIABLE');
    expect(nv.map((f: { setting: string; accepted?: { by: string; covers: string } }) => [f.setting, f.accepted?.covers ?? null])).toEqual([
      ['coreAdminPermissions', null],
      ['recordRestrictions.DEPARTMENT', 'NOT_VERIFIABLE on recordRestrictions.DEPARTMENT'],
    ]);
  });

  test('rule: names a policy-wide rule, and the acceptance says so in the table', async () => {
    const { audit } = await run(policy('    Customer Refunds: Full\n', pins + waiver('    setting: DEPARTMENT\n') + waiver('    setting: coreAdminPermissions\n').replace('waivers:\n', '')));
    expect(audit.code).toBe(0);
    const dir = folderWith({ 'policy.yaml': policy('    Customer Refunds: Full\n', pins + waiver('    setting: DEPARTMENT\n')), 'role.yaml': unseen });
    const table = await cli(['audit', '--policy', join(dir, 'policy.yaml'), '--role-file', join(dir, 'role.yaml')], { cwd: dir });
    expect(table.stdout).toContain('Waived (NOT_VERIFIABLE on recordRestrictions.DEPARTMENT) until 2027-01-31: the snapshot tool cannot read these');
  });
});

describe('waivers that cannot be what their author meant are warnings', () => {
  test('a waiver more than a year ahead', async () => {
    const { validate, strict } = await run(policy('', 'waivers:\n  - {code: PERMISSION_EXCESS, permission: Customer Refunds, reason: migrating, expires: 2031-01-01}\n'));
    expect(validate.code).toBe(0);
    expect(validate.stdout).toMatch(/warning WAIVER_FAR_AHEAD: this waiver holds until 2031-01-01, more than a year from today \(2026-12-01\)/);
    expect(strict.code).toBe(1);
  });

  test('a waiver for a rule the policy does not have', async () => {
    const { strict } = await run(policy('', 'waivers:\n  - {code: LEVEL_TOO_LOW, permission: Invoice, reason: raised next sprint, expires: 2027-01-01}\n'));
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain('warning WAIVER_MATCHES_NO_RULE: this LEVEL_TOO_LOW waiver can never apply: the policy does not require Invoice');
  });

  test('a clean policy has no warnings and passes --strict', async () => {
    const { strict } = await run(policy('    Customer Refunds: Full\n'));
    expect(strict.code).toBe(0);
    expect(strict.stdout).not.toContain('warning');
  });
});
