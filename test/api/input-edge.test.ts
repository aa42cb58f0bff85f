// Input checked at the edge: what an outside sweep sent to the youth, people and safety-plan
// routes (a NUL byte in a search, impossible and absurd dates of birth, a phone that is not one,
// a megabyte of text) is refused with a 400 problem document naming the field and a stable code,
// and nothing is stored. A phone typed the usual way is stored as E.164.
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countyToday } from '../../src/contract/primitives.js';
import { startHarness, type Harness } from '../support/app.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

/** Rows in the tables these routes write. */
async function counts() {
  const [row] = await h.db.database.query<{ youth: number; plans: number; identifiers: number }>(
    `SELECT (SELECT count(*)::int FROM youth) AS youth, (SELECT count(*)::int FROM safety_plans) AS plans,
            (SELECT count(*)::int FROM youth_identifiers) AS identifiers`,
  );
  return row!;
}

/** A 400 problem document whose first field error is at `pointer` with `code`. */
function expectRefused(res: LightMyRequestResponse, pointer: string, code: string) {
  expect(res.statusCode, res.body).toBe(400);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = res.json();
  expect(body).toMatchObject({ status: 400, code: expect.any(String), type: expect.any(String) });
  expect(body.errors[0]).toMatchObject({ pointer, code });
  // The answer never echoes what was sent.
  expect(res.body).not.toContain('\u0000');
}

const youth = {
  legalFirstName: 'Frida',
  legalLastName: 'Solano',
  dateOfBirth: '2011-06-01',
};

const plan = {
  warningSigns: 'Messages from someone she met online',
  safePeople: 'Her aunt; her advocate',
  safePlaces: 'School library',
  ifContacted: 'Call her advocate',
  reachAdvocate: '(213) 555-0143',
  writtenWithYouth: true,
};

describe('searches', () => {
  it('GET /api/youth?q=Ana%00 is a 400 on the query, not a database error', async () => {
    const c = await h.as('worker');
    const before = await counts();
    expectRefused(await c.get('/api/youth?q=Ana%00'), '/query/q', 'control_characters');
    expect(await counts()).toEqual(before);
    // The same search without the NUL works.
    expect((await c.get('/api/youth?q=Ana')).statusCode).toBe(200);
  });

  it('GET /api/people?q=%00 is a 400 on the query', async () => {
    const c = await h.as('worker');
    expectRefused(await c.get('/api/people?q=%00'), '/query/q', 'control_characters');
    expect((await c.get('/api/people?q=Test')).statusCode).toBe(200);
  });

  it('a search longer than 100 characters is too long', async () => {
    const c = await h.as('worker');
    expectRefused(await c.get(`/api/youth?q=${'a'.repeat(101)}`), '/query/q', 'too_long');
  });
});

describe('POST /api/youth: dates of birth', () => {
  const tomorrow = (() => {
    const d = new Date(`${countyToday()}T12:00:00Z`);
    d.setUTCDate(d.getUTCDate() + 1);
    return d.toISOString().slice(0, 10);
  })();

  it.each([
    ['2011-02-30', 'invalid_date'],
    ['0000-00-00', 'invalid_date'],
    ['0001-01-01', 'date_too_early'],
    ['1989-12-31', 'date_too_early'],
    [tomorrow, 'date_in_future'],
    ['9999-12-31', 'date_in_future'],
    ['2011-6-1', 'invalid_date'],
  ])('refuses %s (%s) and stores nothing', async (dateOfBirth, code) => {
    const c = await h.as('worker');
    const before = await counts();
    const res = await c.post('/api/youth', { ...youth, dateOfBirth, identifiers: [{ system: 'other', value: 'X-1' }] });
    expectRefused(res, '/body/dateOfBirth', code);
    expect(await counts()).toEqual(before);
  });

  it('accepts the first day of the range and today', async () => {
    const c = await h.as('worker');
    expect((await c.post('/api/youth', { ...youth, dateOfBirth: '1990-01-01' })).statusCode).toBe(201);
    expect((await c.post('/api/youth', { ...youth, dateOfBirth: countyToday() })).statusCode).toBe(201);
  });
});

describe('POST /api/youth: phone numbers', () => {
  it('refuses "call me" with invalid_phone and stores nothing', async () => {
    const c = await h.as('worker');
    const before = await counts();
    expectRefused(await c.post('/api/youth', { ...youth, phone: 'call me' }), '/body/phone', 'invalid_phone');
    expect(await counts()).toEqual(before);
  });

  it('stores "(213) 555-0143" as +12135550143, on create and on change', async () => {
    const c = await h.as('worker');
    const res = await c.post('/api/youth', { ...youth, phone: '(213) 555-0143' });
    expect(res.statusCode).toBe(201);
    const id = res.json().id as string;
    const [row] = await h.db.database.query<{ phone: string }>('SELECT phone FROM youth WHERE id = $1', [id]);
    expect(row!.phone).toBe('+12135550143');
    const got = (await c.get(`/api/youth/${id}`)).json();
    expect(got.phone).toBe('+12135550143');

    const changed = await c.patch(`/api/youth/${id}`, { version: got.version, phone: '213.555.0199' });
    expect(changed.statusCode).toBe(200);
    expect((await c.get(`/api/youth/${id}`)).json().phone).toBe('+12135550199');
    const refused = await c.patch(`/api/youth/${id}`, { version: got.version + 1, phone: 'call me' });
    expectRefused(refused, '/body/phone', 'invalid_phone');
    expect((await c.get(`/api/youth/${id}`)).json().phone).toBe('+12135550199');
  });
});

describe('POST /api/youth/:id/safety-plans', () => {
  it('refuses a NUL byte in the plan and stores nothing', async () => {
    const c = await h.as('worker');
    const before = await counts();
    const res = await c.post(`/api/youth/${h.world.youth.ana}/safety-plans`, {
      ...plan,
      safePlaces: 'School\u0000library',
    });
    expectRefused(res, '/body/safePlaces', 'control_characters');
    expect(await counts()).toEqual(before);
  });

  it('refuses 900 kB in one free-text field as too_long (a 400, not a 500) and stores nothing', async () => {
    const c = await h.as('worker');
    const before = await counts();
    const res = await c.post(`/api/youth/${h.world.youth.ana}/safety-plans`, {
      ...plan,
      warningSigns: 'x'.repeat(900_000),
    });
    expectRefused(res, '/body/warningSigns', 'too_long');
    expect(res.json().errors[0].params).toMatchObject({ max: 4000 });
    expect(await counts()).toEqual(before);
  });

  it('keeps line breaks in a plan, and saves it', async () => {
    const c = await h.as('worker');
    const res = await c.post(`/api/youth/${h.world.youth.ana}/safety-plans`, {
      ...plan,
      safePeople: 'Her aunt\r\nHer advocate',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().safePeople).toBe('Her aunt\nHer advocate');
  });
});
