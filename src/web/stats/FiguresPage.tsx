import { useTranslation } from 'react-i18next';
import { ApiErrorView } from '../components/ApiErrorView';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { FiguresTable } from './FiguresTable';
import { MissingFigures } from '../missing/MissingFigures';
import { useApi } from '../lib/useApi';
import type { YouthByArea } from '../../contract/stats';

/** Privacy-safe counts for analysts, supervisors and administrators. */
export function FiguresPage() {
  const { t } = useTranslation();
  const { result, reload } = useApi<YouthByArea>('/api/stats/youth-by-area');
  return (
    <>
      {result.status === 'error' ? (
        <ApiErrorView error={result.error} onRetry={reload} />
      ) : (
        <>
          <PageHeading documentTitle={t('figures.title')}>{t('figures.title')}</PageHeading>
          <p className="usa-intro">{t('figures.intro')}</p>
          <h2>{t('figures.byArea')}</h2>
          {result.status === 'loading' ? (
            <Loading />
          ) : result.data.rows.length === 0 ? (
            <p>{t('figures.none')}</p>
          ) : (
            <FiguresTable rows={result.data.rows} />
          )}
          <div className="usa-summary-box margin-top-3" role="note" aria-labelledby="suppression-heading">
            <div className="usa-summary-box__body">
              <h3 className="usa-summary-box__heading" id="suppression-heading">
                {t('figures.suppressionHeading')}
              </h3>
              <div className="usa-summary-box__text">
                <p className="margin-0">{t('figures.suppressionNote')}</p>
              </div>
            </div>
          </div>
          <MissingFigures />
        </>
      )}
    </>
  );
}
