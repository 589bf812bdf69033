/**
 * A value made on first use, inside the test that uses it. Tests that build their subject in a
 * describe body fail at collection when the code under test throws: the whole file errors, and
 * mutation testing records a "runtime error" (not counted) instead of a failing test (a kill).
 * Made lazily, the same error fails the tests that use the value.
 */
export function onFirstUse<T extends object>(make: () => T): T {
  let value: T | undefined;
  const real = (): T => (value ??= make());
  return new Proxy({} as T, {
    get: (_t, key) => {
      const v = Reflect.get(real(), key) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(real()) : v;
    },
    has: (_t, key) => Reflect.has(real(), key),
    ownKeys: () => Reflect.ownKeys(real()),
    getOwnPropertyDescriptor: (_t, key) => {
      const d = Reflect.getOwnPropertyDescriptor(real(), key);
      return d && { ...d, configurable: true };
    },
  });
}
