import { createContext, useContext } from 'react';
import type { SessionView } from '../../contract/auth';

export type SessionState =
  | { status: 'loading' }
  /** reason "expired": the server said the session ended while the user was working. */
  | { status: 'signed_out'; reason?: 'expired' | 'signed_out' }
  | { status: 'active'; session: SessionView };

export interface SessionContextValue {
  state: SessionState;
  /** Store a SessionView from sign-in or a two-step step. */
  setSession: (session: SessionView) => void;
  signOut: () => Promise<void>;
}

export const SessionContext = createContext<SessionContextValue | null>(null);

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside <SessionProvider>');
  return value;
}

/** The signed-in, fully verified session; only for pages behind <RequireSession>. */
export function useActiveSession(): SessionView {
  const { state } = useSession();
  if (state.status !== 'active') throw new Error('useActiveSession needs a signed-in user');
  return state.session;
}
