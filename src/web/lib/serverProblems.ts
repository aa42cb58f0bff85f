// A refused save names the fields to fix (`errors`, each a JSON pointer such as `/body/startAt`
// with a stable code). These turn them into error-summary entries that link to the form's own
// fields, with the form's label and the code's translation; never the server's English.
import { ApiError } from '../api';
import type { FieldProblem } from '../components/ErrorSummary';
import { fieldProblemMessage, pointerFields, problemMessage } from './problems';

export interface FormField {
  id: string;
  label: string;
}

/**
 * The form field a server field error belongs to: `fields` maps the API's field names (a dotted
 * path such as `notified.0.arrivedAt`, or the top-level name) to the form's field ids and labels.
 */
export function formFieldFor(pointer: string, fields: Record<string, FormField>): FormField | null {
  for (const name of pointerFields(pointer)) if (fields[name]) return fields[name];
  return null;
}

/**
 * Each of the server's field errors as an error-summary entry ("Start: This cannot be in the
 * future."); one naming no known field goes to `fallback`. Without field errors, the problem's
 * own sentence goes to `fallback`.
 */
export function serverFieldProblems(
  err: ApiError,
  fields: Record<string, FormField>,
  fallback: FormField,
): FieldProblem[] {
  if (err.errors.length === 0) return [{ field: fallback.id, message: `${fallback.label}: ${problemMessage(err)}` }];
  const seen = new Set<string>();
  return err.errors.flatMap((e) => {
    const field = formFieldFor(e.pointer, fields) ?? fallback;
    const message = `${field.label}: ${fieldProblemMessage(e)}`;
    const key = `${field.id}|${message}`;
    if (seen.has(key)) return [];
    seen.add(key);
    return [{ field: field.id, message }];
  });
}

export function isApiError(err: unknown, status?: number): err is ApiError {
  return err instanceof ApiError && (status === undefined || err.status === status);
}
