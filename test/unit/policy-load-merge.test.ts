/**
 * Loading a policy chain through a host (files in memory here), merging its layers, and resolving
 * the permission keys it writes. Written against the mutants of src/core/policy/load.ts, merge.ts
 * and resolve-permission.ts that only the CLI tests reached.
 */
import { AuditError, type InputIssue } from '../../src/core/errors';
import { loadPolicy, type PolicyHost } from '../../src/core/policy';
import { loadedHere } from '../helpers/loaded-here';

/** Loaded inside each test, so the module's patterns are checked by the tests that use them (test/helpers/loaded-here.ts). */
const resolvePermission: typeof import('../../src/core/policy/resolve-permission').resolvePermission = (...args) =>
  loadedHere<typeof import('../../src/core/policy/resolve-permission')>(require.resolve('../../src/core/policy/resolve-permission')).resolvePermission(...args);

/** A host over files in memory; `refs` maps an extends entry to a file, else it names the file itself. */
function host(files: Record<string, string>, refs: Record<string, string | Error> = {}): PolicyHost {
  return {
    readText: (f) => {
      if (!Object.hasOwn(files, f)) throw Object.assign(new Error(`ENOENT: ${f}`), { code: 'ENOENT' });
      return files[f];
    },
    resolveRef: (_from, ref) => {
      const to = refs[ref];
      if (to instanceof Error) throw to;
      return to ?? ref;
    },
    identity: (f) => `/abs/${f}`,
  };
}
const issuesOf = (file: string, h: PolicyHost): InputIssue[] => {
  try {
    loadPolicy(file, h);
  } catch (e) {
    if (e instanceof AuditError && e.code === 'POLICY_INVALID') return e.issues;
    throw e;
  }
  throw new Error('the policy loaded');
};
const shown = (i: InputIssue) => `${i.loc.file}:${i.loc.line}:${i.loc.column} ${i.code}: ${i.message}${i.suggestion ? ` | ${i.suggestion}` : ''}`;

