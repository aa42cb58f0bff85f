// A 400 from the API names the fields to fix ("startAt: must be after …"). These turn its
// messages into error-summary entries that link to the form's own fields.
import { ApiError } from '../api';
import type { FieldProblem } from '../components/ErrorSummary';

/** The server's problems as "field: message" strings, from `details.problems` or the message. */
export function serverProblemList(err: ApiError): string[] {
  const details = err.details as { problems?: unknown } | undefined;
  if (Array.isArray(details?.problems)) return details.problems.filter((p): p is string => typeof p === 'string');
  const message = err.message
    .replace(/^(Please fix|This service cannot be recorded|This change cannot be saved):\s*/, '')
    .replace(/\.$/, '');
  return message.split(/;\s+/).filter(Boolean);
}

/**
 * Each server problem as a field problem: `fields` maps the API's field names to the form's field
 * ids and translated labels; a problem naming no known field goes to `fallback`.
 */
export function serverFieldProblems(
  err: ApiError,
  fields: Record<string, { id: string; label: string }>,
  fallback: { id: string; label: string },
): FieldProblem[] {
  return serverProblemList(err).map((text) => {
    const match = /^([A-Za-z.0-9]+):\s*(.*)$/.exec(text);
    const key = match?.[1]?.split('.')[0] ?? '';
    const field = fields[key];
    if (field) return { field: field.id, message: `${field.label}:`, serverDetail: match?.[2] ?? text };
    return { field: fallback.id, message: `${fallback.label}:`, serverDetail: text };
  });
}

export function isApiError(err: unknown, status?: number): err is ApiError {
  return err instanceof ApiError && (status === undefined || err.status === status);
}
