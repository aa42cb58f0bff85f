// Once per `vitest run`: on the embedded database, one freshly migrated PGlite is dumped to a
// file that every test file then starts from (test/support/db.ts). PGlite's initdb and the
// migrations cost about 4 s per database; loading the dump about 1.5 s. Each file still gets
// its own database, equal to one just prepared. With DATABASE_URL set, every file creates and
// migrates its own database on the server; one database is migrated (and dropped) here first, so
// the cluster-wide roles the migrations create (harbor_app and the scoped roles) exist before two
// files can race to create them.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { newMemoryPglite, openPglite } from '../../src/db/client.js';
import { prepareDatabase } from '../../src/db/prepare.js';
import { createTestDatabase } from './db.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The prepared PGlite dump (a tar file), or '' on a PostgreSQL server. */
    pgliteTemplate: string;
  }
}

export default async function setup(project: TestProject): Promise<(() => void) | undefined> {
  if (process.env.DATABASE_URL) {
    project.provide('pgliteTemplate', '');
    const first = await createTestDatabase();
    await first.drop();
    return undefined;
  }
  const pglite = newMemoryPglite();
  const database = await openPglite(pglite);
  const dir = path.resolve('.tmp', 'test-template');
  const file = path.join(dir, `pglite-${process.pid}.tar`);
  try {
    await prepareDatabase(database);
    const dump = await pglite.dumpDataDir('none');
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  } finally {
    await database.close();
  }
  project.provide('pgliteTemplate', file);
  return () => rmSync(file, { force: true });
}
