import { systemRepo } from '../../src/access/checkpoint.js';
// Missing and runaway youth: the episode from the first call to the documented return, the
// mandated reports as obligations, the search log, the debrief with its screening, the CSEC Type
// "Victim While Absent from Placement", and who may see the currently-missing list.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_BRIEF_SCREEN } from '../../src/domain/demo-instruments.js';
import { countyDate } from '../../src/domain/missing.js';
import { markMissedObligations } from '../../src/jobs/mark-missed-obligations.js';
import { startHarness, type Client, type Harness } from '../support/app.js';

let h: Harness;
let brief: string;
const ADDRESS = '742 Secret Placement Lane (fictional)';
const HOUR = 3_600_000;
const ago = (hours: number) => new Date(Date.now() - hours * HOUR).toISOString();

beforeAll(async () => {
  h = await startHarness();
  const list = (await (await h.as('worker')).get('/api/instruments')).json().instruments as {
    key: string;
    versionId: string;
  }[];
  brief = list.find((i) => i.key === DEMO_BRIEF_SCREEN.key)!.versionId;
  // Ana's current placement, with the address that must never leave the placement views.
  const worker = await h.as('worker');
  const placed = await worker.post(`/api/youth/${h.world.youth.ana}/placements`, {
    placementType: 'strtp',
    startAt: ago(24 * 60),
    address: ADDRESS,
  });
  expect(placed.statusCode).toBe(201);
});
afterAll(() => h.close());

const ana = () => `/api/youth/${h.world.youth.ana}`;
const bruno = () => `/api/youth/${h.world.youth.bruno}`;

type Duty = { kind: string; status: string; dueAt: string; owner: string | null; metAt: string | null };
type Episode = {
  id: string;
  status: string;
  version: number;
  discoveredAt: string;
  placement: { placementType: string } | null;
  reports: { report: string; obligation: Duty }[];
  debriefDuty: Duty | null;
  debrief: { status: string; version: number; csecTypeRecordId: string | null } | null;
  searchEfforts: { kind: string; doneBy: string }[];
};

/** A final screening "on return from missing" (or another context), every item answered "no". */
async function finalScreening(c: Client, youth: string, context = 'return_from_missing'): Promise<string> {
  const items = DEMO_BRIEF_SCREEN.sections.flatMap((s) => s.items);
  const lowest = (key: string) =>
    DEMO_BRIEF_SCREEN.scales.find((s) => s.key === items.find((i) => i.key === key)!.scale)!.options[0]!.value;
  const ratings = Object.fromEntries(items.map((i) => [i.key, lowest(i.key)]));
  const started = await c.post(`${youth}/screenings`, { instrumentVersionId: brief, context, ratings });
  expect(started.statusCode).toBe(201);
  const done = await c.post(`${youth}/screenings/${started.json().id}/finalize`, { version: started.json().version });
  expect(done.statusCode).toBe(200);
  return started.json().id as string;
}

