// The state CSEC Program report (issue 13; seed 004): the Type table under the state's counting
// rule (src/domain/state-count.ts, in SQL in figures.ts), the youth identified only during a
// hotline investigation, each county's victims and at-risk youth beside its child-welfare
// population and its County Plan figures, the data-quality counts that explain the difference,
// and the data limitations, generated from the data. Counts only, as harbor_aggregate: no
// identity column is read, and none could be.
//
// Who sees what: state analysts (figures.all_counties) every county's aggregates; county staff
// their own county only (a county they name that is not theirs is "not found"). The public
// version (public-version.ts) is cut on whole fiscal years and small cells are hidden.
import { sql, type SQL } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { AggregateContext } from '../../access/contexts.js';
import { selectRows, type Db } from '../../db/client.js';
import { CSEC_TYPES, type CsecTypeCode } from '../../domain/csec-type.js';
import { COUNTY_TIME_ZONE } from '../../domain/geography.js';
import { fiscalYearOf, fiscalYearPeriod, STATE_COUNTING_RULE } from '../../domain/state-count.js';
import { badRequest, invalidField, notFound } from '../../errors.js';
import type { CountyRowT, StateReportQueryT, StateReportT } from '../../contract/state-report.js';
import { stateFigures, sumFigures, type CountyFigures } from './figures.js';
import { countyLookup, loadCounties, type CountyInfo } from '../state-program/counties.js';
import { limitations } from './limitations.js';
import { publicStateReport } from './public-version.js';

/** The longest period one report covers: ten years. */
export const MAX_RANGE_YEARS = 10;

export interface StatePeriod {
  from: string;
  to: string;
}

const dayNumber = (d: string) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
/** Days from `from` to `to`, both included. */
export const daysIn = (from: string, to: string) => Math.round((dayNumber(to) - dayNumber(from)) / 86_400_000) + 1;

/** The period asked for: from and to, a fiscal year, or the fiscal year containing today. */
export function resolveStatePeriod(q: StateReportQueryT, today: string): StatePeriod {
  if (q.fiscalYear && (q.from || q.to))
    throw badRequest(
      'Give either fiscalYear, or from and to, not both.',
      undefined,
      'state_report_fiscal_year_or_range',
    );
  if (q.fiscalYear) return fiscalYearPeriod(q.fiscalYear);
  if (!q.from && !q.to) return fiscalYearPeriod(fiscalYearOf(today));
  if (!q.from || !q.to)
    throw badRequest(
      'Give both from and to (YYYY-MM-DD), or fiscalYear (e.g. 2015-16), or neither for the current fiscal year.',
      undefined,
      'report_range_missing',
    );
  if (q.to < q.from)
    throw invalidField('/query/to', 'end_before_start', `to (${q.to}) must be on or after from (${q.from}).`, {
      start: q.from,
    });
  const last = DateTime.fromISO(q.from, { zone: 'utc' })
    .plus({ years: MAX_RANGE_YEARS })
    .minus({ days: 1 })
    .toISODate()!;
  if (q.to > last) {
    const days = daysIn(q.from, q.to);
    const max = daysIn(q.from, last);
    throw badRequest(
      `The range is ${days} days; the state report covers at most ${MAX_RANGE_YEARS} years (${max} days from ${q.from}).`,
      { days, max },
      'report_range_too_long',
    );
  }
  return { from: q.from, to: q.to };
}

/** The fiscal year overlapping the period most; on a tie, the later one. */
export function planYearFor(period: StatePeriod): string {
  let best = fiscalYearOf(period.from);
  let bestDays = -1;
  const lastStart = Number(fiscalYearOf(period.to).slice(0, 4));
  for (let y = Number(best.slice(0, 4)); y <= lastStart; y++) {
    const fy = `${y}-${String((y + 1) % 100).padStart(2, '0')}`;
    const p = fiscalYearPeriod(fy);
    const days = daysIn(period.from > p.from ? period.from : p.from, period.to < p.to ? period.to : p.to);
    if (days >= bestDays) {
      best = fy;
      bestDays = days;
    }
  }
  return best;
}

/** Whether the period is exactly one state fiscal year. */
export const isFiscalYear = (p: StatePeriod) => {
  const fy = fiscalYearPeriod(fiscalYearOf(p.from));
  return fy.from === p.from && fy.to === p.to;
};

/** A county by its code (los-angeles), name or FIPS code (037, 37, 06037): the program's one lookup. */
async function findCounty(tx: Db, ref: string): Promise<CountyInfo | null> {
  return countyLookup(await loadCounties(tx))(ref);
}

const idIn = (column: SQL, ids: readonly string[]): SQL =>
  ids.length === 0
    ? sql`false`
    : sql`${column} IN (${sql.join(
        ids.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`;

