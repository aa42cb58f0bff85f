// Lists that scale (issue 14, findings 2 and 3): "My youth" pages on the server with its true
// total, sorts, and exports CSV; "Who viewed this record" shows one line per person per visit,
// with filters, paging, the total, CSV and the county time zone. Bad paging input is a 400.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countyToday } from '../../src/contract/primitives.js';
import { startHarness, type Client, type Harness } from '../support/app.js';

let h: Harness;
/** The 25 youth otherWorker creates (and so is assigned), by id; with Bruno (the world's) 26. */
const created: string[] = [];

const LAST_NAMES =
  'Abbott Baker Castillo Dunn Ellis Flores Garcia Hale Ibarra Jones Kim Lopez Moreno Nash Ortiz Park Quinn Reyes Soto Tran Ueda Vega Wells Xu Young'.split(
    ' ',
  );

beforeAll(async () => {
  h = await startHarness();
  const c = await h.as('otherWorker');
  for (const [i, last] of LAST_NAMES.entries()) {
    const res = await c.post('/api/youth', {
      legalFirstName: `Test${i}`,
      legalLastName: last,
      // Born in 2008 to 2012, not in name order, so the two sorts differ.
      dateOfBirth: `${2008 + ((i * 7) % 5)}-0${1 + (i % 9)}-1${i % 10}`,
      spaNumber: 1 + (i % 8),
    });
    expect(res.statusCode, res.body).toBe(201);
    created.push(res.json().id as string);
  }
}, 120_000);
afterAll(() => h.close());

