import { Button, Select } from '@trussworks/react-uswds';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiErrorView } from '../components/ApiErrorView';
import type { TableSort } from '../components/DataTable';
import { DateRangeFields, dateRangeProblems, DAY } from '../components/DateRangeFields';
import { ErrorSummary, type FieldProblem } from '../components/ErrorSummary';
import { Field } from '../components/Field';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { Pager, showingNumbers, SortChoice } from '../components/Pager';
import { AccessLogTable } from './AccessLogTable';
import { useApi } from '../lib/useApi';
import { useLanguage } from '../lib/useLanguage';
import {
  ACCESS_LOG_ACTIONS,
  ACCESS_LOG_SORTS,
  VISIT_GAP_MINUTES,
  type AccessLog,
  type AccessLogAction,
} from '../../contract/access-log';
import { PAGE_SIZE_DEFAULT } from '../../contract/paging';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
type Sort = (typeof ACCESS_LOG_SORTS)[number];

interface Filters {
  person: string;
  organization: string;
  action: AccessLogAction | '';
  from: string;
  to: string;
}

/** The filters, sort and page from the page's own address (anything odd is ignored). */
function read(params: URLSearchParams) {
  const v = (k: string, ok: (s: string) => boolean) => {
    const s = params.get(k) ?? '';
    return ok(s) ? s : '';
  };
  const filters: Filters = {
    person: v('person', (s) => UUID.test(s)),
    organization: v('organization', (s) => UUID.test(s)),
    action: v('action', (s) => ACCESS_LOG_ACTIONS.includes(s as AccessLogAction)) as Filters['action'],
    from: v('from', (s) => DAY.test(s)),
    to: v('to', (s) => DAY.test(s)),
  };
  const sortParam = params.get('sort');
  const sort: Sort = ACCESS_LOG_SORTS.includes(sortParam as Sort) ? (sortParam as Sort) : 'time';
  const dir: 'asc' | 'desc' = params.get('dir') === 'asc' ? 'asc' : 'desc';
  const o = Number(params.get('offset') ?? 0);
  return { filters, sort, dir, offset: Number.isInteger(o) && o > 0 ? o : 0 };
}

function queryOf(filters: Filters, extra: Record<string, string>): URLSearchParams {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) if (v) q.set(k, v);
  for (const [k, v] of Object.entries(extra)) q.set(k, v);
  return q;
}

/**
 * "Who viewed this record": one line per person per visit (the events of one person with no pause
 * longer than 10 minutes, src/contract/access-log.ts), newest first, filtered, paged and sorted
 * by the server, times in county time with the zone, and the same as CSV.
 */
export function AccessLogPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const { filters, sort, dir, offset } = read(params);
  const status = useRef<HTMLParagraphElement>(null);
  const path = `/api/youth/${encodeURIComponent(id)}/access-log`;
  const query = queryOf(filters, { sort, dir, limit: String(PAGE_SIZE_DEFAULT), offset: String(offset) });
  const { result, reload } = useApi<AccessLog>(`${path}?${query.toString()}`);
  const last = useRef<AccessLog | null>(null);
  if (result.status === 'ok') last.current = result.data;

  const show = (next: { filters?: Filters; sort?: Sort; dir?: 'asc' | 'desc'; offset?: number }) => {
    const q = queryOf(next.filters ?? filters, { sort: next.sort ?? sort, dir: next.dir ?? dir });
    if (next.offset) q.set('offset', String(next.offset));
    setParams(q);
    status.current?.focus();
  };
  const tableSort: TableSort = {
    key: sort,
    dir,
    // Time starts newest first; a person's name A to Z. A second press turns it around.
    onSort: (key) => {
      const k = key as Sort;
      if (k === sort) show({ sort: k, dir: dir === 'asc' ? 'desc' : 'asc' });
      else show({ sort: k, dir: k === 'time' ? 'desc' : 'asc' });
    },
  };

  const back = (
    <p className="margin-bottom-0">
      <Link className="usa-link" to={`/youth/${encodeURIComponent(id)}`}>
        {t('accessLog.backToRecord')}
      </Link>
    </p>
  );
  if (result.status === 'error' && !last.current) return <ApiErrorView error={result.error} onRetry={reload} />;
  const data = result.status === 'ok' ? result.data : last.current;
  const busy = result.status === 'loading';
  const filtered = Object.values(filters).some(Boolean);
  const csv = queryOf(filters, { sort, dir, lang: language });

  return (
    <>
      {back}
      <PageHeading documentTitle={t('accessLog.title')}>{t('accessLog.title')}</PageHeading>
      <p className="usa-intro">{t('accessLog.intro')}</p>
      <p>{t('accessLog.visitRule', { minutes: VISIT_GAP_MINUTES })}</p>
      {!data ? (
        <Loading />
      ) : (
        <>
          <FilterForm
            key={JSON.stringify(filters)}
            filters={filters}
            log={data}
            onApply={(f) => show({ filters: f })}
            onClear={() => show({ filters: { person: '', organization: '', action: '', from: '', to: '' } })}
          />
          {result.status === 'error' && <ApiErrorView error={result.error} onRetry={reload} />}
          <h2 id="access-log-visits">{t('accessLog.visits')}</h2>
          <p role="status" aria-live="polite" tabIndex={-1} ref={status}>
            {data.total === 0
              ? filtered
                ? t('accessLog.noneMatch')
                : t('accessLog.none')
              : t('accessLog.showing', showingNumbers(language, { ...data, shown: data.visits.length }))}
          </p>
          {data.total > 0 && (
            <div aria-busy={busy} className={busy ? 'harbor-stale' : undefined}>
              <SortChoice
                id="access-log-sort"
                sort={tableSort}
                onChange={(key, d) => show({ sort: key as Sort, dir: d })}
                options={[
                  { key: 'time', dir: 'desc', label: t('accessLog.sort.newest') },
                  { key: 'time', dir: 'asc', label: t('accessLog.sort.oldest') },
                  { key: 'person', dir: 'asc', label: t('accessLog.sort.personAsc') },
                  { key: 'person', dir: 'desc', label: t('accessLog.sort.personDesc') },
                ]}
              />
              <AccessLogTable visits={data.visits} sort={tableSort} />
              <Pager
                label={t('accessLog.pages')}
                total={data.total}
                offset={data.offset}
                limit={data.limit}
                onPage={(o) => show({ offset: o })}
              />
              <p className="margin-top-3">
                <a className="usa-button usa-button--outline" href={`${path}.csv?${csv.toString()}`} download>
                  {t('accessLog.download', { count: data.total })}
                </a>
              </p>
            </div>
          )}
        </>
      )}
    </>
  );
}

