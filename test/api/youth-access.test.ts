// Who may see a youth's record, and who must not. Every "must not" answers 404, the same as a
// record that does not exist, so nobody learns that a youth is known elsewhere.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/app.js';
import type { Who } from '../support/world.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const open = async (who: Who, youth: keyof Harness['world']['youth']) =>
  (await h.as(who)).get(`/api/youth/${h.world.youth[youth]}`);

describe('GET /api/youth/:id', () => {
  it('serves the assigned worker the whole record, placement location included in the grant', async () => {
    const res = await open('worker', 'ana');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      legalFirstName: 'Anaís',
      preferredName: 'Ana',
      phone: '+12135550101',
      aliases: ['Nani'],
    });
    expect(body.hiddenCategories).toEqual([]);
    expect(body.permissions).toEqual({ canEdit: true, canViewAccessLog: false });
  });

  it("serves the worker's supervisor, and the supervisor's supervisor, through the chain", async () => {
    expect((await open('supervisor', 'ana')).statusCode).toBe(200);
    const res = await open('director', 'ana');
    expect(res.statusCode).toBe(200);
    expect(res.json().permissions.canViewAccessLog).toBe(true);
  });

  it('gives the advocate only the categories advocates hold: no placement address, no health', async () => {
    const res = await open('advocate', 'ana');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.legalLastName).toBe('Quintero');
    expect(body.phone).toBe('+12135550101');
    expect(body.hiddenCategories).toEqual(
      expect.arrayContaining(['placement_location', 'health', 'mental_health', 'substance_use', 'court']),
    );
    expect(body.permissions.canEdit).toBe(false);
  });

  it('gives an auditor of the organization identity only', async () => {
    const res = await open('auditor', 'ana');
    expect(res.statusCode).toBe(200);
    expect(res.json().phone).toBeUndefined();
    expect(res.json().hiddenCategories).toContain('contact_location');
  });

  const mustNotSee: [Who, keyof Harness['world']['youth'], string][] = [
    ['otherWorker', 'ana', 'a colleague with no relation to the youth'],
    ['probation', 'ana', 'another agency with no case, referral or assignment'],
    ['otherAdvocate', 'ana', 'an advocate at another CBO'],
    ['analyst', 'ana', 'a county analyst (aggregates only)'],
    ['admin', 'ana', 'a county administrator'],
    ['state', 'ana', 'a state analyst'],
    ['sdWorker', 'ana', 'a worker in another county'],
    ['sdSupervisor', 'ana', 'a supervisor in another county'],
    ['worker', 'diego', 'a worker asking for a youth in another county'],
    ['worker', 'elena', 'a worker whose assignment has ended'],
    ['supervisor', 'carla', "a supervisor asking for another agency's youth"],
  ];
  it.each(mustNotSee)('answers 404 to %s for %s (%s)', async (who, youth) => {
    const res = await open(who, youth);
    expect(res.statusCode).toBe(404);
    expect(res.json().detail).toMatch(/no youth with that id was found, or you do not have access/i);
    expect(res.body).not.toMatch(/Quintero|Anaís|Diego|Elena/);
  });

  it('answers 404 for an id that does not exist, exactly as for one the user may not see', async () => {
    const worker = await h.as('worker');
    const missing = await worker.get('/api/youth/00000000-0000-4000-8000-000000000000');
    const hidden = await worker.get(`/api/youth/${h.world.youth.bruno}`);
    expect(missing.statusCode).toBe(404);
    expect(hidden.statusCode).toBe(404);
    expect(missing.json().detail).toBe(hidden.json().detail);
    // Something that is not an id at all is refused at the edge (it names no record, so it reveals nothing).
    const malformed = await worker.get('/api/youth/not-a-uuid');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().errors[0]).toMatchObject({ pointer: '/params/id', code: 'invalid_uuid' });
  });

  it('answers 401 without a session', async () => {
    const res = await h.anonymous.get(`/api/youth/${h.world.youth.ana}`);
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'unauthorized', requestId: expect.any(String) });
  });

  it('lets an organization-wide supervisor see youth the organization holds a case for', async () => {
    // The supervisor supervises nobody holding Bruno, but DCFS holds Bruno's open case.
    const res = await open('supervisor', 'bruno');
    expect(res.statusCode).toBe(200);
    expect(res.json().hiddenCategories).toEqual(
      expect.arrayContaining(['contact_location', 'placement_location', 'health']),
    );
    expect(res.json().permissions.canEdit).toBe(false);
  });
});

