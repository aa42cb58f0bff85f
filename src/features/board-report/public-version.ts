// The public version of the Board report: small-cell suppression (DOMAIN.md section 8; the rules
// are in src/domain/suppression.ts). What is published, and how each part is protected:
//   - referrals made = declined + not declined, per organization and county-wide: one table
//     (organizations × [declined, not declined]) whose row totals are the referrals made and
//     whose column and grand totals are the county's, so suppressTable() hides complements
//     across all three at once;
//   - reached within the term, and youth recovered and connected: each a list of per-organization
//     counts with their sum (suppressList());
//   - shares and medians: hidden when a count they derive from is hidden, and medians also when
//     they are taken over 1 to 10 referrals;
//   - the county-wide count of distinct youth is left out: it is not the sum of its parts, and
//     beside the sum it would reveal how many youth two organizations share;
//   - no free text (issue descriptions, recommendations) and no decline reasons per
//     organization; performance issues as counts by category (they count organizations' issues,
//     not people).
import { SMALL_CELL_THRESHOLD, suppressList, suppressTable, type DisplayedCount } from '../../domain/suppression.js';
import type { BoardReportT, CboRowT, CountySummaryT } from '../../contract/board-report.js';

export const SUPPRESSION_FOOTNOTE =
  `Counts from 1 to ${SMALL_CELL_THRESHOLD - 1} are shown as "<${SMALL_CELL_THRESHOLD}" (CalHHS Data De-identification Guidelines). ` +
  `Where totals would let a hidden count be worked out, further counts are hidden too (complementary suppression), so "<${SMALL_CELL_THRESHOLD}" can also stand for a larger count or for zero. ` +
  `Shares and medians computed from a hidden count, and medians over fewer than ${SMALL_CELL_THRESHOLD} referrals, read "suppressed". ` +
  `County totals of youth recovered add up the organizations; the count of distinct youth county-wide, decline reasons and the text of performance issues are in the internal version only.`;

type Shown = number | '<11';
const show = (d: DisplayedCount): Shown => (d.shown ? d.value : '<11');
const hidden = (...d: DisplayedCount[]): boolean => d.some((x) => !x.shown);
const smallBase = (n: number): boolean => n > 0 && n < SMALL_CELL_THRESHOLD;

interface Internal {
  cbos: CboRowT[];
  summary: CountySummaryT;
}

const num = (v: number | string): number => {
  if (typeof v !== 'number') throw new Error('the internal version holds numbers only');
  return v;
};
const derived = (v: number | 'suppressed' | null, suppress: boolean): number | 'suppressed' | null =>
  v === null ? null : suppress ? 'suppressed' : v;

/** One period, suppressed: the per-organization rows and the county summary. */
export function publicPeriod(
  p: Internal,
  counts: { contacted: number[]; serviced: number[]; county: { contacted: number; serviced: number } },
): Internal {
  const rows = p.cbos;
  const declined = rows.map((c) => num(c.declined));
  const notDeclined = rows.map((c) => num(c.notDeclined));
  // suppressTable needs at least one row; a county with no organization shows zeros anyway.
  const table = suppressTable(rows.length > 0 ? rows.map((_, i) => [declined[i]!, notDeclined[i]!]) : [[0, 0]]);
  const reached = suppressList(rows.map((c) => num(c.reachedOnTime)));
  const recovered = suppressList(rows.map((c) => num(c.recoveredYouth)));

  const cbos: CboRowT[] = rows.map((c, i) => {
    const [dec, notDec] = [table.cells[i]![0]!, table.cells[i]![1]!];
    const ref = table.rowTotals[i]!;
    const onTime = reached.counts[i]!;
    return {
      ...c,
      referrals: show(ref),
      declined: show(dec),
      notDeclined: show(notDec),
      reachedOnTime: show(onTime),
      reachedOnTimeShare: derived(c.reachedOnTimeShare, hidden(onTime, notDec)),
      recoveredYouth: show(recovered.counts[i]!),
      medianDaysToFirstContact: derived(c.medianDaysToFirstContact, hidden(ref) || smallBase(counts.contacted[i] ?? 0)),
      medianDaysToFirstService: derived(c.medianDaysToFirstService, hidden(ref) || smallBase(counts.serviced[i] ?? 0)),
      declineReasons: [],
      issues: [],
    };
  });
  const s = p.summary;
  const [cDec, cNotDec, cRef] = [table.columnTotals[0]!, table.columnTotals[1]!, table.grandTotal];
  return {
    cbos,
    summary: {
      ...s,
      referrals: show(cRef),
      declined: show(cDec),
      notDeclined: show(cNotDec),
      reachedOnTime: show(reached.total),
      reachedOnTimeShare: derived(s.reachedOnTimeShare, hidden(reached.total, cNotDec)),
      recoveredYouth: show(recovered.total),
      recoveredYouthDistinct: null,
      medianDaysToFirstContact: derived(s.medianDaysToFirstContact, hidden(cRef) || smallBase(counts.county.contacted)),
      medianDaysToFirstService: derived(s.medianDaysToFirstService, hidden(cRef) || smallBase(counts.county.serviced)),
    },
  };
}

export interface PeriodBases {
  contacted: number[];
  serviced: number[];
  county: { contacted: number; serviced: number };
}

/**
 * The public version of a whole report. `bases` gives, per period (the report's own first, then
 * the series), how many referrals each median is taken over. Each series period is suppressed
 * exactly as its own public report would be, so the chart never shows a figure that report hides.
 */
export function publicVersion(
  report: BoardReportT,
  seriesInternal: readonly Internal[],
  bases: readonly PeriodBases[],
): BoardReportT {
  const own = publicPeriod({ cbos: report.cbos, summary: report.summary }, bases[0]!);
  return {
    ...report,
    version: 'public',
    suppression: SUPPRESSION_FOOTNOTE,
    cbos: own.cbos,
    summary: own.summary,
    series: report.series.map((s, i) => ({
      period: s.period,
      summary: publicPeriod(seriesInternal[i]!, bases[i + 1]!).summary,
    })),
  };
}
