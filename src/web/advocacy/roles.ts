// Who uses which advocacy screen. The server enforces access; these only shape the UI.
import type { SessionView } from '../../contract/auth';
import { can } from '../lib/roles';

/** Staff of an advocacy organization: its inbox, advocates and obligations. */
export function canUseCboView(session: SessionView): boolean {
  return can(session, 'advocacy.respond');
}

/** The county's view across advocacy organizations. */
export function canUseCountyAdvocacy(session: SessionView): boolean {
  return can(session, 'advocacy.county_view');
}

/** Who may refer a youth to an advocacy organization (the API's roles). */
export function canReferToAdvocacy(session: SessionView): boolean {
  return can(session, 'advocacy.refer');
}
