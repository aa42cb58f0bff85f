// Opens Harbor's database: embedded PGlite in a data folder by default, or a PostgreSQL server
// when DATABASE_URL is set. Both give the same Drizzle API over the same schema and migrations.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
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
  /**
   * A transaction for bulk work: commits when fn returns, rolls back when it throws. On PGlite it
   * holds the database's lock throughout, so no request's statements interleave with it.
   */
  bulkTransaction<T>(fn: (tx: BulkTransaction) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface RawConnection {
  execScript(sqlText: string): Promise<void>;
  query<T = Record<string, unknown>>(sqlText: string, params?: unknown[]): Promise<T[]>;
}

/** One transaction on one connection for bulk loading (src/features/import): raw SQL, COPY and Drizzle. */
export interface BulkTransaction extends RawConnection {
  /** Drizzle bound to the same transaction, for use cases written against Db. */
  db: Db;
  /**
   * COPY text-format lines (tab-separated, `\N` for NULL, each ending in a newline) into a table,
   * streamed: on a server through COPY FROM STDIN, on PGlite in blocks of a few megabytes. The
   * table and column names must be plain identifiers. Bulk loading only (src/features/import).
   */
  copyIn(table: string, columns: readonly string[], lines: AsyncIterable<string>): Promise<void>;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;
function copyTarget(table: string, columns: readonly string[]): string {
  if (!IDENTIFIER.test(table) || !columns.every((c) => IDENTIFIER.test(c)))
    throw new Error('copyIn takes plain identifiers only');
  return `${table} (${columns.join(', ')})`;
}

/** PGlite has no COPY FROM STDIN: the lines go in blocks through its /dev/blob device. */
const PGLITE_COPY_BLOCK = 4 << 20;

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
    bulkTransaction(fn) {
      return client.transaction(async (t) => {
        const tx: BulkTransaction = {
          db: drizzlePglite(t as unknown as PGlite, { schema }) as unknown as Db,
          async execScript(sqlText) {
            await t.exec(sqlText);
          },
          async query<T>(sqlText: string, params: unknown[] = []) {
            return (await t.query<T>(sqlText, params)).rows;
          },
          async copyIn(table, columns, lines) {
            const statement = `COPY ${copyTarget(table, columns)} FROM '/dev/blob'`;
            let block: string[] = [];
            let size = 0;
            const flush = async () => {
              if (block.length === 0) return;
              await t.query(statement, [], { blob: new Blob(block) });
              block = [];
              size = 0;
            };
            for await (const line of lines) {
              block.push(line);
              size += line.length;
              if (size >= PGLITE_COPY_BLOCK) await flush();
            }
            await flush();
          },
        };
        return fn(tx);
      });
    },
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

/** An in-memory PGlite with Harbor's extensions (tests dump one prepared copy as their template). */
export function newMemoryPglite(): PGlite {
  return new PGlite({ extensions: PG_EXTENSIONS });
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
    async bulkTransaction(fn) {
      const client = await pool.connect();
      let broken = false;
      try {
        await client.query('BEGIN');
        const result = await fn({
          db: drizzlePg(client, { schema }) as unknown as Db,
          async execScript(sqlText) {
            await client.query(sqlText);
          },
          async query<T>(sqlText: string, params: unknown[] = []) {
            return (await client.query(sqlText, params)).rows as T[];
          },
          async copyIn(table, columns, lines) {
            const sink = client.query(copyFrom(`COPY ${copyTarget(table, columns)} FROM STDIN`));
            await pipeline(Readable.from(lines), sink);
          },
        });
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
