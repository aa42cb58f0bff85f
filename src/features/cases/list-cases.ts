import { sql } from 'drizzle-orm';
import type { YouthContext } from '../../access/contexts.js';
import { asDate, selectRows } from '../../db/client.js';
import { notFound } from '../../errors.js';
import type { CaseHistory, CaseKind, CaseList } from '../../contract/cases.js';
import { loadCases, toView } from './load.js';

/** A youth's cases, newest first, those imported from the state system included. */
export function listCases(repo: YouthContext, youthId: string): Promise<CaseList> {
  return repo.forYouth(youthId, 'case.list', { read: ['identity'] }, async (scope) => {
    const rows = await loadCases(scope.tx, youthId);
    scope.touch(
      ['identity'],
      rows.map((r) => r.id),
    );
    return { cases: rows.map(toView) };
  });
}

interface HistoryRow {
  version: number;
  changed_at: Date | string;
  changed_by: string | null;
  kind: CaseKind | null;
  case_number: string | null;
  opened_on: string | null;
  closed_on: string | null;
  assigned_user: string | null;
  close_reason: string | null;
}

/** Every saved state of one case, newest first: who saved it (none when the state system sent it). */
export function caseHistory(repo: YouthContext, youthId: string, caseId: string): Promise<CaseHistory> {
  return repo.forYouth(youthId, 'case.history', { read: ['identity'] }, async (scope) => {
    const [exists] = await selectRows<{ id: string }>(
      scope.tx,
      sql`SELECT id FROM cases WHERE id = ${caseId} AND youth_id = ${youthId}`,
    );
    if (!exists) throw notFound('case');
    const rows = await selectRows<HistoryRow>(
      scope.tx,
      sql`SELECT h.version, h.changed_at, u.display_name AS changed_by,
                 h.snapshot->>'kind' AS kind, h.snapshot->>'caseNumber' AS case_number,
                 h.snapshot->>'openedOn' AS opened_on, h.snapshot->>'closedOn' AS closed_on,
                 coalesce(h.snapshot->>'assignedUserName', au.display_name) AS assigned_user,
                 h.snapshot->>'closeReason' AS close_reason
            FROM case_history h
            LEFT JOIN users u ON u.id = h.changed_by
            LEFT JOIN users au ON au.id::text = h.snapshot->>'assignedUserId'
           WHERE h.case_id = ${caseId}
           ORDER BY h.version DESC, h.id DESC`,
    );
    scope.touch(['identity'], [caseId]);
    return {
      entries: rows.map((r) => ({
        version: r.version,
        changedAt: asDate(r.changed_at).toISOString(),
        changedBy: r.changed_by,
        kind: r.kind === 'child_welfare' || r.kind === 'probation' ? r.kind : null,
        caseNumber: r.case_number,
        openedOn: r.opened_on,
        closedOn: r.closed_on,
        assignedUser: r.assigned_user,
        closeReason: r.close_reason,
      })),
    };
  });
}
