import { useTranslation } from 'react-i18next';
import { ApiError } from '../api';
import { useLanguage } from '../lib/useLanguage';
import { FocusedAlert } from './FocusedAlert';

export interface ActionError {
  status: number;
  /** What the server said (in English), shown for 400s so the person knows what to fix. */
  serverMessage: string | null;
  requestId: string | null;
  /** Changes with every try, so the alert is announced and focused again. */
  attempt: number;
}

export function toActionError(err: unknown, attempt: number): ActionError {
  if (err instanceof ApiError) {
    return {
      status: err.status,
      serverMessage: err.status === 400 ? err.message : null,
      requestId: err.requestId,
      attempt,
    };
  }
  return { status: -1, serverMessage: null, requestId: null, attempt };
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
  const language = useLanguage();
  const showReference = error.requestId && ![0, 400, 403, 404, 409].includes(error.status);
  return (
    <FocusedAlert key={error.attempt} heading={heading} headingLevel={headingLevel}>
      <p className="usa-alert__text">{t(messageKeys?.[error.status] ?? actionErrorKey(error.status))}</p>
      {error.serverMessage && (
        <p className="usa-alert__text">
          {t('errors.action.serverSaid')} <span lang={language === 'en' ? undefined : 'en'}>{error.serverMessage}</span>
        </p>
      )}
      {showReference && (
        <p className="usa-alert__text">
          {t('errors.reference')} <code className="harbor-reference">{error.requestId}</code>
        </p>
      )}
    </FocusedAlert>
  );
}
