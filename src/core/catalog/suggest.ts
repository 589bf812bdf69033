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
  // The last row's minimum can be within the bound while its last cell is not.
  return Math.min(prev[b.length], max + 1);
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

/**
 * `closest` over a fixed list, with the work done once: candidates lower-cased and bucketed by
 * length (only lengths within reach are compared), and answers remembered. Thousands of unknown
 * names cost milliseconds, not seconds.
 */
/** Letters, digits and everything else, counted: the bag distance of two counts never exceeds their edit distance. */
function histogram(s: string): Int16Array {
  const h = new Int16Array(37);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h[c >= 97 && c <= 122 ? c - 97 : c >= 48 && c <= 57 ? c - 22 : 36]++;
  }
  return h;
}

/** A lower bound of the edit distance, in 37 steps instead of a full comparison. */
function bagDistance(a: Int16Array, b: Int16Array): number {
  let more = 0, less = 0;
  for (let i = 0; i < 37; i++) {
    const d = a[i] - b[i];
    if (d > 0) more += d; else less -= d;
  }
  return Math.max(more, less);
}

export function createSuggester(candidates: readonly string[]): (input: string, limit?: number) => string[] {
  const lowered = candidates.map((c) => ({ c, lc: c.toLowerCase(), h: histogram(c.toLowerCase()) }));
  const byLength = new Map<number, typeof lowered>();
  for (const x of lowered) byLength.set(x.lc.length, [...(byLength.get(x.lc.length) ?? []), x]);
  const memo = new Map<string, string[]>();
  return (input, limit = 3) => {
    const q = input.toLowerCase();
    const key = `${limit}\u0000${q}`;
    const known = memo.get(key);
    if (known) return known;
    const max = Math.max(2, Math.floor(q.length / 3));
    const qh = histogram(q);
    const best = new Map<string, number>();
    for (let len = Math.max(0, q.length - max); len <= q.length + max; len++) {
      for (const { c, lc, h } of byLength.get(len) ?? []) {
        if (bagDistance(qh, h) > max) continue; // cannot be within reach: skip the full comparison
        const d = editDistance(q, lc, max);
        if (d <= max) best.set(c, Math.min(best.get(c) ?? d, d));
      }
    }
    // "Customer" for "Customer Payments": a prefix or word match is a good suggestion too.
    if (q.length >= 4) for (const { c, lc } of lowered) if (!best.has(c) && (lc.startsWith(q) || lc.includes(` ${q}`))) best.set(c, max);
    const answer = [...best].sort((x, y) => x[1] - y[1] || x[0].localeCompare(y[0])).map(([c]) => c).slice(0, limit);
    if (memo.size > 10_000) memo.clear();
    memo.set(key, answer);
    return answer;
  };
}
