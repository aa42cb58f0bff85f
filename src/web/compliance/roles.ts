// Who may read the county compliance report. The server enforces access.
import type { SessionView } from '../../contract/auth';
import { can } from '../lib/roles';

/** The server's compliance policy (reports.compliance). */
export function canSeeCompliance(session: SessionView): boolean {
  return can(session, 'reports.compliance');
}