function FilterForm({
  filters,
  log,
  onApply,
  onClear,
}: {
  filters: Filters;
  log: AccessLog;
  onApply: (f: Filters) => void;
  onClear: () => void;
}) {
  const { t } = useTranslation();
  const [f, setF] = useState<Filters>(filters);
  const [problems, setProblems] = useState<{ list: FieldProblem[]; attempt: number } | null>(null);
  const attempt = useRef(0);
  const set = (k: keyof Filters) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    attempt.current += 1;
    const bad = t('accessLog.filters.badDate');
    const list = dateRangeProblems(f, 'log', { from: bad, to: bad, order: t('accessLog.filters.order') }, true);
    if (list.length) {
      setProblems({ list, attempt: attempt.current });
      return;
    }
    setProblems(null);
    onApply(f);
  };
  const errorFor = (field: string) => problems?.list.find((p) => p.field === field)?.message;
  return (
    <form
      className="usa-form harbor-wide-form margin-bottom-3"
      noValidate
      onSubmit={submit}
      aria-labelledby="log-filters"
    >
      <h2 id="log-filters">{t('accessLog.filters.heading')}</h2>
      {problems && <ErrorSummary key={problems.attempt} problems={problems.list} />}
      <Field id="log-person" label={t('accessLog.filters.person')}>
        {() => (
          <Select id="log-person" name="person" value={f.person} onChange={set('person')}>
            <option value="">{t('accessLog.filters.anyone')}</option>
            {log.people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field id="log-organization" label={t('accessLog.filters.organization')}>
        {() => (
          <Select id="log-organization" name="organization" value={f.organization} onChange={set('organization')}>
            <option value="">{t('accessLog.filters.anyOrganization')}</option>
            {log.organizations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field id="log-action" label={t('accessLog.filters.action')}>
        {() => (
          <Select id="log-action" name="action" value={f.action} onChange={set('action')}>
            <option value="">{t('accessLog.filters.anything')}</option>
            {ACCESS_LOG_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {t(`accessLog.filters.actions.${a}`)}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <DateRangeFields
        idPrefix="log"
        range={f}
        onChange={(r) => setF({ ...f, ...r })}
        labels={{ from: t('accessLog.filters.from'), to: t('accessLog.filters.to') }}
        hints={{ from: t('accessLog.filters.dateHint') }}
        errorFor={errorFor}
      />
      <div className="margin-top-2">
        <Button type="submit">{t('accessLog.filters.apply')}</Button>
        <Button type="button" unstyled className="margin-left-2" onClick={onClear}>
          {t('accessLog.filters.clear')}
        </Button>
      </div>
    </form>
  );
}
