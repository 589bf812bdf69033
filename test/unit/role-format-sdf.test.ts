/**
 * A role written as an SDF file, in process: the order NetSuite's exports use, escaping, custom
 * objects in brackets with their SuiteApp, what a source did not show left out and listed, and the
 * file read back as the same role. Written against the mutants of src/core/role/format-sdf.ts that
 * only the spawned `fix` tests reached.
 */
import { formatSdfRole } from '../../src/core/role/format-sdf';
import { parseSdfRole } from '../../src/core/role/sdf';
import { canonicalRole } from '../../src/core/role/canonical';
import { SETTING_KEYS, ROLE_SETTINGS, type RoleSnapshot } from '../../src/core/model';

const role: RoleSnapshot = {
  scriptId: 'customrole_x', name: 'Sync & "Co"', flags: { webServicesOnly: true, inactive: false } as RoleSnapshot['flags'],
  settings: { coreAdminPermissions: false, centerType: 'custcenter_sync', twoFactorRequired: 'OFF' },
  customFields: { custrecord_b: 'x<y' },
  permissions: [
    { permkey: 'customrecord_mine', level: 'FULL', appId: 'com.acme', restriction: 'OWNONLY' }, { permkey: 'LIST_VENDOR', level: 'VIEW', restriction: 'OWNONLY' },
    { permkey: 'ADMI_KERNEL', level: 'FULL' }, { permkey: 'TRAN_SALESORD', level: 'EDIT' }, { permkey: 'REPO_ANALYTICS', level: 'EDIT' },
    { permkey: 'customrecord_num', level: 'VIEW', restriction: '-2' }, { permkey: 'LIST_ITEM', level: 'VIEW' },
  ],
  recordRestrictions: [{ segment: 'DEPARTMENT', restriction: 'OWN_ONLY', viewingAllowed: true, itemsRestricted: false }],
  evidence: 'definition', origin: 'x',
};
const line = (depth: number, text: string) => `${'  '.repeat(depth)}${text}`;
const permission = (key: string, level: string, restriction?: string) => [
  line(2, '<permission>'), line(3, `<permkey>${key}</permkey>`), line(3, `<permlevel>${level}</permlevel>`), ...(restriction ? [line(3, `<restriction>${restriction}</restriction>`)] : []), line(2, '</permission>'),
];

test('fields alphabetical, permissions by group then name, custom objects last in brackets; escaped; two-space indents', () => {
  const { text } = formatSdfRole(role);
  expect(text).toBe([
    '<role scriptid="customrole_x">',
    line(1, '<centertype>[scriptid=custcenter_sync]</centertype>'),
    line(1, '<coreadminpermission>F</coreadminpermission>'),
    line(1, '<custrecord_b>x&lt;y</custrecord_b>'),
    line(1, '<isinactive>F</isinactive>'),
    line(1, '<iswebserviceonlyrole>T</iswebserviceonlyrole>'),
    line(1, '<name>Sync &amp; &quot;Co&quot;</name>'),
    line(1, '<tfarequired>OFF</tfarequired>'),
    line(1, '<permissions>'),
    ...permission('TRAN_SALESORD', 'EDIT'), ...permission('REPO_ANALYTICS', 'EDIT'), ...permission('LIST_ITEM', 'VIEW'),
    // A restriction on a standard permission is not SDF's: left out.
    ...permission('LIST_VENDOR', 'VIEW'), ...permission('ADMI_KERNEL', 'FULL'),
    ...permission('[appid=com.acme, scriptid=customrecord_mine]', 'FULL', 'OWNONLY'), ...permission('[scriptid=customrecord_num]', 'VIEW'),
    line(1, '</permissions>'),
    line(1, '<recordrestrictions>'),
    line(2, '<recordrestriction>'), line(3, '<itemsrestricted>F</itemsrestricted>'), line(3, '<restriction>OWN_ONLY</restriction>'), line(3, '<segment>DEPARTMENT</segment>'), line(3, '<viewingallowed>T</viewingallowed>'), line(2, '</recordrestriction>'),
    line(1, '</recordrestrictions>'),
    '</role>', '',
  ].join('\n'));
});

