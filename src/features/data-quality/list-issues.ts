// The county's data-quality queue: open counts by kind, a page of issues, and the same as CSV.
// Supervisors only (forDataQuality); row-level security and an explicit county condition keep it
// to their county. Every youth and record listed is named in the audit event.
import { stringify } from 'csv-stringify/sync';
import { sql, type SQL } from 'drizzle-orm';
import type { DataQualityScope } from '../../access/checkpoint.js';
import type { YouthContext } from '../../access/contexts.js';
import { selectRows } from '../../db/client.js';
import { HarborError } from '../../errors.js';
import { neutralizeFormula } from '../directory/export-providers.js';
import {
  DATA_QUALITY_KINDS,
  type DataQualityCsvQuery,
  type DataQualityKind,
  type DataQualityList,
  type DataQualityQuery,
} from '../../contract/data-quality.js';
import { categoriesOf, idsOf, loadIssues, toView, type IssueRow } from './load.js';

/** The most rows one CSV holds: beyond it, filter by kind or status. */
export const CSV_LIMIT = 50_000;

function filterOf(countyId: string, q: DataQualityCsvQuery): SQL {
  return sql.join(
    [
      sql`d.county_id = ${countyId}`,
      ...(q.kind ? [sql`d.kind = ${q.kind}`] : []),
      ...(q.status !== 'all' ? [sql`d.status = ${q.status}`] : []),
    ],
    sql` AND `,
  );
}

/** Notes for the audit event what the rows show: their youth and records, and the categories. */
function touchRows(scope: DataQualityScope, rows: IssueRow[], q: DataQualityCsvQuery) {
  const kinds = new Set(rows.map((r) => r.kind));
  scope.touch(
    [...kinds].flatMap((k) => categoriesOf(k)),
    rows.flatMap((r) => idsOf(r)),
  );
  scope.note({ kind: q.kind ?? null, status: q.status, rows: rows.length });
}

async function countOf(scope: DataQualityScope, filter: SQL): Promise<number> {
  const [row] = await selectRows<{ n: number }>(
    scope.tx,
    sql`SELECT count(*)::int AS n FROM data_quality_issues d WHERE ${filter}`,
  );
  return row?.n ?? 0;
}

export function listIssues(repo: YouthContext, q: DataQualityQuery): Promise<DataQualityList> {
  return repo.forDataQuality('data_quality.list', async (scope) => {
    const countyId = scope.actor.countyId;
    const open = await selectRows<{ kind: DataQualityKind; n: number }>(
      scope.tx,
      sql`SELECT kind, count(*)::int AS n FROM data_quality_issues
           WHERE county_id = ${countyId} AND status = 'open' GROUP BY kind`,
    );
    const counts = Object.fromEntries(DATA_QUALITY_KINDS.map((k) => [k, 0])) as Record<DataQualityKind, number>;
    for (const r of open) if (r.kind in counts) counts[r.kind] = r.n;
    const filter = filterOf(countyId, q);
    const total = await countOf(scope, filter);
    const rows = await loadIssues(scope.tx, filter, { limit: q.limit, offset: q.offset });
    touchRows(scope, rows, q);
    return { counts, total, items: rows.map(toView) };
  });
}

const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

/** Every matching issue as CSV: state ids, Types, dates and ages; no name, no date of birth. */
export function issuesCsv(repo: YouthContext, q: DataQualityCsvQuery): Promise<string> {
  return repo.forDataQuality('data_quality.export', async (scope) => {
    const filter = filterOf(scope.actor.countyId, q);
    const total = await countOf(scope, filter);
    if (total > CSV_LIMIT) {
      throw new HarborError(
        400,
        'data_quality_export_too_large',
        `One export holds at most ${CSV_LIMIT} issues and ${total} match. Choose a kind or a status.`,
        { limit: CSV_LIMIT, total },
      );
    }
    const rows = await loadIssues(scope.tx, filter);
    touchRows(scope, rows, q);
    return stringify([
      [
        'kind',
        'status',
        'client_id',
        'other_client_id',
        'record_kind',
        'record_id',
        'type',
        'start_date',
        'end_date',
        'age',
        'detected_at',
      ],
      ...rows.map((r) => {
        const v = toView(r);
        return [
          v.kind,
          v.status,
          // State ids come from an extract: never let a spreadsheet run one as a formula.
          neutralizeFormula(v.clientId ?? ''),
          neutralizeFormula(v.otherClientId ?? ''),
          v.recordKind,
          v.recordId,
          str(v.details.type),
          str(v.details.startDate),
          str(v.details.endDate),
          str(v.details.age),
          v.detectedAt,
        ];
      }),
    ]);
  });
}
