/**
 * How a policy file reads, section by section: what each wording becomes in the layer, where each
 * problem is placed, and what it suggests. Written against the mutants of
 * src/core/policy/normalize.ts that only the CLI tests reached.
 */
import { parsePolicyLayer } from '../../src/core/policy';
import type { InputIssue } from '../../src/core/errors';
import { loadedHere } from '../helpers/loaded-here';

const read = (text: string, today?: string) => parsePolicyLayer('p.yaml', text, today ? { today } : {});
const layerOf = (text: string) => {
  const r = read(text);
  expect(r.issues).toEqual([]);
  return r.layer!;
};
/** An issue as `line:column CODE path | suggestion`. */
const shown = (i: InputIssue) => `${i.loc.line}:${i.loc.column} ${i.code} ${i.path ?? ''} | ${i.suggestion ?? ''}`;
const semantic = (text: string, today?: string) => read(text, today).issues.map(shown);
const warnings = (text: string, today?: string) => read(text, today).warnings.map(shown);

describe('the head: description, extends, role, flags, holders, excess', () => {
  test('each is read with where it stands', () => {
    const l = layerOf([
      'description: Sync role',
      'extends: base.yaml',
      'role: {scriptId: customrole_x, name: X, internalId: 12}',
      'flags:',
      '  webServicesOnly: true',
      '  inactive: false',
      'holders: {allow: [a@b.c, "7"], max: 2, maxIdleDays: 30}',
      'excess: warn',
    ].join('\n'));
    expect(l.description).toBe('Sync role');
    expect(l.extends).toEqual([{ path: 'base.yaml', loc: expect.objectContaining({ line: 2, column: 10 }) }]);
    expect(l.role).toEqual({ scriptId: 'customrole_x', name: 'X', internalId: '12' });
    expect(l.roleLoc).toMatchObject({ line: 3, column: 1 });
    expect(l.flags.map((f) => [f.flag, f.value, f.loc.line])).toEqual([['webServicesOnly', true, 5], ['inactive', false, 6]]);
    expect(l.holders).toEqual({ allow: ['a@b.c', '7'], max: 2, maxIdleDays: 30, loc: expect.objectContaining({ line: 7, column: 1 }) });
    expect([l.excess, l.excessLoc?.line]).toEqual(['warn', 8]);
  });
  test('a list of extends keeps each entry\'s place; an internal id written as text stays text', () => {
    const l = layerOf('extends:\n  - a.yaml\n  - b.yaml\nrole: {internalId: "0012"}\n');
    expect(l.extends.map((e) => [e.path, e.loc.line, e.loc.column])).toEqual([['a.yaml', 2, 5], ['b.yaml', 3, 5]]);
    expect(l.role).toEqual({ internalId: '0012' });
  });
  test('wrong shapes are the schema\'s to report; the layer takes nothing from them', () => {
    const r = read('description: 3\nextends: [1, a.yaml]\nflags: {webServicesOnly: "yes"}\nholders: {allow: x, max: "2"}\nexcess: sometimes\n');
    // Each wrong shape is named once, by the schema (no second, semantic issue for it).
    expect(r.issues.map((i) => i.path)).toEqual(['description', 'extends[0]', 'flags.webServicesOnly', 'holders.allow', 'holders.max', 'excess']);
    const l = r.layer!;
    expect([l.description, l.extends.map((e) => e.path), l.flags, l.excess]).toEqual([undefined, ['a.yaml'], [], undefined]);
    expect(l.holders).toEqual({ loc: expect.objectContaining({ line: 4 }) });
  });
});

