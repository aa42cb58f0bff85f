// Errors that carry an HTTP status and a message a person can act on. Anything else thrown
// becomes a 500 with a generic message and the request id (see src/server/error-handler.ts).

export class HarborError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const badRequest = (message: string, details?: unknown) => new HarborError(400, 'bad_request', message, details);
export const unauthorized = (message = 'Sign in to continue.') => new HarborError(401, 'unauthorized', message);
export const forbidden = (message: string) => new HarborError(403, 'forbidden', message);
/** Deliberately the same for "does not exist" and "exists but not yours" (deny without revealing). */
export const notFound = (what = 'record') =>
  new HarborError(404, 'not_found', `No ${what} with that id was found, or you do not have access to it.`);
export const conflict = (message: string, details?: unknown) => new HarborError(409, 'conflict', message, details);
export const tooManyRequests = (message: string) => new HarborError(429, 'too_many_requests', message);
