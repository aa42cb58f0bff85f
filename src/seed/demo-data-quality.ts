// Demo: a little imported history with the state extract's usual gaps (a Type with no
// subcategory, an absence with no end date, dates in the wrong order), then the data-quality
// queue built from the whole demo (src/features/data-quality/detect.ts), so the supervisor's
// queue has work in it. Last in the demo seed, and it draws nothing from the random generator,
// so every record seeded before it stays the same.
import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Db, RawConnection } from '../db/client.js';
import { refreshDataQuality } from '../features/data-quality/detect.js';

interface DemoYouthRef {
  youthId: string;
  countyId: string;
}

/** The statements detection builds, run on the seed's own connection (inside its transaction). */
function onConnection(conn: RawConnection): Db {
  const dialect = new PgDialect();
  // Detection only executes statements and reads their rows: that much of Db is provided.
  return {
    async execute(query: SQL) {
      const q = dialect.sqlToQuery(query);
      return { rows: await conn.query(q.sql, q.params) };
    },
  } as unknown as Db;
}

const IMPORTED: { type: string; start: string; end: string | null; subcategory: string | null }[] = [
  { type: 'at_risk', start: '2023-02-14', end: null, subcategory: null },
  { type: 'at_risk', start: '2023-06-20', end: '2023-12-01', subcategory: null },
  { type: 'victim_absent_from_placement', start: '2024-04-02', end: null, subcategory: 'Sex trafficking' },
  { type: 'victim_before_care', start: '2022-09-10', end: '2022-08-30', subcategory: 'Sex trafficking' },
];

export async function seedDataQuality(conn: RawConnection, youth: DemoYouthRef[], laCountyId: string) {
  // Youth far down the Los Angeles list: not the named caseworker's first youth, whom other demos use.
  const la = youth.filter((y) => y.countyId === laCountyId).slice(-IMPORTED.length);
  let imported = 0;
  for (const [i, y] of la.entries()) {
    const t = IMPORTED[i]!;
    const rows = await conn.query(
      `INSERT INTO csec_type_records (youth_id, county_id, type, start_date, end_date, allegation_subcategory, source, case_id)
       SELECT $1, $2, $3, $4, $5, $6, 'state_extract',
              (SELECT c.id FROM cases c WHERE c.youth_id = $1 ORDER BY c.opened_on LIMIT 1)
       ON CONFLICT DO NOTHING RETURNING id`,
      [y.youthId, y.countyId, t.type, t.start, t.end, t.subcategory],
    );
    imported += rows.length;
  }
  const queue = await refreshDataQuality(onConnection(conn), { countyId: null });
  return { importedTypes: imported, dataQualityIssues: queue.opened };
}