describe('settings and record restrictions', () => {
  test('values are upper-cased words or booleans; a custom center is its lower-case script id; lists keep every value', () => {
    const l = layerOf('settings:\n  employeeRestriction: [OWNONLY, NONE]\n  coreAdminPermissions: false\n  centerType: "[scriptid=custcenter_sync]"\n');
    expect(l.settings.map((s) => [s.key, s.values, s.loc.line])).toEqual([
      ['employeeRestriction', ['OWNONLY', 'NONE'], 2], ['coreAdminPermissions', [false], 3], ['centerType', ['custcenter_sync'], 4],
    ]);
  });
  test('a value of the wrong type, or an empty list, pins nothing', () => {
    const r = read('settings:\n  coreAdminPermissions: "no"\n  employeeRestriction: []\n  salesRole: [true, "x"]\n');
    expect(r.layer!.settings).toEqual([]);
  });
  test('a restriction alone or with its boxes', () => {
    const l = layerOf('recordRestrictions:\n  DEPARTMENT: OWNONLY\n  CLASS: {restriction: OWNONLY, viewingAllowed: false, itemsRestricted: true}\n');
    expect(l.recordRestrictions).toEqual([
      { segment: 'DEPARTMENT', restriction: 'OWNONLY', loc: expect.objectContaining({ line: 2 }) },
      { segment: 'CLASS', restriction: 'OWNONLY', viewingAllowed: false, itemsRestricted: true, loc: expect.objectContaining({ line: 3 }) },
    ]);
  });
  test('boxes on a NONE line are never checked: a warning says so, at the segment', () => {
    expect(warnings('recordRestrictions:\n  LOCATION: {restriction: none, itemsRestricted: true}\n')).toEqual([
      '2:3 BOXES_NOT_CHECKED recordRestrictions.LOCATION | pin the boxes with a restriction (e.g. OWNONLY), or remove them',
    ]);
    expect(read('recordRestrictions:\n  LOCATION: {restriction: none, itemsRestricted: true}\n').warnings[0].message).toBe('with restriction NONE there is no LOCATION line, so its boxes are not checked');
    expect(warnings('recordRestrictions:\n  LOCATION: {restriction: NONE}\n')).toEqual([]);
    expect(warnings('recordRestrictions:\n  LOCATION: {restriction: OWNONLY, viewingAllowed: true}\n')).toEqual([]);
  });
});

