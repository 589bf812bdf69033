import { AuditError } from '../../src/core/errors';
/**
 * Every policy error the semantic checks raise, exactly as users read it: code, position, path,
 * message and suggestion. policy.test.ts covers codes and positions; this pins the words, so a
 * changed message or a lost suggestion fails here. Followed by what normalising and merging keep.
 */
import { loadPolicy, parsePolicyLayer } from '../../src/core/policy';

type Row = [string, number, number, string, string, string | null];

const CASES: Array<[string, string, Row[]]> = [
["misspelt permission","permissions:\n  transactions:\n    Cash Sal: View\n",[["UNKNOWN_PERMISSION",3,5,"permissions.transactions[\"Cash Sal\"]","unknown permission 'Cash Sal' on the Transactions subtab","did you mean 'Cash Sale' (TRAN_CASHSALE)?"]]],
["wrong subtab","permissions:\n  transactions:\n    Customers: Full\n",[["WRONG_SUBTAB",3,5,"permissions.transactions.Customers","'Customers' (LIST_CUSTJOB) is on the Lists subtab, not Transactions","move it under permissions.lists"]]],
["custom record on transactions","permissions:\n  transactions:\n    customrecord_x: View\n",[["WRONG_SUBTAB",3,5,"permissions.transactions.customrecord_x","'customrecord_x' is a custom record, which belongs on the Custom Record subtab","move it under permissions.customRecords"]]],
["custom transaction on custom records","permissions:\n  customRecords:\n    \"[scriptid=customsale_quote]\": View\n",[["WRONG_SUBTAB",3,5,"permissions.customRecords[\"[scriptid=customsale_quote]\"]","'[scriptid=customsale_quote]' is a custom transaction type, which belongs on the Transactions subtab","move it under permissions.transactions"]]],
["custom segment on lists","permissions:\n  lists:\n    cseg_region: View\n",[["WRONG_SUBTAB",3,5,"permissions.lists.cseg_region","'cseg_region' is a custom segment, which belongs on the Custom Record subtab","move it under permissions.customRecords"]]],
["typo of an ID","permissions:\n  transactions:\n    TRAN_SALESORDD: View\n",[["UNKNOWN_PERMISSION",3,5,"permissions.transactions.TRAN_SALESORDD","unknown permission 'TRAN_SALESORDD' on the Transactions subtab","did you mean 'Sales Order' (TRAN_SALESORD)?"]]],
["new ID trusted","permissions:\n  transactions:\n    TRAN_BRANDNEWTHING: View\n",[]],
["nothing near","permissions:\n  lists:\n    qqqqqqqqqqqqqqqqqqqq: View\n",[["UNKNOWN_PERMISSION",3,5,"permissions.lists.qqqqqqqqqqqqqqqqqqqq","unknown permission 'qqqqqqqqqqqqqqqqqqqq' on the Lists subtab","run 'ns-role-audit catalog <words>' to find the permission's name or ID"]]],
["unknown in allow","allow:\n  Cash Sal: View\n",[["UNKNOWN_PERMISSION",2,3,"allow[\"Cash Sal\"]","unknown permission 'Cash Sal'","did you mean 'Cash Sale' (TRAN_CASHSALE)?"]]],
["impossible min","permissions:\n  reports:\n    SuiteAnalytics Workbook: View\n",[["IMPOSSIBLE_LEVEL",3,30,"permissions.reports[\"SuiteAnalytics Workbook\"]","SuiteAnalytics Workbook (REPO_ANALYTICS) cannot be granted at View; NetSuite offers None, Edit","use 'Edit'"]]],
["impossible max on Full-only","permissions:\n  setup:\n    SOAP Web Services: {max: View}\n",[["IMPOSSIBLE_LEVEL",3,24,"permissions.setup[\"SOAP Web Services\"]","SOAP Web Services (ADMI_WEBSERVICES) cannot be granted at View; NetSuite offers None, Full","use 'None'"]]],
["impossible exact none","permissions:\n  lists:\n    Employee Record: {exact: None}\n",[["IMPOSSIBLE_LEVEL",3,22,"permissions.lists[\"Employee Record\"]","Employee Record (LIST_EMPLOYEE_RECORD) cannot be granted at None; NetSuite offers View, Create, Edit, Full","use 'View'"]]],
["min none is fine","permissions:\n  setup:\n    SOAP Web Services: {min: None, max: Full}\n",[]],
["marker","permissions:\n  customRecords:\n    NONE_NEEDED: View\n",[["IMPOSSIBLE_LEVEL",3,18,"permissions.customRecords.NONE_NEEDED","NONE_NEEDED is a marker in NetSuite's metadata, not a permission a role can be granted","remove this entry"]]],
["impossible allow","allow:\n  SOAP Web Services: View\n",[["IMPOSSIBLE_LEVEL",2,22,"allow[\"SOAP Web Services\"]","SOAP Web Services (ADMI_WEBSERVICES) cannot be granted at View; NetSuite offers None, Full","use 'None'"]]],
["min above max","permissions:\n  lists:\n    Items: {min: Full, max: View}\n",[["MIN_ABOVE_MAX",3,12,"permissions.lists.Items","min Full is above max View","lower min or raise max"]]],
["exact with min","permissions:\n  lists:\n    Items: {exact: View, min: View}\n",[["CONFLICTING_LEVELS",3,12,"permissions.lists.Items","'exact' cannot be combined with 'min' or 'max'","keep 'exact', or use 'min' and 'max'"]]],
["exact with max","permissions:\n  lists:\n    Items: {exact: View, max: Full}\n",[["CONFLICTING_LEVELS",3,12,"permissions.lists.Items","'exact' cannot be combined with 'min' or 'max'","keep 'exact', or use 'min' and 'max'"]]],
["dup","permissions:\n  transactions:\n    Customer Payments: View\n    TRAN_CUSTPYMT: Full\n",[["DUPLICATE_PERMISSION",4,5,"permissions.transactions.TRAN_CUSTPYMT","Customer Payment (TRAN_CUSTPYMT) is already listed at line 3","keep one entry for each permission"]]],
["allow overlaps","permissions:\n  lists:\n    Items: View\nallow:\n  LIST_ITEM: Full\n",[["ALLOW_OVERLAPS_RULE",5,3,"allow.LIST_ITEM","Items (LIST_ITEM) is already required under permissions","set 'max' on that entry instead"]]],
["bad date","waivers:\n  - code: PERMISSION_MISSING\n    permission: Items\n    reason: vendor asks\n    expires: 2027-02-30\n",[["INVALID_DATE",5,14,"waivers[0].expires","'2027-02-30' is not a calendar date","write the date as YYYY-MM-DD, e.g. 2027-03-31"]]],
["waiver unknown permission","waivers:\n  - code: PERMISSION_MISSING\n    permission: Itemz\n    reason: vendor asks\n    expires: 2027-02-01\n",[["UNKNOWN_PERMISSION",3,17,"waivers[0].permission","unknown permission 'Itemz'","did you mean 'Items' (LIST_ITEM)?"]]],
["setting waiver no setting","waivers:\n  - code: SETTING_MISMATCH\n    reason: vendor asks\n    expires: 2027-01-01\n",[["WAIVER_TARGET_MISSING",2,5,"waivers[0]","a SETTING_MISMATCH waiver must name the setting it covers","add 'setting: <key>', e.g. 'setting: coreAdminPermissions'"]]],
["restriction waiver no setting","waivers:\n  - code: RECORD_RESTRICTION_MISMATCH\n    reason: vendor asks\n    expires: 2027-01-01\n",[["WAIVER_TARGET_MISSING",2,5,"waivers[0]","a RECORD_RESTRICTION_MISMATCH waiver must name the setting it covers","add 'setting: DEPARTMENT' (or CLASS, LOCATION)"]]],
["permission waiver no permission","waivers:\n  - code: LEVEL_TOO_LOW\n    reason: vendor asks\n    expires: 2027-01-01\n",[["WAIVER_TARGET_MISSING",2,5,"waivers[0]","a LEVEL_TOO_LOW waiver must name the permission it covers","add 'permission: <name or ID>'"]]],
["flag waiver no flag","waivers:\n  - code: FLAG_MISMATCH\n    flag: webServicesOnlyy\n    reason: vendor asks\n    expires: 2027-01-01\n",[["WAIVER_TARGET_MISSING",2,5,"waivers[0]","a FLAG_MISMATCH waiver must name the flag it covers","add 'flag: webServicesOnly' (or doNotRestrictEmployeeFields, inactive)"],["INVALID_VALUE",3,11,"waivers[0].flag","\"webServicesOnlyy\" is not allowed; expected one of webServicesOnly, doNotRestrictEmployeeFields, inactive","did you mean 'webServicesOnly'?"]]],
];

