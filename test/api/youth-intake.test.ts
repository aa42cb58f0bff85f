// Intake and corrections of identity (issue 14, finding 1): the likely-duplicate check before a
// youth is added, which only ever shows youth the user could find by search, and the identity
// history that every change to identity or contact details leaves.
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/app.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const CHECK = '/api/youth/possible-duplicates';

/** A 400 problem document with a stable code, never a 500, never echoing a NUL. */
function expectRefused(res: LightMyRequestResponse, pointer: string, code?: string) {
  expect(res.statusCode, res.body).toBe(400);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = res.json();
  expect(body).toMatchObject({ status: 400, code: expect.any(String) });
  expect(body.errors[0].pointer).toBe(pointer);
  if (code) expect(body.errors[0].code).toBe(code);
  expect(res.body).not.toContain('\u0000');
}

describe('POST /api/youth/possible-duplicates', () => {
  it('finds a youth the user may see by a name variant and the date of birth', async () => {
    const c = await h.as('worker');
    // Accents dropped, a typo: still Anaís Quintero, born the same day.
    const res = await c.post(CHECK, { legalFirstName: 'Anais', legalLastName: 'Quinteros', dateOfBirth: '2010-03-14' });
    expect(res.statusCode, res.body).toBe(200);
    const ids = res.json().matches.map((m: { id: string }) => m.id);
    expect(ids).toContain(h.world.youth.ana);
    expect(res.json().matches[0]).toMatchObject({ id: h.world.youth.ana, reason: 'name_and_date_of_birth' });
    // First and last swapped, no date of birth: a name match.
    const swapped = await c.post(CHECK, { legalFirstName: 'Quintero', legalLastName: 'Anais' });
    expect(swapped.json().matches).toEqual([expect.objectContaining({ id: h.world.youth.ana, reason: 'name' })]);
    // An alias.
    const alias = await c.post(CHECK, { legalFirstName: 'Zed', legalLastName: 'Unknown', aliases: ['Nani'] });
    expect(alias.json().matches).toEqual([expect.objectContaining({ id: h.world.youth.ana, reason: 'alias' })]);
  });

  it('never shows a youth of another county, even with the same last name and date of birth', async () => {
    // Diego Quintero (San Diego) shares Ana's last name and birth date.
    const la = await (
      await h.as('worker')
    ).post(CHECK, { legalFirstName: 'Diego', legalLastName: 'Quintero', dateOfBirth: '2010-03-14' });
    expect(la.statusCode).toBe(200);
    const laIds = la.json().matches.map((m: { id: string }) => m.id);
    expect(laIds).not.toContain(h.world.youth.diego);
    const sd = await (
      await h.as('sdWorker')
    ).post(CHECK, { legalFirstName: 'Anais', legalLastName: 'Quintero', dateOfBirth: '2010-03-14' });
    expect(sd.statusCode).toBe(200);
    const sdIds = sd.json().matches.map((m: { id: string }) => m.id);
    expect(sdIds).not.toContain(h.world.youth.ana);
    expect(sdIds).toContain(h.world.youth.diego);
  });

  it('never shows a youth of the same county the user could not find by search', async () => {
    // Bruno is otherWorker's youth only: the worker cannot find him, so no match.
    const c = await h.as('worker');
    const res = await c.post(CHECK, { legalFirstName: 'Bruno', legalLastName: 'Okafor', dateOfBirth: '2009-07-01' });
    expect(res.statusCode).toBe(200);
    expect(res.json().matches).toEqual([]);
    expect((await c.get('/api/youth?q=Bruno%20Okafor')).json().results).toEqual([]);
  });

  it('refuses bad input with a 400 and a code, never a 500', async () => {
    const c = await h.as('worker');
    const base = { legalFirstName: 'Frida', legalLastName: 'Solano' };
    expectRefused(await c.post(CHECK, { ...base, dateOfBirth: '2026-02-30' }), '/body/dateOfBirth', 'invalid_date');
    expectRefused(await c.post(CHECK, { ...base, dateOfBirth: '2999-01-01' }), '/body/dateOfBirth', 'date_in_future');
    expectRefused(
      await c.post(CHECK, { ...base, legalFirstName: 'Fri\u0000da' }),
      '/body/legalFirstName',
      'control_characters',
    );
    expectRefused(await c.post(CHECK, { ...base, legalLastName: 'x'.repeat(100_000) }), '/body/legalLastName');
    expectRefused(await c.post(CHECK, { ...base, aliases: Array.from({ length: 50 }, () => 'a') }), '/body/aliases');
    expectRefused(await c.post(CHECK, { legalFirstName: 'Frida' }), '/body/legalLastName');
    const extra = await c.post(CHECK, { ...base, phone: '555' });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().code).toEqual(expect.any(String));
  });

  it('is refused to those who may not add a youth', async () => {
    const body = { legalFirstName: 'Anais', legalLastName: 'Quintero' };
    expect((await (await h.as('advocate')).post(CHECK, body)).statusCode).toBe(403);
    expect((await (await h.as('analyst')).post(CHECK, body)).statusCode).toBe(403);
  });

  it('is audited, the matches named', async () => {
    const c = await h.as('worker');
    await c.post(CHECK, { legalFirstName: 'Anais', legalLastName: 'Quintero', dateOfBirth: '2010-03-14' });
    const [row] = await h.db.database.query<{ record_ids: string[] | null }>(
      `SELECT record_ids FROM audit_events WHERE action = 'youth.duplicates.search' ORDER BY id DESC LIMIT 1`,
    );
    expect(row?.record_ids).toContain(h.world.youth.ana);
  });
});

