// The public version of the state report: small-cell suppression (DOMAIN.md section 8; the rules
// are in src/domain/suppression.ts). Published for whole fiscal years only (report.ts), so two
// public reports never differ by a few days. What is published, and how each part is protected:
//   - the Type table as one grid, Types × [victims, at risk] ([[vdc, 0], …, [vbc, 0], [0, atRisk]]):
//     its column totals are the victims and the youth at risk, its grand total the youth counted;
//   - the county table as a grid, counties × [victims, at risk], with the same three totals; a
//     total hidden in either table is hidden in both, and each table's rules then protect it;
//   - the referral-only table likewise, its grand total shared with the counties' referral-only
//     youth (a grid of one column) and the limitation that counts them;
//   - County Plan figures as a grid, counties with plans × [victims served, at risk identified],
//     its totals shared with the Type table's County Plans column (and the plans by victim Type
//     with the plans' victims, when they add up to it);
//   - each data-quality count as a list per county with its total, the total being the count
//     its limitation prints;
//   - ratios and differences: null when a count they derive from is hidden. Population figures
//     and counts of counties are not counts of youth and are shown.
import { SMALL_CELL_THRESHOLD, suppressList, suppressSmallCount, suppressTable } from '../../domain/suppression.js';
import type { DisplayedCount, SuppressedTable } from '../../domain/suppression.js';
import { CSEC_TYPES } from '../../domain/csec-type.js';
import type { CountT, DataQualityCountsT, StateReportT } from '../../contract/state-report.js';
import { limitations } from './limitations.js';

export const STATE_SUPPRESSION_NOTE = {
  en:
    `Public version. Counts from 1 to ${SMALL_CELL_THRESHOLD - 1} are shown as "<${SMALL_CELL_THRESHOLD}" (CalHHS Data De-identification Guidelines). ` +
    `Where totals would let a hidden count be worked out, further counts are hidden too (complementary suppression), so "<${SMALL_CELL_THRESHOLD}" can also stand for a larger count or for zero. ` +
    'A total shown in two tables is hidden in both when either hides it. Ratios and differences computed from a hidden count are left blank. ' +
    'The public version is published for whole state fiscal years only.',
  es:
    `Versión pública. Los conteos de 1 a ${SMALL_CELL_THRESHOLD - 1} se muestran como "<${SMALL_CELL_THRESHOLD}" (Pautas de desidentificación de datos de CalHHS). ` +
    `Cuando los totales permitirían deducir un conteo oculto, se ocultan también otros conteos (supresión complementaria), así que "<${SMALL_CELL_THRESHOLD}" puede representar también un conteo mayor o cero. ` +
    'Un total que aparece en dos tablas se oculta en ambas cuando una de ellas lo oculta. Las proporciones y diferencias calculadas a partir de un conteo oculto quedan en blanco. ' +
    'La versión pública se publica solo para años fiscales completos del estado.',
};

type Shown = number | '<11';
const show = (d: DisplayedCount): Shown => (d.shown ? d.value : '<11');
const num = (v: CountT | null | undefined): number => {
  if (typeof v !== 'number') throw new Error('the internal version holds numbers only');
  return v;
};

/** A total of one table: a column total (by index) or the grand total. */
interface Ref {
  table: number;
  at: number | 'grand';
}

/**
 * Several tables suppressed together: a total two tables both show (a link) is hidden in both
 * when either hides it, and each table's rules are applied again with it hidden, until no link
 * disagrees. Each round hides one more total, so this ends.
 */
export function suppressLinked(tables: readonly (readonly (readonly number[])[])[], links: readonly [Ref, Ref][]) {
  const columns = tables.map(() => new Set<number>());
  const grand = tables.map(() => false);
  for (;;) {
    const out = tables.map((cells, k) =>
      suppressTable(cells, { hide: { columnTotals: [...columns[k]!], grandTotal: grand[k]! } }),
    );
    const hidden = (r: Ref) => {
      const t = out[r.table]!;
      return !(r.at === 'grand' ? t.grandTotal : t.columnTotals[r.at]!).shown;
    };
    const force = (r: Ref) => {
      if (r.at === 'grand') grand[r.table] = true;
      else columns[r.table]!.add(r.at);
    };
    let changed = false;
    for (const [a, b] of links) {
      if (hidden(a) !== hidden(b)) {
        force(hidden(a) ? b : a);
        changed = true;
      }
    }
    if (!changed) return out;
  }
}

