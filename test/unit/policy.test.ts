import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parsePolicyLayer } from '../../src/core/policy';
import { readPolicy } from '../../src/adapters/read-policy';
import { AuditError } from '../../src/core/errors';

/** Issues as [code, line, column], in file order. */
function issuesOf(text: string): Array<[string, number, number]> {
  return parsePolicyLayer('p.yaml', text).issues.map((i) => [i.code, i.loc.line, i.loc.column]);
}

describe('policy: every problem at once, positioned', () => {
  test.each<[string, string, Array<[string, number, number]>]>([
    ['misspelt permission', 'permissions:\n  transactions:\n    Cash Sal: View\n', [['UNKNOWN_PERMISSION', 3, 5]]],
    ['permission on the wrong subtab', 'permissions:\n  transactions:\n    Customers: Full\n', [['WRONG_SUBTAB', 3, 5]]],
    ['level that is not a level', 'permissions:\n  lists:\n    Items: Viewer\n', [['INVALID_VALUE', 3, 12]]],
    ['impossible level (Workbook is None/Edit)', 'permissions:\n  reports:\n    SuiteAnalytics Workbook: View\n', [['IMPOSSIBLE_LEVEL', 3, 30]]],
    ['impossible level (SOAP Web Services is None/Full)', 'permissions:\n  setup:\n    SOAP Web Services: View\n', [['IMPOSSIBLE_LEVEL', 3, 24]]],
    ['impossible exact None (Employee Record has no None)', 'permissions:\n  lists:\n    Employee Record: {exact: None}\n', [['IMPOSSIBLE_LEVEL', 3, 22]]],
    ['min above max', 'permissions:\n  lists:\n    Items: {min: Full, max: View}\n', [['MIN_ABOVE_MAX', 3, 12]]],
    ['exact with min', 'permissions:\n  lists:\n    Items: {exact: View, min: View}\n', [['CONFLICTING_LEVELS', 3, 12]]],
    ['same permission twice under two names', 'permissions:\n  transactions:\n    Customer Payments: View\n    TRAN_CUSTPYMT: Full\n', [['DUPLICATE_PERMISSION', 4, 5]]],
    ['duplicate YAML key', 'permissions:\n  lists:\n    Items: View\n    Items: Full\n', [['DUPLICATE_KEY', 4, 5]]],
    ['unknown top-level field', 'permisions: {}\n', [['UNKNOWN_FIELD', 1, 1]]],
    ['unknown flag', 'flags:\n  webServiceOnly: true\n', [['UNKNOWN_FIELD', 2, 3]]],
    ['flag not a boolean', 'flags:\n  webServicesOnly: yes\n', [['WRONG_TYPE', 2, 20]]],
    ['bad excess mode', 'excess: fial\n', [['INVALID_VALUE', 1, 9]]],
    ['a restriction that is not text: one issue, at the restriction', 'permissions:\n  transactions:\n    Invoice: {min: View, restriction: 5}\n', [['WRONG_TYPE', 3, 39]]],
    ['misspelt setting', 'settings:\n  coreAdminPermission: false\n', [['UNKNOWN_FIELD', 2, 3]]],
    ['setting value not one NetSuite has', 'settings:\n  twoFactorRequired: [SMS, TOTPP]\n', [['INVALID_VALUE', 2, 28]]],
    ['center type not a center', 'settings:\n  centerType: WEBSERVICE\n', [['INVALID_VALUE', 2, 15]]],
    ['boolean setting not a boolean', 'settings:\n  coreAdminPermissions: no\n', [['WRONG_TYPE', 2, 25]]],
    ['unknown record segment', 'recordRestrictions:\n  DEPARTMENTS: NONE\n', [['UNKNOWN_FIELD', 2, 3]]],
    ['custom record on Transactions', 'permissions:\n  transactions:\n    customrecord_x: View\n', [['WRONG_SUBTAB', 3, 5]]],
    ['custom transaction type on Custom Record', 'permissions:\n  customRecords:\n    "[scriptid=customsale_quote]": View\n', [['WRONG_SUBTAB', 3, 5]]],
    ['a typo of a known ID is not trusted as a new one', 'permissions:\n  transactions:\n    TRAN_SALESORDD: View\n', [['UNKNOWN_PERMISSION', 3, 5]]],
    ['a marker is not a permission', 'permissions:\n  customRecords:\n    NONE_NEEDED: View\n', [['IMPOSSIBLE_LEVEL', 3, 18]]],
    ['setting waiver without its setting', 'waivers:\n  - code: SETTING_MISMATCH\n    reason: vendor asks\n    expires: 2027-01-01\n', [['WAIVER_TARGET_MISSING', 2, 5]]],
    ['bad role script id', 'role:\n  scriptId: custom role\n', [['INVALID_VALUE', 2, 13]]],
    ['empty role', 'role: {}\n', [['MISSING_FIELD', 1, 7]]],
    ['waiver without reason', 'waivers:\n  - code: PERMISSION_EXCESS\n    permission: Items\n    expires: 2027-01-01\n', [['MISSING_FIELD', 2, 5]]],
    ['waiver with unknown code', 'waivers:\n  - code: MISSING\n    permission: Items\n    reason: vendor asks\n    expires: 2027-01-01\n', [['INVALID_VALUE', 2, 11]]],
    ['waiver date not a date', 'waivers:\n  - code: PERMISSION_EXCESS\n    permission: Items\n    reason: vendor asks\n    expires: 2027-02-30\n', [['INVALID_DATE', 5, 14]]],
    ['waiver for a permission code without a permission', 'waivers:\n  - code: LEVEL_TOO_LOW\n    reason: vendor asks\n    expires: 2027-01-01\n', [['WAIVER_TARGET_MISSING', 2, 5]]],
    ['allow with an unknown permission', 'allow:\n  Perform Serch: View\n', [['UNKNOWN_PERMISSION', 2, 3]]],
    ['allow overlapping a rule', 'permissions:\n  lists:\n    Items: View\nallow:\n  Items: Full\n', [['ALLOW_OVERLAPS_RULE', 5, 3]]],
    ['YAML syntax error', 'permissions:\n  lists:\n    Items: [View\n', [['YAML_SYNTAX', 4, 1]]],
    ['several problems reported together', 'excess: fial\npermissions:\n  transactions:\n    Cash Sal: View\n    Invoice: Fll\n',
      [['INVALID_VALUE', 1, 9], ['UNKNOWN_PERMISSION', 4, 5], ['INVALID_VALUE', 5, 14]]],
  ])('%s', (_name, text, expected) => {
    expect(issuesOf(text)).toEqual(expected);
  });

  test('a misspelt name suggests the right one', () => {
    const [issue] = parsePolicyLayer('p.yaml', 'permissions:\n  transactions:\n    Custmer Payments: View\n').issues;
    expect(issue.suggestion).toBe("did you mean 'Customer Payment' (TRAN_CUSTPYMT)?");
    expect(issue.path).toBe('permissions.transactions["Custmer Payments"]');
  });

  test('an alias bomb is refused, not expanded', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 0; i < 8; i++) lines.push(`${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill('*' + String.fromCharCode(97 + i)).join(', ')}]`);
    expect(issuesOf(lines.join('\n') + '\n').map(([c]) => c)).toEqual(['YAML_ALIAS_LIMIT']);
  });

  test('the shipped Polytomic policy is valid and holds the guide\'s 33 permissions', () => {
    const p = readPolicy(join(__dirname, '..', '..', 'policies', 'polytomic.yaml'));
    expect(p.rules).toHaveLength(33);
    expect(p.role).toEqual({ scriptId: 'customrole_polytomic', name: 'Polytomic' });
    expect(p.flags.map((f) => [f.flag, f.value])).toEqual([['webServicesOnly', true], ['doNotRestrictEmployeeFields', true]]);
    expect(p.excess).toBe('fail');
    expect(p.rules.find((r) => r.id === 'TRAN_SALESORD')).toMatchObject({ min: 'FULL', max: undefined, written: 'Sales Order' });
  });
});

