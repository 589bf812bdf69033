/**
 * The policy examples in the docs are valid policies: docs/policies.md's example, the README's,
 * and every YAML policy example in policies/README.md parse without a problem.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePolicyLayer } from '../../src/core/policy';

const root = join(__dirname, '..', '..');
const blocks = (text: string) => [...text.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]);

test('docs/policies.md example, and the README front page\'s', () => {
  const doc = readFileSync(join(root, 'docs', 'policies.md'), 'utf8');
  const example = blocks(doc)[0];
  expect(example).toContain('conflicts:');
  expect(parsePolicyLayer('docs/policies.md', example).issues).toEqual([]);
  const front = blocks(readFileSync(join(root, 'README.md'), 'utf8'))[0];
  expect(front).toContain('extends: [pack:polytomic]');
  expect(parsePolicyLayer('README.md', front).issues).toEqual([]);
});

test.each(blocks(readFileSync(join(root, 'policies', 'README.md'), 'utf8')).filter((b) => !/^audits:/m.test(b)).map((b, i) => [i, b]))('policies/README.md example %i', (_i, block) => {
  expect(parsePolicyLayer('policies/README.md', block as string).issues).toEqual([]);
});
