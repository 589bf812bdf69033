/**
 * `compare`, field by field: every setting, record restriction line and box, custom field and
 * permission is the same, different or unknown, and each count and the verdict follow from them.
 * Written against the mutants of src/core/compare.ts that the CLI tests could not reach.
 */
import { compareRoles } from '../../src/core/compare';
import { ROLE_SETTINGS, SETTING_KEYS, type RoleSettings, type RoleSnapshot } from '../../src/core/model';

/** Every setting known: booleans unchecked, enums their first value, text a word. */
function allSettings(): RoleSettings {
  const out: Record<string, unknown> = {};
  for (const k of SETTING_KEYS) {
    const d = ROLE_SETTINGS[k] as { type: string; values?: string[] };
    out[k] = d.type === 'boolean' ? false : d.type === 'enum' ? d.values![0] : 'x';
  }
  return out as RoleSettings;
}

/** A role whose every field is known and equal to the same call's: change one part per test. */
function role(over: Partial<RoleSnapshot> = {}): RoleSnapshot {
  return {
    scriptId: 'customrole_x', name: 'X', flags: { webServicesOnly: true, doNotRestrictEmployeeFields: false, inactive: false },
    settings: allSettings(), recordRestrictions: [], customFields: {}, permissions: [{ permkey: 'LIST_ITEM', level: 'VIEW' }],
    evidence: 'definition', origin: 't', ...over,
  };
}
const meta = { leftLabel: 'prod', rightLabel: 'sandbox', generatedAt: 'now' };
const cmp = (a: RoleSnapshot, b: RoleSnapshot, extra: { acceptUnverified?: boolean; version?: string } = {}) => compareRoles(a, b, { ...meta, ...extra });

test('two roles known in every field and equal are the same, with a zero count of everything but "same"', () => {
  const c = cmp(role(), role());
  expect([c.verdict, c.equal, c.acceptedUnverified]).toEqual(['same', true, undefined]);
  expect(c.counts).toEqual({ onlyLeft: 0, onlyRight: 0, level: 0, restriction: 0, same: 1, flags: 0, settings: 0, unknown: 0 });
  expect(c.settings.every((s) => s.kind === 'same')).toBe(true);
  expect(c.tool).toBeUndefined();
  expect(cmp(role(), role(), { version: '1.2.3' }).tool).toEqual({ name: 'ns-role-audit', version: '1.2.3' });
});

test('each kind of difference is counted where it belongs, and any one makes the roles different', () => {
  const flags = cmp(role(), role({ flags: { webServicesOnly: false, doNotRestrictEmployeeFields: false, inactive: false } }));
  expect([flags.verdict, flags.counts.flags, flags.counts.settings]).toEqual(['different', 1, 0]);
  const setting = cmp(role(), role({ settings: { ...allSettings(), coreAdminPermissions: true } }));
  expect([setting.verdict, setting.counts.settings, setting.counts.flags]).toEqual(['different', 1, 0]);
  expect(setting.settings.find((s) => s.key === 'coreAdminPermissions')).toMatchObject({ label: 'Core Administration Permissions', left: 'unchecked', right: 'checked', kind: 'different' });
  const level = cmp(role(), role({ permissions: [{ permkey: 'LIST_ITEM', level: 'FULL' }] }));
  expect([level.verdict, level.counts.level, level.counts.same]).toEqual(['different', 1, 0]);
  expect(level.permissions[0]).toMatchObject({ id: 'LIST_ITEM', name: 'Items', left: 'VIEW', right: 'FULL', kind: 'level' });
  const onlyLeft = cmp(role(), role({ permissions: [] }));
  expect([onlyLeft.verdict, onlyLeft.counts.onlyLeft, onlyLeft.counts.onlyRight, onlyLeft.permissions[0].right]).toEqual(['different', 1, 0, undefined]);
  const onlyRight = cmp(role({ permissions: [] }), role());
  expect([onlyRight.verdict, onlyRight.counts.onlyRight, onlyRight.counts.onlyLeft, onlyRight.permissions[0].left]).toEqual(['different', 1, 0, undefined]);
  const restriction = cmp(role(), role({ permissions: [{ permkey: 'LIST_ITEM', level: 'VIEW', restriction: 'OWNONLY' }] }));
  expect([restriction.verdict, restriction.counts.restriction, restriction.counts.same]).toEqual(['different', 1, 0]);
  expect(restriction.permissions[0]).toMatchObject({ kind: 'restriction', rightRestriction: 'OWNONLY' });
  expect(restriction.permissions[0].leftRestriction).toBeUndefined();
});

