import { Label, TextInput } from '@trussworks/react-uswds';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../components/Loading';
import { useApi } from '../lib/useApi';
import { SearchResults } from '../youth/SearchResults';
import type { SearchResult } from '../../contract/youth';

const DEBOUNCE_MS = 250;

/**
 * On the currently-missing page (issue 14, finding 4): find the youth who has gone missing and
 * go straight to the three-question report, without opening their profile first.
 */
export function ReportMissingFinder() {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [settled, setSettled] = useState('');
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(query.trim()), DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [query]);
  return (
    <section aria-labelledby="report-missing-finder-heading" className="harbor-section">
      <h2 id="report-missing-finder-heading">{t('profileLead.finderHeading')}</h2>
      <form role="search" className="usa-form usa-form--large" onSubmit={(e: FormEvent) => e.preventDefault()}>
        <Label
          htmlFor="report-missing-search"
          hint={<span className="display-block">{t('profileLead.finderHint')}</span>}
        >
          {t('profileLead.finderLabel')}
        </Label>
        <TextInput
          id="report-missing-search"
          name="q"
          type="search"
          autoComplete="off"
          spellCheck={false}
          maxLength={100}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
      </form>
      {settled && <FinderResults query={settled} />}
    </section>
  );
}

function FinderResults({ query }: { query: string }) {
  const { t } = useTranslation();
  const { result } = useApi<SearchResult>(`/api/youth?${new URLSearchParams({ q: query, limit: '10' }).toString()}`);
  if (result.status === 'loading') return <Loading />;
  if (result.status === 'error') return <p role="status">{t('errors.generic')}</p>;
  if (result.data.results.length === 0) return <p role="status">{t('profileLead.finderNone', { query })}</p>;
  return <SearchResults results={result.data.results} showMatch={false} reportMissing />;
}
