// The State CSEC Program report (GET /api/reports/state; src/contract/state-report.ts): the
// state's counting rule, the Type table beside the County Plans, youth identified only during a
// hotline investigation, each county's figures and data-quality counts, the limitations, and the
// same report as CSV, XLSX and PDF. County staff see their own county; state analysts choose a
// county or every county with data. Counts only: never a name or a row.
import { Button, Checkbox, Fieldset, Radio, Select } from '@trussworks/react-uswds';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { CountyRowT, CountT, ParticipationT, StateReportT } from '../../contract/state-report';
import { STATE_REPORT_VERSIONS } from '../../contract/state-report';
import { ApiErrorView } from '../components/ApiErrorView';
import { DateRangeFields, dateRangeProblems } from '../components/DateRangeFields';
import { ErrorSummary, type FieldProblem } from '../components/ErrorSummary';
import { Field } from '../components/Field';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { formatDate, formatDateTime } from '../lib/format';
import { can } from '../lib/roles';
import { useApi } from '../lib/useApi';
import { useLanguage } from '../lib/useLanguage';
import { useActiveSession } from '../auth/SessionContext';
import { currentFiscalYear, DAY, FISCAL_YEAR, fiscalYearChoices, useFiscalYearLabel, useStateFigures } from './common';
import { TypeChart } from './TypeChart';
import './state.css';

type Version = (typeof STATE_REPORT_VERSIONS)[number];

interface Choice {
  mode: 'fiscalYear' | 'custom';
  fiscalYear: string;
  from: string;
  to: string;
  /** '' : the fiscal year the period overlaps most (the server's default). */
  planYear: string;
  /** '' : every county with data (state analysts); county staff always see their own. */
  county: string;
  optedIn: boolean;
  version: Version;
}

const COUNTY_CODE = /^[a-z0-9-]{1,40}$/;

function readChoice(params: URLSearchParams): Choice {
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const custom = DAY.test(from) && DAY.test(to);
  const fy = params.get('fiscalYear') ?? '';
  const planYear = params.get('planYear') ?? '';
  const county = params.get('county') ?? '';
  return {
    mode: custom ? 'custom' : 'fiscalYear',
    fiscalYear: FISCAL_YEAR.test(fy) ? fy : currentFiscalYear(),
    from: custom ? from : '',
    to: custom ? to : '',
    planYear: FISCAL_YEAR.test(planYear) ? planYear : '',
    county: COUNTY_CODE.test(county) ? county : '',
    optedIn: params.get('optedIn') === 'true',
    version: params.get('version') === 'public' ? 'public' : 'internal',
  };
}

function toQuery(c: Choice, statewide: boolean): string {
  const q = new URLSearchParams();
  if (c.mode === 'custom') {
    q.set('from', c.from);
    q.set('to', c.to);
  } else q.set('fiscalYear', c.fiscalYear);
  if (c.planYear) q.set('planYear', c.planYear);
  if (statewide && c.county) q.set('county', c.county);
  if (statewide && c.optedIn) q.set('optedIn', 'true');
  q.set('version', c.version);
  return q.toString();
}

