// Errors leave as JSON with a message a person can act on and the request id; never a stack.
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { HarborError } from '../errors.js';

interface ValidationIssue {
  instancePath?: string;
  message?: string;
  params?: { issue?: { path?: (string | number)[]; message?: string } };
}

function describe(issues: ValidationIssue[], where: string): string[] {
  return issues.map((i) => {
    const path = i.params?.issue?.path?.join('.') || i.instancePath?.replace(/^\//, '').replace(/\//g, '.') || where;
    return `${path}: ${i.params?.issue?.message ?? i.message ?? 'is not valid'}`;
  });
}

export function registerErrorHandler(app: FastifyInstance, opts: { indexHtml: string | null }) {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    const requestId = request.id;
    if (hasZodFastifySchemaValidationErrors(err)) {
      const problems = describe(err.validation as ValidationIssue[], err.validationContext ?? 'request');
      return reply.code(400).send({
        error: 'bad_request',
        message: `Please fix: ${problems.join('; ')}`,
        problems,
        requestId,
      });
    }
    if (err instanceof HarborError) {
      if (err.statusCode >= 500) request.log.error({ err: { code: err.code } }, 'request failed');
      return reply.code(err.statusCode).send({
        error: err.code,
        message: err.message,
        ...(err.details === undefined ? {} : { details: err.details }),
        requestId,
      });
    }
    if (err.statusCode && err.statusCode < 500) {
      // Fastify's own client errors (bad JSON, body too large, rate limit).
      const message =
        err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE'
          ? 'Send the request body as JSON (Content-Type: application/json).'
          : err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY'
            ? 'The request body is empty; send a JSON object.'
            : err.statusCode === 429
              ? 'Too many requests. Wait a minute and try again.'
              : err.message;
      return reply.code(err.statusCode).send({
        error: err.statusCode === 429 ? 'too_many_requests' : (err.code ?? 'bad_request'),
        message,
        requestId,
      });
    }
    // Log the error's type and call stack for operators, never its message: database errors
    // quote the values they choked on, and those can be names or identifiers.
    request.log.error(
      { errType: err.name, code: err.code, stack: err.stack?.split('\n').slice(1).join('\n') },
      'unexpected error',
    );
    return reply.code(500).send({
      error: 'internal_error',
      message: `Something went wrong on our side. Try again; if it keeps happening, give this id to your administrator: ${requestId}`,
      requestId,
    });
  });

  app.setNotFoundHandler((request, reply) => {
    // Client-side routes (/youth/123) load the web app; unknown API paths stay JSON 404s.
    if (opts.indexHtml && request.method === 'GET' && !request.url.startsWith('/api/')) {
      return reply.type('text/html; charset=utf-8').send(opts.indexHtml);
    }
    return reply.code(404).send({
      error: 'not_found',
      message: `There is no ${request.method} ${request.url.split('?')[0]} in Harbor's API.`,
      requestId: request.id,
    });
  });
}
