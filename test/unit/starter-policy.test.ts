/**
 * The starter policy `pull --as policy` writes, line for line, for a role with every kind of
 * entry: a restricted line, a restriction given as a code, a level the role page does not offer, a
 * repeated line, an ID no catalog lists, a key form no policy can name, settings and restrictions.
 * The live round-trip tests prove it validates and passes; this pins what it says.
 */
import { formatStarterPolicy } from '../../src/core/policy/starter';
import { parsePolicyLayer } from '../../src/core/policy';
import type { RoleSnapshot } from '../../src/core/model';

const role: RoleSnapshot = {
  scriptId: 'customrole_x', name: 'API "role"', flags: { webServicesOnly: true, inactive: false, doNotRestrictEmployeeFields: true },
  settings: { coreAdminPermissions: false, twoFactorRequired: 'TOTP', centerType: '' },
  recordRestrictions: [{ segment: 'CLASS', restriction: 'OWN_ONLY' }, { segment: 'CSEG_REGION', restriction: 'OWN_AND_SUBORDINATES' }],
  permissions: [
    { permkey: 'TRAN_CUSTINVC', level: 'VIEW', restriction: 'OWNONLY' }, { permkey: 'TRAN_SALESORD', level: 'EDIT', restriction: '-2' },
    { permkey: 'REPO_ANALYTICS', level: 'FULL' }, { permkey: 'LIST_ITEM', level: 'VIEW' }, { permkey: 'LIST_ITEM', level: 'FULL' }, { permkey: 'LIST_VENDOR', level: 'NONE' },
    { permkey: 'LIST_BRANDNEW', level: 'VIEW' }, { permkey: 'customrecord_mine', level: 'FULL' }, { permkey: 'weird key', level: 'VIEW' }, { permkey: 'ADMI_WEBSERVICES', level: 'FULL' },
  ],
  evidence: 'definition', origin: 'x',
};

test('a role with every kind of entry', () => {
  const text = formatStarterPolicy(role, { source: 'role.xml', capturedAt: '2026-11-27T00:00:00Z', schemaPath: '../schema/policy.schema.json' });
  expect(text).toBe([
    "# yaml-language-server: $schema=../schema/policy.schema.json",
    "# Written by 'ns-role-audit pull --as policy' from role.xml at 2026-11-27T00:00:00Z.",
    "# Review it: every permission the role holds today is pinned at exactly its current level (a",
    "# change up or down fails the audit), and anything else fails it too (excess: fail).",
    "# Lower or remove what the integration does not need.",
    "version: 1",
    "description: \"Policy for API \\\"role\\\"\"",
    "",
    "role:",
    "  scriptId: customrole_x",
    "  name: \"API \\\"role\\\"\"",
    "",
    "flags:",
    "  webServicesOnly: true",
    "  doNotRestrictEmployeeFields: true",
    "",
    "settings:",
    "  coreAdminPermissions: false   # \"Core Administration Permissions\"",
    "  twoFactorRequired: \"TOTP\"       # \"Two-Factor Authentication Required\"",
    "",
    "recordRestrictions:             # the Restrictions subtab; NONE = not restricted",
    "  DEPARTMENT: NONE",
    "  CLASS: OWN_ONLY",
    "  LOCATION: NONE",
    "  # CSEG_REGION: OWN_AND_SUBORDINATES   (policies cannot pin this segment; 'compare' shows it)",
    "",
    "excess: fail",
    "",
    "permissions:",
    "  transactions:  # Transactions subtab",
    "    Invoice: {exact: View, restriction: OWNONLY}",
    "    Sales Order: {exact: Edit}",
    "  reports:       # Reports subtab",
    "    SuiteAnalytics Workbook: Edit   # the role holds Full, which the role page does not offer: no ceiling can name it",
    "  lists:         # Lists subtab",
    "    # Items: ...   (the role lists it at View and Full; audits cannot read its level until one line is left)",
    "    LIST_BRANDNEW: {exact: View}   # no catalog lists this ID: check what it is",
    "  setup:         # Setup subtab",
    "    SOAP Web Services: {exact: Full}",
    "  customRecords: # Custom Record subtab",
    "    customrecord_mine: {exact: Full}",
    "    # \"weird key\": View   (a key form no policy can name: audits report it as excess)",
  ].join('\n') + '\n');
  expect(parsePolicyLayer('p.yaml', text).issues).toEqual([]);
});

