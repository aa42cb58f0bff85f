// "My youth": the user's caseload, a page at a time from the server, with the true total, sortable
// headers (the sort is the server's), a pager, and the whole list as CSV. The page, sort and
// direction live in the address, so Back returns to the same page.
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ApiErrorView } from '../components/ApiErrorView';
import { DataTable, type TableSort } from '../components/DataTable';
import { Loading } from '../components/Loading';
import { NotRecorded } from '../components/NotRecorded';
import { Pager, showingNumbers, SortChoice } from '../components/Pager';
import { countyDate, formatDate } from '../lib/format';
import { useApi } from '../lib/useApi';
import { useLanguage } from '../lib/useLanguage';
import { youthLabel } from '../lib/youthName';
import { CASELOAD_SORTS, type Caseload as CaseloadT, type CaseloadSort } from '../../contract/youth';
import { PAGE_SIZE_DEFAULT } from '../../contract/paging';

const isSort = (v: string | null): v is CaseloadSort => CASELOAD_SORTS.includes(v as CaseloadSort);

/** Whole years from a date of birth to the county's today. */
function ageOn(dateOfBirth: string, today: string): number | null {
  const [y, m, d] = dateOfBirth.split('-').map(Number);
  const [ty, tm, td] = today.split('-').map(Number);
  if (!y || !m || !d || !ty || !tm || !td) return null;
  return ty - y - (tm < m || (tm === m && td < d) ? 1 : 0);
}

export function Caseload() {
  const { t } = useTranslation();
  const language = useLanguage();
  const [params, setParams] = useSearchParams();
  const status = useRef<HTMLParagraphElement>(null);
  const sortParam = params.get('sort');
  const sort: CaseloadSort = isSort(sortParam) ? sortParam : 'name';
  const dir = params.get('dir') === 'desc' ? 'desc' : 'asc';
  const offsetParam = Number(params.get('offset') ?? 0);
  const offset = Number.isInteger(offsetParam) && offsetParam > 0 ? offsetParam : 0;

  const query = new URLSearchParams({ sort, dir, limit: String(PAGE_SIZE_DEFAULT), offset: String(offset) });
  const { result, reload } = useApi<CaseloadT>(`/api/caseload?${query.toString()}`);

  const show = (next: { sort?: CaseloadSort; dir?: 'asc' | 'desc'; offset?: number }) => {
    const p = new URLSearchParams(params);
    p.set('sort', next.sort ?? sort);
    p.set('dir', next.dir ?? dir);
    const o = next.offset ?? 0;
    if (o > 0) p.set('offset', String(o));
    else p.delete('offset');
    setParams(p, { replace: false });
    // The new page is announced by the status line; put the reader there.
    status.current?.focus();
  };
  const tableSort: TableSort = {
    key: sort,
    dir,
    // A second press on the sorted column turns it around; a new column starts A to Z / oldest first.
    onSort: (key) => {
      if (!isSort(key)) return;
      show({ sort: key, dir: key === sort && dir === 'asc' ? 'desc' : 'asc' });
    },
  };

  // While the next page loads, the current one stays in place (marked busy) rather than flashing away.
  const last = useRef<CaseloadT | null>(null);
  if (result.status === 'ok') last.current = result.data;
  if (result.status === 'error') return <ApiErrorView error={result.error} onRetry={reload} />;
  const data = result.status === 'ok' ? result.data : last.current;
  const busy = result.status === 'loading';
  const today = countyDate();
  const csv = new URLSearchParams({ sort, dir, lang: language });

  return (
    <>
      <p className="text-base-dark margin-top-0">{t('caseload.explain')}</p>
      {/* Always in the page, so screen readers announce each new page and count. */}
      <p role="status" aria-live="polite" className="harbor-search-status" tabIndex={-1} ref={status}>
        {data &&
          (data.total === 0
            ? t('caseload.none')
            : t('caseload.showing', showingNumbers(language, { ...data, shown: data.youth.length })))}
      </p>
      {!data && <Loading />}
      {data && data.total > 0 && (
        <div aria-busy={busy} className={busy ? 'harbor-stale' : undefined}>
          <SortChoice
            id="caseload-sort"
            sort={tableSort}
            onChange={(key, d) => isSort(key) && show({ sort: key, dir: d })}
            options={[
              { key: 'name', dir: 'asc', label: t('caseload.sort.nameAsc') },
              { key: 'name', dir: 'desc', label: t('caseload.sort.nameDesc') },
              { key: 'dateOfBirth', dir: 'desc', label: t('caseload.sort.youngest') },
              { key: 'dateOfBirth', dir: 'asc', label: t('caseload.sort.oldest') },
              { key: 'spa', dir: 'asc', label: t('caseload.sort.spaAsc') },
              { key: 'spa', dir: 'desc', label: t('caseload.sort.spaDesc') },
            ]}
          />
          <DataTable
            caption={t('caseload.caption')}
            className="harbor-results"
            rows={data.youth}
            rowKey={(y) => y.id}
            sort={tableSort}
            columns={[
              {
                key: 'name',
                sortKey: 'name',
                header: t('caseload.name'),
                cell: (y) => (
                  <>
                    <Link className="usa-link" to={`/youth/${y.id}`}>
                      {youthLabel(t, y.name, y.stateClientId) ?? t('youth.noName')}
                    </Link>
                    {y.legalName && y.legalName !== y.name && (
                      <span className="display-block text-base-dark font-body-2xs">
                        {t('search.legalName', { name: y.legalName })}
                      </span>
                    )}
                  </>
                ),
              },
              {
                key: 'dob',
                sortKey: 'dateOfBirth',
                header: t('caseload.dateOfBirth'),
                cell: (y) => {
                  if (!y.dateOfBirth) return <NotRecorded />;
                  const age = ageOn(y.dateOfBirth, today);
                  return (
                    <>
                      {formatDate(y.dateOfBirth, language)}
                      {age !== null && (
                        <span className="display-block text-base-dark font-body-2xs">
                          {t('caseload.age', { count: age })}
                        </span>
                      )}
                    </>
                  );
                },
              },
              {
                key: 'spa',
                sortKey: 'spa',
                header: t('caseload.spa'),
                cell: (y) => (y.spaNumber === null ? t('search.noSpa') : t('search.spa', { number: y.spaNumber })),
              },
              {
                key: 'why',
                header: t('caseload.why'),
                cell: (y) => y.relations.map((r) => t(`caseload.relations.${r}`)).join(', '),
              },
            ]}
          />
          <Pager
            label={t('caseload.pages')}
            total={data.total}
            offset={data.offset}
            limit={data.limit}
            onPage={(o) => show({ offset: o })}
          />
          <p className="margin-top-3">
            <a className="usa-button usa-button--outline" href={`/api/caseload.csv?${csv.toString()}`} download>
              {t('caseload.download', { count: data.total })}
            </a>
          </p>
        </div>
      )}
    </>
  );
}
