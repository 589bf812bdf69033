/**
 * Each diff check, in process and exactly: the rule it writes (id, title, status) and every field
 * of every finding. The scenario fixtures check codes end to end; these pin the details a format
 * shows (titles, expected/actual values, details), so a changed word or a flipped comparison fails.
 */
import { diffRole } from '../../src/core/diff';
import { loadPolicy } from '../../src/core/policy';
import { getCatalog } from '../../src/core/catalog';
import { loadedHere } from '../helpers/loaded-here';
import type { Finding, Policy, RolePermission, RoleSnapshot } from '../../src/core/model';

function policyOf(text: string): Policy {
  try {
    return loadPolicy('p.yaml', { readText: () => text, resolveRef: (_f, r) => r, identity: (f) => f });
  } catch (e) {
    throw new Error(JSON.stringify((e as { issues?: unknown }).issues ?? String(e)));
  }
}

function roleOf(over: Partial<RoleSnapshot> = {}, permissions: Array<[string, RolePermission['level'], string?]> = []): RoleSnapshot {
  return {
    scriptId: 'customrole_x', name: 'X', flags: { webServicesOnly: true, inactive: false, doNotRestrictEmployeeFields: false },
    settings: {}, permissions: permissions.map(([permkey, level, restriction]) => ({ permkey, level, ...(restriction ? { restriction } : {}) })),
    evidence: 'definition', origin: 'test', ...over,
  };
}

/** A finding without its position (positions are the policy tests' business). */
const plain = ({ loc: _loc, ...f }: Finding) => f;

function run(policyText: string, role: RoleSnapshot | undefined, today = '2026-11-27', fallback?: string) {
  const d = diffRole(policyOf(policyText), role, { today, fallback });
  return { rules: d.rules.map((r) => [r.id, r.title, r.status]), findings: d.findings.map(plain) };
}

const HEAD = 'version: 1\nrole: {scriptId: customrole_x}\n';
const ITEMS = { id: 'LIST_ITEM', name: 'Items', subtab: 'lists' };

