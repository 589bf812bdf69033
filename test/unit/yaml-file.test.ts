/**
 * The YAML reader every input goes through, in process (core/input/yaml-file.ts): repeated keys
 * at any depth, syntax errors in one line without the parser's own position, a tab reported once
 * per line it derails, alias bombs refused, and `locate` finding a value or its key by path.
 */
import { formatPath, parseYamlFile } from '../../src/core/input/yaml-file';

const said = (text: string) => parseYamlFile('f.yaml', text).issues.map((i) => `${i.loc.file}:${i.loc.line}:${i.loc.column} ${i.code} | ${i.message}${i.suggestion ? ` | ${i.suggestion}` : ''}`);
const DUP = 'DUPLICATE_KEY | this key appears twice in the same mapping | merge the two entries into one';

test('a repeated key is refused where it repeats, in mappings at any depth, flow or block', () => {
  expect(said('a: 1\nb: 2\na: 3\n')).toEqual([`f.yaml:3:1 ${DUP}`]);
  expect(said('x:\n  - {k: 1, k: 2}\n  - y: 1\n    y: 2\n')).toEqual([`f.yaml:2:12 ${DUP}`, `f.yaml:4:5 ${DUP}`]);
  // The file is still read, so its other problems can show too.
  expect(parseYamlFile('f.yaml', 'a: 1\na: 2\n').yaml?.value).toEqual({ a: 2 });
});

test('syntax errors: the parser\'s first line, without its own "at line" suffix; a tab once per line', () => {
  expect(said('a: [1, 2\n')).toEqual(['f.yaml:2:1 YAML_SYNTAX | Flow sequence in block collection must be sufficiently indented and end with a ]']);
  expect(said('a: "x\n')).toEqual(['f.yaml:2:1 YAML_SYNTAX | Missing closing "quote']);
  expect(said('a:\n\tb: 1\n\tc: 2\n')).toEqual([
    'f.yaml:2:1 YAML_SYNTAX | Tabs are not allowed as indentation | indent with spaces (YAML does not allow tabs there)',
    'f.yaml:3:1 YAML_SYNTAX | Tabs are not allowed as indentation | indent with spaces (YAML does not allow tabs there)',
  ]);
  expect(parseYamlFile('f.yaml', 'a: [1, 2\n').yaml).toBeUndefined();
});

test('anchors and aliases that expand too far are refused, not expanded', () => {
  const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...['b', 'c', 'd'].map((k, i) => `${k}: &${k} [${Array(10).fill(`*${'abc'[i]}`).join(', ')}]`), `e: [${Array(10).fill('*d').join(', ')}]`].join('\n') + '\n';
  const r = parseYamlFile('f.yaml', bomb);
  expect(r.yaml).toBeUndefined();
  expect(said(bomb)).toEqual(['f.yaml:1:1 YAML_ALIAS_LIMIT | aliases expand too far (more than 100): Excessive alias count indicates a resource exhaustion attack | write the values out instead of nesting anchors and aliases']);
  expect(parseYamlFile('f.yaml', 'a: &a [1]\nb: *a\n').yaml?.value).toEqual({ a: [1], b: [1] });
});

test('locate: a value or its key by path, through mappings and lists; a path that goes nowhere stops at the last node found', () => {
  const { yaml } = parseYamlFile('f.yaml', 'a:\n  b:\n    - x\n    - {c: 1}\n  "9": z\nd: ~\n');
  const at = (path: Array<string | number>, key = false) => { const l = yaml!.locate(path, { key }); return `${l.line}:${l.column}`; };
  expect([at(['a']), at(['a'], true), at(['a', 'b']), at(['a', 'b'], true)]).toEqual(['2:3', '1:1', '3:5', '2:3']);
  expect([at(['a', 'b', 1]), at(['a', 'b', '1']), at(['a', 'b', 1, 'c']), at(['a', 'b', 1, 'c'], true)]).toEqual(['4:7', '4:7', '4:11', '4:8']);
  // "9" is a key, not an index.
  expect([at(['a', '9']), at(['a', '9'], true)]).toEqual(['5:8', '5:3']);
  expect([at(['a', 'b', 5]), at(['a', 'b', 5], true), at(['d']), at(['d', 'q']), at(['nope']), at([])]).toEqual(['3:5', '2:3', '6:4', '6:4', '1:1', '1:1']);
  expect(yaml!.locate(['a']).file).toBe('f.yaml');
});

test('formatPath: dotted names, indexes in brackets, other names quoted', () => {
  expect([formatPath([]), formatPath(['a', 0, 'b']), formatPath(['permissions', 'transactions', 'Sales Order']), formatPath(['x', '12']), formatPath(['a-b', 'c_d', 'e.f'])])
    .toEqual(['(document)', 'a[0].b', 'permissions.transactions["Sales Order"]', 'x[12]', '["a-b"].c_d["e.f"]']);
});
