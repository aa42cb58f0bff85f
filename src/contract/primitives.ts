// The building blocks of every request schema. Each rejects what the database must never see
// (NUL and other control characters, impossible dates, years nobody means) with a stable field
// code (src/contract/problems.ts) that the web translates. Server and web use the same ones.
//
// Ranges (documented in docs/ARCHITECTURE.md, "Input at the edge"):
// - a date of birth: 1990-01-01 to today (county time);
// - an administrative date (contracts, clearances, issues, report periods): 2000-01-01 to 2099-12-31;
// - a date-time (events, arrivals, reports): years 2000 to 2099, with a time zone offset.
import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { COUNTY_TIME_ZONE } from '../domain/geography.js';

export const DATE_OF_BIRTH_MIN = '1990-01-01';
export const ADMIN_DATE_MIN = '2000-01-01';
export const ADMIN_DATE_MAX = '2099-12-31';
export const DATE_TIME_MIN = '2000-01-01T00:00:00Z';
export const DATE_TIME_MAX = '2100-01-01T00:00:00Z';

/** C0 controls and DEL except tab, line feed and carriage return; NUL above all. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const LINE_BREAK_OR_TAB = /[\t\n\r\u2028\u2029]/;

/** True when a string holds a control character that no text field accepts. */
export const hasControlCharacters = (s: string) => CONTROL.test(s);

const noControl = { message: 'must not contain control characters', params: { code: 'control_characters' } };
const noBreaks = { message: 'must be one line (no line breaks or tabs)', params: { code: 'line_breaks' } };

/** Today's date in the county's time zone, YYYY-MM-DD. */
export const countyToday = () => DateTime.now().setZone(COUNTY_TIME_ZONE).toISODate()!;

/** One line of text: trimmed, no control characters, no line breaks. `min: 1` makes it required. */
export function line(opts: { min?: number; max?: number } = {}) {
  const { min = 0, max = 200 } = opts;
  let s = z.string().trim();
  if (min > 0) s = s.min(min, min === 1 ? 'cannot be empty' : `must be at least ${min} characters`);
  return s
    .max(max)
    .refine((v) => !CONTROL.test(v), noControl)
    .refine((v) => !LINE_BREAK_OR_TAB.test(v), noBreaks);
}

/** A required name or label: one line, 1 to `max` characters. */
export const name = (max = 100) => line({ min: 1, max });

/** Free text (notes, narratives, plans): line breaks and tabs allowed, other control characters not. */
export function freeText(opts: { min?: number; max?: number } = {}) {
  const { min = 0, max = 10_000 } = opts;
  const inner = z
    .string()
    .min(min, min === 1 ? 'cannot be empty' : `must be at least ${min} characters`)
    .max(max)
    .refine((v) => !CONTROL.test(v), noControl);
  return z
    .string()
    .transform((v) => v.replace(/\r\n?/g, '\n').trim())
    .pipe(inner);
}

/** Whether YYYY-MM-DD names a real calendar day (no 30 February, no month 13, no year 0). */
export function isCalendarDate(v: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1 || mo < 1 || mo > 12 || d < 1) return false;
  const t = new Date(0);
  t.setUTCFullYear(y, mo - 1, d); // not Date.UTC, which reads years 0 to 99 as 1900 to 1999
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

type Bound = string | (() => string);
const bound = (b: Bound) => (typeof b === 'function' ? b() : b);

/**
 * A calendar date, YYYY-MM-DD, within [min, max] (both included). Bounds may be functions
 * (today). Codes: invalid_date, date_too_early, date_too_late (or date_in_future when `max` is
 * today).
 */
export function isoDate(opts: { min?: Bound; max?: Bound; futureCode?: boolean } = {}) {
  const { min = ADMIN_DATE_MIN, max = ADMIN_DATE_MAX, futureCode = false } = opts;
  return z
    .string()
    .refine((v) => isCalendarDate(v), {
      message: 'must be a real date in the form YYYY-MM-DD',
      params: { code: 'invalid_date' },
    })
    .superRefine((v, ctx) => {
      if (!isCalendarDate(v)) return;
      const lo = bound(min);
      const hi = bound(max);
      if (v < lo)
        ctx.addIssue({
          code: 'custom',
          message: `must be on or after ${lo}`,
          params: { code: 'date_too_early', min: lo },
        });
      else if (v > hi)
        ctx.addIssue({
          code: 'custom',
          message: futureCode ? 'cannot be in the future' : `must be on or before ${hi}`,
          params: futureCode ? { code: 'date_in_future' } : { code: 'date_too_late', max: hi },
        });
    })
    .meta({ format: 'date' });
}

/** A date of birth: a real date from 1990-01-01 to today. */
export const dateOfBirth = () => isoDate({ min: DATE_OF_BIRTH_MIN, max: countyToday, futureCode: true });

/** A date in administration (contracts, clearances, issues, periods): 2000-01-01 to 2099-12-31. */
export const adminDate = () => isoDate();

/** A date that already happened (from 2000-01-01 to today), e.g. when a clearance was granted. */
export const pastDate = () => isoDate({ max: countyToday, futureCode: true });

/**
 * An instant: ISO 8601 with a time zone offset (or Z), seconds optional, years 2000 to 2099.
 * Parsed with the calendar checked, so 2026-02-30T10:00Z is refused.
 */
export function isoDateTime() {
  return z
    .string()
    .refine(
      (v) => {
        if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/.test(v)) return false;
        return isCalendarDate(v.slice(0, 10)) && DateTime.fromISO(v, { setZone: true }).isValid;
      },
      {
        message: 'must be a date and time with a time zone, e.g. 2026-03-01T14:30:00-08:00',
        params: { code: 'invalid_datetime' },
      },
    )
    .superRefine((v, ctx) => {
      const t = Date.parse(v);
      if (Number.isNaN(t)) return;
      if (t < Date.parse(DATE_TIME_MIN))
        ctx.addIssue({
          code: 'custom',
          message: 'must be in 2000 or later',
          params: { code: 'date_too_early', min: '2000-01-01' },
        });
      else if (t >= Date.parse(DATE_TIME_MAX))
        ctx.addIssue({
          code: 'custom',
          message: 'must be before 2100',
          params: { code: 'date_too_late', max: '2099-12-31' },
        });
    })
    .meta({ format: 'date-time' });
}

/**
 * A phone number, parsed with libphonenumber-js (United States by default; other countries with
 * a leading +) and stored as E.164, e.g. +12135550143.
 */
export function phone() {
  return z
    .string()
    .trim()
    .max(40)
    .refine((v) => !CONTROL.test(v), noControl)
    .transform((v, ctx) => {
      const parsed = parsePhoneNumberFromString(v, 'US');
      if (!parsed || !parsed.isValid()) {
        ctx.addIssue({
          code: 'custom',
          message: 'must be a phone number, e.g. (213) 555-0143 or +52 55 1234 5678',
          params: { code: 'invalid_phone' },
        });
        return z.NEVER;
      }
      return parsed.number as string;
    })
    .meta({ format: 'phone', description: 'A phone number; stored and returned as E.164, e.g. +12135550143' });
}

/** An email address, one line. */
export const email = () =>
  z
    .string()
    .trim()
    .max(320)
    .refine((v) => !CONTROL.test(v), noControl)
    .pipe(z.email({ message: 'must be an email address' }));

/** A record id: any 8-4-4-4-12 hexadecimal id. */
export const id = () => z.guid({ message: 'must be an id (UUID)' });
