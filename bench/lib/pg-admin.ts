// Creates and drops the benchmark database on the local PostgreSQL server.
import pg from 'pg';
import { openDatabase, type Database } from '../../src/db/client.js';

export const PG_ADMIN_URL = process.env.BENCH_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const BENCH_DB = 'harbor_bench';

export function benchDbUrl(name = BENCH_DB): string {
  const u = new URL(PG_ADMIN_URL);
  u.pathname = `/${name}`;
  return u.toString();
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 3_000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** The server's version string, or null (with the reason) when it does not answer. */
export async function pgAvailable(): Promise<{ ok: true; version: string } | { ok: false; reason: string }> {
  try {
    const version = await admin(
      async (c) => (await c.query<{ server_version: string }>('SHOW server_version')).rows[0]!.server_version,
    );
    return { ok: true, version };
  } catch (err) {
    return { ok: false, reason: err instanceof Error ? err.message : String(err) };
  }
}

export async function createBenchDb(name = BENCH_DB): Promise<string> {
  await admin(async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${name}`);
  });
  return benchDbUrl(name);
}

export async function dropBenchDb(name = BENCH_DB): Promise<void> {
  await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}

/**
 * Runs an in-process benchmark on a fresh embedded PGlite, then on a scratch database `name` on
 * the PostgreSQL server (dropped after); when the server does not answer, that mode is `skipped`.
 */
export async function onBothDatabases<R>(
  name: string,
  run: (mode: 'pglite' | 'postgres', database: Database) => Promise<R>,
  skipped: (reason: string) => R,
): Promise<R[]> {
  const results: R[] = [];
  const lite = await openDatabase({});
  try {
    results.push(await run('pglite', lite));
  } finally {
    await lite.close();
  }
  const up = await pgAvailable();
  if (!up.ok) {
    console.error(`PostgreSQL server mode SKIPPED: ${up.reason}`);
    results.push(skipped(`server did not answer (${up.reason})`));
    return results;
  }
  const url = await createBenchDb(name);
  try {
    const server = await openDatabase({ databaseUrl: url, poolSize: 4 });
    try {
      results.push(await run('postgres', server));
    } finally {
      await server.close();
    }
  } finally {
    await dropBenchDb(name);
  }
  return results;
}

export async function pgSettings(): Promise<Record<string, string>> {
  return admin(async (c) => {
    const rows = (
      await c.query<{ name: string; setting: string }>(
        `SELECT name, setting FROM pg_settings WHERE name IN ('max_connections','shared_buffers','synchronous_commit','fsync')`,
      )
    ).rows;
    return Object.fromEntries(rows.map((r) => [r.name, r.setting]));
  });
}
