// Every error leaves as an RFC 9457 problem document (src/contract/problems.ts): a stable code
// the web translates, one entry per field to fix, the request id; never a stack, never a value
// the person sent (it may be a name).
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import {
  FIELD_PROBLEM_CODES,
  PROBLEM_CONTENT_TYPE,
  problemTitle,
  problemType,
  type FieldProblem,
  type FieldProblemCode,
  type ProblemDocument,
} from '../contract/problems.js';
import { HarborError } from '../errors.js';
import { safeErrorFields } from './logger.js';

interface ValidationItem {
  keyword?: string;
  instancePath?: string;
  message?: string;
  params?: Record<string, unknown>;
}

const LOCATIONS: Record<string, string> = { body: 'body', querystring: 'query', params: 'params', headers: 'headers' };

const escapePointer = (segment: string) => segment.replace(/~/g, '~0').replace(/\//g, '~1');

function scalar(value: unknown): string | number | boolean | null {
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
}

/** A zod issue (as fastify-type-provider-zod passes it) as a field problem. Never copies the input. */
export function fieldProblemOf(item: ValidationItem, location: string): FieldProblem[] {
  const base = `/${location}${item.instancePath && item.instancePath !== '/' ? item.instancePath : ''}`;
  const p = item.params ?? {};
  const origin = p.origin as string | undefined;
  const one = (code: FieldProblemCode, params?: FieldProblem['params']): FieldProblem[] => [
    { pointer: base, code, ...(params ? { params } : {}) },
  ];
  switch (item.keyword ?? '') {
    case 'invalid_type':
      return one(/received undefined/.test(item.message ?? '') ? 'required' : 'invalid_type', {
        expected: scalar(p.expected),
      });
    case 'too_big':
      if (origin === 'string' || origin === 'array' || origin === 'set')
        return one('too_long', { max: scalar(p.maximum) });
      if (origin === 'date') return one('date_too_late', { max: scalar(p.maximum) });
      return one('too_big', { max: scalar(p.maximum) });
    case 'too_small':
      if (origin === 'string' || origin === 'array' || origin === 'set')
        return Number(p.minimum) === 1 && origin === 'string'
          ? one('required')
          : one('too_short', { min: scalar(p.minimum) });
      if (origin === 'date') return one('date_too_early', { min: scalar(p.minimum) });
      return one('too_small', { min: scalar(p.minimum) });
    case 'invalid_format': {
      const format = String(p.format ?? '');
      if (format === 'email') return one('invalid_email');
      if (format === 'uuid' || format === 'guid') return one('invalid_uuid');
      if (format === 'date') return one('invalid_date');
      if (format === 'datetime') return one('invalid_datetime');
      return one('invalid_format');
    }
    case 'invalid_value':
    case 'invalid_enum_value':
      return one('invalid_choice', {
        options: Array.isArray(p.values) ? (p.values as unknown[]).map(String).join(', ') : null,
      });
    case 'not_multiple_of':
      return one('not_integer');
    case 'unrecognized_keys':
      return Array.isArray(p.keys)
        ? (p.keys as unknown[]).map((k) => ({ pointer: `${base}/${escapePointer(String(k))}`, code: 'unknown_field' }))
        : one('unknown_field');
    case 'custom': {
      const custom = (p.params ?? {}) as Record<string, unknown>;
      const code = FIELD_PROBLEM_CODES.includes(custom.code as FieldProblemCode)
        ? (custom.code as FieldProblemCode)
        : 'invalid';
      const params: FieldProblem['params'] = {};
      for (const [k, v] of Object.entries(custom)) if (k !== 'code') params[k] = scalar(v);
      return one(code, Object.keys(params).length ? params : undefined);
    }
    default:
      return one('invalid');
  }
}

/** English sentence for a field problem, for `detail` (API clients read it; the web translates). */
function describeField(f: FieldProblem): string {
  const where = f.pointer.replace(/^\/(body|query|params|headers)\/?/, '').replace(/\//g, '.') || 'request';
  const params = f.params && Object.keys(f.params).length ? ` (${JSON.stringify(f.params)})` : '';
  return `${where}: ${f.code.replace(/_/g, ' ')}${params}`;
}

/** The SQLSTATE of a database error, whether thrown by pg, PGlite or wrapped by Drizzle. */
function sqlState(err: unknown): string | null {
  for (let e: unknown = err, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return null;
}

/**
 * A backstop behind the schemas: database errors caused by the input become 4xx answers, never
 * 500s. Each one is logged (by SQLSTATE and route, no values) so the schema can be tightened.
 */
function databaseProblem(state: string): { status: number; code: string; detail: string } | null {
  if (state.startsWith('22'))
    return {
      status: 400,
      code: 'invalid_input',
      detail: 'A value in the request is not valid; check dates, numbers and text.',
    };
  switch (state) {
    case '23505':
      return { status: 409, code: 'duplicate', detail: 'That record already exists.' };
    case '23503':
      return { status: 400, code: 'invalid_input', detail: 'The request refers to a record that does not exist.' };
    case '23502':
    case '23514':
      return { status: 400, code: 'invalid_input', detail: 'A value in the request breaks a rule of the record.' };
    case '23P01':
      return { status: 409, code: 'conflict', detail: 'This overlaps a record that already exists.' };
    case '40001':
    case '40P01':
    case '55P03':
      return { status: 409, code: 'conflict', detail: 'Someone else changed this at the same moment. Try again.' };
    case '54000':
      return { status: 400, code: 'invalid_input', detail: 'A value in the request is too large.' };
    case '42501':
      return { status: 403, code: 'forbidden', detail: 'The database refused this access.' };
    default:
      return null;
  }
}

export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  code: string,
  detail: string,
  extra: { errors?: FieldProblem[]; details?: unknown } = {},
) {
  const body: ProblemDocument = {
    type: problemType(code),
    title: problemTitle(status),
    status,
    detail,
    instance: request.url.split('?')[0],
    code,
    ...(extra.errors?.length ? { errors: extra.errors } : {}),
    ...(extra.details === undefined ? {} : { details: extra.details }),
    requestId: request.id,
  };
  return reply.code(status).type(PROBLEM_CONTENT_TYPE).send(body);
}

const CLIENT_ERRORS: Record<string, { status: number; code: string; detail: string; pointer?: string }> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: 'unsupported_media_type',
    detail: 'Send the request body as JSON (Content-Type: application/json).',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    status: 400,
    code: 'bad_request',
    detail: 'The request body is empty; send a JSON object.',
    pointer: '/body',
  },
  FST_ERR_CTP_INVALID_JSON_BODY: {
    status: 400,
    code: 'bad_request',
    detail: 'The request body is not valid JSON.',
    pointer: '/body',
  },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'payload_too_large', detail: 'The request body is too large.' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    code: 'bad_request',
    detail: 'The Content-Length header is wrong.',
  },
};

