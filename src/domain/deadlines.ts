// Deadlines in county time (DOMAIN.md section 9: America/Los_Angeles, daylight saving included).
// Hours and minutes are elapsed time: "within 24 hours" is 24 real hours even across a clock
// change. Days are calendar days: "within 7 days" ends at the same wall-clock time 7 days later.
import { DateTime } from 'luxon';
import { COUNTY_TIME_ZONE } from './geography.js';

export interface Duration {
  minutes?: number;
  hours?: number;
  days?: number;
}

export function dueAt(from: Date, d: Duration, tz: string = COUNTY_TIME_ZONE): Date {
  // Calendar days first, in the county's zone; luxon moves a non-existent local time forward.
  const afterDays = DateTime.fromJSDate(from, { zone: tz }).plus({ days: d.days ?? 0 });
  const elapsedMs = ((d.hours ?? 0) * 60 + (d.minutes ?? 0)) * 60_000;
  return new Date(afterDays.toMillis() + elapsedMs);
}

export function describeDuration(d: Duration): { en: string; es: string } {
  const parts: { en: string; es: string }[] = [];
  const add = (n: number | undefined, en: [string, string], es: [string, string]) => {
    if (n) parts.push({ en: `${n} ${n === 1 ? en[0] : en[1]}`, es: `${n} ${n === 1 ? es[0] : es[1]}` });
  };
  add(d.days, ['day', 'days'], ['día', 'días']);
  add(d.hours, ['hour', 'hours'], ['hora', 'horas']);
  add(d.minutes, ['minute', 'minutes'], ['minuto', 'minutos']);
  return { en: parts.map((p) => p.en).join(' ') || '0 minutes', es: parts.map((p) => p.es).join(' ') || '0 minutos' };
}

export type ObligationStatus = 'open' | 'met' | 'missed' | 'waived';

export interface Timed {
  dueAt: Date;
  metAt: Date | null;
  waivedAt: Date | null;
}

/** Met (even late) or waived settle it; otherwise it is missed once now is past the due time. */
export function statusAt(o: Timed, now: Date): ObligationStatus {
  if (o.metAt) return 'met';
  if (o.waivedAt) return 'waived';
  return now.getTime() > o.dueAt.getTime() ? 'missed' : 'open';
}

export function metOnTime(o: Timed): boolean {
  return o.metAt !== null && o.metAt.getTime() <= o.dueAt.getTime();
}

/** Whole minutes until due; negative when overdue. */
export function timeLeft(due: Date, now: Date): number {
  return Math.round((due.getTime() - now.getTime()) / 60_000);
}

export function formatCountyTime(date: Date, locale: 'en' | 'es'): string {
  return DateTime.fromJSDate(date, { zone: COUNTY_TIME_ZONE })
    .setLocale(locale === 'es' ? 'es-US' : 'en-US')
    .toFormat('d LLL yyyy, h:mm a ZZZZ');
}
