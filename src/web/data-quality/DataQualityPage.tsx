// The county's data-quality queue, for supervisors: open counts by kind, the issues (each youth by
// state client id, never by name), a fix or a review per issue, and the same list as CSV. The
// server decides who may see it (data_quality.work) and re-checks every fix.
import { Button, Label, Select, TextInput, Textarea } from '@trussworks/react-uswds';
import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, ApiError } from '../api';
import { ActionErrorAlert, toActionError, type ActionError } from '../components/ActionErrorAlert';
import { ApiErrorView } from '../components/ApiErrorView';
import { DataTable } from '../components/DataTable';
import { DateTimeInput } from '../components/DateTimeInput';
import { Disclosure } from '../components/Disclosure';
import { ErrorSummary, type FieldProblem } from '../components/ErrorSummary';
import { Field } from '../components/Field';
import { Loading } from '../components/Loading';
import { Notice } from '../components/Notice';
import { PageHeading } from '../components/PageHeading';
import { formatDate, formatDay, formatNumber } from '../lib/format';
import { serverFieldProblems, type FormField } from '../lib/serverProblems';
import { useApi } from '../lib/useApi';
import { useLanguage } from '../lib/useLanguage';
import {
  DATA_QUALITY_KINDS,
  DATA_QUALITY_STATUSES,
  FIX_FIELDS,
  type DataQualityFixResult,
  type DataQualityIssueView,
  type DataQualityKind,
  type DataQualityList,
  type FixField,
} from '../../contract/data-quality';

const PAGE_SIZE = 50;
type StatusFilter = (typeof DATA_QUALITY_STATUSES)[number] | 'all';
const STATUS_FILTERS: readonly StatusFilter[] = [...DATA_QUALITY_STATUSES, 'all'];

const isKind = (v: string | null): v is DataQualityKind => DATA_QUALITY_KINDS.includes(v as DataQualityKind);
const isStatus = (v: string | null): v is StatusFilter => STATUS_FILTERS.includes(v as StatusFilter);

/** The list's query string, from the page's own address. */
function queryOf(kind: DataQualityKind | '', status: StatusFilter, offset?: number): string {
  const q = new URLSearchParams();
  if (kind) q.set('kind', kind);
  q.set('status', status);
  if (offset !== undefined) {
    q.set('limit', String(PAGE_SIZE));
    q.set('offset', String(offset));
  }
  return q.toString();
}

export function DataQualityPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const kindParam = params.get('kind');
  const statusParam = params.get('status');
  const kind: DataQualityKind | '' = isKind(kindParam) ? kindParam : '';
  const status: StatusFilter = isStatus(statusParam) ? statusParam : 'open';
  const offsetParam = Number(params.get('offset') ?? 0);
  const offset = Number.isInteger(offsetParam) && offsetParam > 0 ? offsetParam : 0;
  const { result, reload, refresh } = useApi<DataQualityList>(`/api/data-quality?${queryOf(kind, status, offset)}`);
  const [saved, setSaved] = useState<{ message: string; n: number } | null>(null);
  const done = (message: string) => {
    setSaved((s) => ({ message, n: (s?.n ?? 0) + 1 }));
    refresh();
  };
  const show = (k: DataQualityKind | '', s: StatusFilter, o = 0) => {
    setSaved(null);
    setParams(queryOf(k, s, o > 0 ? o : undefined));
  };

  return (
    <>
      <PageHeading documentTitle={t('dataQuality.title')}>{t('dataQuality.title')}</PageHeading>
      <p className="usa-intro">{t('dataQuality.intro')}</p>
      {saved && (
        <Notice key={saved.n}>
          <p className="usa-alert__text">{saved.message}</p>
        </Notice>
      )}
      {result.status === 'error' ? (
        <ApiErrorView error={result.error} onRetry={reload} />
      ) : result.status === 'loading' ? (
        <Loading />
      ) : (
        <>
          <Summary counts={result.data.counts} />
          <Filters key={`${kind}:${status}`} kind={kind} status={status} onApply={(k, s) => show(k, s)} />
          <Issues
            list={result.data}
            offset={offset}
            csvQuery={queryOf(kind, status)}
            onPage={(o) => show(kind, status, o)}
            onSaved={done}
            onStale={refresh}
          />
        </>
      )}
    </>
  );
}

