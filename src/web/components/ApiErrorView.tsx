import type { ApiError } from '../api';
import { ErrorContent } from './ErrorContent';
import { ForbiddenContent } from './ForbiddenContent';
import { Loading } from './Loading';
import { NotFoundContent } from './NotFoundContent';

/** The page to show when loading a page's data failed. */
export function ApiErrorView({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  // 401: the session ended; the app is already on its way to the sign-in page.
  if (error.status === 401) return <Loading />;
  if (error.status === 404) return <NotFoundContent />;
  if (error.status === 403) return <ForbiddenContent />;
  return <ErrorContent requestId={error.requestId} network={error.status === 0} onRetry={onRetry} />;
}