/** Errors Fastify raises before routing (a malformed URL, a path parameter too long). */
export function frameworkProblem(err: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (err.code === 'FST_ERR_MAX_PARAM_LENGTH')
    return sendProblem(request, reply, 414, 'uri_too_long', 'A part of the address is too long.');
  return sendProblem(request, reply, 400, 'bad_request', 'The address is not valid.');
}

export function registerErrorHandler(app: FastifyInstance, opts: { indexHtml: string | null }) {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(err)) {
      const location = LOCATIONS[err.validationContext ?? 'body'] ?? 'body';
      const errors = (err.validation as ValidationItem[]).flatMap((i) => fieldProblemOf(i, location));
      return sendProblem(request, reply, 400, 'bad_request', `Please fix: ${errors.map(describeField).join('; ')}`, {
        errors,
      });
    }
    if (err instanceof HarborError) {
      if (err.statusCode >= 500) request.log.error({ code: err.code }, 'request failed');
      return sendProblem(request, reply, err.statusCode, err.code, err.message, {
        ...(err.errors ? { errors: err.errors } : {}),
        ...(err.details === undefined ? {} : { details: err.details }),
      });
    }
    const known = err.code ? CLIENT_ERRORS[err.code] : undefined;
    if (known) {
      return sendProblem(request, reply, known.status, known.code, known.detail, {
        ...(known.pointer ? { errors: [{ pointer: known.pointer, code: 'invalid_format' }] } : {}),
      });
    }
    if (err instanceof SyntaxError && err.statusCode === 400) {
      return sendProblem(request, reply, 400, 'bad_request', 'The request body is not valid JSON.', {
        errors: [{ pointer: '/body', code: 'invalid_format' }],
      });
    }
    if (err.statusCode === 429)
      return sendProblem(request, reply, 429, 'too_many_requests', 'Too many requests. Wait a minute and try again.');
    if (err.statusCode && err.statusCode < 500) {
      // Fastify's other client errors: their messages describe the request, not its values.
      return sendProblem(request, reply, err.statusCode, 'bad_request', 'The request is not valid.');
    }
    const state = sqlState(err);
    const db = state ? databaseProblem(state) : null;
    if (db) {
      request.log.warn({ sqlState: state, route: request.routeOptions.url }, 'database refused the input');
      return sendProblem(request, reply, db.status, db.code, db.detail);
    }
    // Operators get the error's type, SQLSTATE and call stack; never its message, which for a
    // database error quotes the values it choked on (names, dates of birth).
    request.log.error({ ...safeErrorFields(err), route: request.routeOptions.url }, 'unexpected error');
    return sendProblem(
      request,
      reply,
      500,
      'internal_error',
      `Something went wrong on our side. Try again; if it keeps happening, give this id to your administrator: ${request.id}`,
    );
  });

  app.setNotFoundHandler((request, reply) => {
    // Client-side routes (/youth/123) load the web app; unknown API paths stay problem documents.
    if (opts.indexHtml && request.method === 'GET' && !request.url.startsWith('/api/')) {
      return reply.type('text/html; charset=utf-8').send(opts.indexHtml);
    }
    return sendProblem(
      request,
      reply,
      404,
      'route_not_found',
      `There is no ${request.method} ${request.url.split('?')[0]} in Harbor's API.`,
    );
  });
}