describe('identity history', () => {
  it('records who changed which fields and what they held before, shown to those who may see identity', async () => {
    const c = await h.as('worker');
    const created = await c.post('/api/youth', {
      legalFirstName: 'Elsa',
      legalLastName: 'Marsh',
      dateOfBirth: '2011-02-03',
    });
    expect(created.statusCode).toBe(201);
    const path = `/api/youth/${created.json().id}`;
    const before = (await c.get(path)).json();
    expect(before.legalLastName).toBe('Marsh');
    const saved = await c.patch(path, {
      version: before.version,
      legalLastName: 'Marsh-Ortiz',
      phone: '(213) 555-0199',
      aliases: ['Ellie'],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const history = await c.get(`${path}/identity-history`);
    expect(history.statusCode, history.body).toBe(200);
    const [latest] = history.json().changes;
    expect(latest).toMatchObject({
      by: 'Test worker',
      version: saved.json().version,
      fields: ['aliases', 'legalLastName', 'phone'],
      previous: { legalLastName: 'Marsh', phone: null, aliases: [] },
    });
    // A field sent with the value it already had is not a change.
    const again = await c.patch(path, { version: saved.json().version, legalLastName: 'Marsh-Ortiz' });
    expect(again.statusCode).toBe(200);
    expect((await c.get(`${path}/identity-history`)).json().changes).toHaveLength(1);
  });

  it('shows contact values only to those who may see contact details', async () => {
    const c = await h.as('worker');
    const path = `/api/youth/${h.world.youth.ana}`;
    const { version } = (await c.get(path)).json();
    expect((await c.patch(path, { version, phone: '(213) 555-0123', pronouns: 'she/her' })).statusCode).toBe(200);
    // The auditor sees the record's identity through the organization, not its contact details.
    const auditor = await (await h.as('auditor')).get(`${path}/identity-history`);
    expect(auditor.statusCode, auditor.body).toBe(200);
    const [change] = auditor.json().changes;
    expect(change.fields).toEqual(['pronouns']);
    expect(Object.keys(change.previous)).toEqual(['pronouns']);
    expect(auditor.body).not.toContain('+12135550101');
  });

  it('is 404 for a youth of another county or one the user may not see, and for a bad id', async () => {
    expect((await (await h.as('sdWorker')).get(`/api/youth/${h.world.youth.ana}/identity-history`)).statusCode).toBe(
      404,
    );
    expect((await (await h.as('otherWorker')).get(`/api/youth/${h.world.youth.ana}/identity-history`)).statusCode).toBe(
      404,
    );
    expect((await (await h.as('analyst')).get(`/api/youth/${h.world.youth.ana}/identity-history`)).statusCode).toBe(
      404,
    );
    const bad = await (await h.as('worker')).get('/api/youth/not-a-uuid/identity-history');
    expect(bad.statusCode).toBeLessThan(500);
    expect(bad.statusCode).toBeGreaterThanOrEqual(400);
  });

  it('reading the history is audited', async () => {
    await (await h.as('worker')).get(`/api/youth/${h.world.youth.ana}/identity-history`);
    const [row] = await h.db.database.query<{ youth_id: string }>(
      `SELECT youth_id FROM audit_events WHERE action = 'youth.identity.history' ORDER BY id DESC LIMIT 1`,
    );
    expect(row?.youth_id).toBe(h.world.youth.ana);
  });
});
