import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiError, setCsrfToken, setUnauthorizedHandler } from '../api';
import { forgetAll } from '../lib/queryClient';
import { forgetQuery } from '../lib/searchMemory';
import type { SessionView } from '../../contract/auth';
import { SessionContext, type SessionContextValue, type SessionState } from './SessionContext';

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  const setSession = useCallback((session: SessionView) => {
    setCsrfToken(session.csrfToken);
    setState({ status: 'active', session });
  }, []);

  const clear = useCallback((reason: 'expired' | 'signed_out') => {
    setCsrfToken(null);
    forgetQuery();
    forgetAll();
    setState({ status: 'signed_out', reason });
  }, []);

  useEffect(() => {
    setUnauthorizedHandler(() => clear('expired'));
    return () => setUnauthorizedHandler(null);
  }, [clear]);

  useEffect(() => {
    const controller = new AbortController();
    api<SessionView>('/api/auth/session', { signal: controller.signal, expectUnauthorized: true })
      .then(setSession)
      .catch((err: unknown) => {
        if (controller.signal.aborted) return;
        // 401 is the normal "not signed in"; anything else also means we cannot continue signed in.
        if (!(err instanceof ApiError) || err.status !== 401) console.warn('Session check failed', err);
        setState({ status: 'signed_out' });
      });
    return () => controller.abort();
  }, [setSession]);

  const signOut = useCallback(async () => {
    try {
      await api('/api/auth/logout', { method: 'POST', expectUnauthorized: true });
    } catch {
      // Signing out locally is what matters to the user; the server session may already be gone.
    }
    clear('signed_out');
  }, [clear]);

  const value = useMemo<SessionContextValue>(() => ({ state, setSession, signOut }), [state, setSession, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
