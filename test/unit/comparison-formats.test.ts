/**
 * `compare` output in process, word for word: every kind of difference (only left, only right,
 * level, restriction, flag, setting, unknown) in the terminal table, Markdown, CSV and GitHub
 * formats, the closing sentence of each verdict, and the JUnit cases. The spawned compare tests
 * check what the consumers read; these catch a changed word, mark, column or count.
 */
import { compareRoles } from '../../src/core/compare';
import { FORMATS } from '../../src/core/format';
import { comparisonRows, onlyDifferences, rowDiffers } from '../../src/core/format/comparison';
import { ROLE_SETTINGS, SETTING_KEYS, type RoleSnapshot } from '../../src/core/model';

const allSettings = Object.fromEntries(SETTING_KEYS.map((k) => [k, ROLE_SETTINGS[k].type === 'boolean' ? false : ROLE_SETTINGS[k].type === 'enum' ? ROLE_SETTINGS[k].values![0] : ''])) as RoleSnapshot['settings'];
const left: RoleSnapshot = {
  scriptId: 'customrole_a', name: 'A', flags: { webServicesOnly: true, doNotRestrictEmployeeFields: false, inactive: false }, settings: { ...allSettings, centerType: 'BASIC' },
  permissions: [{ permkey: 'TRAN_SALESORD', level: 'VIEW' }, { permkey: 'LIST_CUSTJOB', level: 'EDIT', restriction: 'OWNONLY' }, { permkey: 'ADMI_KERNEL', level: 'FULL' }, { permkey: 'REPO_ANALYTICS', level: 'VIEW' }],
  recordRestrictions: [], evidence: 'definition', origin: 'a.xml',
};
const right: RoleSnapshot = {
  ...left, scriptId: 'customrole_b', name: 'B', flags: { webServicesOnly: false, doNotRestrictEmployeeFields: false, inactive: undefined } as unknown as RoleSnapshot['flags'],
  settings: { ...allSettings, centerType: 'SALESCENTER', salesRole: undefined },
  permissions: [{ permkey: 'TRAN_SALESORD', level: 'FULL' }, { permkey: 'LIST_CUSTJOB', level: 'EDIT', restriction: 'UNASSIGNED' }, { permkey: 'LIST_VENDOR', level: 'VIEW' }, { permkey: 'REPO_ANALYTICS', level: 'VIEW' }],
  origin: 'b.xml',
};
const meta = { leftLabel: 'sandbox', rightLabel: 'production', generatedAt: '2026-01-01T00:00:00Z' };
const c = compareRoles(left, right, meta);
const plain = { color: false };
const SUMMARY = '1 only on the left, 1 only on the right, 1 at different levels, 1 with another restriction, 2 settings differ; 1 the same. 2 fields could not be compared: Inactive (production cannot show it); Sales Role (production cannot show it).';

test('terminal table: settings then subtabs, marks < > ≠ and blank for unknown, aligned columns, the summary', () => {
  expect(FORMATS.table.comparison(c, plain)).toBe([
    'left   sandbox: A (customrole_a)',
    'right  production: B (customrole_b)',
    '',
    'Role settings',
    '                                                 left                      right',
    '≠ Web Services Only Role                         checked                   unchecked',
    '  Inactive                                       unchecked                 unknown  (cannot compare)',
    '≠ Center Type                                    BASIC                     SALESCENTER',
    '  Sales Role                                     unchecked                 unknown  (cannot compare)',
    'Transactions',
    '                                                 left                      right',
    '≠ Sales Order (TRAN_SALESORD)                    View                      Full',
    'Lists',
    '                                                 left                      right',
    '≠ Customers (LIST_CUSTJOB)                       Edit (restrict: OWNONLY)  Edit (restrict: UNASSIGNED)',
    '> Vendors (LIST_VENDOR)                          —                         View',
    'Setup',
    '                                                 left                      right',
    '< Core Administration Permissions (ADMI_KERNEL)  Full                      —',
    '',
    SUMMARY,
    '',
  ].join('\n'));
});

