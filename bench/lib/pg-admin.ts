// Creates and drops the benchmark database on the local PostgreSQL server.
import pg from 'pg';

export const PG_ADMIN_URL = process.env.BENCH_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const BENCH_DB = 'harbor_bench';

export function benchDbUrl(): string {
  const u = new URL(PG_ADMIN_URL);
  u.pathname = `/${BENCH_DB}`;
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
    const version = await admin(async (c) => (await c.query<{ v: string }>('SHOW server_version')).rows[0]!.v);
    return { ok: true, version };
  } catch (err) {
    return { ok: false, reason: err instanceof Error ? err.message : String(err) };
  }
}

export async function createBenchDb(): Promise<string> {
  await admin(async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${BENCH_DB} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${BENCH_DB}`);
  });
  return benchDbUrl();
}

export async function dropBenchDb(): Promise<void> {
  await admin((c) => c.query(`DROP DATABASE IF EXISTS ${BENCH_DB} WITH (FORCE)`));
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
