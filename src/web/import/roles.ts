// Who sees the admin pages; apart from the pages themselves so the navigation can ask without
// loading them (each page is its own chunk, src/web/App.tsx).
import type { SessionView } from '../../contract/auth';
import { can } from '../lib/roles';

/** Who uploads the extract: the county administrator (import.extract). */
export const canImportExtract = (session: SessionView) => can(session, 'import.extract');