test('Markdown: the two sides, the summary, a table of settings and one per subtab with differences', () => {
  expect(FORMATS.markdown.comparison(c, plain)).toBe([
    '# Role comparison', '',
    '- **sandbox**: A (customrole_a)', '- **production**: B (customrole_b)', '',
    SUMMARY, '',
    '## Role settings', '', '| setting | sandbox | production |', '| --- | --- | --- |',
    '| Web Services Only Role | checked | unchecked |', '| Inactive | unchecked | unknown |', '| Center Type | BASIC | SALESCENTER |', '| Sales Role | unchecked | unknown |', '',
    '## Transactions', '', '| permission | sandbox | production |', '| --- | --- | --- |', '| Sales Order (TRAN_SALESORD) | View | Full |', '',
    '## Lists', '', '| permission | sandbox | production |', '| --- | --- | --- |', '| Customers (LIST_CUSTJOB) | Edit (restrict: OWNONLY) | Edit (restrict: UNASSIGNED) |', '| Vendors (LIST_VENDOR) | — | View |', '',
    '## Setup', '', '| permission | sandbox | production |', '| --- | --- | --- |', '| Core Administration Permissions (ADMI_KERNEL) | Full | — |', '',
  ].join('\n'));
});

test('GitHub: a warning per difference, then per field that cannot be compared, then the summary', () => {
  expect(FORMATS.github.comparison(c, plain)).toBe([
    '::warning title=Roles differ::Web Services Only Role: checked in sandbox, unchecked in production',
    '::warning title=Roles differ::Center Type: BASIC in sandbox, SALESCENTER in production',
    '::warning title=Roles differ::Sales Order (TRAN_SALESORD): View in sandbox, Full in production',
    '::warning title=Roles differ::Customers (LIST_CUSTJOB): Edit (restrict: OWNONLY) in sandbox, Edit (restrict: UNASSIGNED) in production',
    '::warning title=Roles differ::Vendors (LIST_VENDOR): only in production (View)',
    '::warning title=Roles differ::Core Administration Permissions (ADMI_KERNEL): only in sandbox (Full)',
    '::warning title=Cannot compare::Inactive: cannot compare (production cannot show it)',
    '::warning title=Cannot compare::Sales Role: cannot compare (production cannot show it)',
    `ns-role-audit compare: ${SUMMARY}`,
    '',
  ].join('\n'));
});

test('CSV and the rows behind it: every field, sames included, with its kind', () => {
  const csv = FORMATS.csv.comparison(c, plain).split('\r\n'); // RFC 4180 line ends
  expect(csv[0]).toBe('group,name,sandbox,production,difference');
  expect(csv).toEqual(expect.arrayContaining([
    'settings,Web Services Only Role,checked,unchecked,different',
    'settings,Inactive,unchecked,unknown,unknown',
    'settings,Customized from (parent role),(none),(none),same',
    'settings,Records restricted by class,NONE,NONE,same',
    'transactions,Sales Order (TRAN_SALESORD),View,Full,level',
    'reports,SuiteAnalytics Workbook (REPO_ANALYTICS),View,View,same',
    'lists,Customers (LIST_CUSTJOB),Edit (restrict: OWNONLY),Edit (restrict: UNASSIGNED),restriction',
    'lists,Vendors (LIST_VENDOR),—,View,only-right',
    'setup,Core Administration Permissions (ADMI_KERNEL),Full,—,only-left',
  ]));
  const rows = comparisonRows(c);
  expect(rows.filter(rowDiffers).map((r) => r.name)).toEqual(['Web Services Only Role', 'Center Type', 'Sales Order (TRAN_SALESORD)', 'Customers (LIST_CUSTJOB)', 'Vendors (LIST_VENDOR)', 'Core Administration Permissions (ADMI_KERNEL)']);
  expect(rows.find((r) => r.name === 'Inactive')).toEqual({ group: 'settings', name: 'Inactive', left: 'unchecked', right: 'unknown', kind: 'unknown', why: 'production cannot show it', message: 'Inactive: cannot compare (production cannot show it)' });
  expect(rows.find((r) => r.name === 'Center Type')).toEqual({ group: 'settings', name: 'Center Type', left: 'BASIC', right: 'SALESCENTER', kind: 'different', message: 'Center Type: BASIC in sandbox, SALESCENTER in production' });
  // Neither side: both unknown.
  const neither = compareRoles({ ...left, settings: { ...left.settings, salesRole: undefined } }, right, meta);
  expect(comparisonRows(neither).find((r) => r.name === 'Sales Role')?.why).toBe('neither side shows it');
  // Sides swapped: the left (labelled sandbox) is the one that cannot show it.
  expect(comparisonRows(compareRoles(right, left, meta)).find((r) => r.name === 'Inactive')?.why).toBe('sandbox cannot show it');
});

