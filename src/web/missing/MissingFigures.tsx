import { useTranslation } from 'react-i18next';
import { DataTable } from '../components/DataTable';
import { Loading } from '../components/Loading';
import { countyDate, formatMonth, formatNumber } from '../lib/format';
import { useApi } from '../lib/useApi';
import { useLanguage } from '../lib/useLanguage';
import type { FiguresView as Figures } from '../../contract/missing';

type Share = Figures['screened'];

/** The county's missing-youth figures for the last twelve months: no names, the one count of youth suppressed. */
export function MissingFigures() {
  const { t } = useTranslation();
  const language = useLanguage();
  const to = countyDate();
  const [y, m] = to.split('-').map(Number) as [number, number];
  const from = `${m === 12 ? y : y - 1}-${String((m % 12) + 1).padStart(2, '0')}-01`;
  const { result } = useApi<Figures>(`/api/reports/missing?from=${from}&to=${to}`);
  if (result.status === 'error') return null;
  const pct = (s: Share, of: number) =>
    s.share === null
      ? t('missingFigures.nothing')
      : t('missingFigures.share', { percent: Math.round(s.share * 100), count: s.count, of });
  return (
    <section aria-labelledby="missing-figures-heading" className="margin-top-5">
      <h2 id="missing-figures-heading">{t('missingFigures.heading')}</h2>
      {result.status === 'loading' ? (
        <Loading />
      ) : (
        <>
          <dl className="harbor-provider__facts">
            <div>
              <dt>{t('missingFigures.median')}</dt>
              <dd>
                {result.data.medianHoursMissing === null
                  ? t('missingFigures.nothing')
                  : t('missingFigures.hours', { count: result.data.medianHoursMissing })}
              </dd>
            </div>
            <div>
              <dt>{t('missingFigures.lawEnforcement')}</dt>
              <dd>{pct(result.data.reportedLawEnforcement24h, result.data.discovered)}</dd>
            </div>
            <div>
              <dt>{t('missingFigures.ncmec')}</dt>
              <dd>{pct(result.data.reportedNcmec24h, result.data.discovered)}</dd>
            </div>
            <div>
              <dt>{t('missingFigures.screened')}</dt>
              <dd>{pct(result.data.screened, result.data.returned)}</dd>
            </div>
            <div>
              <dt>{t('missingFigures.debriefed')}</dt>
              <dd>{pct(result.data.debriefed, result.data.returned)}</dd>
            </div>
            <div>
              <dt>{t('missingFigures.repeat')}</dt>
              <dd>
                {result.data.youthWithThreeOrMore === '<11' ? (
                  <>
                    <span aria-hidden="true">{t('figures.suppressedShort')}</span>
                    <span className="usa-sr-only">{t('figures.suppressedLong')}</span>
                  </>
                ) : (
                  formatNumber(result.data.youthWithThreeOrMore, language)
                )}
              </dd>
            </div>
          </dl>
          <h3>{t('missingFigures.perMonth')}</h3>
          <DataTable
            caption={t('missingFigures.perMonth')}
            stacked={false}
            rows={result.data.episodesPerMonth}
            rowKey={(r) => r.month}
            columns={[
              { key: 'month', header: t('missingFigures.month'), cell: (r) => formatMonth(r.month, language) },
              {
                key: 'episodes',
                header: t('missingFigures.episodes'),
                cell: (r) => formatNumber(r.episodes, language),
              },
            ]}
          />
          <p className="usa-hint" lang={language === 'en' ? undefined : 'en'}>
            {result.data.definitions}
          </p>
        </>
      )}
    </section>
  );
}