describe('permission rules on a role definition', () => {
  test.each<[string, string, Array<[string, RolePermission['level'], string?]>, string, Array<Partial<Finding>>]>([
    ['met exactly', 'Items: View', [['LIST_ITEM', 'VIEW']], 'Items at least View', []],
    ['met above min', 'Items: View', [['LIST_ITEM', 'FULL']], 'Items at least View', []],
    ['absent: missing', 'Items: Edit', [], 'Items at least Edit', [{ code: 'PERMISSION_MISSING', actualLevel: 'NONE', expectedMin: 'EDIT' }]],
    ['held at None: missing', 'Items: Edit', [['LIST_ITEM', 'NONE']], 'Items at least Edit', [{ code: 'PERMISSION_MISSING', actualLevel: 'NONE', expectedMin: 'EDIT' }]],
    ['one below: too low', 'Items: Edit', [['LIST_ITEM', 'CREATE']], 'Items at least Edit', [{ code: 'LEVEL_TOO_LOW', actualLevel: 'CREATE', expectedMin: 'EDIT' }]],
    ['exact, above', 'Items: {exact: View}', [['LIST_ITEM', 'EDIT']], 'Items exactly View', [{ code: 'LEVEL_ABOVE_MAX', actualLevel: 'EDIT', expectedMin: 'VIEW', expectedMax: 'VIEW' }]],
    ['max only, at max', 'Items: {max: Edit}', [['LIST_ITEM', 'EDIT']], 'Items at most Edit', []],
    ['max only, above', 'Items: {max: Edit}', [['LIST_ITEM', 'FULL']], 'Items at most Edit', [{ code: 'LEVEL_ABOVE_MAX', actualLevel: 'FULL', expectedMax: 'EDIT' }]],
    ['max only, absent', 'Items: {max: Edit}', [], 'Items at most Edit', []],
    ['min and max', 'Items: {min: View, max: Edit}', [['LIST_ITEM', 'CREATE']], 'Items at least View, at most Edit', []],
    ['a line repeated at one level is one line', 'Items: {exact: Full}', [['LIST_ITEM', 'FULL'], ['LIST_ITEM', 'FULL']], 'Items exactly Full', []],
  ])('%s', (_name, spec, perms, title, expected) => {
    const got = run(`${HEAD}excess: ignore\npermissions:\n  lists:\n    ${spec}\n`, roleOf({}, perms));
    expect(got.rules).toContainEqual(['permission:LIST_ITEM', title, expected.length ? 'fail' : 'pass']);
    const rule = got.findings.filter((f) => f.rule === 'permission:LIST_ITEM');
    expect(rule).toEqual(expected.map((e) => ({ severity: 'error', rule: 'permission:LIST_ITEM', permission: ITEMS, ...e })));
  });

  test('a pinned line restriction: equal, different, absent, and a code whose meaning is unconfirmed', () => {
    const policy = `${HEAD}excess: ignore\npermissions:\n  transactions:\n    Invoice: {min: View, restriction: ownOnly}\n`;
    const base = { severity: 'error', rule: 'permission:TRAN_CUSTINVC', permission: { id: 'TRAN_CUSTINVC', name: 'Invoice', subtab: 'transactions' }, expectedMin: 'VIEW', setting: 'restriction', expectedValues: ['OWNONLY'] };
    expect(run(policy, roleOf({}, [['TRAN_CUSTINVC', 'VIEW', 'OWNONLY']])).findings).toEqual([]);
    expect(run(policy, roleOf({}, [['TRAN_CUSTINVC', 'VIEW', 'EDIT']])).findings).toEqual([{ code: 'PERMISSION_RESTRICTION_MISMATCH', ...base, actualValue: 'EDIT' }]);
    expect(run(policy, roleOf({}, [['TRAN_CUSTINVC', 'VIEW']])).findings).toEqual([{ code: 'PERMISSION_RESTRICTION_MISMATCH', ...base, actualValue: 'NONE' }]);
    expect(run(policy, roleOf({}, [['TRAN_CUSTINVC', 'VIEW', '-2']])).findings).toEqual([
      { code: 'NOT_VERIFIABLE', ...base, actualValue: '-2', detail: 'the source gives the restriction as code -2, whose meaning is unconfirmed' },
    ]);
    expect(run(policy, roleOf({}, [['TRAN_CUSTINVC', 'VIEW', '3']])).findings[0].code).toBe('NOT_VERIFIABLE');
    expect(run(policy, roleOf({}, [['TRAN_CUSTINVC', 'VIEW', '12']])).findings[0].code).toBe('NOT_VERIFIABLE');
    // A word with a digit in it is a word: compared, not taken for a code.
    for (const word of ['OWN2', '2OWN', '1-2']) expect(run(policy, roleOf({}, [['TRAN_CUSTINVC', 'VIEW', word]])).findings.map((f) => f.code)).toEqual(['PERMISSION_RESTRICTION_MISMATCH']);
    // Another permission's restriction is not this one's.
    expect(run(policy, roleOf({}, [['LIST_ITEM', 'VIEW', 'OWNONLY'], ['TRAN_CUSTINVC', 'VIEW']])).findings).toEqual([{ code: 'PERMISSION_RESTRICTION_MISMATCH', ...base, actualValue: 'NONE' }]);
    // The restriction of a line at None does not count: the line is not held.
    expect(run(policy.replace('min: View, ', ''), roleOf({}, [['TRAN_CUSTINVC', 'NONE', 'OWNONLY']])).findings).toEqual([
      { code: 'PERMISSION_RESTRICTION_MISMATCH', ...base, expectedMin: undefined, actualValue: 'NONE' },
    ]);
    expect(run(policy, roleOf({}, [['TRAN_CUSTINVC', 'VIEW', 'OWNONLY']])).rules).toContainEqual(['permission:TRAN_CUSTINVC', 'Invoice at least View, restriction OWNONLY', 'pass']);
  });

  test('a permission the source marks unverifiable is NOT_VERIFIABLE with its reason, whatever the level', () => {
    const role = roleOf({ unverifiable: { LIST_ITEM: 'an unmapped custom record' } }, [['LIST_ITEM', 'FULL']]);
    const got = run(`${HEAD}excess: ignore\npermissions:\n  lists:\n    Items: View\n`, role);
    expect(got.findings).toEqual([{ code: 'NOT_VERIFIABLE', severity: 'error', rule: 'permission:LIST_ITEM', permission: ITEMS, expectedMin: 'VIEW', expectedMax: undefined, detail: 'an unmapped custom record' }]);
    expect(got.rules).toContainEqual(['permission:LIST_ITEM', 'Items at least View', 'unverifiable']);
  });
});

describe('permission rules on effective access (SOAP probes)', () => {
  const soap = (perms: Array<[string, RolePermission['level']]>) => roleOf({ evidence: 'effective-access' }, perms);
  const rule = (text: string, perms: Array<[string, RolePermission['level']]>) =>
    run(`${HEAD}excess: ignore\npermissions:\n  lists:\n    ${text}\n`, soap(perms)).findings.filter((f) => f.rule === 'permission:LIST_ITEM');

  test('a read proves View: a View requirement passes', () => expect(rule('Items: View', [['LIST_ITEM', 'VIEW']])).toEqual([]));
  test('no read and a requirement: missing', () => expect(rule('Items: View', [])).toEqual([{ code: 'PERMISSION_MISSING', severity: 'error', rule: 'permission:LIST_ITEM', permission: ITEMS, expectedMin: 'VIEW', expectedMax: undefined, actualLevel: 'NONE' }]));
  test('no read and only a ceiling: nothing to prove', () => expect(rule('Items: {max: View}', [])).toEqual([]));
  test('no read and min None: nothing to prove', () => expect(rule('Items: {min: None, max: Full}', [])).toEqual([]));
  test.each([
    ['a level above the read', 'Items: Edit', 'VIEW'],
    ['a ceiling', 'Items: {min: View, max: View}', 'VIEW'],
  ] as const)('%s is NOT_VERIFIABLE, saying what the read proves', (_n, text, held) => {
    expect(rule(text, [['LIST_ITEM', held]])).toEqual([expect.objectContaining({ code: 'NOT_VERIFIABLE', detail: 'a successful read proves at least View; the exact level cannot be seen over SOAP' })]);
  });
  test('a pinned restriction cannot be proved by a read', () => {
    const got = run(`${HEAD}excess: ignore\npermissions:\n  transactions:\n    Invoice: {min: View, restriction: OWNONLY}\n`, soap([['TRAN_CUSTINVC', 'VIEW']]));
    expect(got.findings.filter((f) => f.rule !== 'risk' && f.rule !== 'role:active').map((f) => f.code)).toEqual(['NOT_VERIFIABLE']);
  });
  test('excess cannot be seen unless it is ignored with no allow-list', () => {
    const excessFinding = { code: 'NOT_VERIFIABLE', severity: 'error', rule: 'excess', detail: 'excess access cannot be seen with effective-access probes' };
    const excess = (p: string) => run(p, soap([])).findings.filter((f) => f.rule === 'excess');
    expect(excess(`${HEAD}excess: warn\n`)).toEqual([excessFinding]);
    expect(excess(`${HEAD}excess: fail\n`)).toEqual([excessFinding]);
    expect(excess(`${HEAD}excess: ignore\n`)).toEqual([]);
    expect(excess(`${HEAD}excess: ignore\nallow:\n  Items: View\n`)).toEqual([excessFinding]);
  });
});

