import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_LOGINS, DEMO_PASSWORD, seedDemo } from '../../src/seed/demo.js';
import { signIn } from '../support/app.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { loadConfig } from '../../src/config.js';
import { buildApp } from '../../src/server/app.js';

const made: TestDatabase[] = [];
afterAll(async () => {
  for (const d of made) await d.drop();
});

async function seeded() {
  const db = await createTestDatabase();
  made.push(db);
  await seedDemo(db.database, { youthPerCounty: [30, 6] });
  return db;
}

describe('demo seed', () => {
  it('is the same fictional data every time (fixed seed)', async () => {
    const [a, b] = [await seeded(), await seeded()];
    const names = (db: TestDatabase) =>
      db.database.query<{ n: string }>(
        "SELECT legal_first_name || ' ' || legal_last_name || ' ' || date_of_birth AS n FROM youth ORDER BY 1",
      );
    expect(await names(a)).toEqual(await names(b));
    expect((await names(a)).length).toBe(36);
  }, 120_000); // two fresh databases, migrated and seeded: slow on a loaded 2-core machine, not a speed test

  it('creates every listed login, each able to sign in with the demo password', async () => {
    const db = made[0]!;
    const app = await buildApp({
      database: db.database,
      config: loadConfig({ NODE_ENV: 'test', HARBOR_LOG_LEVEL: 'silent' }),
      serveWeb: false,
    });
    await app.ready();
    for (const login of DEMO_LOGINS) await signIn(app, login.email, DEMO_PASSWORD);
    const worker = await signIn(app, 'socialworker@la.demo', DEMO_PASSWORD);
    expect((await worker.get('/api/youth?q=')).json().results.length).toBeGreaterThan(5);
    await app.close();
  });

  it('seeds advocacy: contracts, vetting, referrals in every state, and open work for the demo advocate', async () => {
    const db = made[0]!;
    const states = await db.database.query<{ state: string }>(
      'SELECT DISTINCT state FROM advocacy_referrals ORDER BY state',
    );
    expect(states.map((s) => s.state)).toEqual([
      'accepted',
      'advocate_assigned',
      'closed',
      'declined',
      'engaged',
      'first_contact',
      'sent',
    ]);
    const linked = await db.database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM advocacy_milestones m JOIN service_episodes e ON e.id = m.service_episode_id AND e.youth_id = m.youth_id WHERE m.kind = 'linked_to_service'`,
    );
    expect(linked[0]!.n).toBeGreaterThan(0);
    // The same fixed seed gives the same referrals (their times move with the clock, their facts do not).
    const facts = (d: TestDatabase) =>
      d.database.query<{ f: string }>(
        "SELECT concat_ws('|', state, urgency, decline_reason, close_reason, reason) AS f FROM advocacy_referrals ORDER BY 1",
      );
    expect(await facts(made[1]!)).toEqual(await facts(db));
    const app = await buildApp({
      database: db.database,
      config: loadConfig({ NODE_ENV: 'test', HARBOR_LOG_LEVEL: 'silent' }),
      serveWeb: false,
    });
    await app.ready();
    const advocate = await signIn(app, 'advocate@la.demo', DEMO_PASSWORD);
    const inbox = (await advocate.get('/api/advocacy/referrals')).json().referrals as {
      youthId: string;
      youthName: string | null;
      state: string;
      advocate: string | null;
    }[];
    const mine = inbox.filter(
      (r) => ['advocate_assigned', 'first_contact', 'engaged'].includes(r.state) && r.advocate === 'Keiko Brandt',
    );
    expect(mine.length).toBeGreaterThan(0);
    expect(mine[0]!.youthName).not.toBeNull();
    expect((await advocate.get(`/api/youth/${mine[0]!.youthId}`)).statusCode).toBe(200);
    const provider = await signIn(app, 'provider@la.demo', DEMO_PASSWORD);
    const contracts = (await provider.get('/api/advocacy/contracts')).json().contracts;
    expect(contracts).toHaveLength(1);
    expect(contracts[0]).toMatchObject({
      organization: 'Lighthouse Youth Advocates (fictional)',
      contractingOrganization: 'LA County Probation Department',
      activeToday: true,
    });
    const cboReferrals = (await provider.get('/api/advocacy/referrals')).json().referrals as {
      youthName: string | null;
    }[];
    expect(cboReferrals.length).toBeGreaterThan(0);
    expect(cboReferrals.every((r) => r.youthName === null)).toBe(true);
    const admin = await signIn(app, 'admin@la.demo', DEMO_PASSWORD);
    const expiring = (await admin.get('/api/advocacy/vetting/expiring')).json().items as { what: string }[];
    expect(expiring.some((i) => i.what === 'security clearance')).toBe(true);
    const rosters = await Promise.all(
      contracts.length
        ? (await admin.get('/api/advocacy/contracts'))
            .json()
            .contracts.map((c: { organizationId: string }) =>
              admin.get(`/api/advocacy/organizations/${c.organizationId}/advocates`),
            )
        : [],
    );
    const gaps = rosters.flatMap((r) => r.json().advocates.flatMap((a: { gaps: string[] }) => a.gaps));
    expect(gaps).toEqual([expect.stringMatching(/^contracting department approval ended on /)]);
    expect((await admin.get('/api/advocacy/performance-issues')).json().issues.length).toBeGreaterThan(2);
    await app.close();
  });

  it('refuses to run twice or in production', async () => {
    const db = made[0]!;
    await expect(seedDemo(db.database)).rejects.toThrow(/already has a county running Harbor/);
    const previous = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await expect(seedDemo(db.database)).rejects.toThrow(/NODE_ENV is production/);
    } finally {
      process.env.NODE_ENV = previous;
    }
  });
});
