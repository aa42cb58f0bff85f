import { Button, Fieldset, Radio } from '@trussworks/react-uswds';
import '../advocacy/advocacy.css';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ApiErrorView } from '../components/ApiErrorView';
import { DataTable } from '../components/DataTable';
import { DetailList } from '../components/DetailList';
import { DateRangeFields, dateRangeProblems, DAY } from '../components/DateRangeFields';
import { ErrorSummary, type FieldProblem } from '../components/ErrorSummary';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { formatDate, formatDateTime, formatPeriod } from '../lib/format';
import { useApi } from '../lib/useApi';
import { useLanguage } from '../lib/useLanguage';
import { useActiveSession } from '../auth/SessionContext';
import { useFigure } from './figures';
import { MeasureCharts } from './MeasureCharts';
import type { BoardReportT as BoardReport, CboRowT as CboRow } from '../../contract/board-report';
import { BOARD_REPORT_PERIODS, BOARD_REPORT_VERSIONS, type BoardReportVersion } from '../../domain/advocacy';
import { canSeeInternalBoardReport } from './roles';

const PERIOD_CHOICES = [...BOARD_REPORT_PERIODS, 'custom'] as const;

type Choice = { period: (typeof PERIOD_CHOICES)[number]; from: string; to: string; version: BoardReportVersion };

function readChoice(params: URLSearchParams, internalAllowed: boolean): Choice {
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const custom = DAY.test(from) && DAY.test(to);
  const period = custom ? 'custom' : params.get('period') === 'previous' ? 'previous' : 'current';
  const version = internalAllowed && params.get('version') !== 'public' ? 'internal' : 'public';
  return { period, from: custom ? from : '', to: custom ? to : '', version };
}

function toQuery(c: Choice): string {
  const q = new URLSearchParams();
  if (c.period === 'custom') {
    q.set('from', c.from);
    q.set('to', c.to);
  } else q.set('period', c.period);
  q.set('version', c.version);
  return q.toString();
}

