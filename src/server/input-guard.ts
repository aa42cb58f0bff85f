// A wall behind the schemas: no request reaches a handler with a control character (NUL above
// all) in any string of its body, query or path, or in any key. PostgreSQL refuses NUL in text,
// and a character nobody can see has no business in a youth's record. Line breaks and tabs pass
// here; fields that must be one line refuse them in their schema (src/contract/primitives.ts).
import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { FieldProblem } from '../contract/problems.js';
import { hasControlCharacters } from '../contract/primitives.js';
import { HarborError } from '../errors.js';

const MAX_DEPTH = 32;
const escape = (segment: string) => segment.replace(/~/g, '~0').replace(/\//g, '~1');

/** Pointers to every string (or key) under `value` that holds a control character. */
export function controlCharacterPointers(value: unknown, pointer: string, out: string[] = [], depth = 0): string[] {
  if (out.length >= 20) return out;
  if (typeof value === 'string') {
    if (hasControlCharacters(value)) out.push(pointer);
  } else if (Array.isArray(value)) {
    if (depth > MAX_DEPTH) out.push(pointer);
    else value.forEach((v, i) => controlCharacterPointers(v, `${pointer}/${i}`, out, depth + 1));
  } else if (value && typeof value === 'object') {
    if (depth > MAX_DEPTH) out.push(pointer);
    else
      for (const [k, v] of Object.entries(value)) {
        const p = `${pointer}/${escape(k)}`;
        if (hasControlCharacters(k)) out.push(p);
        else controlCharacterPointers(v, p, out, depth + 1);
      }
  }
  return out;
}

export function registerInputGuard(app: FastifyInstance) {
  app.addHook('preValidation', async (request) => {
    const pointers = [
      ...controlCharacterPointers(request.params, '/params'),
      ...controlCharacterPointers(request.query, '/query'),
      // Raw bodies (a buffer, or the stream of an uploaded file) are not walked.
      ...(Buffer.isBuffer(request.body) || request.body instanceof Readable
        ? []
        : controlCharacterPointers(request.body, '/body')),
    ];
    if (pointers.length === 0) return;
    const errors: FieldProblem[] = pointers.map((pointer) =>
      pointer.endsWith('/') || pointer.split('/').length > MAX_DEPTH
        ? { pointer, code: 'invalid' }
        : { pointer, code: 'control_characters' },
    );
    throw new HarborError(
      400,
      'bad_request',
      `Please fix: ${pointers.map((p) => p.replace(/^\/(body|query|params)\/?/, '') || p).join(', ')} must not contain control characters.`,
      undefined,
      errors,
    );
  });
}
