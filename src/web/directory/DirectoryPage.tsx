import { Alert, Button, Checkbox, Icon, Label, Select, TextInput } from '@trussworks/react-uswds';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router';
import { api, type ApiError } from '../api';
import { PageHeading } from '../components/PageHeading';
import {
  COMMON_LANGUAGES,
  EMPTY_FILTERS,
  activeFilterCount,
  filtersFromParams,
  filtersToParams,
  isAge,
  rememberDirectorySearch,
  type DirectoryFilters,
} from '../lib/directory';
import { formatNumber } from '../lib/format';
import { languageLabel } from '../lib/labels';
import { pick } from '../lib/localized';
import { canAddProviders } from '../lib/roles';
import { toApiError, useApi } from '../lib/useApi';
import { useLanguage } from '../lib/useLanguage';
import { useCountySpas } from '../lib/reference';
import { useActiveSession } from '../auth/SessionContext';
import type { ProviderList, ServiceList } from '../../contract/directory';
import { POPULATIONS } from '../../domain/directory';
import { PLACEMENT_TYPE_KEYS } from '../../domain/placements';
import { ProviderResults } from './ProviderResults';

const PAGE_SIZE = 20;
const DEBOUNCE_MS = 300;

interface Answer {
  path: string;
  data: ProviderList;
}

