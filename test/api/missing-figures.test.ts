// County figures on missing episodes, on a hand-made dataset whose right answers are written here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_BRIEF_SCREEN } from '../../src/domain/demo-instruments.js';
import { startHarness, type Harness } from '../support/app.js';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
  const { la, sd } = h.world.counties;
  const { ana, bruno, carla, diego } = h.world.youth;
  const { dcfs, sdCws } = h.world.orgs;
  const worker = h.world.users.worker.id;
  const db = h.db.database;

  // One final screening to link to debriefs (any final screening of the youth counts as "screened").
  const c = await h.as('worker');
  const list = (await c.get('/api/instruments')).json().instruments as { key: string; versionId: string }[];
  const items = DEMO_BRIEF_SCREEN.sections.flatMap((s) => s.items);
  const ratings = Object.fromEntries(
    items.map((i) => [i.key, DEMO_BRIEF_SCREEN.scales.find((s) => s.key === i.scale)!.options[0]!.value]),
  );
  const started = (
    await c.post(`/api/youth/${ana}/screenings`, {
      instrumentVersionId: list.find((i) => i.key === DEMO_BRIEF_SCREEN.key)!.versionId,
      context: 'return_from_missing',
      administeredAt: '2025-09-01T00:00:00Z',
      ratings,
    })
  ).json();
  await c.post(`/api/youth/${ana}/screenings/${started.id}/finalize`, { version: started.version });
  const screeningId = started.id as string;

  const episode = async (
    county: string,
    youth: string,
    lastSeen: string,
    discovered: string,
    returned: string | null,
    status: string,
  ) => {
    const [row] = await db.query<{ id: string }>(
      `INSERT INTO missing_episodes (youth_id, county_id, last_seen_at, last_seen_place, discovered_at, status, returned_at, returned_to, closed_at, reported_by)
       VALUES ($1, $2, $3, 'placement', $4, $5, $6, CASE WHEN $6::timestamptz IS NULL THEN NULL ELSE 'same_placement' END,
               CASE WHEN $5 = 'closed' THEN $6::timestamptz END, $7) RETURNING id`,
      [youth, county, lastSeen, discovered, status, returned, worker],
    );
    return row!.id;
  };
  const report = (
    county: string,
    youth: string,
    org: string,
    episodeId: string,
    kind: string,
    due: string,
    metAt: string | null,
  ) =>
    db.query(
      `INSERT INTO obligations (county_id, youth_id, kind, source_kind, source_id, due_at, owner_organization_id, status, met_at, missed_at)
       VALUES ($1, $2, $3, 'missing_episode', $4, $5, $6, $7, $8, CASE WHEN $7 = 'missed' THEN $5::timestamptz END)`,
      [county, youth, kind, episodeId, due, org, metAt ? 'met' : 'missed', metAt],
    );
  const debrief = (county: string, youth: string, episodeId: string, screening: string | null, complete: boolean) =>
    db.query(
      `INSERT INTO missing_debriefs (episode_id, youth_id, county_id, leaving_factors, factors_addressed, experiences, exploited_while_absent, screening_id,
         status, completed_at, completed_by, recorded_by)
       VALUES ($1, $2, $3, '{placement_conflict}', 'x', 'x', 'no', $4, $5, CASE WHEN $5 = 'complete' THEN now() END, CASE WHEN $5 = 'complete' THEN $6::uuid END, $6)`,
      [episodeId, youth, county, screening, complete ? 'complete' : 'draft', worker],
    );

  // Ana: three episodes within a year, two in the range (January 2026 to March 2026).
  await episode(la, ana, '2025-10-01T08:00:00Z', '2025-10-01T10:00:00Z', '2025-10-03T08:00:00Z', 'returned');
  const a2 = await episode(la, ana, '2026-01-05T18:00:00Z', '2026-01-05T20:00:00Z', '2026-01-06T18:00:00Z', 'closed'); // 24 h
  await report(la, ana, dcfs, a2, 'missing_report_law_enforcement', '2026-01-06T20:00:00Z', '2026-01-05T21:00:00Z');
  await report(la, ana, dcfs, a2, 'missing_report_ncmec', '2026-01-06T20:00:00Z', '2026-01-06T20:00:00Z'); // exactly 24 h
  await debrief(la, ana, a2, screeningId, true);
  const a3 = await episode(la, ana, '2026-02-10T12:00:00Z', '2026-02-10T13:00:00Z', '2026-02-12T00:00:00Z', 'returned'); // 36 h
  await report(la, ana, dcfs, a3, 'missing_report_law_enforcement', '2026-02-11T13:00:00Z', '2026-02-11T14:00:00Z'); // 25 h: late
  await report(la, ana, dcfs, a3, 'missing_report_ncmec', '2026-02-11T13:00:00Z', null); // never made
  await debrief(la, ana, a3, screeningId, false);
  // Bruno: still missing; both reports in time.
  const b1 = await episode(la, bruno, '2026-01-31T07:00:00Z', '2026-01-31T09:00:00Z', null, 'missing');
  await report(la, bruno, dcfs, b1, 'missing_report_law_enforcement', '2026-02-01T09:00:00Z', '2026-01-31T10:00:00Z');
  await report(la, bruno, dcfs, b1, 'missing_report_ncmec', '2026-02-01T09:00:00Z', '2026-01-31T11:00:00Z');
  // Carla: discovered before the range, returned in it (84 h): the median and the debrief shares only.
  const c1 = await episode(la, carla, '2025-12-30T00:00:00Z', '2025-12-30T01:00:00Z', '2026-01-02T12:00:00Z', 'closed');
  await debrief(la, carla, c1, null, false);
  // After the range, and another county: never counted here.
  await episode(la, carla, '2026-04-01T08:00:00Z', '2026-04-01T09:00:00Z', '2026-04-02T00:00:00Z', 'returned');
  await episode(sd, diego, '2026-01-10T08:00:00Z', '2026-01-10T09:00:00Z', null, 'missing');
  void sdCws;
});
afterAll(() => h.close());