test('only the differences: sames dropped, counts and verdict kept', () => {
  const only = onlyDifferences(c);
  expect(only.permissions.map((p) => p.id)).toEqual(c.permissions.filter((p) => p.kind !== 'same').map((p) => p.id));
  expect(only.permissions.some((p) => p.id === 'REPO_ANALYTICS')).toBe(false);
  expect([only.flags.map((f) => f.label), only.settings.map((s) => s.label)]).toEqual([['Web Services Only Role', 'Inactive'], ['Center Type', 'Sales Role']]);
  expect([only.counts, only.verdict]).toEqual([c.counts, c.verdict]);
});

test('the closing sentence of each verdict: same, same with what was accepted, incomplete', () => {
  const lastLine = (x: ReturnType<typeof compareRoles>) => FORMATS.table.comparison(x, plain).trimEnd().split('\n').pop();
  const unknownInactive = { ...left, flags: { ...left.flags, inactive: undefined } } as unknown as RoleSnapshot;
  const same = compareRoles(left, left, { ...meta, leftLabel: 'x', rightLabel: 'y' });
  expect([same.verdict, lastLine(same)]).toEqual(['same', 'The roles are the same (4 permissions), every field known on both sides.']);
  const accepted = compareRoles(left, unknownInactive, { ...meta, leftLabel: 'x', rightLabel: 'y', acceptUnverified: true });
  expect([accepted.verdict, lastLine(accepted)]).toEqual(['same', 'The roles are the same (4 permissions), except what was accepted unverified (--accept-unverified). 1 field could not be compared: Inactive (y cannot show it).']);
  const incomplete = compareRoles(left, unknownInactive, { ...meta, leftLabel: 'x', rightLabel: 'y' });
  expect([incomplete.verdict, lastLine(incomplete)]).toEqual(['incomplete', 'Nothing differs in what both sides show, but the roles are not shown to be the same: 1 field could not be compared: Inactive (y cannot show it). (--accept-unverified accepts what cannot be compared.)']);
  // One setting differing is singular.
  const one = compareRoles(left, { ...left, settings: { ...left.settings, centerType: 'EMPLOYEE' } }, meta);
  expect(lastLine(one)).toBe('0 only on the left, 0 only on the right, 0 at different levels, 0 with another restriction, 1 setting differs; 4 the same.');
  // Equal roles have no settings table.
  expect(FORMATS.table.comparison(same, plain)).not.toContain('Role settings');
});

test('JUnit: a case per field, failures for differences, skips for what cannot be compared, counts in both elements', () => {
  const xml = FORMATS.junit.comparison(c, plain);
  const tests = 3 + SETTING_KEYS.length + 3 + 5;
  expect(xml).toContain(`<testsuites name="ns-role-audit compare" tests="${tests}" failures="6">`);
  expect(xml).toContain(`<testsuite name="sandbox vs production" tests="${tests}" failures="6" skipped="2" errors="0">`);
  expect(xml).toContain('<testcase classname="settings" name="Web Services Only Role">\n      <failure type="ROLE_DIFFERENCE" message="checked in sandbox, unchecked in production"/>\n    </testcase>');
  expect(xml).toContain('<testcase classname="settings" name="Inactive">\n      <skipped message="cannot compare: production cannot show it"/>\n    </testcase>');
  expect(xml).toContain('<testcase classname="lists" name="Vendors (LIST_VENDOR)">\n      <failure type="ROLE_DIFFERENCE" message="only in production (View)"/>');
  expect(xml).toContain('<testcase classname="setup" name="Core Administration Permissions (ADMI_KERNEL)">\n      <failure type="ROLE_DIFFERENCE" message="only in sandbox (Full)"/>');
  expect(xml).toContain('<testcase classname="reports" name="SuiteAnalytics Workbook (REPO_ANALYTICS)"/>');
  expect(xml).toContain('<testcase classname="settings" name="Center Type">\n      <failure type="ROLE_DIFFERENCE" message="BASIC in sandbox, SALESCENTER in production"/>');
});
