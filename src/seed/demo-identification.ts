// Fictional screenings, CSEC Types and cross-report duties for the demo county, so a supervisor
// opening the demo sees identification work in every state: drafts and finals, each level, open,
// overdue and met duties. Same fixed seed as the rest of the demo.
import type { Faker } from '@faker-js/faker';
import { DateTime } from 'luxon';
import type { RawConnection } from '../db/client.js';
import { CSEC_TYPES, type CsecTypeCode } from '../domain/csec-type.js';
import { DEFAULT_COUNTY_SETTINGS } from '../domain/county-settings.js';
import { dueAt } from '../domain/deadlines.js';
import { COUNTY_TIME_ZONE } from '../domain/geography.js';
import { DEMO_FULL_SCREEN } from '../domain/demo-instruments.js';
import { score, type Ratings } from '../domain/instruments.js';
import { nextScreeningDue } from '../domain/screening-schedule.js';

interface DemoYouth {
  youthId: string;
  countyId: string;
  workerId: string;
  organizationId: string;
  childWelfare: boolean;
}

export async function seedIdentification(conn: RawConnection, faker: Faker, youth: DemoYouth[], now: Date) {
  const [version] = await conn.query<{ id: string }>(
    `SELECT v.id FROM instrument_versions v JOIN instruments i ON i.id = v.instrument_id
      WHERE i.key = $1 AND i.county_id IS NULL ORDER BY v.version DESC LIMIT 1`,
    [DEMO_FULL_SCREEN.key],
  );
  if (!version) throw new Error('The demonstration instruments must be installed before the demo seed.');
  const items = DEMO_FULL_SCREEN.sections.flatMap((s) => s.items);
  const stats = { screenings: 0, types: 0, obligations: 0 };
  for (const [i, y] of youth.entries()) {
    // A concern profile per youth: most low, some possible, a few clear.
    const intensity = faker.helpers.weightedArrayElement([
      { value: 0.03, weight: 55 },
      { value: 0.2, weight: 30 },
      { value: 0.5, weight: 15 },
    ]);
    const ratings: Ratings = Object.fromEntries(
      items.map((it) => [
        it.key,
        faker.number.float() < intensity ? faker.helpers.arrayElement(['possibly', 'yes']) : 'no',
      ]),
    );
    const administeredAt = faker.date.between({
      from: DateTime.fromJSDate(now).minus({ months: 14 }).toJSDate(),
      to: now,
    });
    const draft = i % 9 === 4;
    const result = score(DEMO_FULL_SCREEN, ratings);
    const [screening] = await conn.query<{ id: string }>(
      `INSERT INTO screenings (youth_id, county_id, instrument_version_id, context, organization_id, administered_by,
         administered_at, ratings, status, level, result, next_due_on, finalized_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10, $11::jsonb, $12, $13) RETURNING id`,
      [
        y.youthId,
        y.countyId,
        version.id,
        faker.helpers.arrayElement(['case_opening', 'placement', 'periodic_rescreen', 'investigation']),
        y.organizationId,
        y.workerId,
        administeredAt.toISOString(),
        JSON.stringify(draft ? Object.fromEntries(Object.entries(ratings).slice(0, 5)) : ratings),
        draft ? 'draft' : 'final',
        draft ? null : result.level,
        draft ? null : JSON.stringify(result),
        draft ? null : nextScreeningDue(administeredAt, result.level, DEFAULT_COUNTY_SETTINGS),
        draft ? null : administeredAt.toISOString(),
      ],
    );
    stats.screenings++;
    if (draft || result.level === 'no_concern') continue;
    const start = DateTime.fromJSDate(administeredAt, { zone: COUNTY_TIME_ZONE }).toISODate()!;
    const type: CsecTypeCode =
      result.level === 'possible_concern'
        ? 'at_risk'
        : y.childWelfare
          ? faker.helpers.arrayElement([
              'victim_during_care',
              'victim_before_care',
              'victim_open_case_not_in_care',
            ] as const)
          : 'victim_before_care';
    const [record] = await conn.query<{ id: string }>(
      `INSERT INTO csec_type_records (youth_id, county_id, type, start_date, allegation_subcategory, source, screening_id, recorded_by, recorded_at)
       VALUES ($1, $2, $3, $4, $5, 'screening', $6, $7, $8) RETURNING id`,
      [
        y.youthId,
        y.countyId,
        type,
        start,
        'Commercial sexual exploitation',
        screening!.id,
        y.workerId,
        administeredAt.toISOString(),
      ],
    );
    stats.types++;
    if (!CSEC_TYPES.find((t) => t.code === type)!.isVictim || !y.childWelfare) continue;
    // Recent identifications leave the duty open or overdue; older ones were met, a few late.
    const recent = i % 4 === 0;
    const recordedAt = recent
      ? new Date(now.getTime() - faker.number.int({ min: 2, max: 40 }) * 3_600_000)
      : administeredAt;
    const due = dueAt(recordedAt, { hours: DEFAULT_COUNTY_SETTINGS.crossReport.hours });
    const metAt = recent ? null : new Date(recordedAt.getTime() + faker.number.int({ min: 1, max: 30 }) * 3_600_000);
    await conn.query(
      `INSERT INTO obligations (county_id, youth_id, kind, source_kind, source_id, due_at, owner_user_id, owner_organization_id,
         status, met_at, met_by, met_record, created_at)
       VALUES ($1, $2, 'cross_report_law_enforcement', 'csec_type', $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11)`,
      [
        y.countyId,
        y.youthId,
        record!.id,
        due.toISOString(),
        y.workerId,
        y.organizationId,
        metAt ? 'met' : 'open',
        metAt?.toISOString() ?? null,
        metAt ? y.workerId : null,
        metAt
          ? JSON.stringify({
              agency: "LA County Sheriff's Department",
              reportNumber: `R-${faker.string.numeric(7)}`,
              madeAt: metAt.toISOString(),
            })
          : null,
        recordedAt.toISOString(),
      ],
    );
    stats.obligations++;
  }
  return stats;
}
