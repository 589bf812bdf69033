import { addDays, daysBetween, isCalendarDate } from '../../src/core/dates';

// Calendar arithmetic without the clock, checked against the platform's own calendar.
test.each(['2024-02-29', '2000-02-29', '2026-12-31', '1970-01-01', '2027-01-31'])('%s is a calendar date', (d) => expect(isCalendarDate(d)).toBe(true));
test.each(['2027-02-29', '1900-02-29', '2027-02-30', '2026-13-01', '2026-00-10', '2026-04-31', '2027-2-3', '27-02-03', ''])('%s is not', (d) => expect(isCalendarDate(d)).toBe(false));

test('days between two dates agree with the platform calendar over two centuries', () => {
  const day = (t: number) => new Date(t).toISOString().slice(0, 10);
  for (let t = Date.UTC(1901, 0, 1); t < Date.UTC(2101, 0, 1); t += 86_400_000 * 37) {
    expect(daysBetween('1970-01-01', day(t))).toBe(Math.round(t / 86_400_000));
  }
  expect(daysBetween('2026-12-01', '2027-12-02')).toBe(366);
  expect(daysBetween('2027-01-01', '2026-12-31')).toBe(-1);
});

test('adding days agrees with the platform calendar over two centuries', () => {
  const day = (t: number) => new Date(t).toISOString().slice(0, 10);
  for (let t = Date.UTC(1901, 0, 1); t < Date.UTC(2101, 0, 1); t += 86_400_000 * 41) {
    for (const n of [0, 1, 90, 365, -59]) expect(addDays(day(t), n)).toBe(day(t + n * 86_400_000));
  }
});