/** Which counties the report covers, by the caller's reach and the query. */
async function countiesInScope(
  tx: Db,
  q: StateReportQueryT,
  scope: { actorCounty: string; allCounties: boolean },
  period: StatePeriod,
  planYear: string,
): Promise<{ ids: string[]; kind: 'state' | 'county' }> {
  let ids: string[];
  let kind: 'state' | 'county' = 'county';
  if (q.county !== undefined) {
    const county = await findCounty(tx, q.county);
    if (!county)
      throw invalidField(
        '/query/county',
        'unknown_county',
        `county: no California county has the code "${q.county}"; use a code such as los-angeles or a FIPS code such as 037.`,
      );
    // County staff reach their own county only; another county is "not found", as for any record.
    if (!scope.allCounties && county.id !== scope.actorCounty) throw notFound('county');
    ids = [county.id];
  } else if (!scope.allCounties) {
    ids = [scope.actorCounty];
  } else {
    // Every county with data: a Type starting in the period, a Type from before it that still
    // applied (counted nowhere, but listed among the limitations: it explains a county's zero),
    // or County Plan figures for the plan year.
    kind = 'state';
    const rows = await selectRows<{ county_id: string }>(
      tx,
      sql`SELECT r.county_id FROM csec_type_records r WHERE r.start_date BETWEEN ${period.from}::date AND ${period.to}::date
          UNION
          SELECT r.county_id FROM csec_type_records r
           WHERE r.start_date < ${period.from}::date AND (r.end_date IS NULL OR r.end_date >= ${period.from}::date)
          UNION
          SELECT p.county_id FROM county_plan_figures p WHERE p.fiscal_year = ${planYear}`,
    );
    ids = rows.map((r) => r.county_id);
  }
  if (q.optedIn && ids.length > 0) {
    const opted = await selectRows<{ county_id: string }>(
      tx,
      sql`SELECT county_id FROM csec_program_participation
           WHERE fiscal_year = ${planYear} AND ${idIn(sql`county_id`, ids)}`,
    );
    const keep = new Set(opted.map((r) => r.county_id));
    ids = ids.filter((id) => keep.has(id));
  }
  return { ids, kind };
}

// The report -----------------------------------------------------------------------------------

interface PlanRow {
  county_id: string;
  victims_served: number;
  at_risk_identified: number;
  victims_by_type: Partial<Record<CsecTypeCode, number>> | null;
}

const sum = (ns: readonly number[]) => ns.reduce((a, b) => a + b, 0);
const referralOnlyYouth = (f: CountyFigures) => f.referralOnly.victims + f.referralOnly.atRisk;

