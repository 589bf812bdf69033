// `npm run mutation`: StrykerJS over the pure core (src/core), tested by the tests that run it in
// this process (jest.mutation.config.js). Per-test coverage picks the tests that reach each mutant;
// scripts/mutation-sequencer.js then loads only the files that hold them (the names come from
// scripts/mutation-test-names.js, run first by the npm script). jest's own related-test search
// (enableFindRelatedTests) stays off: it does not follow the CLI's lazy import() of its commands,
// so the trust and live tests, which reach the core through the CLI, were never run against mutants.
import { resolve } from 'node:path';

export function mutationConfig(name, mutate, testNames = `reports/${name}/test-names.json`) {
  process.env.NS_MUTATION_TEST_NAMES ??= resolve(testNames);
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
    // A jest worker grows by every mutant's module registry (past 2.5 GB within 650 mutants): a fresh
    // worker every 150 runs bounds it. Slow stretches (~8 mutants a minute) also come with fresh
    // workers, from mutants hundreds of tests reach; what the restarts gain is not measured.
    maxTestRunnerReuse: 150,
    timeoutMS: 10000,
    thresholds: { high: 90, low: 85, break: null },
    ignoreStatic: true,
    disableTypeChecks: 'src/**/*.ts',
  };
}

// NS_MUTATE=<folder of src/core> (npm run mutation -- with it set, e.g. NS_MUTATE=format, or "."
// for the files directly in src/core): one part of the core, with its own report and incremental
// results in reports/mutation-<folder>/, so a run on a small machine ends and is kept part by part.
// scripts/mutation-score.js adds the parts' reports into one score.
// With NS_MUTATION_FOCUS set (jest.mutation.config.js), the reports are named after it too.
const part = process.env.NS_MUTATE;
const set = process.env.NS_MUTATION_FOCUS ? `mutation-${process.env.NS_MUTATION_FOCUS}` : 'mutation';
export default part
  ? mutationConfig(
      `${set}-${part === '.' ? 'top' : part.replace(/[^a-z0-9]+/gi, '-')}`,
      [part === '.' ? 'src/core/*.ts' : `src/core/${part}/**/*.ts`],
      `reports/${set}/test-names.json`,
    )
  : mutationConfig(set, ['src/core/**/*.ts']);
