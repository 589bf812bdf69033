/**
 * The role history core in process (src/core/history/history.ts): the changes between two kept
 * reads, in their fixed order and words; which reads bound a step; `since`; and when a finding's
 * value first looked as it does now. The live history tests reach it only through the simulator.
 */
import { historySteps, roleContent, withFirstSeen, type RoleHistory } from '../../src/core/history/history';
import type { Finding, RoleSnapshot } from '../../src/core/model';

const base: RoleSnapshot = {
  scriptId: 'customrole_sync', name: 'Sync', flags: { webServicesOnly: true, doNotRestrictEmployeeFields: false, inactive: false },
  settings: { coreAdminPermissions: false, twoFactorRequired: 'OFF' },
  permissions: [{ permkey: 'TRAN_SALESORD', level: 'VIEW' }, { permkey: 'LIST_CUSTJOB', level: 'EDIT' }],
  recordRestrictions: [{ segment: 'DEPARTMENT', restriction: 'OWN_ONLY', viewingAllowed: false, itemsRestricted: false }],
  evidence: 'definition', origin: 'a.json',
};
const role = (over: Partial<RoleSnapshot>): RoleSnapshot => ({ ...base, ...over });
const history = (snapshots: Array<[string, RoleSnapshot]>, reads: string[]): RoleHistory => ({
  account: '1234567', role: 'customrole_sync', snapshots: snapshots.map(([at, r], i) => ({ at, file: `s${i}.json`, role: r })), reads,
});

describe('historySteps: the changes between kept reads', () => {
  test('every kind of change, in a fixed order: name, flags, settings, restrictions, permissions by id', () => {
    const after = role({
      name: 'Sync 2',
      flags: { webServicesOnly: false, doNotRestrictEmployeeFields: false, inactive: true },
      settings: { coreAdminPermissions: true, twoFactorRequired: 'OFF' },
      recordRestrictions: [{ segment: 'CLASS', restriction: 'OWN_ONLY', viewingAllowed: true, itemsRestricted: true }],
      permissions: [{ permkey: 'TRAN_SALESORD', level: 'FULL' }, { permkey: 'ADMI_KERNEL', level: 'VIEW' }],
    });
    const [step] = historySteps(history([['2026-01-01T00:00:00Z', base], ['2026-02-01T00:00:00Z', after]], []));
    expect(step.changes).toEqual([
      { kind: 'name', target: 'name', label: 'Name', from: 'Sync', to: 'Sync 2', inSystemNotes: true },
      { kind: 'flag', target: 'webServicesOnly', label: 'Web Services Only Role', from: 'checked', to: 'unchecked', inSystemNotes: true },
      { kind: 'flag', target: 'inactive', label: 'Inactive', from: 'unchecked', to: 'checked', inSystemNotes: true },
      { kind: 'setting', target: 'coreAdminPermissions', label: 'Core Administration Permissions', from: 'unchecked', to: 'checked', inSystemNotes: true },
      { kind: 'restriction', target: 'recordRestrictions.CLASS', label: 'Records restricted by class', from: null, to: 'OWN_ONLY, viewing allowed, items restricted', inSystemNotes: false },
      { kind: 'restriction', target: 'recordRestrictions.DEPARTMENT', label: 'Records restricted by department', from: 'OWN_ONLY', to: null, inSystemNotes: false },
      { kind: 'permission', target: 'ADMI_KERNEL', label: expect.stringMatching(/\(ADMI_KERNEL\)$/), from: null, to: 'View', inSystemNotes: false },
      { kind: 'permission', target: 'LIST_CUSTJOB', label: expect.stringMatching(/\(LIST_CUSTJOB\)$/), from: 'Edit', to: null, inSystemNotes: false },
      { kind: 'permission', target: 'TRAN_SALESORD', label: 'Sales Order (TRAN_SALESORD)', from: 'View', to: 'Full', inSystemNotes: false },
    ]);
  });

  test('an unnamed role, an unknown flag and a setting that appears read as null, not as a value', () => {
    const a = role({ name: undefined, flags: { ...base.flags, inactive: undefined } as RoleSnapshot['flags'], settings: {} });
    const b = role({ name: 'Named', flags: base.flags, settings: { centerType: 'BASIC' } });
    const [step] = historySteps(history([['2026-01-01', a], ['2026-01-02', b]], []));
    expect(step.changes.map((c) => [c.target, c.from, c.to])).toEqual([['name', null, 'Named'], ['inactive', null, 'unchecked'], ['centerType', null, 'BASIC']]);
  });

  test('equal roles, duplicate lines at one level and a restriction subtab not read change nothing', () => {
    const same = role({ permissions: [...base.permissions, { permkey: 'TRAN_SALESORD', level: 'VIEW' }] });
    expect(historySteps(history([['2026-01-01', base], ['2026-01-02', same]], []))[0].changes).toEqual([]);
    const noSubtab = role({ recordRestrictions: [] });
    expect(historySteps(history([['2026-01-01', noSubtab], ['2026-01-02', role({ recordRestrictions: undefined })]], []))[0].changes).toEqual([]);
  });

  test('a step is bounded by the last read that saw the old role and the first that saw the new; files named', () => {
    const h = history(
      [['2026-01-01T00:00:00Z', base], ['2026-03-01T00:00:00Z', role({ name: 'B' })], ['2026-05-01T00:00:00Z', role({ name: 'C' })]],
      ['2026-01-01T00:00:00Z', '2026-02-10T00:00:00Z', '2026-02-20T00:00:00Z', '2026-03-01T00:00:00Z', '2026-04-01T00:00:00Z', '2026-05-01T00:00:00Z'],
    );
    const steps = historySteps(h);
    expect(steps.map((s) => [s.lastSeenBefore, s.firstSeenAfter, s.fromFile, s.toFile])).toEqual([
      ['2026-02-20T00:00:00Z', '2026-03-01T00:00:00Z', 's0.json', 's1.json'],
      ['2026-04-01T00:00:00Z', '2026-05-01T00:00:00Z', 's1.json', 's2.json'],
    ]);
    // Without reads in between, the snapshot before is the last sighting.
    expect(historySteps({ ...h, reads: [] })[1].lastSeenBefore).toBe('2026-03-01T00:00:00Z');
    // since: steps whose new read is before it are left out; one on the day is kept.
    expect(historySteps(h, '2026-04-01').map((s) => s.toFile)).toEqual(['s2.json']);
    expect(historySteps(h, '2026-03-01T00:00:00Z').map((s) => s.toFile)).toEqual(['s1.json', 's2.json']);
    expect(historySteps(history([['2026-01-01', base]], []))).toEqual([]);
  });

  test('roleContent ignores the read (origin) and the order of lines', () => {
    const shuffled = role({ origin: 'elsewhere.json', permissions: [...base.permissions].reverse() });
    expect(roleContent(shuffled)).toBe(roleContent(base));
    expect(roleContent(role({ name: 'Other' }))).not.toBe(roleContent(base));
  });
});

