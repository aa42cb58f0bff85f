// A county's submission of a period's figures to the state CSEC Program, with its de-identified
// row file (issue 13). Statuses: draft → submitted → accepted | returned; a returned submission
// is refreshed and submitted again. One submission per county and period (a unique index).
//
//   create, refresh   the county analyst (state.submit), as harbor_aggregate: the figures come
//                     from the county's Types (stateFigures) and the rows from the database
//                     function harbor_submission_rows, which hashes the client id with the
//                     county's secret and returns no name, no date of birth and no state id;
//   submit            the county analyst, as harbor_reference inside the county wall;
//   accept, return    the state analyst (state.review), as harbor_reference across counties;
//   list, rows.csv    anyone with reports.state: the state every county's, a county its own.
//
// Another county's submission is not found (404): row-level security hides it.
import { sql } from 'drizzle-orm';
import { stringify } from 'csv-stringify/sync';
import type { z } from 'zod';
import type { AggregateScope } from '../../access/checkpoint.js';
import type { AdminContext, AggregateContext } from '../../access/contexts.js';
import type { SubmissionFigures, SubmissionT, SUBMISSION_STATUSES } from '../../contract/state-report.js';
import { asDate, selectRows, type Db } from '../../db/client.js';
import { CSEC_TYPES } from '../../domain/csec-type.js';
import { changedMeanwhile, conflict, HarborError, invalidField, notFound, staleVersion } from '../../errors.js';
import { stateFigures, type CountyFigures } from '../state-report/figures.js';

export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];
export type SubmissionFiguresT = z.infer<typeof SubmissionFigures>;

interface SubmissionRow {
  id: string;
  county_id: string;
  code: string;
  county_name: string;
  period_from: string;
  period_to: string;
  status: SubmissionStatus;
  figures: SubmissionFiguresT | string;
  row_count: number;
  created_at: Date | string;
  refreshed_at: Date | string;
  submitted_at: Date | string | null;
  reviewed_at: Date | string | null;
  review_comments: string | null;
  version: number;
}

const iso = (d: Date | string | null) => (d === null ? null : asDate(d).toISOString());
const parsed = <T>(v: T | string): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);

function toView(r: SubmissionRow): SubmissionT {
  return {
    id: r.id,
    county: r.code,
    countyName: r.county_name,
    period: { from: r.period_from, to: r.period_to },
    status: r.status,
    figures: parsed(r.figures),
    rowCount: r.row_count,
    createdAt: iso(r.created_at)!,
    refreshedAt: iso(r.refreshed_at)!,
    submittedAt: iso(r.submitted_at),
    reviewedAt: iso(r.reviewed_at),
    reviewComments: r.review_comments,
    version: r.version,
  };
}

const SELECT = sql`
  SELECT s.id, s.county_id, c.code, c.name AS county_name, s.period_from::text AS period_from,
         s.period_to::text AS period_to, s.status, s.figures, s.row_count, s.created_at, s.refreshed_at,
         s.submitted_at, s.reviewed_at, s.review_comments, s.version
    FROM state_submissions s JOIN counties c ON c.id = s.county_id`;

async function loadSubmission(tx: Db, id: string, lock = false): Promise<SubmissionRow | undefined> {
  const [row] = await selectRows<SubmissionRow>(
    tx,
    sql`${SELECT} WHERE s.id = ${id}${lock ? sql` FOR UPDATE OF s` : sql``}`,
  );
  return row;
}

/** A county's figures as a submission carries them: the Type table, victims, at risk, referral-only youth. */
export function submissionFigures(f: CountyFigures): SubmissionFiguresT {
  return {
    typeTable: Object.fromEntries(CSEC_TYPES.map((t) => [t.code, f.cases.byType[t.code]])),
    victims: f.cases.victims,
    atRisk: f.cases.atRisk,
    referralOnlyYouth: f.referralOnly.victims + f.referralOnly.atRisk,
  };
}

export function emptySubmissionFigures(): SubmissionFiguresT {
  return {
    typeTable: Object.fromEntries(CSEC_TYPES.map((t) => [t.code, 0])),
    victims: 0,
    atRisk: 0,
    referralOnlyYouth: 0,
  };
}

/** 400 when the period ends before it starts. */
export function checkPeriod(p: { from: string; to: string }, where: 'body' | 'query') {
  if (p.to < p.from)
    throw invalidField(`/${where}/to`, 'end_before_start', 'to: the period cannot end before it starts', {
      start: p.from,
    });
}

const WHY: Record<SubmissionStatus, string> = {
  draft: 'is still a draft: the county has not submitted it yet',
  submitted: 'is with the state for review: it cannot change until the state accepts or returns it',
  accepted: 'was accepted by the state: it can no longer change',
  returned: 'was returned to the county: the county submits it again first',
};