test('an unknown field alone makes the comparison incomplete, counted once per field; accepted, it is the same and says so', () => {
  const { coreAdminPermissions: _dropped, ...fewer } = allSettings();
  const c = cmp(role(), role({ settings: fewer, flags: { webServicesOnly: true, doNotRestrictEmployeeFields: false } }));
  expect(c.settings.find((s) => s.key === 'coreAdminPermissions')).toMatchObject({ left: 'unchecked', right: null, kind: 'unknown' });
  expect(c.flags.find((f) => f.flag === 'inactive')).toMatchObject({ left: false, right: null, kind: 'unknown' });
  expect([c.verdict, c.equal, c.counts.unknown, c.counts.settings, c.counts.flags]).toEqual(['incomplete', false, 2, 0, 0]);
  const ok = cmp(role(), role({ settings: fewer }), { acceptUnverified: true });
  expect([ok.verdict, ok.equal, ok.acceptedUnverified, ok.counts.unknown]).toEqual(['same', true, true, 1]);
  // Accepting unknowns when there are none says nothing about them.
  expect(cmp(role(), role(), { acceptUnverified: true }).acceptedUnverified).toBeUndefined();
  // A difference beside an unknown: different, accepted or not.
  expect(cmp(role(), role({ settings: fewer, permissions: [] }), { acceptUnverified: true }).verdict).toBe('different');
});

test('values are shown as the role page does: checked / unchecked, "(none)" for an empty text, words as they are', () => {
  const c = cmp(role({ settings: { ...allSettings(), parentRole: '' } }), role({ settings: { ...allSettings(), parentRole: 'customrole_parent' } }));
  expect(c.settings.find((s) => s.key === 'parentRole')).toMatchObject({ left: '(none)', right: 'customrole_parent', kind: 'different' });
  expect(c.settings.find((s) => s.key === 'centerType')).toMatchObject({ left: 'ACCOUNTCENTER', right: 'ACCOUNTCENTER', kind: 'same' });
});

test('record restrictions: every standard segment is compared, a missing line reads as NONE, a source without the subtab is unknown', () => {
  const dept = { segment: 'DEPARTMENT', restriction: 'OWNONLY', viewingAllowed: true, itemsRestricted: false };
  const c = cmp(role({ recordRestrictions: [dept] }), role());
  const row = (key: string) => c.settings.find((s) => s.key === key);
  expect(row('recordRestrictions.DEPARTMENT')).toMatchObject({ label: 'Records restricted by department', left: 'OWNONLY', right: 'NONE', kind: 'different' });
  expect(row('recordRestrictions.CLASS')).toMatchObject({ left: 'NONE', right: 'NONE', kind: 'same' });
  expect(row('recordRestrictions.LOCATION')).toMatchObject({ kind: 'same' });
  // A line on one side only: its boxes against "(no line)".
  expect(row('recordRestrictions.DEPARTMENT.viewingAllowed')).toMatchObject({ label: 'Records restricted by department, Allow Viewing', left: 'checked', right: '(no line)', kind: 'different' });
  expect(row('recordRestrictions.DEPARTMENT.itemsRestricted')).toMatchObject({ label: 'Records restricted by department, Items Restricted', left: 'unchecked', right: '(no line)' });
  // No line on either side: no box rows.
  expect(row('recordRestrictions.CLASS.viewingAllowed')).toBeUndefined();
  expect(c.counts.settings).toBe(3);
  // A segment only a source names is compared too.
  const other = cmp(role({ recordRestrictions: [{ segment: 'CSEG_REGION', restriction: 'OWNONLY' }] }), role({ recordRestrictions: [{ segment: 'CSEG_REGION', restriction: 'OWNONLY' }] }));
  expect(other.settings.find((s) => s.key === 'recordRestrictions.CSEG_REGION')).toMatchObject({ label: 'Records restricted by cseg_region', kind: 'same' });
  // An unread box on a line both sides have is unknown, not equal.
  expect(other.settings.find((s) => s.key === 'recordRestrictions.CSEG_REGION.viewingAllowed')).toMatchObject({ left: null, right: null, kind: 'unknown' });
  expect(other.verdict).toBe('incomplete');
  // A side that cannot show the subtab: every segment unknown.
  const unread = cmp(role({ recordRestrictions: undefined }), role({ recordRestrictions: [dept] }));
  expect(unread.settings.filter((s) => s.key.startsWith('recordRestrictions.')).map((s) => `${s.key}:${s.left}:${s.kind}`)).toEqual([
    'recordRestrictions.DEPARTMENT:null:unknown', 'recordRestrictions.DEPARTMENT.viewingAllowed:null:unknown', 'recordRestrictions.DEPARTMENT.itemsRestricted:null:unknown',
    'recordRestrictions.CLASS:null:unknown', 'recordRestrictions.LOCATION:null:unknown',
  ]);
});

