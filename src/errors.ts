// Errors that carry an HTTP status, a stable code the web translates (src/contract/problems.ts)
// and an English sentence for API clients. src/server/error-handler.ts turns them into RFC 9457
// problem documents; anything else thrown becomes a 500 with a generic message and the request id.
import type { FieldProblem, FieldProblemCode, RuleProblem } from './contract/problems.js';

export class HarborError extends Error {
  constructor(
    readonly statusCode: number,
    /** Stable snake_case code; the web translates it (problems.<code>). */
    readonly code: string,
    message: string,
    /** Structured facts for the code (e.g. the unanswered items), sent as `details`. */
    readonly details?: unknown,
    /** One entry per field to fix, sent as `errors`. */
    readonly errors?: FieldProblem[],
  ) {
    super(message);
  }
}

export const badRequest = (message: string, details?: unknown, code = 'bad_request') =>
  new HarborError(400, code, message, details);
/** A 400 naming one field of the body (or query) to fix, with a stable field code. */
export const invalidField = (
  pointer: string,
  code: FieldProblemCode,
  message: string,
  params?: FieldProblem['params'],
  /** The problem's own code, when the situation has one (instrument_retired); bad_request otherwise. */
  problemCode = 'bad_request',
) => new HarborError(400, problemCode, message, undefined, [fieldError(pointer, code, params)]);
/** One entry of a problem's `errors`: the JSON pointer (`/body/endAt`), the field code and its params. */
export const fieldError = (pointer: string, code: FieldProblemCode, params?: FieldProblem['params']): FieldProblem => ({
  pointer,
  code,
  ...(params ? { params } : {}),
});
/** The pointer of a body field from its dotted path: `notified.0.arrivedAt` → `/body/notified/0/arrivedAt`. */
export const bodyPointer = (field: string) =>
  `/body/${field
    .split('.')
    .map((s) => s.replace(/~/g, '~0').replace(/\//g, '~1'))
    .join('/')}`;
/**
 * A 400 (or `status`) listing rule problems found by a validator: `errors` has one entry per
 * problem for the web, `details.problems` and `message` keep the English sentences.
 */
export const brokenRules = (code: string, message: string, problems: readonly RuleProblem[], status = 400) =>
  new HarborError(
    status,
    code,
    message,
    { problems: problems.map((p) => p.text) },
    problems.map((p) => fieldError(bodyPointer(p.field), p.code, p.params)),
  );
/** The English sentences of rule problems, joined for a `detail`. */
export const ruleTexts = (problems: readonly RuleProblem[]) => problems.map((p) => p.text).join('; ');

interface ZodIssueLike {
  code: string;
  path: readonly PropertyKey[];
  message: string;
  input?: unknown;
  origin?: string;
  minimum?: unknown;
  maximum?: unknown;
  format?: string;
  values?: readonly unknown[];
  keys?: readonly string[];
}

/** Zod issues of a record checked inside a use case, as field problems under `base` (`/body/record`). */
export function zodFieldErrors(issues: readonly ZodIssueLike[], base = '/body'): FieldProblem[] {
  return issues.flatMap((i): FieldProblem[] => {
    const at = [base, ...i.path.map((s) => String(s).replace(/~/g, '~0').replace(/\//g, '~1'))].join('/');
    const num = (v: unknown) => (typeof v === 'number' || typeof v === 'bigint' ? Number(v) : null);
    switch (i.code) {
      case 'invalid_type':
        return [fieldError(at, i.input === undefined ? 'required' : 'invalid_type')];
      case 'too_small':
        return [
          i.origin === 'string' && num(i.minimum) === 1
            ? fieldError(at, 'required')
            : fieldError(at, i.origin === 'string' || i.origin === 'array' ? 'too_short' : 'too_small', {
                min: num(i.minimum),
              }),
        ];
      case 'too_big':
        return [
          fieldError(at, i.origin === 'string' || i.origin === 'array' ? 'too_long' : 'too_big', {
            max: num(i.maximum),
          }),
        ];
      case 'invalid_format':
        return [
          fieldError(
            at,
            i.format === 'datetime'
              ? 'invalid_datetime'
              : i.format === 'date'
                ? 'invalid_date'
                : i.format === 'uuid' || i.format === 'guid'
                  ? 'invalid_uuid'
                  : i.format === 'email'
                    ? 'invalid_email'
                    : 'invalid_format',
          ),
        ];
      case 'invalid_value':
        return [fieldError(at, 'invalid_choice', { options: (i.values ?? []).map(String).join(', ') })];
      case 'unrecognized_keys':
        return (i.keys ?? []).map((k) => fieldError(`${at}/${k}`, 'unknown_field'));
      default:
        return [fieldError(at, 'invalid')];
    }
  });
}
/** A 400 for a record a use case checked with zod (an obligation's meet record), field by field. */
export const invalidRecord = (issues: readonly ZodIssueLike[], base = '/body') =>
  new HarborError(
    400,
    'bad_request',
    `Please fix: ${issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    undefined,
    zodFieldErrors(issues, base),
  );
export const unauthorized = (message = 'Sign in to continue.', code = 'unauthorized') =>
  new HarborError(401, code, message);
export const forbidden = (message: string, code = 'forbidden') => new HarborError(403, code, message);
/** Deliberately the same for "does not exist" and "exists but not yours" (deny without revealing). */
export const notFound = (what = 'record') =>
  new HarborError(404, 'not_found', `No ${what} with that id was found, or you do not have access to it.`);
export const conflict = (message: string, details?: unknown, code = 'conflict') =>
  new HarborError(409, code, message, details);
/** 409: the version sent is not the record's current one (optimistic concurrency). */
export const staleVersion = (what: string, yours: number, current: number) =>
  conflict(
    `This ${what} changed after you opened it (you had version ${yours}, it is now ${current}). Reload and try again.`,
    { yourVersion: yours, currentVersion: current },
    'stale_version',
  );
/** 409: the version matched when read, but another change was saved before this one's UPDATE. */
export const changedMeanwhile = (subject = 'this record', pronoun = 'it') =>
  conflict(
    `Someone saved ${subject} at the same moment as you. Reload ${pronoun}, then make your change again.`,
    undefined,
    'stale_version',
  );
export const unprocessable = (message: string, details?: unknown, code = 'unprocessable') =>
  new HarborError(422, code, message, details);
export const tooManyRequests = (message: string, details?: unknown, code = 'too_many_requests') =>
  new HarborError(429, code, message, details);