describe('policy: extends', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nsra-policy-'));
  const write = (name: string, text: string) => { writeFileSync(join(dir, name), text); return join(dir, name); };

  test('a child overrides its base per permission and flag, and waivers add up', () => {
    write('base.yaml', 'excess: warn\nflags:\n  webServicesOnly: true\npermissions:\n  lists:\n    Items: View\n    Vendors: View\nwaivers:\n  - {code: PERMISSION_EXCESS, permission: Perform Search, reason: base waiver, expires: 2030-01-01}\n');
    const child = write('child.yaml', 'extends: base.yaml\nrole: {scriptId: customrole_x}\nexcess: fail\npermissions:\n  lists:\n    Items: Full\nwaivers:\n  - {code: PERMISSION_EXCESS, permission: Contacts, reason: child waiver, expires: 2030-01-01}\n');
    const p = readPolicy(child);
    expect(p.rules.map((r) => [r.id, r.min])).toEqual([['LIST_VENDOR', 'VIEW'], ['LIST_ITEM', 'FULL']]);
    expect(p.excess).toBe('fail');
    expect(p.flags).toHaveLength(1);
    expect(p.waivers.map((w) => w.reason)).toEqual(['base waiver', 'child waiver']);
    expect(p.files).toEqual([join(dir, 'base.yaml'), child]);
  });

  test('a cycle is an error at the extends entry', () => {
    write('a.yaml', 'extends: b.yaml\n');
    write('b.yaml', 'extends: [a.yaml]\n');
    const err = catchError(() => readPolicy(join(dir, 'a.yaml')));
    expect(err.issues.map((i) => [i.code, i.loc.file.endsWith('b.yaml'), i.loc.line, i.loc.column])).toEqual([["EXTENDS_CYCLE", true, 1, 11]]);
  });

  test('a missing base is an error naming where it was asked for', () => {
    const f = write('orphan.yaml', 'description: x\nextends: nowhere.yaml\n');
    const err = catchError(() => readPolicy(f));
    expect(err.issues.map((i) => [i.code, i.loc.line])).toEqual([['EXTENDS_NOT_FOUND', 2]]);
  });

  test('problems in base and child are all reported', () => {
    write('bad-base.yaml', 'permissions:\n  lists:\n    Itemz: View\n');
    const f = write('bad-child.yaml', 'extends: bad-base.yaml\nexcess: nope\n');
    const err = catchError(() => readPolicy(f));
    expect(err.issues.map((i) => [i.loc.file.split('/').pop(), i.code]).sort()).toEqual([['bad-base.yaml', 'UNKNOWN_PERMISSION'], ['bad-child.yaml', 'INVALID_VALUE']]);
  });
});

function catchError(fn: () => unknown): AuditError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AuditError) return e;
    throw e;
  }
  throw new Error('expected an AuditError');
}