/** A Type table as the grid Types × [victims, at risk]: a victim Type's youth in the first column. */
const typeGrid = (youth: readonly number[]) => CSEC_TYPES.map((t, i) => (t.isVictim ? [youth[i]!, 0] : [0, youth[i]!]));

/** A Type's count in its grid: hidden when its cell or its row total is (they are the same count). */
function typeCount(t: SuppressedTable, i: number): Shown {
  const col = CSEC_TYPES[i]!.isVictim ? 0 : 1;
  const cell = t.cells[i]![col]!;
  return cell.shown && t.rowTotals[i]!.shown ? cell.value : '<11';
}

const DATA_QUALITY_KEYS = [
  'typesWithoutSubcategory',
  'typesOutsidePeriod',
  'typesWithoutCase',
  'likelyDuplicates',
  'youthWithoutDateOfBirth',
  'openDataQualityIssues',
] as const satisfies readonly (keyof DataQualityCountsT)[];

/** The public version of an internal report. */
export function publicStateReport(r: StateReportT): StateReportT {
  const counties = r.counties;
  const some = <T>(rows: T[][], width: number): T[][] | number[][] =>
    rows.length > 0 ? rows : [Array.from({ length: width }, () => 0)];

  // 0 Type table, 1 county table, 2 referral-only table, 3 counties' referral-only youth,
  // 4 County Plans per county, 5 County Plans by victim Type.
  const planCounties = counties.filter((c) => c.plans !== null);
  const victimPlans = CSEC_TYPES.map((t, i) => ({ i, plans: r.typeTable.rows[i]!.plans })).filter(
    (x) => CSEC_TYPES[x.i]!.isVictim && x.plans !== null,
  );
  const plansVictims = r.typeTable.plansVictims === null ? null : num(r.typeTable.plansVictims);
  // The plans by victim Type are linked to the plans' victims when they add up to it (the same
  // figure, printed twice); otherwise each is a count of its own.
  const byTypeAddsUp =
    plansVictims !== null &&
    victimPlans.length > 0 &&
    victimPlans.reduce((n, x) => n + num(x.plans), 0) === plansVictims;

  const tables: number[][][] = [
    typeGrid(r.typeTable.rows.map((row) => num(row.youth))),
    some(
      counties.map((c) => [num(c.victims), num(c.atRisk)]),
      2,
    ),
    typeGrid(r.referralOnly.rows.map((row) => num(row.youth))),
    some(
      counties.map((c) => [num(c.dataQuality.referralOnlyYouth)]),
      1,
    ),
    some(
      planCounties.map((c) => [num(c.plans!.victimsServed), num(c.plans!.atRiskIdentified)]),
      2,
    ),
    byTypeAddsUp ? victimPlans.map((x) => [num(x.plans)]) : [[0]],
  ];
  const links: [Ref, Ref][] = [
    [
      { table: 0, at: 0 },
      { table: 1, at: 0 },
    ],
    [
      { table: 0, at: 1 },
      { table: 1, at: 1 },
    ],
    [
      { table: 0, at: 'grand' },
      { table: 1, at: 'grand' },
    ],
    [
      { table: 2, at: 'grand' },
      { table: 3, at: 0 },
    ],
    [
      { table: 2, at: 'grand' },
      { table: 3, at: 'grand' },
    ],
    ...(byTypeAddsUp
      ? ([
          [
            { table: 5, at: 0 },
            { table: 4, at: 0 },
          ],
        ] as [Ref, Ref][])
      : []),
  ];
  const [types, byCounty, referral, referralByCounty, plans, plansByType] = suppressLinked(tables, links) as [
    SuppressedTable,
    SuppressedTable,
    SuppressedTable,
    SuppressedTable,
    SuppressedTable,
    SuppressedTable,
  ];
  const quality = Object.fromEntries(
    DATA_QUALITY_KEYS.map((k) => [k, suppressList(counties.map((c) => num(c.dataQuality[k])))]),
  ) as Record<(typeof DATA_QUALITY_KEYS)[number], ReturnType<typeof suppressList>>;

  const plansVictimsShown: CountT | null = plansVictims === null ? null : show(plans.columnTotals[0]!);
  const plansAtRiskShown: CountT | null = r.typeTable.plansAtRisk === null ? null : show(plans.columnTotals[1]!);
  const victimTypePlans = (i: number): CountT | null => {
    const k = victimPlans.findIndex((x) => x.i === i);
    if (k < 0) return null;
    return byTypeAddsUp ? show(plansByType.cells[k]![0]!) : suppressSmallCount(num(victimPlans[k]!.plans));
  };

  const planIndex = new Map(planCounties.map((c, k) => [c.code, k]));
  const out: StateReportT = {
    ...r,
    version: 'public',
    typeTable: {
      rows: r.typeTable.rows.map((row, i) => ({
        type: row.type,
        youth: typeCount(types, i),
        plans: CSEC_TYPES[i]!.isVictim ? victimTypePlans(i) : plansAtRiskShown,
      })),
      victims: show(types.columnTotals[0]!),
      atRisk: show(types.columnTotals[1]!),
      plansVictims: plansVictimsShown,
      plansAtRisk: plansAtRiskShown,
      total: show(types.grandTotal),
    },
    referralOnly: {
      rows: r.referralOnly.rows.map((row, i) => ({ type: row.type, youth: typeCount(referral, i) })),
      victims: show(referral.columnTotals[0]!),
      atRisk: show(referral.columnTotals[1]!),
    },
    counties: counties.map((c, i) => {
      const victims = byCounty.cells[i]![0]!;
      const atRisk = byCounty.cells[i]![1]!;
      const k = planIndex.get(c.code);
      const planVictims = k === undefined ? null : plans.cells[k]![0]!;
      const planAtRisk = k === undefined ? null : plans.cells[k]![1]!;
      return {
        ...c,
        victims: show(victims),
        atRisk: show(atRisk),
        victimRatio: victims.shown ? c.victimRatio : null,
        plans:
          planVictims && planAtRisk ? { victimsServed: show(planVictims), atRiskIdentified: show(planAtRisk) } : null,
        victimsDifference: planVictims?.shown && victims.shown ? c.victimsDifference : null,
        atRiskDifference: planAtRisk?.shown && atRisk.shown ? c.atRiskDifference : null,
        dataQuality: {
          typesWithoutSubcategory: show(quality.typesWithoutSubcategory.counts[i]!),
          referralOnlyYouth: show(referralByCounty.cells[i]![0]!),
          typesOutsidePeriod: show(quality.typesOutsidePeriod.counts[i]!),
          typesWithoutCase: show(quality.typesWithoutCase.counts[i]!),
          likelyDuplicates: show(quality.likelyDuplicates.counts[i]!),
          youthWithoutDateOfBirth: show(quality.youthWithoutDateOfBirth.counts[i]!),
          openDataQualityIssues: show(quality.openDataQualityIssues.counts[i]!),
        },
      };
    }),
    limitations: limitations(
      {
        types_without_subcategory: show(quality.typesWithoutSubcategory.total),
        referral_only_youth: show(referralByCounty.columnTotals[0]!),
        types_outside_period: show(quality.typesOutsidePeriod.total),
        types_without_case: show(quality.typesWithoutCase.total),
        likely_duplicates: show(quality.likelyDuplicates.total),
        youth_without_date_of_birth: show(quality.youthWithoutDateOfBirth.total),
        counties_without_population: counties.filter((c) => c.population === null).length,
        counties_without_plans: counties.filter((c) => c.plans === null).length,
      },
      r.planYear,
    ),
    suppression: {
      threshold: SMALL_CELL_THRESHOLD,
      note: STATE_SUPPRESSION_NOTE.en,
      noteEs: STATE_SUPPRESSION_NOTE.es,
    },
  };
  return out;
}
