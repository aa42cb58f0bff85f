// Who works the county's data-quality queue. The server enforces access (data_quality.work).
import type { SessionView } from '../../contract/auth';
import { can } from '../lib/roles';

/** Supervisors: the queue of imported history's gaps, county-wide. */
export function canWorkDataQuality(session: SessionView): boolean {
  return can(session, 'data_quality.work');
}