const url = '/api/reports/missing?from=2026-01-01&to=2026-03-31';

describe('county figures on missing episodes', () => {
  it('gives the right answers for the county, with the count of youth suppressed', async () => {
    const res = await (await h.as('analyst')).get(url);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      episodesPerMonth: [
        { month: '2026-01', episodes: 2 },
        { month: '2026-02', episodes: 1 },
        { month: '2026-03', episodes: 0 },
      ],
      discovered: 3,
      reportedLawEnforcement24h: { count: 2, share: 0.667 },
      reportedNcmec24h: { count: 2, share: 0.667 },
      returned: 3,
      medianHoursMissing: 36,
      screened: { count: 2, share: 0.667 },
      debriefed: { count: 1, share: 0.333 },
      // One youth (Ana) had three episodes in the year: 1 to 10 is shown as "<11".
      youthWithThreeOrMore: '<11',
    });
    expect(JSON.stringify(res.json())).not.toMatch(/Quintero|Okafor|Nguyen|Anaís|youthId/);
  });

  it('counts other counties only for the state analyst', async () => {
    const state = (await (await h.as('state')).get(url)).json();
    expect(state.discovered).toBe(4);
    expect(state.episodesPerMonth[0]).toEqual({ month: '2026-01', episodes: 3 });
  });

  it('is refused to caseworkers and checks the range', async () => {
    expect((await (await h.as('worker')).get(url)).statusCode).toBe(403);
    expect((await (await h.as('supervisor')).get(url)).statusCode).toBe(200);
    expect((await (await h.as('analyst')).get('/api/reports/missing?from=2026-03-01&to=2026-01-01')).statusCode).toBe(
      400,
    );
  });
});
