// The data-quality queue: detection of every kind (once, idempotently, reopening and fixing as
// the data changes), the supervisors' list, CSV, review and fix, and who may see what.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATA_QUALITY_KINDS } from '../../src/contract/data-quality.js';
import { refreshDataQuality } from '../../src/features/data-quality/detect.js';
import { Builder } from '../../src/seed/builder.js';
import { startHarness, type Harness } from '../support/app.js';

let h: Harness;
const ids = {} as Record<
  'nameless' | 'noDob' | 'dupA' | 'dupB' | 'hana' | 'caseH' | 'sub' | 'absent' | 'order' | 'young' | 'loose' | 'sdSub',
  string
>;
/** Words that must never appear in the queue's answers: names and dates of birth of the fixtures. */
const SECRETS = [
  'Gina',
  'Flores',
  'José',
  'Jose',
  'Ramírez',
  'RAMIREZ',
  'Hana',
  'Ito',
  'Diego',
  '2010-06-01',
  '2011-01-01',
];

const sys = <T = Record<string, unknown>>(text: string, params: unknown[] = []) => h.db.database.query<T>(text, params);
const refresh = (countyId?: string) => refreshDataQuality(h.db.database.db, { countyId: countyId ?? null });

async function insertYouth(
  countyId: string,
  first: string | null,
  last: string | null,
  dob: string | null,
  cws?: string,
): Promise<string> {
  const [row] = await sys<{ id: string }>(
    'INSERT INTO youth (county_id, legal_first_name, legal_last_name, date_of_birth) VALUES ($1, $2, $3, $4) RETURNING id',
    [countyId, first, last, dob],
  );
  if (cws)
    await sys('INSERT INTO youth_identifiers (youth_id, county_id, system, value) VALUES ($1, $2, $3, $4)', [
      row!.id,
      countyId,
      'cws_cms',
      cws,
    ]);
  return row!.id;
}

/** An imported Type, as the state extract holds it: no Harbor user, gaps kept. */
async function insertType(
  youthId: string,
  countyId: string,
  t: { type: string; start: string; end?: string | null; subcategory?: string | null; caseId?: string | null },
): Promise<string> {
  const [row] = await sys<{ id: string }>(
    `INSERT INTO csec_type_records (youth_id, county_id, type, start_date, end_date, allegation_subcategory, source, case_id)
     VALUES ($1, $2, $3, $4, $5, $6, 'state_extract', $7) RETURNING id`,
    [
      youthId,
      countyId,
      t.type,
      t.start,
      t.end ?? null,
      t.subcategory === undefined ? 'Sex trafficking' : t.subcategory,
      t.caseId ?? null,
    ],
  );
  return row!.id;
}

const issueOf = async (kind: string, recordId: string) =>
  (
    await sys<{ id: string; status: string; version: number; resolved_by: string | null; details: unknown }>(
      'SELECT id, status, version, resolved_by, details FROM data_quality_issues WHERE kind = $1 AND record_id = $2',
      [kind, recordId],
    )
  )[0]!;

beforeAll(async () => {
  h = await startHarness();
  const { la, sd } = h.world.counties;
  const b = new Builder(h.db.database);
  ids.nameless = await insertYouth(la, null, null, '2009-05-05', '0100-0000-0000-0000001');
  ids.noDob = await insertYouth(la, 'Gina', 'Flores', null, '0200-0000-0000-0000002');
  ids.dupA = await insertYouth(la, 'José', 'Ramírez', '2011-01-01', '0300-0000-0000-0000003');
  ids.dupB = await insertYouth(la, 'JOSE', 'RAMIREZ', '2011-01-01');
  ids.hana = await insertYouth(la, 'Hana', 'Ito', '2010-06-01', '0500-0000-0000-0000005');
  ids.caseH = await b.case({
    youthId: ids.hana,
    countyId: la,
    organizationId: h.world.orgs.dcfs,
    kind: 'child_welfare',
    openedOn: '2017-01-01',
  });
  const c = { caseId: ids.caseH };
  ids.sub = await insertType(ids.hana, la, { type: 'at_risk', start: '2024-01-02', subcategory: null, ...c });
  ids.absent = await insertType(ids.hana, la, { type: 'victim_absent_from_placement', start: '2024-03-03', ...c });
  ids.order = await insertType(ids.hana, la, {
    type: 'victim_before_care',
    start: '2024-05-10',
    end: '2024-05-04',
    ...c,
  });
  ids.young = await insertType(ids.hana, la, {
    type: 'victim_during_care',
    start: '2018-02-02',
    end: '2018-03-03',
    ...c,
  });
  ids.loose = await insertType(ids.hana, la, {
    type: 'victim_closed_case_ilp',
    start: '2024-08-08',
    end: '2024-09-09',
  });
  ids.sdSub = await insertType(h.world.youth.diego, sd, {
    type: 'at_risk',
    start: '2025-04-04',
    subcategory: '  ',
    caseId: (await sys<{ id: string }>('SELECT id FROM cases WHERE youth_id = $1', [h.world.youth.diego]))[0]!.id,
  });
});
afterAll(() => h.close());

