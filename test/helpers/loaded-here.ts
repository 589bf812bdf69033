/**
 * A module loaded inside the test that calls this, in a registry of its own. Use it where a module's
 * tables and constants are the subject: they are built when the module loads, and per-test coverage
 * (StrykerJS) sees only what runs inside a test, so with a top-level import their mutants would be
 * tried only against tests that never look at them.
 */
export function loadedHere<T>(path: string): T {
  let loaded: T | undefined;
  jest.isolateModules(() => { loaded = require(path) as T; });
  return loaded!;
}
