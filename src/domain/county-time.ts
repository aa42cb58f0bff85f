// Moments printed by the server (report exports: CSV, XLSX, PDF) in county time with the zone's
// name, as the web shows them (src/web/lib/format.ts). docs/ARCHITECTURE.md, "Time".
import { DateTime } from 'luxon';
import { COUNTY_TIME_ZONE } from './geography.js';

/** "Dec 3, 2026, 10:05 AM PST" for an ISO instant (PDT in summer). */
export function countyStamp(iso: string): string {
  return DateTime.fromISO(iso, { zone: 'utc' })
    .setZone(COUNTY_TIME_ZONE)
    .setLocale('en-US')
    .toFormat('LLL d, yyyy, h:mm a ZZZZ');
}