describe('policy errors, word for word', () => {
  test.each(CASES)('%s', (_name, text, expected) => {
    const got = parsePolicyLayer('p.yaml', text).issues.map((i) => [i.code, i.loc.line, i.loc.column, i.path, i.message, i.suggestion ?? null]);
    expect(got).toEqual(expected);
  });
});

describe('what a layer keeps', () => {
  const layer = (text: string) => parsePolicyLayer('p.yaml', text);

  test('levels: a string is a minimum, exact is min and max, a restriction is upper-cased', () => {
    const { layer: l, issues } = layer('permissions:\n  lists:\n    Items: view\n    Vendors: {exact: Edit}\n    Customers: {max: Create}\n  transactions:\n    Invoice: {min: View, restriction: " ownOnly "}\n');
    expect(issues).toEqual([]);
    expect(l!.rules.map((r) => [r.id, r.name, r.subtab, r.written, r.min, r.max, r.restriction, r.loc.line, r.loc.column])).toEqual([
      ['TRAN_CUSTINVC', 'Invoice', 'transactions', 'Invoice', 'VIEW', undefined, 'OWNONLY', 7, 5],
      ['LIST_ITEM', 'Items', 'lists', 'Items', 'VIEW', undefined, undefined, 3, 5],
      ['LIST_VENDOR', 'Vendors', 'lists', 'Vendors', 'EDIT', 'EDIT', undefined, 4, 5],
      ['LIST_CUSTJOB', 'Customers', 'lists', 'Customers', undefined, 'CREATE', undefined, 5, 5],
    ]);
    expect(l!.rules.every((r) => !('restriction' in r) || r.restriction !== undefined)).toBe(true);
  });

  test('head: description, extends (one or many), role (internalId as text), flags, excess', () => {
    const one = layer('description: d\nextends: base.yaml\nrole: {internalId: 1017, name: R}\nflags:\n  webServicesOnly: true\n  inactive: false\nexcess: fail\n').layer!;
    expect(one.description).toBe('d');
    expect(one.extends).toEqual([{ path: 'base.yaml', loc: { file: 'p.yaml', line: 2, column: 10 } }]);
    expect(one.role).toEqual({ internalId: '1017', name: 'R' });
    expect(one.roleLoc).toEqual({ file: 'p.yaml', line: 3, column: 1 });
    expect(one.flags.map((f) => [f.flag, f.value, f.loc.line])).toEqual([['webServicesOnly', true, 5], ['inactive', false, 6]]);
    expect([one.excess, one.excessLoc?.line]).toEqual(['fail', 7]);
    const many = layer('extends:\n  - a.yaml\n  - b.yaml\nrole: {scriptId: customrole_x}\n').layer!;
    expect(many.extends.map((e) => [e.path, e.loc.line, e.loc.column])).toEqual([['a.yaml', 2, 5], ['b.yaml', 3, 5]]);
    expect(many.role).toEqual({ scriptId: 'customrole_x' });
    expect(many.excess).toBeUndefined();
  });

  test('settings: one value or a list, enums upper-cased, center script ids lower-cased without brackets', () => {
    const l = layer('settings:\n  coreAdminPermissions: false\n  twoFactorRequired: [OFF, TOTP]\n  centerType: "[scriptid=CUSTCENTER_Mine]"\nrecordRestrictions:\n  DEPARTMENT: own_only\n').layer!;
    expect(l.settings.map((s) => [s.key, s.values, s.loc.line])).toEqual([
      ['coreAdminPermissions', [false], 2], ['twoFactorRequired', ['OFF', 'TOTP'], 3], ['centerType', ['custcenter_mine'], 4],
    ]);
    expect(l.recordRestrictions.map((r) => [r.segment, r.restriction, r.loc.line])).toEqual([['DEPARTMENT', 'OWN_ONLY', 6]]);
  });

  test('waivers: targets resolved, record segments named as settings', () => {
    const l = layer('waivers:\n  - {code: LEVEL_TOO_LOW, permission: TRAN_CUSTINVC, reason: vendor asks, expires: 2027-01-01}\n'
      + '  - {code: RECORD_RESTRICTION_MISMATCH, setting: class, reason: vendor asks, expires: 2027-01-01}\n'
      + '  - {code: SETTING_MISMATCH, setting: coreAdminPermissions, reason: vendor asks, expires: 2027-01-01}\n'
      + '  - {code: FLAG_MISMATCH, flag: inactive, reason: vendor asks, expires: 2027-01-01}\n').layer!;
    expect(l.waivers.map((w) => [w.code, w.permissionId, w.permissionName, w.setting, w.flag, w.loc.line])).toEqual([
      ['LEVEL_TOO_LOW', 'TRAN_CUSTINVC', 'Invoice', undefined, undefined, 2],
      ['RECORD_RESTRICTION_MISMATCH', undefined, undefined, 'recordRestrictions.CLASS', undefined, 3],
      ['SETTING_MISMATCH', undefined, undefined, 'coreAdminPermissions', undefined, 4],
      ['FLAG_MISMATCH', undefined, undefined, undefined, 'inactive', 5],
    ]);
  });

  test('a rejected entry is left out of the layer (the error is the only outcome)', () => {
    const l = layer('permissions:\n  lists:\n    Items: {min: Full, max: View}\n    Itemz: View\nallow:\n  Vendors: Viewer\n').layer!;
    expect(l.rules).toEqual([]);
    expect(l.allow).toEqual([]);
  });
});

