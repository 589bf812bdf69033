import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getCatalog, LEVELS, SUBTABS } from '../../src/core/catalog';
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

test('levels: the five, offered in one casing, accepted in any (as the tool reads them)', () => {
  const title = (l: string) => l[0] + l.slice(1).toLowerCase();
  expect(schema.$defs.level.examples).toEqual(LEVELS.map(title));
  const re = new RegExp(schema.$defs.level.pattern);
  for (const l of LEVELS) for (const v of [l, title(l), l.toLowerCase(), 'vIeW']) expect(re.test(v)).toBe(true);
  expect(re.test('Viewer')).toBe(false);
});

test('every published schema is what the build generates from its source and the catalog (no drift)', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { generateSchemas, PUBLISHED } = require('../../scripts/build-schemas.js');
  const generated: Record<string, string> = generateSchemas(getCatalog().all());
  expect(Object.keys(generated)).toEqual(['account-fixture.schema.json', 'config.schema.json', 'policy.schema.json', 'report.schema.json', 'role-snapshot.schema.json']);
  for (const [file, text] of Object.entries(generated)) expect({ file, same: text === readFileSync(join(PUBLISHED, file), 'utf8') }).toEqual({ file, same: true });
  // Every grantable permission is offered by name and ID under its subtab.
  for (const p of getCatalog().all().filter((x) => x.levels.length)) {
    expect(schema.properties.permissions.properties[p.subtab].properties[p.id]).toBeDefined();
  }
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
