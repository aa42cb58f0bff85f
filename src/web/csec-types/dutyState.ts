import type { ObligationView } from '../../contract/obligations';

export type DutyState = 'overdue' | 'due' | 'met' | 'waived';

/** Where a duty stands now. "missed" from the server and an open duty past its time are both overdue. */
export function dutyState(o: ObligationView, now: number): DutyState {
  if (o.status === 'met') return 'met';
  if (o.status === 'waived') return 'waived';
  return o.status === 'missed' || new Date(o.dueAt).getTime() <= now ? 'overdue' : 'due';
}

/** Minutes until the due time (negative when overdue), from the clock on this page. */
export function minutesLeft(o: ObligationView, now: number): number {
  return Math.round((new Date(o.dueAt).getTime() - now) / 60_000);
}

/** Overdue first (longest overdue first), then due (soonest first), then done (latest first). */
export function sortDuties(list: ObligationView[], now: number): ObligationView[] {
  const order: Record<DutyState, number> = { overdue: 0, due: 1, met: 2, waived: 2 };
  return [...list].sort((a, b) => {
    const sa = dutyState(a, now);
    const sb = dutyState(b, now);
    if (order[sa] !== order[sb]) return order[sa] - order[sb];
    if (order[sa] < 2) return a.dueAt.localeCompare(b.dueAt);
    return (b.metAt ?? b.createdAt).localeCompare(a.metAt ?? a.createdAt);
  });
}
