import type { Location } from 'react-router';
import { Navigate, useLocation } from 'react-router';
import { Loading } from '../components/Loading';
import { homePath } from '../lib/roles';
import { useSession } from './SessionContext';
import { MfaEnrollStep } from './MfaEnrollStep';
import { MfaVerifyStep } from './MfaVerifyStep';
import { SignInForm } from './SignInForm';

/** Sign-in, then the two-step code (or its first-time setup) when the account needs one. */
export function SignInPage() {
  const { state } = useSession();
  const location = useLocation();
  const from = (location.state as { from?: Location } | null)?.from;

  if (state.status === 'loading') return <Loading />;
  if (state.status === 'active') {
    const { session } = state;
    if (session.complete) {
      const back = from && from.pathname !== '/sign-in' ? `${from.pathname}${from.search}${from.hash}` : null;
      return <Navigate to={back ?? homePath(session)} replace />;
    }
    return session.mfa === 'enrollment_required' ? <MfaEnrollStep /> : <MfaVerifyStep />;
  }
  return <SignInForm notice={state.reason} />;
}
