import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { SaxesParser } from 'saxes';
import { parsePermkey } from '../../src/core/catalog';
import { parseSdfRole } from '../../src/core/role/sdf';

// The role-file reader against an independent conforming parser (saxes): for every role file of
// the project's corpus (and, when NS_ROLE_AUDIT_REAL_ROLES names a folder, every customrole*.xml
// under it: real SuiteCloud exports kept outside the repository), the role read by the tool holds
// exactly what saxes' reading of the same bytes holds: the script id, every role-level field, every
// permission line and every record restriction.

const CORPUS = join(__dirname, '..', 'fixtures', 'role-corpus');
const REAL = process.env.NS_ROLE_AUDIT_REAL_ROLES;

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : /^customrole.*\.xml$/i.test(n) ? [p] : [];
  });
}

interface Reading {
  scriptId: string;
  fields: Record<string, string>;
  permissions: Array<{ permkey: string; level: string; restriction: string }>;
  restrictions: Array<Record<string, string>>;
}

/** XML's white space (space, tab, CR, LF) trimmed, and nothing else: U+00A0 is part of a value. */
const xmlSpaceTrim = (s: string) => s.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '');

/** What saxes reads in an SDF role: element text by path, nothing interpreted beyond trimming. */
function saxesRole(text: string): Reading {
  const parser = new SaxesParser();
  const out: Reading = { scriptId: '', fields: {}, permissions: [], restrictions: [] };
  const stack: string[] = [];
  let buf = '';
  let line: Record<string, string> = {};
  parser.on('error', (e) => { throw e; });
  parser.on('opentag', (t) => {
    stack.push(t.name);
    buf = '';
    if (stack.length === 1) out.scriptId = xmlSpaceTrim(String(t.attributes.scriptid)).toLowerCase();
    if (t.name === 'permission' || t.name === 'recordrestriction') line = {};
  });
  parser.on('text', (t) => { buf += t; });
  parser.on('cdata', (t) => { buf += t; });
  parser.on('closetag', (t) => {
    const path = stack.join('/');
    stack.pop();
    if (stack.length === 1 && t.name !== 'permissions' && t.name !== 'recordrestrictions') out.fields[t.name] = xmlSpaceTrim(buf);
    if (/^role\/(permissions\/permission|recordrestrictions\/recordrestriction)\/\w+$/.test(path)) line[t.name] = xmlSpaceTrim(buf);
    if (t.name === 'permission') out.permissions.push({ permkey: line.permkey, level: line.permlevel.toUpperCase(), restriction: (line.restriction ?? '').toUpperCase() });
    if (t.name === 'recordrestriction') out.restrictions.push(line);
    buf = '';
  });
  parser.write(text).close();
  return out;
}

const files = [...walk(CORPUS).map((f) => [relative(CORPUS, f), f]), ...(REAL ? walk(REAL).map((f) => [`real: ${relative(REAL, f)}`, f]) : [])];

test('the corpus is there (and NS_ROLE_AUDIT_REAL_ROLES, when set, names a folder of role files)', () => {
  expect(walk(CORPUS).length).toBeGreaterThanOrEqual(3);
  if (REAL) expect(walk(REAL).length).toBeGreaterThan(0);
  else console.log('role-files-conformance: NS_ROLE_AUDIT_REAL_ROLES is not set, so only the project corpus was read');
});

test.each(files)('%s reads as saxes reads it', (_name, file) => {
  const text = readFileSync(file, 'utf8');
  const theirs = saxesRole(text);
  const ours = parseSdfRole(file, text);
  expect(ours.scriptId).toBe(theirs.scriptId);
  expect(ours.name).toBe(theirs.fields.name || undefined);
  const bool = (v: string | undefined) => (v === undefined ? false : /^(t|true)$/i.test(v) ? true : /^(f|false)$/i.test(v) ? false : undefined);
  expect(ours.flags).toEqual({ webServicesOnly: bool(theirs.fields.iswebserviceonlyrole), doNotRestrictEmployeeFields: bool(theirs.fields.employeeselectionunrestricted), inactive: bool(theirs.fields.isinactive) });
  expect(ours.permissions.map((p) => [p.permkey, p.level, p.restriction ?? '', p.appId ?? ''])).toEqual(
    theirs.permissions.map((p) => { const k = parsePermkey(p.permkey); return [k.id, p.level, p.restriction, k.appId ?? '']; }),
  );
  expect(ours.recordRestrictions).toEqual(theirs.restrictions.map((r) => ({ segment: r.segment.toUpperCase(), restriction: r.restriction.toUpperCase(), viewingAllowed: bool(r.viewingallowed), itemsRestricted: bool(r.itemsrestricted) })));
  for (const [k, v] of Object.entries(ours.customFields ?? {})) expect(theirs.fields[k]).toBe(v);
});
