// Counties' participation in the state CSEC Program per fiscal year (opted in, funding tier,
// allocation) beside their population denominators: statewide reference data with no county
// wall, read by anyone with reports.state and changed by the state's program staff
// (state.program), all counties listed in one change or none of them.
import { sql } from 'drizzle-orm';
import type { AdminContext } from '../../access/contexts.js';
import type { ParticipationInputT, ParticipationT } from '../../contract/state-report.js';
import { selectRows, type Db } from '../../db/client.js';
import { fieldError, HarborError } from '../../errors.js';
import { countyLookup, loadCounties } from './counties.js';

interface ParticipationRow {
  code: string;
  name: string;
  tier: 'I' | 'II' | null;
  allocation_dollars: string | number | null;
  opted_in: boolean;
  population: number | null;
}

/** Every county (the 58), by name, with its participation and population for the year. */
export async function participationOf(tx: Db, fiscalYear: string): Promise<ParticipationT[]> {
  const rows = await selectRows<ParticipationRow>(
    tx,
    sql`SELECT c.code, c.name, p.tier, p.allocation_dollars, p.county_id IS NOT NULL AS opted_in,
               w.youth_10_20_in_child_welfare AS population
          FROM counties c
          LEFT JOIN csec_program_participation p ON p.county_id = c.id AND p.fiscal_year = ${fiscalYear}
          LEFT JOIN child_welfare_population w ON w.county_id = c.id AND w.fiscal_year = ${fiscalYear}
         WHERE c.fips IS NOT NULL
         ORDER BY c.name`,
  );
  return rows.map((r) => ({
    county: r.code,
    countyName: r.name,
    fiscalYear,
    optedIn: r.opted_in,
    tier: r.tier,
    allocationDollars: r.allocation_dollars === null ? null : Number(r.allocation_dollars),
    population: r.population,
  }));
}

export function listParticipation(ctx: AdminContext, fiscalYear: string): Promise<ParticipationT[]> {
  return ctx.forState('state.participation.list', async ({ tx, note }) => {
    note({ fiscalYear });
    return participationOf(tx, fiscalYear);
  });
}

const countyProblem = (code: 'state_county_unknown' | 'state_county_twice', index: number, county: string) =>
  new HarborError(
    400,
    code,
    code === 'state_county_unknown'
      ? `No California county has the code "${county}": use a county code such as los-angeles, or a FIPS code such as 037.`
      : `${county} is listed twice: list each county once.`,
    { county },
    [fieldError(`/body/counties/${index}/county`, code === 'state_county_unknown' ? 'unknown_reference' : 'duplicate')],
  );

/**
 * Sets the participation of the listed counties for the year: optedIn false removes the county's
 * row, true writes its tier and allocation. Every county is checked before anything is written.
 */
export function saveParticipation(
  ctx: AdminContext,
  fiscalYear: string,
  input: ParticipationInputT,
): Promise<ParticipationT[]> {
  return ctx.forState('state.participation.save', async ({ tx, actor, note }) => {
    const lookup = countyLookup((await loadCounties(tx)).filter((c) => c.fips !== null));
    const seen = new Set<string>();
    const changes = input.counties.map((c, i) => {
      const county = lookup(c.county);
      if (!county) throw countyProblem('state_county_unknown', i, c.county);
      if (seen.has(county.id)) throw countyProblem('state_county_twice', i, county.name);
      seen.add(county.id);
      return { ...c, countyId: county.id, code: county.code };
    });
    for (const c of changes) {
      if (!c.optedIn) {
        await tx.execute(
          sql`DELETE FROM csec_program_participation WHERE county_id = ${c.countyId} AND fiscal_year = ${fiscalYear}`,
        );
        continue;
      }
      await tx.execute(
        sql`INSERT INTO csec_program_participation (county_id, fiscal_year, tier, allocation_dollars, updated_by)
            VALUES (${c.countyId}, ${fiscalYear}, ${c.tier}, ${c.allocationDollars}, ${actor.userId})
            ON CONFLICT (county_id, fiscal_year) DO UPDATE
               SET tier = EXCLUDED.tier, allocation_dollars = EXCLUDED.allocation_dollars,
                   updated_by = EXCLUDED.updated_by, updated_at = now()`,
      );
    }
    note({
      fiscalYear,
      optedIn: changes.filter((c) => c.optedIn).map((c) => c.code),
      optedOut: changes.filter((c) => !c.optedIn).map((c) => c.code),
    });
    return participationOf(tx, fiscalYear);
  });
}
