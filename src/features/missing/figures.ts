// County figures on missing episodes, without identities (definitions in src/domain/missing.ts).
// The one count of youth (three or more episodes in a year) is small-cell suppressed; episode
// counts and shares are counts of events and deadlines, as in the compliance report.
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { AggregateContext } from '../../access/contexts.js';
import { asDate, selectRows } from '../../db/client.js';
import { missingFigures } from '../../domain/missing.js';
import { suppressSmallCount } from '../../domain/suppression.js';
import { invalidField } from '../../errors.js';
import type { FiguresQuery, FiguresView } from '../../contract/missing.js';

const DEFINITIONS =
  'Episodes by the county month they were discovered. Median time missing: last seen to return, for episodes returned in the range. ' +
  'Reported within 24 hours: episodes discovered in the range whose report was made no later than 24 hours after discovery (the law\u2019s limit). ' +
  'Screened: returned in the range with a final screening linked to the debrief; debriefed: with the debrief complete. ' +
  'Youth with three or more episodes: discovered in the 365 days ending on the last day of the range.';

export function missingCountyFigures(
  repo: AggregateContext,
  range: z.infer<typeof FiguresQuery>,
): Promise<z.infer<typeof FiguresView>> {
  if (range.to < range.from)
    throw invalidField('/query/to', 'end_before_start', 'to: must be on or after from.', { start: range.from });
  return repo.aggregate('report.missing', async ({ tx, actor, allCounties, note }) => {
    const rows = await selectRows<{
      youth_id: string;
      discovered_at: Date | string;
      last_seen_at: Date | string;
      returned_at: Date | string | null;
      le_at: Date | string | null;
      ncmec_at: Date | string | null;
      screened: boolean;
      debriefed: boolean;
    }>(
      tx,
      sql`SELECT e.youth_id, e.discovered_at, e.last_seen_at, e.returned_at,
            (SELECT ob.met_at FROM obligations ob WHERE ob.source_id = e.id AND ob.kind = 'missing_report_law_enforcement' AND ob.status = 'met') AS le_at,
            (SELECT ob.met_at FROM obligations ob WHERE ob.source_id = e.id AND ob.kind = 'missing_report_ncmec' AND ob.status = 'met') AS ncmec_at,
            coalesce(s.status = 'final', false) AS screened, coalesce(d.status = 'complete', false) AS debriefed
          FROM missing_episodes e
          LEFT JOIN missing_debriefs d ON d.episode_id = e.id
          LEFT JOIN screenings s ON s.id = d.screening_id
         WHERE ${allCounties ? sql`true` : sql`e.county_id = ${actor.countyId}`}
           AND (e.discovered_at >= (${range.from}::date - 366)::timestamp AT TIME ZONE 'America/Los_Angeles'
                OR e.returned_at >= (${range.from}::date - 1)::timestamp AT TIME ZONE 'America/Los_Angeles')`,
    );
    const figures = missingFigures(
      rows.map((r) => ({
        youthId: r.youth_id,
        discoveredAt: asDate(r.discovered_at),
        lastSeenAt: asDate(r.last_seen_at),
        returnedAt: asDate(r.returned_at),
        lawEnforcementReportedAt: asDate(r.le_at),
        ncmecReportedAt: asDate(r.ncmec_at),
        screened: r.screened,
        debriefed: r.debriefed,
      })),
      range.from,
      range.to,
    );
    note({ from: range.from, to: range.to });
    return {
      from: range.from,
      to: range.to,
      ...figures,
      youthWithThreeOrMore: suppressSmallCount(figures.youthWithThreeOrMore),
      definitions: DEFINITIONS,
      suppression:
        'The count of youth with three or more episodes shows 1 to 10 as "<11" (CalHHS de-identification guidelines).',
    };
  });
}