describe('permissions', () => {
  const rules = (text: string) => layerOf(text).rules.map((r) => [r.id, r.min, r.max, r.restriction]);
  test('a bare level is a minimum; a bare None is a ban; exact pins both; min and max as written; a restriction in upper case', () => {
    expect(rules('permissions:\n  lists:\n    Vendors: Edit\n    Items: None\n    Contacts: {exact: View}\n    Accounts: {min: View, max: Edit, restriction: " ownonly "}\n    Customers: {max: View}\n')).toEqual([
      ['LIST_VENDOR', 'EDIT', undefined, undefined],
      ['LIST_ITEM', 'NONE', 'NONE', undefined],
      ['LIST_CONTACT', 'VIEW', 'VIEW', undefined],
      ['LIST_ACCOUNT', 'VIEW', 'EDIT', 'OWNONLY'],
      ['LIST_CUSTJOB', undefined, 'VIEW', undefined],
    ]);
  });
  test('a restriction alone is a rule; an empty map is none', () => {
    expect(rules('permissions:\n  lists:\n    Vendors: {restriction: OWNONLY}\n')).toEqual([['LIST_VENDOR', undefined, undefined, 'OWNONLY']]);
    expect(read('permissions:\n  lists:\n    Vendors: {}\n').layer!.rules).toEqual([]);
  });
  test('exact with min or max is a conflict, at the entry', () => {
    expect(semantic('permissions:\n  lists:\n    Vendors: {exact: View, max: Full}\n')).toEqual(["3:14 CONFLICTING_LEVELS permissions.lists.Vendors | keep 'exact', or use 'min' and 'max'"]);
  });
  test('a permission listed twice (by name and by ID) is refused at the second, naming the first line', () => {
    const r = read('permissions:\n  lists:\n    Vendors: View\n    LIST_VENDOR: Full\n');
    expect(r.issues.map(shown)).toEqual(['4:5 DUPLICATE_PERMISSION permissions.lists.LIST_VENDOR | keep one entry for each permission']);
    expect(r.issues[0].message).toBe('Vendors (LIST_VENDOR) is already listed at line 3');
    expect(r.layer!.rules.map((x) => x.min)).toEqual(['VIEW']);
  });
  test('min above max is refused; min equal to max is fine', () => {
    const r = read('permissions:\n  lists:\n    Vendors: {min: Full, max: View}\n');
    expect([r.issues.map(shown), r.issues[0].message]).toEqual([["3:14 MIN_ABOVE_MAX permissions.lists.Vendors | lower min or raise max"], 'min Full is above max View']);
    expect(read('permissions:\n  lists:\n    Vendors: {min: Edit, max: Edit}\n').issues).toEqual([]);
  });
  test('a level the permission is never granted at is refused with the nearest it offers, up for a minimum and down for a maximum', () => {
    const r = read('permissions:\n  setup:\n    Manage Accounting Periods: {min: Edit}\n    ADMI_ACCTPERIODS_X: View\n');
    expect(r.issues[0].message).toBe('Manage Accounting Periods (ADMI_ACCTPERIODS) cannot be granted at Edit; NetSuite offers None, View, Full');
    expect(r.issues[0].suggestion).toBe("use 'Full'");
    expect(read('permissions:\n  setup:\n    Manage Accounting Periods: {max: Edit}\n').issues[0].suggestion).toBe("use 'View'");
    // Nothing below: the maximum takes the lowest it offers.
    expect(read('permissions:\n  lists:\n    Employee Record: {max: None}\n').issues.map((i) => [i.code, i.suggestion])).toEqual([['IMPOSSIBLE_LEVEL', "use 'View'"]]);
    // Nothing above: the minimum takes the highest below.
    expect(read('permissions:\n  lists:\n    Persist Search: {min: Full}\n').issues.map((i) => [i.code, i.suggestion])).toEqual([['IMPOSSIBLE_LEVEL', "use 'Create'"]]);
    // A minimum of None asks nothing, so it is never "not offered" (a warning says it asks nothing).
    expect(read('permissions:\n  lists:\n    Employee Record: {min: None}\n').issues).toEqual([]);
  });
  test('a marker of NetSuite\'s metadata is not a permission', () => {
    const r = read('permissions:\n  customRecords:\n    NONE_NEEDED: View\n');
    expect(r.issues.map((i) => [i.code, i.message, i.suggestion])).toEqual([['IMPOSSIBLE_LEVEL', "NONE_NEEDED is a marker in NetSuite's metadata, not a permission a role can be granted", 'remove this entry']]);
  });
  test('{min: None} alone asks nothing: a warning at the entry; with a ceiling or a restriction it asks something', () => {
    expect(warnings('permissions:\n  lists:\n    Vendors: {min: None}\n')).toEqual([
      "3:5 LEVEL_ASKS_NOTHING permissions.lists.Vendors | write 'None' (or {exact: None}) to ban it, add 'max' for a ceiling, or list it under allow:",
    ]);
    expect(warnings('permissions:\n  lists:\n    Vendors: {min: None, max: View}\n')).toEqual([]);
    expect(warnings('permissions:\n  lists:\n    Vendors: {min: None, restriction: OWNONLY}\n')).toEqual([]);
    expect(warnings('permissions:\n  lists:\n    Vendors: None\n')).toEqual([]);
  });
  test('an unknown permission is placed at its key with a suggestion; the rest of the file is still read', () => {
    const r = read('permissions:\n  lists:\n    Vendorz: View\n    Items: View\n');
    expect(r.issues.map((i) => `${i.loc.line}:${i.loc.column} ${i.code}`)).toEqual(['3:5 UNKNOWN_PERMISSION']);
    expect(r.issues[0].suggestion).toContain('Vendors');
    expect(r.layer!.rules.map((x) => x.id)).toEqual(['LIST_ITEM']);
  });
});

describe('allow', () => {
  test('an allowance is a ceiling on a permission not otherwise required', () => {
    const l = layerOf('allow:\n  Vendors: View\n  TRAN_VENDPYMT: Full\n');
    expect(l.allow.map((a) => [a.id, a.max, a.loc.line])).toEqual([['LIST_VENDOR', 'VIEW', 2], ['TRAN_VENDPYMT', 'FULL', 3]]);
  });
  test('allowing a required permission is refused at the allowance', () => {
    const r = read('permissions:\n  lists:\n    Vendors: View\nallow:\n  Vendors: Full\n');
    expect(r.issues.map(shown)).toEqual(["5:3 ALLOW_OVERLAPS_RULE allow.Vendors | set 'max' on that entry instead"]);
    expect(r.issues[0].message).toBe('Vendors (LIST_VENDOR) is already required under permissions');
  });
  test('a level never offered is refused; up to None allows nothing (a warning)', () => {
    expect(read('allow:\n  Manage Accounting Periods: Edit\n').issues.map((i) => [i.code, i.suggestion])).toEqual([['IMPOSSIBLE_LEVEL', "use 'View'"]]);
    expect(warnings('allow:\n  Vendors: None\n')).toEqual(['2:3 LEVEL_ASKS_NOTHING allow.Vendors | give the highest level the role may hold, or remove the entry']);
    expect(read('allow:\n  Vendors: None\n').layer!.allow.map((a) => a.max)).toEqual(['NONE']);
  });
});

