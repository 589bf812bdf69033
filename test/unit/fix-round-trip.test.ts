import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { structuredPatch } from 'diff';
import { stringify } from 'yaml';
import { getCatalog, levelRank, type Level } from '../../src/core/catalog';
import { diffRole } from '../../src/core/diff';
import { planFix } from '../../src/core/fix/plan-fix';
import { loadPolicy } from '../../src/core/policy/load';
import { heldLevels } from '../../src/core/role/held-levels';
import { readSdfRoleDocument, type SdfRoleDocument } from '../../src/core/role/sdf';
import { validateSdfRole } from '../../src/core/role/validate-sdf';
import { findingFails } from '../../src/core/verdict';
import { childElements, ownText } from '../../src/core/xml/read-xml';

// Round trips: for every role file of the project (and, when NS_ROLE_AUDIT_REAL_ROLES names a
// folder, every real SuiteCloud export under it, kept outside the repository), policies that
// require, raise, lower and remove permissions and pin flags and settings. The fixed file must be
// well formed, pass a deploy's checks, audit compliant, keep every element the fix did not touch,
// and differ from the original only in the lines the changes name.

const TODAY = '2026-12-01';
const ROOT = join(__dirname, '..', '..');
const REAL = process.env.NS_ROLE_AUDIT_REAL_ROLES;
const walk = (dir: string): string[] => readdirSync(dir).flatMap((n) => {
  const p = join(dir, n);
  return statSync(p).isDirectory() ? walk(p) : /^customrole.*\.xml$/i.test(n) ? [p] : [];
});
const FILES = [
  ...walk(join(ROOT, 'fixtures', 'sdf-project')).map((f) => [relative(ROOT, f), f]),
  ...walk(join(ROOT, 'test', 'fixtures', 'role-corpus')).map((f) => [relative(ROOT, f), f]),
  ...(REAL ? walk(REAL).map((f) => [`real: ${relative(REAL, f)}`, f]) : []),
];

/** The codes a fix settles by an edit of the file. */
const SETTLED = new Set(['PERMISSION_MISSING', 'LEVEL_TOO_LOW', 'LEVEL_ABOVE_MAX', 'PERMISSION_EXCESS', 'FLAG_MISMATCH', 'RECORD_RESTRICTION_MISMATCH', 'ROLE_INACTIVE']);
/** Deploy checks no edit of the role file settles: values only the owner knows, the other side of a custom record. */
const OWNERS = new Set(['FIELD_REQUIRED', 'SCRIPT_ID_INVALID', 'ONE_SIDED_CUSTOM_RECORD']);

const policyOf = (scriptId: string, body: string) =>
  loadPolicy('p.yaml', { readText: () => `version: 1\nrole: {scriptId: ${scriptId}}\n${body}`, resolveRef: (_f, r) => r, identity: (f) => f }, { today: TODAY });
const offered = (id: string) => (getCatalog().byId(id)?.levels ?? []).filter((l) => l !== 'NONE');
const title = (l: Level) => l[0] + l.slice(1).toLowerCase();
type Spec = string | { min?: string; max?: string };

/** Policies for one role: each asks for one kind of change the role needs, and one asks for all of them. */
function policiesFor(doc: SdfRoleDocument): Array<[string, string]> {
  const held = [...heldLevels(doc.role.permissions)].filter(([id, h]) => h.level !== 'NONE' && getCatalog().byId(id) && !h.readings);
  const heldIds = new Set(held.map(([id]) => id));
  const asks: Array<[string, string, Spec]> = [];
  const need = [...['LIST_CUSTJOB', 'TRAN_SALESORD', 'ADMI_CUSTLIST'], ...getCatalog().all().map((p) => p.id)].find((id) => !heldIds.has(id) && offered(id).includes('VIEW') && !doc.role.permissions.some((p) => p.permkey === id))!;
  asks.push(['require', need, 'View']);
  const raise = held.find(([id, h]) => offered(id).some((l) => levelRank(l) > levelRank(h.level)));
  if (raise) asks.push(['raise', raise[0], { min: title(offered(raise[0]).find((l) => levelRank(l) > levelRank(raise[1].level))!) }]);
  const lower = held.find(([id, h]) => id !== raise?.[0] && offered(id).some((l) => levelRank(l) < levelRank(h.level)));
  if (lower) asks.push(['lower', lower[0], { max: title(offered(lower[0])[0]) }]);
  const remove = held.find(([id]) => id !== raise?.[0] && id !== lower?.[0]);
  if (remove) asks.push(['remove', remove[0], 'None']);
  const permissions = (list: typeof asks) => {
    const out: Record<string, Record<string, Spec>> = {};
    for (const [, id, spec] of list) (out[getCatalog().byId(id)!.subtab] ??= {})[id] = spec;
    return out;
  };
  const pins = { flags: { webServicesOnly: !doc.role.flags.webServicesOnly }, settings: { coreAdminPermissions: !doc.role.settings.coreAdminPermissions } };
  return [
    ...asks.map(([kind, id, spec]): [string, string] => [kind, stringify({ excess: 'ignore', permissions: permissions([[kind, id, spec]]) })]),
    ['flags and settings', stringify({ excess: 'ignore', ...pins })],
    ['all of them', stringify({ excess: 'ignore', ...pins, permissions: permissions(asks) })],
  ];
}

