import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from './PageHeading';

/** Shown for unknown addresses and for records the user may not open: the two look the same. */
export function NotFoundContent() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading documentTitle={t('notFound.title')}>{t('notFound.title')}</PageHeading>
      <p className="usa-intro">{t('notFound.body')}</p>
      <p>
        <Link className="usa-link" to="/">
          {t('notFound.home')}
        </Link>
      </p>
    </>
  );
}