describe('waivers', () => {
  const waiver = (fields: string) => `waivers:\n  - {code: X_CODE, reason: ok now, expires: 2027-01-31${fields}}\n`.replace('X_CODE', fields.match(/code2: (\w+)/)?.[1] ?? 'PERMISSION_EXCESS').replace(/, code2: \w+/, '');
  const waiverOf = (fields: string) => read(waiver(fields)).layer!.waivers[0];
  test('a waiver names what it covers: a permission by name or ID, a flag, a setting, a segment or its box, a conflict, a holder, a token, a rule', () => {
    expect(waiverOf(', permission: Vendors')).toMatchObject({ code: 'PERMISSION_EXCESS', reason: 'ok now', expires: '2027-01-31', permissionId: 'LIST_VENDOR', permissionName: 'Vendors' });
    expect(waiverOf(', code2: FLAG_MISMATCH, flag: webServicesOnly').flag).toBe('webServicesOnly');
    expect(waiverOf(', code2: SETTING_MISMATCH, setting: coreAdminPermissions').setting).toBe('coreAdminPermissions');
    expect(waiverOf(', code2: RECORD_RESTRICTION_MISMATCH, setting: department').setting).toBe('recordRestrictions.DEPARTMENT');
    expect(waiverOf(', code2: RECORD_RESTRICTION_MISMATCH, setting: Class.VIEWINGALLOWED').setting).toBe('recordRestrictions.CLASS.viewingAllowed');
    expect(waiverOf(', code2: RECORD_RESTRICTION_MISMATCH, setting: location.itemsrestricted').setting).toBe('recordRestrictions.LOCATION.itemsRestricted');
    expect(waiverOf(', code2: SOD_CONFLICT, conflict: ap').conflict).toBe('ap');
    expect(waiverOf(', code2: ASSIGNMENT_DORMANT, holder: 42').holder).toBe('42');
    expect(waiverOf(', code2: TOKEN_UNUSED, token: sync').token).toBe('sync');
    for (const [rule, id] of [['role', 'role:active'], ['excess', 'excess'], ['risk', 'risk'], ['source', 'source'], ['holders', 'holders:*']]) {
      expect(waiverOf(`, code2: NOT_VERIFIABLE, rule: ${rule}`).rule).toBe(id);
    }
    expect(waiverOf(', code2: NOT_VERIFIABLE, rule: excess').loc).toMatchObject({ line: 2, column: 5 });
  });
  test.each([
    ['SETTING_MISMATCH', "add 'setting: <key>', e.g. 'setting: coreAdminPermissions'", 'setting'],
    ['RECORD_RESTRICTION_MISMATCH', "add 'setting: DEPARTMENT' (or CLASS, LOCATION)", 'setting'],
    ['PERMISSION_MISSING', "add 'permission: <name or ID>'", 'permission'],
    ['LEVEL_TOO_LOW', "add 'permission: <name or ID>'", 'permission'],
    ['LEVEL_ABOVE_MAX', "add 'permission: <name or ID>'", 'permission'],
    ['PERMISSION_UNCATALOGUED', "add 'permission: <name or ID>'", 'permission'],
    ['PERMISSION_RESTRICTION_MISMATCH', "add 'permission: <name or ID>'", 'permission'],
    ['RISKY_PERMISSION', "add 'permission: <name or ID>'", 'permission'],
    ['SOD_CONFLICT', "add 'conflict: <the conflict rule's name>'", 'conflict'],
    ['FLAG_MISMATCH', "add 'flag: webServicesOnly' (or doNotRestrictEmployeeFields, inactive)", 'flag'],
    ['ASSIGNMENT_DORMANT', "add 'holder: <email, entity id or internal id>'", 'holder'],
    ['GLOBAL_PERMISSION', "add 'holder: <email, entity id or internal id>'", 'holder'],
    ['USER_SOD_CONFLICT', "add 'holder: <email, entity id or internal id>'", 'holder'],
    ['TOKEN_UNUSED', "add 'token: <the token's name>'", 'token'],
    ['NOT_VERIFIABLE', "add 'permission: <name or ID>', 'flag:', 'setting:', 'conflict:', or 'rule: excess' (or risk, role, holders)", 'rule'],
  ])('a %s waiver without its target is refused, saying what to add', (code, suggestion, what) => {
    const r = read(`waivers:\n  - {code: ${code}, reason: ok now, expires: 2027-01-31}\n`);
    expect(r.issues.filter((i) => i.code === 'WAIVER_TARGET_MISSING').map((i) => [shown(i), i.message])).toEqual([[`2:5 WAIVER_TARGET_MISSING waivers[0] | ${suggestion}`, `a ${code} waiver must name the ${what} it covers`]]);
    expect(r.layer!.waivers).toEqual([]);
  });
  test('a NOT_VERIFIABLE waiver with any one target is taken', () => {
    for (const target of ['permission: Vendors', 'flag: inactive', 'setting: coreAdminPermissions', 'conflict: ap', 'rule: risk']) {
      expect([target, read(`waivers:\n  - {code: NOT_VERIFIABLE, reason: ok now, expires: 2027-01-31, ${target}}\n`).layer!.waivers.length]).toEqual([target, 1]);
    }
  });
  test('codes whose findings name no target need none', () => {
    expect(read('waivers:\n  - {code: ROLE_INACTIVE, reason: ok now, expires: 2027-01-31}\n').layer!.waivers.length).toBe(1);
  });
  test('an unknown flag or rule names nothing', () => {
    expect(waiverOf(', code2: NOT_VERIFIABLE, permission: Vendors, flag: nope, rule: toString')).not.toHaveProperty('flag');
    expect(waiverOf(', code2: NOT_VERIFIABLE, permission: Vendors, rule: toString')).not.toHaveProperty('rule');
  });
  test('a waiver naming an unknown permission is refused at its permission', () => {
    const r = read('waivers:\n  - code: PERMISSION_EXCESS\n    reason: ok now\n    expires: 2027-01-31\n    permission: Vendorz\n');
    expect(r.issues.map((i) => `${i.loc.line} ${i.code} ${i.path}`)).toEqual(['5 UNKNOWN_PERMISSION waivers[0].permission']);
  });
  test('an impossible date is refused at expires; a date more than a year after today is a warning there', () => {
    expect(semantic('waivers:\n  - code: ROLE_INACTIVE\n    reason: ok now\n    expires: 2027-02-30\n')).toEqual(['4:14 INVALID_DATE waivers[0].expires | write the date as YYYY-MM-DD, e.g. 2027-03-31']);
    const ahead = (expires: string) => warnings(`waivers:\n  - code: ROLE_INACTIVE\n    reason: ok now\n    expires: ${expires}\n`, '2026-12-04');
    expect(ahead('2027-12-05')).toEqual([]); // 366 days
    expect(ahead('2027-12-06')).toEqual(['4:14 WAIVER_FAR_AHEAD waivers[0].expires | waivers are for a while: set the date of the next review, and renew it then']);
    expect(read('waivers:\n  - {code: ROLE_INACTIVE, reason: ok now, expires: 2030-01-01}\n', '2026-12-04').warnings[0].message).toBe('this waiver holds until 2030-01-01, more than a year from today (2026-12-04)');
    // Without today, no warning can be given.
    expect(warnings('waivers:\n  - {code: ROLE_INACTIVE, reason: ok now, expires: 2030-01-01}\n')).toEqual([]);
  });
});

