/**
 * The policy examples in the READMEs are valid policies: the README's "Policy format" example and
 * every YAML policy example in policies/README.md parse without a problem.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePolicyLayer } from '../../src/core/policy';

const root = join(__dirname, '..', '..');
const blocks = (text: string) => [...text.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]);

test('README "Policy format" example', () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const example = blocks(readme.slice(readme.indexOf('## Policy format')))[0];
  expect(example).toContain('conflicts:');
  expect(parsePolicyLayer('README.md', example).issues).toEqual([]);
});

test.each(blocks(readFileSync(join(root, 'policies', 'README.md'), 'utf8')).filter((b) => !/^audits:/m.test(b)).map((b, i) => [i, b]))('policies/README.md example %i', (_i, block) => {
  expect(parsePolicyLayer('policies/README.md', block as string).issues).toEqual([]);
});
