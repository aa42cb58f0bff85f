// Opens Harbor's database: embedded PGlite in a data folder by default, or a PostgreSQL server
// when DATABASE_URL is set. Both give the same Drizzle API over the same schema and migrations.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import pg from 'pg';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { sql, type SQL } from 'drizzle-orm';
import { schema } from './schema.js';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Database {
  kind: 'pglite' | 'server';
  /** Typed query builder. Only src/access and src/db use it for youth data; see checkpoint.ts. */
  db: Db;
  /** Runs a multi-statement SQL script (migrations, restore). */
  execScript(sqlText: string): Promise<void>;
  /** Runs one parameterized statement and returns its rows (CLI tools, backup). */
  query<T = Record<string, unknown>>(sqlText: string, params?: unknown[]): Promise<T[]>;
  /**
   * A transaction with transaction-local settings applied first (role, county). On a server the
   * BEGIN and the settings travel in one round trip; values must be plain identifiers or UUIDs.
   */
  transactionWith<T>(settings: Record<string, string>, fn: (tx: Db) => Promise<T>): Promise<T>;
  /** Pins one connection for work that spans statements (locks, transactions by hand). */
  pinned<T>(fn: (conn: RawConnection) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface RawConnection {
  execScript(sqlText: string): Promise<void>;
  query<T = Record<string, unknown>>(sqlText: string, params?: unknown[]): Promise<T[]>;
}

export interface OpenOptions {
  databaseUrl?: string | undefined;
  /** Folder for the embedded database; omit (with no URL) for an in-memory database. */
  dataDir?: string | undefined;
  poolSize?: number;
}

const PG_EXTENSIONS = { pg_trgm, unaccent, btree_gist };

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) return openServer(opts.databaseUrl, opts.poolSize ?? 20);
  let dir: string | undefined;
  if (opts.dataDir) {
    dir = path.resolve(opts.dataDir, 'pglite');
    mkdirSync(dir, { recursive: true });
  }
  return openPglite(new PGlite({ ...(dir ? { dataDir: dir } : {}), extensions: PG_EXTENSIONS }));
}

export async function openPglite(client: PGlite): Promise<Database> {
  await client.waitReady;
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  const raw: RawConnection = {
    async execScript(sqlText) {
      await client.exec(sqlText);
    },
    async query<T>(sqlText: string, params: unknown[] = []) {
      const r = await client.query<T>(sqlText, params);
      return r.rows;
    },
  };
  return {
    kind: 'pglite',
    db,
    ...raw,
    // PGlite is a single connection already.
    pinned: (fn) => fn(raw),
    transactionWith(settings, fn) {
      return db.transaction(async (tx) => {
        await tx.execute(sql.raw(settingsSql(settings)));
        return fn(tx as unknown as Db);
      });
    },
    async close() {
      await client.close();
    },
  };
}

/** Loads a PGlite from a data-folder tarball (used by tests to start from a migrated template). */
export async function openPgliteFromDump(dump: Blob): Promise<Database> {
  return openPglite(new PGlite({ loadDataDir: dump, extensions: PG_EXTENSIONS }));
}

// Return timestamps as JS Dates and dates as 'YYYY-MM-DD' strings, the same as PGlite does.
pg.types.setTypeParser(1082, (v: string) => v);

function openServer(url: string, poolSize: number): Database {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // A dropped connection must not crash the server; the next checkout reconnects.
  pool.on('error', () => undefined);
  return {
    kind: 'server',
    db: drizzlePg(pool, { schema }) as unknown as Db,
    async execScript(sqlText) {
      await pool.query(sqlText);
    },
    async query<T>(sqlText: string, params: unknown[] = []) {
      const r = await pool.query(sqlText, params);
      return r.rows as T[];
    },
    async transactionWith(settings, fn) {
      const client = await pool.connect();
      let broken = false;
      try {
        await client.query('BEGIN; ' + settingsSql(settings));
        const result = await fn(drizzlePg(client, { schema }) as unknown as Db);
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => {
          broken = true;
        });
        throw err;
      } finally {
        client.release(broken);
      }
    },
    async pinned(fn) {
      const client = await pool.connect();
      let broken = false;
      try {
        return await fn({
          async execScript(sqlText) {
            await client.query(sqlText);
          },
          async query<T>(sqlText: string, params: unknown[] = []) {
            return (await client.query(sqlText, params)).rows as T[];
          },
        });
      } catch (err) {
        // A connection left inside a failed transaction must not go back to the pool.
        broken = true;
        throw err;
      } finally {
        client.release(broken);
      }
    },
    async close() {
      await pool.end();
    },
  };
}

const SAFE_SETTING_VALUE = /^[A-Za-z0-9_.:-]*$/;

/** `SELECT set_config(...)` for transaction-local settings, refusing anything but safe values. */
export function settingsSql(settings: Record<string, string>): string {
  const parts = Object.entries(settings).map(([name, value]) => {
    if (!SAFE_SETTING_VALUE.test(name) || !SAFE_SETTING_VALUE.test(value)) {
      throw new Error(`unsafe transaction setting ${name}`);
    }
    return `set_config('${name}', '${value}', true)`;
  });
  return `SELECT ${parts.join(', ')}`;
}

/** Runs raw SQL built with drizzle's `sql` tag and returns its rows, typed by the caller. */
export async function selectRows<T>(tx: Db, query: SQL): Promise<T[]> {
  const result = (await tx.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/**
 * Timestamps from raw `sql` queries arrive as Dates from one driver path and as PostgreSQL text
 * ("2026-11-21 20:19:05.215+00") from another; this gives a Date either way.
 */
export function asDate(value: Date | string): Date;
export function asDate(value: Date | string | null): Date | null;
export function asDate(value: Date | string | null): Date | null {
  if (value === null) return null;
  return value instanceof Date ? value : new Date(value);
}