describe('withFirstSeen: when a finding first looked as it does now', () => {
  const perm = (id: string): Finding => ({ code: 'LEVEL_ABOVE_MAX', severity: 'error', rule: `permission:${id}`, permission: { id, name: id, subtab: 'transactions' } } as Finding);
  const at = ['2026-01-01', '2026-02-01', '2026-03-01'];

  test('a permission: the first snapshot of the latest unbroken run at the current level', () => {
    const full = role({ permissions: [{ permkey: 'TRAN_SALESORD', level: 'FULL' }] });
    const h = history([[at[0], base], [at[1], full], [at[2], full]], at);
    const [f] = withFirstSeen({ findings: [perm('TRAN_SALESORD')] }, full, h).findings;
    expect(f.firstSeen).toEqual({ at: at[1], historyStart: false });
    // Back to the old level, then up again: the latest run counts.
    const h2 = history([[at[0], full], [at[1], base], [at[2], full]], at);
    expect(withFirstSeen({ findings: [perm('TRAN_SALESORD')] }, full, h2).findings[0].firstSeen).toEqual({ at: at[2], historyStart: false });
    // The same since the history began: it may be older.
    const h3 = history([[at[0], full], [at[1], full]], at);
    expect(withFirstSeen({ findings: [perm('TRAN_SALESORD')] }, full, h3).findings[0].firstSeen).toEqual({ at: at[0], historyStart: true });
    // A permission the role lacks reads as None in every snapshot that lacks it.
    expect(withFirstSeen({ findings: [perm('ADMI_KERNEL')] }, base, history([[at[0], full], [at[1], base]], at)).findings[0].firstSeen).toEqual({ at: at[0], historyStart: true });
  });

  test('not seen in the latest snapshot: no date', () => {
    const full = role({ permissions: [{ permkey: 'TRAN_SALESORD', level: 'FULL' }] });
    const [f] = withFirstSeen({ findings: [perm('TRAN_SALESORD')] }, full, history([[at[0], base]], at)).findings;
    expect(f).not.toHaveProperty('firstSeen');
  });

  test('flags, settings, restriction lines and their boxes', () => {
    const off = role({ flags: { ...base.flags, webServicesOnly: false }, settings: { coreAdminPermissions: true }, recordRestrictions: [{ segment: 'DEPARTMENT', restriction: 'OWN_ONLY', viewingAllowed: true }] });
    const h = history([[at[0], base], [at[1], off]], at);
    const findings = [
      { code: 'FLAG_MISMATCH', severity: 'error', rule: 'flag:webServicesOnly', flag: 'webServicesOnly' },
      { code: 'SETTING_MISMATCH', severity: 'error', rule: 'setting:coreAdminPermissions', setting: 'coreAdminPermissions' },
      { code: 'RECORD_RESTRICTION_MISMATCH', severity: 'error', rule: 'x', setting: 'recordRestrictions.DEPARTMENT.viewingAllowed' },
      { code: 'RECORD_RESTRICTION_MISMATCH', severity: 'error', rule: 'x', setting: 'recordRestrictions.DEPARTMENT' },
      { code: 'RECORD_RESTRICTION_MISMATCH', severity: 'error', rule: 'x', setting: 'recordRestrictions.CLASS' },
    ] as Finding[];
    const out = withFirstSeen({ findings }, off, h).findings.map((f) => f.firstSeen);
    expect(out).toEqual([
      { at: at[1], historyStart: false },
      { at: at[1], historyStart: false },
      { at: at[1], historyStart: false },
      // The line's restriction never changed; CLASS was never restricted (NONE throughout).
      { at: at[0], historyStart: true },
      { at: at[0], historyStart: true },
    ]);
  });

  test('findings about no single value, an unknown setting, and no history keep no date; other fields survive', () => {
    const findings = [
      { code: 'PERMISSION_EXCESS', severity: 'warning', rule: 'excess' },
      { code: 'SETTING_MISMATCH', severity: 'error', rule: 'x', setting: 'notASetting' },
    ] as Finding[];
    const h = history([[at[0], base]], at);
    expect(withFirstSeen({ findings, other: 1 }, base, h)).toEqual({ findings, other: 1 });
    const result = { findings: [perm('TRAN_SALESORD')] };
    expect(withFirstSeen(result, base, undefined)).toBe(result);
    expect(withFirstSeen(result, base, history([], []))).toBe(result);
  });
});
