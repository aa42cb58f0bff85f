// Structured logs with ids only. Names, addresses, narratives and tokens never reach the log:
// - request URLs are logged without their query string (a search query is often a name), and a
//   path segment that is not an id or a word of the route is left out (`/api/youth/:id`);
// - request and response bodies are never logged;
// - an error is logged as its class, its SQLSTATE or error code and its stack frames, never its
//   message, `detail`, `where`, query or parameters: database errors (and Drizzle's "Failed query:
//   … params: …") quote the values they failed on. That holds whatever a log call passes: the
//   `err` serializer, and a hook that rewrites any other Error in a log call and a message that
//   repeats the error's;
// - anything shaped like a secret or a youth field is redacted if it ever slips into a log call.
import type { FastifyServerOptions } from 'fastify';

export const REDACT_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.token',
  '*.csrfToken',
  '*.secret',
  '*.mfaSecret',
  '*.mfa_secret',
  '*.email',
  '*.legalFirstName',
  '*.legalLastName',
  '*.preferredName',
  '*.aliases',
  '*.dateOfBirth',
  '*.address',
  '*.phone',
  '*.narrative',
  '*.notes',
  '*.q',
  '*.body',
  '*.query',
  '*.params',
  '*.detail',
  '*.where',
];

/** What is logged of an error (the `err` serializer and safeErrorFields). */
export interface SafeError {
  /** The error's class (`DrizzleQueryError`, `DatabaseError`, `TypeError`). */
  errType: string;
  /** SQLSTATE (`22P05`) or a library's error code (`FST_ERR_…`, `ECONNREFUSED`), from the error or its causes. */
  code?: string;
  /** The class of the error it wraps, if any (Drizzle wraps the driver's error). */
  causeType?: string;
  /** The stack frames (`at fn (file:line:col)`), without the message lines. */
  frames: string[];
}

const CODE = /^[A-Za-z0-9_]{1,40}$/;

const GENERIC = new Set(['Object', 'Error', 'error']);

