import { useTranslation } from 'react-i18next';

export function SkipLink() {
  const { t } = useTranslation();
  return (
    <a className="usa-skipnav" href="#main-content">
      {t('header.skipToMain')}
    </a>
  );
}
