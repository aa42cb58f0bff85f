// The demo county has fictional missing episodes in every state, and its supervisor sees at a
// glance who is missing, which reports are overdue and which returned youth need a debrief.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { DEMO_PASSWORD, seedDemo } from '../../src/seed/demo.js';
import { buildApp } from '../../src/server/app.js';
import { signIn } from '../support/app.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';

let db: TestDatabase;
let app: Awaited<ReturnType<typeof buildApp>>;
beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemo(db.database, { youthPerCounty: [80, 6] });
  app = await buildApp({
    database: db.database,
    config: loadConfig({ NODE_ENV: 'test', HARBOR_LOG_LEVEL: 'silent' }),
    serveWeb: false,
  });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await db.drop();
});

describe('demo missing episodes', () => {
  it('has episodes in every state, with the duties they opened', async () => {
    const rows = await db.database.query<{ status: string; n: number }>(
      'SELECT status, count(*)::int AS n FROM missing_episodes GROUP BY status',
    );
    expect(Object.fromEntries(rows.map((r) => [r.status, r.n]))).toMatchObject({ missing: 3, located: 1, returned: 2 });
    expect(rows.find((r) => r.status === 'closed')!.n).toBeGreaterThanOrEqual(4);
    const [placed] = await db.database.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM missing_episodes WHERE placement_episode_id IS NULL',
    );
    expect(placed!.n).toBe(0);
    const [youth] = await db.database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM (SELECT youth_id FROM missing_episodes GROUP BY youth_id HAVING count(*) >= 3) x`,
    );
    expect(youth!.n).toBe(1);
  });

  it("shows the supervisor who is missing, the overdue reports and the debriefs still due, never the named caseworker's youth", async () => {
    const supervisor = await signIn(app, 'supervisor@la.demo', DEMO_PASSWORD);
    const list = (await supervisor.get('/api/missing/current')).json() as {
      missing: { overdueReports: number; status: string; placementLabel: unknown }[];
      awaitingDebrief: { debrief: { overdue: boolean; status: string } }[];
    };
    expect(list.missing).toHaveLength(4);
    expect(list.missing.some((m) => m.overdueReports === 4)).toBe(true);
    expect(list.missing.some((m) => m.status === 'located')).toBe(true);
    expect(list.awaitingDebrief.map((m) => m.debrief.overdue).sort()).toEqual([false, true]);
    const addresses = await db.database.query<{ address: string }>(
      'SELECT p.address FROM placement_episodes p JOIN missing_episodes e ON e.youth_id = p.youth_id WHERE p.address IS NOT NULL',
    );
    expect(addresses.length).toBeGreaterThan(0);
    const body = JSON.stringify(list);
    for (const { address } of addresses) expect(body).not.toContain(address);
    const worker = await signIn(app, 'socialworker@la.demo', DEMO_PASSWORD);
    expect((await worker.get('/api/missing/current')).json().missing).toEqual([]);
  });
});
