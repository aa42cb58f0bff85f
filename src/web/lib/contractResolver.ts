// react-hook-form's zod resolver with the contract's schemas (src/contract), its messages in the
// reader's language: each zod issue becomes the same field code the server would send
// (problems.field.<code>, e.g. invalid_date, control_characters), never zod's English.
import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldErrors, FieldValues, Resolver } from 'react-hook-form';
import type { z } from 'zod';
import { fieldProblemMessage } from './problems';

type Issue = z.core.$ZodIssue & { params?: Record<string, unknown>; origin?: string; format?: string };

/** The field code of one zod issue (the contract's own code when a refinement gave one). */
export function issueCode(issue: Issue): { code: string; params?: Record<string, unknown> } {
  const num = (v: unknown) => (typeof v === 'number' || typeof v === 'bigint' ? Number(v) : undefined);
  if (issue.params && typeof issue.params.code === 'string') return { code: issue.params.code, params: issue.params };
  const code: string = issue.code;
  if (code === 'invalid_type') return { code: issue.input === undefined ? 'required' : 'invalid_type' };
  if (code === 'too_small') {
    const min = num((issue as { minimum?: unknown }).minimum);
    if (issue.origin === 'string' && min === 1) return { code: 'required' };
    return { code: issue.origin === 'string' || issue.origin === 'array' ? 'too_short' : 'too_small', params: { min } };
  }
  if (code === 'too_big') {
    const max = num((issue as { maximum?: unknown }).maximum);
    return { code: issue.origin === 'string' || issue.origin === 'array' ? 'too_long' : 'too_big', params: { max } };
  }
  if (code === 'invalid_format')
    return {
      code: issue.format === 'email' ? 'invalid_email' : issue.format === 'date' ? 'invalid_date' : 'invalid_format',
    };
  if (code === 'invalid_value') return { code: 'invalid_choice' };
  return { code: 'invalid' };
}

/**
 * zodResolver over a contract schema, with each error's message translated from its field code.
 * The schema parses every field; the resolver keeps the first problem of each.
 */
export function contractResolver<Input extends FieldValues, Output>(
  schema: z.ZodType<Output>,
): Resolver<Input, unknown, Output> {
  const base = zodResolver(schema as never) as unknown as Resolver<Input, unknown, Output>;
  return async (values, context, options) => {
    const result = await base(values, context, options);
    if (Object.keys(result.errors).length === 0) return result;
    // Translate from the issues themselves (zodResolver keeps only zod's English message).
    const parsed = schema.safeParse(values);
    const errors: Record<string, { type: string; message: string }> = {};
    if (!parsed.success) {
      for (const issue of parsed.error.issues as Issue[]) {
        const key = String(issue.path[0] ?? 'root');
        if (errors[key]) continue;
        const { code, params } = issueCode(issue);
        errors[key] = { type: code, message: fieldProblemMessage({ code, params: params as never }) };
      }
    }
    return { values: {}, errors: errors as unknown as FieldErrors<Input> };
  };
}