test('custom fields: the union of both sides in name order, a field one side lacks is unknown', () => {
  const c = cmp(role({ customFields: { custrecord_b: '1', custrecord_a: 'x' } }), role({ customFields: { custrecord_a: 'y', custrecord_c: '2' } }));
  expect(c.settings.filter((s) => s.key.startsWith('customFields.')).map((s) => [s.key, s.label, s.left, s.right, s.kind])).toEqual([
    ['customFields.custrecord_a', 'custrecord_a', 'x', 'y', 'different'],
    ['customFields.custrecord_b', 'custrecord_b', '1', null, 'unknown'],
    ['customFields.custrecord_c', 'custrecord_c', null, '2', 'unknown'],
  ]);
  expect(cmp(role({ customFields: undefined }), role({ customFields: { custrecord_a: 'y' } })).settings.find((s) => s.key === 'customFields.custrecord_a')).toMatchObject({ left: null, kind: 'unknown' });
  expect(cmp(role({ customFields: { custrecord_a: 'y' } }), role({ customFields: undefined })).settings.find((s) => s.key === 'customFields.custrecord_a')).toMatchObject({ right: null, kind: 'unknown' });
});

test('a restriction given as a code on one side and a word on the other cannot be compared; codes on both sides can', () => {
  const withRestriction = (r: string) => role({ permissions: [{ permkey: 'LIST_ITEM', level: 'VIEW', restriction: r }] });
  const mixed = cmp(withRestriction('1'), withRestriction('OWNONLY'));
  expect(mixed.permissions[0]).toMatchObject({ kind: 'unknown', why: 'one side gives its restriction as a code whose meaning is unconfirmed' });
  expect([mixed.verdict, mixed.counts.unknown]).toEqual(['incomplete', 1]);
  expect(cmp(withRestriction('-1'), withRestriction('OWNONLY')).permissions[0].kind).toBe('unknown');
  expect(cmp(withRestriction('1'), withRestriction('2')).permissions[0].kind).toBe('restriction');
  expect(cmp(withRestriction('1'), withRestriction('1')).permissions[0].kind).toBe('same');
  // Not a whole number: a word, compared as words.
  expect(cmp(withRestriction('1a'), withRestriction('OWNONLY')).permissions[0].kind).toBe('restriction');
  // A code against no restriction at all (NONE, a word) is unconfirmed as well.
  expect(cmp(withRestriction('3'), role()).permissions[0].kind).toBe('unknown');
  // At different levels the level decides.
  expect(cmp(withRestriction('1'), role({ permissions: [{ permkey: 'LIST_ITEM', level: 'FULL', restriction: 'OWNONLY' }] })).permissions[0].kind).toBe('level');
});

test('a permission listed twice at different levels is unknown, naming the side (or both) that lists it so', () => {
  const twice = role({ permissions: [{ permkey: 'LIST_ITEM', level: 'VIEW' }, { permkey: 'LIST_ITEM', level: 'FULL' }] });
  expect(cmp(twice, role()).permissions[0]).toMatchObject({ kind: 'unknown', why: 'prod lists it more than once at different levels' });
  expect(cmp(role(), twice).permissions[0].why).toBe('sandbox lists it more than once at different levels');
  expect(cmp(twice, twice).permissions[0].why).toBe('prod and sandbox list it more than once at different levels');
  // Listed twice at None and View: still ambiguous, not absent.
  const noneAndView = role({ permissions: [{ permkey: 'LIST_ITEM', level: 'NONE' }, { permkey: 'LIST_ITEM', level: 'VIEW' }] });
  expect(cmp(noneAndView, role()).permissions[0].kind).toBe('unknown');
});

test('a SuiteApp custom record is its own permission: the app id is kept apart from the account record of the same script id', () => {
  const app = role({ permissions: [{ permkey: 'customrecord_x', level: 'VIEW', appId: 'com.acme.app' }] });
  const own = role({ permissions: [{ permkey: 'customrecord_x', level: 'VIEW' }] });
  const c = cmp(app, own);
  expect(c.permissions.map((p) => [p.id, p.name, p.appId, p.kind])).toEqual([
    ['customrecord_x', 'customrecord_x', undefined, 'only-right'],
    ['customrecord_x', 'customrecord_x (SuiteApp com.acme.app)', 'com.acme.app', 'only-left'],
  ]);
  expect(cmp(app, app).permissions.map((p) => [p.id, p.kind])).toEqual([['customrecord_x', 'same']]);
});

test('a level of None is no permission at all', () => {
  const c = cmp(role({ permissions: [{ permkey: 'LIST_ITEM', level: 'VIEW' }, { permkey: 'LIST_VENDOR', level: 'NONE' }] }), role());
  expect([c.permissions.length, c.verdict]).toEqual([1, 'same']);
});

test('roles are named by name and id, else by script id, internal id or "?"', () => {
  const name = (r: Partial<RoleSnapshot>) => cmp(role(r), role()).left.role;
  expect(name({})).toBe('X (customrole_x)');
  expect(name({ scriptId: undefined, internalId: '12' })).toBe('X (12)');
  expect(name({ name: undefined })).toBe('customrole_x');
  expect(name({ name: undefined, scriptId: undefined, internalId: '12' })).toBe('12');
  expect(name({ name: undefined, scriptId: undefined })).toBe('?');
  expect(cmp(role(), role({ name: 'Y' })).right).toEqual({ label: 'sandbox', role: 'Y (customrole_x)' });
});
