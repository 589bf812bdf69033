/**
 * Policy packs against their vendors' tables. Each pack in policies/packs/ has its guide's table in
 * test/fixtures/guide-tables/<pack>.tsv (subtab, permission as written, the name the pack uses when
 * it differs, level as written, the level the pack requires or `-` when left out, and why); every
 * permission, subtab and level of the pack must match it, and nothing else may be in the pack.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packNames, PACKS_DIR } from '../../src/adapters/packs';
import { readPolicy } from '../../src/adapters/read-policy';
import { AuditError } from '../../src/core/errors';
import { loadPolicy } from '../../src/core/policy';
import { resolvePermission } from '../../src/core/policy/resolve-permission';
import type { Policy } from '../../src/core/model';
import { runCli } from '../helpers/run-cli';

const TABLES = join(__dirname, '..', 'fixtures', 'guide-tables');
interface Row { subtab: string; as_written: string; pack_name: string; level_as_written: string; pack_level: string; note: string }

function rowsOf(pack: string): Row[] {
  const [head, ...lines] = readFileSync(join(TABLES, `${pack}.tsv`), 'utf8').trimEnd().split('\n');
  const cols = head.split('\t');
  return lines.map((l) => Object.fromEntries(l.split('\t').map((v, i) => [cols[i], v])) as unknown as Row);
}

/** Every way a pack differs from its guide table: a permission missing, extra, on another subtab, or at another level. */
function mismatches(policy: Policy, rows: Row[]): string[] {
  const out: string[] = [];
  const wanted = rows.filter((r) => r.pack_level !== '-');
  const ids = new Set<string>();
  for (const r of wanted) {
    const res = resolvePermission(r.pack_name || r.as_written, undefined);
    if (!res.ok) { out.push(`${r.as_written}: ${res.message}`); continue; }
    ids.add(res.ref.id);
    const rule = policy.rules.find((x) => x.id === res.ref.id);
    if (!rule) { out.push(`${r.as_written} (${res.ref.id}) is not in the pack`); continue; }
    if (rule.subtab !== r.subtab) out.push(`${r.as_written}: on ${rule.subtab}, the guide says ${r.subtab}`);
    if (rule.min !== r.pack_level.toUpperCase() || rule.max !== undefined) out.push(`${r.as_written}: the pack asks ${rule.min}${rule.max ? `..${rule.max}` : ''}, the table ${r.pack_level}`);
  }
  for (const rule of policy.rules) if (!ids.has(rule.id)) out.push(`${rule.name} (${rule.id}) is in the pack but not in the guide's table`);
  return out;
}

const vendorPacks = packNames().filter((n) => n !== 'sod');

