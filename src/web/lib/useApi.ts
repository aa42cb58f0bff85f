import { useCallback, useEffect, useState } from 'react';
import { api, ApiError, isAbort } from '../api';

export type ApiResult<T> = { status: 'loading' } | { status: 'error'; error: ApiError } | { status: 'ok'; data: T };

export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  return new ApiError(0, 'client_error', err instanceof Error ? err.message : String(err), null);
}

/**
 * GETs a path; a new path (or reload) cancels the request still in flight. `reload` shows the
 * loading state again; `refresh` keeps what is shown until the new answer arrives (after a save).
 */
export function useApi<T>(path: string): { result: ApiResult<T>; reload: () => void; refresh: () => void } {
  const [attempt, setAttempt] = useState(0);
  const [quiet, setQuiet] = useState(0);
  const [state, setState] = useState<{ key: string; result: ApiResult<T> } | null>(null);
  const key = `${attempt}:${path}`;

  useEffect(() => {
    const controller = new AbortController();
    api<T>(path, { signal: controller.signal }).then(
      (data) => setState({ key, result: { status: 'ok', data } }),
      (err: unknown) => {
        if (controller.signal.aborted || isAbort(err)) return;
        setState({ key, result: { status: 'error', error: toApiError(err) } });
      },
    );
    return () => controller.abort();
  }, [path, key, quiet]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const refresh = useCallback(() => setQuiet((n) => n + 1), []);
  return { result: state?.key === key ? state.result : { status: 'loading' }, reload, refresh };
}