describe('excess and allow-lists', () => {
  const role = roleOf({}, [['LIST_ITEM', 'FULL'], ['LIST_VENDOR', 'VIEW'], ['TRAN_CUSTINVC', 'NONE'], ['LIST_CUSTJOB', 'EDIT']]);
  const VENDORS = { id: 'LIST_VENDOR', name: 'Vendors', subtab: 'lists' };
  test.each([
    ['fail', 'error'],
    ['warn', 'warning'],
  ])('excess: %s makes each unlisted held permission PERMISSION_EXCESS at %s', (mode, severity) => {
    const got = run(`${HEAD}excess: ${mode}\npermissions:\n  lists:\n    Customers: Edit\n`, role);
    expect(got.findings).toEqual([
      { code: 'PERMISSION_EXCESS', severity, rule: 'excess', permission: ITEMS, actualLevel: 'FULL', expectedMax: 'NONE' },
      { code: 'PERMISSION_EXCESS', severity, rule: 'excess', permission: VENDORS, actualLevel: 'VIEW', expectedMax: 'NONE' },
    ]);
    expect(got.rules).toContainEqual(['excess', `No permissions beyond the policy (excess: ${mode})`, severity === 'error' ? 'fail' : 'warn']);
  });
  test('excess defaults to warn', () => {
    expect(run(HEAD, roleOf({}, [['LIST_ITEM', 'VIEW']])).rules).toContainEqual(['excess', 'No permissions beyond the policy (excess: warn)', 'warn']);
  });
  test('ignore reports nothing unlisted', () => expect(run(`${HEAD}excess: ignore\n`, role).findings).toEqual([]));
  test('an allowance up to its max passes; above it is LEVEL_ABOVE_MAX whatever the excess mode', () => {
    expect(run(`${HEAD}excess: fail\nallow:\n  Items: Full\n  Vendors: View\n  Customers: Edit\n`, role).findings).toEqual([]);
    expect(run(`${HEAD}excess: ignore\nallow:\n  Items: Edit\n`, role).findings).toEqual([
      { code: 'LEVEL_ABOVE_MAX', severity: 'error', rule: 'excess', permission: ITEMS, expectedMax: 'EDIT', actualLevel: 'FULL' },
    ]);
  });
  test('a permission no catalog lists is PERMISSION_UNCATALOGUED (warning) unless the policy names it', () => {
    const odd = roleOf({}, [['LIST_NOTREAL', 'VIEW'], ['customrecord_mine', 'VIEW'], ['customsale_quote', 'VIEW']]);
    const got = run(`${HEAD}excess: ignore\n`, odd);
    expect(got.findings).toEqual([{ code: 'PERMISSION_UNCATALOGUED', severity: 'warning', rule: 'catalog', permission: { id: 'LIST_NOTREAL', name: 'LIST_NOTREAL', subtab: 'lists' }, actualLevel: 'VIEW' }]);
    expect(got.rules).toContainEqual(['catalog', 'Every permission on the role is a known NetSuite permission', 'warn']);
    expect(run(`${HEAD}excess: ignore\npermissions:\n  lists:\n    LIST_NOTREAL: {max: View}\n`, odd).findings).toEqual([]);
  });
  test('the account\'s own custom records, transaction types and segments are never uncatalogued; a form no parser knows is', () => {
    // The module loaded here: its table of custom kinds is built as it loads (test/helpers/loaded-here.ts).
    const fresh = loadedHere<typeof import('../../src/core/diff')>(require.resolve('../../src/core/diff'));
    const role = roleOf({}, [['customrecord_mine', 'VIEW'], ['customsale_quote', 'VIEW'], ['cseg_region', 'VIEW'], ['weird key', 'VIEW']]);
    const got = fresh.diffRole(policyOf(`${HEAD}excess: ignore\n`), role, { today: '2026-11-27' }).findings;
    expect(got.map((f) => `${f.code} ${f.permission?.id}`)).toEqual(['PERMISSION_UNCATALOGUED weird key']);
  });
});

