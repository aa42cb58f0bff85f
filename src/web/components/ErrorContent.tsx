import { Button } from '@trussworks/react-uswds';
import { useTranslation } from 'react-i18next';
import { PageHeading } from './PageHeading';

interface Props {
  /** The server's request id, so staff can report exactly what failed. */
  requestId: string | null;
  network?: boolean;
  /** What exactly went wrong, translated from the server's code; the generic sentence otherwise. */
  message?: string | null;
  onRetry?: () => void;
}

/** The generic "something went wrong" page. */
export function ErrorContent({ requestId, network = false, message, onRetry }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading documentTitle={t('errors.title')}>{t('errors.title')}</PageHeading>
      <p className="usa-intro">{message ?? (network ? t('errors.network') : t('errors.generic'))}</p>
      {requestId && (
        <p>
          {t('errors.reference')} <code className="harbor-reference">{requestId}</code>
        </p>
      )}
      <Button type="button" onClick={onRetry ?? (() => window.location.reload())}>
        {t('errors.tryAgain')}
      </Button>
    </>
  );
}
