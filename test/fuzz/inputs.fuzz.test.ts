import fc from 'fast-check';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/main';

// Seeded fuzzing of every input the tool reads, through the CLI as users run it (in process, so
// thousands of cases run in seconds): policies, SDF role files, snapshots, configs, baselines and
// argv, each mutated at random. Every case must end with exit 0, 1 or 2, a named error when 2,
// within a time bound. `npm test` runs FUZZ_RUNS (default 300); `npm run fuzz` runs 10,000 and
// prints crashes, hangs and the memory peak.

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const CASE_MS = 3000;
const ROOT = join(__dirname, '..', '..');
const seed = (f: string) => readFileSync(join(ROOT, f), 'utf8');
const SEEDS = {
  policy: seed('policies/polytomic.yaml'),
  role: seed('test/fixtures/role-corpus/customrole_acme_integration.xml'),
  snapshot: 'kind: ns-role-audit/role-snapshot\nversion: 1\nroles:\n  - scriptId: customrole_polytomic\n    flags: {webServicesOnly: true}\n    settings: {coreAdminPermissions: false}\n    permissions:\n      - {permkey: TRAN_SALESORD, level: FULL, restriction: EDIT}\n      - {permkey: "[scriptid=customrecord_x]", level: VIEW}\n',
  config: 'version: 1\nconnections:\n  sandbox: {accountId: 1234567_SB1, consumerKeyEnv: A_CK, consumerSecretEnv: A_CS, tokenIdEnv: A_TI, tokenSecretEnv: A_TS, baseUrl: "http://127.0.0.1:9"}\naudits:\n  - {policy: p.yaml, roles: [customrole_polytomic]}\n',
  baseline: JSON.stringify({ kind: 'ns-role-audit/baseline', version: 3, createdAt: 'x', findings: [{ key: 'customrole_polytomic|polytomic.yaml|PERMISSION_MISSING|LIST_ITEM', role: 'customrole_polytomic', policy: 'polytomic.yaml', code: 'PERMISSION_MISSING', target: 'LIST_ITEM', severity: 'error' }] }),
};

/** Text fragments that break parsers: markup, YAML structure, control characters, huge and odd values. */
const NASTY = ['<!DOCTYPE x [<!ENTITY a "aaaa">]>', '&a;', '\u0000', '\u001b[31m', '<?xml version="1.0"?>', '<a>'.repeat(120), '</role>', ']]>', '*x', '&x [1]', '{', '}', '[', ']', ': ', '- ', '\t', '"', "'", '#', '---', '...', '%', '!!binary', '9'.repeat(400), '-1', 'null', '~', 'NaN', 'View', 'FULL', 'customrecord_', '[scriptid=', 'TRAN_', '\ud800', '😀', 'é', '\r\n', '\n'.repeat(50), 'x'.repeat(5000)];

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...NASTY), fc.string({ maxLength: 20 })) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicateLine' as const), at: fc.nat() }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function apply(text: string, ms: Mutation[]): string {
  let t = text;
  for (const m of ms) {
    const at = t.length ? m.at % (t.length + 1) : 0;
    if (m.kind === 'insert') t = t.slice(0, at) + m.text + t.slice(at);
    else if (m.kind === 'delete') t = t.slice(0, at) + t.slice(at + m.length);
    else if (m.kind === 'truncate') t = t.slice(0, at);
    else {
      const lines = t.split('\n');
      const i = lines.length ? m.at % lines.length : 0;
      lines.splice(i, 0, lines[i] ?? '');
      t = lines.join('\n');
    }
  }
  return t;
}

const dir = mkdtempSync(join(tmpdir(), 'nsra-fuzz-'));
const tally = { cases: 0, crashes: [] as string[], hangs: [] as string[], peakRss: 0 };

async function runCase(argv: string[], files: Record<string, string>, env: Record<string, string> = {}): Promise<void> {
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  let out = '';
  const io = { stdout: { write: (s: string) => { out += s; } }, stderr: { write: (s: string) => { out += s; } }, env: { NO_COLOR: '1', ...env }, cwd: dir, now: () => new Date('2026-11-27T00:00:00Z') };
  const started = Date.now();
  let code: number;
  try {
    code = await runCli(argv, io);
  } catch (e) {
    tally.crashes.push(`${argv.join(' ')}: threw ${(e as Error).message}`);
    return;
  }
  tally.cases++;
  tally.peakRss = Math.max(tally.peakRss, process.memoryUsage().rss);
  const ms = Date.now() - started;
  if (ms > CASE_MS) tally.hangs.push(`${argv.join(' ')}: ${ms} ms`);
  if (![0, 1, 2].includes(code)) tally.crashes.push(`${argv.join(' ')}: exit ${code}`);
  if (/internal error/.test(out)) tally.crashes.push(`${argv.join(' ')}: ${out.split('\n').find((l) => /internal error/.test(l))}`);
}