describe('risks', () => {
  test('a severity for every risk rule, and per permission on the risk list', () => {
    const l = layerOf('risks:\n  severity: info\n  permissions:\n    Access Token Management: error\n');
    expect([l.risk.severity, l.risk.severityLoc?.line]).toEqual(['info', 2]);
    expect(l.risk.permissions.map((p) => [p.id, p.severity, p.loc.line])).toEqual([['ADMI_MANAGE_OAUTH_TOKENS', 'error', 4]]);
  });
  test('a permission not on the risk list is refused: its severity would change nothing', () => {
    const r = read('risks:\n  permissions:\n    Vendors: error\n');
    expect(r.issues.map(shown)).toEqual(['3:5 NOT_A_RISK_RULE risks.permissions.Vendors | see policies/README.md "Risk rules" for the list; use conflicts: or excess: for other permissions']);
    expect(r.issues[0].message).toBe('Vendors (LIST_VENDOR) is not on the built-in risk list, so a severity for it changes nothing');
  });
  test('an unknown severity sets nothing', () => {
    const r = read('risks:\n  severity: fatal\n  permissions:\n    Access Token Management: fatal\n');
    expect([r.layer!.risk.severity, r.layer!.risk.permissions]).toEqual([undefined, []]);
  });
});

describe('conflicts', () => {
  const rule = 'conflicts:\n  - name: ap\n    reason: pay and enter\n';
  test('two sides, each permission counted from its level; severity error unless set; source and mapping kept', () => {
    const l = layerOf(`${rule}    any: {Vendors: Edit}\n    with: {Pay Bills: View}\n    source: https://example.com\n    mapping: ours\n`);
    expect(l.conflicts).toEqual([{
      name: 'ap', reason: 'pay and enter', source: 'https://example.com', mapping: 'ours', severity: 'error',
      any: [{ id: 'LIST_VENDOR', name: 'Vendors', written: 'Vendors', subtab: 'lists', min: 'EDIT' }], with: [{ id: 'TRAN_VENDPYMT', name: 'Pay Bills', written: 'Pay Bills', subtab: 'transactions', min: 'VIEW' }],
      loc: expect.objectContaining({ line: 2 }),
    }]);
    const one = layerOf(`${rule}    any: {Vendors: Edit}\n    severity: warning\n`).conflicts[0];
    expect([one.severity, 'with' in one, one.mapping]).toEqual(['warning', false, undefined]);
  });
  test('a side at None would match every role: refused at the entry', () => {
    expect(semantic(`${rule}    any: {Vendors: None}\n`)).toEqual(["4:20 INVALID_VALUE conflicts[0].any.Vendors | use 'View' or above"]);
    expect(read(`${rule}    any: {Vendors: View}\n    with: {Pay Bills: None}\n`).layer!.conflicts).toEqual([]);
  });
  test('a level the permission is never granted at: a warning that says from which level it counts', () => {
    const r = read(`${rule}    any: {Manage Accounting Periods: Edit}\n`);
    expect(r.warnings.map(shown)).toEqual(['4:11 LEVEL_NOT_OFFERED conflicts[0].any["Manage Accounting Periods"] | write \'Full\'']);
    expect(r.warnings[0].message).toBe('Manage Accounting Periods (ADMI_ACCTPERIODS) is never granted at Edit; NetSuite offers None, View, Full, so this side counts it from Full');
    const none = read(`${rule}    any: {Persist Search: Full}\n`);
    expect(none.warnings.map((w) => w.suggestion)).toEqual(['remove the entry']);
    expect(none.warnings[0].message).toContain('counts it from no level');
  });
  test('a second rule of one name is refused at its name, naming the first line', () => {
    const r = read(`${rule}    any: {Vendors: Edit}\n  - name: ap\n    reason: again\n    any: {Vendors: View}\n`);
    expect(r.issues.map(shown)).toEqual(['5:11 DUPLICATE_CONFLICT conflicts[1].name | give each conflict rule its own name']);
    expect(r.issues[0].message).toBe("conflict 'ap' is already defined at line 2");
    expect(r.layer!.conflicts.length).toBe(1);
  });
  test('an unknown permission on a side drops the rule and is placed at its key', () => {
    const r = read(`${rule}    any: {Vendorz: Edit}\n`);
    expect(r.issues.map((i) => `${i.loc.line} ${i.code} ${i.path}`)).toEqual(['4 UNKNOWN_PERMISSION conflicts[0].any.Vendorz']);
    expect(r.layer!.conflicts).toEqual([]);
  });
});

