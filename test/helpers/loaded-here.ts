/**
 * A module loaded inside the test that calls this, in a registry of its own. Use it where a module's
 * tables and constants are the subject: they are built when the module loads, and per-test coverage
 * (StrykerJS) sees only what runs inside a test, so with a top-level import their mutants would be
 * tried only against tests that never look at them.
 *
 * `schemas: true` gives the fresh registry's schema module its validators (as test/setup-validators.ts
 * does for the shared one), for modules that validate input (policy loading).
 */
export function loadedHere<T>(path: string, opts: { schemas?: boolean } = {}): T {
  let loaded: T | undefined;
  jest.isolateModules(() => {
    if (opts.schemas) (require('../../src/adapters/schema-validators') as typeof import('../../src/adapters/schema-validators')).installSchemaValidators();
    loaded = require(path) as T;
  });
  return loaded!;
}
