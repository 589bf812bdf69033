/** "1 rule", "2 rules", "1 policy", "3 policies": a count with its noun, singular or plural. */
export function plural(n: number, singular: string, pluralForm?: string): string {
  return `${n} ${n === 1 ? singular : pluralForm ?? (/[^aeiou]y$/.test(singular) ? `${singular.slice(0, -1)}ies` : /(s|x|ch|sh)$/.test(singular) ? `${singular}es` : `${singular}s`)}`;
}
