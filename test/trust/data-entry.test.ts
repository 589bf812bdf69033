import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, folderWith } from '../helpers/cli-in-process';

// "No silent acceptance where data enters": each case below is a role that must fail (or an input
// that must be refused with a position) and once came out compliant, exit 0. Named by the item of
// the issue that found it; variants of each written here too.

const role = (body: string, scriptId = 'customrole_x') => `<role scriptid="${scriptId}">\n  <name>X</name>\n  <iswebserviceonlyrole>T</iswebserviceonlyrole>\n${body}\n</role>\n`;
const perm = (key: string, level: string) => `    <permission>\n      <permkey>${key}</permkey>\n      <permlevel>${level}</permlevel>\n    </permission>`;
const perms = (...lines: string[]) => `  <permissions>\n${lines.join('\n')}\n  </permissions>`;
const POLICY = `version: 1
role: {scriptId: customrole_x}
flags: {webServicesOnly: true}
excess: fail
permissions:
  transactions:
    Sales Order: View
    Customer Refunds: {exact: None}
recordRestrictions:
  DEPARTMENT: NONE
`;

async function audit(files: Record<string, string>, ...extra: string[]) {
  const dir = folderWith({ 'policy.yaml': POLICY, ...files });
  return cli(['audit', '--policy', join(dir, 'policy.yaml'), '--role-file', join(dir, Object.keys(files)[0]), ...extra], { cwd: dir });
}

