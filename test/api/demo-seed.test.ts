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
      db.database.query<{ n: string }>("SELECT legal_first_name || ' ' || legal_last_name || ' ' || date_of_birth AS n FROM youth ORDER BY 1");
    expect(await names(a)).toEqual(await names(b));
    expect((await names(a)).length).toBe(36);
  });

  it('creates every listed login, each able to sign in with the demo password', async () => {
    const db = made[0]!;
    const app = await buildApp({ database: db.database, config: loadConfig({ NODE_ENV: 'test', HARBOR_LOG_LEVEL: 'silent' }), serveWeb: false });
    await app.ready();
    for (const login of DEMO_LOGINS) await signIn(app, login.email, DEMO_PASSWORD);
    const worker = await signIn(app, 'socialworker@la.demo', DEMO_PASSWORD);
    expect((await worker.get('/api/youth?q=')).json().results.length).toBeGreaterThan(5);
    await app.close();
  });

  it('refuses to run twice or in production', async () => {
    const db = made[0]!;
    await expect(seedDemo(db.database)).rejects.toThrow(/already has counties/);
    const previous = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await expect(seedDemo(db.database)).rejects.toThrow(/NODE_ENV is production/);
    } finally {
      process.env.NODE_ENV = previous;
    }
  });
});
