// Submissions to the state (/api/state/submissions): the county analyst makes the county's
// submission for a period (its figures under the state's counting rule and a de-identified row
// file), refreshes it, submits it and reads the state's comments when it comes back; the state
// analyst sees every county's submissions for a period, accepts or returns them with comments,
// and compares what was submitted with Harbor's imported extract (the roll-up).
import { Button, ButtonGroup, Fieldset, Radio, Select, Textarea } from '@trussworks/react-uswds';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { CSEC_TYPE_CODES } from '../../domain/csec-type';
import type { SubmissionRollupT, SubmissionT } from '../../contract/state-report';
import { api, ApiError } from '../api';
import { ActionErrorAlert, toActionError, type ActionError } from '../components/ActionErrorAlert';
import { ApiErrorView } from '../components/ApiErrorView';
import { DateTimeInput } from '../components/DateTimeInput';
import { DetailList } from '../components/DetailList';
import { ErrorSummary, type FieldProblem } from '../components/ErrorSummary';
import { Field } from '../components/Field';
import { FocusedAlert } from '../components/FocusedAlert';
import { Loading } from '../components/Loading';
import { Notice } from '../components/Notice';
import { PageHeading } from '../components/PageHeading';
import { formatCountyDateTime, formatDate } from '../lib/format';
import { useApi } from '../lib/useApi';
import { useLanguage } from '../lib/useLanguage';
import { useActiveSession } from '../auth/SessionContext';
import {
  canReviewSubmissions,
  canSubmitToState,
  DAY,
  FISCAL_YEAR,
  fiscalYearChoices,
  fiscalYearOf,
  fiscalYearPeriod,
  lastFiscalYear,
  useFiscalYearLabel,
  useStateFigures,
} from './common';
import './state.css';

type Status = SubmissionT['status'];
type Figures = SubmissionT['figures'];

interface Period {
  from: string;
  to: string;
}

function readPeriod(params: URLSearchParams): Period {
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  if (DAY.test(from) && DAY.test(to) && from <= to) return { from, to };
  const fy = params.get('fiscalYear') ?? '';
  return fiscalYearPeriod(FISCAL_YEAR.test(fy) ? fy : lastFiscalYear());
}

const periodQuery = (p: Period) => new URLSearchParams({ from: p.from, to: p.to }).toString();

/** The fiscal year a period is exactly, or null. */
function fiscalYearIs(p: Period): string | null {
  const fy = fiscalYearOf(p.from);
  const whole = fiscalYearPeriod(fy);
  return whole.from === p.from && whole.to === p.to ? fy : null;
}

export function SubmissionsPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const session = useActiveSession();
  const [params, setParams] = useSearchParams();
  const period = readPeriod(params);
  const query = periodQuery(period);
  const submitter = canSubmitToState(session);
  const reviewer = canReviewSubmissions(session);

  return (
    <>
      <PageHeading documentTitle={t('stateSubmissions.title')}>{t('stateSubmissions.title')}</PageHeading>
      <p className="usa-intro">
        {reviewer
          ? t('stateSubmissions.introState')
          : t('stateSubmissions.introCounty', { county: session.user.county.name })}
      </p>
      <PeriodForm key={query} period={period} onApply={(p) => setParams(new URLSearchParams(periodQuery(p)))} />
      <h2 className="margin-top-4">
        {t('stateSubmissions.periodHeading', {
          from: formatDate(period.from, language),
          to: formatDate(period.to, language),
        })}
      </h2>
      {submitter && <CountySubmission key={`county:${query}`} period={period} />}
      {reviewer && <Review key={`state:${query}`} period={period} />}
    </>
  );
}