describe('1. character references in SDF files are read as XML reads them', () => {
  test.each([
    ['a decimal reference', 'TRAN_CUSTRFN&#68;'],
    ['a hexadecimal reference', 'TRAN_CUSTRFN&#x44;'],
    ['a reference for the first letter', '&#84;RAN_CUSTRFND'],
    ['the whole key as references', [...'TRAN_CUSTRFND'].map((c) => `&#${c.charCodeAt(0)};`).join('')],
  ])('a banned permission written with %s fails its {exact: None} rule', async (_name, key) => {
    const r = await audit({ 'customrole_x.xml': role(perms(perm('TRAN_SALESORD', 'VIEW'), perm(key, 'FULL'))) }, '--format', 'json');
    expect(r.code).toBe(1);
    const findings = JSON.parse(r.stdout).results[0].findings;
    expect(findings).toContainEqual(expect.objectContaining({ code: 'LEVEL_ABOVE_MAX', permission: expect.objectContaining({ id: 'TRAN_CUSTRFND' }), actualLevel: 'FULL' }));
    expect(findings.map((f: { code: string }) => f.code)).not.toContain('PERMISSION_UNCATALOGUED');
  });

  test.each([
    ['the segment', '<segment>DEPARTMEN&#84;</segment><restriction>OWNONLY</restriction>'],
    ['the restriction', '<segment>DEPARTMENT</segment><restriction>&#79;WNONLY</restriction>'],
  ])('a record restriction with a reference in %s fails DEPARTMENT: NONE', async (_name, inner) => {
    const r = await audit({ 'customrole_x.xml': role(`${perms(perm('TRAN_SALESORD', 'VIEW'))}\n  <recordrestrictions><recordrestriction>${inner}</recordrestriction></recordrestrictions>`) }, '--format', 'json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).results[0].findings).toContainEqual(expect.objectContaining({ code: 'RECORD_RESTRICTION_MISMATCH', actualValue: 'OWNONLY' }));
  });

  test('a reference in a flag is read: T written as &#84; is checked', async () => {
    const r = await audit({ 'customrole_x.xml': role(perms(perm('TRAN_SALESORD', 'VIEW'))).replace('<iswebserviceonlyrole>T<', '<iswebserviceonlyrole>&#84;<') }, '--format', 'json');
    expect(JSON.parse(r.stdout).results[0].rules).toContainEqual(expect.objectContaining({ id: 'flag:webServicesOnly', status: 'pass' }));
  });

  test.each([
    ['an entity a DTD would define', '<!DOCTYPE role [<!ENTITY r "TRAN_CUSTRFND">]>\n', '&r;', 'DOCTYPE is not allowed', 1],
    ['an HTML entity', '', 'TRAN_CUSTRFND&nbsp;', '&nbsp; is not defined', 10],
    ['a reference to a character XML forbids', '', 'TRAN_CUSTRFN&#1;', 'is not a character XML allows', 10],
  ])('%s is refused at its line, never guessed', async (_name, head, key, message, line) => {
    const r = await audit({ 'customrole_x.xml': head + role(perms(perm('TRAN_SALESORD', 'VIEW'), perm(key, 'FULL'))) });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('ROLE_FILE_INVALID');
    expect(r.stderr).toContain(message);
    expect(r.stderr).toMatch(new RegExp(`customrole_x\\.xml:${line}:\\d+`));
  });
});

describe('2. repeated elements are errors, never a silent pick', () => {
  test.each([
    ['two <permissions> blocks', role(`${perms(perm('TRAN_SALESORD', 'VIEW'))}\n${perms(perm('TRAN_CUSTRFND', 'FULL'))}`), '<permissions> appears twice in <role> (first at line 4)', 10],
    ['a repeated flag', role(`  <iswebserviceonlyrole>F</iswebserviceonlyrole>\n${perms(perm('TRAN_SALESORD', 'VIEW'))}`), '<iswebserviceonlyrole> appears twice in <role> (first at line 3)', 4],
    ['a repeated name', role(`  <name>Y</name>\n${perms(perm('TRAN_SALESORD', 'VIEW'))}`), '<name> appears twice', 4],
    ['a repeated setting', role(`  <coreadminpermission>F</coreadminpermission><coreadminpermission>T</coreadminpermission>\n${perms(perm('TRAN_SALESORD', 'VIEW'))}`), '<coreadminpermission> appears twice', 4],
    ['a repeated <permlevel>', role(perms('    <permission><permkey>TRAN_SALESORD</permkey><permlevel>VIEW</permlevel><permlevel>FULL</permlevel></permission>')), '<permlevel> appears twice in <permission>', 5],
    ['a repeated <permkey>', role(perms('    <permission><permkey>TRAN_SALESORD</permkey><permkey>TRAN_CUSTRFND</permkey><permlevel>VIEW</permlevel></permission>')), '<permkey> appears twice in <permission>', 5],
    ['two <recordrestrictions> blocks', role(`${perms(perm('TRAN_SALESORD', 'VIEW'))}\n  <recordrestrictions/>\n  <recordrestrictions><recordrestriction><segment>DEPARTMENT</segment><restriction>OWNONLY</restriction></recordrestriction></recordrestrictions>`), '<recordrestrictions> appears twice', 11],
    ['a repeated <segment>', role(`${perms(perm('TRAN_SALESORD', 'VIEW'))}\n  <recordrestrictions><recordrestriction><segment>CLASS</segment><segment>DEPARTMENT</segment><restriction>OWNONLY</restriction></recordrestriction></recordrestrictions>`), '<segment> appears twice in <recordrestriction>', 10],
  ])('%s', async (_name, xml, message, line) => {
    const r = await audit({ 'customrole_x.xml': xml });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).toMatch(new RegExp(`customrole_x\\.xml:${line}:\\d+`));
  });

  test.each([
    ['an element inside a field', role(`  <isinactive><b>F</b></isinactive>\n${perms(perm('TRAN_SALESORD', 'VIEW'))}`), '<isinactive> holds an element <b>'],
    ['an unknown field in a permission', role(perms('    <permission><permkey>TRAN_SALESORD</permkey><permlevel>VIEW</permlevel><level>FULL</level></permission>')), '<level> is not a field of <permission>'],
    ['another element among the permissions', role(perms(`${perm('TRAN_SALESORD', 'VIEW')}\n    <perm><permkey>TRAN_CUSTRFND</permkey><permlevel>FULL</permlevel></perm>`)), '<perm> inside <permissions>'],
    ['a restriction line without its restriction', role(`${perms(perm('TRAN_SALESORD', 'VIEW'))}\n  <recordrestrictions><recordrestriction><segment>DEPARTMENT</segment></recordrestriction></recordrestrictions>`), 'without a <restriction>'],
    ['text beside the permissions', role(perms(`${perm('TRAN_SALESORD', 'VIEW')}\n    TRAN_CUSTRFND FULL`)), 'text directly inside <permissions>'],
    ['a level in digits', role(perms(perm('TRAN_SALESORD', '4'))), 'unknown <permlevel> "4"'],
  ])('%s is refused with a position', async (_name, xml, message) => {
    const r = await audit({ 'customrole_x.xml': xml });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).toMatch(/customrole_x\.xml:\d+:\d+/);
  });
});

