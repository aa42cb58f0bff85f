// Dates, times, numbers and lists in the reader's language.
import type { Language } from '../i18n';

const locales: Record<Language, string> = { en: 'en-US', es: 'es-US' };

/** A calendar date sent as YYYY-MM-DD; formatted without any time-zone shift. */
export function formatDate(isoDate: string, language: Language): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return isoDate;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat(locales[language], { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/** A moment (ISO timestamp), in the reader's own time zone. */
export function formatDateTime(iso: string, language: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locales[language], { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** The date part of a timestamp, in the reader's own time zone. */
export function formatDay(iso: string, language: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locales[language], { dateStyle: 'medium' }).format(date);
}

export function formatNumber(n: number, language: Language): string {
  return new Intl.NumberFormat(locales[language]).format(n);
}

/** "a, b and c" / "a, b y c". */
export function formatList(items: string[], language: Language): string {
  return new Intl.ListFormat(locales[language], { style: 'long', type: 'conjunction' }).format(items);
}
