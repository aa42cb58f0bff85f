// Demo: the state CSEC Program's reference data for the demo counties. Fictional population
// denominators (youth aged 10-20 receiving child-welfare services) for Los Angeles and San Diego
// for the three fiscal years up to the demo's today, and Los Angeles County's County Plan figures
// for the last complete fiscal year, entered by the county analyst. Fixed figures: it draws
// nothing from the random generator, so every record seeded before it stays the same.
import type { RawConnection } from '../db/client.js';
import { fiscalYearOf } from '../domain/state-count.js';

/** The fiscal year `back` years before the one written "2026-27". */
const yearsBack = (fiscalYear: string, back: number) => {
  const start = Number(fiscalYear.slice(0, 4)) - back;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
};

/**
 * Fictional denominators, oldest year first, scaled to the demo's small caseload (a few hundred
 * youth) rather than to the real counties, so the ratios read like real ones.
 */
const POPULATION: Record<'la' | 'sd', readonly [number, number, number]> = {
  la: [624, 598, 583],
  sd: [141, 137, 132],
};

/**
 * Fictional County Plan figures, a little off the demo's own count for the year, as the plans
 * were off the state's; the victims by Type leave out the closed-case ILP Type, as the plans did.
 */
const LA_PLAN = {
  victimsServed: 12,
  atRiskIdentified: 5,
  victimsByType: {
    victim_during_care: 3,
    victim_open_case_not_in_care: 5,
    victim_absent_from_placement: 1,
    victim_before_care: 3,
  },
  note: 'Fictional demo figures.',
};

export async function seedStateProgram(
  conn: RawConnection,
  counties: { la: string; sd: string },
  laAnalystId: string,
  today: Date,
) {
  const current = fiscalYearOf(today.toISOString().slice(0, 10));
  const years = [yearsBack(current, 2), yearsBack(current, 1), current];
  let population = 0;
  for (const key of ['la', 'sd'] as const) {
    for (const [i, fiscalYear] of years.entries()) {
      await conn.query(
        `INSERT INTO child_welfare_population (county_id, fiscal_year, youth_10_20_in_child_welfare)
         VALUES ($1, $2, $3)
         ON CONFLICT (county_id, fiscal_year) DO UPDATE SET youth_10_20_in_child_welfare = EXCLUDED.youth_10_20_in_child_welfare`,
        [counties[key], fiscalYear, POPULATION[key][i]],
      );
      population++;
    }
  }
  const planYear = yearsBack(current, 1);
  await conn.query(
    `INSERT INTO county_plan_figures
       (county_id, fiscal_year, victims_served, at_risk_identified, victims_by_type, note, entered_by)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7)
     ON CONFLICT (county_id, fiscal_year) DO NOTHING`,
    [
      counties.la,
      planYear,
      LA_PLAN.victimsServed,
      LA_PLAN.atRiskIdentified,
      JSON.stringify(LA_PLAN.victimsByType),
      LA_PLAN.note,
      laAnalystId,
    ],
  );
  return { populationFigures: population, countyPlans: 1 };
}