test('source: the vendor page a pack transcribes, missing fields empty, lists only of text', () => {
  const l = layerOf('source:\n  vendor: Acme\n  product: Sync\n  title: Role\n  url: https://example.com\n  date: 2026-01-01\n  leftToUser: [a, b]\n  notes: [n]\n');
  expect(l.source).toEqual({ vendor: 'Acme', product: 'Sync', title: 'Role', url: 'https://example.com', date: '2026-01-01', leftToUser: ['a', 'b'], notes: ['n'] });
  expect(read('source:\n  vendor: Acme\n').layer!.source).toEqual({ vendor: 'Acme', product: '', title: '', url: '', date: '' });
});

describe('places are at the key, so an editor marks the entry, not its value', () => {
  test('a setting, a restriction, an allowance, the risk severity and a risk permission', () => {
    const l = layerOf([
      'settings:',
      '  coreAdminPermissions: false',
      'recordRestrictions:',
      '  DEPARTMENT: OWNONLY',
      'allow:',
      '  Vendors: View',
      'risks:',
      '  severity: info',
      '  permissions:',
      '    Access Token Management: error',
    ].join('\n'));
    const at = (loc: { line: number; column: number } | undefined) => loc && `${loc.line}:${loc.column}`;
    expect([l.settings[0].loc, l.recordRestrictions[0].loc, l.allow[0].loc, l.risk.severityLoc, l.risk.permissions[0].loc].map(at))
      .toEqual(['2:3', '4:3', '6:3', '8:3', '10:5']);
  });
});