/** The resource directory: search and filter the county's providers, and export what is found. */
export function DirectoryPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const session = useActiveSession();
  const { pathname } = useLocation();
  const [params] = useSearchParams();
  const catalog = useApi<ServiceList>('/api/directory/services');
  const services = catalog.result.status === 'ok' ? catalog.result.data.services : null;

  const [filters, setFilters] = useState<DirectoryFilters>(() => filtersFromParams(params));
  const [filtersOpen, setFiltersOpen] = useState(false);
  // The language as a choice (the search matches any case); one from a shared address that is not
  // in the common list still shows as chosen.
  const languageValue =
    COMMON_LANGUAGES.find((l) => l.toLowerCase() === filters.language.toLowerCase()) ?? filters.language;
  const languageChoices =
    languageValue && !COMMON_LANGUAGES.includes(languageValue)
      ? [...COMMON_LANGUAGES, languageValue]
      : COMMON_LANGUAGES;
  const typed = filtersToParams(filters).toString();
  const [applied, setApplied] = useState(typed);
  const [paging, setPaging] = useState(() => ({ query: typed, page: Math.max(1, Number(params.get('page')) || 1) }));
  const page = paging.query === applied ? paging.page : 1;
  const resultsHeading = useRef<HTMLHeadingElement>(null);

  // Typing waits a moment before searching; every change searches on its own, no button needed.
  useEffect(() => {
    if (typed === applied) return;
    const timer = window.setTimeout(() => setApplied(typed), DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [typed, applied]);

  const pageParams = new URLSearchParams(applied);
  if (page > 1) pageParams.set('page', String(page));
  const shownQuery = pageParams.toString();

  // The filters go into the address so the search can be shared or returned to. Replacing the
  // entry directly (not through the router) keeps focus where it is: a router navigation would
  // move focus to the page heading on every change.
  useEffect(() => {
    const url = `${pathname}${shownQuery ? `?${shownQuery}` : ''}`;
    if (`${window.location.pathname}${window.location.search}` !== url)
      window.history.replaceState(window.history.state, '', url);
    rememberDirectorySearch(shownQuery);
  }, [pathname, shownQuery]);

  const apiParams = new URLSearchParams(applied);
  apiParams.set('page', String(page));
  apiParams.set('pageSize', String(PAGE_SIZE));
  const path = `/api/directory/providers?${apiParams.toString()}`;
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [error, setError] = useState<{ path: string; error: ApiError } | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    api<ProviderList>(path, { signal: controller.signal }).then(
      (data) => {
        setAnswer({ path, data });
        setError(null);
      },
      (err: unknown) => {
        if (!controller.signal.aborted) setError({ path, error: toApiError(err) });
      },
    );
    return () => controller.abort();
  }, [path, attempt]);

  const current = answer?.path === path ? answer.data : null;
  const failed = error?.path === path ? error.error : null;
  const shown = failed ? null : (current ?? answer?.data ?? null);
  const pages = current ? Math.max(1, Math.ceil(current.total / PAGE_SIZE)) : 1;

  let status = '';
  if (current) {
    status =
      current.total === 0
        ? t('directory.results.none')
        : t('directory.results.count', { count: current.total, formatted: formatNumber(current.total, language) });
  }

  const set = <K extends keyof DirectoryFilters>(key: K, value: DirectoryFilters[K]) =>
    setFilters((f) => ({ ...f, [key]: value }));
  const ageInvalid = filters.age.trim() !== '' && !isAge(filters.age);
  const activeCount = activeFilterCount(filters);

  const focusResults = () => {
    resultsHeading.current?.scrollIntoView({ block: 'start' });
    resultsHeading.current?.focus({ preventScroll: true });
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setApplied(typed);
    setFiltersOpen(false);
    window.setTimeout(focusResults, 0);
  };

  const goToPage = (n: number) => {
    setPaging({ query: applied, page: n });
    window.setTimeout(focusResults, 0);
  };

  const exportQuery = applied ? `?${applied}` : '';
  const spas = useCountySpas();

  return (
    <>
      <PageHeading documentTitle={t('directory.title')}>{t('directory.title')}</PageHeading>
      <p className="usa-intro">{t('directory.intro')}</p>
      <ul className="harbor-inline-links">
        <li>
          <Link className="usa-link" to="/directory/contacts">
            {t('directory.contactsLink')}
          </Link>
        </li>
        {canAddProviders(session) && (
          <li>
            <Link className="usa-link" to="/directory/providers/new">
              {t('directory.addLink')}
            </Link>
          </li>
        )}
      </ul>

      <div className="harbor-directory">
        <form
          role="search"
          aria-label={t('directory.searchForm')}
          className="usa-form harbor-directory__form"
          noValidate
          onSubmit={onSubmit}
        >
          <div className="harbor-directory__search">
            <Label htmlFor="directory-q" hint={<span className="display-block">{t('directory.searchHint')}</span>}>
              {t('directory.searchLabel')}
            </Label>
            <TextInput
              id="directory-q"
              name="q"
              type="search"
              autoComplete="off"
              maxLength={100}
              value={filters.q}
              onChange={(e) => set('q', e.target.value)}
            />
          </div>

          <button
            type="button"
            className="usa-button usa-button--outline harbor-filters-toggle"
            aria-expanded={filtersOpen}
            aria-controls="directory-filters"
            onClick={() => setFiltersOpen(!filtersOpen)}
          >
            {filtersOpen ? (
              <Icon.ExpandLess size={3} aria-hidden="true" focusable={false} />
            ) : (
              <Icon.ExpandMore size={3} aria-hidden="true" focusable={false} />
            )}
            {activeCount ? t('directory.filtersToggleCount', { count: activeCount }) : t('directory.filtersToggle')}
          </button>

          <div id="directory-filters" className={`harbor-filters${filtersOpen ? ' is-open' : ''}`}>
            <fieldset className="usa-fieldset">
              <legend className="usa-legend harbor-filters__legend">{t('directory.filters')}</legend>
              <div className="harbor-filters__grid">
                <div className="usa-form-group">
                  <Label htmlFor="directory-service">{t('directory.filter.service')}</Label>
                  <Select
                    id="directory-service"
                    name="service"
                    value={filters.service}
                    onChange={(e) => set('service', e.target.value)}
                  >
                    <option value="">{t('directory.filter.any')}</option>
                    {[...(services ?? [])]
                      .sort((a, b) => pick(a.name, language).localeCompare(pick(b.name, language), language))
                      .map((s) => (
                        <option key={s.key} value={s.key}>
                          {pick(s.name, language)}
                        </option>
                      ))}
                  </Select>
                </div>
                <div className="usa-form-group">
                  <Label htmlFor="directory-spa">{t('directory.filter.spa')}</Label>
                  <Select
                    id="directory-spa"
                    name="spa"
                    value={filters.spa}
                    onChange={(e) => set('spa', e.target.value)}
                  >
                    <option value="">{t('directory.filter.any')}</option>
                    {spas.map((s) => (
                      <option key={s.number} value={String(s.number)}>
                        {s.name
                          ? t('directory.spaNamed', { number: s.number, name: s.name })
                          : t('directory.spa', { number: s.number })}
                      </option>
                    ))}
                  </Select>
                </div>
                <div className="usa-form-group">
                  <Label htmlFor="directory-language">{t('directory.filter.language')}</Label>
                  {/* Languages by their names in the reader's language; the value stays the stored English name. */}
                  <Select
                    id="directory-language"
                    name="language"
                    value={languageValue}
                    onChange={(e) => set('language', e.target.value)}
                  >
                    <option value="">{t('languageNames.any')}</option>
                    {languageChoices.map((l) => (
                      <option key={l} value={l}>
                        {languageLabel(l, t)}
                      </option>
                    ))}
                  </Select>
                </div>
                <div className="usa-form-group">
                  <Label htmlFor="directory-population">{t('directory.filter.population')}</Label>
                  <Select
                    id="directory-population"
                    name="population"
                    value={filters.population}
                    onChange={(e) => set('population', e.target.value)}
                  >
                    <option value="">{t('directory.filter.anyone')}</option>
                    {POPULATIONS.map((p) => (
                      <option key={p} value={p}>
                        {t(`directory.populations.${p}`)}
                      </option>
                    ))}
                  </Select>
                </div>
                <div className={`usa-form-group${ageInvalid ? ' usa-form-group--error' : ''}`}>
                  <Label
                    htmlFor="directory-age"
                    error={ageInvalid}
                    hint={<span className="display-block">{t('directory.filter.ageHint')}</span>}
                  >
                    {t('directory.filter.age')}
                  </Label>
                  {ageInvalid && (
                    <span className="usa-error-message" id="directory-age-error">
                      {t('directory.filter.ageError')}
                    </span>
                  )}
                  <TextInput
                    id="directory-age"
                    name="age"
                    type="text"
                    inputMode="numeric"
                    className="harbor-age-input"
                    maxLength={2}
                    value={filters.age}
                    validationStatus={ageInvalid ? 'error' : undefined}
                    aria-invalid={ageInvalid || undefined}
                    aria-describedby={ageInvalid ? 'directory-age-error' : undefined}
                    onChange={(e) => set('age', e.target.value)}
                  />
                </div>
                <div className="usa-form-group">
                  <Label htmlFor="directory-placement-type">{t('directory.filter.placementType')}</Label>
                  <Select
                    id="directory-placement-type"
                    name="placementType"
                    value={filters.placementType}
                    onChange={(e) => set('placementType', e.target.value)}
                  >
                    <option value="">{t('directory.filter.any')}</option>
                    {PLACEMENT_TYPE_KEYS.map((p) => (
                      <option key={p} value={p}>
                        {t(`placementTypes.${p}`)}
                      </option>
                    ))}
                  </Select>
                </div>
              </div>
              <fieldset className="usa-fieldset harbor-filters__only">
                <legend className="usa-legend">{t('directory.filter.only')}</legend>
                <Checkbox
                  id="directory-has-vacancy"
                  name="hasVacancy"
                  label={t('directory.filter.hasVacancy')}
                  checked={filters.hasVacancy}
                  onChange={(e) => set('hasVacancy', e.target.checked)}
                />
                <Checkbox
                  id="directory-crisis"
                  name="crisis"
                  label={t('directory.filter.crisis')}
                  checked={filters.crisis}
                  onChange={(e) => set('crisis', e.target.checked)}
                />
                <Checkbox
                  id="directory-csec-trained"
                  name="csecTrained"
                  label={t('directory.filter.csecTrained')}
                  checked={filters.csecTrained}
                  onChange={(e) => set('csecTrained', e.target.checked)}
                />
              </fieldset>
            </fieldset>
            <div className="harbor-step-buttons margin-top-3">
              <Button type="submit">{t('directory.showResults')}</Button>
              {(activeCount > 0 || filters.q) && (
                <Button type="button" unstyled onClick={() => setFilters(EMPTY_FILTERS)}>
                  {t('directory.clear')}
                </Button>
              )}
            </div>
          </div>
        </form>

        <div className="harbor-directory__results">
          <h2 ref={resultsHeading} tabIndex={-1} className="harbor-focus-target margin-top-0">
            {t('directory.results.heading')}
          </h2>
          {/* Always in the page, so screen readers announce each new count. */}
          <p role="status" aria-live="polite" className="harbor-search-status">
            {status}
          </p>
          {!current && !failed && <p className="text-base">{t('directory.results.searching')}</p>}
          {failed && (
            <Alert type="error" headingLevel="h3" slim>
              {failed.status === 0 ? t('errors.network') : t('errors.generic')}{' '}
              <Button type="button" unstyled onClick={() => setAttempt((n) => n + 1)}>
                {t('errors.tryAgain')}
              </Button>
            </Alert>
          )}
          {shown && shown.providers.length > 0 && (
            <div aria-busy={!current} className={current ? undefined : 'harbor-stale'}>
              <ProviderResults providers={shown.providers} services={services} />
              {pages > 1 && current && (
                <nav aria-label={t('directory.pages.label')} className="harbor-pager">
                  <Button type="button" outline disabled={page <= 1} onClick={() => goToPage(page - 1)}>
                    {t('directory.pages.previous')}
                  </Button>
                  <span>{t('directory.pages.of', { page, pages })}</span>
                  <Button type="button" outline disabled={page >= pages} onClick={() => goToPage(page + 1)}>
                    {t('directory.pages.next')}
                  </Button>
                </nav>
              )}
            </div>
          )}
          {current && current.total > 0 && (
            <section aria-labelledby="export-heading" className="harbor-export">
              <h3 id="export-heading">{t('directory.export.heading')}</h3>
              <p className="margin-top-0">{t('directory.export.intro', { count: current.total })}</p>
              <ul className="harbor-inline-links">
                <li>
                  <a className="usa-link" href={`/api/directory/providers/export.csv${exportQuery}`} download>
                    <Icon.FileDownload size={3} aria-hidden="true" focusable={false} /> {t('directory.export.csv')}
                  </a>
                </li>
                <li>
                  <a className="usa-link" href={`/api/directory/providers/export.xlsx${exportQuery}`} download>
                    <Icon.FileDownload size={3} aria-hidden="true" focusable={false} /> {t('directory.export.xlsx')}
                  </a>
                </li>
              </ul>
            </section>
          )}
        </div>
      </div>
    </>
  );
}
