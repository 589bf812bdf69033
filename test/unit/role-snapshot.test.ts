/**
 * Snapshot files in process: written and read back, every key form to one identity, customs kept,
 * and each malformed value refused where it stands. Written against the mutants of
 * src/core/role/snapshot.ts that only the spawned CLI and live tests reached.
 */
import { AuditError } from '../../src/core/errors';
import { formatSnapshot, parseSnapshot } from '../../src/core/role/snapshot';
import type { RoleSnapshot } from '../../src/core/model';

const role: RoleSnapshot = {
  scriptId: 'customrole_x', internalId: '7', name: 'X', flags: { webServicesOnly: true, inactive: false, doNotRestrictEmployeeFields: false },
  settings: { coreAdminPermissions: false }, recordRestrictions: [{ segment: 'CLASS', restriction: 'OWN_ONLY' }], customFields: { custrecord_a: 'b' },
  permissions: [{ permkey: 'LIST_VENDOR', level: 'VIEW' }, { permkey: 'customrecord_a', level: 'FULL', appId: 'com.acme', restriction: 'OWNONLY' }, { permkey: 'LIST_ITEM', level: 'EDIT' }],
  evidence: 'definition', origin: 'live',
};
const issuesOf = (text: string) => {
  try {
    parseSnapshot('s.yaml', text);
  } catch (e) {
    if (e instanceof AuditError) return [e.code, e.message, ...e.issues.map((i) => `${i.loc.line}:${i.loc.column} ${i.code} ${i.path ?? ''}: ${i.message}`)];
    throw e;
  }
  return [];
};
const one = (perm: string) => `kind: ns-role-audit/role-snapshot\nversion: 1\nroles:\n  - scriptId: customrole_x\n    flags: {}\n    settings: {}\n    permissions:\n      - ${perm}\n`;

test('written as YAML or JSON and read back: the same role, permissions in key order, customs kept', () => {
  for (const as of ['yaml', 'json'] as const) {
    const text = formatSnapshot([role], { capturedAt: '2026-12-01T00:00:00Z', account: '123', source: 'suiteql' }, as);
    const [back] = parseSnapshot(`s.${as}`, text);
    expect(back).toEqual({
      scriptId: 'customrole_x', internalId: '7', name: 'X', flags: role.flags, settings: role.settings, recordRestrictions: role.recordRestrictions, customFields: { custrecord_a: 'b' },
      permissions: [{ permkey: 'customrecord_a', level: 'FULL', restriction: 'OWNONLY', appId: 'com.acme' }, { permkey: 'LIST_ITEM', level: 'EDIT' }, { permkey: 'LIST_VENDOR', level: 'VIEW' }],
      evidence: 'definition', origin: `s.${as}`,
    });
  }
  const yaml = formatSnapshot([role], { capturedAt: 't' }, 'yaml');
  expect(yaml).toMatch(/^kind: ns-role-audit\/role-snapshot\nversion: 1\ncapturedAt: t\nroles:\n/);
  expect(JSON.parse(formatSnapshot([{ ...role, customFields: undefined, recordRestrictions: undefined, name: undefined, internalId: undefined }], { capturedAt: 't' }, 'json')).roles[0])
    .toEqual({ scriptId: 'customrole_x', flags: role.flags, settings: role.settings, permissions: expect.any(Array) });
});

test('a key in any form is one identity; its SuiteApp comes from the key when not given; restrictions in upper case', () => {
  const [r] = parseSnapshot('s.yaml', one('{permkey: "[scriptid=CustomRecord_A, appid=com.acme]", level: VIEW, restriction: ownonly}'));
  expect(r.permissions).toEqual([{ permkey: 'customrecord_a', level: 'VIEW', restriction: 'OWNONLY', appId: 'com.acme' }]);
  const [plain] = parseSnapshot('s.yaml', one('{permkey: LIST_ITEM, level: VIEW}'));
  expect(plain.permissions).toEqual([{ permkey: 'LIST_ITEM', level: 'VIEW' }]);
  expect(plain).not.toHaveProperty('customFields');
});

test('a restriction holding a character no answer holds is refused at it', () => {
  const got = issuesOf(one('{permkey: LIST_ITEM, level: VIEW, restriction: "OWN\\u200bONLY"}'));
  expect(got[0]).toBe('ROLE_FILE_INVALID');
  expect(got[1]).toBe('s.yaml: not a valid role snapshot');
  expect(got.slice(2)).toEqual([expect.stringMatching(/^8:56 ROLE_FILE_INVALID roles\.0\.permissions\.0\.restriction: "OWN\u200bONLY" is not a restriction/)]);
});

test('a key or a segment of no known form is refused where it stands; schema errors first, alone', () => {
  expect(issuesOf(one('{permkey: "LIST_ITEM\\u200b", level: VIEW}')).slice(2)).toEqual([expect.stringMatching(/^8:19 ROLE_FILE_INVALID roles\.0\.permissions\.0\.permkey: /)]);
  const seg = `${one('{permkey: LIST_ITEM, level: VIEW}')}    recordRestrictions:\n      - {segment: "CLASS X", restriction: OWN_ONLY}\n`;
  expect(issuesOf(seg).slice(2)).toEqual([expect.stringMatching(/^10:19 ROLE_FILE_INVALID roles\.0\.recordRestrictions\.0\.segment: /)]);
  // A schema error: the words are not looked at (their paths may not exist).
  const schema = issuesOf(one('{permkey: "LIST_ITEM\\u200b", level: MOST}'));
  expect(schema.slice(2).every((i) => !String(i).includes('permkey:'))).toBe(true);
  expect(schema.length).toBeGreaterThan(2);
  // Not YAML at all: its syntax error alone.
  expect(issuesOf('roles: [\n').slice(2)).toEqual([expect.stringMatching(/YAML_SYNTAX/)]);
});
