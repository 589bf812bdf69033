/**
 * Reading an SDF role file in process: each refusal with its message, line, column and suggestion,
 * and the details of what is read (booleans, settings, custom centers, custom fields, the lines a
 * fix edits). Written against the mutants of src/core/role/sdf.ts that only the spawned CLI
 * tests (hostile files, the role corpus) reached.
 */
import { AuditError } from '../../src/core/errors';
import { parseSdfRole } from '../../src/core/role/sdf';
import { loadedHere } from '../helpers/loaded-here';

/** The refusal as `line:column message | suggestion`, and the error's own text. */
function refusal(text: string): string {
  try {
    parseSdfRole('r.xml', text);
  } catch (e) {
    if (!(e instanceof AuditError)) throw e;
    const [i] = e.issues;
    expect(e.code).toBe('ROLE_FILE_INVALID');
    expect(e.issues).toHaveLength(1);
    expect(i.code).toBe('ROLE_FILE_INVALID');
    expect(e.message).toBe(`r.xml:${i.loc.line}:${i.loc.column}: ${i.message}`);
    expect(i.loc.file).toBe('r.xml');
    return `${i.loc.line}:${i.loc.column} ${i.message}${i.suggestion ? ` | ${i.suggestion}` : ''}`;
  }
  throw new Error('read without a refusal');
}

describe('refused, at the place', () => {
  test('another root, or a role without a script id', () => {
    expect(refusal('\n  <customrecordtype scriptid="x"/>')).toBe('2:3 expected a <role> root element, found <customrecordtype> | SDF role files look like <role scriptid="customrole_x">...</role>');
    expect(refusal('<role>\n</role>')).toBe('1:1 <role> has no scriptid attribute');
    expect(refusal('<role scriptid="  ">\n</role>')).toBe('1:1 <role> has no scriptid attribute');
    expect(refusal('<role id="customrole_x">\n</role>')).toBe('1:1 <role> has no scriptid attribute');
  });
  test('text beside the fields, a field twice', () => {
    expect(refusal('<role scriptid="customrole_x">\n  stray\n  <name>X</name>\n</role>')).toBe('1:31 text directly inside <role> | put values inside their elements');
    expect(refusal('<role scriptid="customrole_x">\n  <name>X</name>\n  <name>Y</name>\n</role>')).toBe('3:3 <name> appears twice in <role> (first at line 2) | keep one: a role holds one value for each field');
  });
  test('a permission without a level, with an unknown level; a restriction line without a segment', () => {
    const perms = (body: string) => `<role scriptid="customrole_x">\n  <permissions>\n    <permission>\n${body}    </permission>\n  </permissions>\n</role>`;
    expect(refusal(perms('      <permkey>LIST_ITEM</permkey>\n'))).toMatch(/^3:5 permission LIST_ITEM: no <permlevel> \| add <permlevel>NONE\|VIEW/);
    expect(refusal(perms('      <permkey>LIST_ITEM</permkey>\n      <permlevel>MOST</permlevel>\n'))).toMatch(/^5:7 permission LIST_ITEM: unknown <permlevel> /);
    const restr = '<role scriptid="customrole_x">\n  <recordrestrictions>\n    <recordrestriction>\n      <restriction>OWN_ONLY</restriction>\n    </recordrestriction>\n  </recordrestrictions>\n</role>';
    expect(refusal(restr)).toMatch(/^3:5 <recordrestriction> without a <segment> \| add <segment>DEPARTMENT\|CLAS/);
  });
  test('columns count from the line\'s start on any line', () => {
    expect(refusal('<role scriptid="customrole_x">\n<name>X</name><name>Y</name>\n</role>')).toMatch(/^2:15 <name> appears twice/);
    expect(refusal('<role scriptid="customrole_x"><name>X</name>\n\n\n      <name>Y</name>\n</role>')).toMatch(/^4:7 <name> appears twice in <role> \(first at line 1\)/);
  });
});