interface CaseloadBody {
  youth: { id: string; name: string; dateOfBirth: string; spaNumber: number; relations: string[] }[];
  total: number;
  limit: number;
  offset: number;
}
const caseload = async (c: Client, query = '') => {
  const res = await c.get(`/api/caseload${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as CaseloadBody;
};

describe('GET /api/caseload ("My youth")', () => {
  it('gives a worker with 26 youth the true total and two pages of 25 and 1', async () => {
    const c = await h.as('otherWorker');
    const first = await caseload(c);
    expect(first).toMatchObject({ total: 26, limit: 25, offset: 0 });
    expect(first.youth).toHaveLength(25);
    expect(first.youth.every((y) => y.relations.includes('assigned'))).toBe(true);
    const second = await caseload(c, '?offset=25');
    expect(second).toMatchObject({ total: 26, offset: 25 });
    expect(second.youth).toHaveLength(1);
    const all = [...first.youth, ...second.youth].map((y) => y.id);
    expect(new Set(all).size).toBe(26);
    expect(new Set(all)).toEqual(new Set([...created, h.world.youth.bruno]));
    // Sorted by name (last name first): Abbott ... Zamora.
    expect(first.youth[0]!.name).toBe('Test0 Abbott');
    expect(second.youth[0]!.name).toBe('Test24 Young');
    // Past the end: an empty page, the total still true.
    expect(await caseload(c, '?offset=100')).toMatchObject({ total: 26, youth: [] });
  });

  it('gives the auditor, who has no assignments, 0 and no youth', async () => {
    const body = await caseload(await h.as('auditor'));
    expect(body).toEqual({ youth: [], total: 0, limit: 25, offset: 0 });
  });

  it("counts a supervisor's team's youth, and leaves out youth the organization merely holds", async () => {
    // The world's supervisor supervises the worker (who holds Ana), and DCFS holds Bruno's case.
    const body = await caseload(await h.as('supervisor'), '?limit=100');
    const ids = body.youth.map((y) => y.id);
    expect(ids).toContain(h.world.youth.ana);
    expect(ids).not.toContain(h.world.youth.bruno);
    expect(body.total).toBe(body.youth.length);
    expect(body.youth.find((y) => y.id === h.world.youth.ana)!.relations).toEqual(['supervises']);
  });

  it('sorts by name, date of birth or service area, either way, with stable pages', async () => {
    const c = await h.as('otherWorker');
    const desc = await caseload(c, '?sort=name&dir=desc&limit=3');
    expect(desc.youth.map((y) => y.name)).toEqual(['Test24 Young', 'Test23 Xu', 'Test22 Wells']);
    const byDob = await caseload(c, '?sort=dateOfBirth&limit=100');
    const dobs = byDob.youth.map((y) => y.dateOfBirth);
    expect(dobs).toEqual([...dobs].sort());
    const byDobDesc = await caseload(c, '?sort=dateOfBirth&dir=desc&limit=100');
    expect(byDobDesc.youth.map((y) => y.dateOfBirth)).toEqual([...dobs].reverse());
    const bySpa = await caseload(c, '?sort=spa&dir=desc&limit=100');
    const spas = bySpa.youth.map((y) => y.spaNumber);
    expect(spas).toEqual([...spas].sort((a, b) => b - a));
    // Pages of 5 walk the whole list once, in the order of one page of 100.
    const walked: string[] = [];
    for (let offset = 0; offset < 26; offset += 5)
      walked.push(...(await caseload(c, `?sort=spa&dir=desc&limit=5&offset=${offset}`)).youth.map((y) => y.id));
    expect(walked).toEqual(bySpa.youth.map((y) => y.id));
  });

  it.each([
    ['limit=-1', '/query/limit'],
    ['limit=0', '/query/limit'],
    ['limit=101', '/query/limit'],
    ['limit=1e400', '/query/limit'],
    ['limit=2.5', '/query/limit'],
    ['limit=%00', '/query/limit'],
    ['limit=abc', '/query/limit'],
    ['offset=-5', '/query/offset'],
    ['offset=99999999999999999999', '/query/offset'],
    ['offset=%00', '/query/offset'],
    ['sort=age%00', '/query/sort'],
    ['sort=password', '/query/sort'],
    ['dir=sideways', '/query/dir'],
    ['unknown=1', '/query/unknown'],
  ])('answers 400, not 500, to %s', async (query, pointer) => {
    const res = await (await h.as('otherWorker')).get(`/api/caseload?${query}`);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().errors[0].pointer).toBe(pointer);
  });

  it('exports the whole caseload as CSV, in the order asked for, formulas neutralized', async () => {
    const c = await h.as('otherWorker');
    // A youth whose name a spreadsheet would run as a formula.
    const evil = await c.post('/api/youth', {
      legalFirstName: '=HYPERLINK("http://example.invalid")',
      legalLastName: '@Aardvark',
      dateOfBirth: '2011-01-01',
    });
    expect(evil.statusCode, evil.body).toBe(201);
    try {
      const res = await c.get('/api/caseload.csv?sort=name&dir=asc');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/csv/);
      expect(res.headers['content-disposition']).toMatch(/attachment; filename="harbor-my-youth\.csv"/);
      const lines = res.body
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
      expect(lines[0]).toBe(
        'Name,Legal name,State client id,Date of birth,Service planning area,On your caseload because',
      );
      expect(lines).toHaveLength(1 + 27);
      // "@Aardvark" sorts first and is neutralized; no cell starts with = or @.
      expect(lines[1]).toMatch(/^"?'=HYPERLINK/);
      expect(lines.slice(1).every((l) => !/(^|,)"?[=@+]/.test(l))).toBe(true);
      expect(lines.at(-1)).toMatch(/^Test24 Young,/);
      expect(lines.at(-1)).toMatch(/assigned to you\r?$/);
      const es = await c.get('/api/caseload.csv?lang=es');
      expect(es.body).toContain('Fecha de nacimiento');
    } finally {
      // Keep the caseload at 26 for the other tests (an assignment ends, the youth stays).
      await h.db.database.query('UPDATE assignments SET ends_at = now() WHERE youth_id = $1', [evil.json().id]);
    }
  });

  it('gives the auditor an empty CSV with its header, and refuses analysts', async () => {
    const res = await (await h.as('auditor')).get('/api/caseload.csv');
    expect(res.statusCode).toBe(200);
    expect(
      res.body
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n'),
    ).toHaveLength(1);
    expect((await (await h.as('analyst')).get('/api/caseload')).statusCode).toBe(403);
    expect((await (await h.as('analyst')).get('/api/caseload.csv')).statusCode).toBe(403);
  });

  it('is audited, naming the youth listed', async () => {
    const res = await (await h.as('otherWorker')).get('/api/caseload?limit=2');
    const [event] = await h.db.database.query<{ action: string; record_ids: string[]; details: { total: number } }>(
      'SELECT action, record_ids, details FROM audit_events WHERE request_id = $1',
      [res.headers['x-request-id']],
    );
    expect(event).toMatchObject({ action: 'youth.caseload', details: expect.objectContaining({ total: 26 }) });
    expect(event!.record_ids).toEqual(res.json().youth.map((y: { id: string }) => y.id));
  });
});

interface Visit {
  start: string;
  end: string;
  actor: { id: string; name: string; organization: string | null; roles: string[] } | null;
  viewed: string[];
  changed: string[];
  refused: string[];
  categories: string[];
  events: number;
}
interface LogBody {
  visits: Visit[];
  total: number;
  limit: number;
  offset: number;
  people: { id: string; name: string }[];
  organizations: { id: string; name: string }[];
  visitGapMinutes: number;
  timeZone: string;
}

describe('GET /api/youth/:id/access-log (visits)', () => {
  let youth: string;
  const log = async (query = '', who: 'supervisor' | 'auditor' = 'supervisor') => {
    const res = await (await h.as(who)).get(`/api/youth/${youth}/access-log${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as LogBody;
  };
  /** Shifts one user's events on the youth back in time (the trigger stamps `at` itself). */
  const backdate = async (userId: string, minutes: number) => {
    const db = h.db.database;
    await db.query('ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update');
    try {
      await db.query(
        `UPDATE audit_events SET at = at - make_interval(mins => $3) WHERE youth_id = $1 AND actor_user_id = $2`,
        [youth, userId, minutes],
      );
    } finally {
      await db.query('ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update');
    }
  };

  beforeAll(async () => {
    youth = created[0]!;
    const w = await h.as('otherWorker');
    // One visit two days ago: the record and its lists, a change.
    for (const path of ['', '/cases', '/mdt', '/safety-plans', '/placements'])
      expect((await w.get(`/api/youth/${youth}${path}`)).statusCode).toBe(200);
    expect((await w.patch(`/api/youth/${youth}`, { version: 1, pronouns: 'they/them' })).statusCode).toBe(200);
    await backdate(h.world.users.otherWorker.id, 2 * 24 * 60);
    // And one visit now: the profile again, as a browser opens it (about a dozen sub-reads).
    for (const path of [
      '',
      '/cases',
      '/csec-types',
      '/mdt',
      '/safety-plans',
      '/placements',
      '/services',
      '/obligations',
    ])
      expect((await w.get(`/api/youth/${youth}${path}`)).statusCode).toBe(200);
    // Someone with no relation: refused, one visit of their own.
    expect((await (await h.as('worker')).get(`/api/youth/${youth}`)).statusCode).toBe(404);
  });

  it('folds the sub-reads of a profile opening into one visit per person, newest first', async () => {
    await log(); // the supervisor's own look at the log is recorded after it is read
    const body = await log();
    expect(body.visitGapMinutes).toBe(10);
    expect(body.timeZone).toBe('America/Los_Angeles');
    const worker = body.visits.filter((v) => v.actor?.id === h.world.users.otherWorker.id);
    // Two visits (now, and two days ago), not 8 + 6 rows (creation is in the older one).
    expect(worker).toHaveLength(2);
    const [recent, older] = worker;
    expect(recent!.viewed).toEqual([
      'record',
      'cases',
      'placements',
      'services',
      'csec_types',
      'safety_plans',
      'mdt',
      'obligations',
    ]);
    expect(recent!.events).toBe(8);
    expect(recent!.changed).toEqual([]);
    expect(older!.viewed).toEqual(expect.arrayContaining(['record', 'cases', 'mdt']));
    expect(older!.changed).toEqual(['record']);
    expect(Date.parse(recent!.start)).toBeGreaterThan(Date.parse(older!.end));
    // The refused colleague: one line, refused the record.
    const refused = body.visits.find((v) => v.actor?.id === h.world.users.worker.id);
    expect(refused).toMatchObject({ viewed: [], changed: [], refused: ['record'] });
    // Newest first: the supervisor's own look at the log is at the top.
    expect(body.visits[0]!.actor?.id).toBe(h.world.users.supervisor.id);
    expect(body.visits[0]!.viewed).toEqual(['access_log']);
    const starts = body.visits.map((v) => Date.parse(v.start));
    expect(starts).toEqual([...starts].sort((a, b) => b - a));
    // Never a raw action code.
    expect(JSON.stringify(body.visits)).not.toMatch(/mdt\.read|youth\.read|\.list"/);
    expect(body.total).toBe(body.visits.length);
  });

  it('starts a new visit after a pause of more than 10 minutes, not before', async () => {
    const w = await h.as('otherWorker');
    const before = (await log(`?person=${h.world.users.otherWorker.id}`)).total;
    await w.get(`/api/youth/${youth}/cases`);
    expect((await log(`?person=${h.world.users.otherWorker.id}`)).total).toBe(before);
    // Push every earlier event of the worker back 11 minutes: the next read is a new visit.
    await backdate(h.world.users.otherWorker.id, 11);
    await w.get(`/api/youth/${youth}/cases`);
    expect((await log(`?person=${h.world.users.otherWorker.id}`)).total).toBe(before + 1);
  });

  it('filters by person, organization, action and county dates, and lists the options', async () => {
    const all = await log('?limit=100');
    expect(all.people.map((p) => p.id)).toEqual(
      expect.arrayContaining([h.world.users.otherWorker.id, h.world.users.worker.id, h.world.users.supervisor.id]),
    );
    expect(all.organizations.map((o) => o.id)).toContain(h.world.orgs.dcfs);

    const byPerson = await log(`?person=${h.world.users.worker.id}`);
    expect(byPerson.total).toBe(1);
    expect(byPerson.visits[0]!.actor?.id).toBe(h.world.users.worker.id);

    const byOrg = await log(`?organization=${h.world.orgs.dcfs}&limit=100`);
    expect(byOrg.total).toBe(all.total); // everyone here works at DCFS
    const nobody = await log(`?organization=00000000-0000-4000-8000-000000000000`);
    expect(nobody).toMatchObject({ total: 0, visits: [] });

    const changed = await log('?action=changed&limit=100');
    expect(changed.visits.length).toBeGreaterThan(0);
    expect(changed.visits.every((v) => v.changed.length > 0)).toBe(true);
    const refused = await log('?action=refused');
    expect(refused.visits.map((v) => v.actor?.id)).toEqual([h.world.users.worker.id]);

    const today = countyToday();
    const recent = await log(`?from=${today}&to=${today}&limit=100`);
    expect(recent.visits.every((v) => v.changed.length === 0)).toBe(true); // the change was two days ago
    const past = await log(`?to=${shift(today, -1)}&limit=100`);
    expect(past.visits.length).toBeGreaterThan(0);
    expect(past.visits.every((v) => v.actor?.id === h.world.users.otherWorker.id)).toBe(true);
  });

  it('pages with the true total and sorts oldest first on request', async () => {
    const all = await log('?limit=100');
    expect(all.total).toBeGreaterThan(3);
    const first = await log('?limit=2');
    const second = await log('?limit=2&offset=2');
    expect(first.visits).toHaveLength(2);
    expect(second.total).toBe(all.total);
    expect(second.visits[0]).toEqual(all.visits[2]);
    const oldest = await log('?dir=asc&limit=1');
    expect(oldest.visits[0]!.actor?.id).toBe(h.world.users.otherWorker.id);
    expect(oldest.visits[0]!.changed).toEqual(['record']);
    const byPerson = await log('?sort=person&dir=asc&limit=100');
    const names = byPerson.visits.map((v) => v.actor?.name ?? '~');
    expect(names).toEqual([...names].sort());
  });

  it.each([
    ['limit=-1', '/query/limit'],
    ['limit=100000', '/query/limit'],
    ['offset=%00', '/query/offset'],
    ['person=%00', '/query/person'],
    ['organization=not-an-id', '/query/organization'],
    ['action=mdt.read', '/query/action'],
    ['from=2026-02-30', '/query/from'],
    ['from=2026-03-02&to=2026-03-01', '/query/to'],
    ['sort=at%00', '/query/sort'],
  ])('answers 400, not 500, to %s', async (query, pointer) => {
    const res = await (await h.as('supervisor')).get(`/api/youth/${youth}/access-log?${query}`);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().errors[0].pointer).toBe(pointer);
  });

  it('exports the visits as CSV with county time and the zone, in words, never codes', async () => {
    await log('', 'auditor'); // so the auditor's own visit exists before the export is read
    const res = await (await h.as('auditor')).get(`/api/youth/${youth}/access-log.csv`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'Started (Pacific time),Ended (Pacific time),Person,Roles,Agency,Viewed,Changed,Refused,Information,Requests',
    );
    expect(lines.length).toBe(1 + (await log('', 'auditor')).total);
    expect(lines[1]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} P[SD]T,/);
    expect(res.body).toContain('Test otherWorker');
    expect(res.body).toContain('the record; cases');
    expect(res.body).not.toMatch(/mdt\.read|youth\.read/);
    const es = await (await h.as('auditor')).get(`/api/youth/${youth}/access-log.csv?lang=es&action=refused`);
    expect(es.body).toContain('Inicio (hora del Pacífico)');
    expect(es.body).toContain('el expediente');
  });

  it('is audited, and still refused to caseworkers', async () => {
    const res = await (await h.as('supervisor')).get(`/api/youth/${youth}/access-log?action=viewed`);
    const [event] = await h.db.database.query<{ action: string; youth_id: string }>(
      'SELECT action, youth_id FROM audit_events WHERE request_id = $1',
      [res.headers['x-request-id']],
    );
    expect(event).toEqual({ action: 'youth.access_log.read', youth_id: youth });
    const worker = await h.as('otherWorker');
    expect((await worker.get(`/api/youth/${youth}/access-log`)).statusCode).toBe(403);
    expect((await worker.get(`/api/youth/${youth}/access-log.csv`)).statusCode).toBe(403);
    expect((await (await h.as('sdSupervisor')).get(`/api/youth/${youth}/access-log.csv`)).statusCode).toBe(404);
  });
});

/** YYYY-MM-DD plus `days`. */
function shift(day: string, days: number): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
