import { sql } from 'drizzle-orm';
import { selectRows } from '../../db/client.js';
import type { AggregateContext } from '../../access/contexts.js';
import { suppressSmallCount, type SuppressedCount } from '../../domain/suppression.js';

export interface AreaCount {
  county: string;
  spaNumber: number | null;
  spaName: string | null;
  youth: SuppressedCount;
}

/** Youth on record per county and service planning area, small cells suppressed. No identities. */
export function youthByArea(repo: AggregateContext): Promise<{ rows: AreaCount[]; suppression: string }> {
  return repo.aggregate('stats.youth_by_area', async ({ tx }) => {
    const rows = await selectRows<{ county: string; spa_number: number | null; spa_name: string | null; n: number }>(
      tx,
      sql`
      SELECT c.name AS county, y.spa_number, s.name AS spa_name, count(*)::int AS n
        FROM youth y JOIN counties c ON c.id = y.county_id
        LEFT JOIN service_planning_areas s ON s.county_id = y.county_id AND s.number = y.spa_number
       GROUP BY c.name, y.spa_number, s.name ORDER BY c.name, y.spa_number NULLS LAST`,
    );
    return {
      rows: rows.map((r) => ({
        county: r.county,
        spaNumber: r.spa_number,
        spaName: r.spa_name,
        youth: suppressSmallCount(r.n),
      })),
      suppression: 'Counts from 1 to 10 are shown as "<11" (CalHHS de-identification guidelines). No totals are shown.',
    };
  });
}