describe('what is read', () => {
  const read = (fields: string) => parseSdfRole('r.xml', `<role scriptid="CustomRole_X">\n${fields}</role>\n`);
  test('booleans: T, true, F, false in any case; absent is false; anything else unknown', () => {
    const flags = (v: string) => read(`  <isinactive>${v}</isinactive>\n`).flags.inactive;
    expect(['T', 'true', 'TRUE', 'F', 'false', 'False', ' f ', 'yes', 'ft', 'tf', ''].map(flags)).toEqual([true, true, true, false, false, false, false, undefined, undefined, undefined, undefined]);
    expect(read('').flags).toEqual({ webServicesOnly: false, doNotRestrictEmployeeFields: false, inactive: false });
  });
  test('the flags by their SDF element', () => {
    const r = read('  <iswebserviceonlyrole>T</iswebserviceonlyrole>\n  <employeeselectionunrestricted>T</employeeselectionunrestricted>\n  <isinactive>T</isinactive>\n');
    expect(r.flags).toEqual({ webServicesOnly: true, doNotRestrictEmployeeFields: true, inactive: true });
  });
  test('settings: a boolean absent is unchecked, an enum absent or empty unknown, an enum word upper case, a custom center by its lower-case script id, a text as written', () => {
    const r = read('  <centertype>[SCRIPTID= CustCenter_Sync ]</centertype>\n  <tfarequired>totp</tfarequired>\n  <parentrolescriptid></parentrolescriptid>\n');
    expect(r.settings).toMatchObject({ centerType: 'custcenter_sync', twoFactorRequired: 'TOTP', parentRole: '', coreAdminPermissions: false });
    expect(read('  <tfarequired> </tfarequired>\n').settings).not.toHaveProperty('twoFactorRequired');
    expect(read('').settings).not.toHaveProperty('centerType');
    expect(read('  <centertype>basic</centertype>\n').settings.centerType).toBe('BASIC');
  });
  test('the name, the script id in lower case, custom fields kept; no custom fields, none listed', () => {
    const r = read('  <name> Sync </name>\n  <custrecord_note>kept</custrecord_note>\n');
    expect([r.scriptId, r.name, r.customFields]).toEqual(['customrole_x', 'Sync', { custrecord_note: 'kept' }]);
    expect(read('  <name>Sync</name>\n')).not.toHaveProperty('customFields');
  });
  test('the line of each part a fix edits: the role, each section, each flag, setting and permission', () => {
    const r = read('  <isinactive>F</isinactive>\n  <coreadminpermission>F</coreadminpermission>\n  <custrecord_note>x</custrecord_note>\n  <permissions>\n    <permission>\n      <permkey>LIST_ITEM</permkey>\n      <permlevel>VIEW</permlevel>\n    </permission>\n  </permissions>\n  <recordrestrictions>\n  </recordrestrictions>\n');
    expect(r.lines).toEqual({ role: 1, inactive: 2, coreAdminPermissions: 3, permissions: 5, LIST_ITEM: 7, recordRestrictions: 11 });
  });
  test('the tables of elements, read as the module loads (test/helpers/loaded-here.ts)', () => {
    const fresh = loadedHere<typeof import('../../src/core/role/sdf')>(require.resolve('../../src/core/role/sdf'));
    expect(fresh.FLAG_ELEMENTS).toEqual({ iswebserviceonlyrole: 'webServicesOnly', employeeselectionunrestricted: 'doNotRestrictEmployeeFields', isinactive: 'inactive' });
    const r = fresh.parseSdfRole('r.xml', '<role scriptid="customrole_x">\n  <recordrestrictions>\n    <recordrestriction>\n      <segment>CLASS</segment>\n      <restriction>OWN_ONLY</restriction>\n      <viewingallowed>T</viewingallowed>\n      <itemsrestricted>F</itemsrestricted>\n    </recordrestriction>\n  </recordrestrictions>\n  <permissions>\n    <permission>\n      <permkey>customrecord_a</permkey>\n      <permlevel>VIEW</permlevel>\n      <restriction>OWNONLY</restriction>\n    </permission>\n  </permissions>\n  <coreadminpermission>T</coreadminpermission>\n</role>');
    expect([r.recordRestrictions, r.permissions, r.settings.coreAdminPermissions]).toEqual([
      [{ segment: 'CLASS', restriction: 'OWN_ONLY', viewingAllowed: true, itemsRestricted: false }], [{ permkey: 'customrecord_a', level: 'VIEW', restriction: 'OWNONLY' }], true,
    ]);
    expect(() => fresh.parseSdfRole('r.xml', '<role scriptid="customrole_x">\n  <permissions>\n    <permission>\n      <permkey>LIST_ITEM</permkey>\n      <permlevel>VIEW</permlevel>\n      <note>x</note>\n    </permission>\n  </permissions>\n</role>')).toThrow('<note> is not a field of <permission>; it holds <permkey>, <permlevel>, <restriction>');
    expect(() => fresh.parseSdfRole('r.xml', '<role scriptid="customrole_x">\n  <recordrestrictions>\n    <recordrestriction>\n      <segment>CLASS</segment>\n      <note>x</note>\n    </recordrestriction>\n  </recordrestrictions>\n</role>')).toThrow('<note> is not a field of <recordrestriction>; it holds <segment>, <restriction>, <viewingallowed>, <itemsrestricted>');
  });
});
