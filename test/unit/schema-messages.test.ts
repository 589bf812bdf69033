/**
 * What the schema check says of a wrong policy, config or snapshot, in process
 * (core/input/schema.ts): each problem once, at its line and column, with the field's path, the
 * message and the suggestion, for every kind of schema error the inputs can raise. The CLI tests
 * show the same through the spawned tool; these catch a changed word, place or hint.
 */
import { parseYamlFile } from '../../src/core/input/yaml-file';
import { validateAgainstSchema, type SchemaName } from '../../src/core/input/schema';

const said = (name: SchemaName, text: string) => {
  const { yaml, issues } = parseYamlFile('p.yaml', text);
  expect(issues).toEqual([]);
  return validateAgainstSchema(name, yaml!).map((i) => `${i.loc.file}:${i.loc.line}:${i.loc.column} ${i.code} ${i.path} | ${i.message}${i.suggestion ? ` | ${i.suggestion}` : ''}`);
};
const policy = (rest: string) => `version: 1\nrole: {scriptId: customrole_x}\n${rest}`;

test('a valid policy has nothing to say', () => {
  expect(said('policy', policy('permissions:\n  transactions:\n    Sales Order: Full\n    Invoice: {min: View, max: Edit}\n'))).toEqual([]);
});

test('a level that is not one: said once, at the value, with the closest level; a number has no suggestion', () => {
  expect(said('policy', policy('permissions:\n  transactions:\n    Sales Order: Fulll\n'))).toEqual(['p.yaml:5:18 INVALID_VALUE permissions.transactions["Sales Order"] | "Fulll" is not a level; expected one of None, View, Create, Edit, Full (any case) | did you mean \'Full\'?']);
  expect(said('policy', policy('permissions:\n  transactions:\n    Sales Order: 7\n'))).toEqual(['p.yaml:5:18 INVALID_VALUE permissions.transactions["Sales Order"] | 7 is not a level; expected one of None, View, Create, Edit, Full (any case)']);
});

test('an entry written as an object: its own problems, in its own fields, never "needs one of"', () => {
  expect(said('policy', policy('permissions:\n  transactions:\n    Sales Order: {min: Vew}\n'))).toEqual(['p.yaml:5:24 INVALID_VALUE permissions.transactions["Sales Order"].min | "Vew" is not a level; expected one of None, View, Create, Edit, Full (any case) | did you mean \'View\'?']);
  expect(said('policy', policy('permissions:\n  transactions:\n    Sales Order: {min: View, bogus: 1}\n'))).toEqual(['p.yaml:5:30 UNKNOWN_FIELD permissions.transactions["Sales Order"].bogus | unknown field \'bogus\'']);
});

test('unknown fields: at the key, with the closest allowed name, else the names allowed there', () => {
  expect(said('policy', policy('permisions: {}\n'))).toEqual(['p.yaml:3:1 UNKNOWN_FIELD permisions | unknown field \'permisions\' | did you mean \'permissions\'?']);
  expect(said('config', 'bogus: 1\n')).toEqual(['p.yaml:1:1 UNKNOWN_FIELD bogus | unknown field \'bogus\' | allowed here: $schema, version, connections, audits, acceptUnverified, history']);
});

test('types, enums, constants, patterns with their hints, lengths, empty objects, required fields', () => {
  expect(said('policy', policy('flags: {webServicesOnly: "yes"}\n'))).toEqual(['p.yaml:3:26 WRONG_TYPE flags.webServicesOnly | must be boolean']);
  expect(said('policy', policy('excess: maybe\n'))).toEqual(['p.yaml:3:9 INVALID_VALUE excess | "maybe" is not allowed; expected one of fail, warn, ignore']);
  expect(said('policy', 'version: 2\nrole: {scriptId: customrole_x}\n')).toEqual(['p.yaml:1:10 INVALID_VALUE version | must be 1']);
  expect(said('policy', policy('waivers:\n  - {code: PERMISSION_EXCESS, permission: LIST_FIND, reason: x, expires: 2027/01/01}\n'))).toEqual([
    'p.yaml:4:62 INVALID_VALUE waivers[0].reason | must NOT have fewer than 3 characters',
    'p.yaml:4:74 INVALID_VALUE waivers[0].expires | "2027/01/01" must match ^[0-9]{4}-[0-9]{2}-[0-9]{2}$ | write the date as YYYY-MM-DD, e.g. 2027-03-31',
  ]);
  expect(said('policy', 'version: 1\nrole: {scriptId: "custom role"}\n')).toEqual(['p.yaml:2:18 INVALID_VALUE role.scriptId | "custom role" must match ^[A-Za-z][A-Za-z0-9_]*$ | a script id is letters, digits and underscores, e.g. customrole_polytomic']);
  expect(said('policy', 'version: 1\nrole: {internalId: "abc"}\n')).toEqual(['p.yaml:2:20 INVALID_VALUE role.internalId | "abc" must match ^[0-9]+$ | internal ids are whole numbers, e.g. 1028']);
  expect(said('policy', policy('settings: {centerType: "bad center"}\n'))[0]).toMatch(/^p\.yaml:3:24 INVALID_VALUE settings\.centerType \| "bad center" must match .* \| a center as SDF writes it \(ACCOUNTCENTER, BASIC, \.\.\.\) or a custom center by script id, custcenter_x$/);
  expect(said('policy', 'version: 1\nrole: {}\n')).toEqual(['p.yaml:2:7 MISSING_FIELD role | must not be empty']);
  expect(said('role-snapshot', 'kind: x\n')).toEqual([
    'p.yaml:1:1 MISSING_FIELD (document) | missing required field \'version\' | add \'version:\'',
    'p.yaml:1:7 INVALID_VALUE kind | must be "ns-role-audit/role-snapshot"',
  ]);
});
