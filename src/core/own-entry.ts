/**
 * A lookup table's own entry for a name that came from outside (a SOAP request, a query, a file):
 * never a property every object inherits (`constructor`, `toString`, `__proto__`), which `table[name]`
 * and `name in table` both return.
 */
export function ownEntry<T>(table: Readonly<Record<string, T>>, name: string): T | undefined {
  return Object.hasOwn(table, name) ? table[name] : undefined;
}