describe('1 (variants). characters that are not XML white space are part of the value', () => {
  // String.prototype.trim() also removes U+00A0 and U+2028; XML's white space is space, tab, CR
  // and LF only. A key that holds anything else is no permission's key: refused where it stands,
  // never read as an uncatalogued permission of its own (an excess warning, exit 0 by default).
  test.each([
    ['a zero-width space', 'TRAN_CUSTRFND&#x200B;', 'U+200B'],
    ['a no-break space', 'TRAN_CUSTRFND&#xA0;', 'U+00A0'],
    ['a line separator', 'TRAN_CUSTRFND&#x2028;', 'U+2028'],
    ['a Cyrillic look-alike letter', 'TRAN_CUSTRFN&#x414;', 'U+0414'],
    ['an invisible character in a custom record script id', '[scriptid=customrecord_x&#x200B;]', 'U+200B'],
  ])('a key with %s is refused at its line, naming the character', async (_name, key, named) => {
    const r = await audit({ 'customrole_x.xml': role(perms(perm('TRAN_SALESORD', 'VIEW'), perm(key, 'FULL'))) }, '--format', 'json');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is not a permission key');
    expect(r.stderr).toContain(named);
    expect(r.stderr).toMatch(/customrole_x\.xml:10:\d+/);
  });

  test.each([
    ['a no-break space in the segment', '<segment>DEPARTMENT&#xA0;</segment><restriction>OWNONLY</restriction>', 'U+00A0'],
    ['a zero-width space in the segment', '<segment>DEPARTMENT&#x200B;</segment><restriction>OWNONLY</restriction>', 'U+200B'],
    ['a look-alike letter in the restriction', '<segment>DEPARTMENT</segment><restriction>OWNONL&#x423;</restriction>', 'U+0423'],
  ])('a record restriction with %s is refused, not read as a segment the policy does not pin', async (_name, inner, named) => {
    const r = await audit({ 'customrole_x.xml': role(`${perms(perm('TRAN_SALESORD', 'VIEW'))}\n  <recordrestrictions><recordrestriction>${inner}</recordrestriction></recordrestrictions>`) });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is not a word NetSuite writes');
    expect(r.stderr).toContain(named);
    expect(r.stderr).toMatch(/customrole_x\.xml:\d+:\d+/);
  });

  test('a segment in plain words the policy cannot pin is still read (SUBSIDIARY), not refused', async () => {
    const r = await audit({ 'customrole_x.xml': role(`${perms(perm('TRAN_SALESORD', 'VIEW'))}\n  <recordrestrictions><recordrestriction><segment>SUBSIDIARY</segment><restriction>OWNONLY</restriction></recordrestriction></recordrestrictions>`) });
    expect(r.code).toBe(0);
  });

  test.each([
    ['a permission key', '{permkey: "TRAN_CUSTRFND\\u200B", level: FULL}', '', 'roles.0.permissions.1.permkey', 'U+200B', 7],
    ['a segment', '{permkey: TRAN_CUSTRFND, level: NONE}', '\n    recordRestrictions: [{segment: "DEPARTMENT\\u00A0", restriction: OWNONLY}]', 'roles.0.recordRestrictions.0.segment', 'U+00A0', 8],
  ])('a snapshot with an invisible character in %s is refused at its line', async (_name, second, extra, path, named, line) => {
    const snap = `kind: ns-role-audit/role-snapshot\nversion: 1\nroles:\n  - scriptId: customrole_x\n    name: X\n    flags: {inactive: false, webServicesOnly: true}\n    permissions: [{permkey: TRAN_SALESORD, level: VIEW}, ${second}]${extra}\n`;
    const r = await audit({ 'r.yaml': snap });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(path);
    expect(r.stderr).toContain(named);
    expect(r.stderr).toMatch(new RegExp(`r\\.yaml:${line}:\\d+`));
  });
});