export function StateReportPage() {
  const { t } = useTranslation();
  const session = useActiveSession();
  // State analysts read every county; county staff their own.
  const statewide = can(session, 'figures.all_counties');
  const [params, setParams] = useSearchParams();
  const choice = readChoice(params);
  const query = toQuery(choice, statewide);
  const { result, reload } = useApi<StateReportT>(`/api/reports/state?${query}`);

  return (
    <>
      <PageHeading documentTitle={t('stateReport.title')}>{t('stateReport.title')}</PageHeading>
      <p className="usa-intro">
        {statewide ? t('stateReport.introState') : t('stateReport.introCounty', { county: session.user.county.name })}
      </p>
      <ChoiceForm
        key={query}
        choice={choice}
        statewide={statewide}
        onApply={(c) => setParams(new URLSearchParams(toQuery(c, statewide)))}
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
  statewide,
  onApply,
}: {
  choice: Choice;
  statewide: boolean;
  onApply: (c: Choice) => void;
}) {
  const { t } = useTranslation();
  const fyLabel = useFiscalYearLabel();
  const [c, setC] = useState(choice);
  const [problems, setProblems] = useState<{ list: FieldProblem[]; attempt: number } | null>(null);
  const attempt = useRef(0);
  const years = fiscalYearChoices();
  if (!years.includes(c.fiscalYear)) years.push(c.fiscalYear);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    attempt.current += 1;
    const list: FieldProblem[] = [];
    if (c.mode === 'custom') {
      list.push(
        ...dateRangeProblems(c, 'state', {
          from: t('stateReport.errors.from'),
          to: t('stateReport.errors.to'),
          order: t('stateReport.errors.order'),
        }),
      );
      if (c.version === 'public')
        list.push({ field: 'state-version-public', message: t('stateReport.errors.publicYears') });
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
      aria-labelledby="state-choice-heading"
    >
      <h2 id="state-choice-heading">{t('stateReport.choose')}</h2>
      {problems && <ErrorSummary key={problems.attempt} problems={problems.list} />}
      <Fieldset legend={t('stateReport.period')} id="state-period">
        <Radio
          id="state-period-fiscal-year"
          name="mode"
          value="fiscalYear"
          checked={c.mode === 'fiscalYear'}
          onChange={() => setC({ ...c, mode: 'fiscalYear' })}
          label={t('stateReport.modes.fiscalYear')}
        />
        <Radio
          id="state-period-custom"
          name="mode"
          value="custom"
          checked={c.mode === 'custom'}
          onChange={() => setC({ ...c, mode: 'custom' })}
          label={t('stateReport.modes.custom')}
        />
      </Fieldset>
      {c.mode === 'fiscalYear' ? (
        <Field id="state-fiscal-year" label={t('stateCommon.fiscalYear')} hint={t('stateCommon.fiscalYearHint')}>
          {(d) => (
            <Select
              id="state-fiscal-year"
              name="fiscalYear"
              value={c.fiscalYear}
              aria-describedby={d}
              onChange={(e) => setC({ ...c, fiscalYear: e.target.value })}
            >
              {years.map((fy) => (
                <option key={fy} value={fy}>
                  {fyLabel(fy)}
                </option>
              ))}
            </Select>
          )}
        </Field>
      ) : (
        <div className="harbor-date-pair">
          <DateRangeFields
            idPrefix="state"
            range={c}
            onChange={(r) => setC({ ...c, ...r })}
            labels={{ from: t('stateReport.from'), to: t('stateReport.to') }}
            errorFor={errorFor}
          />
        </div>
      )}
      <Field id="state-plan-year" label={t('stateReport.planYear')} hint={t('stateReport.planYearHint')}>
        {(d) => (
          <Select
            id="state-plan-year"
            name="planYear"
            value={c.planYear}
            aria-describedby={d}
            onChange={(e) => setC({ ...c, planYear: e.target.value })}
          >
            <option value="">{t('stateReport.planYearDefault')}</option>
            {fiscalYearChoices().map((fy) => (
              <option key={fy} value={fy}>
                {fy}
              </option>
            ))}
          </Select>
        )}
      </Field>
      {statewide && <CountyChoice c={c} setC={setC} />}
      <Fieldset legend={t('stateReport.version')} id="state-version">
        {STATE_REPORT_VERSIONS.map((v) => (
          <Radio
            key={v}
            id={`state-version-${v}`}
            name="version"
            value={v}
            checked={c.version === v}
            onChange={() => setC({ ...c, version: v })}
            label={t(`stateReport.versions.${v}`)}
            labelDescription={t(`stateReport.versionHints.${v}`)}
          />
        ))}
      </Fieldset>
      <Button type="submit" className="margin-top-2">
        {t('stateReport.show')}
      </Button>
    </form>
  );
}

