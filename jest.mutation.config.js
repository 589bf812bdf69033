/** Jest for `npm run mutation` (StrykerJS): the tests that run the core in this process (those that
 * spawn the built CLI test dist/, which Stryker does not mutate), no type-check per mutant (ts-jest
 * isolatedModules), plain reporters. `npm test` uses jest.config.js. */
// Fewer property-test runs per mutant: each mutant re-runs the tests that reach it.
process.env.NS_MUTATION = '1';

// NS_MUTATION_FOCUS=trust (npm run mutation:trust): only the tests of where data enters and of
// the verdict, so a run over the reader, the policy and the verdict ends in minutes, not hours.
// Fewer tests can only kill fewer mutants: the score it gives is a lower bound.
const TRUST_TESTS = ['test/trust/data-entry', 'held-levels', 'xml-reader', 'role-files-conformance', 'verdict-', 'fix-plan', 'catalog'];

module.exports = {
  // src/ must be a root too: jest finds the tests related to a mutated file through its module graph.
  roots: ['<rootDir>/test/unit', '<rootDir>/test/trust', '<rootDir>/test/live', '<rootDir>/src'],
  testMatch: ['**/*.test.ts'],
  ...(process.env.NS_MUTATION_FOCUS === 'trust' ? { testRegex: undefined, testMatch: TRUST_TESTS.map((t) => `**/*${t}*.test.ts`) } : {}),
  // NS_MUTATION_FOCUS=core: the unit and trust tests without test/live, whose simulator round trips
  // cost seconds for every mutant they reach and do not kill. A lower bound, hours shorter.
  ...(process.env.NS_MUTATION_FOCUS === 'core' ? { roots: ['<rootDir>/test/unit', '<rootDir>/test/trust', '<rootDir>/src'] } : {}),
  setupFiles: ['<rootDir>/test/setup-validators.ts'],
  // These spawn the built CLI or touch the disk at length: they test the shell, not the core.
  testPathIgnorePatterns: [
    '/node_modules/',
    'role-corpus',
    'hostile-files',
    'transport',
    'soap-requests',
    'report-consumers',
    'test/live/access',
    'test/live/review',
  ],
  // Per mutant, only the test files holding the tests that cover it (scripts/mutation-sequencer.js).
  testSequencer: '<rootDir>/scripts/mutation-sequencer.js',
  // After the first failing test, the rest of a mutant's tests are skipped (scripts/mutation-environment.js).
  // An absolute path: Stryker resolves the environment itself, before jest's <rootDir> is known.
  testEnvironment: require.resolve('./scripts/mutation-environment.js'),
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', isolatedModules: true }] },
};
