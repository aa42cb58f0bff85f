// The Drizzle table definitions (src/db/schema.ts) must match what the SQL migrations create.
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { schema } from '../../src/db/schema.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.drop());

it('every Drizzle table and column exists in the migrated database, with matching nullability', async () => {
  const rows = await db.database.query<{ table_name: string; column_name: string; is_nullable: string }>(
    `SELECT table_name, column_name, is_nullable FROM information_schema.columns WHERE table_schema = 'public'`,
  );
  const actual = new Map(rows.map((r) => [`${r.table_name}.${r.column_name}`, r.is_nullable === 'YES']));
  const problems: string[] = [];
  for (const table of Object.values(schema) as PgTable[]) {
    const config = getTableConfig(table);
    const declared = new Set<string>();
    for (const column of config.columns) {
      const key = `${config.name}.${column.name}`;
      declared.add(key);
      if (!actual.has(key)) problems.push(`${key} is declared but not migrated`);
      else if (actual.get(key) === column.notNull) problems.push(`${key} nullability differs`);
    }
    for (const key of actual.keys())
      if (key.startsWith(config.name + '.') && !declared.has(key)) problems.push(`${key} is migrated but not declared`);
  }
  expect(problems).toEqual([]);
});
