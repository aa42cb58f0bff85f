import { Alert } from '@trussworks/react-uswds';
import { useTranslation } from 'react-i18next';

/** Every screen that shows a demonstration instrument says it is not validated. */
export function DemonstrationAlert({ name, headingLevel = 'h2' }: { name: string; headingLevel?: 'h2' | 'h3' }) {
  const { t } = useTranslation();
  return (
    <Alert type="warning" headingLevel={headingLevel} heading={t('demonstration.heading')} className="margin-y-3">
      {t('demonstration.body', { name })}
    </Alert>
  );
}

/** The short label beside an instrument's name in lists. */
export function DemonstrationTag() {
  const { t } = useTranslation();
  return <span className="usa-tag harbor-demo-tag">{t('demonstration.tag')}</span>;
}
