// Logical backup and restore that work the same in both database modes, and across them: a
// backup of the embedded demo restores into a PostgreSQL server. The file is gzipped JSON lines:
// a header, then batches of rows per table. PostgreSQL does the type conversion both ways
// (row_to_json out, json_populate_recordset in), so every column type round-trips.
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';
import type { Database, RawConnection } from '../db/client.js';
import { latestMigration, migrate } from '../db/migrate.js';

export const BACKUP_FORMAT = 'harbor-backup';
export const BACKUP_VERSION = 1;
// Sessions and sign-in throttles are short-lived and must not come back to life from a backup.
const SKIPPED = new Set(['sessions', 'login_throttle', 'harbor_migrations']);
const BATCH = 1000;

interface Header {
  format: string;
  version: number;
  migration: string | null;
  createdAt: string;
  tables: string[];
}

async function tables(conn: RawConnection): Promise<string[]> {
  const rows = await conn.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  return rows.map((r) => r.table_name).filter((t) => !SKIPPED.has(t));
}

const ident = (name: string) => '"' + name.replace(/"/g, '""') + '"';

export async function backup(database: Database, file: string): Promise<{ tables: number; rows: number }> {
  let total = 0;
  const names = await tables(database);
  const header: Header = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    migration: await latestMigration(database),
    createdAt: new Date().toISOString(),
    tables: names,
  };
  // One repeatable-read transaction: every table as of the same instant.
  await database.pinned(async (conn) => {
    await conn.execScript('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    try {
      async function* lines() {
        yield JSON.stringify(header) + '\n';
        for (const table of names) {
          let offset = 0;
          for (;;) {
            const rows = await conn.query<{ r: unknown }>(
              `SELECT row_to_json(t) AS r FROM ${ident(table)} t ORDER BY t.ctid LIMIT ${BATCH} OFFSET ${offset}`,
            );
            if (rows.length === 0) break;
            total += rows.length;
            offset += rows.length;
            yield JSON.stringify({ table, rows: rows.map((x) => x.r) }) + '\n';
            if (rows.length < BATCH) break;
          }
        }
      }
      await pipeline(Readable.from(lines()), createGzip(), createWriteStream(file));
    } finally {
      await conn.execScript('COMMIT');
    }
  });
  return { tables: names.length, rows: total };
}

export class RestoreError extends Error {}

export async function restore(
  database: Database,
  file: string,
  opts: { force?: boolean } = {},
): Promise<{ tables: number; rows: number }> {
  await migrate(database);
  const reader = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  const it = reader[Symbol.asyncIterator]();
  let first: IteratorResult<string>;
  try {
    first = await it.next();
  } catch {
    throw new RestoreError(`${file} is not a Harbor backup (it is not a gzip file).`);
  }
  let header: Header;
  try {
    header = JSON.parse(first.value ?? '') as Header;
  } catch {
    throw new RestoreError(`${file} is not a Harbor backup (its first line is not a header).`);
  }
  if (header.format !== BACKUP_FORMAT || header.version !== BACKUP_VERSION) {
    throw new RestoreError(`${file} is not a Harbor backup of a version this Harbor reads (format ${BACKUP_VERSION}).`);
  }
  const current = await latestMigration(database);
  if (header.migration !== current) {
    throw new RestoreError(
      `The backup was made at schema ${header.migration ?? '(none)'} but this Harbor is at ${current ?? '(none)'}. ` +
        'Restore it with the Harbor version that made it, then upgrade.',
    );
  }
  return database.pinned(async (conn) => {
    // Every database has the 58 counties (reference data, migration 0014); data is people and youth.
    const [{ n } = { n: 0 }] = await conn.query<{ n: number }>(
      'SELECT ((SELECT count(*) FROM users) + (SELECT count(*) FROM youth))::int AS n',
    );
    if (n > 0 && !opts.force) {
      throw new RestoreError(
        'The target database already holds data. Restore into an empty one, or pass --force to replace everything in it.',
      );
    }
    const names = await tables(conn);
    const columns = new Map<string, string[]>();
    for (const t of names) {
      const cols = await conn.query<{ column_name: string }>(
        `SELECT column_name FROM information_schema.columns
          WHERE table_schema = 'public' AND table_name = $1 AND is_generated = 'NEVER' ORDER BY ordinal_position`,
        [t],
      );
      columns.set(
        t,
        cols.map((c) => c.column_name),
      );
    }
    let rows = 0;
    await conn.execScript('BEGIN');
    try {
      // Replica mode skips triggers and foreign-key checks while rows arrive in any order, and
      // keeps the audit chain's stored hashes instead of recomputing them. Needs a superuser.
      await conn.execScript("SET LOCAL session_replication_role = 'replica'");
      await conn.execScript(`TRUNCATE ${names.map(ident).join(', ')}, sessions, login_throttle`);
      for (;;) {
        const next = await it.next();
        if (next.done) break;
        if (!next.value.trim()) continue;
        const batch = JSON.parse(next.value) as { table: string; rows: unknown[] };
        const cols = columns.get(batch.table);
        if (!cols) throw new RestoreError(`The backup holds a table this Harbor does not have: ${batch.table}.`);
        const list = cols.map(ident).join(', ');
        await conn.query(
          `INSERT INTO ${ident(batch.table)} (${list}) SELECT ${list} FROM json_populate_recordset(NULL::${ident(batch.table)}, $1::json)`,
          [JSON.stringify(batch.rows)],
        );
        rows += batch.rows.length;
      }
      // Serial columns continue after the restored ids.
      const serials = await conn.query<{ t: string; c: string }>(
        `SELECT table_name AS t, column_name AS c FROM information_schema.columns
          WHERE table_schema = 'public' AND column_default LIKE 'nextval(%'`,
      );
      for (const s of serials) {
        await conn.query(
          `SELECT setval(pg_get_serial_sequence($1, $2), coalesce((SELECT max(${ident(s.c)}) FROM ${ident(s.t)}), 0) + 1, false)`,
          [s.t, s.c],
        );
      }
      await conn.execScript('COMMIT');
    } catch (err) {
      await conn.execScript('ROLLBACK');
      if (err instanceof SyntaxError)
        throw new RestoreError(`${file} is damaged: a line is not valid JSON. Nothing was changed.`);
      throw err;
    }
    return { tables: header.tables.length, rows };
  });
}
