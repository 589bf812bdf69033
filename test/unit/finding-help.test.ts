/**
 * Every finding code has help (SARIF rules, the HTML legend) and a row in the README's findings
 * table with its default severity, so the documentation cannot fall behind the codes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FINDING_CODES, type FindingCode } from '../../src/core/model';
import { FINDING_HELP } from '../../src/core/format/finding-help';

const doc = readFileSync(join(__dirname, '..', '..', 'docs', 'findings.md'), 'utf8');
const table = doc.slice(0, doc.indexOf('**Accepted findings.**'));

test.each(Object.keys(FINDING_CODES) as FindingCode[])('%s: help, and a row in docs/findings.md with its default severity', (code) => {
  expect(FINDING_HELP[code].title.length).toBeGreaterThan(3);
  expect(FINDING_HELP[code].help.length).toBeGreaterThan(30);
  const row = table.split('\n').find((l) => l.startsWith(`| \`${code}\` |`));
  expect(row).toBeDefined();
  expect(row!.split('|')[2]).toContain(FINDING_CODES[code]);
});