test('a line repeated at one level is pinned once; lines at different levels are not guessed at, whatever the order', () => {
  const twice = (a: 'VIEW' | 'FULL', b: 'VIEW' | 'FULL', minimumsOnly = false) => formatStarterPolicy({ ...role, permissions: [{ permkey: 'LIST_ITEM', level: a }, { permkey: 'LIST_ITEM', level: b }] }, { source: 's', capturedAt: 't', schemaPath: 'p', minimumsOnly });
  expect(twice('FULL', 'FULL')).toContain('    Items: {exact: Full}\n');
  expect(twice('FULL', 'FULL', true)).toContain('    Items: Full\n');
  for (const text of [twice('VIEW', 'FULL'), twice('FULL', 'VIEW')]) expect(text).toContain('    # Items: ...   (the role lists it at View and Full');
});

test('minimums only: each permission at least its level, and the header says so', () => {
  const text = formatStarterPolicy(role, { source: 'role.xml', capturedAt: 't', schemaPath: 'p', minimumsOnly: true });
  expect(text).toContain('    Invoice: {min: View, restriction: OWNONLY}\n    Sales Order: Edit\n');
  expect(text).toContain('(raising one still passes)');
  expect(parsePolicyLayer('p.yaml', text).issues).toEqual([]);
});

test('a bare role: internal id only, no flags read, no permissions', () => {
  const bare: RoleSnapshot = { internalId: '1017', flags: {} as RoleSnapshot['flags'], settings: {}, permissions: [], evidence: 'definition', origin: 'x' };
  const text = formatStarterPolicy(bare, { source: 's', capturedAt: 't', schemaPath: 'p' });
  expect(text).toBe([
    "# yaml-language-server: $schema=p",
    "# Written by 'ns-role-audit pull --as policy' from s at t.",
    "# Review it: every permission the role holds today is pinned at exactly its current level (a",
    "# change up or down fails the audit), and anything else fails it too (excess: fail).",
    "# Lower or remove what the integration does not need.",
    "version: 1",
    "description: \"Policy for 1017\"",
    "",
    "role:",
    "  internalId: 1017",
    "",
    "flags:",
    "  # doNotRestrictEmployeeFields: true   # this source cannot read it; set it if the role needs it",
    "  {}",
    "",
    "excess: fail",
    "",
    "permissions: {}",
  ].join('\n') + '\n');
  expect(parsePolicyLayer('p.yaml', text).issues).toEqual([]);
});

