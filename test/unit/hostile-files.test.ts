import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseSdfRole } from '../../src/core/role/sdf';
import { parseXmlTree } from '../../src/core/xml-tree';
import { readTextFile } from '../../src/adapters/read-file';
import { readRoleFiles } from '../../src/adapters/role-files';
import { readPolicy } from '../../src/adapters/read-policy';
import { AuditError } from '../../src/core/errors';

// Hostile files: each ends in a named error with a position where one exists, never "internal".

const role = (inner: string) => `<role scriptid="customrole_x">${inner}<permissions><permission><permkey>TRAN_FIND</permkey><permlevel>VIEW</permlevel></permission></permissions></role>`;
const issueOf = (fn: () => unknown) => {
  try { fn(); return 'no error'; } catch (e) { return e instanceof AuditError ? `${e.code} ${e.issues[0]?.loc.line ?? ''} ${e.message}` : `not named: ${(e as Error).message}`; }
};

test.each([
  ['a NUL character', role('<name>A\u0000B</name>'), /ROLE_FILE_INVALID 1 .*U\+0000/],
  ['a second XML declaration', '<?xml version="1.0"?>\n' + role('\n<?xml version="1.0"?>\n<name>X</name>'), /ROLE_FILE_INVALID 3 .*declaration after the start/],
  ['elements nested past 100 levels', `<role scriptid="customrole_x">\n${'<a>'.repeat(150)}${'</a>'.repeat(150)}</role>`, /ROLE_FILE_INVALID 2 .*nested deeper than 100/],
  ['a DOCTYPE', '<!DOCTYPE role [<!ENTITY x "y">]>' + role(''), /ROLE_FILE_INVALID 1 .*DOCTYPE/],
])('an SDF role file with %s is refused with its line', (_name, text, expected) => {
  expect(issueOf(() => parseSdfRole('r.xml', text))).toMatch(expected);
});

test('a SOAP body nested past 100 levels is unreadable with a reason, not a crash', () => {
  const r = parseXmlTree(`<Envelope>${'<x>'.repeat(120)}${'</x>'.repeat(120)}</Envelope>`);
  expect(r.root).toBeUndefined();
  expect(r.error).toContain('nested deeper than 100');
});

describe('files of every kind', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nsra-files-'));

  test('a device is refused by type, not read until memory runs out', () => {
    expect(issueOf(() => readTextFile('/dev/zero', 'role'))).toMatch(/^FILE_UNREADABLE .*not a regular file/);
    expect(issueOf(() => readRoleFiles('/dev/zero'))).toMatch(/^FILE_UNREADABLE/);
  });

  test('a file over its kind\'s limit is FILE_TOO_LARGE before it is read', () => {
    const big = join(dir, 'big.yaml');
    writeFileSync(big, `# ${'x'.repeat(5 * 1024 * 1024)}\n`);
    expect(issueOf(() => readTextFile(big, 'policy'))).toMatch(/^FILE_TOO_LARGE .*more than the 4194304/);
  });

  test('a policy that extends /dev/zero gets a positioned error, not an abort', () => {
    const p = join(dir, 'p.yaml');
    writeFileSync(p, 'extends: [/dev/zero]\nrole: {scriptId: customrole_x}\n');
    const r = issueOf(() => readPolicy(p));
    expect(r).toMatch(/^POLICY_INVALID 1 /);
  });

  test('a project folder with links (to a folder, dangling, a loop): links reported and skipped, the roles read', () => {
    const project = join(dir, 'project', 'src', 'Objects');
    mkdirSync(project, { recursive: true });
    writeFileSync(join(project, 'customrole_x.xml'), role('<name>X</name>'));
    symlinkSync(join(dir, 'project'), join(project, 'loop'));
    symlinkSync(join(dir, 'nowhere'), join(project, 'customrole_dangling.xml'));
    symlinkSync(project, join(project, 'customrole_dir.xml'));
    const r = readRoleFiles(join(dir, 'project'));
    expect(r.roles.map((x) => x.scriptId)).toEqual(['customrole_x']);
    expect(r.notes.join(' ')).toMatch(/customrole_dangling\.xml: a link, not followed/);
    expect(r.notes.join(' ')).toMatch(/customrole_dir\.xml: a link, not followed/);
  });
});
