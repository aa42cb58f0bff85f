// The walls inside a county rest on database roles, not on the code of a route. A `reference`
// route's work runs as harbor_reference and an `aggregate` route's as harbor_aggregate (migration
// 0012): neither can select a youth's name, whatever its handler's SQL says. Runs on PGlite and,
// with DATABASE_URL, on the PostgreSQL server.
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { selectRows, type Database } from '../../src/db/client.js';
import { buildApp } from '../../src/server/app.js';
import { routes } from '../../src/server/route.js';
import { signIn, type Client } from '../support/app.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { buildWorld, type Who, type World } from '../support/world.js';

const NEW_ROLES = ['harbor_aggregate', 'harbor_reference'] as const;

/** Columns that identify a youth (or where the youth is): no grant to either new role. */
const IDENTITY_COLUMNS: [table: string, column: string][] = [
  ['youth', 'legal_first_name'],
  ['youth', 'legal_last_name'],
  ['youth', 'preferred_name'],
  ['youth', 'date_of_birth'],
  ['youth', 'phone'],
  ['youth', 'email'],
  ['youth', 'search_text'],
  ['youth_aliases', 'alias'],
  ['youth_aliases', 'search_text'],
  ['youth_identifiers', 'value'],
  ['cases', 'external_id'],
  ['referrals', 'external_id'],
  ['placement_episodes', 'address'],
  ['first_responder_encounters', 'street_address'],
  ['missing_episodes', 'discovered_by_name'],
  ['mdt_attendees', 'name'],
];

let db: TestDatabase;
let world: World;
let app: FastifyInstance;
const clients = new Map<Who, Client>();
const as = async (who: Who) => {
  if (!clients.has(who)) clients.set(who, await signIn(app, world.users[who].email));
  return clients.get(who)!;
};

