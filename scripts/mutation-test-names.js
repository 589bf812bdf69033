// Before a Stryker run: which test file holds each test, for scripts/mutation-sequencer.js.
// Runs the mutation test set once (jest.mutation.config.js, honouring NS_MUTATION_FOCUS) and
// writes { "<test file relative to the project>": ["<full test name>", ...] } to the path given.
const { spawnSync } = require('node:child_process');
const { mkdirSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { dirname, join, relative, resolve } = require('node:path');

const out = resolve(process.argv[2] ?? 'reports/mutation/test-names.json');
const root = resolve(__dirname, '..');
const raw = join(dirname(out), 'jest-results.json');
mkdirSync(dirname(out), { recursive: true });

const jest = require.resolve('jest/bin/jest');
const run = spawnSync(process.execPath, [jest, '-c', 'jest.mutation.config.js', '--json', `--outputFile=${raw}`], {
  cwd: root,
  stdio: ['ignore', 'ignore', 'pipe'],
  encoding: 'utf8',
  maxBuffer: 64 * 1024 * 1024,
});
if (run.status !== 0) {
  process.stderr.write(run.stderr);
  console.error('mutation-test-names: the tests must pass before a mutation run (jest exited %s)', run.status);
  process.exit(1);
}
const results = JSON.parse(readFileSync(raw, 'utf8'));
if (!process.env.NS_KEEP_JEST_RESULTS) rmSync(raw);
const byFile = {};
for (const file of results.testResults) {
  byFile[relative(root, file.name)] = file.assertionResults.map((test) => test.fullName);
}
writeFileSync(out, JSON.stringify(byFile));
const tests = Object.values(byFile).reduce((n, names) => n + names.length, 0);
console.error(`mutation-test-names: ${tests} tests in ${Object.keys(byFile).length} files -> ${relative(root, out)}`);
