import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { auditSnapshot } from '../../src/core/audit';
import { compareRoles } from '../../src/core/compare';
import { FLAGS, ROLE_SETTINGS, SETTING_KEYS, type RoleSnapshot } from '../../src/core/model';
import { mergePolicyLayers, parsePolicyLayer } from '../../src/core/policy';
import { formatStarterPolicy } from '../../src/core/policy/starter';
import { parseSdfRole } from '../../src/core/role/sdf';
import { runCli } from '../helpers/run-cli';

// The project's own corpus (test/fixtures/role-corpus), modelled on real exports: every field
// is read, every key form understood, and every setting that differs is seen by compare and by
// a policy that pins it.
const dir = join(__dirname, '..', 'fixtures', 'role-corpus');
const FULL = 'customrole_acme_integration.xml';
const text = (f: string) => readFileSync(join(dir, f), 'utf8');
const parse = (f: string, t = text(f)) => parseSdfRole(f, t);

/** A starter policy pulled from a role, loaded as audits load it. */
function starterPolicyOf(role: RoleSnapshot) {
  const yaml = formatStarterPolicy(role, { source: 'test', capturedAt: '2026-11-27T00:00:00Z', schemaPath: 'x' });
  const { layer, issues } = parsePolicyLayer('starter.yaml', yaml);
  expect(issues).toEqual([]);
  return mergePolicyLayers([layer!]);
}
const audit = (policy: ReturnType<typeof starterPolicyOf>, role: RoleSnapshot) => auditSnapshot(policy, role, { selector: policy.role, source: { kind: 'sdf', location: 'x' }, today: '2026-11-27' });

test('every field of a full export is read: settings, flags, custom fields, record restrictions, restrictions, every key form', () => {
  const r = parse(FULL);
  expect(r.flags).toEqual({ webServicesOnly: true, doNotRestrictEmployeeFields: true, inactive: false });
  expect(Object.keys(r.settings).sort()).toEqual([...SETTING_KEYS].sort());
  expect(r.settings).toMatchObject({ centerType: 'ACCOUNTCENTER', coreAdminPermissions: false, parentRole: 'AP_CLERK', twoFactorRequired: 'OFF', subsidiaryOption: 'ALL' });
  expect(r.customFields).toEqual({ custrecord_acme_sync_enabled: 'T' });
  expect(r.recordRestrictions).toEqual([
    { segment: 'DEPARTMENT', restriction: 'OWNONLY', viewingAllowed: true, itemsRestricted: false },
    { segment: 'LOCATION', restriction: 'OWNONLY', viewingAllowed: false, itemsRestricted: false },
  ]);
  const ids = r.permissions.map((p) => p.permkey);
  expect(ids).toEqual(expect.arrayContaining(['customsale_acme_quote', 'custompurchase_acme_request', 'customrecord_acme_sync_log', 'cseg_acme_region', 'GRAP_AR', 'LIST_OTHER_ADDRESS']));
  expect(r.permissions.find((p) => p.permkey === 'TRAN_SALESORD')?.restriction).toBe('VIEWANDEDIT');
});

test('a custom center, a SuiteApp\'s records and a hand-written file', () => {
  const portal = parse('customrole_acme_portal_admin.xml');
  expect(portal.settings.centerType).toBe('custcenter_acme_portal');
  expect(portal.permissions.filter((p) => p.appId === 'com.acme.portal').map((p) => p.permkey)).toEqual(['customrecord_acme_portal_user', 'customrecord_acme_portal_page']);
  const hand = parse('customrole_acme_handwritten.xml');
  expect(hand.permissions.map((p) => p.permkey)).toEqual(['REPO_ANALYTICS', 'customrecord_acme_kpi', 'TRAN_FIND']);
  // Absent booleans take NetSuite's default; an absent enum stays unknown, never guessed.
  expect(hand.settings.coreAdminPermissions).toBe(false);
  expect(hand.settings.centerType).toBeUndefined();
});

test.each(readdirSync(dir).filter((f) => f.endsWith('.xml')))('round trip: the starter policy pulled from %s validates and passes that role', (f) => {
  const role = parse(f);
  const result = audit(starterPolicyOf(role), role);
  // Risky permissions the starter policy requires are acknowledged (accepted by the policy), never open.
  expect(result.findings.filter((x) => x.severity !== 'info' && x.code !== 'NOT_VERIFIABLE' && x.accepted?.by !== 'policy')).toEqual([]);
  expect(result.findings.filter((x) => x.code === 'RISKY_PERMISSION').every((x) => x.accepted?.by === 'policy')).toBe(true);
  expect(result.failed).toBe(false);
});

