// Dates, times, numbers and lists in the reader's language. The one place the web turns dates
// into words (docs/ARCHITECTURE.md, "Time"): a calendar date (YYYY-MM-DD) is shown as that day,
// never shifted by a time zone; an instant is shown in county time (America/Los_Angeles)
// whatever the reader's device says; one date style per language ("Dec 2, 2026", "2 dic 2026").
import type { Language } from '../i18n';

const locales: Record<Language, string> = { en: 'en-US', es: 'es-US' };

/** A calendar date sent as YYYY-MM-DD; formatted without any time-zone shift. */
export function formatDate(isoDate: string, language: Language): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  // A full timestamp given by mistake reads as its county day, never as raw ISO.
  if (!match) return /^\d{4}-\d{2}-\d{2}T/.test(isoDate) ? formatCountyDay(isoDate, language) : isoDate;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat(locales[language], { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/**
 * A reporting period from..to (YYYY-MM-DD, both included): "Mar 2026 – Jun 2026" when it runs
 * from a month's first day to a month's last, otherwise the two dates.
 */
export function formatPeriod(from: string, to: string, language: Language): string {
  const f = /^(\d{4})-(\d{2})-01$/.exec(from);
  const t = /^(\d{4})-(\d{2})-(\d{2})$/.exec(to);
  if (f && t) {
    const end = new Date(Date.UTC(Number(t[1]), Number(t[2]) - 1, Number(t[3])));
    const lastOfMonth = new Date(Date.UTC(Number(t[1]), Number(t[2]), 0)).getUTCDate() === Number(t[3]);
    if (lastOfMonth) {
      const month = new Intl.DateTimeFormat(locales[language], { month: 'short', year: 'numeric', timeZone: 'UTC' });
      return `${month.format(new Date(Date.UTC(Number(f[1]), Number(f[2]) - 1, 1)))} – ${month.format(end)}`;
    }
  }
  return `${formatDate(from, language)} – ${formatDate(to, language)}`;
}

/** A moment (ISO timestamp), in county time with the zone: "Dec 2, 2026, 3:45 PM PST". */
export function formatDateTime(iso: string, language: Language): string {
  return formatCountyDateTime(iso, language);
}

/**
 * The day of a date or a moment: a calendar date (YYYY-MM-DD) as it is, a moment by its county
 * day. Never the reader's device zone (a case opened Jan 26 is not "Jan 25" in a Pacific browser).
 */
export function formatDay(value: string, language: Language): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value, language);
  return formatCountyDay(value, language);
}

/** A month sent as YYYY-MM (or a date in it): "Oct 2026" / "oct 2026". */
export function formatMonth(value: string, language: Language): string {
  const match = /^(\d{4})-(\d{2})/.exec(value);
  if (!match) return value;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1));
  return new Intl.DateTimeFormat(locales[language], { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(date);
}

export function formatNumber(n: number, language: Language): string {
  return new Intl.NumberFormat(locales[language]).format(n);
}

/** "a, b and c" / "a, b y c". */
export function formatList(items: string[], language: Language): string {
  return new Intl.ListFormat(locales[language], { style: 'long', type: 'conjunction' }).format(items);
}

// ---------------------------------------------------------------------------------------------
// County time. Deadlines run in America/Los_Angeles whatever the reader's device says, so times
// of duties are shown (and typed) in county time, with the zone named.

export const COUNTY_TIME_ZONE = 'America/Los_Angeles';

const wallFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: COUNTY_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** The county's wall clock at an instant, as numbers. */
function countyWall(ms: number) {
  const parts = Object.fromEntries(wallFormat.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  const n = (k: string) => Number(parts[k]);
  return {
    year: n('year'),
    month: n('month'),
    day: n('day'),
    hour: n('hour') % 24,
    minute: n('minute'),
    second: n('second'),
  };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** YYYY-MM-DD of an instant in county time (today when no instant is given). */
export function countyDate(iso?: string): string {
  const w = countyWall(iso ? new Date(iso).getTime() : Date.now());
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
}

/** "YYYY-MM-DDTHH:MM" in county time, the value a datetime-local box expects. */
export function countyDateTimeInput(ms = Date.now()): string {
  const w = countyWall(ms);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}

/** A datetime-local value read as county time, as an ISO instant; null if it is not a date-time. */
export function countyInputToIso(value: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!match) return null;
  const [y, mo, d, h, mi] = match.slice(1).map(Number) as [number, number, number, number, number];
  const asUtc = Date.UTC(y, mo - 1, d, h, mi);
  const offset = (ms: number) => {
    const w = countyWall(ms);
    return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - ms;
  };
  // Two rounds settle the offset, daylight saving changes included.
  let guess = asUtc - offset(asUtc);
  guess = asUtc - offset(guess);
  return Number.isNaN(guess) ? null : new Date(guess).toISOString();
}

/** A moment in county time with the zone, e.g. "Nov 22, 2026, 3:45 PM PST". */
export function formatCountyDateTime(iso: string, language: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locales[language], {
    timeZone: COUNTY_TIME_ZONE,
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(date);
}

/** The county date of a moment, e.g. "Nov 22, 2026". */
export function formatCountyDay(iso: string, language: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locales[language], { timeZone: COUNTY_TIME_ZONE, dateStyle: 'medium' }).format(date);
}

/** A span of time in words: "1 day and 3 hours", "2 hours and 5 minutes", "45 minutes". */
export function formatDuration(totalMinutes: number, language: Language): string {
  const minutes = Math.max(0, Math.round(Math.abs(totalMinutes)));
  const unit = (n: number, u: 'day' | 'hour' | 'minute') =>
    new Intl.NumberFormat(locales[language], { style: 'unit', unit: u, unitDisplay: 'long' }).format(n);
  let parts: string[];
  if (minutes >= 2880) {
    // Two days or more: days and hours. Under two days, hours and minutes say more than "1 day".
    const days = Math.floor(minutes / 1440);
    const hours = Math.floor((minutes % 1440) / 60);
    parts = [unit(days, 'day'), ...(hours ? [unit(hours, 'hour')] : [])];
  } else if (minutes >= 60) {
    const hours = Math.floor(minutes / 60);
    const mins = minutes % 60;
    parts = [unit(hours, 'hour'), ...(mins ? [unit(mins, 'minute')] : [])];
  } else {
    parts = [unit(minutes, 'minute')];
  }
  return formatList(parts, language);
}

/** Whole county days from an instant to now: 0 the same county day, 1 the day before. */
export function countyDaysAgo(iso: string, now = Date.now()): number {
  const day = (d: string) => {
    const [y, m, dd] = d.split('-').map(Number) as [number, number, number];
    return Date.UTC(y, m - 1, dd) / 86_400_000;
  };
  return Math.max(0, Math.round(day(countyDate(new Date(now).toISOString())) - day(countyDate(iso))));
}

/** "today", "yesterday", "3 days ago" / "hoy", "ayer", "hace 3 días". */
export function formatDaysAgo(days: number, language: Language): string {
  return new Intl.RelativeTimeFormat(locales[language], { numeric: 'auto' }).format(-days, 'day');
}

/** A county date-time for a datetime-local box, from an ISO instant. */
export function isoToCountyInput(iso: string): string {
  return countyDateTimeInput(new Date(iso).getTime());
}
