import { Button } from '@trussworks/react-uswds';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ApiErrorView } from '../components/ApiErrorView';
import { DataTable } from '../components/DataTable';
import { DateTimeInput } from '../components/DateTimeInput';
import { ErrorSummary, type FieldProblem } from '../components/ErrorSummary';
import { Field } from '../components/Field';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { countyDate, formatDate, formatNumber } from '../lib/format';
import { useApi } from '../lib/useApi';
import { useLanguage } from '../lib/useLanguage';
import type { ComplianceReport } from '../../contract/compliance';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The first day of the county month 3 months back, and today: a quarter's worth by default. */
function defaultRange(): { from: string; to: string } {
  const today = countyDate();
  const [y, m] = today.split('-').map(Number) as [number, number];
  const back = new Date(Date.UTC(y, m - 1 - 2, 1));
  return { from: back.toISOString().slice(0, 10), to: today };
}

/** County compliance: MDTs held on time, responders on scene within the target, duties met, missed or waived. */
export function CompliancePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const fallback = defaultRange();
  const from = DAY.test(params.get('from') ?? '') ? params.get('from')! : fallback.from;
  const to = DAY.test(params.get('to') ?? '') ? params.get('to')! : fallback.to;
  const query = `from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;
  const { result, reload } = useApi<ComplianceReport>(`/api/reports/compliance?${query}`);

  return (
    <>
      <PageHeading documentTitle={t('compliancePage.title')}>{t('compliancePage.title')}</PageHeading>
      <p className="usa-intro">{t('compliancePage.intro')}</p>
      <RangeForm key={`${from}:${to}`} from={from} to={to} onApply={(f, tt) => setParams({ from: f, to: tt })} />
      {result.status === 'error' ? (
        <ApiErrorView error={result.error} onRetry={reload} />
      ) : result.status === 'loading' ? (
        <Loading />
      ) : (
        <Report report={result.data} query={query} />
      )}
    </>
  );
}

function RangeForm({ from, to, onApply }: { from: string; to: string; onApply: (from: string, to: string) => void }) {
  const { t } = useTranslation();
  const [f, setF] = useState(from);
  const [tt, setT] = useState(to);
  const [problems, setProblems] = useState<{ list: FieldProblem[]; attempt: number } | null>(null);
  const attempt = useRef(0);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    attempt.current += 1;
    const list: FieldProblem[] = [];
    if (!DAY.test(f)) list.push({ field: 'compliance-from', message: t('compliancePage.errors.from') });
    if (!DAY.test(tt)) list.push({ field: 'compliance-to', message: t('compliancePage.errors.to') });
    else if (DAY.test(f) && tt < f) list.push({ field: 'compliance-to', message: t('compliancePage.errors.order') });
    if (list.length) {
      setProblems({ list, attempt: attempt.current });
      return;
    }
    setProblems(null);
    onApply(f, tt);
  };
  const errorFor = (field: string) => problems?.list.find((p) => p.field === field)?.message;
  return (
    <form
      className="usa-form harbor-wide-form margin-bottom-3"
      noValidate
      onSubmit={submit}
      aria-labelledby="compliance-range-heading"
    >
      <h2 id="compliance-range-heading">{t('compliancePage.range')}</h2>
      {problems && <ErrorSummary key={problems.attempt} problems={problems.list} />}
      <p className="usa-hint">{t('compliancePage.rangeHint')}</p>
      <Field id="compliance-from" label={t('compliancePage.from')} error={errorFor('compliance-from')}>
        {(d) => (
          <DateTimeInput
            id="compliance-from"
            name="from"
            kind="date"
            value={f}
            invalid={!!errorFor('compliance-from')}
            aria-describedby={d}
            onChange={(e) => setF(e.target.value)}
          />
        )}
      </Field>
      <Field id="compliance-to" label={t('compliancePage.to')} error={errorFor('compliance-to')}>
        {(d) => (
          <DateTimeInput
            id="compliance-to"
            name="to"
            kind="date"
            value={tt}
            invalid={!!errorFor('compliance-to')}
            aria-describedby={d}
            onChange={(e) => setT(e.target.value)}
          />
        )}
      </Field>
      <Button type="submit" className="margin-top-2">
        {t('compliancePage.show')}
      </Button>
    </form>
  );
}

function Report({ report, query }: { report: ComplianceReport; query: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const n = (v: number) => formatNumber(v, language);
  const pct = (share: number | null) =>
    share === null
      ? t('compliancePage.nothingDue')
      : new Intl.NumberFormat(language === 'es' ? 'es-US' : 'en-US', {
          style: 'percent',
          maximumFractionDigits: 1,
        }).format(share);
  return (
    <>
      <p>
        {t('compliancePage.showing', { from: formatDate(report.from, language), to: formatDate(report.to, language) })}
      </p>
      <ul className="usa-button-group margin-bottom-3">
        <li className="usa-button-group__item">
          <a className="usa-button usa-button--outline" href={`/api/reports/compliance.csv?${query}`} download>
            {t('compliancePage.downloadCsv')}
          </a>
        </li>
        <li className="usa-button-group__item">
          <a className="usa-button usa-button--outline" href={`/api/reports/compliance.xlsx?${query}`} download>
            {t('compliancePage.downloadXlsx')}
          </a>
        </li>
      </ul>

      <section aria-labelledby="compliance-mdt" className="harbor-section">
        <h2 id="compliance-mdt">{t('compliancePage.mdtHeading')}</h2>
        <p className="usa-hint">{t('compliancePage.mdtHint')}</p>
        <DataTable
          caption={t('compliancePage.mdtHeading')}
          rowKey={(r) => r.tier}
          rows={report.mdtOnTime}
          columns={[
            { key: 'tier', header: t('compliancePage.tier'), cell: (r) => t(`compliancePage.tiers.${r.tier}`) },
            { key: 'due', header: t('compliancePage.due'), cell: (r) => n(r.due) },
            { key: 'onTime', header: t('compliancePage.heldOnTime'), cell: (r) => n(r.heldOnTime) },
            { key: 'share', header: t('compliancePage.share'), cell: (r) => pct(r.share) },
          ]}
        />
      </section>

      <section aria-labelledby="compliance-arrivals" className="harbor-section">
        <h2 id="compliance-arrivals">{t('compliancePage.arrivalsHeading', { minutes: report.targetMinutes })}</h2>
        {report.arrivals.length === 0 ? (
          <p>{t('compliancePage.noArrivals')}</p>
        ) : (
          <DataTable
            caption={t('compliancePage.arrivalsHeading', { minutes: report.targetMinutes })}
            rowKey={(r) => r.organization}
            rows={report.arrivals}
            columns={[
              { key: 'org', header: t('compliancePage.agency'), cell: (r) => r.organization },
              { key: 'notified', header: t('compliancePage.notified'), cell: (r) => n(r.notified) },
              { key: 'arrived', header: t('compliancePage.arrived'), cell: (r) => n(r.arrived) },
              { key: 'within', header: t('compliancePage.withinTarget'), cell: (r) => n(r.withinTarget) },
              { key: 'share', header: t('compliancePage.share'), cell: (r) => pct(r.share) },
              {
                key: 'median',
                header: t('compliancePage.median'),
                cell: (r) =>
                  r.medianMinutes === null
                    ? t('compliancePage.noneArrived')
                    : t('compliancePage.minutes', { count: r.medianMinutes }),
              },
            ]}
          />
        )}
      </section>

      <section aria-labelledby="compliance-duties" className="harbor-section">
        <h2 id="compliance-duties">{t('compliancePage.dutiesHeading')}</h2>
        {report.obligations.length === 0 ? (
          <p>{t('compliancePage.noDuties')}</p>
        ) : (
          <DataTable
            caption={t('compliancePage.dutiesHeading')}
            rowKey={(r) => `${r.kind}:${r.organization}`}
            rows={report.obligations}
            columns={[
              {
                key: 'kind',
                header: t('compliancePage.kind'),
                cell: (r) => t(`obligationKinds.${r.kind}.label`, { defaultValue: r.label }),
              },
              { key: 'org', header: t('compliancePage.organization'), cell: (r) => r.organization },
              { key: 'onTime', header: t('compliancePage.metOnTime'), cell: (r) => n(r.metOnTime) },
              { key: 'late', header: t('compliancePage.metLate'), cell: (r) => n(r.metLate) },
              { key: 'missed', header: t('compliancePage.missed'), cell: (r) => n(r.missed) },
              { key: 'waived', header: t('compliancePage.waived'), cell: (r) => n(r.waived) },
              { key: 'open', header: t('compliancePage.open'), cell: (r) => n(r.open) },
            ]}
          />
        )}
      </section>
    </>
  );
}