describe('detection', () => {
  it('finds every kind once, each on its record, with details that name no one', async () => {
    const first = await refresh();
    expect(first.fixed).toBe(0);
    const rows = await sys<{
      county_id: string;
      kind: string;
      record_kind: string;
      record_id: string;
      youth_id: string;
      other_youth_id: string | null;
      details: Record<string, unknown>;
      status: string;
    }>('SELECT * FROM data_quality_issues ORDER BY kind, record_id');
    expect(first.opened).toBe(rows.length);
    const la = rows.filter((r) => r.county_id === h.world.counties.la);
    const byKind = Object.fromEntries(DATA_QUALITY_KINDS.map((k) => [k, la.filter((r) => r.kind === k)]));
    for (const k of DATA_QUALITY_KINDS) expect(byKind[k]!.length, k).toBe(k === 'likely_duplicate' ? 2 : 1);
    const one = (k: string) => byKind[k]![0]!;
    expect(one('missing_subcategory')).toMatchObject({
      record_kind: 'csec_type',
      record_id: ids.sub,
      youth_id: ids.hana,
      details: { type: 'at_risk', startDate: '2024-01-02', clientId: '0500-0000-0000-0000005' },
    });
    expect(one('missing_end_date')).toMatchObject({
      record_id: ids.absent,
      details: { type: 'victim_absent_from_placement' },
    });
    expect(one('dates_out_of_order')).toMatchObject({
      record_id: ids.order,
      details: { startDate: '2024-05-10', endDate: '2024-05-04', reason: 'end_before_start' },
    });
    expect(one('age_out_of_range')).toMatchObject({ record_id: ids.young, details: { age: 7 } });
    expect(one('type_without_case_or_referral')).toMatchObject({ record_id: ids.loose });
    expect(one('missing_date_of_birth')).toMatchObject({
      record_kind: 'client',
      record_id: ids.noDob,
      details: { clientId: '0200-0000-0000-0000002' },
    });
    expect(one('missing_names')).toMatchObject({ record_kind: 'client', record_id: ids.nameless });
    const dups = byKind.likely_duplicate!;
    expect(new Set(dups.map((d) => d.record_id))).toEqual(new Set([ids.dupA, ids.dupB]));
    for (const d of dups) expect(d.other_youth_id).toBe(d.record_id === ids.dupA ? ids.dupB : ids.dupA);
    // San Diego's own: a blank subcategory.
    expect(rows.filter((r) => r.county_id === h.world.counties.sd).map((r) => [r.kind, r.record_id])).toEqual([
      ['missing_subcategory', ids.sdSub],
    ]);
    const text = JSON.stringify(rows);
    for (const s of SECRETS) expect(text).not.toContain(s);
    expect(rows.every((r) => r.status === 'open')).toBe(true);
  });

  it('opens nothing new when run again, for all counties or one', async () => {
    const before = await sys<{ n: number; v: number }>(
      'SELECT count(*)::int AS n, sum(version)::int AS v FROM data_quality_issues',
    );
    expect(await refresh()).toEqual({ opened: 0, fixed: 0 });
    expect(await refresh(h.world.counties.la)).toEqual({ opened: 0, fixed: 0 });
    // Nothing was rewritten either: the versions did not move.
    expect(await sys('SELECT count(*)::int AS n, sum(version)::int AS v FROM data_quality_issues')).toEqual(before);
  });

  it('fixes what the data cured, reopens what came back, leaves reviewed ones alone, one county at a time', async () => {
    const { la, sd } = h.world.counties;
    await sys('UPDATE csec_type_records SET case_id = $1 WHERE id = $2', [ids.caseH, ids.loose]);
    await sys("UPDATE csec_type_records SET allegation_subcategory = 'Sex trafficking' WHERE id = $1", [ids.sdSub]);
    // Only Los Angeles: San Diego's cured subcategory stays open until its own run.
    expect(await refresh(la)).toEqual({ opened: 0, fixed: 1 });
    expect(await issueOf('type_without_case_or_referral', ids.loose)).toMatchObject({
      status: 'fixed',
      resolved_by: null,
    });
    expect((await issueOf('missing_subcategory', ids.sdSub)).status).toBe('open');
    expect(await refresh(sd)).toEqual({ opened: 0, fixed: 1 });

    await sys('UPDATE csec_type_records SET case_id = NULL WHERE id = $1', [ids.loose]);
    await sys('UPDATE csec_type_records SET allegation_subcategory = NULL WHERE id = $1', [ids.sdSub]);
    expect(await refresh()).toEqual({ opened: 2, fixed: 0 });
    expect((await issueOf('type_without_case_or_referral', ids.loose)).status).toBe('open');
    expect((await issueOf('missing_subcategory', ids.sdSub)).status).toBe('open');

    await sys("UPDATE data_quality_issues SET status = 'reviewed' WHERE kind = 'missing_names'");
    await sys("UPDATE youth SET legal_first_name = 'Uno' WHERE id = $1", [ids.nameless]);
    expect(await refresh()).toEqual({ opened: 0, fixed: 0 });
    expect((await issueOf('missing_names', ids.nameless)).status).toBe('reviewed');
    await sys('UPDATE youth SET legal_first_name = NULL WHERE id = $1', [ids.nameless]);
    expect(await refresh()).toEqual({ opened: 0, fixed: 0 });
    expect((await issueOf('missing_names', ids.nameless)).status).toBe('reviewed');
    await sys("UPDATE data_quality_issues SET status = 'open' WHERE kind = 'missing_names'");
  });
});

