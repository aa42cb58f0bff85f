import { Alert } from '@trussworks/react-uswds';
import { useTranslation } from 'react-i18next';
import { PageHeading } from './PageHeading';

/** For pages the user's role does not use; `detail` is the server's reason, translated from its code. */
export function ForbiddenContent({ detail }: { detail?: string | null }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading documentTitle={t('errors.forbiddenTitle')}>{t('errors.forbiddenTitle')}</PageHeading>
      <Alert type="warning" headingLevel="h2" slim>
        {t('errors.forbidden')}
      </Alert>
      {detail && <p>{detail}</p>}
    </>
  );
}