function PeriodForm({ period, onApply }: { period: Period; onApply: (p: Period) => void }) {
  const { t } = useTranslation();
  const fyLabel = useFiscalYearLabel();
  const initialFy = fiscalYearIs(period);
  const [mode, setMode] = useState<'fiscalYear' | 'custom'>(initialFy ? 'fiscalYear' : 'custom');
  const [fy, setFy] = useState(initialFy ?? lastFiscalYear());
  const [from, setFrom] = useState(initialFy ? '' : period.from);
  const [to, setTo] = useState(initialFy ? '' : period.to);
  const [problems, setProblems] = useState<{ list: FieldProblem[]; attempt: number } | null>(null);
  const attempt = useRef(0);
  const years = fiscalYearChoices();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    attempt.current += 1;
    if (mode === 'fiscalYear') {
      setProblems(null);
      onApply(fiscalYearPeriod(fy));
      return;
    }
    const list: FieldProblem[] = [];
    if (!DAY.test(from)) list.push({ field: 'submission-from', message: t('stateReport.errors.from') });
    if (!DAY.test(to)) list.push({ field: 'submission-to', message: t('stateReport.errors.to') });
    else if (DAY.test(from) && to < from) list.push({ field: 'submission-to', message: t('stateReport.errors.order') });
    if (list.length) {
      setProblems({ list, attempt: attempt.current });
      return;
    }
    setProblems(null);
    onApply({ from, to });
  };
  const errorFor = (field: string) => problems?.list.find((p) => p.field === field)?.message;

  return (
    <form className="usa-form harbor-wide-form" noValidate onSubmit={submit} aria-labelledby="submission-choice">
      <h2 id="submission-choice">{t('stateSubmissions.choose')}</h2>
      {problems && <ErrorSummary key={problems.attempt} problems={problems.list} />}
      <Fieldset legend={t('stateReport.period')}>
        <Radio
          id="submission-mode-fiscal-year"
          name="mode"
          value="fiscalYear"
          checked={mode === 'fiscalYear'}
          onChange={() => setMode('fiscalYear')}
          label={t('stateReport.modes.fiscalYear')}
        />
        <Radio
          id="submission-mode-custom"
          name="mode"
          value="custom"
          checked={mode === 'custom'}
          onChange={() => setMode('custom')}
          label={t('stateReport.modes.custom')}
        />
      </Fieldset>
      {mode === 'fiscalYear' ? (
        <Field
          id="submission-fiscal-year"
          label={t('stateCommon.fiscalYear')}
          hint={t('stateSubmissions.fiscalYearHint')}
        >
          {(d) => (
            <Select
              id="submission-fiscal-year"
              name="fiscalYear"
              value={fy}
              aria-describedby={d}
              onChange={(e) => setFy(e.target.value)}
            >
              {(years.includes(fy) ? years : [fy, ...years]).map((y) => (
                <option key={y} value={y}>
                  {fyLabel(y)}
                </option>
              ))}
            </Select>
          )}
        </Field>
      ) : (
        <div className="harbor-date-pair">
          <Field id="submission-from" label={t('stateReport.from')} error={errorFor('submission-from')}>
            {(d) => (
              <DateTimeInput
                id="submission-from"
                name="from"
                kind="date"
                value={from}
                invalid={!!errorFor('submission-from')}
                aria-describedby={d}
                onChange={(e) => setFrom(e.target.value)}
              />
            )}
          </Field>
          <Field id="submission-to" label={t('stateReport.to')} error={errorFor('submission-to')}>
            {(d) => (
              <DateTimeInput
                id="submission-to"
                name="to"
                kind="date"
                value={to}
                invalid={!!errorFor('submission-to')}
                aria-describedby={d}
                onChange={(e) => setTo(e.target.value)}
              />
            )}
          </Field>
        </div>
      )}
      <Button type="submit" className="margin-top-2">
        {t('stateSubmissions.show')}
      </Button>
    </form>
  );
}

export function StatusTag({ status }: { status: Status }) {
  const { t } = useTranslation();
  return (
    <span className={`usa-tag harbor-state-status harbor-state-status--${status}`}>
      {t(`stateSubmissions.statuses.${status}`)}
    </span>
  );
}

