/**
 * The role module's pure parts in process: what `validate` finds in an SDF role file (each issue at
 * its line and column), the custom record types it checks against, the canonical form hashes and
 * history rest on, and how `--role` text selects a role. Written against the mutants of
 * src/core/role that only the spawned CLI tests reached.
 */
import { readSdfRoleDocument } from '../../src/core/role/sdf';
import { readRecordType, validateSdfRole, type ProjectRecordType } from '../../src/core/role/validate-sdf';
import { canonicalRole } from '../../src/core/role/canonical';
import { describeSelector, matchesSelector, parseRoleSelector } from '../../src/core/role/select';
import { roleMatcher, selectRoles } from '../../src/core/role/role-match';
import type { RoleSnapshot } from '../../src/core/model';

const roleFile = (body: string, scriptId = 'customrole_x') =>
  `<role scriptid="${scriptId}">\n  <name>X</name>\n  <centertype>BASIC</centertype>\n${body}</role>\n`;
const perm = (key: string, level: string, extra = '') => `    <permission>\n      <permkey>${key}</permkey>\n      <permlevel>${level}</permlevel>${extra}\n    </permission>\n`;
const perms = (...lines: string[]) => `  <permissions>\n${lines.join('')}  </permissions>\n`;
const problems = (text: string, recordTypes?: ProjectRecordType[]) =>
  validateSdfRole(readSdfRoleDocument('r.xml', text), recordTypes ? { recordTypes } : {}).map((i) => `${i.loc.line}:${i.loc.column} ${i.code}: ${i.message}${i.suggestion ? ` | ${i.suggestion}` : ''}`);

describe('validate: what a deploy would refuse', () => {
  test('a valid role file has nothing to say', () => {
    expect(problems(roleFile(perms(perm('LIST_ITEM', 'VIEW'), perm('customrecord_mine', 'FULL', '\n      <restriction>OWNONLY</restriction>'))))).toEqual([]);
  });
  test('a script id that is not a custom role\'s, or longer than 40 characters', () => {
    expect(problems(roleFile('', 'administrator'))).toEqual(["1:1 SCRIPT_ID_INVALID: script id 'administrator' is not a custom role's: it starts with 'customrole' and holds lower-case letters, digits and underscores | standard roles cannot be SDF objects: audit them from a live account or a snapshot"]);
    expect(problems(roleFile('', 'customrole_X'))).toHaveLength(1);
    expect(problems(roleFile('', 'xcustomrole_x'))).toHaveLength(1);
    expect(problems(roleFile('', 'customrole_x-y'))).toHaveLength(1);
    const forty = `customrole_${'a'.repeat(29)}`;
    expect(problems(roleFile('', forty))).toEqual([]);
    expect(problems(roleFile('', `${forty}b`))).toEqual([`1:1 SCRIPT_ID_INVALID: script id '${forty}b' has 41 characters; SDF allows 40`]);
  });
  test('a name and a center type are required, and may not be empty', () => {
    const text = '<role scriptid="customrole_x">\n  <name> </name>\n</role>\n';
    expect(problems(text)).toEqual([
      '1:1 FIELD_REQUIRED: <centertype> is required in a customrole object | carry the role\'s current center type: NetSuite does not let it change once the role is saved',
      '2:3 FIELD_REQUIRED: <name> is required in a customrole object and is empty',
    ]);
  });
  test('2FA other than OFF needs a duration', () => {
    expect(problems(roleFile('  <tfarequired>TOTP</tfarequired>\n'))).toEqual(['4:3 FIELD_REQUIRED: <tfaduration> is required when <tfarequired> is not OFF | add <tfaduration> (hours a trusted device stays trusted, e.g. 720)']);
    expect(problems(roleFile('  <tfarequired>TOTP</tfarequired>\n  <tfaduration> </tfaduration>\n'))).toHaveLength(1);
    expect(problems(roleFile('  <tfarequired>TOTP</tfarequired>\n  <tfaduration>720</tfaduration>\n'))).toEqual([]);
    expect(problems(roleFile('  <tfarequired>off</tfarequired>\n'))).toEqual([]);
  });
  test('a permission twice (with the same SuiteApp), a level never offered, a restriction on a standard permission', () => {
    const text = roleFile(perms(perm('LIST_ITEM', 'VIEW'), perm('LIST_ITEM', 'VIEW'), perm('ADMI_ACCTPERIODS', 'EDIT'), perm('LIST_VENDOR', 'VIEW', '\n      <restriction>OWNONLY</restriction>'), perm('LIST_CONTACT', 'VIEW', '\n      <restriction> </restriction>')));
    expect(problems(text)).toEqual([
      '9:5 DUPLICATE_PERMISSION: LIST_ITEM is listed twice (first at line 5) | keep one line: imported roles with duplicate rows fail validation',
      "15:7 IMPOSSIBLE_LEVEL: Manage Accounting Periods (ADMI_ACCTPERIODS) cannot be Edit; NetSuite offers None, View, Full | imported roles can carry such levels; a deploy refuses them (oracle/netsuite-suitecloud-sdk issue 183)",
      '20:7 RESTRICTION_NOT_ALLOWED: LIST_VENDOR is a standard permission: SDF takes <restriction> only on custom objects\' permissions | remove the <restriction> element',
    ]);
  });
  test('one custom record from two SuiteApps is two lines, not a repeat', () => {
    const text = roleFile(perms(perm('[scriptid=customrecord_mine, appid=com.a]', 'VIEW'), perm('[scriptid=customrecord_mine, appid=com.b]', 'VIEW')));
    expect(problems(text)).toEqual([]);
  });
  test('a custom record type in the project must grant this role the level the role holds', () => {
    const type = (roles: Array<[string, string]>): ProjectRecordType => ({ file: 'customrecord_mine.xml', scriptId: 'customrecord_mine', roles: new Map(roles) });
    const text = roleFile(perms(perm('customrecord_mine', 'EDIT'), perm('customrecord_other', 'FULL')));
    expect(problems(text, [type([['customrole_x', 'EDIT']])])).toEqual([]);
    expect(problems(text, [type([['customrole_x', 'VIEW']])])).toEqual([
      '5:5 ONE_SIDED_CUSTOM_RECORD: customrecord_mine (customrecord_mine.xml) grants this role View, but the role holds it at Edit: deploying both with disagreeing lists fails | make both sides say Edit, or deploy one side and let NetSuite adjust the other',
    ]);
    expect(problems(text, [type([['customrole_y', 'EDIT']])])[0]).toContain('customrecord_mine (customrecord_mine.xml) does not list this role, but the role holds it at Edit');
    // A line at None asks nothing of the record type.
    expect(problems(roleFile(perms(perm('customrecord_mine', 'NONE'))), [type([])])).toEqual([]);
  });
});