describe('flags, settings and record restrictions', () => {
  test('a flag that differs, matches, or cannot be read', () => {
    const p = `${HEAD}excess: ignore\nflags:\n  webServicesOnly: true\n  doNotRestrictEmployeeFields: false\n`;
    const base = { severity: 'error', rule: 'flag:webServicesOnly', flag: 'webServicesOnly', expectedFlag: true };
    expect(run(p, roleOf()).findings).toEqual([]);
    expect(run(p, roleOf({ flags: { webServicesOnly: false, inactive: false, doNotRestrictEmployeeFields: false } })).findings).toEqual([{ code: 'FLAG_MISMATCH', ...base, actualFlag: false }]);
    expect(run(p, roleOf({ flags: { inactive: false, doNotRestrictEmployeeFields: false } as never })).findings).toEqual([
      { code: 'NOT_VERIFIABLE', ...base, actualFlag: null, detail: 'this source cannot read the flag' },
    ]);
    expect(run(p, roleOf()).rules).toEqual(expect.arrayContaining([
      ['flag:webServicesOnly', 'Web Services Only Role is checked', 'pass'],
      ['flag:doNotRestrictEmployeeFields', 'Do Not Restrict Employee Fields is unchecked', 'pass'],
    ]));
  });

  test('an inactive role is ROLE_INACTIVE unless the policy expects it inactive', () => {
    const inactive = roleOf({ flags: { webServicesOnly: true, inactive: true, doNotRestrictEmployeeFields: false } });
    expect(run(`${HEAD}excess: ignore\n`, inactive).findings).toEqual([
      { code: 'ROLE_INACTIVE', severity: 'error', rule: 'role:active', expectedFlag: false, actualFlag: true, flag: 'inactive' },
    ]);
    expect(run(`${HEAD}excess: ignore\nflags:\n  inactive: true\n`, inactive).findings).toEqual([]);
    // inactive: false adds no rule of its own: role:active covers it.
    const got = run(`${HEAD}excess: ignore\nflags:\n  inactive: false\n`, inactive);
    expect(got.rules.map((r) => r[0])).not.toContain('flag:inactive');
    expect(got.findings.map((f) => f.code)).toEqual(['ROLE_INACTIVE']);
    expect(got.rules).toContainEqual(['role:active', 'Role exists and is active', 'fail']);
    // Expecting it inactive: a role that is active fails the flag.
    expect(run(`${HEAD}excess: ignore\nflags:\n  inactive: true\n`, roleOf()).findings.map((f) => f.code)).toEqual(['FLAG_MISMATCH']);
  });

  test('a setting: any listed value passes, another is SETTING_MISMATCH, unread is NOT_VERIFIABLE', () => {
    const p = `${HEAD}excess: ignore\nsettings:\n  coreAdminPermissions: false\n  twoFactorRequired: [OFF, TOTP]\n`;
    expect(run(p, roleOf({ settings: { coreAdminPermissions: false, twoFactorRequired: 'TOTP' } })).findings).toEqual([]);
    expect(run(p, roleOf({ settings: { coreAdminPermissions: true, twoFactorRequired: 'OFF' } })).findings).toEqual([
      { code: 'SETTING_MISMATCH', severity: 'error', rule: 'setting:coreAdminPermissions', setting: 'coreAdminPermissions', expectedValues: ['unchecked'], actualValue: 'checked' },
    ]);
    const got = run(p, roleOf({ settings: { coreAdminPermissions: false } }));
    expect(got.findings).toEqual([
      { code: 'NOT_VERIFIABLE', severity: 'error', rule: 'setting:twoFactorRequired', setting: 'twoFactorRequired', expectedValues: ['OFF', 'TOTP'], actualValue: null, detail: 'this source cannot read Two-Factor Authentication Required' },
    ]);
    expect(got.rules).toEqual(expect.arrayContaining([
      ['setting:coreAdminPermissions', 'Core Administration Permissions is unchecked', 'pass'],
      ['setting:twoFactorRequired', 'Two-Factor Authentication Required is OFF or TOTP', 'unverifiable'],
    ]));
  });

  test('a record restriction: matching, different, unrestricted (NONE) and unreadable', () => {
    const p = `${HEAD}excess: ignore\nrecordRestrictions:\n  DEPARTMENT: own_and_subordinates\n  CLASS: none\n`;
    const dept = { rule: 'setting:recordRestrictions.DEPARTMENT', setting: 'recordRestrictions.DEPARTMENT', expectedValues: ['OWN_AND_SUBORDINATES'] };
    expect(run(p, roleOf({ recordRestrictions: [{ segment: 'DEPARTMENT', restriction: 'OWN_AND_SUBORDINATES' }] })).findings).toEqual([]);
    expect(run(p, roleOf({ recordRestrictions: [{ segment: 'DEPARTMENT', restriction: 'OWN_ONLY' }, { segment: 'CLASS', restriction: 'OWN_ONLY' }] })).findings).toEqual([
      { code: 'RECORD_RESTRICTION_MISMATCH', severity: 'error', ...dept, actualValue: 'OWN_ONLY' },
      { code: 'RECORD_RESTRICTION_MISMATCH', severity: 'error', rule: 'setting:recordRestrictions.CLASS', setting: 'recordRestrictions.CLASS', expectedValues: ['NONE'], actualValue: 'OWN_ONLY' },
    ].sort((a, b) => (a.rule < b.rule ? -1 : 1)));
    expect(run(p, roleOf({ recordRestrictions: [] })).findings).toEqual([{ code: 'RECORD_RESTRICTION_MISMATCH', severity: 'error', ...dept, actualValue: 'NONE' }]);
    expect(run(p, roleOf()).findings).toEqual([
      expect.objectContaining({ code: 'NOT_VERIFIABLE', rule: 'setting:recordRestrictions.CLASS', actualValue: null, detail: 'this source cannot read record restrictions (the Restrictions subtab)' }),
      expect.objectContaining({ code: 'NOT_VERIFIABLE', ...dept, actualValue: null }),
    ]);
    expect(run(p, roleOf({ recordRestrictions: [] })).rules).toContainEqual(['setting:recordRestrictions.DEPARTMENT', 'Records restricted by department: OWN_AND_SUBORDINATES', 'fail']);
  });

  test('a record restriction with its boxes: each box pinned is checked on the line, unread boxes are NOT_VERIFIABLE, in words in the title', () => {
    const p = `${HEAD}excess: ignore\nrecordRestrictions:\n  CLASS: {restriction: OWN_ONLY, viewingAllowed: true, itemsRestricted: false}\n`;
    const rule = 'setting:recordRestrictions.CLASS';
    const line = (boxes: { viewingAllowed?: boolean; itemsRestricted?: boolean }) => run(p, roleOf({ recordRestrictions: [{ segment: 'class', restriction: 'own_only', ...boxes }] }));
    expect(line({ viewingAllowed: true, itemsRestricted: false }).rules).toContainEqual([rule, 'Records restricted by class: OWN_ONLY, Allow Viewing checked, Items Restricted unchecked', 'pass']);
    expect(line({ viewingAllowed: true, itemsRestricted: false }).findings).toEqual([]);
    expect(line({ viewingAllowed: false, itemsRestricted: true }).findings).toEqual([
      { code: 'RECORD_RESTRICTION_MISMATCH', severity: 'error', rule, setting: 'recordRestrictions.CLASS.viewingAllowed', expectedValues: ['checked'], actualValue: 'unchecked' },
      { code: 'RECORD_RESTRICTION_MISMATCH', severity: 'error', rule, setting: 'recordRestrictions.CLASS.itemsRestricted', expectedValues: ['unchecked'], actualValue: 'checked' },
    ]);
    expect(line({ itemsRestricted: false }).findings).toEqual([
      { code: 'NOT_VERIFIABLE', severity: 'error', rule, setting: 'recordRestrictions.CLASS.viewingAllowed', expectedValues: ['checked'], actualValue: null, detail: "this source cannot read the line's Allow Viewing box" },
    ]);
    // The restriction itself differs: its boxes are not looked at.
    expect(run(p, roleOf({ recordRestrictions: [{ segment: 'CLASS', restriction: 'OWN_AND_SUBORDINATES' }] })).findings.map((f) => f.setting)).toEqual(['recordRestrictions.CLASS']);
  });
  test('a boolean setting reads as checked or unchecked in its title and finding', () => {
    const p = `${HEAD}excess: ignore\nsettings:\n  coreAdminPermissions: false\n`;
    const got = run(p, roleOf({ settings: { coreAdminPermissions: true } }));
    expect(got.rules).toContainEqual(['setting:coreAdminPermissions', 'Core Administration Permissions is unchecked', 'fail']);
    expect(got.findings).toEqual([{ code: 'SETTING_MISMATCH', severity: 'error', rule: 'setting:coreAdminPermissions', setting: 'coreAdminPermissions', expectedValues: ['unchecked'], actualValue: 'checked' }]);
  });
});

