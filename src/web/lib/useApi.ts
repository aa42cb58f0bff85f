import { useCallback } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../api';

export type ApiResult<T> = { status: 'loading' } | { status: 'error'; error: ApiError } | { status: 'ok'; data: T };

export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  return new ApiError(0, 'client_error', err instanceof Error ? err.message : String(err), null);
}

/** The cache key of a GET: its path, query string included (see lib/queryClient.ts). */
export const apiKey = (path: string) => ['api', path] as const;

/**
 * GETs a path through the shared cache (TanStack Query): a new path cancels the request still in
 * flight, a cached answer shows at once while it is refreshed unless a write has invalidated it. `reload` shows the loading state
 * again (after an error); `refresh` keeps what is shown until the new answer arrives.
 */
export function useApi<T>(path: string): { result: ApiResult<T>; reload: () => void; refresh: () => void } {
  const client = useQueryClient();
  const query = useQuery<T, ApiError>({
    queryKey: apiKey(path),
    queryFn: async ({ signal }) => {
      try {
        return await api<T>(path, { signal });
      } catch (err) {
        throw toApiError(err);
      }
    },
  });
  const reload = useCallback(() => void client.resetQueries({ queryKey: apiKey(path), exact: true }), [client, path]);
  const refresh = useCallback(
    () => void client.invalidateQueries({ queryKey: apiKey(path), exact: true }),
    [client, path],
  );
  // A copy a write has since invalidated is not shown: the page waits for the fresh one.
  const invalidated = !query.isFetchedAfterMount && (client.getQueryState(apiKey(path))?.isInvalidated ?? false);
  const result: ApiResult<T> =
    query.status === 'success' && !invalidated
      ? { status: 'ok', data: query.data }
      : query.status === 'error'
        ? { status: 'error', error: query.error }
        : { status: 'loading' };
  return { result, reload, refresh };
}
