import { Alert, Label, TextInput } from '@trussworks/react-uswds';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, type ApiError } from '../api';
import { PageHeading } from '../components/PageHeading';
import { CurrentlyMissingPanel } from '../missing/CurrentlyMissing';
import { canAddYouth, canRecordYouth } from '../lib/roles';
import { recalledQuery, rememberQuery } from '../lib/searchMemory';
import { toApiError } from '../lib/useApi';
import { useActiveSession } from '../auth/SessionContext';
import type { IntakeState } from './NewYouthPage';
import type { SearchResult, YouthSearchResult } from '../../contract/youth';
import { Caseload } from './Caseload';
import { SearchResults } from './SearchResults';

const LIMIT = 25;
const DEBOUNCE_MS = 250;

interface Answer {
  query: string;
  results: YouthSearchResult[];
}

/**
 * Find a youth: results as you type; an empty box shows the user's caseload ("My youth"), paged
 * and sorted by the server with its true total (Caseload).
 */
export function SearchPage() {
  const { t } = useTranslation();
  const session = useActiveSession();
  const mayAdd = canAddYouth(session);
  const [query, setQuery] = useState(recalledQuery);
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [error, setError] = useState<{ query: string; error: ApiError } | null>(null);
  const trimmed = query.trim();

  useEffect(() => rememberQuery(query), [query]);

  useEffect(() => {
    // The empty box is the caseload, which loads itself.
    if (!trimmed) return;
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      const params = new URLSearchParams({ limit: String(LIMIT), q: trimmed });
      api<SearchResult>(`/api/youth?${params.toString()}`, { signal: controller.signal }).then(
        (body) => {
          setAnswer({ query: trimmed, results: body.results });
          setError(null);
        },
        (err: unknown) => {
          if (!controller.signal.aborted) setError({ query: trimmed, error: toApiError(err) });
        },
      );
    }, DEBOUNCE_MS);
    // A newer query cancels the older one, so stale results never replace fresh ones.
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [trimmed]);

  const current = answer?.query === trimmed ? answer : null;
  const failed = error?.query === trimmed ? error.error : null;
  const shown = failed ? null : (current ?? answer);
  const mine = trimmed === '';

  let status = '';
  if (current && !mine) {
    const count = current.results.length;
    status = count ? t('search.count', { count, query: current.query }) : t('search.none', { query: current.query });
  }

  return (
    <>
      <PageHeading documentTitle={t('search.title')}>{t('search.title')}</PageHeading>
      {mayAdd && (
        <p>
          <Link className="usa-button usa-button--outline" to="/youth/new">
            {t('intake.add')}
          </Link>
        </p>
      )}
      {/* The supervisor's glance: who is missing, overdue reports, debriefs still due (missing capability). */}
      <CurrentlyMissingPanel />
      <form
        role="search"
        className="usa-form usa-form--large harbor-search-form"
        onSubmit={(e: FormEvent) => e.preventDefault()}
      >
        <Label htmlFor="youth-search" hint={<span className="display-block">{t('search.hint')}</span>}>
          {t('search.label')}
        </Label>
        <TextInput
          id="youth-search"
          name="q"
          type="search"
          autoComplete="off"
          spellCheck={false}
          maxLength={100}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
      </form>

      <h2 className="margin-top-5">{mine ? t('search.myYouth') : t('search.resultsHeading')}</h2>
      {mine ? (
        <Caseload />
      ) : (
        <>
          {/* Always in the page, so screen readers announce each new count. */}
          <p role="status" aria-live="polite" className="harbor-search-status">
            {status}
          </p>
          {!current && !failed && <p className="text-base">{t('search.searching')}</p>}
          {/* Nobody found: the next step is to add the youth (the names typed go along, never in the address). */}
          {current && current.results.length === 0 && mayAdd && (
            <p>
              <Link className="usa-button" to="/youth/new" state={{ name: current.query } satisfies IntakeState}>
                {t('intake.addNamed', { query: current.query })}
              </Link>
            </p>
          )}
          {failed && (
            <Alert type="error" headingLevel="h3" slim>
              {failed.status === 0 ? t('errors.network') : t('errors.generic')}
              {failed.requestId && ` ${t('errors.reference')} ${failed.requestId}`}
            </Alert>
          )}
          {/* While a new search runs, the previous results stay in place rather than flashing away. */}
          {shown && shown.results.length > 0 && (
            <div aria-busy={!current} className={current ? undefined : 'harbor-stale'}>
              <SearchResults results={shown.results} showMatch reportMissing={canRecordYouth(session)} />
              {shown.results.length >= LIMIT && (
                <p className="text-base-dark">{t('search.limited', { count: LIMIT })}</p>
              )}
            </div>
          )}
        </>
      )}
    </>
  );
}