describe('1 (variants). bytes are read as the text they are, or refused', () => {
  // Reading with Buffer#toString turned bytes that are not UTF-8 into U+FFFD without a word, and a
  // declared encoding was ignored: the file was read as something it does not say.
  const write = (name: string, bytes: Buffer) => {
    const dir = folderWith({ 'policy.yaml': POLICY });
    writeFileSync(join(dir, name), bytes);
    return dir;
  };
  const roleBytes = (name: Buffer) => Buffer.concat([Buffer.from('<role scriptid="customrole_x">\n  <name>'), name, Buffer.from('</name>\n  <iswebserviceonlyrole>T</iswebserviceonlyrole>\n</role>\n')]);

  test.each([
    ['a Latin-1 byte', Buffer.from([0x58, 0xe9]), '0xE9', '2:10'],
    ['an overlong form of "/"', Buffer.from([0x58, 0xc0, 0xaf]), '0xC0', '2:10'],
    ['a UTF-16 surrogate written as UTF-8', Buffer.from([0x58, 0x58, 0xed, 0xa0, 0x80]), '0xED', '2:11'],
    ['a sequence cut short at the end of a line', Buffer.from([0x58, 0xe2, 0x82]), '0xE2', '2:10'],
  ])('a role file with %s is FILE_NOT_UTF8 at its line and column', async (_name, name, byte, at) => {
    const dir = write('customrole_x.xml', roleBytes(name));
    const r = await cli(['audit', '--policy', join(dir, 'policy.yaml'), '--role-file', join(dir, 'customrole_x.xml')], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('FILE_NOT_UTF8');
    expect(r.stderr).toContain(`customrole_x.xml:${at}: byte ${byte} is not UTF-8`);
  });

  test('UTF-8 of every length is read (é, €, 𝄞), and a policy with a Latin-1 byte is refused too', async () => {
    const dir = write('customrole_x.xml', roleBytes(Buffer.from('é € 𝄞')));
    const ok = await cli(['audit', '--policy', join(dir, 'policy.yaml'), '--role-file', join(dir, 'customrole_x.xml'), '--format', 'json'], { cwd: dir });
    expect(JSON.parse(ok.stdout).results[0].role.name).toBe('é € 𝄞');
    writeFileSync(join(dir, 'latin1.yaml'), Buffer.concat([Buffer.from('version: 1\npermissions:\n  lists:\n    Cust'), Buffer.from([0xf6]), Buffer.from('mers: View\n')]));
    const r = await cli(['validate', join(dir, 'latin1.yaml')], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('latin1.yaml:4:9: byte 0xF6 is not UTF-8');
  });

  test('a role file that declares another encoding is refused at the declaration', async () => {
    const dir = write('customrole_x.xml', Buffer.concat([Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?>\n'), roleBytes(Buffer.from('X'))]));
    const r = await cli(['audit', '--policy', join(dir, 'policy.yaml'), '--role-file', join(dir, 'customrole_x.xml')], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('customrole_x.xml:1:21');
    expect(r.stderr).toContain('declares encoding "ISO-8859-1"');
  });
});

describe('2 (variants). a line missing what makes it a line is refused, never dropped', () => {
  test.each([
    ['a <permission> without its <permkey>', role(perms('    <permission><permlevel>FULL</permlevel></permission>')), '<permission> without a <permkey>'],
    ['an empty <permkey>', role(perms('    <permission><permkey> </permkey><permlevel>FULL</permlevel></permission>')), 'an empty <permkey>'],
    ['a <permission> without its <permlevel>', role(perms('    <permission><permkey>TRAN_CUSTRFND</permkey></permission>')), 'permission TRAN_CUSTRFND: no <permlevel>'],
    ['a record restriction without its segment', role(`${perms(perm('TRAN_SALESORD', 'VIEW'))}\n  <recordrestrictions><recordrestriction><restriction>OWNONLY</restriction></recordrestriction></recordrestrictions>`), '<recordrestriction> without a <segment>'],
    ['another element among the record restrictions', role(`${perms(perm('TRAN_SALESORD', 'VIEW'))}\n  <recordrestrictions><restriction><segment>DEPARTMENT</segment><restriction>OWNONLY</restriction></restriction></recordrestrictions>`), '<restriction> inside <recordrestrictions>'],
    ['an unknown field in a record restriction', role(`${perms(perm('TRAN_SALESORD', 'VIEW'))}\n  <recordrestrictions><recordrestriction><segment>DEPARTMENT</segment><restriction>OWNONLY</restriction><scope>ALL</scope></recordrestriction></recordrestrictions>`), '<scope> is not a field of <recordrestriction>; it holds <segment>, <restriction>, <viewingallowed>, <itemsrestricted>'],
    ['text beside a permission\'s fields', role(perms('    <permission>FULL<permkey>TRAN_CUSTRFND</permkey><permlevel>NONE</permlevel></permission>')), 'text directly inside <permission>'],
  ])('%s', async (_name, xml, message) => {
    const r = await audit({ 'customrole_x.xml': xml });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).toMatch(/customrole_x\.xml:\d+:\d+/);
  });

  test.each([
    ['T', 'pass'], ['true', 'pass'], ['TRUE', 'pass'], ['F', 'fail'], ['false', 'fail'],
    ['Tx', 'unverifiable'], ['xT', 'unverifiable'], ['Fx', 'unverifiable'], ['no', 'unverifiable'], ['', 'unverifiable'],
  ])('a flag written %j reads as %s against webServicesOnly: true (only T/F/true/false, whole)', async (word, status) => {
    const r = await audit({ 'customrole_x.xml': role(perms(perm('TRAN_SALESORD', 'VIEW'))).replace('<iswebserviceonlyrole>T<', `<iswebserviceonlyrole>${word}<`) }, '--format', 'json');
    expect(JSON.parse(r.stdout).results[0].rules).toContainEqual(expect.objectContaining({ id: 'flag:webServicesOnly', status }));
  });
});