/** Every change a role can go through that NetSuite would treat as another role, as an edit of the file's text. */
const FLIPS: Array<[string, (t: string) => string]> = [
  ...FLAGS.map((f): [string, (t: string) => string] => {
    const el = { webServicesOnly: 'iswebserviceonlyrole', doNotRestrictEmployeeFields: 'employeeselectionunrestricted', inactive: 'isinactive' }[f];
    return [`flag ${f}`, (t) => t.replace(new RegExp(`<${el}>(T|F)</${el}>`), (_m, v) => `<${el}>${v === 'T' ? 'F' : 'T'}</${el}>`)];
  }),
  ...SETTING_KEYS.map((k): [string, (t: string) => string] => {
    const def = ROLE_SETTINGS[k];
    const other = def.type === 'boolean' ? undefined : def.type === 'enum' ? def.values!.find((v) => v !== parse(FULL).settings[k]) : 'SOMETHING_ELSE';
    return [`setting ${k}`, (t) => t.replace(new RegExp(`<${def.sdf}>([^<]*)</${def.sdf}>`), (_m, v) => `<${def.sdf}>${def.type === 'boolean' ? (v === 'T' ? 'F' : 'T') : other}</${def.sdf}>`)];
  }),
  ['custom field', (t) => t.replace('<custrecord_acme_sync_enabled>T<', '<custrecord_acme_sync_enabled>F<')],
  ['record restriction removed', (t) => t.replace(/<recordrestriction>\s*<itemsrestricted>F<\/itemsrestricted>\s*<restriction>OWNONLY<\/restriction>\s*<segment>LOCATION<\/segment>\s*<viewingallowed>F<\/viewingallowed>\s*<\/recordrestriction>/, '')],
  ['record restriction changed', (t) => t.replace('<restriction>OWNONLY</restriction>\n      <segment>DEPARTMENT', '<restriction>UNASSIGNED</restriction>\n      <segment>DEPARTMENT')],
  ['record restriction viewing allowed', (t) => t.replace('<segment>DEPARTMENT</segment>\n      <viewingallowed>T<', '<segment>DEPARTMENT</segment>\n      <viewingallowed>F<')],
  ['a permission line\'s restriction', (t) => t.replace('<restriction>VIEWANDEDIT</restriction>', '<restriction>EDIT</restriction>')],
  ['a custom transaction type\'s level', (t) => t.replace(/(customsale_acme_quote\]<\/permkey>\s*<permlevel>)EDIT/, '$1VIEW')],
  ['a custom segment removed', (t) => t.replace(/<permission>\s*<permkey>\[type=customsegment, scriptid=cseg_acme_region\]<\/permkey>\s*<permlevel>VIEW<\/permlevel>\s*<\/permission>/, '')],
];

describe.each(FLIPS)('%s', (name, flip) => {
  const original = text(FULL);
  const changed = flip(original);

  test('is a real change of the file', () => {
    expect(changed).not.toBe(original);
  });

  test('compare sees it (exit 1 from the CLI)', () => {
    expect(compareRoles(parse(FULL), parse(FULL, changed), { leftLabel: 'a', rightLabel: 'b', generatedAt: 'x' }).equal).toBe(false);
    const tmp = mkdtempSync(join(tmpdir(), 'corpus-'));
    writeFileSync(join(tmp, 'a.xml'), original);
    writeFileSync(join(tmp, 'b.xml'), changed);
    const r = runCli(['compare', '--role-file', join(tmp, 'a.xml'), '--with-file', join(tmp, 'b.xml')]);
    expect({ name, code: r.code }).toEqual({ name, code: 1 });
  });

  if (name !== 'custom field' && name !== 'record restriction viewing allowed') {
    test('a policy pinning it fails', () => {
      const policy = starterPolicyOf(parse(FULL));
      expect(audit(policy, parse(FULL)).failed).toBe(false);
      expect(audit(policy, parse(FULL, changed)).failed).toBe(true);
    });
  }
});

test('the same role twice compares equal (exit 0)', () => {
  const r = runCli(['compare', '--role-file', join(dir, FULL), '--with-file', join(dir, FULL)]);
  expect(r.code).toBe(0);
});

test('a role holding a level the role page does not offer (Workbook at Full, as real exports do) still gets a starter policy that validates and passes', () => {
  const role = parse('x.xml', '<role scriptid="customrole_x"><name>X</name><permissions><permission><permkey>REPO_ANALYTICS</permkey><permlevel>FULL</permlevel></permission><permission><permkey>REPO_TRAN</permkey><permlevel>EDIT</permlevel></permission></permissions></role>');
  const policy = starterPolicyOf(role);
  expect(policy.rules.map((r) => `${r.id} ${r.min}`)).toEqual(['REPO_ANALYTICS EDIT', 'REPO_TRAN VIEW']);
  expect(audit(policy, role).failed).toBe(false);
});
