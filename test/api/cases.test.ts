// Child welfare and probation cases through the API: opened, corrected and closed with a history
// row each time, under the rules (dates, numbers, versions, the case's agency and worker), and the
// law-enforcement cross-report duty a child welfare case opens for a youth who is a victim.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Builder } from '../../src/seed/builder.js';
import { countyToday } from '../../src/domain/screening-schedule.js';
import { startHarness, type Harness } from '../support/app.js';

let h: Harness;
let b: Builder;
beforeAll(async () => {
  h = await startHarness();
  b = new Builder(h.db.database);
});
afterAll(() => h.close());

/** A youth of Los Angeles held by the test worker (primary, DCFS), with no case. */
async function heldYouth(first: string): Promise<string> {
  const { la } = h.world.counties;
  const id = await b.youth({ countyId: la, legalFirstName: first, legalLastName: 'Test', dateOfBirth: '2010-05-05' });
  await b.assignment({
    youthId: id,
    countyId: la,
    userId: h.world.users.worker.id,
    organizationId: h.world.orgs.dcfs,
    role: 'primary',
  });
  return id;
}

async function csecType(youthId: string, type: string, startDate: string, endDate: string | null = null) {
  await h.db.database.query(
    `INSERT INTO csec_type_records (youth_id, county_id, type, start_date, end_date, allegation_subcategory, source, recorded_by)
     VALUES ($1, $2, $3, $4, $5, 'Commercial sexual exploitation', 'screening', $6)`,
    [youthId, h.world.counties.la, type, startDate, endDate, h.world.users.worker.id],
  );
}

const count = async (sqlText: string, params: unknown[] = []) =>
  (await h.db.database.query<{ n: number }>(sqlText, params))[0]!.n;

const auditOf = (requestId: string) =>
  h.db.database.query<{ action: string; outcome: string; record_ids: string[]; categories: string[] }>(
    'SELECT action, outcome, record_ids, categories FROM audit_events WHERE request_id = $1',
    [requestId],
  );

const cw = (over: Record<string, unknown> = {}) => ({
  kind: 'child_welfare',
  caseNumber: `CW-${Math.random().toString(36).slice(2, 10)}`,
  openedOn: '2025-09-01',
  ...over,
});