test('at least 12 vendor packs ship, each with a guide table and a full source block', () => {
  expect(vendorPacks.length).toBeGreaterThanOrEqual(12);
  expect(readdirSync(TABLES).map((f) => f.replace(/\.tsv$/, '')).sort()).toEqual(vendorPacks);
  for (const name of vendorPacks) {
    const p = readPolicy(join(PACKS_DIR, `${name}.yaml`));
    for (const k of ['vendor', 'product', 'title', 'url', 'date'] as const) expect({ name, k, ok: (p.source?.[k] ?? '').length > 0 }).toEqual({ name, k, ok: true });
    expect(p.source!.url).toMatch(/^https:\/\//);
    expect(p.role).toEqual({}); // a pack names no role: the policy extending it does
  }
});

describe.each(vendorPacks)('pack %s', (name) => {
  const policy = readPolicy(join(PACKS_DIR, `${name}.yaml`));
  const rows = rowsOf(name);

  test('matches its guide table: every permission, subtab and level, nothing more', () => {
    expect(mismatches(policy, rows)).toEqual([]);
    expect(policy.rules.length).toBe(rows.filter((r) => r.pack_level !== '-').length);
  });

  test('every row it leaves out says why; what the guide leaves to the user is in source.leftToUser', () => {
    for (const r of rows.filter((x) => x.pack_level === '-')) expect({ row: r.as_written, note: r.note.length > 10 }).toEqual({ row: r.as_written, note: true });
    if (rows.some((r) => r.pack_level === '-' && r.note.startsWith('left to the user'))) expect(policy.source!.leftToUser?.length).toBeGreaterThan(0);
  });
});

test('the comparison catches a mistyped level, a missing line and an extra one (it can fail)', () => {
  const text = readFileSync(join(PACKS_DIR, 'census.yaml'), 'utf8');
  const load = (t: string) => loadPolicy('census.yaml', { readText: () => t, resolveRef: (_f, r) => r, identity: (f) => f });
  const rows = rowsOf('census');
  expect(mismatches(load(text.replace('Custom Body Fields: Full', 'Custom Body Fields: View')), rows)).toEqual(['Custom Body Fields: the pack asks VIEW, the table Full']);
  expect(mismatches(load(text.replace(/^ {4}REST Web Services: Full\n/m, '')), rows)).toEqual(['REST Web Services (ADMI_RESTWEBSERVICES) is not in the pack']);
  expect(mismatches(load(text.replace(/^( {4}REST Web Services: Full\n)/m, '$1    Deleted Records: Full\n')), rows)).toEqual(['Deleted Records (ADMI_DELETEDRECORD) is in the pack but not in the guide\'s table']);
});

describe('extends: [pack:<name>]', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nsra-packs-'));
  test('resolves a shipped pack; the policy adds its role and what the guide leaves to the user', () => {
    const file = join(dir, 'mine.yaml');
    writeFileSync(file, 'version: 1\nextends: [pack:census]\nrole: {scriptId: customrole_census}\npermissions:\n  lists:\n    Customers: Full\n');
    const p = readPolicy(file);
    expect(p.role).toEqual({ scriptId: 'customrole_census' });
    expect(p.rules.map((r) => r.id)).toEqual(expect.arrayContaining(['ADMI_MANAGE_OAUTH_TOKENS', 'ADMI_RESTWEBSERVICES', 'LIST_CUSTJOB']));
    expect(p.rules).toHaveLength(10);
    expect(p.source?.vendor).toBe('Census (Fivetran Activations)');
    expect(p.flags.map((f) => [f.flag, f.value])).toEqual([['webServicesOnly', true], ['doNotRestrictEmployeeFields', true]]);
  });

  test('an unknown pack is a positioned error naming the packs there are', () => {
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, 'version: 1\nextends:\n  - pack:censsus\n');
    let err: AuditError | undefined;
    try { readPolicy(file); } catch (e) { err = e as AuditError; }
    expect(err?.code).toBe('POLICY_INVALID');
    expect(err?.issues.map((i) => [i.code, i.loc.line, i.loc.column])).toEqual([['EXTENDS_NOT_FOUND', 3, 5]]);
    expect(err?.issues[0].message).toMatch(/no policy pack named 'censsus'; packs: .*census/);
  });
});

test('ns-role-audit packs lists every pack with vendor, product, source date and size', () => {
  const r = runCli(['packs', '--format', 'json']);
  expect(r.code).toBe(0);
  const { packs } = JSON.parse(r.stdout) as { packs: Array<{ name: string; vendor: string; date: string; permissions: number; conflicts: number }> };
  expect(packs.map((p) => p.name)).toEqual(packNames());
  expect(packs.filter((p) => p.permissions > 0 && p.vendor && p.date).length).toBeGreaterThanOrEqual(12);
  expect(packs.find((p) => p.name === 'sod')!.conflicts).toBe(14);
  const table = runCli(['packs']);
  expect(table.stdout).toMatch(/^census\s+Census \(Fivetran Activations\)\s+NetSuite destination/m);
  expect(table.stdout).toMatch(/15 packs\./);
  const one = runCli(['packs', 'stitch']);
  expect(one.stdout).toContain('left to you:');
  const none = runCli(['packs', 'censsus']);
  expect([none.code, none.stderr]).toEqual([2, expect.stringMatching(/PACK_NOT_FOUND: no policy pack named 'censsus'/)]);
});