function className(e: unknown): string {
  if (e === null || e === undefined) return String(e);
  if (typeof e !== 'object') return typeof e;
  const ctor = (e as { constructor?: { name?: unknown } }).constructor?.name;
  const name = (e as { name?: unknown }).name;
  // Drizzle's DrizzleQueryError keeps the name "Error": its constructor says what it is. pg and
  // PGlite name theirs "error" (PGlite's constructor name is minified): say DatabaseError.
  for (const c of [ctor, name]) if (typeof c === 'string' && c.length > 2 && CODE.test(c) && !GENERIC.has(c)) return c;
  const { severity, code } = e as { severity?: unknown; code?: unknown };
  if (typeof severity === 'string' && typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return 'DatabaseError';
  return 'Error';
}

/**
 * The frames of an error's stack. V8 writes `${name}: ${message}` and then the frames; a message
 * may span lines (Drizzle's has the query and the params), and a line of it could itself start
 * with "at " (SQL's `AT TIME ZONE`, or a value), so the message is cut off by its text before the
 * frames are picked.
 */
function framesOf(e: { stack?: unknown; message?: unknown }): string[] {
  if (typeof e.stack !== 'string') return [];
  let stack = e.stack;
  const message = typeof e.message === 'string' ? e.message : '';
  if (message) {
    const at = stack.indexOf(message);
    if (at !== -1) stack = stack.slice(at + message.length);
  }
  return stack
    .split('\n')
    .filter((l) => /^ {4}at \S/.test(l))
    .slice(0, 15)
    .map((l) => l.trim());
}

/**
 * What may be logged of an unexpected error: its class, its SQLSTATE or error code, and the
 * frames of its stack. Never the message, `detail`, `where`, query or parameters: database
 * errors (and Drizzle's "Failed query: … params: …") quote the values they failed on.
 */
export function safeErrorFields(err: unknown): SafeError {
  const e = (err && typeof err === 'object' ? err : {}) as { code?: unknown; stack?: unknown; cause?: unknown };
  let code: string | undefined;
  for (let c: unknown = err, depth = 0; c && typeof c === 'object' && depth < 4; depth++) {
    const v = (c as { code?: unknown }).code;
    if (typeof v === 'string' && CODE.test(v)) {
      code = v;
      break;
    }
    c = (c as { cause?: unknown }).cause;
  }
  const cause = e.cause && typeof e.cause === 'object' ? className(e.cause) : undefined;
  return {
    errType: className(err),
    ...(code ? { code } : {}),
    ...(cause ? { causeType: cause } : {}),
    frames: framesOf(e as { stack?: unknown; message?: unknown }),
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ID = (s: string) => UUID.test(s) || /^\d{1,19}$/.test(s);
/** A file the web app serves (`assets/index-3f9a.js`). */
const ASSET = /^[\w-]+(\/[\w.-]+)*\.(js|css|map|svg|png|ico|woff2?|json|txt|webmanifest|html)$/;

interface LoggedRequest {
  method: string;
  url: string;
  id: string;
  routeOptions?: { url?: string };
  params?: unknown;
}

/**
 * The request's path as logged: the route's pattern with each parameter filled in only when it is
 * an id (a UUID or a number), so `/api/youth/<uuid>/safety-plans` keeps its id and a name typed
 * into a path never reaches the log. Without a matching route (404), only segments that are ids
 * or the route-like words before them are kept. Never the query string.
 */
export function loggablePath(req: LoggedRequest): string {
  const path = req.url.split('?')[0] ?? '';
  const pattern = req.routeOptions?.url;
  const params = (req.params && typeof req.params === 'object' ? req.params : {}) as Record<string, unknown>;
  if (pattern && pattern !== '*' && pattern !== '/*') {
    return pattern
      .split('/')
      .map((seg) => {
        if (seg === '*') {
          const v = params['*'];
          return typeof v === 'string' &&
            (ASSET.test(v) || v.split('/').every((s) => ID(s) || /^[a-z-]{1,30}$/.test(s)))
            ? v
            : '*';
        }
        if (!seg.startsWith(':')) return seg;
        const v = params[seg.slice(1)];
        return typeof v === 'string' && ID(v) ? v : seg;
      })
      .join('/');
  }
  // No route (or the catch-all): API words are lower-case ASCII with dashes; anything else goes.
  return path
    .split('/')
    .map((seg) => (seg === '' || ID(seg) || /^[a-z][a-z-]{0,39}$/.test(seg) || ASSET.test(seg) ? seg : ':redacted'))
    .join('/');
}

const isErrorLike = (v: unknown): v is Error =>
  v instanceof Error ||
  (!!v && typeof v === 'object' && typeof (v as { stack?: unknown }).stack === 'string' && 'message' in v);

/** Any text of a log call that repeats an error's message loses it. */
function withoutMessage(text: string, messages: string[]): string {
  let out = text;
  for (const m of messages) if (m && out.includes(m)) out = out.split(m).join('[error message not logged]');
  return out;
}

/**
 * pino's logMethod hook: whatever a log call passes, an Error anywhere at the top level of the
 * merging object (or as the first argument) is logged through safeErrorFields, and the message
 * never repeats the error's message (pino would otherwise use it as `msg`).
 */
export function scrubLogArguments(args: unknown[]): unknown[] {
  if (args.length === 0) return args;
  const [first, ...rest] = args;
  const messages: string[] = [];
  let obj: unknown = first;
  if (isErrorLike(first)) {
    messages.push(String(first.message ?? ''));
    obj = { err: first };
  } else if (first && typeof first === 'object' && !Array.isArray(first)) {
    const copy: Record<string, unknown> = { ...(first as Record<string, unknown>) };
    for (const [k, v] of Object.entries(copy)) {
      if (isErrorLike(v)) {
        messages.push(String(v.message ?? ''));
        // `err` keeps its Error for the serializer; any other key gets the safe fields now.
        if (k !== 'err') copy[k] = safeErrorFields(v);
      }
    }
    obj = copy;
  } else if (typeof first === 'string') {
    // log.error('failed: %s', err) would print the error as text: give its class instead.
    const errors = rest.filter(isErrorLike);
    if (errors.length === 0) return args;
    const texts = errors.map((e) => String(e.message ?? ''));
    return [
      withoutMessage(first, texts),
      ...rest.map((a) =>
        isErrorLike(a) ? `error (${className(a)})` : typeof a === 'string' ? withoutMessage(a, texts) : a,
      ),
    ];
  }
  if (messages.length === 0) return args;
  const err = (obj as { err?: unknown }).err;
  const fallback = `error (${className(err ?? first)})`;
  const texts = rest.map((a) => (typeof a === 'string' ? withoutMessage(a, messages) : a));
  if (texts.length === 0 || typeof texts[0] !== 'string' || texts[0] === '') texts[0] = fallback;
  return [obj, ...texts];
}

export function loggerOptions(level: string, stream?: NodeJS.WritableStream): FastifyServerOptions['logger'] {
  return {
    level,
    ...(stream ? { stream } : {}),
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    hooks: {
      logMethod(this: unknown, args: unknown[], method: (...a: unknown[]) => void) {
        method.apply(this, scrubLogArguments(args));
      },
    },
    serializers: {
      req(req: LoggedRequest) {
        return { method: req.method, path: loggablePath(req), id: req.id };
      },
      // Fastify's type wants pino's { type, message, stack }; the message is exactly what must not go.
      err: safeErrorFields as unknown as (err: Error) => { type: string; message: string; stack: string },
      // The response: its status only (Fastify's default), never headers or a body.
      res(reply: { statusCode?: number }) {
        return { statusCode: reply.statusCode };
      },
    },
  };
}
