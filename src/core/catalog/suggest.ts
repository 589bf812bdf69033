/** Levenshtein distance, bounded: returns `max + 1` as soon as the distance exceeds `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      rowMin = Math.min(rowMin, cur[j]);
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length];
}

/** The candidates closest to `input` (case-insensitive), best first, within a third of its length. */
export function closest(input: string, candidates: Iterable<string>, limit = 3): string[] {
  const q = input.toLowerCase();
  const max = Math.max(2, Math.floor(q.length / 3));
  const scored: Array<[number, string]> = [];
  for (const c of candidates) {
    const lc = c.toLowerCase();
    let d = editDistance(q, lc, max);
    // "Customer" for "Customer Payments": a prefix or word match is a good suggestion too.
    if (d > max && q.length >= 4 && (lc.startsWith(q) || lc.includes(` ${q}`))) d = max;
    if (d <= max) scored.push([d, c]);
  }
  scored.sort((x, y) => x[0] - y[0] || x[1].localeCompare(y[1]));
  return [...new Set(scored.map(([, c]) => c))].slice(0, limit);
}
