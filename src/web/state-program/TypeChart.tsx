import { useTranslation } from 'react-i18next';
import type { StateReportT } from '../../contract/state-report';
import { numeric, useStateFigures } from './common';

/**
 * The Type table as bars: for each Type, Harbor's count beside the County Plans' figure. Each bar
 * has its figure written beside it, so the words are the text alternative and the bars are
 * decoration (hidden from screen readers). "<11" and missing figures draw no bar.
 */
export function TypeChart({ table }: { table: StateReportT['typeTable'] }) {
  const { t } = useTranslation();
  const f = useStateFigures();
  const values = table.rows.flatMap((r) => [numeric(r.youth), numeric(r.plans)]);
  const max = Math.max(0, ...values.map((v) => v ?? 0));
  const width = (v: number | null) =>
    v !== null && max > 0 ? Math.max(v > 0 ? 1 : 0, Math.round((v / max) * 100)) : 0;
  return (
    <figure className="harbor-state-chart margin-x-0" aria-labelledby="state-chart-heading">
      <h3 id="state-chart-heading">{t('stateReport.chartHeading')}</h3>
      <p className="usa-hint">{t('stateReport.chartHint')}</p>
      <ul className="usa-list usa-list--unstyled">
        {table.rows.map((r) => (
          <li key={r.type} className="harbor-state-chart__group">
            <span className="harbor-state-chart__type">{t(`csecTypes.${r.type}.label`)}</span>
            <span className="harbor-state-chart__line">
              <span className="harbor-state-chart__label">
                {t('stateReport.chartHarbor', { value: f.count(r.youth) })}
              </span>
              <span className="harbor-state-chart__track" aria-hidden="true">
                <span
                  className="harbor-state-chart__bar harbor-state-chart__bar--harbor"
                  style={{ width: `${width(numeric(r.youth))}%` }}
                />
              </span>
            </span>
            <span className="harbor-state-chart__line">
              <span className="harbor-state-chart__label">
                {t('stateReport.chartPlans', { value: f.count(r.plans) })}
              </span>
              <span className="harbor-state-chart__track" aria-hidden="true">
                <span
                  className="harbor-state-chart__bar harbor-state-chart__bar--plans"
                  style={{ width: `${width(numeric(r.plans))}%` }}
                />
              </span>
            </span>
          </li>
        ))}
      </ul>
    </figure>
  );
}