function Summary({ counts }: { counts: DataQualityList['counts'] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <section aria-labelledby="dq-summary" className="harbor-section">
      <h2 id="dq-summary">{t('dataQuality.summary.heading')}</h2>
      <DataTable
        caption={t('dataQuality.summary.caption')}
        rowKey={(k) => k}
        rows={[...DATA_QUALITY_KINDS]}
        columns={[
          {
            key: 'kind',
            header: t('dataQuality.summary.kind'),
            cell: (k) => <Link to={`?${queryOf(k, 'open')}`}>{t(`dataQuality.kinds.${k}.label`)}</Link>,
          },
          {
            key: 'explain',
            header: t('dataQuality.summary.explain'),
            cell: (k) => t(`dataQuality.kinds.${k}.explain`),
          },
          { key: 'open', header: t('dataQuality.summary.open'), cell: (k) => formatNumber(counts[k], language) },
        ]}
      />
      <p>
        <Link to={`?${queryOf('', 'open')}`}>{t('dataQuality.summary.all')}</Link>
      </p>
    </section>
  );
}

function Filters({
  kind,
  status,
  onApply,
}: {
  kind: DataQualityKind | '';
  status: StatusFilter;
  onApply: (kind: DataQualityKind | '', status: StatusFilter) => void;
}) {
  const { t } = useTranslation();
  const [k, setK] = useState<DataQualityKind | ''>(kind);
  const [s, setS] = useState<StatusFilter>(status);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply(k, s);
  };
  return (
    <form className="usa-form harbor-wide-form margin-bottom-3" onSubmit={submit} aria-labelledby="dq-filters">
      <h2 id="dq-filters">{t('dataQuality.filters.heading')}</h2>
      <Label htmlFor="dq-kind">{t('dataQuality.filters.kind')}</Label>
      <Select id="dq-kind" name="kind" value={k} onChange={(e) => setK(isKind(e.target.value) ? e.target.value : '')}>
        <option value="">{t('dataQuality.filters.allKinds')}</option>
        {DATA_QUALITY_KINDS.map((x) => (
          <option key={x} value={x}>
            {t(`dataQuality.kinds.${x}.label`)}
          </option>
        ))}
      </Select>
      <Label htmlFor="dq-status">{t('dataQuality.filters.status')}</Label>
      <Select
        id="dq-status"
        name="status"
        value={s}
        onChange={(e) => setS(isStatus(e.target.value) ? e.target.value : 'open')}
      >
        {STATUS_FILTERS.map((x) => (
          <option key={x} value={x}>
            {t(`dataQuality.statuses.${x}`)}
          </option>
        ))}
      </Select>
      <Button type="submit" className="margin-top-2">
        {t('dataQuality.filters.apply')}
      </Button>
    </form>
  );
}

/** What is wrong, in words, with the Type and its dates (never a name or a date of birth). */
function WhatIsWrong({ issue }: { issue: DataQualityIssueView }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const d = issue.details;
  const date = (v: string | undefined) => (v ? formatDate(v, language) : '');
  const params = {
    type: d.type ? t(`csecTypes.${d.type}.label`) : '',
    start: date(d.startDate),
    end: date(d.endDate),
    age: d.age ?? '',
  };
  if (issue.kind === 'dates_out_of_order')
    return <>{t(`dataQuality.what.${d.reason ?? 'end_before_start'}`, params)}</>;
  if (issue.kind === 'likely_duplicate')
    return (
      <>
        {issue.otherClientId
          ? t('dataQuality.what.likely_duplicate', { other: issue.otherClientId })
          : t('dataQuality.what.likely_duplicate_noId')}
      </>
    );
  return <>{t(`dataQuality.what.${issue.kind}`, params)}</>;
}

