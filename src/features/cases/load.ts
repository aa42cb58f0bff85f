// Reading a youth's cases as the API shows them, and the history row every saved state appends.
import { sql } from 'drizzle-orm';
import { selectRows, type Db } from '../../db/client.js';
import type { CaseKind, CaseView } from '../../contract/cases.js';

export interface CaseRow {
  id: string;
  kind: CaseKind;
  external_id: string | null;
  county_id: string;
  county: string;
  organization_id: string | null;
  organization: string | null;
  opened_on: string;
  closed_on: string | null;
  close_reason: string | null;
  assigned_user_id: string | null;
  assigned_name: string | null;
  imported: boolean;
  version: number;
}

/**
 * The youth's cases (or one of them), newest first. Imported cases may have no organization and
 * no assignee, so both are LEFT JOINs.
 */
export function loadCases(tx: Db, youthId: string, caseId?: string): Promise<CaseRow[]> {
  return selectRows<CaseRow>(
    tx,
    sql`SELECT c.id, c.kind, c.external_id, c.county_id, co.name AS county, c.organization_id, o.name AS organization,
               c.opened_on::text AS opened_on, c.closed_on::text AS closed_on, c.close_reason,
               c.assigned_user_id, u.display_name AS assigned_name, (c.import_batch_id IS NOT NULL) AS imported, c.version
          FROM cases c
          JOIN counties co ON co.id = c.county_id
          LEFT JOIN organizations o ON o.id = c.organization_id
          LEFT JOIN users u ON u.id = c.assigned_user_id
         WHERE c.youth_id = ${youthId} ${caseId ? sql`AND c.id = ${caseId}` : sql``}
         ORDER BY c.opened_on DESC, c.created_at DESC, c.id`,
  );
}

/** One case of the youth, its row locked until the transaction ends (edits and closing take turns). */
export async function lockCase(tx: Db, youthId: string, caseId: string): Promise<CaseRow | undefined> {
  const [locked] = await selectRows<{ id: string }>(
    tx,
    sql`SELECT id FROM cases WHERE id = ${caseId} AND youth_id = ${youthId} FOR UPDATE`,
  );
  if (!locked) return undefined;
  const [row] = await loadCases(tx, youthId, caseId);
  return row;
}

export function toView(r: CaseRow): CaseView {
  return {
    id: r.id,
    kind: r.kind,
    caseNumber: r.external_id,
    county: r.county,
    organization: r.organization,
    openedOn: r.opened_on,
    closedOn: r.closed_on,
    closeReason: r.close_reason,
    assignedUser: r.assigned_user_id ? { id: r.assigned_user_id, name: r.assigned_name ?? '' } : null,
    imported: r.imported,
    version: r.version,
  };
}

/**
 * Appends the case's saved state to its history: what it is now (re-read, so the snapshot is what
 * was stored), who saved it and when. Returns the case as saved.
 */
export async function recordHistory(tx: Db, youthId: string, caseId: string, changedBy: string): Promise<CaseRow> {
  const [row] = await loadCases(tx, youthId, caseId);
  const snapshot = {
    kind: row!.kind,
    caseNumber: row!.external_id,
    organizationId: row!.organization_id,
    openedOn: row!.opened_on,
    closedOn: row!.closed_on,
    closeReason: row!.close_reason,
    // The same keys as the importer's snapshot (src/features/import), plus the worker's name as saved.
    assignedUserId: row!.assigned_user_id,
    assignedUserName: row!.assigned_user_id ? row!.assigned_name : null,
  };
  await tx.execute(
    sql`INSERT INTO case_history (case_id, county_id, version, snapshot, changed_by)
        VALUES (${caseId}, ${row!.county_id}, ${row!.version}, ${JSON.stringify(snapshot)}::jsonb, ${changedBy})`,
  );
  return row!;
}
