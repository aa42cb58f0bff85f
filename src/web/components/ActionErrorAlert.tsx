import { useTranslation } from 'react-i18next';
import { ApiError } from '../api';
import { fieldProblemMessage, specificProblemMessage } from '../lib/problems';
import { FocusedAlert } from './FocusedAlert';

export interface ActionError {
  status: number;
  /** The server's problem code (src/contract/problems.ts); translated as problems.<code>. */
  code: string | null;
  /** The problem's facts (`details`), for the translation's parameters. */
  details?: unknown;
  /** The fields the server named, already translated (no field names: the form may not have them). */
  fieldMessages?: string[];
  requestId: string | null;
  /** Changes with every try, so the alert is announced and focused again. */
  attempt: number;
}

export function toActionError(err: unknown, attempt: number): ActionError {
  if (err instanceof ApiError) {
    return {
      status: err.status,
      code: err.code,
      details: err.details,
      fieldMessages: [...new Set(err.errors.map(fieldProblemMessage))],
      requestId: err.requestId,
      attempt,
    };
  }
  return { status: -1, code: null, requestId: null, attempt };
}

/** The translated sentence for a failed save, by HTTP status. */
export function actionErrorKey(status: number): string {
  switch (status) {
    case 0:
      return 'errors.network';
    case 400:
      return 'errors.action.invalid';
    case 403:
      return 'errors.action.forbidden';
    case 404:
      return 'errors.action.notFound';
    case 409:
      return 'errors.action.conflict';
    default:
      return 'errors.generic';
  }
}

/** A focused error alert for a save that failed. Give it a new `key` for each attempt. */
export function ActionErrorAlert({
  error,
  heading,
  headingLevel = 'h3',
  messageKeys,
}: {
  error: ActionError;
  heading: string;
  headingLevel?: 'h2' | 'h3' | 'h4' | 'h5';
  /** Other sentences for some statuses (the defaults speak of a youth's record). */
  messageKeys?: Partial<Record<number, string>>;
}) {
  const { t } = useTranslation();
  const showReference = error.requestId && ![0, 400, 403, 404, 409].includes(error.status);
  // The server's code says what exactly was refused, in the reader's language; never its English.
  const specific = error.code ? specificProblemMessage({ ...error, code: error.code }) : null;
  const fields = error.fieldMessages ?? [];
  return (
    <FocusedAlert key={error.attempt} heading={heading} headingLevel={headingLevel}>
      <p className="usa-alert__text">{t(messageKeys?.[error.status] ?? actionErrorKey(error.status))}</p>
      {specific && <p className="usa-alert__text harbor-problem">{specific}</p>}
      {fields.length > 0 && (
        <ul className="usa-list margin-top-1">
          {fields.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      )}
      {showReference && (
        <p className="usa-alert__text">
          {t('errors.reference')} <code className="harbor-reference">{error.requestId}</code>
        </p>
      )}
    </FocusedAlert>
  );
}
