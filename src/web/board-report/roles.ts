// Who reads the Board's advocacy report, and which version. The server enforces access.
import type { SessionView } from '../../contract/auth';
import { can } from '../lib/roles';

/** The report's policy (reports.board). */
export function canSeeBoardReport(session: SessionView): boolean {
  return can(session, 'reports.board');
}

/** County admins and analysts may read the internal version; state analysts only the public one. */
export function canSeeInternalBoardReport(session: SessionView): boolean {
  return can(session, 'reports.board_internal');
}