/** A submission's counts: youth per Type, victims, at risk, and youth found only on a referral. */
function FiguresTable({ figures, caption }: { figures: Figures; caption: string }) {
  const { t } = useTranslation();
  const f = useStateFigures();
  return (
    <table className="usa-table usa-table--borderless">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('stateReport.type')}</th>
          <th scope="col">{t('stateReport.youth')}</th>
        </tr>
      </thead>
      <tbody>
        {CSEC_TYPE_CODES.map((type) => (
          <tr key={type}>
            <th scope="row">{t(`csecTypes.${type}.label`)}</th>
            <td>{f.number(figures.typeTable[type] ?? 0)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{t('stateReport.victims')}</th>
          <td data-figure="victims">{f.number(figures.victims)}</td>
        </tr>
        <tr>
          <th scope="row">{t('stateReport.atRisk')}</th>
          <td data-figure="at-risk">{f.number(figures.atRisk)}</td>
        </tr>
        <tr>
          <th scope="row">{t('stateSubmissions.referralOnlyYouth')}</th>
          <td>{f.number(figures.referralOnlyYouth)}</td>
        </tr>
      </tfoot>
    </table>
  );
}

type Action = 'create' | 'refresh' | 'submit';

/** The county analyst's submission for the period: make it, refresh it, submit it. */
function CountySubmission({ period }: { period: Period }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const f = useStateFigures();
  const { result, reload, refresh } = useApi<SubmissionT[]>(`/api/state/submissions?${periodQuery(period)}`);
  const [latest, setLatest] = useState<SubmissionT | null>(null);
  const [busy, setBusy] = useState<Action | null>(null);
  const [done, setDone] = useState<{ action: Action; n: number } | null>(null);
  const [failure, setFailure] = useState<ActionError | null>(null);
  const [conflict, setConflict] = useState<number | null>(null);
  const attempt = useRef(0);

  const listed =
    result.status === 'ok'
      ? (result.data.find((s) => s.period.from === period.from && s.period.to === period.to) ?? null)
      : undefined;
  const submission = latest && (!listed || latest.version >= listed.version) ? latest : listed;

  const act = async (action: Action) => {
    const n = ++attempt.current;
    setFailure(null);
    setConflict(null);
    setDone(null);
    setBusy(action);
    try {
      const answer =
        action === 'create'
          ? await api<SubmissionT>('/api/state/submissions', { method: 'POST', body: period })
          : await api<SubmissionT>(`/api/state/submissions/${submission!.id}/${action}`, {
              method: 'POST',
              body: { version: submission!.version },
            });
      setLatest(answer);
      setDone({ action, n });
      refresh();
    } catch (err) {
      if (err instanceof ApiError && err.status === 409 && err.code === 'stale_version') setConflict(n);
      else setFailure(toActionError(err, n));
    } finally {
      setBusy(null);
    }
  };

  const reloadAll = () => {
    setLatest(null);
    setConflict(null);
    reload();
  };

  return (
    <section className="harbor-section" aria-labelledby="county-submission-heading">
      <h2 id="county-submission-heading">{t('stateSubmissions.countyHeading')}</h2>
      {done && (
        <Notice key={done.n}>
          <p className="usa-alert__text">{t(`stateSubmissions.done.${done.action}`)}</p>
        </Notice>
      )}
      {conflict !== null && (
        <FocusedAlert key={conflict} heading={t('stateSubmissions.conflict.heading')} headingLevel="h3">
          <p className="usa-alert__text">{t('stateSubmissions.conflict.body')}</p>
          <p className="usa-alert__text">
            <Button type="button" onClick={reloadAll}>
              {t('stateSubmissions.conflict.reload')}
            </Button>
          </p>
        </FocusedAlert>
      )}
      {failure && (
        <ActionErrorAlert
          key={failure.attempt}
          error={failure}
          heading={t('stateSubmissions.failed')}
          messageKeys={{ 409: 'stateSubmissions.conflictGeneric' }}
        />
      )}
      <div aria-live="polite" className="usa-sr-only">
        {busy ? t(`stateSubmissions.busy.${busy}`) : ''}
      </div>
      {result.status === 'error' && !latest ? (
        <ApiErrorView error={result.error} onRetry={reload} />
      ) : submission === undefined ? (
        <Loading />
      ) : submission === null ? (
        <>
          <p>{t('stateSubmissions.noneYet')}</p>
          <p className="usa-hint">{t('stateSubmissions.createHint')}</p>
          <Button type="button" disabled={busy !== null} onClick={() => void act('create')}>
            {busy === 'create' ? t('stateSubmissions.busy.create') : t('stateSubmissions.create')}
          </Button>
        </>
      ) : (
        <>
          <p>
            <StatusTag status={submission.status} />
          </p>
          <p>{t(`stateSubmissions.statusHelp.${submission.status}`)}</p>
          {submission.status === 'returned' && submission.reviewComments && (
            <div className="harbor-state-comments margin-bottom-3" role="region" aria-labelledby="state-comments">
              <h3 id="state-comments" className="margin-top-0">
                {t('stateSubmissions.commentsHeading')}
              </h3>
              <p className="harbor-pre-wrap margin-bottom-0">{submission.reviewComments}</p>
            </div>
          )}
          <DetailList
            wideLabels
            items={[
              { key: 'county', label: t('stateSubmissions.county'), value: submission.countyName },
              {
                key: 'period',
                label: t('stateSubmissions.period'),
                value: t('stateSubmissions.periodValue', {
                  from: formatDate(submission.period.from, language),
                  to: formatDate(submission.period.to, language),
                }),
              },
              { key: 'rows', label: t('stateSubmissions.rows'), value: f.number(submission.rowCount) },
              {
                key: 'refreshed',
                label: t('stateSubmissions.refreshedAt'),
                value: formatCountyDateTime(submission.refreshedAt, language),
              },
              {
                key: 'submitted',
                label: t('stateSubmissions.submittedAt'),
                value: submission.submittedAt
                  ? formatCountyDateTime(submission.submittedAt, language)
                  : t('stateSubmissions.notYet'),
              },
              ...(submission.reviewedAt
                ? [
                    {
                      key: 'reviewed',
                      label: t('stateSubmissions.reviewedAt'),
                      value: formatCountyDateTime(submission.reviewedAt, language),
                    },
                  ]
                : []),
            ]}
          />
          <FiguresTable figures={submission.figures} caption={t('stateSubmissions.figuresCaption')} />
          {(submission.status === 'draft' || submission.status === 'returned') && (
            <>
              <p className="usa-hint">{t('stateSubmissions.submitHint')}</p>
              <ButtonGroup>
                <Button type="button" outline disabled={busy !== null} onClick={() => void act('refresh')}>
                  {busy === 'refresh' ? t('stateSubmissions.busy.refresh') : t('stateSubmissions.refresh')}
                </Button>
                <Button type="button" disabled={busy !== null} onClick={() => void act('submit')}>
                  {busy === 'submit' ? t('stateSubmissions.busy.submit') : t('stateSubmissions.submit')}
                </Button>
              </ButtonGroup>
            </>
          )}
          <p className="margin-top-3">
            <a className="usa-link" href={`/api/state/submissions/${submission.id}/rows.csv`} download>
              {t('stateSubmissions.downloadRows', { count: submission.rowCount })}
            </a>
          </p>
          <p className="usa-hint">{t('stateSubmissions.rowsHint')}</p>
        </>
      )}
    </section>
  );
}

/** The state analyst's review: every county's submissions for the period, then the roll-up. */
function Review({ period }: { period: Period }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const f = useStateFigures();
  const list = useApi<SubmissionT[]>(`/api/state/submissions?${periodQuery(period)}`);
  const rollup = useApi<SubmissionRollupT>(`/api/state/submissions/rollup?${periodQuery(period)}`);
  const [returning, setReturning] = useState<SubmissionT | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [done, setDone] = useState<{ message: string; n: number } | null>(null);
  const [failure, setFailure] = useState<ActionError | null>(null);
  const attempt = useRef(0);

  const after = (message: string) => {
    setDone((d) => ({ message, n: (d?.n ?? 0) + 1 }));
    list.refresh();
    rollup.refresh();
  };

  const accept = async (s: SubmissionT) => {
    const n = ++attempt.current;
    setFailure(null);
    setDone(null);
    setBusy(s.id);
    try {
      await api<SubmissionT>(`/api/state/submissions/${s.id}/accept`, { method: 'POST', body: { version: s.version } });
      after(t('stateSubmissions.accepted', { county: s.countyName }));
    } catch (err) {
      setFailure(toActionError(err, n));
    } finally {
      setBusy(null);
    }
  };

  const submissions =
    list.result.status === 'ok' ? [...list.result.data].sort((a, b) => a.countyName.localeCompare(b.countyName)) : [];

  return (
    <>
      <section className="harbor-section" aria-labelledby="review-heading">
        <h2 id="review-heading">{t('stateSubmissions.reviewHeading')}</h2>
        {done && (
          <Notice key={done.n}>
            <p className="usa-alert__text">{done.message}</p>
          </Notice>
        )}
        {failure && (
          <ActionErrorAlert
            key={failure.attempt}
            error={failure}
            heading={t('stateSubmissions.failed')}
            messageKeys={{ 409: 'stateSubmissions.conflictGeneric' }}
          />
        )}
        {list.result.status === 'error' ? (
          <ApiErrorView error={list.result.error} onRetry={list.reload} />
        ) : list.result.status === 'loading' ? (
          <Loading />
        ) : submissions.length === 0 ? (
          <p>{t('stateSubmissions.noneInPeriod')}</p>
        ) : (
          <div className="harbor-state-table" role="region" aria-labelledby="review-caption" tabIndex={0}>
            <table className="usa-table usa-table--borderless usa-table--compact">
              <caption id="review-caption">{t('stateSubmissions.reviewCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('stateSubmissions.county')}</th>
                  <th scope="col">{t('stateSubmissions.period')}</th>
                  <th scope="col">{t('stateSubmissions.status')}</th>
                  <th scope="col">{t('stateReport.victims')}</th>
                  <th scope="col">{t('stateReport.atRisk')}</th>
                  <th scope="col">{t('stateSubmissions.referralOnlyYouth')}</th>
                  <th scope="col">{t('stateSubmissions.rows')}</th>
                  <th scope="col">{t('stateSubmissions.submittedAt')}</th>
                  <th scope="col">{t('stateSubmissions.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {submissions.map((s) => (
                  <tr key={s.id}>
                    <th scope="row">{s.countyName}</th>
                    <td>
                      {t('stateSubmissions.periodValue', {
                        from: formatDate(s.period.from, language),
                        to: formatDate(s.period.to, language),
                      })}
                    </td>
                    <td>
                      <StatusTag status={s.status} />
                      {s.status === 'returned' && s.reviewComments && (
                        <span className="display-block harbor-pre-wrap margin-top-05">{s.reviewComments}</span>
                      )}
                    </td>
                    <td>{f.number(s.figures.victims)}</td>
                    <td>{f.number(s.figures.atRisk)}</td>
                    <td>{f.number(s.figures.referralOnlyYouth)}</td>
                    <td>
                      {f.number(s.rowCount)}
                      <a
                        className="usa-link display-block"
                        href={`/api/state/submissions/${s.id}/rows.csv`}
                        download
                        aria-label={t('stateSubmissions.rowsFor', { county: s.countyName })}
                      >
                        {t('stateSubmissions.rowsLink')}
                      </a>
                    </td>
                    <td>
                      {s.submittedAt ? formatCountyDateTime(s.submittedAt, language) : t('stateSubmissions.notYet')}
                    </td>
                    <td>
                      {s.status === 'submitted' ? (
                        <ButtonGroup type="default">
                          <Button
                            type="button"
                            disabled={busy !== null}
                            aria-label={t('stateSubmissions.acceptFor', { county: s.countyName })}
                            onClick={() => void accept(s)}
                          >
                            {t('stateSubmissions.accept')}
                          </Button>
                          <Button
                            type="button"
                            outline
                            disabled={busy !== null}
                            aria-label={t('stateSubmissions.returnFor', { county: s.countyName })}
                            onClick={() => setReturning(s)}
                          >
                            {t('stateSubmissions.return')}
                          </Button>
                        </ButtonGroup>
                      ) : (
                        t('stateSubmissions.noAction')
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {returning && (
          <ReturnForm
            key={returning.id}
            submission={returning}
            onCancel={() => setReturning(null)}
            onReturned={() => {
              const county = returning.countyName;
              setReturning(null);
              after(t('stateSubmissions.returned', { county }));
            }}
          />
        )}
      </section>

      <section className="harbor-section" aria-labelledby="rollup-heading">
        <h2 id="rollup-heading">{t('stateSubmissions.rollupHeading')}</h2>
        <p>{t('stateSubmissions.rollupIntro')}</p>
        {rollup.result.status === 'error' ? (
          <ApiErrorView error={rollup.result.error} onRetry={rollup.reload} />
        ) : rollup.result.status === 'loading' ? (
          <Loading />
        ) : (
          <Rollup rollup={rollup.result.data} />
        )}
      </section>
    </>
  );
}

function ReturnForm({
  submission,
  onCancel,
  onReturned,
}: {
  submission: SubmissionT;
  onCancel: () => void;
  onReturned: () => void;
}) {
  const { t } = useTranslation();
  const [comments, setComments] = useState('');
  const [problems, setProblems] = useState<{ list: FieldProblem[]; attempt: number } | null>(null);
  const [failure, setFailure] = useState<ActionError | null>(null);
  const [saving, setSaving] = useState(false);
  const attempt = useRef(0);
  const ID = 'return-comments';
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const n = ++attempt.current;
    setFailure(null);
    if (comments.trim().length < 1 || comments.length > 4000) {
      setProblems({ list: [{ field: ID, message: t('stateSubmissions.errors.comments') }], attempt: n });
      return;
    }
    setProblems(null);
    setSaving(true);
    try {
      await api<SubmissionT>(`/api/state/submissions/${submission.id}/return`, {
        method: 'POST',
        body: { version: submission.version, comments: comments.trim() },
      });
      onReturned();
    } catch (err) {
      setSaving(false);
      setFailure(toActionError(err, n));
    }
  };

  return (
    <form
      className="usa-form usa-form--large margin-top-3"
      noValidate
      aria-labelledby="return-heading"
      onSubmit={(e) => void submit(e)}
    >
      <h3 id="return-heading" ref={headingRef} tabIndex={-1} className="harbor-focus-target">
        {t('stateSubmissions.returnHeading', { county: submission.countyName })}
      </h3>
      {problems && <ErrorSummary key={problems.attempt} problems={problems.list} headingLevel="h4" />}
      {failure && (
        <ActionErrorAlert
          key={failure.attempt}
          error={failure}
          heading={t('stateSubmissions.failed')}
          headingLevel="h4"
          messageKeys={{ 409: 'stateSubmissions.conflictGeneric' }}
        />
      )}
      <Field
        id={ID}
        label={t('stateSubmissions.comments')}
        hint={t('stateSubmissions.commentsHint')}
        error={problems?.list[0]?.message}
      >
        {(d) => (
          <Textarea
            id={ID}
            name="comments"
            value={comments}
            maxLength={4000}
            error={!!problems}
            aria-invalid={!!problems || undefined}
            aria-describedby={d}
            onChange={(e) => setComments(e.target.value)}
          />
        )}
      </Field>
      <ButtonGroup className="margin-top-2">
        <Button type="submit" disabled={saving}>
          {saving ? t('stateSubmissions.busy.return') : t('stateSubmissions.returnSubmit')}
        </Button>
        <Button type="button" unstyled onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </ButtonGroup>
    </form>
  );
}

function Rollup({ rollup }: { rollup: SubmissionRollupT }) {
  const { t } = useTranslation();
  const f = useStateFigures();
  const num = (x: Figures | null, k: 'victims' | 'atRisk' | 'referralOnlyYouth') =>
    x ? f.number(x[k]) : t('stateSubmissions.notSubmitted');
  // Totals compare only when every county listed has submitted: otherwise the submitted total
  // leaves counties out that the extract's total counts.
  const everySubmitted = rollup.counties.every((c) => c.submitted !== null);
  const diff = (a: Figures | null, b: Figures, k: 'victims' | 'atRisk', compare: boolean) =>
    a && compare ? f.difference(a[k] - b[k]) : t('stateCommon.noFigure');
  const cells = (submitted: Figures | null, extract: Figures, compare = true) => (
    <>
      <td>{num(submitted, 'victims')}</td>
      <td>{f.number(extract.victims)}</td>
      <td>{diff(submitted, extract, 'victims', compare)}</td>
      <td>{num(submitted, 'atRisk')}</td>
      <td>{f.number(extract.atRisk)}</td>
      <td>{diff(submitted, extract, 'atRisk', compare)}</td>
      <td>{num(submitted, 'referralOnlyYouth')}</td>
      <td>{f.number(extract.referralOnlyYouth)}</td>
    </>
  );
  if (rollup.counties.length === 0) return <p>{t('stateSubmissions.rollupEmpty')}</p>;
  return (
    <>
      <div className="harbor-state-table" role="region" aria-labelledby="rollup-caption" tabIndex={0}>
        <table className="usa-table usa-table--borderless usa-table--compact">
          <caption id="rollup-caption">{t('stateSubmissions.rollupCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('stateSubmissions.county')}</th>
              <th scope="col">{t('stateSubmissions.status')}</th>
              <th scope="col">{t('stateSubmissions.submittedVictims')}</th>
              <th scope="col">{t('stateSubmissions.extractVictims')}</th>
              <th scope="col">{t('stateSubmissions.victimsDifference')}</th>
              <th scope="col">{t('stateSubmissions.submittedAtRisk')}</th>
              <th scope="col">{t('stateSubmissions.extractAtRisk')}</th>
              <th scope="col">{t('stateSubmissions.atRiskDifference')}</th>
              <th scope="col">{t('stateSubmissions.submittedReferralOnly')}</th>
              <th scope="col">{t('stateSubmissions.extractReferralOnly')}</th>
            </tr>
          </thead>
          <tbody>
            {rollup.counties.map((c) => (
              <tr key={c.county}>
                <th scope="row">{c.countyName}</th>
                <td>{c.status ? <StatusTag status={c.status} /> : t('stateSubmissions.noSubmission')}</td>
                {cells(c.submitted, c.extract)}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('stateSubmissions.totals')}</th>
              <td />
              {cells(rollup.totals.submitted, rollup.totals.extract, everySubmitted)}
            </tr>
          </tfoot>
        </table>
      </div>
      <p className="usa-hint">{t('stateSubmissions.rollupHint')}</p>
    </>
  );
}
