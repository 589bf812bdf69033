// `npm run mutation`: StrykerJS over the pure core (src/core), tested by the tests that run it in
// this process (jest.mutation.config.js). Per-test coverage picks the tests that reach each mutant;
// scripts/mutation-sequencer.js then loads only the files that hold them (the names come from
// scripts/mutation-test-names.js, run first by the npm script). jest's own related-test search
// (enableFindRelatedTests) stays off: it does not follow the CLI's lazy import() of its commands,
// so the trust and live tests, which reach the core through the CLI, were never run against mutants.
import { resolve } from 'node:path';

export function mutationConfig(name, mutate) {
  process.env.NS_MUTATION_TEST_NAMES ??= resolve(`reports/${name}/test-names.json`);
  return {
    $schema: './node_modules/@stryker-mutator/core/schema/stryker-schema.json',
    packageManager: 'npm',
    testRunner: 'jest',
    jest: { projectType: 'custom', configFile: 'jest.mutation.config.js', enableFindRelatedTests: false },
    coverageAnalysis: 'perTest',
    mutate,
    reporters: ['clear-text', 'progress', 'html', 'json'],
    htmlReporter: { fileName: `reports/${name}/index.html` },
    jsonReporter: { fileName: `reports/${name}/mutation.json` },
    // Results are kept (reports/ is not committed): a later run re-tests only mutants whose code or tests changed.
    incremental: true,
    incrementalFile: `reports/${name}/stryker-incremental.json`,
    concurrency: 2,
    timeoutMS: 10000,
    thresholds: { high: 90, low: 85, break: null },
    ignoreStatic: true,
    disableTypeChecks: 'src/**/*.ts',
  };
}

export default mutationConfig('mutation', ['src/core/**/*.ts']);
