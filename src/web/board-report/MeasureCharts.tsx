import { useTranslation } from 'react-i18next';
import { formatPeriod } from '../lib/format';
import { useLanguage } from '../lib/useLanguage';
import { useFigure } from './figures';
import type { BoardReportT as BoardReport, CountySummaryT as CountySummary } from '../../contract/board-report';

const MEASURES = [
  'referrals',
  'recoveredYouth',
  'reachedOnTimeShare',
  'medianDaysToFirstContact',
  'medianDaysToFirstService',
] as const;
type Measure = (typeof MEASURES)[number];

/**
 * One chart per measure over the last six periods. Each chart is a real table (period, value)
 * with a drawn bar beside the value: screen readers read the table; the bars are decoration.
 */
export function MeasureCharts({ series }: { series: BoardReport['series'] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="board-charts" className="harbor-section">
      <h2 id="board-charts">{t('boardReport.chartsHeading', { count: series.length })}</h2>
      <p className="usa-hint">{t('boardReport.chartsHint')}</p>
      <div className="harbor-board-charts">
        {MEASURES.map((m) => (
          <MeasureChart key={m} measure={m} series={series} />
        ))}
      </div>
    </section>
  );
}

function MeasureChart({ measure, series }: { measure: Measure; series: BoardReport['series'] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const f = useFigure();
  const raw = (s: CountySummary) => s[measure];
  const numeric = series.map((p) => raw(p.summary)).map((v) => (typeof v === 'number' ? v : null));
  const max = Math.max(0, ...numeric.map((v) => v ?? 0));
  const text = (s: CountySummary) => {
    const v = raw(s);
    if (measure === 'reachedOnTimeShare') return f.share(v as number | 'suppressed' | null);
    if (measure === 'medianDaysToFirstContact' || measure === 'medianDaysToFirstService')
      return f.days(v as number | 'suppressed' | null);
    return f.count(v as number | '<11');
  };
  const headingId = `board-chart-${measure}`;
  return (
    <figure className="harbor-board-chart margin-x-0" aria-labelledby={headingId}>
      <h3 id={headingId}>{t(`boardReport.measures.${measure}`)}</h3>
      <table className="usa-table usa-table--borderless usa-table--compact harbor-board-chart__table">
        <caption className="usa-sr-only">
          {t('boardReport.chartCaption', { measure: t(`boardReport.measures.${measure}`) })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('boardReport.chartPeriod')}</th>
            <th scope="col">{t('boardReport.chartValue')}</th>
          </tr>
        </thead>
        <tbody>
          {series.map((p, i) => {
            const v = numeric[i] ?? null;
            const width = v !== null && max > 0 ? Math.max(1, Math.round((v / max) * 100)) : 0;
            return (
              <tr key={p.period.from}>
                <th scope="row">{formatPeriod(p.period.from, p.period.to, language)}</th>
                <td>
                  <span className="harbor-board-chart__value">{text(p.summary)}</span>
                  <span className="harbor-board-chart__track" aria-hidden="true">
                    <span className="harbor-board-chart__bar" style={{ width: `${width}%` }} />
                  </span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </figure>
  );
}