describe('the whole flow, from the first call to the documented return', () => {
  let episode: Episode;
  const lastSeen = ago(30);
  const discovered = ago(26);

  it('reports a youth missing with the fewest fields and opens the mandated reports, due 24 hours from discovery', async () => {
    const worker = await h.as('worker');
    const res = await worker.post(`${ana()}/missing`, {
      lastSeenAt: lastSeen,
      lastSeenPlace: 'placement',
      discoveredAt: discovered,
    });
    expect(res.statusCode).toBe(201);
    episode = res.json();
    expect(episode.status).toBe('missing');
    expect(episode.placement).toMatchObject({ placementType: 'strtp' });
    expect(JSON.stringify(res.json())).not.toContain('Secret Placement');
    const kinds = episode.reports.map((r) => r.report);
    // County defaults: parent notified, the court not.
    expect(kinds).toEqual(['law_enforcement', 'ncmec', 'attorney', 'parent']);
    const due = new Date(new Date(discovered).getTime() + 24 * HOUR).toISOString();
    for (const r of episode.reports) expect(r.obligation).toMatchObject({ dueAt: due, owner: 'Test worker' });
    // Discovered 26 hours ago: every report is already overdue.
    expect(episode.reports.every((r) => r.obligation.status === 'missed')).toBe(true);
  });

  it('refuses a second open episode for the same youth', async () => {
    const res = await (await h.as('worker')).post(`${ana()}/missing`, { lastSeenAt: ago(2), lastSeenPlace: 'school' });
    expect(res.statusCode).toBe(409);
    expect(res.json().details).toEqual({ episodeId: episode.id });
  });

  it('escalates the overdue reports to the supervisor (the missed-obligation job)', async () => {
    await markMissedObligations(systemRepo(h.db.database), { publicUrl: 'http://harbor.test' });
    const notes = (await (await h.as('supervisor')).get('/api/notifications')).json().notifications as {
      obligationKind: string;
      youthId: string;
    }[];
    expect(notes.map((n) => n.obligationKind)).toEqual(
      expect.arrayContaining(['missing_report_law_enforcement', 'missing_report_ncmec']),
    );
    // The notice says what is overdue (a code the web words), never who.
    expect(JSON.stringify(notes)).not.toMatch(/Ana|Quintero/);
  });

  it('records the reports, refusing one made before the discovery and the general meet route', async () => {
    const worker = await h.as('worker');
    const early = await worker.post(`${ana()}/missing/${episode.id}/reports/ncmec`, {
      reportedAt: ago(27),
      ncmecCaseNumber: '1234567',
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().detail).toMatch(/before the youth was found missing/);
    const bad = await worker.post(`${ana()}/missing/${episode.id}/reports/law_enforcement`, {
      agency: 'LASD',
      reportedAt: ago(25),
    });
    expect(bad.statusCode).toBe(400);
    const ncmecDuty = episode.reports.find((r) => r.report === 'ncmec')!.obligation as Duty & { id: string };
    expect(
      (await worker.post(`${ana()}/obligations/${ncmecDuty.id}/meet`, { reportedAt: ago(1), ncmecCaseNumber: '1' }))
        .statusCode,
    ).toBe(409);

    const le = await worker.post(`${ana()}/missing/${episode.id}/reports/law_enforcement`, {
      agency: 'LA County Sheriff',
      reportNumber: 'LASD-26-001',
      reportedAt: ago(25.5),
      enteredInNcic: true,
    });
    expect(le.statusCode).toBe(200);
    const ncmec = await worker.post(`${ana()}/missing/${episode.id}/reports/ncmec`, {
      reportedAt: ago(1),
      ncmecCaseNumber: '1234567',
    });
    expect(ncmec.statusCode).toBe(200);
    const reports = (ncmec.json() as Episode).reports;
    expect(reports.find((r) => r.report === 'law_enforcement')!.obligation).toMatchObject({
      status: 'met',
      metOnTime: true,
    });
    expect(reports.find((r) => r.report === 'ncmec')!.obligation).toMatchObject({ status: 'met', metOnTime: false });
    // Recorded twice: nothing changes.
    expect(
      (
        await worker.post(`${ana()}/missing/${episode.id}/reports/ncmec`, {
          reportedAt: ago(1),
          ncmecCaseNumber: '1234567',
        })
      ).statusCode,
    ).toBe(409);
    // The court is not notified by default in this county: there is no such duty.
    expect((await worker.post(`${ana()}/missing/${episode.id}/reports/court`, { notifiedAt: ago(1) })).statusCode).toBe(
      409,
    );
  });

  it('keeps a search log the MDT and the advocate can add to', async () => {
    const advocate = await h.as('advocate');
    const res = await advocate.post(`${ana()}/missing/${episode.id}/search-efforts`, {
      kind: 'social_media',
      doneAt: ago(20),
      note: 'Checked the accounts the youth uses; no posts since Friday.',
    });
    expect(res.statusCode).toBe(201);
    const worker = await h.as('worker');
    await worker.post(`${ana()}/missing/${episode.id}/search-efforts`, {
      kind: 'family',
      doneAt: ago(19),
      note: 'Called the aunt; not seen.',
    });
    const detail = (await worker.get(`${ana()}/missing/${episode.id}`)).json() as Episode;
    expect(detail.searchEfforts.map((s) => [s.kind, s.doneBy])).toEqual([
      ['family', 'Test worker'],
      ['social_media', 'Test advocate'],
    ]);
    expect(
      (
        await worker.post(`${ana()}/missing/${episode.id}/search-efforts`, {
          kind: 'family',
          doneAt: ago(40),
          note: 'Before last seen',
        })
      ).statusCode,
    ).toBe(400);
  });

  it('completes the report later, with a version check', async () => {
    const worker = await h.as('worker');
    const current = (await worker.get(`${ana()}/missing/${episode.id}`)).json() as Episode;
    const res = await worker.patch(`${ana()}/missing/${episode.id}`, {
      version: current.version,
      discoveredByRole: 'placement_staff',
      riskFactors: ['prior_missing', 'exploiter_contact'],
      circumstances: 'Did not come back from school.',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      discoveredByRole: 'placement_staff',
      riskFactors: ['prior_missing', 'exploiter_contact'],
    });
    expect(
      (await worker.patch(`${ana()}/missing/${episode.id}`, { version: current.version, circumstances: 'x' }))
        .statusCode,
    ).toBe(409);
  });

  it('refuses a return before the discovery, then records the return and opens the debrief, due 72 hours later', async () => {
    const worker = await h.as('worker');
    const early = await worker.post(`${ana()}/missing/${episode.id}/returned`, {
      returnedAt: ago(28),
      returnedTo: 'same_placement',
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().detail).toMatch(/cannot return before they were found missing/);
    const returnedAt = ago(3);
    const res = await worker.post(`${ana()}/missing/${episode.id}/returned`, {
      returnedAt,
      returnedTo: 'same_placement',
      locatedAt: ago(4),
    });
    expect(res.statusCode).toBe(200);
    episode = res.json();
    expect(episode.status).toBe('returned');
    expect(episode.debriefDuty).toMatchObject({
      status: 'open',
      dueAt: new Date(new Date(returnedAt).getTime() + 72 * HOUR).toISOString(),
    });
    expect(
      (await worker.post(`${ana()}/missing/${episode.id}/returned`, { returnedAt, returnedTo: 'same_placement' }))
        .statusCode,
    ).toBe(409);
  });

  it('prompts a new safety plan version after the return', async () => {
    const worker = await h.as('worker');
    const plan = {
      warningSigns: 'abc',
      safePeople: 'abc',
      safePlaces: 'abc',
      ifContacted: 'abc',
      reachAdvocate: 'abc',
      writtenWithYouth: true,
    };
    // A plan written before the return: the return prompts the next one.
    await h.db.database.query(
      `INSERT INTO safety_plans (youth_id, county_id, version, warning_signs, safe_people, safe_places, if_contacted, reach_advocate, written_with_youth, created_by, created_at)
       VALUES ($1, $2, 1, 'a', 'a', 'a', 'a', 'a', true, $3, $4)`,
      [h.world.youth.ana, h.world.counties.la, h.world.users.worker.id, ago(10)],
    );
    expect((await worker.get(`${ana()}/safety-plans`)).json().reviewDue).toEqual({ reason: 'missing_return' });
    expect((await worker.post(`${ana()}/safety-plans`, plan)).statusCode).toBe(201);
    expect((await worker.get(`${ana()}/safety-plans`)).json().reviewDue).toBeNull();
  });

  it('will not complete a debrief without a screening, or with a screening from another context', async () => {
    const worker = await h.as('worker');
    const draft = {
      version: 0,
      leavingFactors: ['exploiter_influence'],
      factorsAddressed: 'Placement with a CSEC-trained provider; advocate visits twice a week.',
      experiences: 'Stayed with an older adult met online.',
      exploitedWhileAbsent: 'no',
    };
    const none = await worker.post(`${ana()}/missing/${episode.id}/debrief`, { ...draft, complete: true });
    expect(none.statusCode).toBe(400);
    expect(none.json().detail).toMatch(/cannot be complete without the CSEC screening/);
    const other = await finalScreening(worker, ana(), 'periodic_rescreen');
    const wrong = await worker.post(`${ana()}/missing/${episode.id}/debrief`, {
      ...draft,
      screeningId: other,
      complete: true,
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().detail).toMatch(/return_from_missing/);
    // A draft without the screening is fine.
    const saved = await worker.post(`${ana()}/missing/${episode.id}/debrief`, draft);
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ status: 'returned', debriefStatus: 'draft' });
  });

  it('records "Victim While Absent from Placement" with the episode dates, opens the cross-report, completes the debrief and closes the episode', async () => {
    const worker = await h.as('worker');
    const screeningId = await finalScreening(worker, ana());
    const detail = (await worker.get(`${ana()}/missing/${episode.id}`)).json() as Episode & {
      lastSeenAt: string;
      returnedAt: string;
    };
    const noSubcategory = await worker.post(`${ana()}/missing/${episode.id}/debrief`, {
      version: detail.debrief!.version,
      leavingFactors: ['exploiter_influence'],
      factorsAddressed: 'CSEC-trained placement.',
      experiences: 'Exploited by an adult met online.',
      exploitedWhileAbsent: 'yes',
      screeningId,
      complete: true,
    });
    expect(noSubcategory.statusCode).toBe(400);
    const res = await worker.post(`${ana()}/missing/${episode.id}/debrief`, {
      version: detail.debrief!.version,
      leavingFactors: ['exploiter_influence', 'wanted_friends_or_partner'],
      factorsNote: 'An older "boyfriend".',
      factorsAddressed: 'CSEC-trained placement; advocate visits twice a week.',
      experiences: 'Exploited by an adult met online.',
      exploitedWhileAbsent: 'yes',
      allegationSubcategory: 'Commercial sexual exploitation (online solicitation)',
      screeningId,
      complete: true,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'closed', debriefStatus: 'complete', csecTypeRecorded: true });
    expect(res.json().debriefDuty).toMatchObject({ status: 'met', metOnTime: true });

    const types = (await worker.get(`${ana()}/csec-types`)).json().records as {
      id: string;
      type: string;
      startDate: string;
      endDate: string | null;
    }[];
    const absent = types.find((t) => t.type === 'victim_absent_from_placement')!;
    expect(absent).toMatchObject({
      startDate: countyDate(new Date(detail.lastSeenAt)),
      endDate: countyDate(new Date(detail.returnedAt)),
    });
    expect(absent.id).toBe(res.json().debrief.csecTypeRecordId);
    const duties = (await worker.get(`${ana()}/obligations`)).json().obligations as Duty[];
    expect(duties.filter((d) => d.kind === 'cross_report_law_enforcement' && d.status === 'open')).toHaveLength(1);
    // Complete is complete.
    expect(
      (await worker.post(`${ana()}/missing/${episode.id}/debrief`, { version: 2, complete: false })).statusCode,
    ).toBe(409);
  });

  it("shows the youth's episodes with time missing and the placements left from", async () => {
    const list = (await (await h.as('worker')).get(`${ana()}/missing`)).json();
    expect(list.summary).toMatchObject({
      episodes: 1,
      inLastYear: 1,
      placementsLeft: [expect.objectContaining({ placementType: 'strtp', episodes: 1 })],
    });
    // Last seen 30 hours before the test began, back 3 hours before it returned (the clock moved a little in between).
    expect(Math.abs(list.episodes[0].minutesMissing - 27 * 60)).toBeLessThanOrEqual(5);
    expect(list.canReport).toBe(true);
  });
});

describe('who sees the currently-missing list and the episodes', () => {
  let episodeId: string;
  beforeAll(async () => {
    const res = await (
      await h.as('otherWorker')
    ).post(`${bruno()}/missing`, { lastSeenAt: ago(5), lastSeenPlace: 'street', discoveredAt: ago(4) });
    expect(res.statusCode).toBe(201);
    episodeId = res.json().id;
  });

  it("lists the youth for the youth's worker and the supervision chain, with time elapsed and no address", async () => {
    const mine = await (await h.as('otherWorker')).get('/api/missing/current');
    expect(mine.statusCode).toBe(200);
    const row = mine.json().missing.find((m: { episodeId: string }) => m.episodeId === episodeId);
    expect(row).toMatchObject({
      youthName: 'Bruno Okafor',
      spaNumber: 8,
      lastSeenPlace: 'street',
      status: 'missing',
      overdueReports: 0,
    });
    expect(row.minutesMissing).toBeGreaterThanOrEqual(299);
    const worker = (await (await h.as('worker')).get('/api/missing/current')).json();
    expect(worker.missing.map((m: { episodeId: string }) => m.episodeId)).not.toContain(episodeId);
    expect(JSON.stringify(worker)).not.toContain('Secret Placement');
  });

  it('lists it for MDT members, and never for another county or an analyst', async () => {
    const owner = await h.as('otherWorker');
    const added = await owner.post(`${bruno()}/mdt/members`, { userId: h.world.users.probation.id });
    expect(added.statusCode).toBe(201);
    const team = (await (await h.as('probation')).get('/api/missing/current')).json();
    expect(team.missing.map((m: { episodeId: string }) => m.episodeId)).toContain(episodeId);
    await owner.post(`${bruno()}/mdt/members/${added.json().id}/leave`);
    expect((await (await h.as('sdWorker')).get('/api/missing/current')).json().missing).toEqual([]);
    expect((await (await h.as('sdWorker')).get(`${bruno()}/missing/${episodeId}`)).statusCode).toBe(404);
    expect((await (await h.as('analyst')).get('/api/missing/current')).statusCode).toBe(403);
  });

  it('lets only the youth\u2019s workers report and record', async () => {
    expect(
      (await (await h.as('worker')).post(`${bruno()}/missing`, { lastSeenAt: ago(5), lastSeenPlace: 'street' }))
        .statusCode,
    ).toBe(404);
    expect(
      (await (await h.as('advocate')).post(`${ana()}/missing`, { lastSeenAt: ago(5), lastSeenPlace: 'street' }))
        .statusCode,
    ).toBe(403);
    expect((await h.anonymous.get('/api/missing/current')).statusCode).toBe(401);
  });

  it('shows a returned youth awaiting a debrief on the supervisor list', async () => {
    const owner = await h.as('otherWorker');
    await owner.post(`${bruno()}/missing/${episodeId}/located`, { locatedAt: ago(2) });
    const back = await owner.post(`${bruno()}/missing/${episodeId}/returned`, {
      returnedAt: ago(1),
      returnedTo: 'shelter',
    });
    expect(back.statusCode).toBe(200);
    // otherWorker has no supervisor in the world; the worker's supervisor does not see Bruno.
    const list = (await owner.get('/api/missing/current')).json();
    expect(list.missing.map((m: { episodeId: string }) => m.episodeId)).not.toContain(episodeId);
    expect(list.awaitingDebrief.find((m: { episodeId: string }) => m.episodeId === episodeId)).toMatchObject({
      status: 'returned',
      debrief: { status: 'none', overdue: false },
    });
  });
});

describe('county settings for missing youth', () => {
  it('accepts a stricter report time, refuses a looser one, and can require the court be told', async () => {
    const admin = await h.as('admin');
    const current = (await admin.get('/api/county/settings')).json();
    expect(current.settings.missing).toMatchObject({
      lawEnforcementHours: 24,
      ncmecHours: 24,
      debriefHours: 72,
      notifyCourt: false,
    });
    const looser = await admin.put('/api/county/settings', {
      version: current.version,
      settings: { ...current.settings, missing: { ...current.settings.missing, ncmecHours: 36 } },
    });
    expect(looser.statusCode).toBe(400);
    const stricter = await admin.put('/api/county/settings', {
      version: current.version,
      settings: {
        ...current.settings,
        missing: { ...current.settings.missing, lawEnforcementHours: 2, notifyCourt: true, debriefHours: 48 },
      },
    });
    expect(stricter.statusCode).toBe(200);
    const discovered = ago(1);
    const res = await (
      await h.as('probation')
    ).post(`/api/youth/${h.world.youth.carla}/missing`, {
      lastSeenAt: ago(3),
      lastSeenPlace: 'transit',
      discoveredAt: discovered,
      notifyParent: false,
    });
    expect(res.statusCode).toBe(201);
    const reports = (res.json() as Episode).reports;
    expect(reports.map((r) => r.report)).toEqual(['law_enforcement', 'ncmec', 'attorney', 'court']);
    expect(reports[0]!.obligation.dueAt).toBe(new Date(new Date(discovered).getTime() + 2 * HOUR).toISOString());
    // Probation's own worker owns the duties (no child welfare worker for Carla).
    expect(reports[0]!.obligation.owner).toBe('Test probation');
  });

  it('documents that the state sets no deadline for the debrief', async () => {
    const doc = (await h.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(JSON.stringify(doc)).toMatch(/The state sets no deadline for it/);
  });
});