describe('with a pack', () => {
  const pack = { name: 'acme', rules: [
    { id: 'LIST_ITEM', name: 'Items', written: 'Items', subtab: 'lists' as const, min: 'VIEW' as const, loc: { file: 'pack', line: 1, column: 1 } },
    { id: 'LIST_VENDOR', name: 'Vendors', written: 'Vendors', subtab: 'lists' as const, min: 'EDIT' as const, loc: { file: 'pack', line: 2, column: 1 } },
    { id: 'LIST_CONTACT', name: 'Contacts', written: 'Contacts', subtab: 'lists' as const, min: 'VIEW' as const, max: 'VIEW' as const, loc: { file: 'pack', line: 3, column: 1 } },
  ] };
  const held: RoleSnapshot = { ...role, permissions: [{ permkey: 'LIST_ITEM', level: 'EDIT' }, { permkey: 'LIST_VENDOR', level: 'VIEW' }, { permkey: 'LIST_CONTACT', level: 'VIEW' }] };
  const write = (minimumsOnly: boolean) => formatStarterPolicy(held, { source: 's', capturedAt: 't', schemaPath: 'p', pack, minimumsOnly });

  test('a permission the pack requires and the role exceeds: the pack\'s minimum and a ceiling at the level held, in valid YAML', () => {
    const text = write(false);
    expect(text).toContain("extends: [pack:acme]   # the vendor's published role; below, what this role holds beyond it\n");
    expect(text).toContain('    Items: {min: View, max: Edit}   # the pack asks at least View; this pins the level held\n');
    // Below the pack's minimum, or under a pack rule with a ceiling: the role's own level, exactly.
    expect(text).toContain('    Vendors: {exact: View}\n');
    expect(text).toContain('    Contacts: {exact: View}\n');
    const parsed = parsePolicyLayer('p.yaml', text);
    expect(parsed.issues).toEqual([]);
    expect(parsed.layer!.rules.find((r) => r.id === 'LIST_ITEM')).toMatchObject({ min: 'VIEW', max: 'EDIT' });
  });

  test('minimums only: what the pack requires and the role meets is left to the pack', () => {
    const text = write(true);
    expect(text).not.toContain('Items:');
    expect(text).toContain('    Vendors: View\n');
    expect(text).toContain('    Contacts: View\n');
    expect(parsePolicyLayer('p.yaml', text).issues).toEqual([]);
  });

  test('a pack minimum of None, or a line the role lists twice, is not the pack\'s to cover', () => {
    const none = { ...pack, rules: [{ ...pack.rules[0], min: 'NONE' as const }] };
    expect(formatStarterPolicy(held, { source: 's', capturedAt: 't', schemaPath: 'p', pack: none, minimumsOnly: true })).toContain('    Items: Edit\n');
    const twice: RoleSnapshot = { ...held, permissions: [...held.permissions, { permkey: 'LIST_ITEM', level: 'FULL' }] };
    expect(formatStarterPolicy(twice, { source: 's', capturedAt: 't', schemaPath: 'p', pack, minimumsOnly: true })).toContain('    # Items: ...   (the role lists it at Edit and Full');
  });
});

test('an inactive role says so; an active one leaves the flag out; settings not read or empty are left out', () => {
  const text = (flags: RoleSnapshot['flags']) => formatStarterPolicy({ ...role, flags, settings: { coreAdminPermissions: true, parentRole: '' } }, { source: 's', capturedAt: 't', schemaPath: 'p' });
  expect(text({ webServicesOnly: false, inactive: true, doNotRestrictEmployeeFields: false })).toContain('flags:\n  webServicesOnly: false\n  doNotRestrictEmployeeFields: false\n  inactive: true\n');
  expect(text({ webServicesOnly: true, inactive: false, doNotRestrictEmployeeFields: false })).toContain('flags:\n  webServicesOnly: true\n  doNotRestrictEmployeeFields: false\n\nsettings:\n  coreAdminPermissions: true    # "Core Administration Permissions"\n\n');
});

test('a source that cannot read the Restrictions subtab gets no recordRestrictions section (nothing is pinned unseen)', () => {
  const text = formatStarterPolicy({ ...role, recordRestrictions: undefined, permissions: [{ permkey: 'TRAN_CUSTINVC', level: 'VIEW' }] }, { source: 's', capturedAt: 't', schemaPath: 'p' });
  expect(text).toContain('    Invoice: {exact: View}\n');
  expect(text).not.toContain('recordRestrictions');
});