describe('opening, correcting and closing a case', () => {
  it('keeps every saved state in the history and audits each change', async () => {
    const worker = await h.as('worker');
    const youth = await heldYouth('Gala');
    const url = `/api/youth/${youth}/cases`;
    const opened = await worker.post(url, cw({ caseNumber: 'CW-2025-0001', assignedUserId: h.world.users.worker.id }));
    expect(opened.statusCode).toBe(201);
    const c = opened.json();
    expect(c).toMatchObject({
      kind: 'child_welfare',
      caseNumber: 'CW-2025-0001',
      county: 'Los Angeles County',
      organization: 'Test DCFS',
      openedOn: '2025-09-01',
      closedOn: null,
      closeReason: null,
      assignedUser: { id: h.world.users.worker.id, name: 'Test worker' },
      imported: false,
      version: 1,
      crossReportObligationId: null,
    });
    const openAudit = await auditOf(opened.headers['x-request-id'] as string);
    expect(openAudit).toEqual([
      expect.objectContaining({ action: 'case.open', outcome: 'allowed', record_ids: expect.arrayContaining([c.id]) }),
    ]);
    expect(openAudit[0]!.categories).toContain('identity');

    const edited = await worker.patch(`${url}/${c.id}`, {
      version: 1,
      caseNumber: 'CW-2025-0001A',
      openedOn: '2025-08-30',
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ caseNumber: 'CW-2025-0001A', openedOn: '2025-08-30', version: 2 });
    expect((await auditOf(edited.headers['x-request-id'] as string))[0]).toMatchObject({
      action: 'case.update',
      record_ids: expect.arrayContaining([c.id]),
    });

    const closed = await worker.post(`${url}/${c.id}/close`, {
      version: 2,
      closedOn: '2025-10-15',
      reason: 'Reunified with family',
    });
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({ closedOn: '2025-10-15', closeReason: 'Reunified with family', version: 3 });
    expect((await auditOf(closed.headers['x-request-id'] as string))[0]).toMatchObject({
      action: 'case.close',
      record_ids: expect.arrayContaining([c.id]),
    });

    const history = await worker.get(`${url}/${c.id}/history`);
    expect(history.statusCode).toBe(200);
    expect(history.json().entries).toEqual([
      expect.objectContaining({
        version: 3,
        changedBy: 'Test worker',
        caseNumber: 'CW-2025-0001A',
        closedOn: '2025-10-15',
        closeReason: 'Reunified with family',
        assignedUser: 'Test worker',
      }),
      expect.objectContaining({ version: 2, caseNumber: 'CW-2025-0001A', openedOn: '2025-08-30', closedOn: null }),
      expect.objectContaining({
        version: 1,
        kind: 'child_welfare',
        caseNumber: 'CW-2025-0001',
        openedOn: '2025-09-01',
        closedOn: null,
        closeReason: null,
      }),
    ]);
    expect(await count('SELECT count(*)::int AS n FROM case_history WHERE case_id = $1', [c.id])).toBe(3);
    const [row] = await h.db.database.query<{ updated_at: Date; created_at: Date; recorded_by: string }>(
      'SELECT updated_at, created_at, recorded_by FROM cases WHERE id = $1',
      [c.id],
    );
    expect(row!.recorded_by).toBe(h.world.users.worker.id);
    expect(new Date(row!.updated_at).getTime()).toBeGreaterThanOrEqual(new Date(row!.created_at).getTime());

    // Closing twice is a conflict; so is a stale version.
    const again = await worker.post(`${url}/${c.id}/close`, { version: 3, closedOn: '2025-10-16' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'case_closed', details: { closedOn: '2025-10-15' } });
    const stale = await worker.patch(`${url}/${c.id}`, { version: 2, caseNumber: 'CW-2025-0001B' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('stale_version');
    expect(await count('SELECT count(*)::int AS n FROM case_history WHERE case_id = $1', [c.id])).toBe(3);
  });

  it('lists cases newest first, imported ones included (with no agency and no worker)', async () => {
    const worker = await h.as('worker');
    const youth = await heldYouth('Hana');
    const [batch] = await h.db.database.query<{ id: string }>(
      `INSERT INTO import_batches (source) VALUES ('cli') RETURNING id`,
    );
    const [imported] = await h.db.database.query<{ id: string }>(
      `INSERT INTO cases (youth_id, county_id, organization_id, kind, external_id, opened_on, import_batch_id)
       VALUES ($1, $2, NULL, 'probation', 'PR-OLD-1', '2019-04-01', $3) RETURNING id`,
      [youth, h.world.counties.la, batch!.id],
    );
    // The importer's history row: no Harbor user saved it.
    await h.db.database.query(
      `INSERT INTO case_history (case_id, county_id, version, snapshot, import_batch_id)
       SELECT id, county_id, version, jsonb_build_object('kind', kind, 'caseNumber', external_id, 'openedOn', opened_on,
              'closedOn', closed_on, 'assignedUserId', assigned_user_id, 'closeReason', close_reason), $2
         FROM cases WHERE id = $1`,
      [imported!.id, batch!.id],
    );
    const mine = await worker.post(`/api/youth/${youth}/cases`, cw({ openedOn: '2025-01-10' }));
    expect(mine.statusCode).toBe(201);
    const list = await worker.get(`/api/youth/${youth}/cases`);
    expect(list.statusCode).toBe(200);
    expect(list.json().cases).toEqual([
      expect.objectContaining({ id: mine.json().id, imported: false, organization: 'Test DCFS' }),
      expect.objectContaining({
        kind: 'probation',
        caseNumber: 'PR-OLD-1',
        organization: null,
        assignedUser: null,
        imported: true,
        county: 'Los Angeles County',
      }),
    ]);
    const history = await worker.get(`/api/youth/${youth}/cases/${imported!.id}/history`);
    expect(history.json().entries).toEqual([
      {
        version: 1,
        changedAt: expect.any(String),
        changedBy: null,
        kind: 'probation',
        caseNumber: 'PR-OLD-1',
        openedOn: '2019-04-01',
        closedOn: null,
        assignedUser: null,
        closeReason: null,
      },
    ]);
  });

  it('puts a probation case with the probation department, whoever opens it', async () => {
    const youth = await heldYouth('Ines');
    const res = await (await h.as('worker')).post(`/api/youth/${youth}/cases`, cw({ kind: 'probation' }));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'probation', organization: 'Test Probation' });
  });

  it('refuses a case the county has no agency for', async () => {
    const res = await (
      await h.as('sdWorker')
    ).post(`/api/youth/${h.world.youth.diego}/cases`, cw({ kind: 'probation' }));
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('no_agency_for_case_kind');
  });
});

