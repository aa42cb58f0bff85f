// Creating and changing youth records: validation at the edge, grants per field category,
// optimistic concurrency, and nothing half-written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/app.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const valid = {
  legalFirstName: 'Frida',
  legalLastName: 'Solano',
  dateOfBirth: '2011-06-01',
  spaNumber: 4,
  aliases: ['Fri'],
  identifiers: [{ system: 'cws_cms', value: '9999-0000-1111-2222222' }],
};

describe('POST /api/youth', () => {
  it("creates the record in the user's county and assigns it to them", async () => {
    const c = await h.as('worker');
    const res = await c.post('/api/youth', valid);
    expect(res.statusCode).toBe(201);
    const got = await c.get(`/api/youth/${res.json().id}`);
    expect(got.json()).toMatchObject({
      legalLastName: 'Solano',
      version: 1,
      aliases: ['Fri'],
      spa: { number: 4, name: 'Metro' },
    });
    expect(got.json().assignments[0]).toMatchObject({ worker: 'Test worker', role: 'primary' });
    // Nobody else in the county sees it.
    expect((await (await h.as('otherWorker')).get(`/api/youth/${res.json().id}`)).statusCode).toBe(404);
  });

  it('names every field to fix', async () => {
    const res = await (
      await h.as('worker')
    ).post('/api/youth', { legalFirstName: '', dateOfBirth: '2011-13-45', extra: 1 });
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toMatch(/legalFirstName/);
    expect(res.json().detail).toMatch(/legalLastName/);
    expect(res.json().detail).toMatch(/dateOfBirth/);
  });

  it('refuses a date of birth in the future and a service area the county does not have', async () => {
    const c = await h.as('worker');
    expect(
      (await c.post('/api/youth', { ...valid, dateOfBirth: '2999-01-01', identifiers: [] })).json().detail,
    ).toMatch(/future/);
    const res = await c.post('/api/youth', { ...valid, spaNumber: 42, identifiers: [] });
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toMatch(/spaNumber: Los Angeles County has no service planning area 42/);
  });

  it('is refused to advocates and analysts', async () => {
    expect((await (await h.as('advocate')).post('/api/youth', valid)).statusCode).toBe(403);
    expect((await (await h.as('analyst')).post('/api/youth', valid)).statusCode).toBe(403);
  });

  it('leaves nothing behind when an identifier already belongs to another youth', async () => {
    const c = await h.as('worker');
    const before = (await c.get('/api/youth?q=')).json().results.length;
    const res = await c.post('/api/youth', {
      ...valid,
      legalFirstName: 'Twin',
      identifiers: [{ system: 'cws_cms', value: '1111-2222-3333-4444444' }],
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toMatch(/already recorded for another youth/);
    expect((await c.get('/api/youth?q=')).json().results.length).toBe(before);
  });
});

describe('PATCH /api/youth/:id', () => {
  it('saves with the right version and bumps it', async () => {
    const c = await h.as('worker');
    const { version } = (await c.get(`/api/youth/${h.world.youth.ana}`)).json();
    const res = await c.patch(`/api/youth/${h.world.youth.ana}`, { version, pronouns: 'she/her' });
    expect(res.statusCode).toBe(200);
    expect(res.json().version).toBe(version + 1);
  });

  it('gives the second of two people saving the same version a 409 that says who changed what', async () => {
    const worker = await h.as('worker');
    const supervisor = await h.as('supervisor');
    const { version } = (await worker.get(`/api/youth/${h.world.youth.ana}`)).json();
    expect(
      (await supervisor.patch(`/api/youth/${h.world.youth.ana}`, { version, primaryLanguage: 'Spanish', phone: null }))
        .statusCode,
    ).toBe(200);
    const late = await worker.patch(`/api/youth/${h.world.youth.ana}`, { version, primaryLanguage: 'English' });
    expect(late.statusCode).toBe(409);
    expect(late.json().detail).toMatch(/Test supervisor changed phone, primaryLanguage/);
    expect(late.json().details).toMatchObject({ yourVersion: version, currentVersion: version + 1 });
    expect((await worker.get(`/api/youth/${h.world.youth.ana}`)).json().primaryLanguage).toBe('Spanish');
  });

  it('404s for someone without a relation and 403s an advocate who may read but not write', async () => {
    expect(
      (await (await h.as('otherWorker')).patch(`/api/youth/${h.world.youth.ana}`, { version: 1, pronouns: 'x' }))
        .statusCode,
    ).toBe(404);
    expect(
      (await (await h.as('advocate')).patch(`/api/youth/${h.world.youth.ana}`, { version: 1, pronouns: 'x' }))
        .statusCode,
    ).toBe(403);
    expect(
      (await (await h.as('sdWorker')).patch(`/api/youth/${h.world.youth.ana}`, { version: 1, pronouns: 'x' }))
        .statusCode,
    ).toBe(404);
  });

  it('refuses an empty change and unknown fields', async () => {
    const c = await h.as('worker');
    expect((await c.patch(`/api/youth/${h.world.youth.ana}`, { version: 1 })).statusCode).toBe(400);
    expect(
      (await c.patch(`/api/youth/${h.world.youth.ana}`, { version: 1, countyId: h.world.counties.sd })).statusCode,
    ).toBe(400);
  });
});