/** The state analyst's choice of counties: one county by name, or every county with data. */
function CountyChoice({ c, setC }: { c: Choice; setC: (c: Choice) => void }) {
  const { t } = useTranslation();
  const { result } = useApi<ParticipationT[]>(`/api/state/participation?fiscalYear=${currentFiscalYear()}`);
  const counties =
    result.status === 'ok' ? [...result.data].sort((a, b) => a.countyName.localeCompare(b.countyName)) : [];
  return (
    <>
      <Field
        id="state-county"
        label={t('stateReport.county')}
        hint={result.status === 'error' ? t('stateReport.countiesFailed') : t('stateReport.countyHint')}
      >
        {(d) => (
          <Select
            id="state-county"
            name="county"
            value={c.county}
            aria-describedby={d}
            onChange={(e) => setC({ ...c, county: e.target.value })}
          >
            <option value="">{t('stateReport.everyCounty')}</option>
            {c.county && !counties.some((x) => x.county === c.county) && <option value={c.county}>{c.county}</option>}
            {counties.map((x) => (
              <option key={x.county} value={x.county}>
                {x.countyName}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <div className="margin-top-3">
        <Checkbox
          id="state-opted-in"
          name="optedIn"
          label={t('stateReport.optedIn')}
          labelDescription={t('stateReport.optedInHint')}
          checked={c.optedIn}
          onChange={(e) => setC({ ...c, optedIn: e.target.checked })}
        />
      </div>
    </>
  );
}

function Report({ report, query }: { report: StateReportT; query: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const f = useStateFigures();
  const tt = report.typeTable;
  const say = (x: { en: string; es: string }) => (language === 'es' ? x.es : x.en);
  const download = (ext: string, label: string) => (
    <li className="usa-button-group__item">
      <a className="usa-button usa-button--outline" href={`/api/reports/state.${ext}?${query}`} download>
        {label}
      </a>
    </li>
  );
  const diff = (plans: CountT | null, harbor: CountT) =>
    typeof plans === 'number' && typeof harbor === 'number' ? f.difference(plans - harbor) : t('stateCommon.noFigure');

  return (
    <>
      <section aria-labelledby="state-report-heading" className="harbor-section">
        <h2 id="state-report-heading">
          {t('stateReport.periodHeading', {
            from: formatDate(report.period.from, language),
            to: formatDate(report.period.to, language),
          })}
        </h2>
        <p>
          {t(`stateReport.showingVersion.${report.version}`)}{' '}
          {report.scope.kind === 'state'
            ? t('stateReport.scopeState', { count: report.scope.counties })
            : t('stateReport.scopeCounty')}
          {report.scope.optedInOnly && <> {t('stateReport.scopeOptedIn')}</>}{' '}
          {t('stateReport.planYearIs', { fy: report.planYear })}{' '}
          {t('stateReport.generated', { when: formatDateTime(report.generatedAt, language) })}
        </p>
        <div className="usa-summary-box margin-bottom-3" role="region" aria-labelledby="state-rule-heading">
          <div className="usa-summary-box__body">
            <h3 className="usa-summary-box__heading" id="state-rule-heading">
              {t('stateReport.ruleHeading')}
            </h3>
            <div className="usa-summary-box__text">
              <p className="harbor-pre-wrap margin-y-0">{say(report.rule)}</p>
            </div>
          </div>
        </div>
        {report.suppression && (
          <p className="usa-hint">
            {language === 'es' ? report.suppression.noteEs : report.suppression.note} {t('stateReport.fewerThan11Note')}
          </p>
        )}
        <ul className="usa-button-group margin-bottom-3" aria-label={t('stateReport.downloads')}>
          {download('pdf', t('stateReport.downloadPdf'))}
          {download('xlsx', t('stateReport.downloadXlsx'))}
          {download('csv', t('stateReport.downloadCsv'))}
        </ul>
      </section>

      <section aria-labelledby="state-types-heading" className="harbor-section">
        <h2 id="state-types-heading">{t('stateReport.typesHeading')}</h2>
        <p>{t('stateReport.typesIntro')}</p>
        <div className="harbor-state-table" role="region" aria-labelledby="state-types-caption" tabIndex={0}>
          <table className="usa-table usa-table--borderless">
            <caption id="state-types-caption">{t('stateReport.typesCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('stateReport.type')}</th>
                <th scope="col">{t('stateReport.harbor')}</th>
                <th scope="col">{t('stateReport.plans')}</th>
                <th scope="col">{t('stateReport.difference')}</th>
              </tr>
            </thead>
            <tbody>
              {tt.rows.map((r) => (
                <tr key={r.type}>
                  <th scope="row">{t(`csecTypes.${r.type}.label`)}</th>
                  <td data-figure={`harbor-${r.type}`}>{f.count(r.youth)}</td>
                  <td>{f.count(r.plans)}</td>
                  <td>{diff(r.plans, r.youth)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('stateReport.victimsTotal')}</th>
                <td data-figure="harbor-victims">{f.count(tt.victims)}</td>
                <td>{f.count(tt.plansVictims)}</td>
                <td>{diff(tt.plansVictims, tt.victims)}</td>
              </tr>
              <tr>
                <th scope="row">{t('stateReport.atRiskTotal')}</th>
                <td data-figure="harbor-at-risk">{f.count(tt.atRisk)}</td>
                <td>{f.count(tt.plansAtRisk)}</td>
                <td>{diff(tt.plansAtRisk, tt.atRisk)}</td>
              </tr>
              <tr>
                <th scope="row">{t('stateReport.total')}</th>
                <td data-figure="harbor-total">{f.count(tt.total)}</td>
                <td colSpan={2} />
              </tr>
            </tfoot>
          </table>
        </div>
        <p className="usa-hint">{t('stateReport.differenceHint')}</p>
        <TypeChart table={tt} />
      </section>

      <section aria-labelledby="state-referral-heading" className="harbor-section">
        <h2 id="state-referral-heading">{t('stateReport.referralHeading')}</h2>
        <p>{t('stateReport.referralIntro')}</p>
        <div className="harbor-state-table" role="region" aria-labelledby="state-referral-caption" tabIndex={0}>
          <table className="usa-table usa-table--borderless">
            <caption id="state-referral-caption">{t('stateReport.referralCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('stateReport.type')}</th>
                <th scope="col">{t('stateReport.youth')}</th>
              </tr>
            </thead>
            <tbody>
              {report.referralOnly.rows.map((r) => (
                <tr key={r.type}>
                  <th scope="row">{t(`csecTypes.${r.type}.label`)}</th>
                  <td>{f.count(r.youth)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('stateReport.victimsTotal')}</th>
                <td>{f.count(report.referralOnly.victims)}</td>
              </tr>
              <tr>
                <th scope="row">{t('stateReport.atRiskTotal')}</th>
                <td>{f.count(report.referralOnly.atRisk)}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      </section>

      <CountySections counties={report.counties} />

      <section aria-labelledby="state-limitations-heading" className="harbor-section">
        <h2 id="state-limitations-heading">{t('stateReport.limitationsHeading')}</h2>
        {report.limitations.length === 0 ? (
          <p>{t('stateReport.noLimitations')}</p>
        ) : (
          <ul className="usa-list">
            {report.limitations.map((l) => (
              <li key={l.code}>{say(l)}</li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

function CountySections({ counties }: { counties: CountyRowT[] }) {
  const { t } = useTranslation();
  const f = useStateFigures();
  const participation = (c: CountyRowT) =>
    c.optedIn
      ? c.tier
        ? t('stateReport.optedInTier', { tier: c.tier })
        : t('stateReport.optedInYes')
      : t('stateReport.optedInNo');
  const DQ = [
    'typesWithoutSubcategory',
    'referralOnlyYouth',
    'typesOutsidePeriod',
    'typesWithoutCase',
    'likelyDuplicates',
    'youthWithoutDateOfBirth',
    'openDataQualityIssues',
  ] as const;
  return (
    <>
      <section aria-labelledby="state-counties-heading" className="harbor-section">
        <h2 id="state-counties-heading">{t('stateReport.countiesHeading')}</h2>
        {counties.length === 0 ? (
          <p>{t('stateReport.noCounties')}</p>
        ) : (
          <>
            <p className="usa-hint">{t('stateReport.countiesHint')}</p>
            <div className="harbor-state-table" role="region" aria-labelledby="state-counties-caption" tabIndex={0}>
              <table className="usa-table usa-table--borderless usa-table--compact">
                <caption id="state-counties-caption">{t('stateReport.countiesCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('stateReport.countyColumn')}</th>
                    <th scope="col">{t('stateReport.program')}</th>
                    <th scope="col">{t('stateReport.victims')}</th>
                    <th scope="col">{t('stateReport.atRisk')}</th>
                    <th scope="col">{t('stateReport.population')}</th>
                    <th scope="col">{t('stateReport.ratio')}</th>
                    <th scope="col">{t('stateReport.plansVictims')}</th>
                    <th scope="col">{t('stateReport.plansAtRisk')}</th>
                    <th scope="col">{t('stateReport.victimsDifference')}</th>
                    <th scope="col">{t('stateReport.atRiskDifference')}</th>
                  </tr>
                </thead>
                <tbody>
                  {counties.map((c) => (
                    <tr key={c.code}>
                      <th scope="row">{c.name}</th>
                      <td>{participation(c)}</td>
                      <td>{f.count(c.victims)}</td>
                      <td>{f.count(c.atRisk)}</td>
                      <td>{f.number(c.population)}</td>
                      <td>{f.percent(c.victimRatio)}</td>
                      <td>{c.plans ? f.count(c.plans.victimsServed) : t('stateReport.noPlans')}</td>
                      <td>{c.plans ? f.count(c.plans.atRiskIdentified) : t('stateReport.noPlans')}</td>
                      <td>{f.difference(c.victimsDifference)}</td>
                      <td>{f.difference(c.atRiskDifference)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>
      {counties.length > 0 && (
        <section aria-labelledby="state-dq-heading" className="harbor-section">
          <h2 id="state-dq-heading">{t('stateReport.dqHeading')}</h2>
          <p>{t('stateReport.dqIntro')}</p>
          <div className="harbor-state-table" role="region" aria-labelledby="state-dq-caption" tabIndex={0}>
            <table className="usa-table usa-table--borderless usa-table--compact">
              <caption id="state-dq-caption">{t('stateReport.dqCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('stateReport.countyColumn')}</th>
                  {DQ.map((k) => (
                    <th key={k} scope="col">
                      {t(`stateReport.dq.${k}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {counties.map((c) => (
                  <tr key={c.code}>
                    <th scope="row">{c.name}</th>
                    {DQ.map((k) => (
                      <td key={k}>{f.count(c.dataQuality[k])}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </>
  );
}
