// The Drizzle table definitions (src/db/schema.ts) must match what the SQL migrations create,
// both ways: every table of the public schema is declared and every declared table is migrated,
// and for each column the name, SQL type, nullability, whether it has a default, whether it is
// generated, and primary key membership agree. A migration that adds a table or a column fails
// here until src/db/schema/ declares it.
import { is } from 'drizzle-orm';
import { getTableConfig, PgTable, type PgColumn } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RawConnection } from '../../src/db/client.js';
import { schema } from '../../src/db/schema.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';

// Tables in the database that Drizzle deliberately does not declare, and why.
const NOT_DECLARED = new Map([
  // Created by the migration runner itself (src/db/migrate.ts) before any migration runs, read
  // and written only there with raw SQL; no application code may touch it.
  ['harbor_migrations', 'the migration runner bookkeeping'],
]);

interface ColumnFacts {
  type: string;
  notNull: boolean;
  hasDefault: boolean;
  generated: boolean;
  primaryKey: boolean;
}

/** SQL type spellings made comparable: Drizzle says `bigserial`, `varchar(20)`; the catalog says `bigint`, `character varying(20)`. */
function normalizeType(type: string): string {
  const t = type.toLowerCase().replace(/\s+\(/g, '(').trim();
  const array = t.match(/(\[\d*\])+$/)?.[0] ?? '';
  let base = t.slice(0, t.length - array.length);
  const aliases: Record<string, string> = {
    bigserial: 'bigint',
    serial: 'integer',
    smallserial: 'smallint',
    int: 'integer',
    int4: 'integer',
    int8: 'bigint',
    int2: 'smallint',
    bool: 'boolean',
    timestamptz: 'timestamp with time zone',
    timestamp: 'timestamp without time zone',
    varchar: 'character varying',
    char: 'character',
    float8: 'double precision',
    float4: 'real',
  };
  const m = base.match(/^([a-z0-9_ ]+?)(\(.*\))?((?: with(?:out)? time zone)?)$/);
  if (m) base = (aliases[m[1]!] ?? m[1]!) + (m[2] ?? '') + (m[3] ?? '');
  if (/^timestamp\(\d+\)$/.test(base)) base += ' without time zone';
  // The catalog prints every array as `type[]`, whatever dimensions were written.
  return base + (array ? '[]' : '');
}

async function migratedColumns(conn: Pick<RawConnection, 'query'>) {
  const rows = await conn.query<{
    table_name: string;
    column_name: string | null;
    type: string | null;
    not_null: boolean | null;
    has_default: boolean | null;
    generated: boolean | null;
    primary_key: boolean | null;
  }>(
    `SELECT c.relname AS table_name, a.attname AS column_name,
            format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS not_null,
            (a.atthasdef AND a.attgenerated = '') OR a.attidentity <> '' AS has_default,
            a.attgenerated <> '' AS generated,
            EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.oid AND i.indisprimary
                      AND a.attnum = ANY (i.indkey)) AS primary_key
       FROM pg_class c
       JOIN pg_namespace n ON n.oid = c.relnamespace
       LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
      ORDER BY c.relname, a.attnum`,
  );
  const tables = new Map<string, Map<string, ColumnFacts>>();
  for (const r of rows) {
    if (!tables.has(r.table_name)) tables.set(r.table_name, new Map());
    if (r.column_name === null) continue;
    tables.get(r.table_name)!.set(r.column_name, {
      type: normalizeType(r.type!),
      notNull: r.not_null!,
      hasDefault: r.has_default!,
      generated: r.generated!,
      primaryKey: r.primary_key!,
    });
  }
  return tables;
}

function declaredColumns() {
  const tables = new Map<string, Map<string, ColumnFacts>>();
  const problems: string[] = [];
  for (const [exportName, value] of Object.entries(schema)) {
    if (!is(value, PgTable)) {
      problems.push(`schema.${exportName} is not a table (area files under src/db/schema/ export tables only)`);
      continue;
    }
    const config = getTableConfig(value);
    if (config.schema) problems.push(`${config.name} is declared in schema ${config.schema}, not public`);
    if (tables.has(config.name)) problems.push(`${config.name} is declared twice`);
    const pkColumns = new Set(config.primaryKeys.flatMap((pk) => pk.columns.map((c) => c.name)));
    const columns = new Map<string, ColumnFacts>();
    for (const column of config.columns as PgColumn[]) {
      const generated = column.generated !== undefined;
      columns.set(column.name, {
        type: normalizeType(column.getSQLType()),
        notNull: column.notNull,
        // A default the database applies (not one Drizzle computes in JavaScript with $defaultFn).
        hasDefault:
          !generated &&
          (column.generatedIdentity !== undefined ||
            (column.hasDefault && column.defaultFn === undefined && column.onUpdateFn === undefined)),
        generated,
        primaryKey: column.primary || pkColumns.has(column.name),
      });
    }
    tables.set(config.name, columns);
  }
  return { tables, problems };
}

const FACTS: (keyof ColumnFacts)[] = ['type', 'notNull', 'hasDefault', 'generated', 'primaryKey'];

/** Every difference between the migrated database and the Drizzle declarations, in words. */
async function driftProblems(conn: Pick<RawConnection, 'query'>): Promise<string[]> {
  const actual = await migratedColumns(conn);
  const { tables: declared, problems } = declaredColumns();
  for (const name of NOT_DECLARED.keys()) {
    if (!actual.has(name)) problems.push(`${name} is listed in NOT_DECLARED but does not exist`);
    if (declared.has(name)) problems.push(`${name} is listed in NOT_DECLARED but is declared`);
    actual.delete(name);
  }
  for (const table of actual.keys())
    if (!declared.has(table)) problems.push(`table ${table} is migrated but not declared in src/db/schema`);
  for (const [table, columns] of declared) {
    const migrated = actual.get(table);
    if (!migrated) {
      problems.push(`table ${table} is declared but not migrated`);
      continue;
    }
    for (const [column, d] of columns) {
      const m = migrated.get(column);
      if (!m) {
        problems.push(`${table}.${column} is declared but not migrated`);
        continue;
      }
      for (const fact of FACTS)
        if (d[fact] !== m[fact]) problems.push(`${table}.${column} ${fact}: declared ${d[fact]}, migrated ${m[fact]}`);
    }
    for (const column of migrated.keys())
      if (!columns.has(column)) problems.push(`${table}.${column} is migrated but not declared`);
  }
  return problems.sort();
}

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.drop());

