import { Navigate, Outlet, useLocation } from 'react-router';
import { useSession } from '../auth/SessionContext';
import { Loading } from './Loading';

/** Pages behind sign-in. Someone not signed in goes to the sign-in page, then comes back here. */
export function RequireSession() {
  const { state } = useSession();
  const location = useLocation();
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'active' && state.session.complete) return <Outlet />;
  // After "Sign out", do not send the next person back to the last page.
  const from = state.status === 'signed_out' && state.reason === 'signed_out' ? undefined : location;
  return <Navigate to="/sign-in" replace state={from ? { from } : undefined} />;
}
