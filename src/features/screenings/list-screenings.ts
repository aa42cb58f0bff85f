import type { ScopedRepo } from '../../access/checkpoint.js';
import { countyToday } from '../../domain/screening-schedule.js';
import { detail, loadScreening, loadScreenings, requireScreeningAccess, summary } from './load.js';
import type { ScreeningDetailT, ScreeningSummaryT } from './schemas.js';

export interface ScreeningList {
  screenings: ScreeningSummaryT[];
  /** From the newest final screening that has not been amended. */
  nextDue: { on: string; overdue: boolean } | null;
}

export function listScreenings(repo: ScopedRepo, youthId: string): Promise<ScreeningList> {
  return repo.forYouth(youthId, 'screening.list', async (scope) => {
    requireScreeningAccess(scope, 'read');
    const rows = await loadScreenings(scope.tx, youthId);
    scope.touch(
      ['exploitation'],
      rows.map((r) => r.id),
    );
    const latest = rows.find((r) => r.status === 'final' && !r.superseded_by_id && r.next_due_on);
    return {
      screenings: rows.map(summary),
      nextDue: latest?.next_due_on ? { on: latest.next_due_on, overdue: latest.next_due_on < countyToday() } : null,
    };
  });
}

export function getScreening(repo: ScopedRepo, youthId: string, screeningId: string): Promise<ScreeningDetailT> {
  return repo.forYouth(youthId, 'screening.read', async (scope) => {
    requireScreeningAccess(scope, 'read');
    const row = await loadScreening(scope.tx, youthId, screeningId);
    scope.touch(['exploitation'], [row.id]);
    return detail(row);
  });
}
