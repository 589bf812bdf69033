// `npm run mutation:trust`: the readers where data enters and the verdict, mutated and tested by
// their own tests (jest.mutation.config.js with NS_MUTATION_FOCUS=trust). Tests reach the readers
// through the CLI too, whose commands load by import(): jest's related-test search does not follow
// that, so every focused test file runs (per-test coverage still picks the tests per mutant).
import { readFileSync } from 'node:fs';

const base = JSON.parse(readFileSync(new URL('./stryker.config.json', import.meta.url), 'utf8'));

export default {
  ...base,
  jest: { ...base.jest, enableFindRelatedTests: false },
  mutate: [
    'src/core/xml/read-xml.ts',
    'src/core/role/sdf.ts',
    'src/core/role/snapshot.ts',
    'src/core/role/held-levels.ts',
    'src/core/catalog/permkey.ts',
    'src/core/verdict.ts',
  ],
  // Results are kept (reports/ is not committed): a later run re-tests only mutants whose code or tests changed.
  incremental: true,
  incrementalFile: 'reports/mutation-trust/stryker-incremental.json',
  htmlReporter: { fileName: 'reports/mutation-trust/index.html' },
  jsonReporter: { fileName: 'reports/mutation-trust/mutation.json' },
};