describe('wrong shapes in the lists are the schema\'s to report; the layer takes nothing from them', () => {
  const only = (text: string) => {
    const r = read(text);
    return { paths: r.issues.map((i) => i.path), layer: r.layer! };
  };
  test('a waiver missing its reason or date, or not a map, is no waiver', () => {
    for (const w of ['{code: ROLE_INACTIVE, expires: 2027-01-31}', '{code: ROLE_INACTIVE, reason: ok now}', '{reason: ok now, expires: 2027-01-31}', '{code: ROLE_INACTIVE, reason: 3, expires: 2027-01-31}', 'just text']) {
      const r = only(`waivers:\n  - ${w}\n`);
      expect([w, r.layer.waivers]).toEqual([w, []]);
      expect(r.paths.length).toBeGreaterThan(0);
      expect(r.paths.every((p) => p?.startsWith('waivers[0]'))).toBe(true);
    }
  });
  test('a conflict without a name or reason, or not a map, is no rule and is not counted as a name', () => {
    for (const c of ['{reason: pay and enter, any: {Vendors: Edit}}', '{name: ap, any: {Vendors: Edit}}', '{name: 3, reason: pay and enter, any: {Vendors: Edit}}', 'text']) {
      const r = only(`conflicts:\n  - ${c}\n  - {name: ap, reason: pay and enter, any: {Vendors: Edit}}\n`);
      expect([c, r.layer.conflicts.map((x) => x.name)]).toEqual([c, ['ap']]);
      expect([c, r.paths.filter((p) => p?.startsWith('conflicts[1]'))]).toEqual([c, []]);
    }
  });
  test('a conflict side of the wrong shape, or a level that is no level, drops the rule without a second issue', () => {
    for (const side of ['any: [Vendors]', 'any: {Vendors: Lots}', 'any: {Vendors: Edit}, with: [x]', 'any: {Vendors: Edit}, with: {Vendors: Lots}']) {
      const r = only(`conflicts:\n  - {name: ap, reason: pay and enter, ${side}}\n`);
      expect([side, r.layer.conflicts]).toEqual([side, []]);
      expect(r.paths.length).toBe(1);
    }
  });
  test('an unknown severity or mapping on a conflict is the schema\'s; the rule keeps error and no mapping', () => {
    const r = read('conflicts:\n  - {name: ap, reason: pay and enter, any: {Vendors: Edit}, severity: fatal, mapping: theirs, source: 7}\n');
    expect(r.issues.map((i) => i.path).sort()).toEqual(['conflicts[0].mapping', 'conflicts[0].severity', 'conflicts[0].source']);
    const c = r.layer!.conflicts[0];
    expect([c.severity, 'mapping' in c, 'source' in c]).toEqual(['error', false, false]);
    expect(layerOf('conflicts:\n  - {name: ap, reason: pay and enter, any: {Vendors: Edit}, mapping: source}\n').conflicts[0].mapping).toBe('source');
    expect(layerOf('conflicts:\n  - {name: ap, reason: pay and enter, any: {Vendors: Edit}, severity: info}\n').conflicts[0].severity).toBe('info');
  });
  test('a restriction of the wrong shape, or on an unknown segment, is no rule', () => {
    for (const rr of ['DEPARTMENT: 3', 'DEPARTMENT: {viewingAllowed: true}', 'DEPARTMENT: {restriction: 3}', 'SUBSIDIARY: OWNONLY', 'DEPARTMENT: [OWNONLY]']) {
      const r = only(`recordRestrictions:\n  ${rr}\n`);
      expect([rr, r.layer.recordRestrictions]).toEqual([rr, []]);
      expect([rr, r.paths.length > 0]).toEqual([rr, true]);
    }
    expect(layerOf('recordRestrictions:\n  DEPARTMENT: " ownonly "\n').recordRestrictions.map((x) => [x.segment, x.restriction])).toEqual([['DEPARTMENT', 'OWNONLY']]);
    // A box written as text is not a box.
    const boxes = read('recordRestrictions:\n  CLASS: {restriction: OWNONLY, viewingAllowed: "yes"}\n').layer!.recordRestrictions[0];
    expect('viewingAllowed' in boxes).toBe(false);
  });
  test('a risk permission with a severity that is no severity is dropped without a second issue', () => {
    const r = only('risks:\n  permissions:\n    Access Token Management: 3\n');
    expect(r.layer.risk.permissions).toEqual([]);
    expect(r.paths).toEqual(['risks.permissions["Access Token Management"]']);
  });
  test('a permission level that is no level, or a spec of the wrong shape, is the schema\'s alone', () => {
    for (const spec of ['Lots', '{exact: Lots}', '{min: Lots}', '{max: Lots}', '[View]', '3']) {
      const r = only(`permissions:\n  lists:\n    Vendors: ${spec}\n`);
      expect([spec, r.layer.rules]).toEqual([spec, []]);
      expect([spec, r.paths.length]).toEqual([spec, 1]);
    }
  });
  test('a name that is not a string leaves the role unnamed; an unknown excess mode sets nothing', () => {
    const r = only('role: {name: 3, scriptId: customrole_x}\n');
    expect(r.layer.role).toEqual({ scriptId: 'customrole_x' });
    for (const m of ['fail', 'warn', 'ignore']) expect(layerOf(`excess: ${m}\n`).excess).toBe(m);
  });
  test('an allowance at no level is the schema\'s alone', () => {
    const r = only('allow:\n  Vendors: Lots\n');
    expect([r.layer.allow, r.paths]).toEqual([[], ['allow.Vendors']]);
  });
});

