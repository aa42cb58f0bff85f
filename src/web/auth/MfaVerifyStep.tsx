import { useTranslation } from 'react-i18next';
import { PageHeading } from '../components/PageHeading';
import { MfaCodeForm } from './MfaCodeForm';

export function MfaVerifyStep() {
  const { t } = useTranslation();
  return (
    <div className="harbor-narrow">
      <PageHeading documentTitle={t('mfa.verify.title')}>{t('mfa.verify.title')}</PageHeading>
      <p>{t('mfa.verify.intro')}</p>
      <MfaCodeForm endpoint="/api/auth/mfa/verify" />
    </div>
  );
}
