/**
 * Calendar dates as YYYY-MM-DD (waiver expiry, --today): the proleptic Gregorian calendar in
 * plain arithmetic, so the core never touches the clock or its Date object.
 */

const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function parts(s: string): [number, number, number] | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return undefined;
  const [y, mo, d] = [+m[1], +m[2], +m[3]];
  if (mo < 1 || mo > 12 || d < 1) return undefined;
  return d <= DAYS_IN_MONTH[mo - 1] + (mo === 2 && leap(y) ? 1 : 0) ? [y, mo, d] : undefined;
}

/** Days since 1970-01-01 of a calendar date (H. Hinnant's days_from_civil). */
function dayNumber([y0, m, d]: [number, number, number]): number {
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** True for a real calendar date written YYYY-MM-DD (2027-02-30 is not one). */
export function isCalendarDate(s: string): boolean {
  return parts(s) !== undefined;
}

/** Days from `from` to `to` (both YYYY-MM-DD calendar dates); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return dayNumber(parts(to)!) - dayNumber(parts(from)!);
}

/** The calendar date `days` after a YYYY-MM-DD date (H. Hinnant's civil_from_days). */
export function addDays(date: string, days: number): string {
  const z = dayNumber(parts(date)!) + days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