/** 409 submission_is_<status>: the step needs another status. */
export const wrongStatus = (status: SubmissionStatus) =>
  new HarborError(409, `submission_is_${status}`, `This submission ${WHY[status]}.`, { status });

/** The submission, locked, in one of the statuses and at the version sent; 404 or 409 otherwise. */
async function submissionAt(
  tx: Db,
  id: string,
  version: number,
  statuses: readonly SubmissionStatus[],
): Promise<SubmissionRow> {
  const row = await loadSubmission(tx, id, true);
  if (!row) throw notFound('submission');
  if (!statuses.includes(row.status)) throw wrongStatus(row.status);
  if (row.version !== version) throw staleVersion('submission', version, row.version);
  return row;
}

/** The de-identified rows of the county's Types starting in the period, numbered; their count. */
async function writeRows(tx: Db, submissionId: string, countyId: string, from: string, to: string) {
  const [done] = await selectRows<{ n: number }>(
    tx,
    sql`WITH made AS (
          INSERT INTO state_submission_rows
            (submission_id, line, county_id, client_hash, age_at_start, csec_type, start_month, association, counted)
          SELECT ${submissionId}::uuid, r.n::int, ${countyId}::uuid, r.client_hash, r.age_at_start, r.csec_type,
                 r.start_month, r.association, r.counted
            FROM harbor_submission_rows(${countyId}::uuid, ${from}::date, ${to}::date)
                 WITH ORDINALITY AS r(client_hash, age_at_start, csec_type, start_month, association, counted, n)
          RETURNING 1
        )
        SELECT count(*)::int AS n FROM made`,
  );
  return done?.n ?? 0;
}

async function countyFigures(scope: AggregateScope, from: string, to: string) {
  const countyId = scope.actor.countyId;
  const figures = (await stateFigures(scope.tx, [countyId], from, to)).get(countyId);
  return figures ? submissionFigures(figures) : emptySubmissionFigures();
}

/** A draft submission of the user's county's figures and rows for the period (409 if one exists). */
export function createSubmission(ctx: AggregateContext, input: { from: string; to: string }): Promise<SubmissionT> {
  checkPeriod(input, 'body');
  const { from, to } = input;
  return ctx.aggregate('state.submission.create', async (scope) => {
    const { tx, actor } = scope;
    const countyId = actor.countyId;
    const taken = async () => {
      const [other] = await selectRows<{ id: string; status: SubmissionStatus }>(
        tx,
        sql`SELECT id, status FROM state_submissions
             WHERE county_id = ${countyId} AND period_from = ${from}::date AND period_to = ${to}::date`,
      );
      return other;
    };
    const exists = (other: { id: string; status: SubmissionStatus } | undefined) =>
      conflict(
        `Your county already has a submission for ${from} to ${to} (${other?.status ?? 'being made'}): open it instead.`,
        { id: other?.id ?? null, status: other?.status ?? null },
        'submission_exists',
      );
    const other = await taken();
    if (other) throw exists(other);
    const figures = await countyFigures(scope, from, to);
    const [made] = await selectRows<{ id: string }>(
      tx,
      sql`INSERT INTO state_submissions (county_id, period_from, period_to, figures, created_by)
          VALUES (${countyId}, ${from}::date, ${to}::date, ${JSON.stringify(figures)}::jsonb, ${actor.userId})
          ON CONFLICT DO NOTHING RETURNING id`,
    );
    // Another request made the same submission in between.
    if (!made) throw exists(await taken());
    const rowCount = await writeRows(tx, made.id, countyId, from, to);
    await tx.execute(sql`UPDATE state_submissions SET row_count = ${rowCount} WHERE id = ${made.id}`);
    scope.note({ submissionId: made.id, from, to, rowCount });
    return toView((await loadSubmission(tx, made.id))!);
  });
}

/** Recomputes a draft or returned submission's figures and rows from the county's data now. */
export function refreshSubmission(ctx: AggregateContext, id: string, version: number): Promise<SubmissionT> {
  return ctx.aggregate('state.submission.refresh', async (scope) => {
    const { tx, actor } = scope;
    const row = await submissionAt(tx, id, version, ['draft', 'returned']);
    // The county's own only (the wall already says so; state analysts cannot submit).
    if (row.county_id !== actor.countyId) throw notFound('submission');
    const figures = await countyFigures(scope, row.period_from, row.period_to);
    await tx.execute(sql`DELETE FROM state_submission_rows WHERE submission_id = ${id}`);
    const rowCount = await writeRows(tx, id, row.county_id, row.period_from, row.period_to);
    const [done] = await selectRows<{ id: string }>(
      tx,
      sql`UPDATE state_submissions
             SET figures = ${JSON.stringify(figures)}::jsonb, row_count = ${rowCount}, refreshed_at = now(),
                 version = version + 1
           WHERE id = ${id} AND version = ${version} RETURNING id`,
    );
    if (!done) throw changedMeanwhile('this submission');
    scope.note({ submissionId: id, rowCount, status: row.status });
    return toView((await loadSubmission(tx, id))!);
  });
}

