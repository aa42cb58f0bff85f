import { Navigate } from 'react-router';
import { homePath } from '../lib/roles';
import { useActiveSession } from '../auth/SessionContext';

export function HomeRedirect() {
  return <Navigate to={homePath(useActiveSession())} replace />;
}
