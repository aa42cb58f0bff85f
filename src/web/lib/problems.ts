// The server's problem documents (src/contract/problems.ts) in the reader's language: the code
// of the problem as a whole (problems.<code>), each field's code (problems.field.<code>), their
// parameters formatted (dates in county time, a field category by its name). The server's
// English `detail` is never shown; an unknown code reads as the sentence for its HTTP status.
import type { FieldProblem as ApiFieldProblem } from '../../contract/problems';
import { ApiError } from '../api';
import i18n, { currentLanguage } from '../i18n';
import { formatCountyDateTime, formatDate, formatList } from './format';

/** The general code that stands for an HTTP status when the server's code has no translation. */
const STATUS_CODES: Record<number, string> = {
  0: 'network_error',
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  414: 'uri_too_long',
  415: 'unsupported_media_type',
  422: 'unprocessable',
  429: 'too_many_requests',
  503: 'service_unavailable',
};

export const statusProblemCode = (status: number) => STATUS_CODES[status] ?? 'internal_error';

type Params = Record<string, string | number>;

/** A problem's facts as interpolation values: dates formatted, categories named, lists joined. */
export function problemParams(raw: unknown): Params {
  const out: Params = {};
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return out;
  const language = currentLanguage();
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (typeof value === 'number') out[key] = value;
    else if (typeof value === 'string') {
      if (key === 'category') out[key] = i18n.t(`categories.${value}`, { defaultValue: value.replace(/_/g, ' ') });
      else if (key === 'kind' && (value === 'background' || value === 'security'))
        out[key] = i18n.t(`problems.clearance.${value}`);
      else if (/^\d{4}-\d{2}-\d{2}$/.test(value)) out[key] = formatDate(value, language);
      else if (/^\d{4}-\d{2}-\d{2}T/.test(value)) out[key] = formatCountyDateTime(value, language);
      else out[key] = value;
    } else if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number'))
      out[key] = formatList(value.map(String), language);
  }
  return out;
}

/** The translation, or null when there is none or a fact it needs is missing (no "{{name}}" shown). */
function translated(key: string, params: Params): string | null {
  if (!i18n.exists(key)) return null;
  const text = i18n.t(key, params);
  return text.includes('{{') ? null : text;
}

/** The sentence for a problem as a whole: its code translated, or the sentence for its status. */
export function problemMessage(problem: { status: number; code: string; details?: unknown }): string {
  const params = problemParams(problem.details);
  return (
    translated(`problems.${problem.code}`, params) ?? i18n.t(`problems.${statusProblemCode(problem.status)}`, params)
  );
}

/**
 * The problem's own sentence when it says more than the sentence for its status (a specific code
 * such as placement_overlap); null for the general codes (bad_request, conflict ...).
 */
export function specificProblemMessage(problem: { status: number; code: string; details?: unknown }): string | null {
  if (GENERIC.has(problem.code)) return null;
  return translated(`problems.${problem.code}`, problemParams(problem.details));
}

const GENERIC = new Set([
  'bad_request',
  'invalid_input',
  'unauthorized',
  'forbidden',
  'not_found',
  'route_not_found',
  'conflict',
  'unprocessable',
  'internal_error',
  'network_error',
  'client_error',
]);

/** One field's problem in words (without the field's name): problems.field.<code>. */
export function fieldProblemMessage(problem: Pick<ApiFieldProblem, 'code' | 'params'>): string {
  const params = problemParams(problem.params);
  return translated(`problems.field.${problem.code}`, params) ?? i18n.t('problems.field.invalid');
}

/** The field a pointer names: `/body/notified/0/arrivedAt` → ['notified.0.arrivedAt', 'notified']. */
export function pointerFields(pointer: string): string[] {
  const parts = pointer
    .replace(/^\/(body|query|params|headers)\/?/, '')
    .split('/')
    .filter(Boolean)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (parts.length === 0) return [];
  const full = parts.join('.');
  return parts.length > 1 ? [full, parts[0]!] : [full];
}

/** Every distinct field message of an API error, for places that have no form field to point at. */
export function fieldProblemMessages(err: unknown): string[] {
  if (!(err instanceof ApiError)) return [];
  return [...new Set(err.errors.map(fieldProblemMessage))];
}
