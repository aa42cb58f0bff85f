import type { ApiError } from '../api';
import { specificProblemMessage } from '../lib/problems';
import { ErrorContent } from './ErrorContent';
import { ForbiddenContent } from './ForbiddenContent';
import { Loading } from './Loading';
import { NotFoundContent } from './NotFoundContent';

/**
 * The page to show when loading a page's data failed. A specific problem code (aggregate_only,
 * report_range_too_long ...) is shown translated; the server's English never is.
 */
export function ApiErrorView({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  // 401: the session ended; the app is already on its way to the sign-in page.
  if (error.status === 401) return <Loading />;
  if (error.status === 404) return <NotFoundContent />;
  const specific = specificProblemMessage(error);
  if (error.status === 403) return <ForbiddenContent detail={specific} />;
  return <ErrorContent requestId={error.requestId} network={error.status === 0} message={specific} onRetry={onRetry} />;
}