describe('waivers', () => {
  const missing = `${HEAD}excess: ignore\npermissions:\n  lists:\n    Items: Edit\n`;
  const waiver = (extra: string) => `${missing}waivers:\n  - code: PERMISSION_MISSING\n    permission: Items\n    reason: vendor asks\n    expires: 2026-12-31\n${extra}`;

  test('a live waiver accepts its finding (code and severity kept), up to and including its last day', () => {
    for (const today of ['2026-11-27', '2026-12-31']) {
      const got = run(waiver(''), roleOf(), today);
      expect(got.findings).toEqual([
        { code: 'PERMISSION_MISSING', severity: 'error', rule: 'permission:LIST_ITEM', permission: ITEMS, expectedMin: 'EDIT', expectedMax: undefined, actualLevel: 'NONE', accepted: { by: 'waiver', reason: 'vendor asks', expires: '2026-12-31', loc: expect.objectContaining({ line: 8 }), covers: 'PERMISSION_MISSING on Items' } },
      ]);
      expect(got.rules).toContainEqual(['permission:LIST_ITEM', 'Items at least Edit', 'accepted']);
      expect(got.rules.map((r) => r[0])).not.toContain('waiver:0');
    }
  });

  test('the day after, the finding stands and WAIVER_EXPIRED says which waiver', () => {
    const got = run(waiver(''), roleOf(), '2027-01-01');
    expect(got.findings.map((f) => [f.code, f.accepted])).toEqual([['WAIVER_EXPIRED', undefined], ['PERMISSION_MISSING', undefined]]);
    expect(got.findings[0]).toEqual(expect.objectContaining({ severity: 'error', rule: 'waiver:0', detail: 'PERMISSION_MISSING on Items', waiver: expect.objectContaining({ reason: 'vendor asks', expires: '2026-12-31' }) }));
    expect(got.rules).toContainEqual(['waiver:0', 'Waiver for PERMISSION_MISSING on Items until 2026-12-31', 'fail']);
  });

  test('a waiver that covers nothing is WAIVER_UNUSED; one for another permission does not apply', () => {
    const held = roleOf({}, [['LIST_ITEM', 'EDIT']]);
    expect(run(waiver(''), held).findings.map((f) => [f.code, f.rule, f.detail])).toEqual([['WAIVER_UNUSED', 'waiver:0', 'PERMISSION_MISSING on Items']]);
    const other = `${missing}waivers:\n  - code: PERMISSION_MISSING\n    permission: Vendors\n    reason: vendor asks\n    expires: 2026-12-31\n`;
    expect(run(other, roleOf()).findings.map((f) => [f.code, !!f.accepted])).toEqual([['WAIVER_UNUSED', false], ['PERMISSION_MISSING', false]]);
  });

  test('flag and setting waivers match on their flag or setting only', () => {
    const p = `${HEAD}excess: ignore\nflags:\n  webServicesOnly: true\nsettings:\n  coreAdminPermissions: false\nrecordRestrictions:\n  DEPARTMENT: NONE\nwaivers:\n`
      + '  - {code: FLAG_MISMATCH, flag: doNotRestrictEmployeeFields, reason: vendor asks, expires: 2026-12-31}\n'
      + '  - {code: FLAG_MISMATCH, flag: webServicesOnly, reason: vendor asks, expires: 2026-12-31}\n'
      + '  - {code: SETTING_MISMATCH, setting: twoFactorRequired, reason: vendor asks, expires: 2026-12-31}\n'
      + '  - {code: SETTING_MISMATCH, setting: coreAdminPermissions, reason: vendor asks, expires: 2026-12-31}\n'
      + '  - {code: RECORD_RESTRICTION_MISMATCH, setting: department, reason: vendor asks, expires: 2026-12-31}\n';
    const role = roleOf({ flags: { webServicesOnly: false, inactive: false, doNotRestrictEmployeeFields: false }, settings: { coreAdminPermissions: true }, recordRestrictions: [{ segment: 'DEPARTMENT', restriction: 'OWN_ONLY' }] });
    const got = run(p, role);
    expect(got.findings.map((f) => [f.code, f.rule, f.accepted?.by ?? null])).toEqual(expect.arrayContaining([
      ['FLAG_MISMATCH', 'flag:webServicesOnly', 'waiver'],
      ['SETTING_MISMATCH', 'setting:coreAdminPermissions', 'waiver'],
      ['RECORD_RESTRICTION_MISMATCH', 'setting:recordRestrictions.DEPARTMENT', 'waiver'],
      ['WAIVER_UNUSED', 'waiver:0', null],
      ['WAIVER_UNUSED', 'waiver:2', null],
    ]));
    expect(got.findings).toHaveLength(5);
  });

  test('a waiver with no target covers every finding of its code', () => {
    const p = `${HEAD}excess: ignore\nwaivers:\n  - {code: ROLE_INACTIVE, reason: vendor asks, expires: 2026-12-31}\n`;
    const got = run(p, roleOf({ flags: { webServicesOnly: true, inactive: true, doNotRestrictEmployeeFields: false } }));
    expect(got.findings.map((f) => [f.code, f.accepted?.by])).toEqual([['ROLE_INACTIVE', 'waiver']]);
    expect(got.rules).toContainEqual(['role:active', 'Role exists and is active', 'accepted']);
  });
});