describe('the codes and names a waiver is checked against, read as the module loads', () => {
  // Loaded inside each test: these tables are built as the module loads (see test/helpers/loaded-here.ts).
  const fresh = () => loadedHere<typeof import('../../src/core/policy')>(require.resolve('../../src/core/policy'), { schemas: true }).parsePolicyLayer;
  test.each(['PERMISSION_MISSING', 'LEVEL_TOO_LOW', 'PERMISSION_EXCESS', 'LEVEL_ABOVE_MAX', 'PERMISSION_UNCATALOGUED', 'PERMISSION_RESTRICTION_MISMATCH', 'RISKY_PERMISSION'])('%s needs a permission', (code) => {
    const r = fresh()('p.yaml', `waivers:\n  - {code: ${code}, reason: ok now, expires: 2027-01-31}\n`, {});
    expect(r.issues.map((i) => i.code)).toEqual(['WAIVER_TARGET_MISSING']);
  });
  test.each(['SETTING_MISMATCH', 'RECORD_RESTRICTION_MISMATCH'])('%s needs a setting', (code) => {
    expect(fresh()('p.yaml', `waivers:\n  - {code: ${code}, reason: ok now, expires: 2027-01-31}\n`, {}).issues[0].message).toBe(`a ${code} waiver must name the setting it covers`);
  });
  test.each(['ASSIGNMENT_DORMANT', 'GLOBAL_PERMISSION', 'USER_SOD_CONFLICT'])('%s needs a holder', (code) => {
    expect(fresh()('p.yaml', `waivers:\n  - {code: ${code}, reason: ok now, expires: 2027-01-31}\n`, {}).issues[0].message).toBe(`a ${code} waiver must name the holder it covers`);
  });
  test('each rule a waiver can name', () => {
    const parse = fresh();
    const rules = ['role', 'excess', 'risk', 'source', 'holders'].map((rule) => parse('p.yaml', `waivers:\n  - {code: NOT_VERIFIABLE, reason: ok now, expires: 2027-01-31, rule: ${rule}}\n`, {}).layer!.waivers[0]?.rule);
    expect(rules).toEqual(['role:active', 'excess', 'risk', 'source', 'holders:*']);
  });
  test('each severity, for all risks, per permission and per conflict', () => {
    const parse = fresh();
    for (const sev of ['error', 'warning', 'info']) {
      const l = parse('p.yaml', `risks:\n  severity: ${sev}\n  permissions:\n    Access Token Management: ${sev}\nconflicts:\n  - {name: a, reason: pay and enter, any: {Vendors: Edit}, severity: ${sev}}\n`, {}).layer!;
      expect([l.risk.severity, l.risk.permissions[0]?.severity, l.conflicts[0]?.severity]).toEqual([sev, sev, sev]);
    }
  });
});
