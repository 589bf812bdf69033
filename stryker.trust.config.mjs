// `npm run mutation:trust`: the readers where data enters and the verdict, mutated and tested by
// their own tests only (jest.mutation.config.js with NS_MUTATION_FOCUS=trust): minutes, not the
// whole core's hour. Fewer tests can only kill fewer mutants: its score is a lower bound.
import { mutationConfig } from './stryker.config.mjs';

export default mutationConfig('mutation-trust', [
  'src/core/xml/read-xml.ts',
  'src/core/role/sdf.ts',
  'src/core/role/snapshot.ts',
  'src/core/role/held-levels.ts',
  'src/core/catalog/permkey.ts',
  'src/core/verdict.ts',
]);