/** The SQLSTATE of a database error from pg, PGlite or Drizzle's wrapper. */
function sqlState(err: unknown): string | null {
  for (let e: unknown = err, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return null;
}

/** Runs one statement as `role`, in the given county, and gives its rows or its SQLSTATE. */
async function runAs(database: Database, role: string, countyId: string, statement: string) {
  try {
    const rows = await database.transactionWith(
      { role, 'harbor.county_id': countyId, 'harbor.all_counties': 'off', 'harbor.user_id': '' },
      (tx) => selectRows<Record<string, unknown>>(tx, sql.raw(statement)),
    );
    return { rows, state: null };
  } catch (err) {
    return { rows: null, state: sqlState(err) };
  }
}

beforeAll(async () => {
  db = await createTestDatabase();
  world = await buildWorld(db.database);
  app = await buildApp({
    database: db.database,
    config: loadConfig({ NODE_ENV: 'test', HARBOR_LOG_LEVEL: 'silent' }),
    serveWeb: false,
  });
  // Routes as a careless or hostile feature would write them: each handler selects names
  // through the context its policy grants. Only the database stands in the way.
  const r = routes(app);
  r.get('/api/test/reference-names', { config: { policy: { access: 'reference' } }, schema: {} }, async (_req, ctx) =>
    ctx.forCounty('test.names', ({ tx }) => selectRows(tx, sql`SELECT legal_first_name FROM youth`), {
      audit: false,
    }),
  );
  r.get(
    '/api/test/aggregate-names',
    { config: { policy: { access: 'aggregate', ability: 'stats.read' } }, schema: {} },
    async (_req, ctx) =>
      ctx.aggregate('test.names', ({ tx }) =>
        selectRows(tx, sql`SELECT legal_first_name, legal_last_name, date_of_birth FROM youth`),
      ),
  );
  // The same two contexts, counting: the roles see their county's rows (or all, for the state).
  r.get('/api/test/reference-count', { config: { policy: { access: 'reference' } }, schema: {} }, async (_req, ctx) =>
    ctx.forCounty('test.count', ({ tx }) => selectRows(tx, sql`SELECT count(*)::int AS n FROM youth`), {
      audit: false,
    }),
  );
  r.get(
    '/api/test/aggregate-count',
    { config: { policy: { access: 'aggregate', ability: 'stats.read' } }, schema: {} },
    async (_req, ctx) =>
      ctx.aggregate('test.count', ({ tx }) => selectRows(tx, sql`SELECT count(*)::int AS n FROM youth`)),
  );
  // What each kind of handler holds at run time.
  for (const policy of [
    { access: 'youth' as const },
    { access: 'aggregate' as const, ability: 'stats.read' as const },
    { access: 'reference' as const },
    { access: 'admin' as const, ability: 'settings.edit' as const },
    { access: 'self' as const },
  ]) {
    r.get(`/api/test/context/${policy.access}`, { config: { policy }, schema: {} }, async (_req, ctx) => ({
      keys: Object.keys(ctx).sort(),
    }));
  }
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await db?.drop();
});

describe('database roles', () => {
  it('refuses harbor_aggregate and harbor_reference a youth name, but lets them count', async () => {
    for (const role of NEW_ROLES) {
      const names = await runAs(db.database, role, world.counties.la, 'SELECT legal_first_name FROM youth');
      expect(names, role).toEqual({ rows: null, state: '42501' });
      const star = await runAs(db.database, role, world.counties.la, 'SELECT * FROM youth');
      expect(star.state, role).toBe('42501');
      const aliases = await runAs(db.database, role, world.counties.la, 'SELECT count(*) FROM youth_aliases');
      expect(aliases.state, role).toBe('42501');
      const count = await runAs(db.database, role, world.counties.la, 'SELECT count(*)::int AS n FROM youth');
      expect(count.state, role).toBeNull();
      // Row-level security applies to them as to harbor_app: Los Angeles's four youth, not Diego.
      expect(count.rows, role).toEqual([{ n: 4 }]);
    }
    // The youth role still reads names (through the checkpoint, which checks the relation).
    const app = await runAs(db.database, 'harbor_app', world.counties.la, 'SELECT legal_first_name FROM youth');
    expect(app.state).toBeNull();
    expect(app.rows!.length).toBe(4);
  });

  it('grants neither new role any identity column, and harbor_app all of them', async () => {
    const refused: string[] = [];
    for (const [table, column] of IDENTITY_COLUMNS) {
      for (const role of NEW_ROLES) {
        const [row] = await db.database.query<{ ok: boolean }>(
          `SELECT has_column_privilege($1, $2, $3, 'SELECT') AS ok`,
          [role, table, column],
        );
        if (row!.ok) refused.push(`${role} may read ${table}.${column}`);
      }
      const [app] = await db.database.query<{ ok: boolean }>(
        `SELECT has_column_privilege('harbor_app', $1, $2, 'SELECT') AS ok`,
        [table, column],
      );
      expect(app!.ok, `harbor_app ${table}.${column}`).toBe(true);
    }
    expect(refused).toEqual([]);
  });

  it('fences both new roles by county on every table they may read (row-level security names them)', async () => {
    // A policy applies only to the roles it names. On every table with row-level security that a
    // new role may read, the role must have a permissive policy (or it sees no rows at all) and
    // every restrictive policy written for harbor_app (notifications: your own only) must name it.
    const policies = await db.database.query<{
      tablename: string;
      policyname: string;
      permissive: string;
      roles: string[];
    }>(`SELECT tablename, policyname, permissive, roles::text[] AS roles FROM pg_policies WHERE schemaname = 'public'`);
    const secured = await db.database.query<{ table_name: string }>(
      `SELECT c.relname AS table_name FROM pg_class c
        WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r' AND c.relrowsecurity`,
    );
    expect(secured.length).toBeGreaterThan(40);
    const missing: string[] = [];
    for (const { table_name } of secured) {
      const on = policies.filter((p) => p.tablename === table_name);
      for (const role of NEW_ROLES) {
        const [grant] = await db.database.query<{ ok: boolean }>(
          `SELECT has_any_column_privilege($1, $2, 'SELECT') AS ok`,
          [role, table_name],
        );
        if (!grant!.ok) continue;
        if (!on.some((p) => p.permissive === 'PERMISSIVE' && p.roles.includes(role)))
          missing.push(`${role} may read ${table_name} but no permissive policy names it`);
        for (const p of on.filter((p) => p.permissive === 'RESTRICTIVE' && p.roles.includes('harbor_app')))
          if (!p.roles.includes(role))
            missing.push(`${table_name}.${p.policyname} (restrictive) does not name ${role}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('refuses names to a reference route a county analyst calls: 403, no names', async () => {
    const analyst = await as('analyst');
    const res = await analyst.get('/api/test/reference-names');
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ status: 403, code: 'forbidden' });
    for (const name of ['Anaís', 'Bruno', 'Carla', 'Diego', 'Elena']) expect(res.body).not.toContain(name);
    // The same context counts its county's youth.
    expect((await analyst.get('/api/test/reference-count')).json()).toEqual([{ n: 4 }]);
  });

  it('refuses names to an aggregate route a state analyst calls: 403, no names from either county', async () => {
    const state = await as('state');
    const res = await state.get('/api/test/aggregate-names');
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ status: 403, code: 'forbidden' });
    for (const name of ['Anaís', 'Bruno', 'Carla', 'Diego', 'Elena', '2010-03-14'])
      expect(res.body).not.toContain(name);
    // Across counties for counting: both counties' five youth.
    expect((await state.get('/api/test/aggregate-count')).json()).toEqual([{ n: 5 }]);
    // A county analyst's aggregate is refused names the same way, and counts its own county.
    const analyst = await as('analyst');
    expect((await analyst.get('/api/test/aggregate-names')).statusCode).toBe(403);
    expect((await analyst.get('/api/test/aggregate-count')).json()).toEqual([{ n: 4 }]);
  });

  it('hands each handler only the functions its policy grants', async () => {
    const admin = await as('admin');
    const worker = await as('worker');
    const analyst = await as('analyst');
    const keys = async (c: Client, access: string) => (await c.get(`/api/test/context/${access}`)).json().keys;
    expect(await keys(worker, 'youth')).toEqual([
      'acrossAddressed',
      'acrossYouth',
      'actor',
      'forAddressed',
      'forDataQuality',
      'forNewYouth',
      'forYouth',
      'kind',
    ]);
    expect(await keys(analyst, 'aggregate')).toEqual(['actor', 'aggregate', 'kind']);
    expect(await keys(analyst, 'reference')).toEqual(['actor', 'forCounty', 'kind']);
    expect(await keys(admin, 'admin')).toEqual(['actor', 'forCounty', 'forState', 'importExtract', 'kind']);
    expect(await keys(worker, 'self')).toEqual(['actor', 'forSelf', 'kind']);
  });
});
