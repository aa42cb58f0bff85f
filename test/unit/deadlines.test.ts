import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  dueAt,
  formatCountyTime,
  metOnTime,
  statusAt,
  timeLeft,
  validateDuration,
} from '../../src/domain/deadlines.js';

const LA = 'America/Los_Angeles';
/** A wall-clock time in Los Angeles, as an instant. */
const la = (iso: string) => DateTime.fromISO(iso, { zone: LA }).toJSDate();
/** An instant shown as Los Angeles wall-clock time with its offset. */
const inLa = (d: Date) => DateTime.fromJSDate(d, { zone: LA }).toISO({ suppressMilliseconds: true });
const HOUR = 3_600_000;

describe('dueAt: hours and minutes are elapsed time', () => {
  it('24 hours across spring forward (2026-03-08) is 24 real hours; the clock moves 25', () => {
    const from = la('2026-03-07T12:00');
    const due = dueAt(from, { hours: 24 });
    expect(due.getTime() - from.getTime()).toBe(24 * HOUR);
    expect(inLa(due)).toBe('2026-03-08T13:00:00-07:00');
  });

  it('24 hours across fall back (2026-11-01) is 24 real hours; the clock moves 23', () => {
    const from = la('2026-10-31T12:00');
    const due = dueAt(from, { hours: 24 });
    expect(due.getTime() - from.getTime()).toBe(24 * HOUR);
    expect(inLa(due)).toBe('2026-11-01T11:00:00-08:00');
  });

  it('24 hours from 1:30 am the day before fall back ends at the first 1:30 am; one more hour is the second', () => {
    // The clocks go back at 2:00 am PDT, after 1:30, so 24 real hours later it is still PDT.
    const first = dueAt(la('2026-10-31T01:30'), { hours: 24 });
    expect(inLa(first)).toBe('2026-11-01T01:30:00-07:00');
    expect(inLa(dueAt(first, { hours: 1 }))).toBe('2026-11-01T01:30:00-08:00');
  });

  it('90 minutes, and hours with minutes', () => {
    const from = la('2026-03-08T01:00');
    expect(inLa(dueAt(from, { minutes: 90 }))).toBe('2026-03-08T03:30:00-07:00'); // across the missing hour
    expect(dueAt(from, { hours: 1, minutes: 30 })).toEqual(dueAt(from, { minutes: 90 }));
    expect(dueAt(from, {})).toEqual(from);
  });

  it('is always exactly the elapsed time, in any season (property)', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2020-01-01'), max: new Date('2035-12-31'), noInvalidDate: true }),
        fc.nat(500),
        fc.nat(5000),
        (from, hours, minutes) => {
          expect(dueAt(from, { hours, minutes }).getTime() - from.getTime()).toBe((hours * 60 + minutes) * 60_000);
        },
      ),
    );
  });
});