describe('GET /api/youth (search)', () => {
  const names = async (who: Who, q: string) => {
    const res = await (await h.as(who)).get(`/api/youth?q=${encodeURIComponent(q)}`);
    expect(res.statusCode).toBe(200);
    return (res.json().results as { name: string; matchedOn: string }[]).map((r) => `${r.name}:${r.matchedOn}`);
  };

  it('finds a name despite a typo and without its accent', async () => {
    expect(await names('worker', 'anais quintro')).toEqual(['Ana Quintero:name']);
  });

  it('finds by alias, date of birth in both forms, and external id', async () => {
    expect(await names('worker', 'Nani')).toEqual(['Ana Quintero:alias']);
    expect(await names('worker', '2010-03-14')).toEqual(['Ana Quintero:date_of_birth']);
    expect(await names('worker', '03/14/2010')).toEqual(['Ana Quintero:date_of_birth']);
    expect(await names('worker', '1111-2222-3333-4444444')).toEqual(['Ana Quintero:identifier']);
  });

  it('never returns youth of another county or without a relation', async () => {
    // Diego Quintero (San Diego) shares the surname and the birthday.
    expect(await names('worker', 'Quintero')).toEqual(['Ana Quintero:name']);
    expect(await names('sdWorker', 'Quintero')).toEqual(['Diego Quintero:name']);
    expect(await names('otherWorker', 'Quintero')).toEqual([]);
    expect(await names('worker', 'Okafor')).toEqual([]);
  });

  it("lists the user's youth when the query is empty", async () => {
    expect(await names('worker', '')).toEqual(['Ana Quintero:caseload']);
    expect(await names('probation', '')).toEqual(['Carla Nguyen:caseload']);
  });

  it('refuses analysts and administrators with a message that points to aggregates', async () => {
    for (const who of ['analyst', 'admin', 'state'] as const) {
      const res = await (await h.as(who)).get('/api/youth?q=Quintero');
      expect(res.statusCode).toBe(403);
      expect(res.body).not.toMatch(/Quintero/);
    }
  });

  it('rejects a query that is too long with a message naming the field', async () => {
    const res = await (await h.as('worker')).get(`/api/youth?q=${'a'.repeat(101)}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toMatch(/q/);
  });
});

describe('GET /api/youth/:id/access-log', () => {
  it('shows supervisors who viewed the record, including denied attempts, one line per person per visit', async () => {
    await open('worker', 'ana');
    await open('otherWorker', 'ana'); // denied: recorded too
    const res = await (await h.as('supervisor')).get(`/api/youth/${h.world.youth.ana}/access-log`);
    expect(res.statusCode).toBe(200);
    const visits = res.json().visits as { actor: { name: string } | null; viewed: string[]; refused: string[] }[];
    expect(visits).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          viewed: expect.arrayContaining(['record']),
          actor: expect.objectContaining({ name: 'Test worker' }),
        }),
        expect.objectContaining({
          refused: ['record'],
          actor: expect.objectContaining({ name: 'Test otherWorker' }),
        }),
      ]),
    );
  });

  it('is refused to caseworkers and advocates, and is 404 for a supervisor in another county', async () => {
    expect((await (await h.as('worker')).get(`/api/youth/${h.world.youth.ana}/access-log`)).statusCode).toBe(403);
    expect((await (await h.as('advocate')).get(`/api/youth/${h.world.youth.ana}/access-log`)).statusCode).toBe(403);
    expect((await (await h.as('sdSupervisor')).get(`/api/youth/${h.world.youth.ana}/access-log`)).statusCode).toBe(404);
  });

  it('lets an auditor of the organization read it', async () => {
    expect((await (await h.as('auditor')).get(`/api/youth/${h.world.youth.ana}/access-log`)).statusCode).toBe(200);
  });
});

describe('GET /api/stats/youth-by-area', () => {
  it('gives the analyst counts with small cells suppressed and no names', async () => {
    const res = await (await h.as('analyst')).get('/api/stats/youth-by-area');
    expect(res.statusCode).toBe(200);
    const rows = res.json().rows as { county: string; youth: number | string }[];
    expect(rows.every((r) => r.county === 'Los Angeles County')).toBe(true);
    expect(
      rows.every((r) => r.youth === '<11' || r.youth === 0 || (typeof r.youth === 'number' && r.youth >= 11)),
    ).toBe(true);
    expect(res.body).not.toMatch(/Quintero|Okafor/);
  });

  it('gives the state analyst every county', async () => {
    const res = await (await h.as('state')).get('/api/stats/youth-by-area');
    const counties = new Set((res.json().rows as { county: string }[]).map((r) => r.county));
    expect(counties).toEqual(new Set(['Los Angeles County', 'San Diego County']));
  });

  it('is refused to caseworkers', async () => {
    expect((await (await h.as('worker')).get('/api/stats/youth-by-area')).statusCode).toBe(403);
  });
});
