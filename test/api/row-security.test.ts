import { systemRepo } from '../../src/access/checkpoint.js';
// Row-level security covers every county table: each table with a county_id column has RLS
// enabled and forced (so the owner is bound by policies too) and a county policy, and every table
// without one is on the allowlist below, so a new table cannot silently skip the wall.
// On a PostgreSQL server it also runs Harbor's system work (migrations, shipped reference data,
// demo seed, jobs) as a NON-superuser owner, the one case where FORCE changes anything: a
// superuser (PGlite's postgres, the CI's postgres) bypasses row-level security whatever FORCE says.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openDatabase, selectRows } from '../../src/db/client.js';
import { prepareDatabase } from '../../src/db/prepare.js';
import { runAdvocacyFlags } from '../../src/jobs/advocacy-flags.js';
import { markMissedObligations } from '../../src/jobs/mark-missed-obligations.js';
import { seedDemo } from '../../src/seed/demo.js';
import { createTestDatabase, serverUrl, type TestDatabase } from '../support/db.js';

// Tables with no county_id column, each with the reason it needs no county wall. A new table
// without county_id fails this test until it is added here with its reason.
const NO_COUNTY_COLUMN = new Map([
  // The list of counties itself (id, code, name): reference data every county may read; the
  // application role has SELECT only.
  ['counties', 'the county list'],
  // Keyed by user; read and written only by sign-in on the system connection (no grant to harbor_app).
  ['sessions', 'sign-in sessions'],
  // Keyed by a hash of an email or 'mfa:<user id>'; sign-in only, no grant to harbor_app.
  ['login_throttle', 'failed sign-in counters'],
  // The 16 audit chain heads; written by the SECURITY DEFINER audit trigger only.
  ['audit_chain', 'audit chain heads'],
  // Created by src/db/migrate.ts; names of applied migrations.
  ['harbor_migrations', 'migration bookkeeping'],
]);

/** The policy 0013 gives the owning role (system work); it is not a county policy. */
const OWNER_POLICY = 'owner_system_access';

interface TableRls {
  table_name: string;
  has_county: boolean;
  enabled: boolean;
  forced: boolean;
  policies: string[];
}

async function rlsFacts(database: TestDatabase['database']): Promise<TableRls[]> {
  return database.query<TableRls>(
    `SELECT c.relname AS table_name,
            EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'county_id'
                      AND a.attnum > 0 AND NOT a.attisdropped) AS has_county,
            c.relrowsecurity AS enabled, c.relforcerowsecurity AS forced,
            coalesce((SELECT array_agg(p.policyname::text ORDER BY p.policyname) FROM pg_policies p
                       WHERE p.schemaname = 'public' AND p.tablename = c.relname), '{}') AS policies
       FROM pg_class c
      WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p')
      ORDER BY c.relname`,
  );
}

let db: TestDatabase;
let tables: TableRls[];
beforeAll(async () => {
  db = await createTestDatabase();
  tables = await rlsFacts(db.database);
});
afterAll(() => db.drop());

it('every table with a county_id has row-level security enabled, forced and a county policy', () => {
  const county = tables.filter((t) => t.has_county);
  expect(county.length).toBeGreaterThan(40);
  const offenders = county
    .map((t) => {
      const missing = [
        !t.enabled && 'not enabled',
        !t.forced && 'not forced',
        !t.policies.some((p) => p !== OWNER_POLICY) && 'no county policy',
      ].filter(Boolean);
      return missing.length
        ? `${t.table_name}: ${missing.join(', ')} (policies: ${t.policies.join(', ') || 'none'})`
        : null;
    })
    .filter((o) => o !== null);
  expect(offenders, `tables with county_id lacking row-level security:\n${offenders.join('\n')}`).toEqual([]);
});

it('every table without a county_id is on the commented allowlist, and the allowlist is current', () => {
  const without = tables.filter((t) => !t.has_county).map((t) => t.table_name);
  const unlisted = without.filter((t) => !NO_COUNTY_COLUMN.has(t));
  expect(unlisted, `tables without county_id and not on NO_COUNTY_COLUMN: ${unlisted.join(', ')}`).toEqual([]);
  const stale = [...NO_COUNTY_COLUMN.keys()].filter((t) => !without.includes(t));
  expect(stale, `NO_COUNTY_COLUMN lists tables that are gone or now have county_id: ${stale.join(', ')}`).toEqual([]);
});