const env = { A_CK: 'k'.repeat(64), A_CS: 's'.repeat(64), A_TI: 't'.repeat(64), A_TS: 'u'.repeat(64) };
const TARGETS: Array<[string, keyof typeof SEEDS, (name: string) => { argv: string[]; files: Record<string, string> }]> = [
  ['policy', 'policy', () => ({ argv: ['validate', 'p.yaml'], files: {} })],
  ['role file', 'role', () => ({ argv: ['audit', '--policy', 'p.yaml', '--role-file', 'r.xml', '--role', 'customrole_acme_integration'], files: { 'p.yaml': SEEDS.policy } })],
  ['snapshot', 'snapshot', () => ({ argv: ['audit', '--policy', 'p.yaml', '--role-file', 's.yaml'], files: { 'p.yaml': SEEDS.policy } })],
  ['config', 'config', () => ({ argv: ['audit', '--config', 'c.yaml'], files: { 'p.yaml': SEEDS.policy } })],
  ['baseline', 'baseline', () => ({ argv: ['audit', '--policy', 'p.yaml', '--role-file', 'r.xml', '--role', 'customrole_acme_integration', '--baseline', 'b.json'], files: { 'p.yaml': SEEDS.policy, 'r.xml': SEEDS.role } })],
];
const FILE_OF = { policy: 'p.yaml', role: 'r.xml', snapshot: 's.yaml', config: 'c.yaml', baseline: 'b.json' } as const;

afterAll(() => {
  // The figures `npm run fuzz` prints.
  process.stdout.write(`\nfuzz: ${tally.cases} cases, ${tally.crashes.length} crashes, ${tally.hangs.length} hangs, peak RSS ${(tally.peakRss / 1048576).toFixed(0)} MB\n`);
});

test.each(TARGETS)('mutated %s: exit 0, 1 or 2, never an internal error or a hang', async (_name, kind, setup) => {
  const runs = Math.max(20, Math.ceil(RUNS / (TARGETS.length + 1)));
  await fc.assert(fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 6 }), async (ms) => {
    const { argv, files } = setup(kind);
    const before = tally.crashes.length + tally.hangs.length;
    await runCase(argv, { ...files, [FILE_OF[kind]]: apply(SEEDS[kind], ms) }, env);
    return tally.crashes.length + tally.hangs.length === before;
  }), { seed: 20261127, numRuns: runs });
}, 600_000);

test('fuzzed argv: exit 0, 1 or 2, never an internal error', async () => {
  const word = fc.oneof(fc.constantFrom('audit', 'validate', 'catalog', 'compare', 'pull', 'doctor', '--policy', 'p.yaml', '--role-file', 'r.xml', '--format', 'json=', 'json=-', 'table', '--fail-on', 'warning', '--today', '2027-02-30', '--role', '', '--', '-', '--help', '--version', '--accept-unverified', '--limit', '-1', 'x'.repeat(300)), fc.string({ maxLength: 12 }));
  writeFileSync(join(dir, 'p.yaml'), SEEDS.policy);
  writeFileSync(join(dir, 'r.xml'), SEEDS.role);
  await fc.assert(fc.asyncProperty(fc.array(word, { maxLength: 8 }), async (argv) => {
    // No live command without credentials reaches a network: the environment holds none.
    const before = tally.crashes.length;
    await runCase(argv, {});
    return tally.crashes.length === before;
  }), { seed: 20261128, numRuns: Math.max(20, Math.ceil(RUNS / (TARGETS.length + 1))) });
}, 600_000);

test('no crash and no hang in all the cases run', () => {
  expect(tally.crashes).toEqual([]);
  expect(tally.hangs).toEqual([]);
  expect(tally.cases).toBeGreaterThanOrEqual(Math.min(RUNS, 100));
});
