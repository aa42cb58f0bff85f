// Deadlines in county time (DOMAIN.md section 9: America/Los_Angeles, daylight saving included).
//
// Two kinds of time, because the law uses both:
// - Hours and minutes are elapsed time. "Within 24 hours" is 24 real hours even on the night
//   the clocks change, when the wall clock moves 25 or 23 hours.
// - Days are calendar days in the county: "within 7 days" ends at the same wall-clock time
//   7 days later, whatever the clocks did in between.

import { DateTime } from 'luxon';
import { COUNTY_TIME_ZONE } from './geography.js';

export interface Duration {
  minutes?: number;
  hours?: number;
  days?: number;
}

const PARTS = ['days', 'hours', 'minutes'] as const;

/** Problems with a duration, as a county administrator setting a deadline would read them. */
export function validateDuration(d: Duration): string[] {
  const problems: string[] = [];
  for (const part of PARTS) {
    const n = d[part];
    if (n !== undefined && !(Number.isInteger(n) && n >= 0))
      problems.push(`${part} must be a whole number of 0 or more (got ${String(n)})`);
  }
  return problems;
}

function checkDate(date: Date, what: string): void {
  if (!(date instanceof Date) || Number.isNaN(date.getTime()))
    throw new RangeError(`${what} is not a valid date and time`);
}

/**
 * When a duty started at `from` is due. Calendar days first, in the county's zone; then hours
 * and minutes as elapsed time. If the wall-clock time does not exist on the day it lands on
 * (2:30 am on the spring-forward day), luxon moves it forward by the length of the gap, to
 * 3:30 am: the same instant the old offset would give, so no time is lost.
 */
export function dueAt(from: Date, d: Duration, tz: string = COUNTY_TIME_ZONE): Date {
  checkDate(from, 'the start of the deadline');
  const problems = validateDuration(d);
  if (problems.length) throw new RangeError(`a deadline cannot be computed: ${problems.join('; ')}`);
  const start = DateTime.fromJSDate(from, { zone: tz });
  if (!start.isValid) throw new RangeError(`"${tz}" is not a time zone`);
  const afterDays = d.days ? start.plus({ days: d.days }) : start;
  const elapsedMs = ((d.hours ?? 0) * 60 + (d.minutes ?? 0)) * 60_000;
  return new Date(afterDays.toMillis() + elapsedMs);
}

export type ObligationStatus = 'open' | 'met' | 'missed' | 'waived';

export interface Timed {
  dueAt: Date;
  metAt: Date | null;
  waivedAt: Date | null;
  /** The status stored on the record, when there is one (the missed-obligation job writes 'missed'). */
  status?: ObligationStatus;
}

/**
 * Met (even late: the work was done, and metOnTime says whether in time) or waived settle a duty.
 * A stored status other than open is the answer (the job has recorded the miss). Otherwise it is
 * missed once now is past the due time, before the job has run; exactly at the due time it is
 * still open.
 */
export function statusAt(o: Timed, now: Date): ObligationStatus {
  if (o.metAt) return 'met';
  if (o.waivedAt) return 'waived';
  if (o.status && o.status !== 'open') return o.status;
  return now.getTime() > o.dueAt.getTime() ? 'missed' : 'open';
}

/** Met at or before the due time. */
export function metOnTime(o: Timed): boolean {
  return o.metAt !== null && o.metAt.getTime() <= o.dueAt.getTime();
}

/**
 * Whole minutes left, rounded down, so it is negative exactly when statusAt would say missed:
 * 30 seconds left is 0, 30 seconds overdue is -1.
 */
export function timeLeft(due: Date, now: Date): number {
  return Math.floor((due.getTime() - now.getTime()) / 60_000);
}

/** "Nov 21, 2026, 3:05 PM PST" / "21 nov 2026, 3:05 p.m. PST", always in county time. */
export function formatCountyTime(date: Date, locale: 'en' | 'es'): string {
  checkDate(date, 'the time to show');
  return DateTime.fromJSDate(date, { zone: COUNTY_TIME_ZONE })
    .setLocale(locale === 'es' ? 'es-US' : 'en-US')
    .toLocaleString({ ...DateTime.DATETIME_MED, timeZoneName: 'short' });
}
