// Fictional missing episodes for the demo county, in every state, so a supervisor opening the
// demo sees at a glance who is missing, which reports are overdue and which returned youth still
// need a debrief: missing with the reports overdue, missing with the reports made, located,
// returned awaiting a debrief (one on time, one overdue), and closed episodes over the past year
// (one youth with three, for the "repeat runaway" pattern). Youth of the named demo caseworker are
// left alone, so the browser tests find her caseload as they expect.
import type { Faker } from '@faker-js/faker';
import type { RawConnection } from '../db/client.js';
import { DEFAULT_COUNTY_SETTINGS } from '../domain/county-settings.js';
import { DEMO_BRIEF_SCREEN } from '../domain/demo-instruments.js';
import { score } from '../domain/instruments.js';
import { LAST_SEEN_PLACES, RISK_FACTORS, SEARCH_EFFORT_KINDS, type EpisodeStatus } from '../domain/missing.js';
import { planObligations } from '../domain/obligation-rules.js';
import { nextScreeningDue } from '../domain/screening-schedule.js';

interface DemoYouthRef {
  youthId: string;
  countyId: string;
  workerId: string;
  organizationId: string;
}

const HOUR = 3_600_000;

interface Plan {
  status: EpisodeStatus;
  /** Hours before now. */
  discoveredAgo: number;
  /** Which reports were made (hours after discovery), by kind; the rest stay open. */
  reported?: Partial<Record<'law_enforcement' | 'ncmec' | 'attorney' | 'parent', number>>;
  locatedAgo?: number;
  returnedAgo?: number;
  debrief?: 'draft' | 'complete';
}

const ALL_MADE = { law_enforcement: 2, ncmec: 3, attorney: 10, parent: 5 };

const PLANS: Plan[] = [
  { status: 'missing', discoveredAgo: 30 }, // every report overdue
  { status: 'missing', discoveredAgo: 6, reported: { law_enforcement: 1, ncmec: 2 } },
  { status: 'missing', discoveredAgo: 72, reported: ALL_MADE },
  { status: 'located', discoveredAgo: 20, reported: ALL_MADE, locatedAgo: 2 },
  { status: 'returned', discoveredAgo: 60, reported: ALL_MADE, returnedAgo: 30, debrief: 'draft' },
  {
    status: 'returned',
    discoveredAgo: 8 * 24,
    reported: { law_enforcement: 4, ncmec: 30, attorney: 20 },
    returnedAgo: 4 * 24,
  },
  { status: 'closed', discoveredAgo: 35 * 24, reported: ALL_MADE, returnedAgo: 32 * 24, debrief: 'complete' },
];

