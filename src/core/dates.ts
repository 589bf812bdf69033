/** Calendar dates as YYYY-MM-DD (waiver expiry, --today): pure arithmetic, no clock. */

const DAY_MS = 86_400_000;

function utc(s: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return undefined;
  const t = Date.UTC(+m[1], +m[2] - 1, +m[3]);
  const d = new Date(t);
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3] ? t : undefined;
}

/** True for a real calendar date written YYYY-MM-DD (2027-02-30 is not one). */
export function isCalendarDate(s: string): boolean {
  return utc(s) !== undefined;
}

/** Days from `from` to `to` (both YYYY-MM-DD calendar dates); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((utc(to)! - utc(from)!) / DAY_MS);
}