describe('details a reviewer reads', () => {
  const starter = (r: Partial<RoleSnapshot>, minimumsOnly = false) => formatStarterPolicy({ ...role, ...r }, { source: 's', capturedAt: 't', schemaPath: 'p', minimumsOnly });
  test('permissions are listed by name within a subtab, whatever order the role lists them in', () => {
    const text = starter({ permissions: [{ permkey: 'LIST_VENDOR', level: 'VIEW' }, { permkey: 'LIST_ITEM', level: 'VIEW' }, { permkey: 'LIST_CONTACT', level: 'VIEW' }, { permkey: 'LIST_ITEM', level: 'VIEW' }] });
    expect(text).toContain('  lists:         # Lists subtab\n    Contacts: {exact: View}\n    Items: {exact: View}\n    Vendors: {exact: View}\n');
  });
  test('a restriction given as a code (any number, signed or not) is not written; a word is', () => {
    for (const code of ['12', '-12', '0']) expect(starter({ permissions: [{ permkey: 'TRAN_CUSTINVC', level: 'VIEW', restriction: code }] })).toContain('    Invoice: {exact: View}\n');
    expect(starter({ permissions: [{ permkey: 'TRAN_CUSTINVC', level: 'VIEW', restriction: 'OWNONLY' }] })).toContain('    Invoice: {exact: View, restriction: OWNONLY}\n');
  });
  test('a level below every level the role page offers is never written as a ban: the policy says it cannot require it', () => {
    // Persist Search is offered at None and Create only; Create HTML Formulas at Full only.
    for (const [permkey, name, offered] of [['LIST_BIG_SEARCH', 'Persist Search', 'Create'], ['ADMI_HTMLFORMULA', 'Create HTML Formulas in Search', 'Full']]) {
      for (const minimumsOnly of [false, true]) {
        const text = starter({ permissions: [{ permkey, level: 'VIEW' }] }, minimumsOnly);
        expect(text).toContain(`    # ${name}: View   (below every level the role page offers for it (${offered}): no policy can require it; audits report it as excess)\n`);
        expect(text).not.toMatch(new RegExp(`^    ${name}:`, 'm'));
        expect(parsePolicyLayer('p.yaml', text).issues).toEqual([]);
      }
    }
  });
  test('a restriction line\'s boxes are written with it; a line without boxes is the bare restriction', () => {
    const text = starter({ recordRestrictions: [{ segment: 'DEPARTMENT', restriction: 'OWN_ONLY', viewingAllowed: true }, { segment: 'CLASS', restriction: 'OWN_ONLY', viewingAllowed: false, itemsRestricted: true }, { segment: 'LOCATION', restriction: 'OWN_ONLY' }] });
    expect(text).toContain('  DEPARTMENT: {restriction: OWN_ONLY, viewingAllowed: true}\n  CLASS: {restriction: OWN_ONLY, viewingAllowed: false, itemsRestricted: true}\n  LOCATION: OWN_ONLY\n');
    expect(parsePolicyLayer('p.yaml', text).issues).toEqual([]);
  });
  test('a role found by script id is named by it alone, even when its internal id is known', () => {
    const text = starter({ internalId: '1017' });
    expect(text).toContain('role:\n  scriptId: customrole_x\n  name: "API \\"role\\""\n\n');
    expect(text).not.toContain('internalId');
  });
  test('a pack rule with a ceiling or a restriction is not the pack\'s to cover: the role\'s level is pinned here', () => {
    const rules = [{ id: 'LIST_ITEM', name: 'Items', written: 'Items', subtab: 'lists' as const, min: 'VIEW' as const, restriction: 'OWNONLY', loc: { file: 'pack', line: 1, column: 1 } }];
    const text = formatStarterPolicy({ ...role, permissions: [{ permkey: 'LIST_ITEM', level: 'EDIT' }] }, { source: 's', capturedAt: 't', schemaPath: 'p', pack: { name: 'acme', rules }, minimumsOnly: true });
    expect(text).toContain('    Items: Edit\n');
  });
});

test('a subtab whose every line is a comment is an empty map, so the policy still validates', () => {
  for (const permissions of [[{ permkey: 'LIST_ITEM', level: 'VIEW' as const }, { permkey: 'LIST_ITEM', level: 'FULL' as const }], [{ permkey: 'weird key', level: 'VIEW' as const }]]) {
    const text = formatStarterPolicy({ ...role, permissions }, { source: 's', capturedAt: 't', schemaPath: 'p' });
    expect(text).toMatch(/\n {2}(lists|customRecords): \{\} +# (Lists|Custom Record) subtab\n {4}# /);
    expect(parsePolicyLayer('p.yaml', text).issues).toEqual([]);
  }
});
