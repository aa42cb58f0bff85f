// The web's one data cache (TanStack Query). Every GET goes through it (useApi), keyed by its
// path, so a page seen a moment ago shows at once and then refreshes. Every successful write
// invalidates the whole cache (api.ts calls the mutation handler): what is on screen is fetched
// again at once, so a summary, the deadlines and My work follow the action just taken, and any
// page mounted later waits for a fresh answer instead of showing one a save has changed
// (useApi), so a form is never filled from a stale copy. A draft's autosave keeps the cache
// (`keepCache`). Signing out, or a session that ends, empties it: a youth's record must not stay
// in memory for the next person at the same browser.
import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '../api';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // An answer is shown from the cache while it is refetched; pages that poll set their own.
      staleTime: 0,
      gcTime: 5 * 60_000,
      // A 4xx answer is the answer (not found, forbidden, a bad filter): asking again changes nothing.
      retry: (failures, error) =>
        failures < 2 && (!(error instanceof ApiError) || error.status === 0 || error.status >= 500),
      refetchOnWindowFocus: false,
    },
  },
});

/** After a write: every answer is invalidated; those on screen are fetched again now. */
export function invalidateAll(): void {
  void queryClient.invalidateQueries();
}

/** On sign-out or an ended session: nothing cached survives. */
export function forgetAll(): void {
  void queryClient.cancelQueries();
  queryClient.clear();
}
