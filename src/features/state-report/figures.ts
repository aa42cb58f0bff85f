// The state CSEC Program's counts, in the database: the counting rule of src/domain/state-count.ts
// in SQL, per county, with the data-quality counts the report sets beside them. Counts only; no
// identity column is read (it runs as harbor_aggregate, or as the owner in benchmarks). A test
// checks that this and stateCount() give the same answer on the same rows.
//
//   - a Type counts when its start date lies in from..to, both ends included;
//   - it is referral-associated when it has a referral (referral_id), otherwise case-associated,
//     whether or not a case was open that day (seed 004: "assumed to be associated with cases");
//   - each youth counts once: under the highest case-associated Type (lowest csec_type_rank),
//     or, with none, in the referral-only table under the highest referral-associated Type.
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { selectRows } from '../../db/client.js';
import { CSEC_TYPES, type CsecTypeCode } from '../../domain/csec-type.js';

export interface TypeCounts {
  byType: Record<CsecTypeCode, number>;
  victims: number;
  atRisk: number;
}

export interface CountyFigures {
  countyId: string;
  /** The state's Type table: youth counted under a case-associated Type. */
  cases: TypeCounts;
  /** Youth identified only during a hotline investigation. */
  referralOnly: TypeCounts;
  /** Types starting in the period without an allegation subcategory. */
  typesWithoutSubcategory: number;
  /** Types starting in the period with neither a referral nor a case around them (counted as a case's). */
  typesWithoutCase: number;
  /** Types that apply during the period but started before it: not counted. */
  typesOutsidePeriod: number;
  /** Youth counted (in either table) without a date of birth. */
  youthWithoutDateOfBirth: number;
  /** Open likely-duplicate pairs in the data-quality queue, whenever found. */
  likelyDuplicates: number;
  /** Open items in the data-quality queue, every kind. */
  openDataQualityIssues: number;
}

const BY_RANK = new Map(CSEC_TYPES.map((t) => [t.rank, t]));

export function emptyCounts(): TypeCounts {
  return {
    byType: Object.fromEntries(CSEC_TYPES.map((t) => [t.code, 0])) as Record<CsecTypeCode, number>,
    victims: 0,
    atRisk: 0,
  };
}

function emptyFigures(countyId: string): CountyFigures {
  return {
    countyId,
    cases: emptyCounts(),
    referralOnly: emptyCounts(),
    typesWithoutSubcategory: 0,
    typesWithoutCase: 0,
    typesOutsidePeriod: 0,
    youthWithoutDateOfBirth: 0,
    likelyDuplicates: 0,
    openDataQualityIssues: 0,
  };
}

function addTo(counts: TypeCounts, rank: number, n: number) {
  const type = BY_RANK.get(rank);
  if (!type) throw new Error(`csec_type_rank gave ${rank}, which is no Type's rank`);
  counts.byType[type.code] += n;
  if (type.isVictim) counts.victims += n;
  else counts.atRisk += n;
}

/** Which counties: a list of ids, or every county the transaction can see. */
export type CountyScope = readonly string[] | 'all';

const inScope = (column: SQL, scope: CountyScope): SQL =>
  scope === 'all'
    ? sql`true`
    : scope.length === 0
      ? sql`false`
      : sql`${column} IN (${sql.join(
          scope.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`;

/**
 * The Type table alone, per county, for the period: the statement the benchmark times against
 * DuckDB. Rows: county, the youth's case rank (null: referral-only), referral rank, youth.
 */
export function typeTableQuery(scope: CountyScope, from: string, to: string): SQL {
  return sql`
    WITH t AS (
      SELECT r.youth_id, r.county_id, csec_type_rank(r.type) AS rank, r.referral_id IS NOT NULL AS on_referral
        FROM csec_type_records r
       WHERE r.start_date BETWEEN ${from}::date AND ${to}::date AND ${inScope(sql`r.county_id`, scope)}
    ), y AS (
      SELECT t.county_id, min(t.rank) FILTER (WHERE NOT t.on_referral) AS case_rank,
             min(t.rank) FILTER (WHERE t.on_referral) AS referral_rank
        FROM t GROUP BY t.youth_id, t.county_id
    )
    SELECT y.county_id, y.case_rank, CASE WHEN y.case_rank IS NULL THEN y.referral_rank END AS referral_rank,
           count(*)::int AS youth
      FROM y GROUP BY 1, 2, 3`;
}

/**
 * The data-quality counts beside the Type table, per county: Types starting in the period without
 * a subcategory, those with neither a referral nor a case, and the youth with a Type starting in
 * the period who have no date of birth. Three small counts, each from an index of its own
 * (migration 0015); a county with none of the three has no row.
 */
export function gapsQuery(scope: CountyScope, from: string, to: string): SQL {
  const inPeriod = sql`r.start_date BETWEEN ${from}::date AND ${to}::date AND ${inScope(sql`r.county_id`, scope)}`;
  return sql`
    SELECT g.county_id, sum(g.no_subcategory)::int AS without_subcategory, sum(g.no_case)::int AS without_case,
           sum(g.no_dob)::int AS youth_without_dob
      FROM (
        SELECT r.county_id, count(*) AS no_subcategory, 0 AS no_case, 0 AS no_dob
          FROM csec_type_records r
         WHERE ${inPeriod} AND r.allegation_subcategory IS NULL
         GROUP BY r.county_id
        UNION ALL
        SELECT r.county_id, 0, count(*), 0
          FROM csec_type_records r
         WHERE ${inPeriod} AND r.referral_id IS NULL AND r.case_id IS NULL
         GROUP BY r.county_id
        UNION ALL
        SELECT y.county_id, 0, 0, count(*)
          FROM youth y
         WHERE NOT y.has_date_of_birth
           AND EXISTS (SELECT 1 FROM csec_type_records r
                        WHERE r.youth_id = y.id AND r.county_id = y.county_id AND ${inPeriod})
         GROUP BY y.county_id
      ) g
     GROUP BY g.county_id`;
}

