/**
 * Built-in risk rules and segregation-of-duties rules, end to end through the report and every
 * format: what holds a risk, when it is acknowledged, how a policy raises, lowers or waives it;
 * conflicts from the shipped SoD pack, one-sided rules, and the fleet view of who holds what.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { auditSnapshot, buildReport } from '../../src/core/audit';
import { getCatalog } from '../../src/core/catalog';
import { FORMATS, FORMAT_NAMES } from '../../src/core/format';
import type { Policy, RolePermission, RoleSnapshot } from '../../src/core/model';
import { loadPolicy } from '../../src/core/policy';
import { RISK_RULES, RISKS_WITHOUT_ID } from '../../src/core/risk/rules';
import { PACKS_DIR } from '../../src/adapters/packs';

const files: Record<string, string> = { 'pack:sod': readFileSync(join(PACKS_DIR, 'sod.yaml'), 'utf8') };
function policyOf(text: string): Policy {
  return loadPolicy('p.yaml', { readText: (f) => (f === 'p.yaml' ? text : files[f]), resolveRef: (_f, r) => r, identity: (f) => f });
}
const role = (perms: Array<[string, RolePermission['level']]>, over: Partial<RoleSnapshot> = {}): RoleSnapshot => ({
  scriptId: 'customrole_int', name: 'Integration', flags: { webServicesOnly: true, inactive: false, doNotRestrictEmployeeFields: false }, settings: {},
  permissions: perms.map(([permkey, level]) => ({ permkey, level })), evidence: 'definition', origin: 'test', ...over,
});
function run(policyText: string, r: RoleSnapshot, account?: string) {
  const policy = policyOf(policyText);
  return auditSnapshot(policy, r, { selector: { scriptId: r.scriptId }, source: { kind: 'sdf', location: 'test', ...(account ? { account } : {}) }, today: '2026-11-27' });
}
const report = (results: ReturnType<typeof run>[]) => buildReport(results, { version: 't', generatedAt: '2026-11-27T00:00:00Z', failOn: 'error' });
const HEAD = 'version: 1\nrole: {scriptId: customrole_int}\nexcess: ignore\n';

describe('risk rules', () => {
  test.each([
    ['Core Administration Permissions', 'ADMI_KERNEL', /close to the Administrator role.*Oracle: "Use caution/],
    ['Access Token Management', 'ADMI_MANAGE_OAUTH_TOKENS', /tokens for other users.*two-factor/],
  ])('a web-services-only role holding %s gets RISKY_PERMISSION (warning) in every format', (name, id, words) => {
    const result = run(HEAD, role([[id, 'FULL'], ['ADMI_WEBSERVICES', 'FULL']]));
    const risky = result.findings.filter((f) => f.code === 'RISKY_PERMISSION');
    expect(risky.map((f) => [f.permission?.id, f.permission?.name, f.severity, f.accepted])).toEqual([[id, name, 'warning', undefined]]);
    expect(risky[0].detail).toMatch(words);
    expect(result.status).toBe('warnings');
    const rep = report([result]);
    expect(rep.summary.failed).toBe(false); // a warning: exit 0 at --fail-on error, 1 at warning
    for (const f of FORMAT_NAMES) expect({ f, shows: FORMATS[f].report(rep, { color: false }).includes(id) }).toEqual({ f, shows: true });
    expect(buildReport([result], { version: 't', generatedAt: 'x', failOn: 'warning' }).summary.failed).toBe(true);
  });

  test('a role that is not web-services-only, under a policy that does not ask for one, has no risk rule', () => {
    const result = run(HEAD, role([['ADMI_KERNEL', 'FULL']], { flags: { webServicesOnly: false, inactive: false } }));
    expect(result.rules.map((r) => r.id)).not.toContain('risk');
    expect(result.findings).toEqual([]);
  });

  test('the policy asking for webServicesOnly makes the rules apply even if the role is not (yet) one', () => {
    const result = run(`${HEAD}flags:\n  webServicesOnly: true\n`, role([['ADMI_KERNEL', 'FULL']], { flags: { webServicesOnly: false, inactive: false } }));
    expect(result.findings.map((f) => f.code).sort()).toEqual(['FLAG_MISMATCH', 'RISKY_PERMISSION']);
  });

  test('a permission the policy requires or allows is acknowledged: accepted, still reported, with where the policy asks for it', () => {
    const required = run(`${HEAD}permissions:\n  setup:\n    Access Token Management: Full\n`, role([['ADMI_MANAGE_OAUTH_TOKENS', 'FULL']]));
    expect(required.findings.map((f) => [f.code, f.accepted])).toEqual([['RISKY_PERMISSION', { by: 'policy', loc: { file: 'p.yaml', line: 6, column: 5 } }]]);
    expect([required.status, required.failed, required.counts.accepted]).toEqual(['compliant', false, 1]);
    const allowed = run(`${HEAD}allow:\n  Deleted Records: Full\n`, role([['ADMI_DELETEDRECORD', 'FULL']]));
    expect(allowed.findings.map((f) => f.accepted?.by)).toEqual(['policy']);
    const text = FORMATS.markdown.report(report([required]), { color: false });
    expect(text).toMatch(/### Acknowledged risks \(the policy asks for these\)\n\n- RISKY_PERMISSION: Access Token Management/);
    expect(text).toContain('No changes needed.');
  });

  test('policies raise, lower and waive risk rules', () => {
    const held = role([['ADMI_KERNEL', 'FULL'], ['ADMI_DELETEDRECORD', 'FULL'], ['LIST_MASSUPDATES', 'VIEW']]);
    const raised = run(`${HEAD}risks:\n  severity: error\n  permissions:\n    Deleted Records: info\n`, held);
    expect(raised.findings.map((f) => [f.permission?.id, f.severity])).toEqual(expect.arrayContaining([['ADMI_KERNEL', 'error'], ['ADMI_DELETEDRECORD', 'info'], ['LIST_MASSUPDATES', 'error']]));
    expect(raised.failed).toBe(true);
    const waived = run(`${HEAD}waivers:\n  - {code: RISKY_PERMISSION, permission: Core Administration Permissions, reason: vendor requires it (ticket 9), expires: 2027-01-31}\n`, held);
    expect(waived.findings.filter((f) => f.permission?.id === 'ADMI_KERNEL').map((f) => f.accepted?.by)).toEqual(['waiver']);
  });

  test('a severity for a permission not on the risk list is a policy error, not silently ignored', () => {
    let issues: Array<[string, number, string]> = [];
    try { policyOf(`${HEAD}risks:\n  permissions:\n    Items: error\n`); } catch (e) { issues = (e as { issues: Array<{ code: string; loc: { line: number }; message: string }> }).issues.map((i) => [i.code, i.loc.line, i.message]); }
    expect(issues).toEqual([['NOT_A_RISK_RULE', 6, 'Items (LIST_ITEM) is not on the built-in risk list, so a severity for it changes nothing']]);
  });

  test('only a policy that asks for a web-services-only role (not one that forbids it) turns the rules on for a UI role', () => {
    const ui = role([['ADMI_KERNEL', 'FULL']], { flags: { webServicesOnly: false, inactive: false } });
    expect(run(`${HEAD}flags:\n  webServicesOnly: false\n`, ui).rules.map((r) => r.id)).not.toContain('risk');
    expect(run(HEAD, role([['ADMI_KERNEL', 'FULL']])).rules.find((r) => r.id === 'risk')).toEqual(expect.objectContaining({ title: 'No high-risk permission on a web-services-only role (built-in risk rules)', kind: 'risk', status: 'warn' }));
  });

  test('a ceiling or a None requirement does not acknowledge a risk: only asking for the permission does', () => {
    const held = role([['ADMI_MANAGE_OAUTH_TOKENS', 'FULL']]);
    expect(run(`${HEAD}permissions:\n  setup:\n    Access Token Management: {max: Full}\n`, held).findings.map((f) => [f.code, f.accepted])).toEqual([['RISKY_PERMISSION', undefined]]);
    expect(run(`${HEAD}permissions:\n  setup:\n    Access Token Management: {min: None, max: Full}\n`, held).findings.map((f) => [f.code, f.accepted])).toEqual([['RISKY_PERMISSION', undefined]]);
  });

  test('a level threshold: SuiteScript at View is not a risk, at Create it is', () => {
    expect(run(HEAD, role([['ADMI_CUSTOMSCRIPT', 'VIEW']])).findings).toEqual([]);
    expect(run(HEAD, role([['ADMI_CUSTOMSCRIPT', 'CREATE']])).findings.map((f) => f.code)).toEqual(['RISKY_PERMISSION']);
  });

  test('over SOAP probes, what cannot be seen is said (at the risk severity), never passed', () => {
    const result = run(HEAD, role([['ADMI_WEBSERVICES', 'VIEW']], { evidence: 'effective-access' }));
    const unseen = result.findings.filter((f) => f.rule === 'risk');
    expect(unseen.map((f) => [f.code, f.severity, f.detail])).toEqual([['NOT_VERIFIABLE', 'warning', `held high-risk permissions cannot be seen with effective-access probes (${RISK_RULES.length} rules, 0 seen)`]]);
    expect(result.status).toBe('unverified');
  });

  test('over SOAP probes, the risk permissions a read did show are counted as seen, and reported', () => {
    const result = run(HEAD, role([['ADMI_KERNEL', 'VIEW']], { evidence: 'effective-access' }));
    expect(result.findings.filter((f) => f.rule === 'risk').map((f) => f.code === 'NOT_VERIFIABLE' ? f.detail : f.code))
      .toEqual([`held high-risk permissions cannot be seen with effective-access probes (${RISK_RULES.length} rules, 1 seen)`, 'RISKY_PERMISSION']);
  });

  test('another flag the policy asks for does not make a UI role an integration role', () => {
    const ui = role([['ADMI_KERNEL', 'FULL']], { flags: { webServicesOnly: false, inactive: false, doNotRestrictEmployeeFields: true } });
    expect(run(`${HEAD}flags:\n  doNotRestrictEmployeeFields: true\n`, ui).rules.map((r) => r.id)).not.toContain('risk');
  });

  test('a risk permission listed at None is not held; a rule without Oracle\'s words says only its reason', () => {
    expect(run(HEAD, role([['ADMI_KERNEL', 'NONE']])).findings).toEqual([]);
    const oauth2 = RISK_RULES.find((r) => r.id === 'ADMI_MANAGE_OAUTH2')!;
    expect(oauth2.oracle).toBeUndefined();
    expect(run(HEAD, role([['ADMI_MANAGE_OAUTH2', 'FULL']])).findings.map((f) => f.detail)).toEqual([oauth2.reason]);
  });

  test('every rule names a catalogued permission and a source; the ones without an ID are listed in the README', () => {
    for (const r of RISK_RULES) {
      expect({ id: r.id, known: !!getCatalog().byId(r.id) }).toEqual({ id: r.id, known: true });
      expect(r.source).toMatch(/Oracle/);
    }
    expect(new Set(RISK_RULES.map((r) => r.id)).size).toBe(RISK_RULES.length);
    const readme = readFileSync(join(__dirname, '..', '..', 'policies', 'README.md'), 'utf8');
    for (const name of RISKS_WITHOUT_ID) expect(readme).toContain(name);
    for (const r of RISK_RULES) expect(readme).toContain(`\`${r.id}\``);
  });
});

describe('segregation of duties', () => {
  const withSod = `${HEAD}extends: [pack:sod]\n`;

  test('Vendors at Full and Pay Bills: SOD_CONFLICT from the shipped pack, naming both sides, in every format', () => {
    const result = run(withSod, role([['LIST_VENDOR', 'FULL'], ['TRAN_VENDPYMT', 'FULL']]));
    const sod = result.findings.filter((f) => f.code === 'SOD_CONFLICT');
    expect(sod.map((f) => f.conflict)).toEqual([{
      name: 'Create vendors and pay them',
      any: [{ id: 'LIST_VENDOR', name: 'Vendors', subtab: 'lists', level: 'FULL' }],
      with: [{ id: 'TRAN_VENDPYMT', name: 'Pay Bills', subtab: 'transactions', level: 'FULL' }],
    }]);
    expect(sod[0].severity).toBe('error');
    expect(result.rules.find((r) => r.id === 'conflict:Create vendors and pay them')).toEqual(expect.objectContaining({
      kind: 'conflict', status: 'fail', title: "Conflict 'Create vendors and pay them': not Vendors (Create or above) together with Pay Bills (Create or above) or Check (Create or above)",
    }));
    expect(sod[0].message ?? '').toBe('');
    const rep = report([result]);
    const message = rep.results[0].findings.find((f) => f.code === 'SOD_CONFLICT')!.message!;
    expect(message).toMatch(/^Conflict 'Create vendors and pay them': the role holds Vendors \(LIST_VENDOR\) at Full together with Pay Bills \(TRAN_VENDPYMT\) at Full\. Set up a fictitious vendor/);
    expect(rep.summary.failed).toBe(true);
    for (const f of FORMAT_NAMES) expect({ f, shows: FORMATS[f].report(rep, { color: false }).includes('Create vendors and pay them') }).toEqual({ f, shows: true });
  });

  test('the finding says where the rule comes from, and when the permissions are our mapping of the source\'s duties', () => {
    const detail = (name: string, perms: Array<[string, RolePermission['level']]>) => run(withSod, role(perms)).findings.find((f) => f.conflict?.name === name)!.detail;
    expect(detail('Create vendors and pay them', [['LIST_VENDOR', 'FULL'], ['TRAN_VENDPYMT', 'FULL']])).toBe('Set up a fictitious vendor and pay it: the classic disbursement fraud. (source: a2q2.com, NetSuite SoD part 4 (Check x Vendors); suiterx.cc; sixstrong.io; Oracle Payment Automation role split)');
    expect(detail('Enter vendor bills and pay them', [['TRAN_VENDBILL', 'FULL'], ['TRAN_VENDPYMT', 'FULL']])).toBe('Duplicate or fraudulent payments with no second approver. (source: suiterx.cc; sixstrong.io; permission mapping ours)');
    expect(run(`${HEAD}conflicts:\n  - {name: y, reason: because, any: {Vendors: Full}}\n`, role([['LIST_VENDOR', 'FULL']])).findings[0].detail).toBe('because');
  });

  test('one side alone, or a side below its level, is no conflict', () => {
    expect(run(withSod, role([['LIST_VENDOR', 'FULL']])).findings).toEqual([]);
    expect(run(withSod, role([['LIST_VENDOR', 'VIEW'], ['TRAN_VENDPYMT', 'FULL']])).findings).toEqual([]);
  });

  test('several sides held: one finding per rule, listing every holding', () => {
    const result = run(withSod, role([['LIST_VENDOR', 'EDIT'], ['TRAN_VENDPYMT', 'CREATE'], ['TRAN_CHECK', 'FULL'], ['TRAN_VENDBILL', 'FULL']]));
    const names = result.findings.map((f) => f.conflict?.name).sort();
    expect(names).toEqual(['Create vendor bills and maintain the vendor master', 'Create vendors and pay them', 'Enter vendor bills and pay them']);
    expect(result.findings.find((f) => f.conflict?.name === 'Create vendors and pay them')!.conflict!.with!.map((p) => p.id)).toEqual(['TRAN_VENDPYMT', 'TRAN_CHECK']);
  });

  test('a one-sided rule, a severity of its own, and a waiver naming the conflict', () => {
    const p = `${HEAD}conflicts:\n  - name: No journal entries at all\n    reason: the integration only reads\n    severity: warning\n    any: {Make Journal Entry: Create}\n`;
    const result = run(p, role([['TRAN_JOURNAL', 'FULL']]));
    expect(result.findings.map((f) => [f.code, f.severity, f.conflict?.with])).toEqual([['SOD_CONFLICT', 'warning', undefined]]);
    const waived = run(`${p}waivers:\n  - {code: SOD_CONFLICT, conflict: No journal entries at all, reason: compensating control C-12, expires: 2027-03-31}\n`, role([['TRAN_JOURNAL', 'FULL']]));
    expect(waived.findings.map((f) => f.accepted?.by)).toEqual(['waiver']);
  });

  test('a fleet: which roles hold which conflicts across accounts, in the report and its formats', () => {
    const a = run(withSod, role([['LIST_VENDOR', 'FULL'], ['TRAN_VENDPYMT', 'FULL']], { name: 'AP sync' }), 'ACCT1');
    const b = run(withSod, role([['LIST_VENDOR', 'CREATE'], ['TRAN_CHECK', 'CREATE'], ['TRAN_JOURNAL', 'FULL'], ['TRAN_JOURNALAPPRV', 'CREATE']], { name: 'Bank feed' }), 'ACCT2');
    const c = run(withSod, role([['LIST_ITEM', 'FULL']], { name: 'Catalog' }), 'ACCT2');
    const rep = report([a, b, c]);
    expect(rep.conflicts).toEqual([
      { name: 'Create vendors and pay them', roles: [{ role: 'AP sync', account: 'ACCT1', accepted: false }, { role: 'Bank feed', account: 'ACCT2', accepted: false }] },
      { name: 'Make journal entries and approve them', roles: [{ role: 'Bank feed', account: 'ACCT2', accepted: false }] },
    ]);
    expect(FORMATS.table.report(rep, { color: false })).toMatch(/Segregation-of-duties conflicts across the run:\n {2}Create vendors and pay them: 2 roles\n {4}AP sync \(account ACCT1\)\n {4}Bank feed \(account ACCT2\)/);
    expect(FORMATS.markdown.report(rep, { color: false })).toContain('| Create vendors and pay them | AP sync (account ACCT1)<br>Bank feed (account ACCT2) |');
    expect(FORMATS.html.report(rep, { color: false })).toMatch(/<table class="matrix" id="sod">.*Create vendors and pay them/s);
    expect(JSON.parse(FORMATS.json.report(rep, { color: false })).conflicts).toEqual(rep.conflicts);
  });

  test('over SOAP probes a conflict that cannot be seen is NOT_VERIFIABLE, not a pass', () => {
    const result = run(`${HEAD}conflicts:\n  - {name: x, reason: because, any: {Vendors: Create}, with: {Pay Bills: Create}}\n`, role([['LIST_VENDOR', 'VIEW']], { evidence: 'effective-access' }));
    expect(result.findings.filter((f) => f.rule === 'conflict:x')).toEqual([{
      code: 'NOT_VERIFIABLE', severity: 'error', rule: 'conflict:x', loc: { file: 'p.yaml', line: 5, column: 5 }, conflict: { name: 'x', any: [] },
      detail: 'segregation of duties needs the role definition; effective-access probes cannot show every holding',
    }]);
  });

  test('policy errors: an unknown permission in a side, None as a level, two rules of one name', () => {
    const issues = (t: string) => { try { policyOf(`${HEAD}${t}`); return []; } catch (e) { return (e as { issues: Array<{ code: string; loc: { line: number } }> }).issues.map((i) => [i.code, i.loc.line]); } };
    expect(issues('conflicts:\n  - name: a\n    reason: because\n    any: {Vendorz: Create}\n')).toEqual([['UNKNOWN_PERMISSION', 7]]);
    expect(issues('conflicts:\n  - name: a\n    reason: because\n    any: {Vendors: None}\n')).toEqual([['INVALID_VALUE', 7]]);
    expect(issues('conflicts:\n  - {name: a, reason: because, any: {Vendors: Full}}\n  - {name: a, reason: because, any: {Items: Full}}\n')).toEqual([['DUPLICATE_CONFLICT', 6]]);
  });
});