describe('the rules, each refusal writing nothing', () => {
  it('refuses a close before the opening, on closedOn', async () => {
    const worker = await h.as('worker');
    const youth = await heldYouth('Jade');
    const before = await count('SELECT count(*)::int AS n FROM cases');
    const histories = await count('SELECT count(*)::int AS n FROM case_history');
    const res = await worker.post(`/api/youth/${youth}/cases`, cw({ openedOn: '2025-05-10', closedOn: '2025-05-01' }));
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      { pointer: '/body/closedOn', code: 'end_before_start', params: { start: '2025-05-10' } },
    ]);
    expect(await count('SELECT count(*)::int AS n FROM cases')).toBe(before);
    expect(await count('SELECT count(*)::int AS n FROM case_history')).toBe(histories);

    const c = (await worker.post(`/api/youth/${youth}/cases`, cw({ openedOn: '2025-05-10' }))).json();
    const early = await worker.post(`/api/youth/${youth}/cases/${c.id}/close`, { version: 1, closedOn: '2025-05-09' });
    expect(early.statusCode).toBe(400);
    expect(early.json().errors[0]).toMatchObject({ pointer: '/body/closedOn', code: 'end_before_start' });
    const closed = await worker.post(`/api/youth/${youth}/cases/${c.id}/close`, { version: 1, closedOn: '2025-06-01' });
    expect(closed.statusCode).toBe(200);
    const late = await worker.patch(`/api/youth/${youth}/cases/${c.id}`, { version: 2, openedOn: '2025-07-01' });
    expect(late.statusCode).toBe(400);
    expect(late.json().errors[0]).toMatchObject({ pointer: '/body/openedOn', code: 'after_closed' });
    expect((await worker.get(`/api/youth/${youth}/cases/${c.id}/history`)).json().entries).toHaveLength(2);
  });

  it('refuses dates in the future or before 2000, and an empty change', async () => {
    const worker = await h.as('worker');
    const youth = await heldYouth('Kira');
    const future = await worker.post(`/api/youth/${youth}/cases`, cw({ openedOn: '2999-01-01' }));
    expect(future.statusCode).toBe(400);
    expect(future.json().errors[0]).toMatchObject({ pointer: '/body/openedOn', code: 'date_in_future' });
    expect((await worker.post(`/api/youth/${youth}/cases`, cw({ openedOn: '1999-12-31' }))).statusCode).toBe(400);
    expect((await worker.post(`/api/youth/${youth}/cases`, cw({ caseNumber: '' }))).statusCode).toBe(400);
    expect((await worker.post(`/api/youth/${youth}/cases`, cw({ caseNumber: 'x'.repeat(41) }))).statusCode).toBe(400);
    const c = (await worker.post(`/api/youth/${youth}/cases`, cw())).json();
    const empty = await worker.patch(`/api/youth/${youth}/cases/${c.id}`, { version: 1 });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().code).toBe('nothing_to_change');
  });

  it('refuses a second open case of the kind under one number, and a number another case of the county has', async () => {
    const worker = await h.as('worker');
    const youth = await heldYouth('Lena');
    const first = await worker.post(`/api/youth/${youth}/cases`, cw({ caseNumber: 'DUP-100' }));
    expect(first.statusCode).toBe(201);
    const twice = await worker.post(`/api/youth/${youth}/cases`, cw({ caseNumber: 'dup-100' }));
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('case_already_open');
    // Ana's seeded case holds this number: another youth's, compared whatever the letter case.
    const other = await worker.post(`/api/youth/${youth}/cases`, cw({ caseNumber: '1111-2222-3333-4444444' }));
    expect(other.statusCode).toBe(409);
    expect(other.json().code).toBe('case_number_taken');
    const second = (await worker.post(`/api/youth/${youth}/cases`, cw({ caseNumber: 'DUP-200' }))).json();
    const renamed = await worker.patch(`/api/youth/${youth}/cases/${second.id}`, { version: 1, caseNumber: 'Dup-100' });
    expect(renamed.statusCode).toBe(409);
    expect(renamed.json().code).toBe('case_already_open');
    expect(await count(`SELECT count(*)::int AS n FROM cases WHERE lower(external_id) = 'dup-100'`)).toBe(1);
  });

  it('answers 404 for a youth of another county, and 403 for a role that does not record', async () => {
    const worker = await h.as('worker');
    expect((await worker.post(`/api/youth/${h.world.youth.diego}/cases`, cw())).statusCode).toBe(404);
    expect((await worker.get(`/api/youth/${h.world.youth.diego}/cases`)).statusCode).toBe(404);
    const analyst = await h.as('analyst');
    const refused = await analyst.post(`/api/youth/${h.world.youth.ana}/cases`, cw());
    expect(refused.statusCode).toBe(403);
    const [anaCase] = await h.db.database.query<{ id: string }>('SELECT id FROM cases WHERE youth_id = $1', [
      h.world.youth.ana,
    ]);
    expect(
      (
        await analyst.post(`/api/youth/${h.world.youth.ana}/cases/${anaCase!.id}/close`, {
          version: 1,
          closedOn: '2025-12-01',
        })
      ).statusCode,
    ).toBe(403);
    // The advocate reads Ana's record but does not carry her case.
    const advocate = await h.as('advocate');
    expect((await advocate.get(`/api/youth/${h.world.youth.ana}/cases`)).statusCode).toBe(200);
    expect((await advocate.post(`/api/youth/${h.world.youth.ana}/cases`, cw())).statusCode).toBe(403);
    expect(await count('SELECT count(*)::int AS n FROM cases WHERE youth_id = $1', [h.world.youth.ana])).toBe(1);
  });

  it("assigns only an active worker of the county's agency of the case's kind", async () => {
    const worker = await h.as('worker');
    const youth = await heldYouth('Mila');
    const before = await count('SELECT count(*)::int AS n FROM cases');
    const elsewhere = await worker.post(`/api/youth/${youth}/cases`, cw({ assignedUserId: h.world.users.sdWorker.id }));
    expect(elsewhere.statusCode).toBe(400);
    expect(elsewhere.json().errors).toEqual([
      { pointer: '/body/assignedUserId', code: 'not_case_agency_worker', params: { kind: 'child_welfare' } },
    ]);
    const probationOfficer = await worker.post(
      `/api/youth/${youth}/cases`,
      cw({ assignedUserId: h.world.users.probation.id }),
    );
    expect(probationOfficer.statusCode).toBe(400);
    expect(await count('SELECT count(*)::int AS n FROM cases')).toBe(before);
    const ok = await worker.post(
      `/api/youth/${youth}/cases`,
      cw({ kind: 'probation', assignedUserId: h.world.users.probation.id }),
    );
    expect(ok.statusCode).toBe(201);
    const reassigned = await worker.patch(`/api/youth/${youth}/cases/${ok.json().id}`, {
      version: 1,
      assignedUserId: h.world.users.otherWorker.id,
    });
    expect(reassigned.statusCode).toBe(400);
    const cleared = await worker.patch(`/api/youth/${youth}/cases/${ok.json().id}`, {
      version: 1,
      assignedUserId: null,
    });
    expect(cleared.statusCode).toBe(200);
    expect(cleared.json().assignedUser).toBeNull();
  });
});