// Server only: PGlite runs as a superuser, which row-level security never binds.
describe.skipIf(!serverUrl())('system work as a non-superuser table owner, with FORCE', () => {
  const suffix = randomBytes(6).toString('hex');
  const role = `harbor_t_owner_${suffix}`;
  const dbName = `harbor_t_${suffix}`;
  const urlAs = (user: string | null) => {
    const url = new URL(serverUrl()!);
    if (user) {
      url.username = user;
      url.password = '';
    }
    url.pathname = `/${dbName}`;
    return url.toString();
  };
  async function asSuperuser<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      return await fn(c);
    } finally {
      await c.end();
    }
  }

  beforeAll(async () => {
    // Like a managed PostgreSQL's main user: owns the database, may create and grant roles
    // (0003 grants it harbor_app), is neither superuser nor BYPASSRLS.
    await asSuperuser(serverUrl()!, async (c) => {
      await c.query(`CREATE ROLE ${role} LOGIN CREATEROLE NOSUPERUSER NOBYPASSRLS`);
      await c.query(`CREATE DATABASE ${dbName} OWNER ${role}`);
    });
  });
  afterAll(async () => {
    await asSuperuser(serverUrl()!, async (c) => {
      await c.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
      await c.query(`DROP ROLE IF EXISTS ${role}`);
    });
  });

  it('migrates, installs reference data, seeds and runs the jobs, seeing every row', async () => {
    const owner = await openDatabase({ databaseUrl: urlAs(role), poolSize: 2 });
    try {
      await prepareDatabase(owner);
      await seedDemo(owner, { youthPerCounty: [6, 2] });
      const missed = await markMissedObligations(systemRepo(owner), {
        publicUrl: 'https://harbor.test.example',
        now: new Date(Date.now() + 400 * 86_400_000),
      });
      expect(missed.marked).toBeGreaterThan(0);
      expect(missed.notifications).toBeGreaterThan(0);
      await runAdvocacyFlags(systemRepo(owner), new Date(Date.now() + 400 * 86_400_000));

      const [me] = await owner.query<{ rolsuper: boolean; rolbypassrls: boolean }>(
        'SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user',
      );
      expect(me).toEqual({ rolsuper: false, rolbypassrls: false });
      const forced = await owner.query<{ relname: string }>(
        `SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relforcerowsecurity`,
      );
      expect(forced.length).toBeGreaterThan(40);

      // The owner sees exactly what a superuser sees, table by table.
      const countyTables = (await rlsFacts(owner)).filter((t) => t.has_county).map((t) => t.table_name);
      const countAll = async (q: (text: string) => Promise<{ n: number }[]>) => {
        const counts: [string, number][] = [];
        for (const t of countyTables) counts.push([t, (await q(`SELECT count(*)::int AS n FROM "${t}"`))[0]!.n]);
        return counts;
      };
      const asOwner = await countAll((s) => owner.query(s));
      const asSuper = await asSuperuser(urlAs(null), (c) => countAll(async (s) => (await c.query(s)).rows));
      expect(asOwner).toEqual(asSuper);
      expect(Object.fromEntries(asOwner)).toMatchObject({ youth: 8 });

      // And the application role is still fenced by county when the owner switches to it.
      const [la] = await owner.query<{ id: string }>(`SELECT id FROM counties WHERE code = 'los-angeles'`);
      const [seen] = await owner.transactionWith(
        { role: 'harbor_app', 'harbor.county_id': la!.id, 'harbor.all_counties': 'off' },
        (tx) =>
          selectRows<{ n: number; other: number }>(
            tx,
            sql`SELECT count(*)::int AS n, count(*) FILTER (WHERE county_id <> ${la!.id})::int AS other FROM youth`,
          ),
      );
      expect(seen).toEqual({ n: 6, other: 0 });
    } finally {
      await owner.close();
    }
  }, 180_000);
});
