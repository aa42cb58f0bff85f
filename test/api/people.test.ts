// The people list behind every person picker: the county's active staff, searchable by name,
// never another county's, never youth data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/app.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

interface Person {
  id: string;
  displayName: string;
  organization: { id: string; name: string; type: string };
  roles: string[];
}
const people = async (who: Parameters<Harness['as']>[0], query = '') => {
  const res = await (await h.as(who)).get(`/api/people${query}`);
  expect(res.statusCode).toBe(200);
  return res.json().people as Person[];
};

describe('GET /api/people', () => {
  it('lists the county’s staff with organization and roles, and nothing about any youth', async () => {
    const list = await people('worker', '?limit=100');
    const names = list.map((p) => p.displayName);
    expect(names).toEqual(
      expect.arrayContaining(['Test worker', 'Test supervisor', 'Test advocate', 'Test probation']),
    );
    expect(names).not.toContain('Test sdWorker');
    expect(names).not.toContain('Test sdSupervisor');
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const advocate = list.find((p) => p.id === h.world.users.advocate.id)!;
    expect(advocate).toEqual({
      id: h.world.users.advocate.id,
      displayName: 'Test advocate',
      organization: { id: h.world.orgs.cboA, name: 'Test Advocates A', type: 'advocacy_cbo' },
      roles: ['advocate'],
    });
    // Only the picker's fields: no email, no youth, no assignments.
    expect(Object.keys(advocate).sort()).toEqual(['displayName', 'id', 'organization', 'roles']);
    expect(JSON.stringify(list)).not.toMatch(/Quintero|Okafor|@test\.example/);
  });

  it('searches by name, case-insensitive, every word must match', async () => {
    expect((await people('worker', '?q=ADVOCATE')).map((p) => p.displayName).sort()).toEqual([
      'Test advocate',
      'Test otherAdvocate',
    ]);
    expect((await people('worker', '?q=test%20otherad')).map((p) => p.displayName)).toEqual(['Test otherAdvocate']);
    expect(await people('worker', '?q=%25')).toEqual([]);
    expect(await people('worker', '?q=sdWorker')).toEqual([]);
  });

  it('filters by organization and honours the limit', async () => {
    const probation = await people('worker', `?organizationId=${h.world.orgs.probation}`);
    expect(probation.map((p) => p.displayName)).toEqual(['Test probation']);
    expect(await people('worker', '?limit=2')).toHaveLength(2);
    expect((await (await h.as('worker')).get('/api/people?limit=0')).statusCode).toBe(400);
    expect((await (await h.as('worker')).get('/api/people?organizationId=nope')).statusCode).toBe(400);
  });

  it('never shows another county: San Diego sees San Diego, and filtering by an LA organization finds no one', async () => {
    const sd = await people('sdWorker', '?limit=100');
    expect(sd.map((p) => p.displayName).sort()).toEqual(['Test sdSupervisor', 'Test sdWorker']);
    expect(await people('sdSupervisor', `?organizationId=${h.world.orgs.dcfs}`)).toEqual([]);
    expect(await people('sdWorker', '?q=advocate')).toEqual([]);
  });

  it('leaves out disabled accounts', async () => {
    await h.db.database.query(`UPDATE users SET disabled_at = now() WHERE id = $1`, [h.world.users.otherAdvocate.id]);
    try {
      expect((await people('worker', '?q=advocate')).map((p) => p.displayName)).toEqual(['Test advocate']);
    } finally {
      await h.db.database.query(`UPDATE users SET disabled_at = NULL WHERE id = $1`, [h.world.users.otherAdvocate.id]);
    }
  });

  it('needs a signed-in user', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/api/people' });
    expect(res.statusCode).toBe(401);
  });
});

describe('GET /api/organizations', () => {
  it('lists the county’s organizations only', async () => {
    const res = await (await h.as('worker')).get('/api/organizations');
    expect(res.statusCode).toBe(200);
    const names = (res.json().organizations as { name: string }[]).map((o) => o.name);
    expect(names).toEqual(['Test Advocates A', 'Test Advocates B', 'Test DCFS', 'Test Probation']);
    const sd = (await (await h.as('sdWorker')).get('/api/organizations')).json().organizations as { name: string }[];
    expect(sd.map((o) => o.name)).toEqual(['Test SD CWS']);
  });
});

describe('GET /api/reference', () => {
  it("gives the signed-in user's county's service planning areas and organizations, never another county's", async () => {
    const la = await (await h.as('worker')).get('/api/reference');
    expect(la.statusCode).toBe(200);
    const body = la.json() as {
      spas: { number: number; name: string }[];
      organizations: { name: string; type: string }[];
    };
    expect(body.spas).toHaveLength(8);
    expect(body.spas[0]).toEqual({ number: 1, name: 'Antelope Valley' });
    expect(body.spas.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(body.organizations.map((o) => o.name)).toEqual([
      'Test Advocates A',
      'Test Advocates B',
      'Test DCFS',
      'Test Probation',
    ]);
    expect(body.organizations.find((o) => o.name === 'Test DCFS')).toMatchObject({ type: 'child_welfare' });

    const sd = (await (await h.as('sdWorker')).get('/api/reference')).json() as typeof body;
    expect(sd.spas.map((s) => s.name)).toEqual([
      'Central',
      'East',
      'North Central',
      'North Coastal',
      'North Inland',
      'South',
    ]);
    expect(sd.organizations.map((o) => o.name)).toEqual(['Test SD CWS']);
  });

  it('is reference data: analysts and administrators read it too; nobody signed out does', async () => {
    expect((await (await h.as('analyst')).get('/api/reference')).statusCode).toBe(200);
    expect((await (await h.as('admin')).get('/api/reference')).statusCode).toBe(200);
    expect((await h.app.inject({ method: 'GET', url: '/api/reference' })).statusCode).toBe(401);
  });
});