/** The county sends a draft or returned submission to the state. */
export function submitSubmission(ctx: AdminContext, id: string, version: number): Promise<SubmissionT> {
  return ctx.forCounty(
    'state.submission.submit',
    async ({ tx, actor, note }) => {
      const row = await submissionAt(tx, id, version, ['draft', 'returned']);
      if (row.county_id !== actor.countyId) throw notFound('submission');
      const [done] = await selectRows<{ id: string }>(
        tx,
        sql`UPDATE state_submissions
               SET status = 'submitted', submitted_by = ${actor.userId}, submitted_at = now(), version = version + 1
             WHERE id = ${id} AND version = ${version} RETURNING id`,
      );
      if (!done) throw changedMeanwhile('this submission');
      note({ submissionId: id, from: row.status, to: 'submitted' });
      return toView((await loadSubmission(tx, id))!);
    },
    { audit: true },
  );
}

/** The state accepts a submitted submission, or returns it to the county with comments. */
export function reviewSubmission(
  ctx: AdminContext,
  id: string,
  decision: { version: number } & ({ accept: true } | { accept: false; comments: string }),
): Promise<SubmissionT> {
  const action = decision.accept ? 'state.submission.accept' : 'state.submission.return';
  return ctx.forState(action, async ({ tx, actor, note }) => {
    await submissionAt(tx, id, decision.version, ['submitted']);
    const status = decision.accept ? 'accepted' : 'returned';
    const comments = decision.accept ? null : decision.comments;
    const [done] = await selectRows<{ id: string }>(
      tx,
      sql`UPDATE state_submissions
             SET status = ${status}, reviewed_by = ${actor.userId}, reviewed_at = now(),
                 review_comments = ${comments}, version = version + 1
           WHERE id = ${id} AND version = ${decision.version} RETURNING id`,
    );
    if (!done) throw changedMeanwhile('this submission');
    note({ submissionId: id, from: 'submitted', to: status });
    return toView((await loadSubmission(tx, id))!);
  });
}

/** Submissions whose period overlaps from..to (either may be left out), newest period first. */
export function listSubmissions(ctx: AdminContext, q: { from?: string; to?: string }): Promise<SubmissionT[]> {
  if (q.from && q.to) checkPeriod({ from: q.from, to: q.to }, 'query');
  return ctx.forState('state.submission.list', async ({ tx, note }) => {
    const rows = await selectRows<SubmissionRow>(
      tx,
      sql`${SELECT}
          WHERE ${q.from ? sql`s.period_to >= ${q.from}::date` : sql`true`}
            AND ${q.to ? sql`s.period_from <= ${q.to}::date` : sql`true`}
          ORDER BY s.period_from DESC, s.period_to DESC, c.name`,
    );
    note({ from: q.from ?? null, to: q.to ?? null, submissions: rows.length });
    return rows.map(toView);
  });
}

export function getSubmission(ctx: AdminContext, id: string): Promise<SubmissionT> {
  return ctx.forState('state.submission.view', async ({ tx, note }) => {
    const row = await loadSubmission(tx, id);
    if (!row) throw notFound('submission');
    note({ submissionId: id });
    return toView(row);
  });
}

export const ROW_FILE_COLUMNS = [
  'client_hash',
  'age_at_start',
  'csec_type',
  'start_month',
  'county',
  'association',
  'counted',
] as const;

/** The submission's de-identified row file as CSV, and a file name for it. */
export function submissionRowsCsv(ctx: AdminContext, id: string): Promise<{ csv: string; fileName: string }> {
  return ctx.forState('state.submission.rows', async ({ tx, note }) => {
    const submission = await loadSubmission(tx, id);
    if (!submission) throw notFound('submission');
    const rows = await selectRows<{
      client_hash: string;
      age_at_start: number | null;
      csec_type: string;
      start_month: string;
      county: string;
      association: string;
      counted: boolean;
    }>(
      tx,
      sql`SELECT r.client_hash, r.age_at_start, r.csec_type, r.start_month, c.name AS county, r.association, r.counted
            FROM state_submission_rows r JOIN counties c ON c.id = r.county_id
           WHERE r.submission_id = ${id} ORDER BY r.line`,
    );
    note({ submissionId: id, rows: rows.length });
    const csv = stringify([
      [...ROW_FILE_COLUMNS],
      ...rows.map((r) => [
        r.client_hash,
        r.age_at_start === null ? '' : String(r.age_at_start),
        r.csec_type,
        r.start_month,
        r.county,
        r.association,
        r.counted ? 'true' : 'false',
      ]),
    ]);
    const fileName = `harbor-state-submission-${submission.code}-${submission.period_from}-${submission.period_to}.csv`;
    return { csv, fileName };
  });
}
