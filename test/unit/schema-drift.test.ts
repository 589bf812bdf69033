import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LEVELS, SUBTABS } from '../../src/core/catalog';
import { FINDING_CODES, FLAGS, RECORD_SEGMENTS, SETTING_KEYS } from '../../src/core/model';
import { readPolicy } from '../../src/adapters/read-policy';

// The published policy schema and the code must not drift apart.
const schema = JSON.parse(readFileSync(join(__dirname, '..', '..', 'schema', 'policy.schema.json'), 'utf8'));

test('subtabs in the schema are the catalog\'s subtabs', () => {
  expect(Object.keys(schema.properties.permissions.properties)).toEqual([...SUBTABS]);
});

test('flags in the schema are the flags the diff checks', () => {
  expect(Object.keys(schema.properties.flags.properties)).toEqual([...FLAGS]);
  expect(schema.properties.waivers.items.properties.flag.enum).toEqual([...FLAGS]);
});

test('levels in the schema are the five levels, in three casings', () => {
  const title = (l: string) => l[0] + l.slice(1).toLowerCase();
  expect([...schema.$defs.level.enum].sort()).toEqual([...LEVELS.map(title), ...LEVELS, ...LEVELS.map((l) => l.toLowerCase())].sort());
});

test('waivable codes are exactly the finding codes a waiver can cover', () => {
  const notWaivable = ['ROLE_NOT_FOUND', 'WAIVER_EXPIRED', 'WAIVER_UNUSED'];
  const waivable = Object.keys(FINDING_CODES).filter((c) => !notWaivable.includes(c));
  expect([...schema.properties.waivers.items.properties.code.enum].sort()).toEqual(waivable.sort());
});

test.each([['polytomic.yaml', '../schema'], ['templates/api-only-integration.yaml', '../../schema']])('shipped policy %s points its $schema line at the published schema and is valid', (file, rel) => {
  const path = join(__dirname, '..', '..', 'policies', file);
  expect(readFileSync(path, 'utf8').split('\n')[0]).toBe(`# yaml-language-server: $schema=${rel}/policy.schema.json`);
  expect(readPolicy(path).rules.length).toBeGreaterThan(0);
});

test('every role setting the model knows is in the policy, snapshot and fixture schemas, and nothing else', () => {
  const read = (name: string) => JSON.parse(readFileSync(join(__dirname, '..', '..', 'schema', `${name}.schema.json`), 'utf8'));
  expect(Object.keys(schema.properties.settings.properties).sort()).toEqual([...SETTING_KEYS].sort());
  expect(Object.keys(read('role-snapshot').properties.roles.items.properties.settings.properties).sort()).toEqual([...SETTING_KEYS].sort());
  expect(Object.keys(read('account-fixture').properties.roles.items.properties.settings.properties).sort()).toEqual([...SETTING_KEYS].sort());
  expect(Object.keys(schema.properties.recordRestrictions.properties)).toEqual([...RECORD_SEGMENTS]);
});
