// The state's roll-up of counties' submissions for one period (state.review): per county with a
// submission for exactly that period or with Types starting in it, the submission's status, the
// figures it stands on (submitted or accepted ones; a draft or a returned submission is not a
// standing one, so its figures are left out), and what Harbor's data (the imported extract) says
// now under the same counting rule; then the statewide totals of both. Counts only, as
// harbor_aggregate across every county.
import { sql } from 'drizzle-orm';
import type { AggregateContext } from '../../access/contexts.js';
import type { SubmissionRollupT } from '../../contract/state-report.js';
import { selectRows } from '../../db/client.js';
import { stateFigures } from '../state-report/figures.js';
import { loadCounties } from './counties.js';
import {
  checkPeriod,
  emptySubmissionFigures,
  submissionFigures,
  type SubmissionFiguresT,
  type SubmissionStatus,
} from './submissions.js';

const STANDING: readonly SubmissionStatus[] = ['submitted', 'accepted'];

function add(total: SubmissionFiguresT, f: SubmissionFiguresT) {
  for (const [type, n] of Object.entries(f.typeTable)) total.typeTable[type] = (total.typeTable[type] ?? 0) + n;
  total.victims += f.victims;
  total.atRisk += f.atRisk;
  total.referralOnlyYouth += f.referralOnlyYouth;
}

export function submissionRollup(ctx: AggregateContext, q: { from: string; to: string }): Promise<SubmissionRollupT> {
  checkPeriod(q, 'query');
  const { from, to } = q;
  return ctx.aggregate('state.submission.rollup', async ({ tx, note }) => {
    const extract = await stateFigures(tx, 'all', from, to);
    const submissions = await selectRows<{
      county_id: string;
      status: SubmissionStatus;
      figures: SubmissionFiguresT | string;
    }>(
      tx,
      sql`SELECT county_id, status, figures FROM state_submissions
           WHERE period_from = ${from}::date AND period_to = ${to}::date`,
    );
    const byCounty = new Map(submissions.map((s) => [s.county_id, s]));
    const ids = new Set([...extract.keys(), ...byCounty.keys()]);
    const totals = { submitted: emptySubmissionFigures(), extract: emptySubmissionFigures() };
    const counties = (await loadCounties(tx))
      .filter((c) => ids.has(c.id))
      .map((c) => {
        const s = byCounty.get(c.id);
        const figures = extract.get(c.id);
        const fromExtract = figures ? submissionFigures(figures) : emptySubmissionFigures();
        const submitted =
          s && STANDING.includes(s.status)
            ? ((typeof s.figures === 'string' ? JSON.parse(s.figures) : s.figures) as SubmissionFiguresT)
            : null;
        if (submitted) add(totals.submitted, submitted);
        add(totals.extract, fromExtract);
        return { county: c.code, countyName: c.name, status: s?.status ?? null, submitted, extract: fromExtract };
      });
    note({ from, to, counties: counties.length, submissions: submissions.length });
    return { period: { from, to }, counties, totals };
  });
}
