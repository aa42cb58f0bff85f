// A small fetch wrapper for Harbor's JSON API: same-origin cookies, the CSRF header on every
// state-changing request, and problem documents (RFC 9457, src/contract/problems.ts) turned into
// ApiError with the server's code, field errors and request id. The web shows translations of
// the codes (problems.* in src/web/i18n), never the server's English `detail`.
import type { FieldProblem } from '../contract/problems';

export class ApiError extends Error {
  constructor(
    /** HTTP status; 0 when the server could not be reached. */
    readonly status: number,
    /** The server's error code, e.g. "not_found", or "network_error". */
    readonly code: string,
    message: string,
    readonly requestId: string | null,
    /** The server's `details` (e.g. the unanswered items of a screening), when it sent any. */
    readonly details: unknown = undefined,
    /** One entry per field to fix (pointer such as `/body/dateOfBirth`, code, params). */
    readonly errors: FieldProblem[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let csrfToken: string | null = null;
let unauthorizedHandler: (() => void) | null = null;
let mutationHandler: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when any request (other than sign-in ones) finds the session gone. */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  unauthorizedHandler = handler;
}

/** Called after every successful write (POST, PUT, PATCH, DELETE): lib/queryClient.ts marks the cache stale. */
export function setMutationHandler(handler: (() => void) | null): void {
  mutationHandler = handler;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  /** A file sent as it is (an upload), with its content type, instead of a JSON body. */
  raw?: { data: Blob; type: string };
  signal?: AbortSignal;
  /** Leave a 401 to the caller instead of ending the session (sign-in, session check). */
  expectUnauthorized?: boolean;
  /**
   * A write that changes nothing another part of the screen shows (a draft's autosave): the
   * cache is left alone. Every other successful write invalidates it (lib/queryClient.ts).
   */
  keepCache?: boolean;
}

interface ErrorBody {
  code?: unknown;
  detail?: unknown;
  requestId?: unknown;
  details?: unknown;
  errors?: unknown;
}

function fieldProblems(value: unknown): FieldProblem[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (e): e is FieldProblem =>
      typeof e === 'object' && e !== null && typeof e.pointer === 'string' && typeof e.code === 'string',
  );
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.raw) headers['content-type'] = options.raw.type;
  else if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: options.raw ? options.raw.data : options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, 'network_error', 'Could not reach Harbor.', null);
  }

  const text = await response.text();
  let json: unknown = null;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
  }

  if (!response.ok) {
    const body = (json ?? {}) as ErrorBody;
    const requestId = typeof body.requestId === 'string' ? body.requestId : response.headers.get('x-request-id');
    const error = new ApiError(
      response.status,
      typeof body.code === 'string' ? body.code : `http_${response.status}`,
      typeof body.detail === 'string' ? body.detail : response.statusText,
      requestId,
      body.details,
      fieldProblems(body.errors),
    );
    if (response.status === 401 && !options.expectUnauthorized) unauthorizedHandler?.();
    throw error;
  }
  if (method !== 'GET' && !options.keepCache) mutationHandler?.();
  return json as T;
}

export function isAbort(err: unknown): boolean {
  return err instanceof DOMException && err.name === 'AbortError';
}