describe('loading a chain', () => {
  test('the policy named on the command line not being there is POLICY_NOT_FOUND, with where it looked', () => {
    let err: unknown;
    try { loadPolicy('nope.yaml', host({})); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(AuditError);
    expect([(err as AuditError).code, (err as AuditError).message]).toEqual(['POLICY_NOT_FOUND', 'nope.yaml: no such file or folder (looked for /abs/nope.yaml)']);
    expect((err as AuditError).details.hint).toContain('pack:<name>');
  });
  test('an AuditError from the host for the top file is passed on as it is', () => {
    const own = new AuditError('PACK_NOT_FOUND', 'no such pack');
    expect(() => loadPolicy('pack:x', { ...host({}), readText: () => { throw own; } })).toThrow(own);
  });
  test('a missing base is EXTENDS_NOT_FOUND at the extends entry; a host refusal keeps its code there', () => {
    const issues = issuesOf('p.yaml', host({ 'p.yaml': 'extends:\n  - base.yaml\n  - pack:nope\n' }, { 'pack:nope': new AuditError('PACK_NOT_FOUND', 'no pack named nope') }));
    expect(issues.map(shown)).toEqual([
      'p.yaml:2:5 EXTENDS_NOT_FOUND: base.yaml: no such file or folder | paths in extends are relative to the file that names them',
      'p.yaml:3:5 PACK_NOT_FOUND: no pack named nope',
    ]);
  });
  test('a cycle is refused at the entry that closes it, naming the chain', () => {
    const issues = issuesOf('a.yaml', host({ 'a.yaml': 'extends: b.yaml\n', 'b.yaml': 'description: b\nextends: a.yaml\n' }));
    expect(issues.map(shown)).toEqual(["b.yaml:2:10 EXTENDS_CYCLE: 'a.yaml' extends itself: a.yaml -> b.yaml -> a.yaml | remove one of the extends entries"]);
  });
  test('a shared base (a diamond) is applied once, where first seen; layers apply base first', () => {
    const p = loadPolicy('top.yaml', host({
      'top.yaml': 'extends: [left.yaml, right.yaml]\npermissions:\n  lists: {Vendors: Full}\n',
      'left.yaml': 'extends: base.yaml\npermissions:\n  lists: {Items: Edit}\n',
      'right.yaml': 'extends: base.yaml\n',
      'base.yaml': 'permissions:\n  lists: {Vendors: View, Items: View}\n',
    }));
    expect(p.files).toEqual(['base.yaml', 'left.yaml', 'right.yaml', 'top.yaml']);
    expect(p.file).toBe('top.yaml');
    expect(p.rules.map((r) => `${r.id}=${r.min}`).sort()).toEqual(['LIST_ITEM=EDIT', 'LIST_VENDOR=FULL']);
  });
  test('every problem of every file at once, file by file as read (the named file first), each by line and column; the count in the message', () => {
    let err: AuditError | undefined;
    try {
      loadPolicy('p.yaml', host({ 'p.yaml': 'extends: base.yaml\npermissions:\n  lists: {Vendorz: View, Itemz: View}\n', 'base.yaml': 'permissions:\n  lists:\n    Contactz: View\n' }));
    } catch (e) { err = e as AuditError; }
    expect(err?.message).toBe('p.yaml: 3 problems in the policy');
    expect(err!.issues.map((i) => `${i.loc.file}:${i.loc.line}:${i.loc.column}`)).toEqual(['p.yaml:3:11', 'p.yaml:3:26', 'base.yaml:3:5']);
    expect(() => loadPolicy('p.yaml', host({ 'p.yaml': 'permissions:\n  lists: {Vendorz: View}\n' }))).toThrow('p.yaml: 1 problem in the policy');
  });
  test('a file that is not YAML is reported with its place, and no layer is taken from it', () => {
    const issues = issuesOf('p.yaml', host({ 'p.yaml': 'permissions: [\n' }));
    expect(issues.length).toBe(1);
    expect(issues[0].loc.file).toBe('p.yaml');
  });
  test('warnings of every file come back sorted by place', () => {
    const p = loadPolicy('p.yaml', host({
      'p.yaml': 'extends: base.yaml\nallow:\n  Items: None\n  Vendors: None\n',
      'base.yaml': 'permissions:\n  lists:\n    Contacts: {min: None}\n',
    }));
    expect(p.warnings.map((w) => `${w.loc.file}:${w.loc.line} ${w.code}`)).toEqual(['base.yaml:3 LEVEL_ASKS_NOTHING', 'p.yaml:3 LEVEL_ASKS_NOTHING', 'p.yaml:4 LEVEL_ASKS_NOTHING']);
  });
});

describe('a waiver that can never apply is a warning, saying why', () => {
  const warned = (policy: string, waiver: string) => loadPolicy('p.yaml', host({ 'p.yaml': `${policy}waivers:\n  - {reason: audit, expires: 2027-01-31, ${waiver}}\n` })).warnings
    .filter((w) => w.code === 'WAIVER_MATCHES_NO_RULE').map((w) => w.message);
  test.each([
    ['PERMISSION_MISSING', 'permission: Vendors', 'the policy does not require Vendors, so no PERMISSION_MISSING can arise for it'],
    ['LEVEL_TOO_LOW', 'permission: Vendors', 'the policy does not require Vendors, so no LEVEL_TOO_LOW can arise for it'],
    ['PERMISSION_RESTRICTION_MISMATCH', 'permission: Vendors', 'the policy does not require Vendors, so no PERMISSION_RESTRICTION_MISMATCH can arise for it'],
    ['FLAG_MISMATCH', 'flag: inactive', 'the policy sets no inactive flag, so no FLAG_MISMATCH can arise for it'],
    ['SETTING_MISMATCH', 'setting: coreAdminPermissions', 'the policy does not pin coreAdminPermissions, so no SETTING_MISMATCH can arise for it'],
    ['RECORD_RESTRICTION_MISMATCH', 'setting: CLASS', 'the policy does not pin recordRestrictions.CLASS, so no RECORD_RESTRICTION_MISMATCH can arise for it'],
    ['SOD_CONFLICT', 'conflict: ap', "no conflict rule is named 'ap'"],
  ])('%s', (code, target, why) => {
    expect(warned('permissions:\n  lists: {Items: View}\n', `code: ${code}, ${target}`)).toEqual([`this ${code} waiver can never apply: ${why}`]);
  });
  test.each([
    ['PERMISSION_MISSING', 'permission: Vendors', 'permissions:\n  lists: {Vendors: View}\n'],
    ['FLAG_MISMATCH', 'flag: inactive', 'flags: {inactive: false}\n'],
    ['SETTING_MISMATCH', 'setting: coreAdminPermissions', 'settings: {coreAdminPermissions: false}\n'],
    ['RECORD_RESTRICTION_MISMATCH', 'setting: CLASS', 'recordRestrictions: {CLASS: NONE}\n'],
    ['SOD_CONFLICT', 'conflict: ap', 'conflicts:\n  - {name: ap, reason: two sides, any: {Vendors: View}}\n'],
    ['PERMISSION_EXCESS', 'permission: Vendors', ''],
  ])('a %s waiver the policy can raise is not warned about', (code, target, policy) => {
    expect(warned(policy, `code: ${code}, ${target}`)).toEqual([]);
  });
  test('the warning stands at the waiver and says what to do', () => {
    const w = loadPolicy('p.yaml', host({ 'p.yaml': 'waivers:\n  - {code: SOD_CONFLICT, conflict: ap, reason: audit, expires: 2027-01-31}\n' })).warnings[0];
    expect([w.loc.line, w.severity, w.suggestion]).toEqual([2, 'warning', 'remove the waiver, or name the permission, flag, setting or conflict the policy checks']);
  });
});

describe('merging layers', () => {
  const load = (files: Record<string, string>) => loadPolicy('top.yaml', host(files));
  test('what no file says: excess warn, risks at warning, nothing pinned', () => {
    // The defaults are the module's constants: loaded here (test/helpers/loaded-here.ts).
    const fresh = loadedHere<typeof import('../../src/core/policy')>(require.resolve('../../src/core/policy'), { schemas: true });
    const p = fresh.loadPolicy('top.yaml', host({ 'top.yaml': 'description: empty\n' }));
    expect([p.excess, p.risk.severity, p.role, p.flags, p.settings, p.recordRestrictions, p.rules, p.allow, p.waivers, p.risk.permissions, p.conflicts, p.holders])
      .toEqual(['warn', 'warning', {}, [], [], [], [], [], [], [], [], undefined]);
  });
  test('a later file overrides by name and keeps the rest; waivers add up; holders refine field by field', () => {
    const p = load({
      'base.yaml': [
        'description: base', 'role: {scriptId: customrole_x, name: X}', 'flags: {webServicesOnly: true, inactive: false}', 'settings: {coreAdminPermissions: false}',
        'recordRestrictions: {CLASS: NONE}', 'excess: fail', 'allow: {Contacts: View}', 'holders: {max: 2, maxIdleDays: 30}', 'risks: {severity: error}',
        'conflicts:', '  - {name: ap, reason: base rule, any: {Vendors: View}}', 'waivers:', '  - {code: ROLE_INACTIVE, reason: base one, expires: 2027-01-31}', '',
      ].join('\n'),
      'top.yaml': [
        'extends: base.yaml', 'description: top', 'role: {name: Y}', 'flags: {inactive: true}', 'settings: {coreAdminPermissions: true}', 'recordRestrictions: {CLASS: OWNONLY}',
        'permissions:', '  lists: {Contacts: Full}', 'holders: {max: 1}', 'conflicts:', '  - {name: ap, reason: top rule, any: {Vendors: Edit}}',
        'waivers:', '  - {code: ROLE_INACTIVE, reason: top one, expires: 2027-01-31}', '',
      ].join('\n'),
    });
    expect([p.description, p.role, p.roleLoc?.file]).toEqual(['top', { scriptId: 'customrole_x', name: 'Y' }, 'top.yaml']);
    expect(p.flags.map((f) => `${f.flag}=${f.value}`)).toEqual(['webServicesOnly=true', 'inactive=true']);
    expect(p.settings.map((s) => `${s.key}=${s.values}`)).toEqual(['coreAdminPermissions=true']);
    expect(p.recordRestrictions.map((r) => `${r.segment}=${r.restriction}`)).toEqual(['CLASS=OWNONLY']);
    expect([p.excess, p.excessLoc?.file, p.risk.severity, p.risk.severityLoc?.file]).toEqual(['fail', 'base.yaml', 'error', 'base.yaml']);
    // A permission required later is no longer merely allowed.
    expect([p.rules.map((r) => r.id), p.allow]).toEqual([['LIST_CONTACT'], []]);
    expect(p.holders).toMatchObject({ max: 1, maxIdleDays: 30 });
    expect(p.conflicts.map((c) => [c.name, c.reason])).toEqual([['ap', 'top rule']]);
    expect(p.waivers.map((w) => w.reason)).toEqual(['base one', 'top one']);
  });
  test('an allowance for a permission an earlier file requires is dropped; one a later file requires is replaced', () => {
    const early = load({ 'base.yaml': 'permissions:\n  lists: {Vendors: View}\n', 'top.yaml': 'extends: base.yaml\nallow: {Items: View}\n' });
    expect([early.rules.map((r) => r.id), early.allow.map((a) => a.id)]).toEqual([['LIST_VENDOR'], ['LIST_ITEM']]);
    const overlap = load({ 'base.yaml': 'permissions:\n  lists: {Vendors: View}\n', 'top.yaml': 'extends: base.yaml\npermissions:\n  lists: {Vendors: Edit}\n' });
    expect(overlap.rules.map((r) => `${r.id}=${r.min}@${r.loc.file}`)).toEqual(['LIST_VENDOR=EDIT@top.yaml']);
  });
  test('a file without a role section keeps the role and its place from the file that has one', () => {
    const p = load({ 'base.yaml': 'role: {scriptId: customrole_x}\n', 'top.yaml': 'extends: base.yaml\ndescription: top\n' });
    expect([p.role, p.roleLoc?.file, p.roleLoc?.line]).toEqual([{ scriptId: 'customrole_x' }, 'base.yaml', 1]);
  });
  test('a risk severity per permission is overridden by a later file', () => {
    const p = load({ 'base.yaml': 'risks:\n  permissions: {Access Token Management: error}\n', 'top.yaml': 'extends: base.yaml\nrisks:\n  permissions: {Access Token Management: info}\n' });
    expect(p.risk.permissions.map((r) => `${r.id}=${r.severity}`)).toEqual(['ADMI_MANAGE_OAUTH_TOKENS=info']);
  });
});

describe('resolving a permission key', () => {
  test('an ID no catalog lists yet, on the subtab its prefix names, is trusted', () => {
    expect(resolvePermission('LIST_SOMETHING_NEW', 'lists')).toEqual({ ok: true, ref: { id: 'LIST_SOMETHING_NEW', name: 'LIST_SOMETHING_NEW', subtab: 'lists', written: 'LIST_SOMETHING_NEW' } });
    expect(resolvePermission('TRAN_NEW2', 'transactions').ok).toBe(true);
  });
  test('... but not on another subtab, nor in lower case, nor without a word after the prefix, nor on no subtab', () => {
    expect(resolvePermission('LIST_SOMETHING_NEW', 'transactions')).toMatchObject({ ok: false, code: 'UNKNOWN_PERMISSION', message: "unknown permission 'LIST_SOMETHING_NEW' on the Transactions subtab" });
    expect(resolvePermission('list_something_new', 'lists').ok).toBe(false);
    expect(resolvePermission('LIST_', 'lists').ok).toBe(false);
    expect(resolvePermission('LIST', 'lists').ok).toBe(false);
    expect(resolvePermission('1LIST_X', 'lists').ok).toBe(false);
    expect(resolvePermission('LIST_X-Y', 'lists').ok).toBe(false);
    expect(resolvePermission('LIST_SOMETHING_NEW', undefined)).toMatchObject({ ok: false, message: "unknown permission 'LIST_SOMETHING_NEW'" });
  });
  test('an ID one or two letters from a known one on its subtab is a typo, with the known one suggested', () => {
    expect(resolvePermission('LIST_VENDR', 'lists')).toEqual({ ok: false, code: 'UNKNOWN_PERMISSION', message: "unknown permission 'LIST_VENDR' on the Lists subtab", suggestion: "did you mean 'Vendors' (LIST_VENDOR)?" });
    expect(resolvePermission('LIST_VXNDXR', 'lists').ok).toBe(false);
    // Three letters away: a new ID, trusted.
    expect(resolvePermission('LIST_VXXXOR', 'lists').ok).toBe(true);
  });
  test('a misspelt name suggests the nearest permission on the subtab it was written under', () => {
    const r = resolvePermission('Vendorz', 'lists');
    expect(r).toMatchObject({ ok: false, suggestion: "did you mean 'Vendors' (LIST_VENDOR)?" });
    const none = resolvePermission('qqqqqqqqqqqqqqqq', 'lists');
    expect(none).toMatchObject({ ok: false, suggestion: "run 'ns-role-audit catalog <words>' to find the permission's name or ID" });
  });
  test('the suggestion for a misspelt name prefers the subtab it was written under; with no subtab, the nearest of all', () => {
    expect(resolvePermission('Lock Transactionx', 'transactions')).toMatchObject({ ok: false, suggestion: "did you mean 'Find Transaction' (TRAN_FIND)?" });
    expect(resolvePermission('Lock Transactionx', undefined)).toMatchObject({ ok: false, suggestion: "did you mean 'Lock Transactions' (ADMI_CLOSEPERIOD)?" });
    // Nothing near on the subtab: the nearest anywhere.
    expect(resolvePermission('Lock Transactionx', 'customRecords')).toMatchObject({ ok: false, suggestion: "did you mean 'Lock Transactions' (ADMI_CLOSEPERIOD)?" });
  });
  test('a permission written under the wrong subtab says where it belongs', () => {
    expect(resolvePermission('Vendors', 'transactions')).toEqual({ ok: false, code: 'WRONG_SUBTAB', message: "'Vendors' (LIST_VENDOR) is on the Lists subtab, not Transactions", suggestion: 'move it under permissions.lists' });
  });
});