describe('merging layers (extends)', () => {
  const files: Record<string, string> = {
    'base.yaml': 'description: base\nrole: {scriptId: customrole_base, name: Base}\nexcess: fail\nflags:\n  webServicesOnly: true\nsettings:\n  coreAdminPermissions: false\nrecordRestrictions:\n  CLASS: NONE\npermissions:\n  lists:\n    Items: View\n    Vendors: View\nallow:\n  Customers: View\n  Invoice: View\nwaivers:\n  - {code: LEVEL_TOO_LOW, permission: Items, reason: base reason, expires: 2027-01-01}\n',
    'top.yaml': 'extends: base.yaml\nrole: {name: Top}\nflags:\n  webServicesOnly: false\nsettings:\n  coreAdminPermissions: true\nrecordRestrictions:\n  CLASS: OWN_ONLY\npermissions:\n  lists:\n    Items: Full\n    Customers: Edit\nallow:\n  Vendors: Full\n  Contacts: View\nwaivers:\n  - {code: LEVEL_TOO_LOW, permission: Vendors, reason: top reason, expires: 2027-01-01}\n',
  };
  const host = { readText: (f: string) => { if (!(f in files)) throw Object.assign(new Error('no'), { code: 'ENOENT' }); return files[f]; }, resolveRef: (_f: string, r: string) => r, identity: (f: string) => f };

  test('later layers override by name; waivers add up; defaults hold where no layer speaks', () => {
    const p = loadPolicy('top.yaml', host);
    expect(p.file).toBe('top.yaml');
    expect(p.files).toEqual(['base.yaml', 'top.yaml']);
    expect(p.description).toBe('base');
    expect(p.role).toEqual({ scriptId: 'customrole_base', name: 'Top' });
    expect(p.roleLoc?.file).toBe('top.yaml');
    expect([p.excess, p.excessLoc?.file]).toEqual(['fail', 'base.yaml']);
    expect(p.flags.map((f) => [f.flag, f.value])).toEqual([['webServicesOnly', false]]);
    expect(p.settings.map((s) => [s.key, s.values])).toEqual([['coreAdminPermissions', [true]]]);
    expect(p.recordRestrictions.map((r) => [r.segment, r.restriction])).toEqual([['CLASS', 'OWN_ONLY']]);
    // Items overridden (moved to the end), Customers now required (its allowance dropped).
    expect(p.rules.map((r) => [r.id, r.min, r.loc.file])).toEqual([['LIST_VENDOR', 'VIEW', 'base.yaml'], ['LIST_ITEM', 'FULL', 'top.yaml'], ['LIST_CUSTJOB', 'EDIT', 'top.yaml']]);
    // Vendors is required by the base: an allowance cannot loosen a required permission.
    expect(p.allow.map((a) => [a.id, a.max])).toEqual([['TRAN_CUSTINVC', 'VIEW'], ['LIST_CONTACT', 'VIEW']]);
    expect(p.waivers.map((w) => w.reason)).toEqual(['base reason', 'top reason']);
  });

  test('a policy alone: excess defaults to warn, nothing else is invented', () => {
    const p = loadPolicy('solo.yaml', { ...host, readText: () => 'role: {scriptId: customrole_x}\n' });
    expect(p).toEqual(expect.objectContaining({ excess: 'warn', flags: [], settings: [], recordRestrictions: [], rules: [], allow: [], waivers: [], files: ['solo.yaml'] }));
    expect(p.excessLoc).toBeUndefined();
    expect(p.description).toBeUndefined();
  });

  test('a missing base, a cycle, and a count of problems', () => {
    const err = (f: Record<string, string>, start: string) => {
      try { loadPolicy(start, { ...host, readText: (x) => { if (!(x in f)) throw Object.assign(new Error('no'), { code: 'ENOENT' }); return f[x]; } }); } catch (e) {
        return [(e as Error).message, (e as { issues: Array<{ code: string; message: string; suggestion?: string; loc: { file: string; line: number } }> }).issues.map((i) => [i.code, i.message, i.suggestion, i.loc.file, i.loc.line])];
      }
      return undefined;
    };
    expect(err({ 'a.yaml': 'extends: gone.yaml\n' }, 'a.yaml')).toEqual(['a.yaml: 1 problem in the policy', [['EXTENDS_NOT_FOUND', 'gone.yaml: no such file or folder', 'paths in extends are relative to the file that names them', 'a.yaml', 1]]]);
    expect(err({ 'a.yaml': 'extends: b.yaml\n', 'b.yaml': 'extends: a.yaml\npermisions: {}\n' }, 'a.yaml')).toEqual(['a.yaml: 2 problems in the policy', [
      ['UNKNOWN_FIELD', "unknown field 'permisions'", "did you mean 'permissions'?", 'b.yaml', 2],
      ['EXTENDS_CYCLE', "'a.yaml' extends itself: a.yaml -> b.yaml -> a.yaml", 'remove one of the extends entries', 'b.yaml', 1],
    ]]);
    // The policy named on the command line, missing: "no such file" with where it was looked for, not a problem at 1:1.
    let missing: AuditError | undefined;
    try { loadPolicy('none.yaml', { ...host, readText: () => { throw Object.assign(new Error('no'), { code: 'ENOENT' }); } }); } catch (e) { missing = e as AuditError; }
    expect([missing?.code, missing?.message, missing?.issues]).toEqual(['POLICY_NOT_FOUND', 'none.yaml: no such file or folder (looked for none.yaml)', []]);
    expect(missing?.details.hint).toContain('pack:polytomic');
  });

  test('a shared base (a diamond) is applied once', () => {
    const f: Record<string, string> = { 'top.yaml': 'extends: [l.yaml, r.yaml]\n', 'l.yaml': 'extends: base.yaml\n', 'r.yaml': 'extends: base.yaml\n', 'base.yaml': 'waivers:\n  - {code: ROLE_INACTIVE, reason: once only, expires: 2027-01-01}\n' };
    const p = loadPolicy('top.yaml', { ...host, readText: (x) => f[x] });
    expect(p.files).toEqual(['base.yaml', 'l.yaml', 'r.yaml', 'top.yaml']);
    expect(p.waivers).toHaveLength(1);
  });
});

test('a tab used as indentation is one error at its line, not a cascade over the lines after it', () => {
  const text = 'version: 1\nrole:\n  scriptId: customrole_x\nflags:\n\twebServicesOnly: true\n  doNotRestrictEmployeeFields: true\npermissions:\n  transactions:\n    Cash Sale: View\n';
  const { issues } = parsePolicyLayer('p.yaml', text);
  expect(issues.map((i) => [i.code, i.loc.line, i.loc.column, i.message, i.suggestion])).toEqual([
    ['YAML_SYNTAX', 5, 1, 'Tabs are not allowed as indentation', 'indent with spaces (YAML does not allow tabs there)'],
  ]);
});
