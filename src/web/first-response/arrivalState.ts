// Where an agency's arrival stands against the on-scene target (GET /api/youth/:id/first-response).
import type { ArrivalView } from '../../contract/first-response';

/** Where an agency's arrival stands against the on-scene target. */
export function arrivalState(
  a: ArrivalView,
  hotlineCalledAt: string,
  targetMinutes: number,
  now: number,
): 'onTime' | 'late' | 'awaiting' | 'overdue' {
  if (a.onTime === true) return 'onTime';
  if (a.onTime === false) return 'late';
  return now > new Date(hotlineCalledAt).getTime() + targetMinutes * 60_000 ? 'overdue' : 'awaiting';
}
