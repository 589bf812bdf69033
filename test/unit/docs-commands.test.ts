/**
 * Every ns-role-audit command line in the README and docs/ is one the tool accepts: each is given
 * to the CLI as written, with --help added (so nothing runs against an account), and must exit 0.
 * A flag the command does not know, a command that does not exist or a misspelt option fails it.
 * The commands that do work are run for real in their own tests (fix, access, history, review,
 * CI workflows, the installed package).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli } from '../helpers/cli-in-process';

const ROOT = join(__dirname, '..', '..');
const pages = ['README.md', ...readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];

/** Shell words of one command line: quotes kept together, comments and redirections dropped. */
function words(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quote: string | undefined;
  let any = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) { if (c === quote) quote = undefined; else cur += c; continue; }
    if (c === '"' || c === "'") { quote = c; any = true; continue; }
    if (c === '#' && !any && !cur) break;
    if (/\s/.test(c)) { if (cur || any) out.push(cur); cur = ''; any = false; continue; }
    if ((c === '>' || c === '|' || c === '&' || c === ';') && !cur) break;
    cur += c;
    any = true;
  }
  if (cur || any) out.push(cur);
  return out;
}

/** Every `ns-role-audit ...` line of the shell blocks of a page (continuations joined). */
function commands(text: string): string[][] {
  const out: string[][] = [];
  for (const block of text.matchAll(/```(?:sh|bash|shell)\n([\s\S]*?)```/g)) {
    const joined = block[1].replace(/\\\n\s*/g, ' ');
    for (const raw of joined.split('\n')) {
      const line = raw.replace(/\s+#\s.*$/, '').trim();
      const m = /(?:^|\s|\$\()(?:npx (?:--yes )?)?ns-role-audit\s+(.*)$/.exec(line);
      if (!m || /^npm /.test(line)) continue;
      out.push(words(m[1].replace(/\)"?\s*$/, '')));
    }
  }
  return out;
}

const cases = pages.flatMap((p) => commands(readFileSync(join(ROOT, p), 'utf8')).map((argv) => [p, argv.join(' '), argv] as const));

test('the docs hold commands to check (and every page was read)', () => {
  expect(cases.length).toBeGreaterThan(40);
  expect(new Set(cases.map(([p]) => p)).size).toBeGreaterThanOrEqual(10);
});

test.each(cases)('%s: ns-role-audit %s', async (_page, _line, argv) => {
  const r = await cli([...argv, '--help'], { cwd: ROOT, env: { NETSUITE_ACCOUNT_ID: '' } });
  expect([r.code, r.stderr]).toEqual([0, '']);
  expect(r.stdout).toMatch(/^Usage: ns-role-audit |^ns-role-audit \d|^\d+\.\d+\.\d+/);
});

test('the check can fail: a flag a command does not know is refused', async () => {
  const r = await cli(['audit', '--polcy', 'x.yaml', '--help'], { cwd: ROOT });
  expect(r.code).toBe(2);
});
