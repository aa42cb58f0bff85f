// Applies src/db/migrations/*.sql in name order, each in its own transaction, once.
// Plain SQL so the same files run on PGlite and on a PostgreSQL server, and so row-level
// security, triggers and roles live beside the tables they protect.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Database } from './client.js';

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));
const NAME = /^\d{8}_\d{4}_[a-z0-9_]+\.sql$/;

export function listMigrations(): string[] {
  const files = readdirSync(MIGRATIONS_DIR).filter((f) => f.endsWith('.sql'));
  for (const f of files) {
    if (!NAME.test(f)) throw new Error(`Migration file ${f} must be named YYYYMMDD_NNNN_what_it_does.sql`);
  }
  return files.sort();
}

export async function migrate(database: Database): Promise<string[]> {
  return database.pinned(async (conn) => {
    await conn.execScript(`CREATE TABLE IF NOT EXISTS harbor_migrations (
      name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
    // Serialize concurrent starts against one server (two app instances booting together).
    if (database.kind === 'server') await conn.query('SELECT pg_advisory_lock(727001)');
    const applied: string[] = [];
    try {
      const done = new Set(
        (await conn.query<{ name: string }>('SELECT name FROM harbor_migrations')).map((r) => r.name),
      );
      for (const file of listMigrations()) {
        if (done.has(file)) continue;
        const body = readFileSync(MIGRATIONS_DIR + file, 'utf8');
        await conn.execScript('BEGIN');
        try {
          await conn.execScript(body);
          await conn.query('INSERT INTO harbor_migrations (name) VALUES ($1)', [file]);
          await conn.execScript('COMMIT');
        } catch (err) {
          await conn.execScript('ROLLBACK');
          throw new Error(`Migration ${file} failed and was rolled back: ${(err as Error).message}`);
        }
        applied.push(file);
      }
    } finally {
      if (database.kind === 'server') await conn.query('SELECT pg_advisory_unlock(727001)');
    }
    return applied;
  });
}

export async function latestMigration(database: Database): Promise<string | null> {
  const rows = await database.query<{ name: string }>('SELECT name FROM harbor_migrations ORDER BY name DESC LIMIT 1');
  return rows[0]?.name ?? null;
}