describe('the queue through the API', () => {
  it('lists the county’s open issues with every kind counted, state ids and no names, audited', async () => {
    const supervisor = await h.as('supervisor');
    const res = await supervisor.get('/api/data-quality');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(Object.keys(body.counts).sort()).toEqual([...DATA_QUALITY_KINDS].sort());
    expect(body.counts).toMatchObject({ missing_subcategory: 1, likely_duplicate: 2, missing_names: 1 });
    expect(body.total).toBe(9);
    expect(body.items).toHaveLength(9);
    const kinds = body.items.map((i: { kind: string }) => i.kind);
    expect(kinds).toEqual([...kinds].sort());
    const sub = body.items.find((i: { kind: string }) => i.kind === 'missing_subcategory');
    expect(sub).toMatchObject({
      recordKind: 'csec_type',
      recordId: ids.sub,
      youthId: ids.hana,
      clientId: '0500-0000-0000-0000005',
      otherYouthId: null,
      status: 'open',
      version: 1,
    });
    const dupA = body.items.find((i: { recordId: string }) => i.recordId === ids.dupB);
    expect(dupA).toMatchObject({ otherYouthId: ids.dupA, otherClientId: '0300-0000-0000-0000003', clientId: null });
    for (const s of SECRETS) expect(res.body).not.toContain(s);
    const [event] = await sys<{ action: string; record_ids: string[]; categories: string[] }>(
      'SELECT action, record_ids, categories FROM audit_events WHERE request_id = $1',
      [res.headers['x-request-id']],
    );
    expect(event!.action).toBe('data_quality.list');
    expect(event!.record_ids).toEqual(expect.arrayContaining([ids.sub, ids.hana, ids.dupA, ids.dupB, ids.nameless]));
    expect(event!.categories.sort()).toEqual(['exploitation', 'identity']);
  });

  it('filters by kind and status, and pages', async () => {
    const supervisor = await h.as('supervisor');
    const dups = (await supervisor.get('/api/data-quality?kind=likely_duplicate')).json();
    expect(dups.total).toBe(2);
    expect(dups.items.every((i: { kind: string }) => i.kind === 'likely_duplicate')).toBe(true);
    const page = (await supervisor.get('/api/data-quality?status=all&limit=2&offset=2')).json();
    expect(page.items).toHaveLength(2);
    expect(page.total).toBe(9);
    expect((await supervisor.get('/api/data-quality?status=fixed')).json().total).toBe(0);
  });

  it('exports the same rows as CSV, with a header and no names or dates of birth', async () => {
    const supervisor = await h.as('supervisor');
    const res = await supervisor.get('/api/data-quality.csv?status=all');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    const lines = res.body.trim().split('\n');
    expect(lines[0]).toBe(
      'kind,status,client_id,other_client_id,record_kind,record_id,type,start_date,end_date,age,detected_at',
    );
    expect(lines).toHaveLength(10);
    expect(lines.find((l) => l.includes(ids.young))).toMatch(
      /^age_out_of_range,open,0500-0000-0000-0000005,,csec_type,[0-9a-f-]+,victim_during_care,2018-02-02,2018-03-03,7,/,
    );
    for (const s of SECRETS) expect(res.body).not.toContain(s);
    const only = await supervisor.get('/api/data-quality.csv?kind=missing_names');
    expect(only.body.trim().split('\n')).toHaveLength(2);
  });

  it('fixes a missing subcategory on the Type itself: fixed, the Type’s version up, audited', async () => {
    const supervisor = await h.as('supervisor');
    const issue = await issueOf('missing_subcategory', ids.sub);
    const stale = await supervisor.post(`/api/data-quality/${issue.id}/fix`, {
      version: 7,
      subcategory: 'Trafficking',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('stale_version');
    const res = await supervisor.post(`/api/data-quality/${issue.id}/fix`, {
      version: issue.version,
      subcategory: 'Sex trafficking',
      note: 'From the referral narrative',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      cured: true,
      opened: 0,
      issue: { status: 'fixed', note: 'From the referral narrative' },
    });
    expect(res.json().issue.resolvedAt).toEqual(expect.any(String));
    const [type] = await sys<{ allegation_subcategory: string; version: number }>(
      'SELECT allegation_subcategory, version FROM csec_type_records WHERE id = $1',
      [ids.sub],
    );
    expect(type).toEqual({ allegation_subcategory: 'Sex trafficking', version: 2 });
    expect((await issueOf('missing_subcategory', ids.sub)).resolved_by).toBe(h.world.users.supervisor.id);
    const [event] = await sys<{ action: string; record_ids: string[]; categories: string[]; outcome: string }>(
      'SELECT action, record_ids, categories, outcome FROM audit_events WHERE request_id = $1',
      [res.headers['x-request-id']],
    );
    expect(event).toMatchObject({ action: 'data_quality.fix', outcome: 'allowed' });
    expect(event!.record_ids).toEqual(expect.arrayContaining([issue.id, ids.sub, ids.hana]));
    expect(event!.categories).toContain('exploitation');
    // Settled: a second fix or a review is refused.
    const again = await supervisor.post(`/api/data-quality/${issue.id}/fix`, {
      version: res.json().issue.version,
      subcategory: 'Other',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'data_quality_issue_settled', details: { status: 'fixed' } });
  });

  it('refuses an end date before the start, writing nothing, then takes a right one', async () => {
    const supervisor = await h.as('supervisor');
    const issue = await issueOf('missing_end_date', ids.absent);
    const bad = await supervisor.post(`/api/data-quality/${issue.id}/fix`, {
      version: issue.version,
      endDate: '2024-03-01',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({
      code: 'csec_type_invalid',
      errors: [{ pointer: '/body/endDate', code: 'end_before_start' }],
    });
    expect((await sys('SELECT end_date::text FROM csec_type_records WHERE id = $1', [ids.absent]))[0]).toEqual({
      end_date: null,
    });
    const wrongField = await supervisor.post(`/api/data-quality/${issue.id}/fix`, {
      version: issue.version,
      subcategory: 'Other',
    });
    expect(wrongField.statusCode).toBe(400);
    expect(wrongField.json().errors).toEqual([{ pointer: '/body/subcategory', code: 'unknown_field' }]);
    const none = await supervisor.post(`/api/data-quality/${issue.id}/fix`, { version: issue.version });
    expect(none.statusCode).toBe(400);
    expect(none.json().errors).toEqual([{ pointer: '/body/endDate', code: 'required' }]);
    const ok = await supervisor.post(`/api/data-quality/${issue.id}/fix`, {
      version: issue.version,
      endDate: '2024-03-20',
    });
    expect(ok.json()).toMatchObject({ cured: true, issue: { status: 'fixed' } });
  });

  it('fixes dates out of order with the end date', async () => {
    const supervisor = await h.as('supervisor');
    const issue = await issueOf('dates_out_of_order', ids.order);
    const ok = await supervisor.post(`/api/data-quality/${issue.id}/fix`, {
      version: issue.version,
      endDate: '2024-06-01',
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().cured).toBe(true);
  });

  it('keeps an age out of range open when the new date of birth does not cure it, and says so', async () => {
    const supervisor = await h.as('supervisor');
    const issue = await issueOf('age_out_of_range', ids.young);
    const still = await supervisor.post(`/api/data-quality/${issue.id}/fix`, {
      version: issue.version,
      dateOfBirth: '2009-01-01',
    });
    expect(still.statusCode).toBe(200);
    expect(still.json()).toMatchObject({ cured: false, issue: { status: 'open', details: { age: 9 } } });
    expect((await sys('SELECT date_of_birth::text FROM youth WHERE id = $1', [ids.hana]))[0]).toEqual({
      date_of_birth: '2009-01-01',
    });
    const cured = await supervisor.post(`/api/data-quality/${issue.id}/fix`, {
      version: still.json().issue.version,
      dateOfBirth: '2005-01-01',
    });
    expect(cured.json()).toMatchObject({ cured: true, issue: { status: 'fixed' } });
    const [event] = await sys<{ categories: string[] }>('SELECT categories FROM audit_events WHERE request_id = $1', [
      cured.headers['x-request-id'],
    ]);
    expect(event!.categories).toEqual(['identity']);
  });

  it('fixes a missing date of birth; refuses kinds fixed elsewhere with a code that says where', async () => {
    const supervisor = await h.as('supervisor');
    const dob = await issueOf('missing_date_of_birth', ids.noDob);
    const future = await supervisor.post(`/api/data-quality/${dob.id}/fix`, {
      version: dob.version,
      dateOfBirth: '2999-01-01',
    });
    expect(future.statusCode).toBe(400);
    const ok = await supervisor.post(`/api/data-quality/${dob.id}/fix`, {
      version: dob.version,
      dateOfBirth: '2012-02-02',
    });
    expect(ok.json()).toMatchObject({ cured: true });
    for (const [kind, record] of [
      ['type_without_case_or_referral', ids.loose],
      ['missing_names', ids.nameless],
      ['likely_duplicate', ids.dupA],
    ] as const) {
      const issue = await issueOf(kind, record);
      const res = await supervisor.post(`/api/data-quality/${issue.id}/fix`, {
        version: issue.version,
        endDate: '2025-01-01',
      });
      expect(res.statusCode, kind).toBe(400);
      expect(res.json()).toMatchObject({ code: 'data_quality_not_fixable_here', details: { kind } });
    }
  });

  it('marks an issue reviewed with a note, once', async () => {
    const supervisor = await h.as('supervisor');
    const issue = await issueOf('likely_duplicate', ids.dupA);
    const res = await supervisor.post(`/api/data-quality/${issue.id}/review`, {
      version: issue.version,
      note: 'Twins: different people',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'reviewed',
      note: 'Twins: different people',
      version: issue.version + 1,
    });
    expect((await issueOf('likely_duplicate', ids.dupA)).resolved_by).toBe(h.world.users.supervisor.id);
    const again = await supervisor.post(`/api/data-quality/${issue.id}/review`, { version: issue.version + 1 });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('data_quality_issue_settled');
    // Detection leaves it reviewed.
    expect((await refresh()).opened).toBe(0);
    expect((await issueOf('likely_duplicate', ids.dupA)).status).toBe('reviewed');
  });

  it('answers bad input with 4xx and writes nothing', async () => {
    const supervisor = await h.as('supervisor');
    const issue = await issueOf('missing_names', ids.nameless);
    for (const url of [
      '/api/data-quality?limit=501',
      '/api/data-quality?limit=0',
      '/api/data-quality?offset=-1',
      '/api/data-quality?kind=nope',
      '/api/data-quality?status=closed',
      '/api/data-quality?unknown=1',
      '/api/data-quality.csv?kind=%00',
    ])
      expect((await supervisor.get(url)).statusCode, url).toBe(400);
    const before = await sys('SELECT status, version, note FROM data_quality_issues ORDER BY id');
    const review = `/api/data-quality/${issue.id}/review`;
    for (const body of [
      {},
      { version: 0 },
      { version: 'one' },
      { version: issue.version, note: 'bell\u0007' },
      { version: issue.version, note: 'x'.repeat(2001) },
      { version: issue.version, extra: true },
    ])
      expect((await supervisor.post(review, body)).statusCode, JSON.stringify(body).slice(0, 60)).toBe(400);
    expect((await supervisor.post('/api/data-quality/not-an-id/review', { version: 1 })).statusCode).toBe(400);
    expect(
      (await supervisor.post('/api/data-quality/4b0c3e1e-0000-4000-8000-00000000abcd/review', { version: 1 }))
        .statusCode,
    ).toBe(404);
    const fix = await issueOf('missing_subcategory', ids.sdSub);
    expect(fix).toBeDefined();
    expect(await sys('SELECT status, version, note FROM data_quality_issues ORDER BY id')).toEqual(before);
  });
});

describe('who works the queue', () => {
  it('refuses caseworkers, analysts and administrators', async () => {
    const issue = await issueOf('missing_names', ids.nameless);
    for (const who of ['worker', 'analyst', 'admin', 'advocate', 'auditor'] as const) {
      const c = await h.as(who);
      expect((await c.get('/api/data-quality')).statusCode, who).toBe(403);
      expect((await c.get('/api/data-quality.csv')).statusCode, who).toBe(403);
      expect((await c.post(`/api/data-quality/${issue.id}/review`, { version: issue.version })).statusCode, who).toBe(
        403,
      );
      expect(
        (await c.post(`/api/data-quality/${issue.id}/fix`, { version: issue.version, subcategory: 'Sex trafficking' }))
          .statusCode,
        who,
      ).toBe(403);
    }
    expect((await issueOf('missing_names', ids.nameless)).status).toBe('open');
  });

  it('keeps each county’s queue to itself: San Diego sees only its own and 404 for Los Angeles’ ids', async () => {
    const sdSupervisor = await h.as('sdSupervisor');
    const list = (await sdSupervisor.get('/api/data-quality?status=all')).json();
    expect(list.items.map((i: { recordId: string }) => i.recordId)).toEqual([ids.sdSub]);
    expect(list.counts).toMatchObject({ missing_subcategory: 1, likely_duplicate: 0, missing_names: 0 });
    const csv = await sdSupervisor.get('/api/data-quality.csv?status=all');
    expect(csv.body.trim().split('\n')).toHaveLength(2);
    expect(csv.body).not.toContain(ids.hana);
    const la = await issueOf('missing_names', ids.nameless);
    expect((await sdSupervisor.post(`/api/data-quality/${la.id}/review`, { version: la.version })).statusCode).toBe(
      404,
    );
    const laType = await issueOf('type_without_case_or_referral', ids.loose);
    expect(
      (
        await sdSupervisor.post(`/api/data-quality/${laType.id}/fix`, {
          version: laType.version,
          subcategory: 'Sex trafficking',
        })
      ).statusCode,
    ).toBe(404);
    expect((await issueOf('missing_names', ids.nameless)).status).toBe('open');
    // And Los Angeles sees nothing of San Diego's.
    const laList = (await (await h.as('supervisor')).get('/api/data-quality?status=all')).json();
    expect(laList.items.map((i: { recordId: string }) => i.recordId)).not.toContain(ids.sdSub);
    const sdIssue = await issueOf('missing_subcategory', ids.sdSub);
    expect(
      (
        await (
          await h.as('supervisor')
        ).post(`/api/data-quality/${sdIssue.id}/fix`, { version: sdIssue.version, subcategory: 'Sex trafficking' })
      ).statusCode,
    ).toBe(404);
    // The San Diego supervisor fixes their own.
    const own = await sdSupervisor.post(`/api/data-quality/${sdIssue.id}/fix`, {
      version: sdIssue.version,
      subcategory: 'Sex trafficking',
    });
    expect(own.json()).toMatchObject({ cured: true });
  });
});