describe('the cross-report duty a child welfare case opens', () => {
  const duties = (youthId: string) =>
    h.db.database.query<{ id: string; source_kind: string; source_id: string; owner_user_id: string; due_at: Date }>(
      `SELECT id, source_kind, source_id, owner_user_id, due_at FROM obligations
        WHERE youth_id = $1 AND kind = 'cross_report_law_enforcement' ORDER BY created_at`,
      [youthId],
    );

  it('opens for a youth who holds a victim CSEC Type today, owned by the case worker, due in 24 hours', async () => {
    const youth = await heldYouth('Nora');
    await csecType(youth, 'victim_during_care', '2025-06-01');
    const supervisor = await h.as('supervisor');
    const before = Date.now();
    const res = await supervisor.post(
      `/api/youth/${youth}/cases`,
      cw({ assignedUserId: h.world.users.otherWorker.id }),
    );
    expect(res.statusCode).toBe(201);
    const id = res.json().crossReportObligationId as string;
    expect(id).toEqual(expect.any(String));
    const [duty, more] = await duties(youth);
    expect(more).toBeUndefined();
    expect(duty).toMatchObject({
      id,
      source_kind: 'case',
      source_id: res.json().id,
      owner_user_id: h.world.users.otherWorker.id,
    });
    const due = new Date(duty!.due_at).getTime();
    expect(due - before).toBeGreaterThanOrEqual(24 * 3_600_000 - 5_000);
    expect(due - before).toBeLessThanOrEqual(24 * 3_600_000 + 60_000);
    const [event] = await auditOf(res.headers['x-request-id'] as string);
    expect(event!.record_ids).toEqual(expect.arrayContaining([res.json().id, id]));
    expect(event!.categories).toEqual(expect.arrayContaining(['identity', 'exploitation']));

    // Already due: a second child welfare case does not open it twice.
    const second = await supervisor.post(`/api/youth/${youth}/cases`, cw());
    expect(second.json().crossReportObligationId).toBeNull();
    expect(await duties(youth)).toHaveLength(1);
  });

  it("without an assigned worker, belongs to the youth's child welfare worker", async () => {
    const youth = await heldYouth('Olga');
    await csecType(youth, 'victim_before_care', '2025-03-01');
    const res = await (await h.as('supervisor')).post(`/api/youth/${youth}/cases`, cw());
    expect(res.json().crossReportObligationId).toEqual(expect.any(String));
    expect((await duties(youth))[0]!.owner_user_id).toBe(h.world.users.worker.id);
  });

  it('does not open when the report was already made (met)', async () => {
    const youth = await heldYouth('Paz');
    await csecType(youth, 'victim_during_care', '2025-06-01');
    await h.db.database.query(
      `INSERT INTO obligations (county_id, youth_id, kind, source_kind, source_id, due_at, owner_user_id, owner_organization_id,
          status, met_at, met_by)
       VALUES ($1, $2, 'cross_report_law_enforcement', 'csec_type', gen_random_uuid(), now(), $3, $4, 'met', now(), $3)`,
      [h.world.counties.la, youth, h.world.users.worker.id, h.world.orgs.dcfs],
    );
    const res = await (await h.as('worker')).post(`/api/youth/${youth}/cases`, cw());
    expect(res.statusCode).toBe(201);
    expect(res.json().crossReportObligationId).toBeNull();
    expect(await duties(youth)).toHaveLength(1);
  });

  it('does not open for a probation case, a case already closed, an at-risk youth or an ended victim type', async () => {
    const worker = await h.as('worker');
    const victim = await heldYouth('Rosa');
    await csecType(victim, 'victim_during_care', '2025-06-01');
    const probation = await worker.post(`/api/youth/${victim}/cases`, cw({ kind: 'probation' }));
    expect(probation.statusCode).toBe(201);
    expect(probation.json().crossReportObligationId).toBeNull();
    const closedAlready = await worker.post(
      `/api/youth/${victim}/cases`,
      cw({ openedOn: '2025-06-02', closedOn: '2025-07-01' }),
    );
    expect(closedAlready.statusCode).toBe(201);
    expect(closedAlready.json().crossReportObligationId).toBeNull();
    expect(await duties(victim)).toEqual([]);
    // Closing on today still leaves the youth in care today: the duty opens.
    const today = await worker.post(
      `/api/youth/${victim}/cases`,
      cw({ openedOn: '2025-06-02', closedOn: countyToday() }),
    );
    expect(today.json().crossReportObligationId).toEqual(expect.any(String));

    const atRisk = await heldYouth('Sara');
    await csecType(atRisk, 'at_risk', '2025-06-01');
    expect((await worker.post(`/api/youth/${atRisk}/cases`, cw())).json().crossReportObligationId).toBeNull();

    const ended = await heldYouth('Tina');
    await csecType(ended, 'victim_during_care', '2025-01-01', '2025-02-01');
    await csecType(ended, 'at_risk', '2025-03-01');
    expect((await worker.post(`/api/youth/${ended}/cases`, cw())).json().crossReportObligationId).toBeNull();
    expect(await duties(atRisk)).toEqual([]);
    expect(await duties(ended)).toEqual([]);
  });
});