test('what the source did not show is left out and listed: flags, settings, the restrictions subtab, restrictions given as codes', () => {
  const { omitted } = formatSdfRole(role);
  const unshownSettings = SETTING_KEYS.filter((k) => role.settings[k] === undefined).map((k) => ROLE_SETTINGS[k].sdf);
  expect(omitted).toEqual({ fields: ['employeeselectionunrestricted', ...unshownSettings], restrictions: ['customrecord_num (given as code -2)'] });
  const noSubtab = formatSdfRole({ ...role, recordRestrictions: undefined, permissions: [], name: undefined, customFields: undefined, scriptId: undefined });
  expect(noSubtab.omitted.fields).toContain('recordrestrictions');
  expect(noSubtab.text).toMatch(/^<role scriptid="">\n {2}<centertype>/);
  expect(noSubtab.text).not.toMatch(/<name>|<permissions>|<recordrestrictions>/);
  // An empty subtab is read, and has nothing to write.
  const empty = formatSdfRole({ ...role, recordRestrictions: [] });
  expect([empty.omitted.fields.includes('recordrestrictions'), empty.text.includes('recordrestriction')]).toEqual([false, false]);
});

test('read back, the file is the same role (what SDF can hold)', () => {
  const { text } = formatSdfRole(role);
  const back = parseSdfRole('x.xml', text);
  const sdfable: RoleSnapshot = {
    ...role,
    flags: { ...role.flags, doNotRestrictEmployeeFields: false },
    permissions: role.permissions.map((p) => (p.permkey === 'LIST_VENDOR' || p.permkey === 'customrecord_num' ? { permkey: p.permkey, level: p.level } : p)),
  };
  const mine = canonicalRole(sdfable);
  const theirs = canonicalRole(back);
  expect(theirs.permissions).toEqual(mine.permissions);
  expect(theirs.recordRestrictions).toEqual(mine.recordRestrictions);
  expect([theirs.name, theirs.scriptId, theirs.flags.webServicesOnly, theirs.settings.centerType, theirs.customFields]).toEqual([mine.name, mine.scriptId, true, 'custcenter_sync', { custrecord_b: 'x<y' }]);
});

test('a restriction box the source did not show is left out and listed, never written unchecked', () => {
  const { text, omitted } = formatSdfRole({ ...role, recordRestrictions: [{ segment: 'CLASS', restriction: 'OWN_ONLY', viewingAllowed: true }] });
  expect(text).toContain([line(2, '<recordrestriction>'), line(3, '<restriction>OWN_ONLY</restriction>'), line(3, '<segment>CLASS</segment>'), line(3, '<viewingallowed>T</viewingallowed>'), line(2, '</recordrestriction>')].join('\n'));
  expect(text).not.toContain('<itemsrestricted>');
  expect(omitted.restrictions).toEqual(['customrecord_num (given as code -2)', '<itemsrestricted> of the CLASS restriction']);
  const neither = formatSdfRole({ ...role, recordRestrictions: [{ segment: 'LOCATION', restriction: 'OWN_ONLY' }] });
  expect(neither.text).not.toMatch(/<itemsrestricted>|<viewingallowed>/);
  expect(neither.omitted.restrictions).toEqual(['customrecord_num (given as code -2)', '<itemsrestricted> of the LOCATION restriction', '<viewingallowed> of the LOCATION restriction']);
});

test('within a group, lines follow the names (any case), not the keys; report and setup groups take their kin', () => {
  const { text } = formatSdfRole({ ...role, recordRestrictions: [], customFields: undefined, permissions: [
    // Key order and name order disagree: Currency Adjustment Journal (ADJ…) after Create Allocation Schedules (ALLOC…).
    { permkey: 'TRAN_ADJUSTMENTJOURNAL', level: 'FULL' }, { permkey: 'TRAN_ALLOCSCHEDULE', level: 'FULL' },
    // Case decides otherwise: "PST Summary Report" sorts before "Partner …" by code point, after it by letter.
    { permkey: 'REPO_PSTSUMMARY', level: 'VIEW' }, { permkey: 'REPO_AUTHPARTNERCOMMISSION', level: 'VIEW' },
    { permkey: 'ADMI_ACCOUNTING', level: 'FULL' }, { permkey: 'LIST_ADDRESS', level: 'VIEW' },
  ] });
  const keys = [...text.matchAll(/<permkey>([^<]+)<\/permkey>/g)].map((m) => m[1]);
  expect(keys).toEqual(['TRAN_ALLOCSCHEDULE', 'TRAN_ADJUSTMENTJOURNAL', 'REPO_AUTHPARTNERCOMMISSION', 'REPO_PSTSUMMARY', 'LIST_ADDRESS', 'ADMI_ACCOUNTING']);
});