/** Types that apply during the period but started before it (not counted), per county. */
export function outsidePeriodQuery(scope: CountyScope, from: string): SQL {
  return sql`SELECT r.county_id, count(*)::int AS n FROM csec_type_records r
         WHERE r.start_date < ${from}::date AND (r.end_date IS NULL OR r.end_date >= ${from}::date)
           AND ${inScope(sql`r.county_id`, scope)}
         GROUP BY r.county_id`;
}

/** Open items in the data-quality queue per county, and the likely duplicates among them. */
export function queueQuery(scope: CountyScope): SQL {
  return sql`SELECT q.county_id, count(*) FILTER (WHERE q.kind = 'likely_duplicate')::int AS duplicates,
               count(*)::int AS open
          FROM data_quality_issues q
         WHERE q.status = 'open' AND ${inScope(sql`q.county_id`, scope)}
         GROUP BY q.county_id`;
}

/** The rows of the four statements above, as stateFigures reads them. */
export interface StateFigureRows {
  typeTable: { county_id: string; case_rank: number | null; referral_rank: number | null; youth: number }[];
  gaps: { county_id: string; without_subcategory: number; without_case: number; youth_without_dob: number }[];
  outsidePeriod: { county_id: string; n: number }[];
  queue: { county_id: string; duplicates: number; open: number }[];
}

/** The statements behind stateFigures, in the order it runs them (the benchmark runs them on DuckDB too). */
export function stateFigureStatements(
  scope: CountyScope,
  from: string,
  to: string,
): Record<keyof StateFigureRows, SQL> {
  return {
    typeTable: typeTableQuery(scope, from, to),
    gaps: gapsQuery(scope, from, to),
    outsidePeriod: outsidePeriodQuery(scope, from),
    queue: queueQuery(scope),
  };
}

/**
 * Every county's figures for the period, keyed by county id. Counties in the scope without any
 * data are present with zeros when the scope is a list; with 'all', only counties with data.
 */
export async function stateFigures(
  tx: Db,
  scope: CountyScope,
  from: string,
  to: string,
): Promise<Map<string, CountyFigures>> {
  // For this transaction: no JIT (compiling cost more than it saved on a statewide year), and
  // room to aggregate a statewide year's youth in memory (docs/BENCHMARKS.md, section 6).
  await tx.execute(sql`SELECT set_config('jit', 'off', true), set_config('work_mem', '64MB', true)`);
  const q = stateFigureStatements(scope, from, to);
  return assembleStateFigures(scope, {
    typeTable: await selectRows(tx, q.typeTable),
    gaps: await selectRows(tx, q.gaps),
    outsidePeriod: await selectRows(tx, q.outsidePeriod),
    queue: await selectRows(tx, q.queue),
  });
}

/** The figures from the rows of the four statements. */
export function assembleStateFigures(scope: CountyScope, rows: StateFigureRows): Map<string, CountyFigures> {
  const out = new Map<string, CountyFigures>();
  if (scope !== 'all') for (const id of scope) out.set(id, emptyFigures(id));
  const of = (countyId: string) => {
    let f = out.get(countyId);
    if (!f) out.set(countyId, (f = emptyFigures(countyId)));
    return f;
  };

  for (const r of rows.typeTable) {
    if (r.case_rank !== null) addTo(of(r.county_id).cases, Number(r.case_rank), r.youth);
    else if (r.referral_rank !== null) addTo(of(r.county_id).referralOnly, Number(r.referral_rank), r.youth);
  }
  // The gaps among the Types starting in the period, and the counted youth without a birth date.
  for (const g of rows.gaps) {
    const f = of(g.county_id);
    f.typesWithoutSubcategory = g.without_subcategory;
    f.typesWithoutCase = g.without_case;
    f.youthWithoutDateOfBirth = g.youth_without_dob;
  }
  for (const b of rows.outsidePeriod)
    if (out.has(b.county_id) || scope !== 'all') of(b.county_id).typesOutsidePeriod = b.n;
  for (const q of rows.queue) {
    if (!out.has(q.county_id) && scope === 'all') continue;
    const f = of(q.county_id);
    f.likelyDuplicates = q.duplicates;
    f.openDataQualityIssues = q.open;
  }
  return out;
}

/** The figures of several counties added up (each youth belongs to one county). */
export function sumFigures(figures: Iterable<CountyFigures>): CountyFigures {
  const total = emptyFigures('');
  for (const f of figures) {
    for (const key of ['cases', 'referralOnly'] as const) {
      for (const t of CSEC_TYPES) total[key].byType[t.code] += f[key].byType[t.code];
      total[key].victims += f[key].victims;
      total[key].atRisk += f[key].atRisk;
    }
    total.typesWithoutSubcategory += f.typesWithoutSubcategory;
    total.typesWithoutCase += f.typesWithoutCase;
    total.typesOutsidePeriod += f.typesOutsidePeriod;
    total.youthWithoutDateOfBirth += f.youthWithoutDateOfBirth;
    total.likelyDuplicates += f.likelyDuplicates;
    total.openDataQualityIssues += f.openDataQualityIssues;
  }
  return total;
}
