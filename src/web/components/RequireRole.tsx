import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { homePath } from '../lib/roles';
import { useActiveSession } from '../auth/SessionContext';
import type { SessionView } from '../../contract/auth';
import { ForbiddenContent } from './ForbiddenContent';

/** A page only some roles use; others go to their own home page. */
export function RequireRole({ allow, children }: { allow: (s: SessionView) => boolean; children: ReactNode }) {
  const session = useActiveSession();
  const { pathname } = useLocation();
  if (allow(session)) return children;
  const home = homePath(session);
  return home === pathname ? <ForbiddenContent /> : <Navigate to={home} replace />;
}