it('declares every migrated table and column in Drizzle, with matching type, nullability, defaults and keys', async () => {
  expect(await driftProblems(db.database)).toEqual([]);
  // Not vacuous: the catalog query found the tables (48 when this was written).
  expect((await migratedColumns(db.database)).size).toBeGreaterThan(40);
});

it('fails on an undeclared table or column and on a declared one the migrations lack', async () => {
  const baseline = await driftProblems(db.database);
  const probe = await db.database.pinned(async (conn) => {
    await conn.execScript('BEGIN');
    try {
      await conn.execScript(`
        CREATE TABLE drift_probe (id uuid PRIMARY KEY);
        ALTER TABLE youth ADD COLUMN drift_probe text;
        ALTER TABLE youth DROP COLUMN pronouns;
        ALTER TABLE youth ALTER COLUMN phone SET NOT NULL;
        ALTER TABLE cases ALTER COLUMN external_id TYPE varchar(40);
        ALTER TABLE counties ALTER COLUMN created_at DROP DEFAULT;
        DROP TABLE login_throttle;`);
      return await driftProblems(conn);
    } finally {
      await conn.execScript('ROLLBACK');
    }
  });
  expect(probe.filter((p) => !baseline.includes(p))).toEqual(
    [
      'table drift_probe is migrated but not declared in src/db/schema',
      'youth.drift_probe is migrated but not declared',
      'youth.pronouns is declared but not migrated',
      'youth.phone notNull: declared false, migrated true',
      'cases.external_id type: declared text, migrated character varying(40)',
      'counties.created_at hasDefault: declared true, migrated false',
      'table login_throttle is declared but not migrated',
    ].sort(),
  );
});