describe('role not found, fallback, and order', () => {
  test('no role: one ROLE_NOT_FOUND rule and finding', () => {
    expect(run(HEAD, undefined)).toEqual({ rules: [['role:exists', 'Role exists', 'fail']], findings: [{ code: 'ROLE_NOT_FOUND', severity: 'error', rule: 'role:exists' }] });
  });

  test('a fallback is a SOURCE_FALLBACK finding of its own, saying why', () => {
    const got = run(`${HEAD}excess: ignore\n`, roleOf(), '2026-11-27', 'the token cannot read roles');
    expect(got.findings).toEqual([{ code: 'SOURCE_FALLBACK', severity: 'error', rule: 'source', detail: 'the token cannot read roles' }]);
    expect(got.rules).toContainEqual(['source', 'The role definition was read (no fallback to effective-access probes)', 'fail']);
    expect(run(`${HEAD}excess: ignore\n`, roleOf()).rules.map((r) => r[0])).not.toContain('source');
  });

  test('rules come in policy order: role, flags, settings, restrictions, permissions, excess, catalog', () => {
    const p = `${HEAD}flags:\n  webServicesOnly: true\nsettings:\n  coreAdminPermissions: false\nrecordRestrictions:\n  CLASS: NONE\npermissions:\n  lists:\n    Vendors: View\n    Items: View\n`;
    expect(run(p, roleOf()).rules.map((r) => r[0])).toEqual([
      'role:active', 'flag:webServicesOnly', 'setting:coreAdminPermissions', 'setting:recordRestrictions.CLASS', 'permission:LIST_VENDOR', 'permission:LIST_ITEM', 'excess', 'catalog', 'risk',
    ]);
  });

  test('findings: role-wide first, then by subtab, permission ID, severity and code', () => {
    const role = roleOf({ flags: { webServicesOnly: false, inactive: false, doNotRestrictEmployeeFields: false } },
      [['REPO_PERIODENDFINANCIALS', 'VIEW'], ['LIST_VENDOR', 'VIEW'], ['LIST_ITEM', 'VIEW'], ['TRAN_CUSTINVC', 'VIEW'], ['LIST_NOTREAL', 'VIEW']]);
    const p = `${HEAD}excess: fail\nflags:\n  webServicesOnly: true\npermissions:\n  lists:\n    Items: Full\n`;
    expect(run(p, role).findings.map((f) => `${f.code} ${f.permission?.id ?? f.flag}`)).toEqual([
      'FLAG_MISMATCH webServicesOnly',
      'PERMISSION_EXCESS TRAN_CUSTINVC',
      'PERMISSION_EXCESS REPO_PERIODENDFINANCIALS',
      'LEVEL_TOO_LOW LIST_ITEM',
      'PERMISSION_EXCESS LIST_NOTREAL',
      'PERMISSION_UNCATALOGUED LIST_NOTREAL',
      'PERMISSION_EXCESS LIST_VENDOR',
    ]);
  });

  test('a large role\'s findings too (past the size where a sort changes method)', () => {
    const ids = getCatalog().all().filter((x) => x.subtab === 'lists' && x.levels.includes('FULL')).map((x) => x.id).sort().slice(0, 80);
    const p = `${HEAD}excess: ignore\npermissions:\n  lists:\n${[...ids].reverse().map((id) => `    ${id}: Full`).join('\n')}\n`;
    expect(run(p, roleOf()).findings.map((f) => f.permission?.id)).toEqual(ids);
  });
  test('each rule says what kind of rule it is (the matrix and JUnit group by it)', () => {
    const p = [
      HEAD.trimEnd(), 'excess: fail', 'flags: {webServicesOnly: true}', 'settings: {coreAdminPermissions: false}', 'recordRestrictions: {CLASS: NONE}',
      'permissions:', '  lists: {Items: View}', 'risks: {severity: warning}',
      'conflicts:', '  - {name: ap, reason: pay and enter, any: {Vendors: Edit}}',
      'waivers:', '  - {code: ROLE_INACTIVE, reason: not needed now, expires: 2027-01-31}', '',
    ].join('\n');
    const kinds = diffRole(policyOf(p), roleOf({ recordRestrictions: [] }), { today: '2026-11-27' }).rules.map((r) => `${r.id} ${r.kind}`);
    expect(kinds).toEqual(expect.arrayContaining([
      'role:active role', 'flag:webServicesOnly flag', 'setting:coreAdminPermissions setting', 'setting:recordRestrictions.CLASS setting',
      'permission:LIST_ITEM permission', 'excess excess', 'catalog catalog', 'risk risk', 'conflict:ap conflict', 'waiver:0 waiver',
    ]));
    expect(diffRole(policyOf(HEAD), undefined, { today: '2026-11-27' }).rules.map((r) => `${r.id} ${r.kind}`)).toEqual(['role:exists role']);
    expect(diffRole(policyOf(HEAD), roleOf(), { today: '2026-11-27', fallback: 'refused' }).rules.map((r) => `${r.id} ${r.kind}`)).toContain('source role');
  });
  test('findings checked late (a waiver, a conflict) still come role-wide first; permissions by ID whatever the policy order', () => {
    const p = [
      `${HEAD}excess: ignore`,
      'permissions:', '  lists:', '    Vendors: Full', '    Items: Full', '    Contacts: Full', '  transactions:', '    Invoice: Full',
      'waivers:', '  - {code: ROLE_INACTIVE, reason: not needed now, expires: 2027-01-31}', '',
    ].join('\n');
    expect(run(p, roleOf()).findings.map((f) => `${f.code} ${f.permission?.id ?? f.rule}`)).toEqual([
      'WAIVER_UNUSED waiver:0',
      'PERMISSION_MISSING TRAN_CUSTINVC',
      'PERMISSION_MISSING LIST_CONTACT',
      'PERMISSION_MISSING LIST_ITEM',
      'PERMISSION_MISSING LIST_VENDOR',
    ]);
  });
});

