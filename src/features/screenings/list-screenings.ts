import type { YouthContext } from '../../access/contexts.js';
import { countyToday } from '../../domain/screening-schedule.js';
import { detail, loadScreening, loadScreenings, summary } from './load.js';
import type { ScreeningDetailT, ScreeningSummaryT } from '../../contract/screenings.js';

export interface ScreeningList {
  screenings: ScreeningSummaryT[];
  /** From the newest final screening that has not been amended. */
  nextDue: { on: string; overdue: boolean } | null;
}

export function listScreenings(repo: YouthContext, youthId: string): Promise<ScreeningList> {
  return repo.forYouth(youthId, 'screening.list', { read: ['exploitation'] }, async (scope) => {
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

export function getScreening(repo: YouthContext, youthId: string, screeningId: string): Promise<ScreeningDetailT> {
  return repo.forYouth(youthId, 'screening.read', { read: ['exploitation'] }, async (scope) => {
    const row = await loadScreening(scope.tx, youthId, screeningId);
    scope.touch(['exploitation'], [row.id]);
    return detail(row);
  });
}