function Issues({
  list,
  offset,
  csvQuery,
  onPage,
  onSaved,
  onStale,
}: {
  list: DataQualityList;
  offset: number;
  csvQuery: string;
  onPage: (offset: number) => void;
  onSaved: (message: string) => void;
  onStale: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [open, setOpen] = useState<string | null>(null);
  const n = (v: number) => formatNumber(v, language);
  return (
    <section aria-labelledby="dq-list" className="harbor-section">
      <h2 id="dq-list">{t('dataQuality.list.heading')}</h2>
      <p>
        <a className="usa-button usa-button--outline" href={`/api/data-quality.csv?${csvQuery}`} download>
          {t('dataQuality.list.download')}
        </a>
      </p>
      {list.items.length === 0 ? (
        <p>{t('dataQuality.list.none')}</p>
      ) : (
        <>
          <p>
            {t('dataQuality.list.showing', {
              from: n(offset + 1),
              to: n(offset + list.items.length),
              total: n(list.total),
            })}
          </p>
          <DataTable
            caption={t('dataQuality.list.caption')}
            rowKey={(i) => i.id}
            rows={list.items}
            columns={[
              {
                key: 'kind',
                header: t('dataQuality.list.kind'),
                cell: (i) => <span className="text-bold">{t(`dataQuality.kinds.${i.kind}.label`)}</span>,
              },
              {
                key: 'client',
                header: t('dataQuality.list.client'),
                cell: (i) => i.clientId ?? t('dataQuality.list.noClient'),
              },
              { key: 'what', header: t('dataQuality.list.what'), cell: (i) => <WhatIsWrong issue={i} /> },
              {
                key: 'detected',
                header: t('dataQuality.list.detected'),
                cell: (i) => formatDay(i.detectedAt, language),
              },
              {
                key: 'status',
                header: t('dataQuality.list.status'),
                cell: (i) => (
                  <>
                    {t(`dataQuality.statuses.${i.status}`)}
                    {i.note && (
                      <span className="display-block font-body-2xs">
                        {t('dataQuality.list.noteLabel')} {i.note}
                      </span>
                    )}
                  </>
                ),
              },
              {
                key: 'action',
                header: t('dataQuality.list.action'),
                cell: (i) =>
                  i.status === 'open' ? (
                    <Disclosure
                      id={`dq-act-${i.id}`}
                      label={t('dataQuality.fix.open')}
                      open={open === i.id}
                      onToggle={(o) => setOpen(o ? i.id : null)}
                    >
                      <IssueActions
                        issue={i}
                        onSaved={(m) => {
                          setOpen(null);
                          onSaved(m);
                        }}
                        onStale={onStale}
                      />
                    </Disclosure>
                  ) : (
                    t('dataQuality.list.nothingToDo')
                  ),
              },
            ]}
          />
          <nav aria-label={t('dataQuality.list.pages')} className="margin-top-2">
            <ul className="usa-button-group">
              {offset > 0 && (
                <li className="usa-button-group__item">
                  <Button type="button" outline onClick={() => onPage(Math.max(0, offset - PAGE_SIZE))}>
                    {t('dataQuality.list.previous')}
                  </Button>
                </li>
              )}
              {offset + list.items.length < list.total && (
                <li className="usa-button-group__item">
                  <Button type="button" outline onClick={() => onPage(offset + PAGE_SIZE)}>
                    {t('dataQuality.list.next')}
                  </Button>
                </li>
              )}
            </ul>
          </nav>
        </>
      )}
    </section>
  );
}

/**
 * One form's save: local checks first (the error summary takes focus), then the request; a 400
 * naming fields goes to the summary too, anything else to a focused alert. A 409 or 404 means the
 * list is out of date: it is reloaded.
 */
function useSave(fields: Record<string, FormField>, fallback: FormField, onStale: () => void) {
  const { t } = useTranslation();
  const [problems, setProblems] = useState<{ list: FieldProblem[]; attempt: number } | null>(null);
  const [error, setError] = useState<ActionError | null>(null);
  const [saving, setSaving] = useState(false);
  const attempt = useRef(0);
  const run = (event: FormEvent, check: () => FieldProblem[], send: () => Promise<void>) => {
    event.preventDefault();
    attempt.current += 1;
    setError(null);
    const list = check();
    if (list.length) {
      setProblems({ list, attempt: attempt.current });
      return;
    }
    setProblems(null);
    setSaving(true);
    send().then(
      () => setSaving(false),
      (err: unknown) => {
        setSaving(false);
        if (err instanceof ApiError && err.status === 400 && err.errors.length > 0) {
          setProblems({ list: serverFieldProblems(err, fields, fallback), attempt: attempt.current });
          return;
        }
        if (err instanceof ApiError && (err.status === 409 || err.status === 404)) onStale();
        setError(toActionError(err, attempt.current));
      },
    );
  };
  const errorFor = (id: string) => problems?.list.find((p) => p.field === id)?.message;
  const alerts = (heading: string): ReactNode => (
    <>
      {problems && <ErrorSummary key={problems.attempt} problems={problems.list} headingLevel="h4" />}
      {error && (
        <ActionErrorAlert
          key={error.attempt}
          error={error}
          heading={heading}
          headingLevel="h4"
          messageKeys={{ 404: 'dataQuality.errors.notFound', 409: 'dataQuality.errors.conflict' }}
        />
      )}
    </>
  );
  return { run, errorFor, alerts, saving, savingLabel: t('forms.saving') };
}

function IssueActions({
  issue,
  onSaved,
  onStale,
}: {
  issue: DataQualityIssueView;
  onSaved: (message: string) => void;
  onStale: () => void;
}) {
  const fields = FIX_FIELDS[issue.kind];
  return (
    <div>
      {fields ? (
        <FixForm issue={issue} fields={fields} onSaved={onSaved} onStale={onStale} />
      ) : (
        <NotFixableHere issue={issue} />
      )}
      <ReviewForm issue={issue} onSaved={onSaved} onStale={onStale} />
    </div>
  );
}

function NotFixableHere({ issue }: { issue: DataQualityIssueView }) {
  const { t } = useTranslation();
  return (
    <div>
      <h3 className="margin-bottom-1">{t('dataQuality.fix.heading')}</h3>
      <p>{t('dataQuality.fix.notHere')}</p>
      <p>
        <Link to={`/youth/${encodeURIComponent(issue.youthId)}`}>{t('dataQuality.fix.profile')}</Link>
      </p>
    </div>
  );
}

function FixForm({
  issue,
  fields,
  onSaved,
  onStale,
}: {
  issue: DataQualityIssueView;
  fields: readonly FixField[];
  onSaved: (message: string) => void;
  onStale: () => void;
}) {
  const { t } = useTranslation();
  const id = `dq-fix-${issue.id}`;
  const initial: Record<FixField, string> = {
    subcategory: '',
    dateOfBirth: '',
    startDate: issue.details.startDate ?? '',
    endDate: issue.details.endDate ?? '',
  };
  const [values, setValues] = useState(initial);
  const label = (f: FixField) => t(`dataQuality.fix.${f}`);
  const formFields = Object.fromEntries(fields.map((f) => [f, { id: `${id}-${f}`, label: label(f) }]));
  const save = useSave(formFields, formFields[fields[0]!]!, onStale);
  /** What to send: a field left as it was is not sent. */
  const changes = () =>
    Object.fromEntries(
      fields.filter((f) => values[f].trim() !== '' && values[f] !== initial[f]).map((f) => [f, values[f].trim()]),
    );
  const check = (): FieldProblem[] => {
    const sent = changes();
    if (fields.includes('subcategory') && (sent.subcategory ?? '').length < 2)
      return [{ field: `${id}-subcategory`, message: t('dataQuality.fix.errors.subcategory') }];
    if (fields.includes('dateOfBirth') && !sent.dateOfBirth)
      return [{ field: `${id}-dateOfBirth`, message: t('dataQuality.fix.errors.dateOfBirth') }];
    if (fields.length === 1 && fields[0] === 'endDate' && !sent.endDate)
      return [{ field: `${id}-endDate`, message: t('dataQuality.fix.errors.endDate') }];
    if (fields.includes('startDate') && !sent.startDate && !sent.endDate)
      return [{ field: `${id}-startDate`, message: t('dataQuality.fix.errors.dates') }];
    return [];
  };
  const send = async () => {
    const r = await api<DataQualityFixResult>(`/api/data-quality/${encodeURIComponent(issue.id)}/fix`, {
      method: 'POST',
      body: { version: issue.version, ...changes() },
    });
    const also = r.opened > 0 ? ` ${t('dataQuality.fix.alsoOpened', { count: r.opened })}` : '';
    onSaved(`${r.cured ? t('dataQuality.fix.cured') : t('dataQuality.fix.notCured')}${also}`);
  };
  return (
    <form
      className="usa-form harbor-wide-form"
      noValidate
      onSubmit={(e) => save.run(e, check, send)}
      aria-labelledby={`${id}-heading`}
    >
      <h3 id={`${id}-heading`}>{t('dataQuality.fix.heading')}</h3>
      {save.alerts(t('dataQuality.fix.failed'))}
      <p className="usa-hint">{t('dataQuality.fix.hint')}</p>
      {fields.map((f) => (
        <Field key={f} id={`${id}-${f}`} label={label(f)} error={save.errorFor(`${id}-${f}`)}>
          {(describedBy) =>
            f === 'subcategory' ? (
              <TextInput
                id={`${id}-${f}`}
                name={f}
                type="text"
                maxLength={200}
                value={values[f]}
                validationStatus={save.errorFor(`${id}-${f}`) ? 'error' : undefined}
                aria-invalid={!!save.errorFor(`${id}-${f}`) || undefined}
                aria-describedby={describedBy}
                onChange={(e) => setValues((v) => ({ ...v, [f]: e.target.value }))}
              />
            ) : (
              <DateTimeInput
                id={`${id}-${f}`}
                name={f}
                kind="date"
                value={values[f]}
                invalid={!!save.errorFor(`${id}-${f}`)}
                aria-describedby={describedBy}
                onChange={(e) => setValues((v) => ({ ...v, [f]: e.target.value }))}
              />
            )
          }
        </Field>
      ))}
      <Button type="submit" className="margin-top-2" disabled={save.saving}>
        {save.saving ? save.savingLabel : t('dataQuality.fix.save')}
      </Button>
    </form>
  );
}

function ReviewForm({
  issue,
  onSaved,
  onStale,
}: {
  issue: DataQualityIssueView;
  onSaved: (message: string) => void;
  onStale: () => void;
}) {
  const { t } = useTranslation();
  const id = `dq-review-${issue.id}`;
  const [note, setNote] = useState('');
  const field = { id: `${id}-note`, label: t('dataQuality.review.note') };
  const save = useSave({ note: field }, field, onStale);
  const send = async () => {
    await api(`/api/data-quality/${encodeURIComponent(issue.id)}/review`, {
      method: 'POST',
      body: { version: issue.version, ...(note.trim() ? { note: note.trim() } : {}) },
    });
    onSaved(t('dataQuality.review.done'));
  };
  return (
    <form
      className="usa-form harbor-wide-form"
      noValidate
      onSubmit={(e) => save.run(e, () => [], send)}
      aria-labelledby={`${id}-heading`}
    >
      <h3 id={`${id}-heading`}>{t('dataQuality.review.heading')}</h3>
      {save.alerts(t('dataQuality.review.failed'))}
      <Field
        id={field.id}
        label={field.label}
        hint={t('dataQuality.review.hint')}
        error={save.errorFor(field.id)}
        optional
        optionalText={t('forms.optional')}
      >
        {(describedBy) => (
          <Textarea
            id={field.id}
            name="note"
            className="harbor-short-textarea"
            maxLength={2000}
            value={note}
            error={!!save.errorFor(field.id)}
            aria-invalid={!!save.errorFor(field.id) || undefined}
            aria-describedby={describedBy}
            onChange={(e) => setNote(e.target.value)}
          />
        )}
      </Field>
      <Button type="submit" outline className="margin-top-2" disabled={save.saving}>
        {save.saving ? save.savingLabel : t('dataQuality.review.save')}
      </Button>
    </form>
  );
}