describe('permission rules carry what the matrix shows', () => {
  const rulesOf = (role: RoleSnapshot) => diffRole(policyOf(`${HEAD}excess: ignore\npermissions:\n  lists:\n    Items: {min: View, max: Edit}\n    Vendors: Full\n`), role, { today: '2026-11-27' })
    .rules.filter((r) => r.kind === 'permission').map((r) => [r.permission?.id, r.expectedMin, r.expectedMax, r.actualLevel]);
  test('the role definition: the actual level of every rule, NONE when absent', () => {
    expect(rulesOf(roleOf({}, [['LIST_ITEM', 'CREATE']]))).toEqual([['LIST_ITEM', 'VIEW', 'EDIT', 'CREATE'], ['LIST_VENDOR', 'FULL', undefined, 'NONE']]);
  });
  test('effective access or an unverifiable permission: no actual level is claimed', () => {
    expect(rulesOf(roleOf({ evidence: 'effective-access' }, [['LIST_ITEM', 'VIEW']]))).toEqual([['LIST_ITEM', 'VIEW', 'EDIT', undefined], ['LIST_VENDOR', 'FULL', undefined, undefined]]);
    expect(rulesOf(roleOf({ unverifiable: { LIST_VENDOR: 'unmapped' } }, [['LIST_VENDOR', 'FULL']]))[1]).toEqual(['LIST_VENDOR', 'FULL', undefined, undefined]);
  });
});