describe('dueAt: days are calendar days in county time', () => {
  it('1 day across spring forward and fall back keeps the wall-clock time', () => {
    expect(inLa(dueAt(la('2026-03-07T10:00'), { days: 1 }))).toBe('2026-03-08T10:00:00-07:00'); // 23 hours later
    expect(inLa(dueAt(la('2026-10-31T10:00'), { days: 1 }))).toBe('2026-11-01T10:00:00-08:00'); // 25 hours later
  });

  it('7 days from 2026-03-05 10:00 PST is 2026-03-12 10:00 PDT', () => {
    expect(inLa(dueAt(la('2026-03-05T10:00'), { days: 7 }))).toBe('2026-03-12T10:00:00-07:00');
  });

  it('a wall-clock time missing on the spring-forward day moves forward past the gap', () => {
    // 2:30 am on 2026-03-08 does not exist; landing on it gives 3:30 am PDT (the same instant as 2:30 PST).
    expect(inLa(dueAt(la('2026-03-07T02:30'), { days: 1 }))).toBe('2026-03-08T03:30:00-07:00');
    // A worker typing 2:30 am on that day means 3:30 am PDT; one day later is 3:30 am.
    expect(inLa(la('2026-03-08T02:30'))).toBe('2026-03-08T03:30:00-07:00');
    expect(inLa(dueAt(la('2026-03-08T02:30'), { days: 1 }))).toBe('2026-03-09T03:30:00-07:00');
  });

  it('rolls over month ends and leap days', () => {
    expect(inLa(dueAt(la('2026-01-31T09:00'), { days: 1 }))).toBe('2026-02-01T09:00:00-08:00');
    expect(inLa(dueAt(la('2027-02-28T09:00'), { days: 1 }))).toBe('2027-03-01T09:00:00-08:00');
    expect(inLa(dueAt(la('2028-02-28T09:00'), { days: 1 }))).toBe('2028-02-29T09:00:00-08:00');
    expect(inLa(dueAt(la('2028-02-29T09:00'), { days: 1 }))).toBe('2028-03-01T09:00:00-08:00');
    expect(inLa(dueAt(la('2026-12-31T23:59'), { days: 1 }))).toBe('2027-01-01T23:59:00-08:00');
  });

  it('adds days first, then elapsed hours', () => {
    // 1 day lands on Sunday 2026-03-08 10:00 PDT; 24 more real hours is Monday 10:00.
    expect(inLa(dueAt(la('2026-03-07T10:00'), { days: 1, hours: 24 }))).toBe('2026-03-09T10:00:00-07:00');
    expect(inLa(dueAt(la('2026-03-07T23:00'), { days: 1, hours: 3 }))).toBe('2026-03-09T02:00:00-07:00');
  });

  it('uses another zone when given one', () => {
    const from = new Date('2026-03-07T18:00:00Z');
    expect(dueAt(from, { days: 1 }, 'UTC').toISOString()).toBe('2026-03-08T18:00:00.000Z');
    expect(dueAt(from, { days: 1 }).toISOString()).toBe('2026-03-08T17:00:00.000Z');
  });

  it('refuses durations and dates it cannot use', () => {
    expect(validateDuration({ days: 7, hours: 0 })).toEqual([]);
    expect(validateDuration({ days: 1.5, hours: -1 })).toEqual([
      'days must be a whole number of 0 or more (got 1.5)',
      'hours must be a whole number of 0 or more (got -1)',
    ]);
    expect(() => dueAt(new Date(), { minutes: Number.NaN })).toThrow(/minutes must be a whole number/);
    expect(() => dueAt(new Date('nope'), { hours: 1 })).toThrow(RangeError);
    expect(() => dueAt(new Date(), { hours: 1 }, 'Mars/Olympus')).toThrow(/not a time zone/);
  });
});

describe('obligation status', () => {
  const due = new Date('2026-03-09T17:00:00Z');
  const before = new Date(due.getTime() - 60_000);
  const after = new Date(due.getTime() + 1);
  const o = (metAt: Date | null = null, waivedAt: Date | null = null) => ({ dueAt: due, metAt, waivedAt });

  it('is open up to and including the due time, missed after', () => {
    expect(statusAt(o(), before)).toBe('open');
    expect(statusAt(o(), due)).toBe('open');
    expect(statusAt(o(), after)).toBe('missed');
  });

  it('is met once met, even late, and metOnTime tells the difference', () => {
    expect(statusAt(o(before), after)).toBe('met');
    expect(statusAt(o(after), after)).toBe('met');
    expect([metOnTime(o(before)), metOnTime(o(due)), metOnTime(o(after)), metOnTime(o())]).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });

  it('is waived once waived, unless it was also met', () => {
    expect(statusAt(o(null, before), after)).toBe('waived');
    expect(statusAt(o(before, before), after)).toBe('met');
  });

  it('timeLeft counts whole minutes, negative exactly when overdue', () => {
    expect(timeLeft(due, new Date(due.getTime() - 90 * 60_000))).toBe(90);
    expect(timeLeft(due, new Date(due.getTime() - 30_000))).toBe(0);
    expect(timeLeft(due, due)).toBe(0);
    expect(timeLeft(due, new Date(due.getTime() + 30_000))).toBe(-1);
    expect(timeLeft(due, new Date(due.getTime() + 2 * HOUR))).toBe(-120);
  });
});

describe('formatCountyTime', () => {
  it('shows county time with its zone, in English and Spanish', () => {
    const winter = new Date('2026-11-21T23:05:00Z');
    expect(formatCountyTime(winter, 'en')).toBe('Nov 21, 2026, 3:05 PM PST');
    expect(formatCountyTime(winter, 'es')).toMatch(/^21 nov 2026, 3:05\sp\.\s?m\. PST$/);
    expect(formatCountyTime(new Date('2026-07-04T16:30:00Z'), 'en')).toBe('Jul 4, 2026, 9:30 AM PDT');
  });
});
