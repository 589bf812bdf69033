import { parseAccountFixture } from '../../src/simulator';
import { AuditError } from '../../src/core/errors';
import { DEMO_TEXT } from '../helpers/sim-client';

function issues(text: string) {
  try {
    parseAccountFixture('f.yaml', text);
  } catch (e) {
    if (e instanceof AuditError) return e.issues.map((i) => [i.code, i.loc.line, i.loc.column, i.message]);
    throw e;
  }
  return [];
}

const HEAD = 'kind: ns-role-audit/account-fixture\nversion: 1\naccount: {id: 1234567}\n';

test('the demo fixture is valid and has the four documented tokens', () => {
  const a = parseAccountFixture('demo.yaml', DEMO_TEXT);
  expect(a.tokens.map((t) => [t.name, t.role.scriptId])).toEqual([
    ['polytomic', 'customrole_polytomic'], ['polytomic-drifted', 'customrole_polytomic_drifted'],
    ['auditor', 'customrole_ns_role_auditor'], ['admin', 'administrator'],
  ]);
  expect(a.roles.find((r) => r.scriptId === 'customrole_polytomic')!.permissions.size).toBe(33);
});

test.each<[string, string, Array<[string, number, number]>]>([
  ['unknown field, positioned', HEAD + 'roles: []\nrolez: []\n', [['UNKNOWN_FIELD', 5, 1]]],
  ['a bad level', HEAD + 'roles:\n  - {internalId: 1, scriptId: customrole_a, name: A, permissions: {LIST_ITEM: Viewer}}\n', [['INVALID_VALUE', 5, 79]]],
  ['a token naming a missing role', HEAD + 'roles: []\nintegrations: [{name: I, consumerKey: aaaaaaaaaaaaaaaa, consumerSecret: bbbbbbbbbbbbbbbb}]\nusers: [{internalId: 5, name: U}]\ntokens:\n  - {name: t, tokenId: cccccccccccccccc, tokenSecret: dddddddddddddddd, integration: I, user: 5, role: customrole_x}\n', [['FIXTURE_INVALID', 8, 104]]],
  ['a duplicate role id', HEAD + 'roles:\n  - {internalId: 1, scriptId: customrole_a, name: A}\n  - {internalId: 1, scriptId: customrole_b, name: B}\n', [['FIXTURE_INVALID', 6, 5]]],
])('%s', (_name, text, expected) => {
  expect(issues(text).map(([c, l, col]) => [c, l, col])).toEqual(expected);
});