/** The internal report (every figure) for a period and a set of counties. */
async function internalReport(
  tx: Db,
  ids: readonly string[],
  kind: 'state' | 'county',
  q: StateReportQueryT,
  period: StatePeriod,
  planYear: string,
  now: Date,
): Promise<StateReportT> {
  const figures = await stateFigures(tx, ids, period.from, period.to);
  const inScope = idIn(sql`county_id`, ids);
  const counties = await selectRows<CountyInfo>(
    tx,
    sql`SELECT id, code, name, fips FROM counties WHERE ${idIn(sql`id`, ids)}`,
  );
  // Sorted here, not by the database's collation, so both databases give the same order.
  counties.sort((a, b) => a.name.localeCompare(b.name, 'en') || a.code.localeCompare(b.code, 'en'));
  const participation = new Map(
    (
      await selectRows<{ county_id: string; tier: 'I' | 'II' | null; allocation_dollars: string | number | null }>(
        tx,
        sql`SELECT county_id, tier, allocation_dollars FROM csec_program_participation
             WHERE fiscal_year = ${planYear} AND ${inScope}`,
      )
    ).map((r) => [r.county_id, r]),
  );
  const population = new Map(
    (
      await selectRows<{ county_id: string; n: number }>(
        tx,
        sql`SELECT county_id, youth_10_20_in_child_welfare AS n FROM child_welfare_population
             WHERE fiscal_year = ${planYear} AND ${inScope}`,
      )
    ).map((r) => [r.county_id, Number(r.n)]),
  );
  const plans = new Map(
    (
      await selectRows<PlanRow>(
        tx,
        sql`SELECT county_id, victims_served, at_risk_identified, victims_by_type FROM county_plan_figures
             WHERE fiscal_year = ${planYear} AND ${inScope}`,
      )
    ).map((r) => [r.county_id, r]),
  );

  const total = sumFigures(figures.values());
  const planRows = [...plans.values()];
  const anyPlans = planRows.length > 0;
  const plansForType = (code: CsecTypeCode): number | null => {
    if (!anyPlans) return null;
    if (code === 'at_risk') return sum(planRows.map((p) => p.at_risk_identified));
    const given = planRows.map((p) => p.victims_by_type?.[code]);
    return given.every((v) => typeof v === 'number' && Number.isInteger(v)) ? sum(given as number[]) : null;
  };

  const rows: CountyRowT[] = counties.map((c) => {
    const f = figures.get(c.id)!;
    const p = participation.get(c.id);
    const pop = population.get(c.id) ?? null;
    const plan = plans.get(c.id);
    const victims = f.cases.victims;
    const atRisk = f.cases.atRisk;
    return {
      code: c.code,
      name: c.name,
      fips: c.fips,
      optedIn: p !== undefined,
      tier: p?.tier ?? null,
      allocationDollars: p?.allocation_dollars === null || p === undefined ? null : Number(p.allocation_dollars),
      victims,
      atRisk,
      population: pop,
      victimRatio: pop === null || pop === 0 ? null : Math.round((victims / pop) * 10_000) / 10_000,
      plans: plan ? { victimsServed: plan.victims_served, atRiskIdentified: plan.at_risk_identified } : null,
      victimsDifference: plan ? plan.victims_served - victims : null,
      atRiskDifference: plan ? plan.at_risk_identified - atRisk : null,
      dataQuality: {
        typesWithoutSubcategory: f.typesWithoutSubcategory,
        referralOnlyYouth: referralOnlyYouth(f),
        typesOutsidePeriod: f.typesOutsidePeriod,
        typesWithoutCase: f.typesWithoutCase,
        likelyDuplicates: f.likelyDuplicates,
        youthWithoutDateOfBirth: f.youthWithoutDateOfBirth,
        openDataQualityIssues: f.openDataQualityIssues,
      },
    };
  });

  return {
    version: 'internal',
    period: { from: period.from, to: period.to },
    planYear,
    scope: { kind, optedInOnly: q.optedIn === true, counties: rows.length },
    rule: { en: STATE_COUNTING_RULE.en, es: STATE_COUNTING_RULE.es },
    generatedAt: now.toISOString(),
    typeTable: {
      rows: CSEC_TYPES.map((t) => ({ type: t.code, youth: total.cases.byType[t.code], plans: plansForType(t.code) })),
      victims: total.cases.victims,
      atRisk: total.cases.atRisk,
      plansVictims: anyPlans ? sum(planRows.map((p) => p.victims_served)) : null,
      plansAtRisk: anyPlans ? sum(planRows.map((p) => p.at_risk_identified)) : null,
      total: total.cases.victims + total.cases.atRisk,
    },
    referralOnly: {
      rows: CSEC_TYPES.map((t) => ({ type: t.code, youth: total.referralOnly.byType[t.code] })),
      victims: total.referralOnly.victims,
      atRisk: total.referralOnly.atRisk,
    },
    counties: rows,
    limitations: limitations(
      {
        types_without_subcategory: total.typesWithoutSubcategory,
        referral_only_youth: referralOnlyYouth(total),
        types_outside_period: total.typesOutsidePeriod,
        types_without_case: total.typesWithoutCase,
        likely_duplicates: total.likelyDuplicates,
        youth_without_date_of_birth: total.youthWithoutDateOfBirth,
        counties_without_population: rows.filter((r) => r.population === null).length,
        counties_without_plans: rows.filter((r) => r.plans === null).length,
      },
      planYear,
    ),
    suppression: null,
  };
}

/** The state report for the period asked for, in the version asked for, within the caller's reach. */
export async function stateReport(
  ctx: AggregateContext,
  q: StateReportQueryT,
  now: Date = new Date(),
): Promise<StateReportT> {
  const today = DateTime.fromJSDate(now).setZone(COUNTY_TIME_ZONE).toISODate()!;
  const period = resolveStatePeriod(q, today);
  const version = q.version ?? 'internal';
  if (version === 'public' && !isFiscalYear(period)) {
    // Two overlapping periods differ by a few days of Types: subtracting one public report from
    // another would undo the suppression. The public version is cut on whole fiscal years only.
    const fiscalYear = fiscalYearOf(period.from);
    throw badRequest(
      `The public version is published for whole state fiscal years only (July 1 to June 30): ask for fiscalYear, for example fiscalYear=${fiscalYear}.`,
      { fiscalYear },
      'state_report_public_fiscal_years_only',
    );
  }
  const planYear = q.planYear ?? planYearFor(period);
  return ctx.aggregate('report.state', async ({ tx, actor, allCounties, note }) => {
    const { ids, kind } = await countiesInScope(tx, q, { actorCounty: actor.countyId, allCounties }, period, planYear);
    note({ from: period.from, to: period.to, planYear, counties: ids.length, version });
    const report = await internalReport(tx, ids, kind, q, period, planYear, now);
    return version === 'public' ? publicStateReport(report) : report;
  });
}
