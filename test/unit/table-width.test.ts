/**
 * The terminal table fits the terminal: with a width (COLUMNS or the TTY's), no line is longer,
 * messages wrap under themselves beside their code (under the code when narrow), an accepted
 * finding stays on one line unless --verbose, and no word of a message is lost.
 */
import { join } from 'node:path';
import { FORMATS } from '../../src/core/format';
import { wrapWords } from '../../src/core/format/table';
import { describeFinding } from '../../src/core/format/messages';
import { acceptedReport, driftedReport } from '../helpers/sample-reports';
import { cli } from '../helpers/cli-in-process';

const ROOT = join(__dirname, '..', '..');
const longest = (s: string) => Math.max(...s.split('\n').map((l) => [...l].length));
const words = (s: string) => s.split(/\s+/).filter(Boolean);

test('wrapWords keeps every word, in order, within the width; a word longer than the width is cut', () => {
  const text = 'Sales Order (TRAN_SALESORD) is Edit; the policy requires at least Full.';
  for (const w of [16, 20, 33, 80]) {
    const lines = wrapWords(text, w);
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(w);
    expect(lines.join(' ')).toBe(text);
  }
  expect(wrapWords('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
});

test.each([50, 64, 80, 120])('at %i columns no line of the table is longer, and every finding keeps its words', (width) => {
  const report = driftedReport();
  const out = FORMATS.table.report(report, { color: false, width });
  expect(longest(out)).toBeLessThanOrEqual(width);
  const flat = words(out).join(' ');
  for (const f of report.results[0].findings.filter((x) => !x.accepted)) expect(flat).toContain(words(describeFinding(f)).join(' '));
});

test('without a width (a pipe, a file), one line per finding as before', () => {
  const report = driftedReport();
  const out = FORMATS.table.report(report, { color: false });
  expect(longest(out)).toBeGreaterThan(200);
  for (const f of report.results[0].findings) expect(out).toContain(`${f.code.padEnd(23)} ${describeFinding(f)}`);
});

test('an accepted finding is one line cut with … ; --verbose (ctx.verbose) shows it whole', () => {
  const report = acceptedReport();
  const accepted = report.results.flatMap((r) => r.findings).filter((f) => f.accepted);
  expect(accepted.length).toBeGreaterThan(0);
  const short = FORMATS.table.report(report, { color: false, width: 100 });
  const verbose = FORMATS.table.report(report, { color: false, width: 100, verbose: true });
  const lineOf = (out: string, code: string) => out.split('\n').findIndex((l) => l.includes(`~ ${code}`));
  const f = accepted.find((x) => describeFinding(x).length > 80)!;
  const i = lineOf(short, f.code);
  expect(short.split('\n')[i]).toMatch(/…$/);
  expect(short.split("\n")[i + 1]).not.toMatch(/^ {10}/); // the next finding or group, not a continuation
  expect(words(verbose).join(' ')).toContain(words(describeFinding(f)).join(' '));
  expect(longest(verbose)).toBeLessThanOrEqual(100);
});

test('the CLI takes the width from COLUMNS', async () => {
  const args = ['audit', '--policy', join(ROOT, 'policies/polytomic.yaml'), '--role-file', join(ROOT, 'fixtures/sdf-project/src/Objects/customrole_polytomic_drifted.xml'), '--role', 'customrole_polytomic_drifted'];
  const narrow = await cli(args, { cwd: ROOT, env: { COLUMNS: '70' } });
  expect(narrow.code).toBe(1);
  expect(longest(narrow.stdout)).toBeLessThanOrEqual(70);
  const wide = await cli(args, { cwd: ROOT, env: {} });
  expect(longest(wide.stdout)).toBeGreaterThan(70);
});
