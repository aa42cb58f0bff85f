// Versions under concurrency: requests sent at the same moment either get consecutive versions or
// a clean 409/400, never a 500 and never two rows with one version. On PGlite (one connection)
// requests already run one after the other; on a PostgreSQL server (DATABASE_URL) they really
// overlap, and these tests fail without the per-youth lock and the conditional upserts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/app.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const plan = (n: number) => ({
  warningSigns: `Warning signs, take ${n}`,
  safePeople: 'Aunt, advocate',
  safePlaces: 'School library',
  ifContacted: 'Call the advocate and tell staff',
  reachAdvocate: 'Text the program line',
  writtenWithYouth: true,
});

describe('safety plan versions', () => {
  it('gives 20 simultaneous saves for one youth the versions 1 to 20, never a 500', async () => {
    const owner = await h.as('otherWorker'); // Bruno's caseworker
    const url = `/api/youth/${h.world.youth.bruno}/safety-plans`;
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => owner.post(url, plan(i))));
    const statuses = answers.map((r) => r.statusCode);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
    // The lock makes them take turns, so every one of them succeeds.
    expect(statuses).toEqual(Array(20).fill(201));
    const versions = answers.map((r) => r.json().version as number).sort((a, b) => a - b);
    expect(versions).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));

    const stored = await h.db.database.query<{ version: number }>(
      'SELECT version FROM safety_plans WHERE youth_id = $1 ORDER BY version',
      [h.world.youth.bruno],
    );
    expect(stored.map((r) => r.version)).toEqual(versions);
    // Each answer's text is the one stored under its version.
    const listed = (await owner.get(url)).json().plans as { version: number; warningSigns: string }[];
    for (const a of answers) {
      expect(listed.find((p) => p.version === a.json().version)?.warningSigns).toBe(a.json().warningSigns);
    }
  });
});

describe('county settings versions', () => {
  it('lets exactly one of 10 simultaneous first saves win; the others are 409, history has one version 1', async () => {
    const admin = await h.as('admin');
    const current = (await admin.get('/api/county/settings')).json();
    expect(current.version).toBe(0);
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        admin.put('/api/county/settings', {
          version: 0,
          settings: {
            ...current.settings,
            missing: { ...current.settings.missing, debriefHours: 40 + i },
          },
        }),
      ),
    );
    const statuses = answers.map((r) => r.statusCode).sort();
    expect(statuses).toEqual([200, ...Array(9).fill(409)]);
    const winner = answers.find((r) => r.statusCode === 200)!.json();
    expect(winner.version).toBe(1);
    for (const lost of answers.filter((r) => r.statusCode === 409)) {
      expect(lost.json().code).toMatch(/^(conflict|stale_version)$/);
    }
    const history = await h.db.database.query<{ version: number; settings: { missing: { debriefHours: number } } }>(
      'SELECT version, settings FROM county_settings_history WHERE county_id = $1 ORDER BY version',
      [h.world.counties.la],
    );
    expect(history.map((r) => r.version)).toEqual([1]);
    const saved = (await admin.get('/api/county/settings')).json();
    expect(saved).toMatchObject({ version: 1 });
    expect(history[0]!.settings.missing.debriefHours).toBe(saved.settings.missing.debriefHours);
    expect(saved.settings.missing.debriefHours).toBe(winner.settings.missing.debriefHours);
  });

  it('lets exactly one of 10 simultaneous saves of the same version win', async () => {
    const admin = await h.as('admin');
    const current = (await admin.get('/api/county/settings')).json();
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        admin.put('/api/county/settings', {
          version: current.version,
          settings: { ...current.settings, missing: { ...current.settings.missing, debriefHours: 50 + i } },
        }),
      ),
    );
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, ...Array(9).fill(409)]);
    const history = await h.db.database.query<{ version: number }>(
      'SELECT version FROM county_settings_history WHERE county_id = $1 ORDER BY version',
      [h.world.counties.la],
    );
    expect(history.map((r) => r.version)).toEqual([1, 2]);
  });
});

describe('CSEC Type records', () => {
  const csec = (startDate: string) => ({
    type: 'at_risk',
    startDate,
    allegationSubcategory: 'Commercial sexual exploitation',
    source: 'screening',
  });

  it('checks simultaneous records against each other: one open "at risk" type, the rest refused, no 500', async () => {
    const worker = await h.as('worker');
    const url = `/api/youth/${h.world.youth.ana}/csec-types`;
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => worker.post(url, csec(`2025-0${(i % 9) + 1}-0${(i % 8) + 1}`))),
    );
    const statuses = answers.map((r) => r.statusCode).sort();
    expect(statuses).toEqual([201, ...Array(9).fill(400)]);
    expect((await worker.get(url)).json().records).toHaveLength(1);
  });

  it('lets exactly one of 10 simultaneous changes of the same version win', async () => {
    const worker = await h.as('worker');
    const url = `/api/youth/${h.world.youth.ana}/csec-types`;
    const [record] = (await worker.get(url)).json().records as { id: string; version: number; startDate: string }[];
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        worker.patch(`${url}/${record!.id}`, { version: record!.version, endDate: `2025-10-${10 + i}` }),
      ),
    );
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, ...Array(9).fill(409)]);
    const [after] = (await worker.get(url)).json().records as { version: number }[];
    expect(after!.version).toBe(record!.version + 1);
  });
});