/** The Board's four-monthly report on each advocacy organization, with its downloads. */
export function BoardReportPage() {
  const { t } = useTranslation();
  const session = useActiveSession();
  const internalAllowed = canSeeInternalBoardReport(session);
  const [params, setParams] = useSearchParams();
  const choice = readChoice(params, internalAllowed);
  const query = toQuery(choice);
  const { result, reload } = useApi<BoardReport>(`/api/reports/advocacy?${query}`);

  return (
    <>
      <PageHeading documentTitle={t('boardReport.title')}>{t('boardReport.title')}</PageHeading>
      <p className="usa-intro">{t('boardReport.intro')}</p>
      <ChoiceForm
        key={query}
        choice={choice}
        internalAllowed={internalAllowed}
        onApply={(c) => setParams(new URLSearchParams(toQuery(c)))}
      />
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

function ChoiceForm({
  choice,
  internalAllowed,
  onApply,
}: {
  choice: Choice;
  internalAllowed: boolean;
  onApply: (c: Choice) => void;
}) {
  const { t } = useTranslation();
  const [c, setC] = useState(choice);
  const [problems, setProblems] = useState<{ list: FieldProblem[]; attempt: number } | null>(null);
  const attempt = useRef(0);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    attempt.current += 1;
    const list: FieldProblem[] = [];
    if (c.period === 'custom') {
      list.push(
        ...dateRangeProblems(c, 'board', {
          from: t('boardReport.errors.from'),
          to: t('boardReport.errors.to'),
          order: t('boardReport.errors.order'),
        }),
      );
    }
    if (list.length) {
      setProblems({ list, attempt: attempt.current });
      return;
    }
    setProblems(null);
    onApply(c);
  };
  const errorFor = (field: string) => problems?.list.find((p) => p.field === field)?.message;
  return (
    <form
      className="usa-form harbor-wide-form margin-bottom-3"
      noValidate
      onSubmit={submit}
      aria-labelledby="board-choice-heading"
    >
      <h2 id="board-choice-heading">{t('boardReport.choose')}</h2>
      {problems && <ErrorSummary key={problems.attempt} problems={problems.list} />}
      <Fieldset legend={t('boardReport.period')} id="board-period">
        {PERIOD_CHOICES.map((p) => (
          <Radio
            key={p}
            id={`board-period-${p}`}
            name="period"
            value={p}
            checked={c.period === p}
            onChange={() => setC({ ...c, period: p })}
            label={t(`boardReport.periods.${p}`)}
          />
        ))}
      </Fieldset>
      {c.period === 'custom' && (
        <>
          <DateRangeFields
            idPrefix="board"
            range={c}
            onChange={(r) => setC({ ...c, ...r })}
            labels={{ from: t('boardReport.from'), to: t('boardReport.to') }}
            errorFor={errorFor}
          />
        </>
      )}
      {internalAllowed ? (
        <Fieldset legend={t('boardReport.version')} id="board-version">
          {BOARD_REPORT_VERSIONS.map((v) => (
            <Radio
              key={v}
              id={`board-version-${v}`}
              name="version"
              value={v}
              checked={c.version === v}
              onChange={() => setC({ ...c, version: v })}
              label={t(`boardReport.versions.${v}`)}
              labelDescription={t(`boardReport.versionHints.${v}`)}
            />
          ))}
        </Fieldset>
      ) : (
        <p className="usa-hint">{t('boardReport.publicOnly')}</p>
      )}
      <Button type="submit" className="margin-top-2">
        {t('boardReport.show')}
      </Button>
    </form>
  );
}

function Report({ report, query }: { report: BoardReport; query: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const f = useFigure();
  const s = report.summary;
  const download = (ext: string, label: string) => (
    <li className="usa-button-group__item">
      <a className="usa-button usa-button--outline" href={`/api/reports/advocacy.${ext}?${query}`} download>
        {label}
      </a>
    </li>
  );
  return (
    <>
      <section aria-labelledby="board-period-heading" className="harbor-section">
        <h2 id="board-period-heading">
          {t('boardReport.periodHeading', {
            label: formatPeriod(report.period.from, report.period.to, language),
            from: formatDate(report.period.from, language),
            to: formatDate(report.period.to, language),
          })}
        </h2>
        <p>
          {t(`boardReport.showingVersion.${report.version}`)}{' '}
          {t('boardReport.generated', { county: report.county, when: formatDateTime(report.generatedAt, language) })}
        </p>
        <ul className="usa-button-group margin-bottom-3" aria-label={t('boardReport.downloads')}>
          {download('pdf', t('boardReport.downloadPdf'))}
          {download('xlsx', t('boardReport.downloadXlsx'))}
          {download('csv', t('boardReport.downloadCsv'))}
        </ul>
        <h3>{t('boardReport.definitionHeading')}</h3>
        <p className="harbor-board-definition">
          {language === 'es' ? report.definitions.recoveredEs : report.definitions.recovered}
        </p>
        <details className="margin-bottom-2">
          <summary>{t('boardReport.moreDefinitions')}</summary>
          <ul className="usa-list" lang={language === 'en' ? undefined : 'en'}>
            <li>{report.definitions.reachedOnTime}</li>
            <li>{report.definitions.medians}</li>
            <li>{report.definitions.countyTotals}</li>
            <li>{report.definitions.issues}</li>
          </ul>
        </details>
        {report.suppression && (
          <p className="usa-hint" lang={language === 'en' ? undefined : 'en'}>
            {report.suppression}
          </p>
        )}
      </section>

      <section aria-labelledby="board-summary" className="harbor-section">
        <h2 id="board-summary">{t('boardReport.summaryHeading')}</h2>
        <DetailList
          wideLabels
          items={[
            {
              key: 'referrals',
              label: t('boardReport.measures.referrals'),
              value: <span data-measure="referrals">{f.count(s.referrals)}</span>,
            },
            { key: 'declined', label: t('boardReport.measures.declined'), value: f.count(s.declined) },
            {
              key: 'recovered',
              label: t('boardReport.measures.recoveredYouth'),
              value: <span data-measure="recoveredYouth">{f.count(s.recoveredYouth)}</span>,
            },
            ...(s.recoveredYouthDistinct !== null
              ? [
                  {
                    key: 'distinct',
                    label: t('boardReport.measures.recoveredYouthDistinct'),
                    value: f.count(s.recoveredYouthDistinct),
                  },
                ]
              : []),
            {
              key: 'onTime',
              label: t('boardReport.measures.reachedOnTimeShare'),
              value: t('boardReport.ofWhich', {
                share: f.share(s.reachedOnTimeShare),
                count: f.count(s.reachedOnTime),
                total: f.count(s.notDeclined),
              }),
            },
            {
              key: 'mFirst',
              label: t('boardReport.measures.medianDaysToFirstContact'),
              value: f.days(s.medianDaysToFirstContact),
            },
            {
              key: 'mService',
              label: t('boardReport.measures.medianDaysToFirstService'),
              value: f.days(s.medianDaysToFirstService),
            },
            {
              key: 'issues',
              label: t('boardReport.measures.issues'),
              value: t('boardReport.issueCounts', { open: s.issueCounts.open, resolved: s.issueCounts.resolved }),
            },
          ]}
        />
      </section>

      <section aria-labelledby="board-cbos" className="harbor-section">
        <h2 id="board-cbos">{t('boardReport.cbosHeading')}</h2>
        {report.cbos.length === 0 ? (
          <p>{t('boardReport.noCbos')}</p>
        ) : (
          <DataTable
            caption={t('boardReport.cbosHeading')}
            rowKey={(r) => r.organizationId}
            rows={report.cbos}
            columns={[
              {
                key: 'name',
                header: t('boardReport.organization'),
                cell: (r) => <span className="text-bold">{r.name}</span>,
              },
              { key: 'referrals', header: t('boardReport.measures.referrals'), cell: (r) => f.count(r.referrals) },
              { key: 'declined', header: t('boardReport.measures.declined'), cell: (r) => f.count(r.declined) },
              {
                key: 'recovered',
                header: t('boardReport.measures.recoveredYouth'),
                cell: (r) => f.count(r.recoveredYouth),
              },
              {
                key: 'onTime',
                header: t('boardReport.measures.reachedOnTimeShare'),
                cell: (r) =>
                  t('boardReport.ofWhich', {
                    share: f.share(r.reachedOnTimeShare),
                    count: f.count(r.reachedOnTime),
                    total: f.count(r.notDeclined),
                  }),
              },
              {
                key: 'mFirst',
                header: t('boardReport.measures.medianDaysToFirstContact'),
                cell: (r) => f.days(r.medianDaysToFirstContact),
              },
              {
                key: 'mService',
                header: t('boardReport.measures.medianDaysToFirstService'),
                cell: (r) => f.days(r.medianDaysToFirstService),
              },
              {
                key: 'issues',
                header: t('boardReport.measures.issues'),
                cell: (r) =>
                  t('boardReport.issueCounts', { open: r.issueCounts.open, resolved: r.issueCounts.resolved }),
              },
            ]}
          />
        )}
      </section>

      <section aria-labelledby="board-issues" className="harbor-section">
        <h2 id="board-issues">{t('boardReport.issuesHeading')}</h2>
        {report.version === 'public' ? (
          <p>{t('boardReport.issuesPublic')}</p>
        ) : report.cbos.every((c) => c.issues.length === 0) ? (
          <p>{t('boardReport.noIssues')}</p>
        ) : (
          report.cbos.filter((c) => c.issues.length > 0).map((c) => <CboIssues key={c.organizationId} cbo={c} />)
        )}
      </section>

      <MeasureCharts series={report.series} />
    </>
  );
}

function CboIssues({ cbo }: { cbo: CboRow }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <>
      <h3>{cbo.name}</h3>
      <ul className="usa-list usa-list--unstyled">
        {cbo.issues.map((i) => (
          <li key={i.id} className="margin-bottom-2">
            <article
              aria-label={t('boardReport.issueLabel', {
                category: t(`countyAdvocacy.categories.${i.category}`),
                date: formatDate(i.raisedOn, language),
              })}
            >
              <p className="margin-bottom-05">
                <span className="text-bold">
                  {t(`countyAdvocacy.categories.${i.category}`)}, {t(`countyAdvocacy.severities.${i.severity}`)}
                </span>{' '}
                ({t('boardReport.raisedOn', { date: formatDate(i.raisedOn, language) })};{' '}
                {t(`boardReport.atPeriodEnd.${i.atPeriodEnd}`)})
              </p>
              <p className="margin-y-05 harbor-pre-wrap">{i.description}</p>
              <p className="margin-y-05 harbor-pre-wrap">
                <span className="text-bold">{t('boardReport.recommendation')}</span> {i.recommendation}
              </p>
              {i.resolution && (
                <p className="margin-y-05 harbor-pre-wrap">
                  <span className="text-bold">{t('boardReport.resolution')}</span> {i.resolution}
                </p>
              )}
            </article>
          </li>
        ))}
      </ul>
    </>
  );
}
