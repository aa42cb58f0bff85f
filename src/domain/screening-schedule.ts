// When the next screening is due (DOMAIN.md section 2: screening frequency is configurable).
import { DateTime } from 'luxon';
import type { CountySettings } from './county-settings.js';
import { COUNTY_TIME_ZONE } from './geography.js';
import type { Level } from './instruments.js';

/** The county-local date `rescreenMonths[level]` months after the screening was administered. */
export function nextScreeningDue(administeredAt: Date, level: Level, settings: CountySettings): string {
  const months = settings.screening.rescreenMonths[level];
  return DateTime.fromJSDate(administeredAt, { zone: COUNTY_TIME_ZONE }).plus({ months }).toISODate()!;
}

/** Today's date in the county, as YYYY-MM-DD. */
export function countyToday(now: Date = new Date()): string {
  return DateTime.fromJSDate(now, { zone: COUNTY_TIME_ZONE }).toISODate()!;
}