describe('a custom record type file', () => {
  const typeFile = (perms: string, root = 'customrecordtype', id = 'customrecord_Mine') => `<${root} scriptid="${id}">\n  <permissions>\n${perms}  </permissions>\n</${root}>\n`;
  const grant = (role: string, level: string) => `    <permission>\n      <permittedrole>${role}</permittedrole>\n      <permittedlevel>${level}</permittedlevel>\n    </permission>\n`;
  test('gives its script id (lower case) and each role it grants, by script id or standard role, with its level', () => {
    const t = readRecordType('t.xml', typeFile(grant('[scriptid=CUSTOMROLE_X]', 'edit') + grant(' ADMINISTRATOR ', 'FULL') + grant('customrole_y', '') + '    <permission><permittedlevel>VIEW</permittedlevel></permission>\n'));
    expect(t).toEqual({ file: 't.xml', scriptId: 'customrecord_mine', roles: new Map([['customrole_x', 'EDIT'], ['administrator', 'FULL']]) });
  });
  test('is not one when it is another object, has no script id, or is not XML', () => {
    expect(readRecordType('t.xml', typeFile('', 'customrole'))).toBeUndefined();
    expect(readRecordType('t.xml', typeFile('', 'customrecordtype', ' '))).toBeUndefined();
    expect(readRecordType('t.xml', '<customrecordtype scriptid="x">')).toBeUndefined();
    expect(readRecordType('t.xml', '<customrecordtype scriptid="customrecord_a"/>')).toEqual({ file: 't.xml', scriptId: 'customrecord_a', roles: new Map() });
  });
});

describe('the canonical form of a role', () => {
  const base: RoleSnapshot = {
    scriptId: 'customrole_x', name: 'X', flags: { webServicesOnly: true, inactive: false, doNotRestrictEmployeeFields: undefined } as unknown as RoleSnapshot['flags'],
    settings: { twoFactorRequired: 'OFF', coreAdminPermissions: false }, recordRestrictions: [{ segment: 'DEPARTMENT', restriction: 'OWN_ONLY' }, { segment: 'CLASS', restriction: 'OWN_ONLY', viewingAllowed: true }],
    permissions: [{ permkey: 'LIST_VENDOR', level: 'VIEW' }, { permkey: 'customrecord_a', level: 'FULL', appId: 'com.b' }, { permkey: 'customrecord_a', level: 'VIEW', appId: 'com.a' }, { permkey: 'LIST_ITEM', level: 'EDIT', restriction: 'OWNONLY' }],
    evidence: 'definition', origin: 'a.xml', lines: { role: 1 },
  };
  test('sorted throughout, without where it was read, undefined fields left out, what is absent null', () => {
    expect(JSON.stringify(canonicalRole(base))).toBe(JSON.stringify({
      scriptId: 'customrole_x', internalId: null, name: 'X',
      flags: { inactive: false, webServicesOnly: true },
      settings: { coreAdminPermissions: false, twoFactorRequired: 'OFF' },
      recordRestrictions: [{ restriction: 'OWN_ONLY', segment: 'CLASS', viewingAllowed: true }, { restriction: 'OWN_ONLY', segment: 'DEPARTMENT' }],
      customFields: null,
      permissions: [
        { level: 'EDIT', permkey: 'LIST_ITEM', restriction: 'OWNONLY' }, { level: 'VIEW', permkey: 'LIST_VENDOR' },
        { appId: 'com.a', level: 'VIEW', permkey: 'customrecord_a' }, { appId: 'com.b', level: 'FULL', permkey: 'customrecord_a' },
      ],
    }));
  });
  test('equal roles read in any order, from anywhere, are equal; a difference is not', () => {
    const shuffled: RoleSnapshot = { ...base, origin: 'elsewhere', lines: undefined, permissions: [...base.permissions].reverse(), recordRestrictions: [...base.recordRestrictions!].reverse() };
    expect(JSON.stringify(canonicalRole(shuffled))).toBe(JSON.stringify(canonicalRole(base)));
    expect(JSON.stringify(canonicalRole({ ...base, permissions: [{ permkey: 'LIST_ITEM', level: 'FULL' }] }))).not.toBe(JSON.stringify(canonicalRole(base)));
    const none = canonicalRole({ ...base, recordRestrictions: undefined, customFields: { custrecord_b: 'x', custrecord_a: 'y' }, scriptId: undefined, internalId: '7', name: undefined });
    expect([none.recordRestrictions, JSON.stringify(none.customFields), none.scriptId, none.internalId, none.name]).toEqual([null, '{"custrecord_a":"y","custrecord_b":"x"}', null, '7', null]);
  });
});

