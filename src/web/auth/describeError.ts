import { ApiError } from '../api';

export interface ShownError {
  /** Translation key of the message, so it follows a language switch. */
  messageKey: string;
  /** The server's request id, for "give this number to your administrator". */
  requestId?: string | null;
  /** Changes with every try, so the alert is announced and focused again. */
  attempt: number;
}

/** The message for an error no form-specific rule covers. */
export function describeError(err: unknown, attempt: number): ShownError {
  if (err instanceof ApiError && err.status === 0) return { messageKey: 'errors.network', attempt };
  return { messageKey: 'errors.generic', requestId: err instanceof ApiError ? err.requestId : null, attempt };
}