/** What every field of a role reads as, by element name (to show untouched fields are kept). */
const fieldTexts = (doc: SdfRoleDocument) => Object.fromEntries(childElements(doc.root).filter((e) => e.name !== 'permissions' && e.name !== 'recordrestrictions').map((e) => [e.name, ownText(e)]));

const counts = { files: 0, plans: 0, changes: 0, ms: 0 };

describe.each(FILES)('%s', (_name, file) => {
  const text = readFileSync(file, 'utf8');
  const doc = readSdfRoleDocument(file, text);
  const before = validateSdfRole(doc);

  test.each(policiesFor(doc))('%s', (_kind, body) => {
    const policy = policyOf(doc.role.scriptId!, body);
    const started = performance.now();
    const plan = planFix(policy, doc, { today: TODAY });
    counts.ms += performance.now() - started;
    counts.plans++;
    counts.changes += plan.changes.length;
    expect(plan.changes.length).toBeGreaterThan(0);

    // Well formed, and passes a deploy's checks but for what only the owner can settle (and was there before).
    const fixed = readSdfRoleDocument(file, plan.text);
    const issues = validateSdfRole(fixed);
    for (const i of issues) {
      expect(OWNERS.has(i.code)).toBe(true);
      expect(before.map((b) => b.code)).toContain(i.code);
      expect(plan.remaining.map((r) => r.code)).toContain(i.code);
    }
    // Audits compliant on everything an edit settles.
    const failing = diffRole(policy, fixed.role, { today: TODAY }).findings.filter((f) => !f.accepted && findingFails(f, 'error'));
    expect(failing.filter((f) => SETTLED.has(f.code)).map((f) => `${f.code} ${f.permission?.id ?? f.flag ?? f.setting}`)).toEqual([]);

    // Every permission and field the fix did not name is kept as it was.
    const targets = new Set(plan.changes.map((c) => c.target));
    const was = heldLevels(doc.role.permissions);
    const now = heldLevels(fixed.role.permissions);
    for (const [id, h] of was) if (!targets.has(id)) expect([id, now.get(id)?.level]).toEqual([id, h.level]);
    for (const [id] of now) if (!was.has(id)) expect(targets.has(id)).toBe(true);
    const fieldsWere = fieldTexts(doc);
    const fieldsNow = fieldTexts(fixed);
    for (const [name, value] of Object.entries(fieldsWere)) if (!targets.has(name)) expect([name, fieldsNow[name]]).toEqual([name, value]);
    expect(fixed.role.recordRestrictions).toEqual(doc.role.recordRestrictions);

    // Only the lines the changes name differ: every hunk holds the line of a change. A diff may
    // show an inserted or removed block up to its own height further down than where it is, since
    // `<permission>` and `</permission>` lines repeat (six lines: a record restriction's block).
    const lines = new Set(plan.changes.map((c) => c.line));
    const SHIFT = 6;
    for (const h of structuredPatch('a', 'b', text, plan.text, '', '', { context: 0 }).hunks) {
      const first = h.oldLines === 0 ? h.oldStart + 1 : h.oldStart;
      const last = h.oldLines === 0 ? h.oldStart + 1 : h.oldStart + h.oldLines - 1;
      const named = [...lines].some((l) => l >= first - SHIFT && l <= last);
      expect(named ? 'named' : `lines ${first}-${last} changed, no change names them`).toBe('named');
    }
  });
});

afterAll(() => {
  counts.files = FILES.length;
  console.log(`fix round trips: ${counts.files} role files, ${counts.plans} plans, ${counts.changes} changes, ${counts.ms.toFixed(0)} ms planning${REAL ? '' : ' (NS_ROLE_AUDIT_REAL_ROLES not set: project files only)'}`);
});