export async function seedMissing(
  conn: RawConnection,
  faker: Faker,
  youth: DemoYouthRef[],
  now: Date,
  leaveAlone: string,
) {
  const [version] = await conn.query<{ id: string }>(
    `SELECT v.id FROM instrument_versions v JOIN instruments i ON i.id = v.instrument_id
      WHERE i.key = $1 AND i.county_id IS NULL ORDER BY v.version DESC LIMIT 1`,
    [DEMO_BRIEF_SCREEN.key],
  );
  if (!version) throw new Error('The demonstration instruments must be installed before the demo seed.');
  const pool = youth.filter((y) => y.workerId !== leaveAlone);
  const [county] = pool;
  if (!county) return { missingEpisodes: 0 };
  const local = pool.filter((y) => y.countyId === county.countyId);
  const stats = { missingEpisodes: 0 };

  const screening = async (y: DemoYouthRef, at: Date) => {
    const items = DEMO_BRIEF_SCREEN.sections.flatMap((s) => s.items);
    const ratings = Object.fromEntries(
      items.map((it) => {
        const options = DEMO_BRIEF_SCREEN.scales.find((s) => s.key === it.scale)!.options;
        return [it.key, faker.number.float() < 0.2 ? options[options.length - 1]!.value : options[0]!.value];
      }),
    );
    const result = score(DEMO_BRIEF_SCREEN, ratings);
    const [row] = await conn.query<{ id: string }>(
      `INSERT INTO screenings (youth_id, county_id, instrument_version_id, context, organization_id, administered_by, administered_at,
         ratings, status, level, result, next_due_on, finalized_at)
       VALUES ($1, $2, $3, 'return_from_missing', $4, $5, $6, $7::jsonb, 'final', $8, $9::jsonb, $10, $6) RETURNING id`,
      [
        y.youthId,
        y.countyId,
        version.id,
        y.organizationId,
        y.workerId,
        at.toISOString(),
        JSON.stringify(ratings),
        result.level,
        JSON.stringify(result),
        nextScreeningDue(at, result.level, DEFAULT_COUNTY_SETTINGS),
      ],
    );
    return row!.id;
  };

  const episode = async (y: DemoYouthRef, p: Plan) => {
    const discovered = new Date(now.getTime() - p.discoveredAgo * HOUR);
    const lastSeen = new Date(discovered.getTime() - faker.number.int({ min: 1, max: 10 }) * HOUR);
    const returned = p.returnedAgo === undefined ? null : new Date(now.getTime() - p.returnedAgo * HOUR);
    const located = p.locatedAgo !== undefined ? new Date(now.getTime() - p.locatedAgo * HOUR) : returned;
    const [placement] = await conn.query<{ id: string }>(
      `SELECT id FROM placement_episodes WHERE youth_id = $1 AND start_at <= $2 AND (end_at IS NULL OR end_at > $2) LIMIT 1`,
      [y.youthId, lastSeen.toISOString()],
    );
    const debriefDone =
      p.debrief === 'complete' && returned
        ? new Date(returned.getTime() + faker.number.int({ min: 20, max: 70 }) * HOUR)
        : null;
    const [row] = await conn.query<{ id: string }>(
      `INSERT INTO missing_episodes (youth_id, county_id, placement_episode_id, last_seen_at, last_seen_place, discovered_at, discovered_by_role,
         risk_factors, circumstances, status, located_at, returned_at, returned_to, closed_at, reported_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::text[], $9, $10, $11, $12, $13, $14, $15, $6) RETURNING id`,
      [
        y.youthId,
        y.countyId,
        placement?.id ?? null,
        lastSeen.toISOString(),
        faker.helpers.weightedArrayElement(
          LAST_SEEN_PLACES.map((v) => ({ value: v, weight: v === 'placement' ? 6 : v === 'school' ? 3 : 1 })),
        ),
        discovered.toISOString(),
        faker.helpers.arrayElement(['caregiver', 'placement_staff', 'school'] as const),
        `{${faker.helpers
          .arrayElements(
            RISK_FACTORS.filter((r) => r !== 'other'),
            { min: 1, max: 3 },
          )
          .join(',')}}`,
        faker.helpers.arrayElement([
          'Did not return from school (fictional).',
          'Left the placement after a house meeting (fictional).',
          'Not in the room at the night check (fictional).',
        ]),
        p.status,
        located?.toISOString() ?? null,
        returned?.toISOString() ?? null,
        returned ? faker.helpers.arrayElement(['same_placement', 'new_placement', 'shelter'] as const) : null,
        debriefDone?.toISOString() ?? null,
        y.workerId,
      ],
    );
    const id = row!.id;
    stats.missingEpisodes++;
    // The duties the discovery and the return opened, with the county's default times.
    const planned = [
      ...planObligations(
        {
          kind: 'missing_discovered',
          youthId: y.youthId,
          sourceId: id,
          at: discovered,
          recordedBy: { userId: y.workerId, organizationId: y.organizationId },
        },
        DEFAULT_COUNTY_SETTINGS,
      ),
      ...(returned
        ? planObligations(
            {
              kind: 'youth_returned',
              youthId: y.youthId,
              sourceId: id,
              at: returned,
              recordedBy: { userId: y.workerId, organizationId: y.organizationId },
            },
            DEFAULT_COUNTY_SETTINGS,
          )
        : []),
    ];
    const reportOf: Record<string, 'law_enforcement' | 'ncmec' | 'attorney' | 'parent'> = {
      missing_report_law_enforcement: 'law_enforcement',
      missing_report_ncmec: 'ncmec',
      missing_notify_attorney: 'attorney',
      missing_notify_parent: 'parent',
    };
    let screeningId: string | null = null;
    let debriefId: string | null = null;
    if (p.debrief && returned) {
      screeningId =
        p.debrief === 'complete' || faker.number.float() < 0.5
          ? await screening(y, new Date(returned.getTime() + 12 * HOUR))
          : null;
      const [d] = await conn.query<{ id: string }>(
        `INSERT INTO missing_debriefs (episode_id, youth_id, county_id, leaving_factors, factors_addressed, experiences, exploited_while_absent,
           screening_id, status, completed_at, completed_by, recorded_by)
         VALUES ($1, $2, $3, $4::text[], $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
        [
          id,
          y.youthId,
          y.countyId,
          `{${faker.helpers.arrayElements(['placement_conflict', 'wanted_family', 'wanted_friends_or_partner', 'rules_or_restrictions'], { min: 1, max: 2 }).join(',')}}`,
          p.debrief === 'complete' ? 'Placement meeting with the youth; advocate visits weekly (fictional).' : null,
          'Stayed with friends; says nothing else happened (fictional).',
          p.debrief === 'complete' ? 'no' : null,
          screeningId,
          p.debrief,
          debriefDone?.toISOString() ?? null,
          debriefDone ? y.workerId : null,
          y.workerId,
        ],
      );
      debriefId = d!.id;
    }
    for (const o of planned) {
      const report = reportOf[o.kind];
      const after = report ? p.reported?.[report] : undefined;
      let metAt: Date | null = after === undefined ? null : new Date(discovered.getTime() + after * HOUR);
      let record: Record<string, unknown> | null = null;
      if (metAt && o.kind === 'missing_report_law_enforcement') {
        record = {
          agency: "LA County Sheriff's Department",
          reportNumber: `MP-${faker.string.numeric(7)}`,
          reportedAt: metAt.toISOString(),
          enteredInNcic: true,
        };
      } else if (metAt && o.kind === 'missing_report_ncmec') {
        record = { reportedAt: metAt.toISOString(), ncmecCaseNumber: faker.string.numeric(7) };
      } else if (metAt) {
        record = { notifiedAt: metAt.toISOString(), method: 'phone' };
      }
      if (o.kind === 'missing_debrief' && debriefDone) {
        metAt = debriefDone;
        record = { completedAt: debriefDone.toISOString(), debriefId, screeningId };
      }
      const missed = !metAt && o.dueAt < now;
      await conn.query(
        `INSERT INTO obligations (county_id, youth_id, kind, source_kind, source_id, due_at, owner_user_id, owner_organization_id, status,
           met_at, met_by, met_record, missed_at, created_at)
         VALUES ($1, $2, $3, 'missing_episode', $4, $5, $6, $7, $8, $9, $10, $11::jsonb, $12, $13)`,
        [
          y.countyId,
          y.youthId,
          o.kind,
          id,
          o.dueAt.toISOString(),
          y.workerId,
          y.organizationId,
          metAt ? 'met' : missed ? 'missed' : 'open',
          metAt?.toISOString() ?? null,
          metAt ? y.workerId : null,
          record ? JSON.stringify(record) : null,
          missed ? o.dueAt.toISOString() : null,
          discovered.toISOString(),
        ],
      );
    }
    // A few search efforts while the youth was away.
    const until = located ?? now;
    for (let i = 0; i < faker.number.int({ min: 1, max: 4 }); i++) {
      const at = new Date(
        Math.min(discovered.getTime() + faker.number.int({ min: 1, max: 48 }) * HOUR, until.getTime()),
      );
      await conn.query(
        `INSERT INTO missing_search_efforts (episode_id, youth_id, county_id, kind, done_at, done_by, note) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [
          id,
          y.youthId,
          y.countyId,
          faker.helpers.arrayElement(SEARCH_EFFORT_KINDS.filter((k) => k !== 'other')),
          at.toISOString(),
          y.workerId,
          faker.helpers.arrayElement([
            'Called; not seen since the day before (fictional).',
            'Checked; no sign of the youth (fictional).',
            'Followed up; report on file (fictional).',
          ]),
        ],
      );
    }
  };

  // One youth per state; then a repeat runaway with three episodes in the year; then older
  // closed episodes spread over the months, for the county figures.
  for (const [i, plan] of PLANS.entries()) {
    const y = local[i];
    if (y) await episode(y, plan);
  }
  const repeat = local[PLANS.length];
  if (repeat) {
    for (const ago of [300, 200, 120]) {
      await episode(repeat, {
        status: 'closed',
        discoveredAgo: ago * 24,
        reported: ALL_MADE,
        returnedAgo: ago * 24 - faker.number.int({ min: 6, max: 96 }),
        debrief: 'complete',
      });
    }
  }
  for (let i = 0; i < 12; i++) {
    const y = local[PLANS.length + 1 + i];
    if (!y) break;
    const ago = faker.number.int({ min: 40, max: 340 });
    const quick = faker.number.float() < 0.8;
    await episode(y, {
      status: 'closed',
      discoveredAgo: ago * 24,
      reported: quick ? ALL_MADE : { law_enforcement: 30, ncmec: 50, attorney: 40 },
      returnedAgo: ago * 24 - faker.number.int({ min: 4, max: 240 }),
      debrief: 'complete',
    });
  }
  return stats;
}
