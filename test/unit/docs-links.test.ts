/**
 * Every relative link in the README and docs/ opens something in the repository: the file exists,
 * and a `#fragment` names a heading of that page (GitHub's anchor rule: lower case, punctuation
 * dropped, spaces as hyphens). A page moved or a heading renamed fails here, not in a reader's browser.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const pages = ['README.md', ...readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];

/** GitHub's heading anchor for a heading's text. */
function anchorOf(heading: string): string {
  return heading.trim().toLowerCase().replace(/[`*_]/g, '').replace(/[^\p{L}\p{N}\s-]/gu, '').replace(/\s/g, '-');
}

function anchors(file: string): Set<string> {
  const text = readFileSync(file, 'utf8').replace(/```[\s\S]*?```/g, '');
  return new Set([...text.matchAll(/^#{1,6}\s+(.+)$/gm)].map((m) => anchorOf(m[1])));
}

/** [page, target] for every inline link outside code blocks and code spans. */
const links = pages.flatMap((page) => {
  const text = readFileSync(join(ROOT, page), 'utf8').replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
  return [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => [page, m[1]] as const).filter(([, t]) => !/^(https?:|mailto:)/.test(t));
});

test('the anchor rule is GitHub\'s', () => {
  expect(anchorOf('Who holds a role: `access`')).toBe('who-holds-a-role-access');
  expect(anchorOf('Exit codes')).toBe('exit-codes');
});

test('the pages have relative links to check', () => {
  expect(links.length).toBeGreaterThan(20);
});

test.each(links)('%s links to %s', (page, target) => {
  const [path, fragment] = target.split('#');
  const file = path ? join(ROOT, dirname(page), path) : join(ROOT, page);
  expect(relative(ROOT, file).startsWith('..')).toBe(false);
  expect(existsSync(file)).toBe(true);
  if (fragment) expect([...anchors(file)]).toContain(fragment);
});
