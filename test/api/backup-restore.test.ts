// A backup restores into an empty database of either mode with every row and an intact audit chain.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../src/access/audit.js';
import { backup, restore } from '../../src/cli/backup.js';
import { openDatabase } from '../../src/db/client.js';
import { startHarness, type Harness } from '../support/app.js';
import { createTestDatabase } from '../support/db.js';

let h: Harness;
const dir = mkdtempSync(path.join(tmpdir(), 'harbor-backup-'));
beforeAll(async () => {
  h = await startHarness();
  // Some audit history to carry over.
  await (await h.as('worker')).get(`/api/youth/${h.world.youth.ana}`);
  await (await h.as('worker')).get('/api/youth?q=quintero');
});
afterAll(() => h.close());

const counts = async (db: { query: Harness['db']['database']['query'] }) =>
  Object.fromEntries(
    await Promise.all(
      ['counties', 'users', 'youth', 'youth_aliases', 'cases', 'assignments', 'audit_events'].map(async (t) => [
        t,
        (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${t}`))[0]!.n,
      ]),
    ),
  );

describe('harbor backup / restore', () => {
  it('round-trips every row into a fresh database and the audit chain still verifies', async () => {
    const file = path.join(dir, 'one.harbor.gz');
    const made = await backup(h.db.database, file);
    expect(made.rows).toBeGreaterThan(20);
    const target = await createTestDatabase();
    try {
      await restore(target.database, file);
      expect(await counts(target.database)).toEqual(await counts(h.db.database));
      expect((await verifyAudit(target.database)).ok).toBe(true);
      // Generated search columns are rebuilt, and new audit events continue the chain.
      const [row] = await target.database.query<{ search_text: string }>(
        `SELECT search_text FROM youth WHERE id = $1`,
        [h.world.youth.ana],
      );
      expect(row!.search_text).toBe('anais quintero ana');
      await target.database.query(
        `INSERT INTO audit_events (county_id, action, shard, shard_seq, prev_hash, hash) VALUES ($1, 'test.after_restore', 0, 0, '', '')`,
        [h.world.counties.la],
      );
      expect((await verifyAudit(target.database)).ok).toBe(true);
    } finally {
      await target.drop();
    }
    // A whole backup and restore: about 10 s on a quiet machine, several times that on a busy one.
  }, 120_000);

  it('restores an embedded-database backup into a fresh embedded database too', async () => {
    const file = path.join(dir, 'two.harbor.gz');
    await backup(h.db.database, file);
    const embedded = await openDatabase({});
    try {
      await restore(embedded, file);
      expect(await counts(embedded)).toEqual(await counts(h.db.database));
    } finally {
      await embedded.close();
    }
  }, 120_000);

  it('refuses a database that already holds data unless forced, and a file that is not a backup', async () => {
    const file = path.join(dir, 'three.harbor.gz');
    await backup(h.db.database, file);
    await expect(restore(h.db.database, file)).rejects.toThrow(/already holds data/);
    const junk = path.join(dir, 'junk.gz');
    writeFileSync(junk, gzipSync('hello\n'));
    await expect(restore(h.db.database, junk)).rejects.toThrow(/not a Harbor backup/);
    const plain = path.join(dir, 'plain.txt');
    writeFileSync(plain, 'not gzip');
    await expect(restore(h.db.database, plain)).rejects.toThrow(/not a Harbor backup/);
  }, 120_000);

  it('changes nothing when a damaged backup fails half-way', async () => {
    const file = path.join(dir, 'damaged.harbor.gz');
    const header = {
      format: 'harbor-backup',
      version: 1,
      migration: (await h.db.database.query<{ name: string }>('SELECT max(name) AS name FROM harbor_migrations'))[0]!
        .name,
      createdAt: '',
      tables: [],
    };
    writeFileSync(file, gzipSync(JSON.stringify(header) + '\n{"table":"counties","rows":[]}\n{broken\n'));
    const before = await counts(h.db.database);
    await expect(restore(h.db.database, file, { force: true })).rejects.toThrow(/damaged/);
    expect(await counts(h.db.database)).toEqual(before);
  });
});
