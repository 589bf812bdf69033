/**
 * scripts/mutation-keep.js carries Stryker's incremental results between machines: kept without
 * the files' text, given back only to entries whose file is unchanged, so a run on another machine
 * reuses results for unchanged code and tests and re-tests the rest, never the other way round.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';

const script = resolve(__dirname, '../../scripts/mutation-keep.js');
const keep = (cwd: string, mode: string) => execFileSync(process.execPath, [script, mode], { cwd, encoding: 'utf8' });

test('save drops the texts and keeps hashes; restore gives back unchanged files and drops changed ones', () => {
  const dir = mkdtempSync(join(tmpdir(), 'keep-'));
  try {
    mkdirSync(join(dir, 'src'));
    mkdirSync(join(dir, 'test'));
    mkdirSync(join(dir, 'reports/mutation-core-x'), { recursive: true });
    const files: Record<string, string> = { 'src/a.ts': 'export const a = 1;\n', 'src/b.ts': 'export const b = 2;\n', 'test/a.test.ts': "test('a', () => {});\n", 'test/b.test.ts': "test('b', () => {});\n" };
    for (const [p, t] of Object.entries(files)) writeFileSync(join(dir, p), t);
    const mutant = (id: string) => ({ id, mutatorName: 'NumericLiteral', replacement: '0', location: { start: { line: 1, column: 18 }, end: { line: 1, column: 19 } }, status: 'Killed', killedBy: ['t1'], coveredBy: ['t1'] });
    const incremental = {
      schemaVersion: '2',
      files: { 'src/a.ts': { language: 'typescript', source: files['src/a.ts'], mutants: [mutant('1')] }, 'src/b.ts': { language: 'typescript', source: files['src/b.ts'], mutants: [mutant('2')] } },
      testFiles: { 'test/a.test.ts': { source: files['test/a.test.ts'], tests: [{ id: 't1', name: 'a' }] }, 'test/b.test.ts': { source: files['test/b.test.ts'], tests: [{ id: 't2', name: 'b' }] } },
    };
    writeFileSync(join(dir, 'reports/mutation-core-x/stryker-incremental.json'), JSON.stringify(incremental));

    expect(keep(dir, 'save')).toContain('kept mutation-core-x: 2 mutants');
    const kept = gunzipSync(readFileSync(join(dir, 'mutation-kept/mutation-core-x.json.gz'))).toString('utf8');
    expect(kept).not.toContain('export const');
    expect(JSON.parse(kept).files['src/a.ts'].mutants).toEqual([mutant('1')]);
    // The same results give the same bytes (nothing for git to see).
    const first = readFileSync(join(dir, 'mutation-kept/mutation-core-x.json.gz'));
    keep(dir, 'save');
    expect(readFileSync(join(dir, 'mutation-kept/mutation-core-x.json.gz')).equals(first)).toBe(true);

    // Another machine: no reports; one source and one test file changed since.
    rmSync(join(dir, 'reports'), { recursive: true });
    writeFileSync(join(dir, 'src/b.ts'), 'export const b = 3;\n');
    writeFileSync(join(dir, 'test/a.test.ts'), "test('a', () => { expect(1).toBe(1); });\n");
    expect(keep(dir, 'restore')).toContain('restored mutation-core-x: 2 files unchanged, 2 changed');
    const back = JSON.parse(readFileSync(join(dir, 'reports/mutation-core-x/stryker-incremental.json'), 'utf8'));
    expect(Object.keys(back.files)).toEqual(['src/a.ts']);
    expect(back.files['src/a.ts']).toEqual(incremental.files['src/a.ts']);
    expect(Object.keys(back.testFiles)).toEqual(['test/b.test.ts']);
    expect(back.testFiles['test/b.test.ts']).toEqual(incremental.testFiles['test/b.test.ts']);

    // Results already on this machine are not overwritten.
    writeFileSync(join(dir, 'reports/mutation-core-x/stryker-incremental.json'), '{"mine":true}');
    keep(dir, 'restore');
    expect(readFileSync(join(dir, 'reports/mutation-core-x/stryker-incremental.json'), 'utf8')).toBe('{"mine":true}');
    expect(existsSync(join(dir, 'mutation-kept'))).toBe(true);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
