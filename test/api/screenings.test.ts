// Screening a youth: drafts, autosave, finishing with missing items named, the level and the
// next due date, amendments that supersede, and who may do what.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_BRIEF_SCREEN, DEMO_FULL_SCREEN } from '../../src/domain/demo-instruments.js';
import { score } from '../../src/domain/instruments.js';
import { startHarness, type Harness } from '../support/app.js';

let h: Harness;
let full: string;
let brief: string;
beforeAll(async () => {
  h = await startHarness();
  const list = (await (await h.as('worker')).get('/api/instruments')).json().instruments as {
    key: string;
    versionId: string;
  }[];
  full = list.find((i) => i.key === DEMO_FULL_SCREEN.key)!.versionId;
  brief = list.find((i) => i.key === DEMO_BRIEF_SCREEN.key)!.versionId;
});
afterAll(() => h.close());

const items = (def: typeof DEMO_FULL_SCREEN) => def.sections.flatMap((s) => s.items);
const allAnswered = (def: typeof DEMO_FULL_SCREEN, value: () => string) =>
  Object.fromEntries(items(def).map((item) => [item.key, value()]));
const lowest = (def: typeof DEMO_FULL_SCREEN, key: string) => {
  const item = items(def).find((i) => i.key === key)!;
  return def.scales.find((s) => s.key === item.scale)!.options[0]!.value;
};

describe('instruments', () => {
  it('lists the three shipped demonstration instruments, labelled as not validated', async () => {
    const res = await (await h.as('worker')).get('/api/instruments');
    expect(res.statusCode).toBe(200);
    const list = res.json().instruments as { key: string; demonstration: boolean; county: boolean }[];
    expect(list.map((i) => i.key).sort()).toEqual(['harbor-demo-at-risk', 'harbor-demo-brief', 'harbor-demo-full']);
    expect(list.every((i) => i.demonstration && !i.county)).toBe(true);
    const version = await (await h.as('worker')).get(`/api/instruments/versions/${full}`);
    expect(version.json().definition.sections.length).toBe(DEMO_FULL_SCREEN.sections.length);
  });

  it('refuses to change a version once a screening has used it', async () => {
    const worker = await h.as('worker');
    await worker.post(`/api/youth/${h.world.youth.ana}/screenings`, { instrumentVersionId: brief, context: 'hotline' });
    await expect(
      h.db.database.query(`UPDATE instrument_versions SET definition = '{}'::jsonb WHERE id = $1`, [brief]),
    ).rejects.toThrow(/has been used and cannot change/);
  });
});

