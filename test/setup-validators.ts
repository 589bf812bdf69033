// Tests import core modules directly, as no entry point does: give the core its schema validators
// first, as every entry point does (src/index.ts, src/cli/main.ts, src/simulator/index.ts).
import { installSchemaValidators } from '../src/adapters/schema-validators';

installSchemaValidators();
