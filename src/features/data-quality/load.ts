// Reading data-quality issues for the queue: the row, the state client ids of the youth (and of
// the other youth of a likely duplicate), and the view the API sends. No name, no date of birth.
import { sql, type SQL } from 'drizzle-orm';
import { asDate, selectRows, type Db } from '../../db/client.js';
import type { FieldCategory } from '../../domain/field-categories.js';
import {
  RECORD_KIND_OF,
  type DataQualityIssueView,
  type DataQualityKind,
  type DataQualityRecordKind,
  type DataQualityStatus,
} from '../../contract/data-quality.js';

export interface IssueRow {
  id: string;
  kind: DataQualityKind;
  record_kind: DataQualityRecordKind;
  record_id: string;
  youth_id: string;
  client_id: string | null;
  other_youth_id: string | null;
  other_client_id: string | null;
  details: Record<string, unknown>;
  status: DataQualityStatus;
  detected_at: Date | string;
  resolved_at: Date | string | null;
  note: string | null;
  version: number;
}

/** The columns of an issue with the state client ids; FROM data_quality_issues d. */
export const ISSUE_SELECT = sql`
  SELECT d.id, d.kind, d.record_kind, d.record_id, d.youth_id, d.other_youth_id, d.details, d.status,
         d.detected_at, d.resolved_at, d.note, d.version,
         (SELECT min(i.value) FROM youth_identifiers i WHERE i.youth_id = d.youth_id AND i.system = 'cws_cms') AS client_id,
         (SELECT min(i.value) FROM youth_identifiers i WHERE i.youth_id = d.other_youth_id AND i.system = 'cws_cms') AS other_client_id
    FROM data_quality_issues d`;

/** One issue of the user's county, optionally locked for a change; undefined when not there. */
export async function loadIssue(tx: Db, countyId: string, id: string, lock = false): Promise<IssueRow | undefined> {
  const [row] = await selectRows<IssueRow>(
    tx,
    sql`${ISSUE_SELECT} WHERE d.id = ${id} AND d.county_id = ${countyId}${lock ? sql` FOR UPDATE OF d` : sql``}`,
  );
  return row;
}

/** Issues of the county matching a filter, in the queue's order. */
export async function loadIssues(tx: Db, filter: SQL, page?: { limit: number; offset: number }): Promise<IssueRow[]> {
  return selectRows<IssueRow>(
    tx,
    sql`${ISSUE_SELECT} WHERE ${filter} ORDER BY d.kind, d.detected_at, d.id
        ${page ? sql`LIMIT ${page.limit} OFFSET ${page.offset}` : sql``}`,
  );
}

export function toView(row: IssueRow): DataQualityIssueView {
  return {
    id: row.id,
    kind: row.kind,
    recordKind: row.record_kind,
    recordId: row.record_id,
    youthId: row.youth_id,
    clientId: row.client_id,
    otherYouthId: row.other_youth_id,
    otherClientId: row.other_client_id,
    details: row.details,
    status: row.status,
    detectedAt: asDate(row.detected_at).toISOString(),
    resolvedAt: row.resolved_at === null ? null : asDate(row.resolved_at).toISOString(),
    note: row.note,
    version: row.version,
  };
}

/**
 * What showing an issue reveals, for the audit event: the youth's identity (the state client id;
 * names and dates of birth for client kinds) and, for a Type, exploitation data.
 */
export function categoriesOf(kind: DataQualityKind): FieldCategory[] {
  return RECORD_KIND_OF[kind] === 'csec_type' ? ['identity', 'exploitation'] : ['identity'];
}

/** The youth and records an issue names, for the audit event. */
export function idsOf(row: Pick<IssueRow, 'id' | 'youth_id' | 'record_id' | 'other_youth_id'>): string[] {
  return [row.id, row.youth_id, row.record_id, ...(row.other_youth_id ? [row.other_youth_id] : [])];
}