describe('selecting a role', () => {
  test('--role text: digits are an internal id, customrole* a script id (lower case), anything else a name; trimmed', () => {
    expect([' 1028 ', 'CustomRole_X', 'Polytomic Sync', 'role 7', '12a'].map(parseRoleSelector)).toEqual([
      { internalId: '1028' }, { scriptId: 'customrole_x' }, { name: 'Polytomic Sync' }, { name: 'role 7' }, { name: '12a' },
    ]);
  });
  test('in messages', () => {
    expect([{ scriptId: 'customrole_x' }, { internalId: '7' }, { name: 'Sync' }, {}].map(describeSelector)).toEqual(['customrole_x', '#7', '"Sync"', '(no role)']);
  });
  test('a role matches every identifier given; a name only when no id is given; nothing given matches nothing', () => {
    const role = { scriptId: 'customrole_x', internalId: '7', name: 'Sync Role' };
    expect(matchesSelector(role, { scriptId: 'CUSTOMROLE_X' })).toBe(true);
    expect(matchesSelector(role, { scriptId: 'customrole_y' })).toBe(false);
    expect(matchesSelector(role, { internalId: '7' })).toBe(true);
    expect(matchesSelector(role, { internalId: '8' })).toBe(false);
    expect(matchesSelector(role, { name: 'sync role' })).toBe(true);
    expect(matchesSelector(role, { name: 'other' })).toBe(false);
    expect(matchesSelector(role, { scriptId: 'customrole_x', name: 'other' })).toBe(true);
    expect(matchesSelector(role, { internalId: '7', name: 'other' })).toBe(true);
    expect(matchesSelector(role, { scriptId: 'customrole_x', internalId: '8' })).toBe(false);
    expect(matchesSelector(role, {})).toBe(false);
    expect(matchesSelector({ internalId: '7' }, { scriptId: 'customrole_x' })).toBe(false);
    expect(matchesSelector({ internalId: '7' }, { name: 'x' })).toBe(false);
  });
});

describe('a config\'s roles: patterns', () => {
  const roles = [
    { scriptId: 'customrole_int_a', internalId: '7', name: 'Int A' }, { scriptId: 'customrole_int.b', internalId: '17', name: 'Int B' },
    { internalId: '8', name: 'Standard' }, { scriptId: 'customrole_x', internalId: '9' },
  ];
  const picked = (pattern: string) => roles.filter(roleMatcher(pattern)).map((r) => r.internalId);
  test('digits are an internal id, exactly (spaces around ignored)', () => {
    expect([picked(' 7 '), picked('1'), picked('17')]).toEqual([['7'], [], ['17']]);
  });
  test('a glob matches script ids whole, in any case; * any run, ? one character; other characters literally', () => {
    expect(picked('CUSTOMROLE_INT_*')).toEqual(['7']);
    expect(picked('customrole_int?a')).toEqual(['7']);
    expect(picked('customrole_int.*')).toEqual(['17']);
    expect(picked('customrole_*')).toEqual(['7', '17', '9']);
    expect(picked('*int_')).toEqual([]);
    // '*' is every role, even one listed without a script id.
    expect(picked('*')).toEqual(['7', '17', '8', '9']);
  });
  test('anything else is a script id or a name, in any case; roles without one are skipped', () => {
    expect([picked('customrole_X'), picked('standard'), picked(' int a ')]).toEqual([['9'], ['8'], ['7']]);
  });
  test('the roles any pattern matches, in the listing\'s order, and the patterns that matched nothing', () => {
    expect(selectRoles(roles, ['9', 'customrole_int_*', 'nobody'])).toEqual({ roles: [roles[0], roles[3]], unmatched: ['nobody'] });
  });
});
