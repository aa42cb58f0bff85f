// Structured logs with ids only. Names, addresses, narratives and tokens never reach the log:
// request URLs are logged without their query string (a search query is often a name), and
// anything shaped like a secret or a youth field is redacted if it ever slips into a log call.
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
];

export function loggerOptions(level: string, stream?: NodeJS.WritableStream): FastifyServerOptions['logger'] {
  return {
    level,
    ...(stream ? { stream } : {}),
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    serializers: {
      req(req: { method: string; url: string; id: string }) {
        return { method: req.method, path: req.url.split('?')[0], id: req.id };
      },
    },
  };
}
