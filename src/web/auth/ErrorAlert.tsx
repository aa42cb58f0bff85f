import { useTranslation } from 'react-i18next';
import { FocusedAlert } from '../components/FocusedAlert';
import type { ShownError } from './describeError';

/** The focused error alert of the sign-in steps. */
interface Props {
  error: ShownError;
  heading: string;
  headingLevel?: 'h2' | 'h3';
}

export function ErrorAlert({ error, heading, headingLevel }: Props) {
  const { t } = useTranslation();
  return (
    <FocusedAlert key={error.attempt} heading={heading} headingLevel={headingLevel}>
      <p className="usa-alert__text">{t(error.messageKey)}</p>
      {error.requestId && (
        <p className="usa-alert__text">
          {t('errors.reference')} <code>{error.requestId}</code>
        </p>
      )}
    </FocusedAlert>
  );
}