describe('the role itself must be seen', () => {
  test('over SOAP probes the role cannot be identified: "Role exists and is active" is NOT_VERIFIABLE', () => {
    const got = run(`${HEAD}excess: ignore\n`, roleOf({ evidence: 'effective-access' }, []));
    expect(got.findings.filter((f) => f.rule === 'role:active')).toEqual([expect.objectContaining({ code: 'NOT_VERIFIABLE', severity: 'error', detail: expect.stringContaining('cannot show which role that is') })]);
    expect(got.rules).toContainEqual(['role:active', 'Role exists and is active', 'unverifiable']);
  });
  test('a source that cannot read the Inactive flag cannot say the role is active', () => {
    const got = run(`${HEAD}excess: ignore\n`, roleOf({ flags: { webServicesOnly: true } }, []));
    expect(got.findings).toEqual([{ code: 'NOT_VERIFIABLE', severity: 'error', rule: 'role:active', flag: 'inactive', expectedFlag: false, actualFlag: null, detail: 'this source cannot read whether the role is inactive' }]);
  });
  test('a policy expecting the role inactive needs no Inactive flag to pass "Role exists"', () => {
    const got = run(`${HEAD}excess: ignore\nflags: {inactive: true}\n`, roleOf({ flags: { inactive: true } }, []));
    expect(got.rules).toContainEqual(['role:active', 'Role exists', 'pass']);
  });
});

describe('one reading of duplicate lines', () => {
  const twice: Array<[string, RolePermission['level']]> = [['LIST_ITEM', 'VIEW'], ['LIST_ITEM', 'FULL'], ['LIST_ITEM', 'EDIT']];
  test.each(['Items: View', 'Items: {exact: Full}', 'Items: {max: Full}', 'Items: None'])('lines at different levels leave %s not verifiable, never a pick', (spec) => {
    const got = run(`${HEAD}excess: fail\npermissions:\n  lists:\n    ${spec}\n`, roleOf({}, twice));
    expect(got.findings.filter((f) => f.rule === 'permission:LIST_ITEM')).toEqual([expect.objectContaining({ code: 'NOT_VERIFIABLE', detail: 'the role lists LIST_ITEM more than once, at View and Edit and Full; which line NetSuite applies is unconfirmed' })]);
  });
  test('an unlisted permission listed at different levels is not verifiable under excess: fail, and nothing under excess: ignore', () => {
    expect(run(`${HEAD}excess: fail\n`, roleOf({}, twice)).findings.filter((f) => f.rule === 'excess').map((f) => f.code)).toEqual(['NOT_VERIFIABLE']);
    expect(run(`${HEAD}excess: ignore\n`, roleOf({}, twice)).findings.filter((f) => f.rule === 'excess')).toEqual([]);
  });
  test('... placed at the allowance that names it, else at excess:', () => {
    const at = (p: string) => diffRole(policyOf(p), roleOf({}, twice), { today: '2026-11-27' }).findings.filter((f) => f.rule === 'excess').map((f) => `${f.code} ${f.loc?.line}`);
    expect(at(`${HEAD}excess: ignore\nallow:\n  Items: Full\n`)).toEqual(['NOT_VERIFIABLE 5']);
    expect(at(`${HEAD}excess: fail\n`)).toEqual(['NOT_VERIFIABLE 3']);
  });
});

describe('where in the role file a finding is fixed (SDF files know their lines)', () => {
  const lines = { role: 1, webServicesOnly: 3, coreAdminPermissions: 4, permissions: 6, LIST_ITEM: 7, recordRestrictions: 10 };
  const at = (p: string, role: RoleSnapshot) => diffRole(policyOf(p), role, { today: '2026-11-27' }).findings.map((f) => `${f.code} ${f.roleLoc ? `${f.roleLoc.file}:${f.roleLoc.line}:${f.roleLoc.column}` : '-'}`);
  test('the permission\'s line, else the permissions section; the flag, the setting, the restrictions section; else the role element', () => {
    const role = roleOf({ lines, origin: 'r.xml', flags: { webServicesOnly: false, inactive: true, doNotRestrictEmployeeFields: false }, settings: { coreAdminPermissions: true }, recordRestrictions: [] },
      [['LIST_ITEM', 'VIEW']]);
    const p = `${HEAD}excess: ignore\nflags: {webServicesOnly: true}\nsettings: {coreAdminPermissions: false}\nrecordRestrictions: {CLASS: OWN_ONLY}\npermissions:\n  lists: {Items: Full, Vendors: View}\n`;
    expect(at(p, role)).toEqual([
      'ROLE_INACTIVE r.xml:1:1', 'SETTING_MISMATCH r.xml:4:1', 'RECORD_RESTRICTION_MISMATCH r.xml:10:1', 'FLAG_MISMATCH r.xml:3:1',
      'LEVEL_TOO_LOW r.xml:7:1', 'PERMISSION_MISSING r.xml:6:1',
    ]);
  });
  test('a role read from elsewhere (no lines) gets no place in a file', () => {
    expect(at(`${HEAD}excess: ignore\npermissions:\n  lists: {Items: Full}\n`, roleOf({}, [['LIST_ITEM', 'VIEW']]))).toEqual(['LEVEL_TOO_LOW -']);
  });
});
