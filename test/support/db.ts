// A fresh, migrated database per test file: in-memory PGlite by default, or a new database on
// the PostgreSQL server named by DATABASE_URL (the CI runs the API suite both ways).
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, openPgliteFromDump, type Database } from '../../src/db/client.js';
import { prepareDatabase } from '../../src/db/prepare.js';

export interface TestDatabase {
  database: Database;
  /** The URL of this test's own database (server mode), for tests that open a second connection. */
  url: string | null;
  drop(): Promise<void>;
}

export const serverUrl = () => process.env.DATABASE_URL;

export async function createTestDatabase(): Promise<TestDatabase> {
  const base = serverUrl();
  if (!base) {
    // The run's prepared template (test/support/global-setup.ts); prepareDatabase then finds
    // nothing to do, but still checks, so a stale template could not hide a migration.
    const template = inject('pgliteTemplate');
    const database = template ? await openPgliteFromDump(new Blob([readFileSync(template)])) : await openDatabase({});
    await prepareDatabase(database);
    return { database, url: null, drop: () => database.close() };
  }
  const name = `harbor_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 5 });
  await prepareDatabase(database);
  return {
    database,
    url: url.toString(),
    async drop() {
      await database.close();
      const a = new pg.Client({ connectionString: base });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}