describe('a screening from draft to final', () => {
  it('autosaves, refuses to finish with unanswered items (naming them), then scores and sets the next due date', async () => {
    const worker = await h.as('worker');
    const started = await worker.post(`/api/youth/${h.world.youth.ana}/screenings`, {
      instrumentVersionId: full,
      context: 'case_opening',
    });
    expect(started.statusCode).toBe(201);
    const draft = started.json();
    expect(draft).toMatchObject({
      status: 'draft',
      level: null,
      instrument: { key: 'harbor-demo-full', demonstration: true },
    });
    expect(draft.missing.length).toBe(items(DEMO_FULL_SCREEN).length);

    const firstKey = items(DEMO_FULL_SCREEN)[0]!.key;
    const saved = await worker.patch(`/api/youth/${h.world.youth.ana}/screenings/${draft.id}`, {
      version: draft.version,
      ratings: { [firstKey]: lowest(DEMO_FULL_SCREEN, firstKey) },
      notes: 'Met at school.',
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().missing.length).toBe(items(DEMO_FULL_SCREEN).length - 1);

    const early = await worker.post(`/api/youth/${h.world.youth.ana}/screenings/${draft.id}/finalize`, {
      version: saved.json().version,
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().detail).toMatch(/still need an answer/);
    expect(early.json().details.missing).toHaveLength(items(DEMO_FULL_SCREEN).length - 1);

    // "Yes" to the first item of the first three indicators, "no" elsewhere.
    const concerning = new Set(DEMO_FULL_SCREEN.sections.slice(0, 3).map((sec) => sec.items[0]!.key));
    const ratings = Object.fromEntries(
      items(DEMO_FULL_SCREEN).map((it) => [it.key, concerning.has(it.key) ? 'yes' : 'no']),
    );
    const expectedLevel = score(DEMO_FULL_SCREEN, ratings).level;
    expect(expectedLevel).not.toBe('no_concern');
    const complete = await worker.patch(`/api/youth/${h.world.youth.ana}/screenings/${draft.id}`, {
      version: saved.json().version,
      ratings,
    });
    const final = await worker.post(`/api/youth/${h.world.youth.ana}/screenings/${draft.id}/finalize`, {
      version: complete.json().version,
    });
    expect(final.statusCode).toBe(200);
    const body = final.json();
    expect(body.status).toBe('final');
    expect(body.level).toBe(expectedLevel);
    expect(body.guidance.en.length).toBeGreaterThan(10);
    const months = body.level === 'clear_concern' ? 3 : 6;
    const expected = new Date(body.administeredAt);
    expected.setUTCMonth(expected.getUTCMonth() + months);
    expect(body.nextDueOn.slice(0, 7)).toBe(expected.toISOString().slice(0, 7));

    const list = (await worker.get(`/api/youth/${h.world.youth.ana}/screenings`)).json();
    expect(list.nextDue).toEqual({ on: body.nextDueOn, overdue: false });

    // Final means final.
    const edit = await worker.patch(`/api/youth/${h.world.youth.ana}/screenings/${draft.id}`, {
      version: body.version,
      notes: 'changed',
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().detail).toMatch(/amends it/);
  });

  it('amends a final screening only through a new one that supersedes it, with a reason', async () => {
    const worker = await h.as('worker');
    const s1 = (
      await worker.post(`/api/youth/${h.world.youth.ana}/screenings`, {
        instrumentVersionId: full,
        context: 'periodic_rescreen',
        ratings: allAnswered(DEMO_FULL_SCREEN, () => 'no'),
      })
    ).json();
    const f1 = (
      await worker.post(`/api/youth/${h.world.youth.ana}/screenings/${s1.id}/finalize`, { version: s1.version })
    ).json();
    expect(f1.level).toBe('no_concern');

    const noReason = await worker.post(`/api/youth/${h.world.youth.ana}/screenings`, {
      instrumentVersionId: full,
      context: 'periodic_rescreen',
      supersedesId: f1.id,
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().detail).toMatch(/supersedeReason/);

    const s2 = (
      await worker.post(`/api/youth/${h.world.youth.ana}/screenings`, {
        instrumentVersionId: full,
        context: 'periodic_rescreen',
        supersedesId: f1.id,
        supersedeReason: 'Answers were entered for the wrong item.',
        ratings: allAnswered(DEMO_FULL_SCREEN, () => 'yes'),
      })
    ).json();
    const f2 = (
      await worker.post(`/api/youth/${h.world.youth.ana}/screenings/${s2.id}/finalize`, { version: s2.version })
    ).json();
    expect(f2).toMatchObject({
      level: 'clear_concern',
      supersedesId: f1.id,
      supersedeReason: 'Answers were entered for the wrong item.',
    });
    const old = (await worker.get(`/api/youth/${h.world.youth.ana}/screenings/${f1.id}`)).json();
    expect(old).toMatchObject({ status: 'final', level: 'no_concern', supersededById: f2.id });

    const again = await worker.post(`/api/youth/${h.world.youth.ana}/screenings`, {
      instrumentVersionId: full,
      context: 'other',
      supersedesId: f1.id,
      supersedeReason: 'Once more, please.',
    });
    expect(again.statusCode).toBe(409);
  });
});

describe('bad input leaves nothing half-written', () => {
  it('names answers outside the scale and unknown items', async () => {
    const res = await (
      await h.as('worker')
    ).post(`/api/youth/${h.world.youth.ana}/screenings`, {
      instrumentVersionId: full,
      context: 'hotline',
      ratings: { [items(DEMO_FULL_SCREEN)[0]!.key]: 'maybe', not_an_item: 'yes' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toMatch(/choose one of no, possibly, yes/);
    expect(res.json().detail).toMatch(/not_an_item/);
  });

  it('refuses an unknown instrument version and an unknown context', async () => {
    const worker = await h.as('worker');
    const before = (await worker.get(`/api/youth/${h.world.youth.ana}/screenings`)).json().screenings.length;
    expect(
      (
        await worker.post(`/api/youth/${h.world.youth.ana}/screenings`, {
          instrumentVersionId: '00000000-0000-4000-8000-000000000000',
          context: 'hotline',
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (
        await worker.post(`/api/youth/${h.world.youth.ana}/screenings`, {
          instrumentVersionId: full,
          context: 'picnic',
        })
      ).statusCode,
    ).toBe(400);
    expect((await worker.get(`/api/youth/${h.world.youth.ana}/screenings`)).json().screenings.length).toBe(before);
  });

  it('detects a stale autosave', async () => {
    const worker = await h.as('worker');
    const s = (
      await worker.post(`/api/youth/${h.world.youth.ana}/screenings`, {
        instrumentVersionId: brief,
        context: 'hotline',
      })
    ).json();
    expect(
      (await worker.patch(`/api/youth/${h.world.youth.ana}/screenings/${s.id}`, { version: s.version, notes: 'a' }))
        .statusCode,
    ).toBe(200);
    expect(
      (await worker.patch(`/api/youth/${h.world.youth.ana}/screenings/${s.id}`, { version: s.version, notes: 'b' }))
        .statusCode,
    ).toBe(409);
  });
});

describe('who may screen and see screenings', () => {
  it('answers 404 for another county and for a youth without relation', async () => {
    expect(
      (
        await (
          await h.as('sdWorker')
        ).post(`/api/youth/${h.world.youth.ana}/screenings`, { instrumentVersionId: full, context: 'hotline' })
      ).statusCode,
    ).toBe(404);
    expect((await (await h.as('otherWorker')).get(`/api/youth/${h.world.youth.ana}/screenings`)).statusCode).toBe(404);
  });

  it('lets the advocate read but not screen, and keeps screening answers from the auditor', async () => {
    expect((await (await h.as('advocate')).get(`/api/youth/${h.world.youth.ana}/screenings`)).statusCode).toBe(200);
    expect(
      (
        await (
          await h.as('advocate')
        ).post(`/api/youth/${h.world.youth.ana}/screenings`, { instrumentVersionId: full, context: 'hotline' })
      ).statusCode,
    ).toBe(403);
    expect((await (await h.as('auditor')).get(`/api/youth/${h.world.youth.ana}/screenings`)).statusCode).toBe(403);
  });

  it('audits screening reads with the exploitation category', async () => {
    const res = await (await h.as('worker')).get(`/api/youth/${h.world.youth.ana}/screenings`);
    const [event] = await h.db.database.query<{ action: string; categories: string[] }>(
      'SELECT action, categories FROM audit_events WHERE request_id = $1',
      [res.headers['x-request-id']],
    );
    expect(event).toEqual({ action: 'screening.list', categories: ['exploitation'] });
  });
});

describe('county settings', () => {
  it('lets the county admin change the rescreen interval, with history and a version check', async () => {
    const admin = await h.as('admin');
    const current = (await admin.get('/api/county/settings')).json();
    expect(current.settings.screening.rescreenMonths).toEqual({
      no_concern: 12,
      possible_concern: 6,
      clear_concern: 3,
    });
    const next = {
      ...current.settings,
      screening: { rescreenMonths: { no_concern: 12, possible_concern: 4, clear_concern: 1 } },
    };
    const saved = await admin.put('/api/county/settings', { version: current.version, settings: next });
    expect(saved.statusCode).toBe(200);
    expect((await admin.put('/api/county/settings', { version: current.version, settings: next })).statusCode).toBe(
      409,
    );
    expect(
      (
        await admin.put('/api/county/settings', {
          version: saved.json().version,
          settings: { ...next, crossReport: { hours: 48 } },
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (await (await h.as('worker')).put('/api/county/settings', { version: saved.json().version, settings: next }))
        .statusCode,
    ).toBe(403);
    const [history] = await h.db.database.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM county_settings_history',
    );
    expect(history!.n).toBe(1);
    // San Diego keeps its own defaults.
    expect(
      (await (await h.as('sdWorker')).get('/api/county/settings')).json().settings.screening.rescreenMonths
        .clear_concern,
    ).toBe(3);
  });
});
