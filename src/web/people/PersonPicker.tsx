import { Select, TextInput } from '@trussworks/react-uswds';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PeopleList, PersonView } from '../../contract/people';
import { useApi } from '../lib/useApi';

/** A staff member of the signed-in user's county, as GET /api/people returns them. */
export type StaffPerson = PersonView;

interface Props {
  /** Prefix for the ids of the two controls. */
  id: string;
  value: string;
  onChange: (person: StaffPerson | null) => void;
  /** People not to offer (already on the team). */
  exclude?: readonly string[];
  error?: string;
}

/**
 * Finds a person of the county by name: a search box, then a list of the matches to choose from.
 * Two plain controls rather than a combobox, so every browser and screen reader handles them.
 */
export function PersonPicker({ id, value, onChange, exclude = [], error }: Props) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const [query, setQuery] = useState('');
  // Ask the server once typing pauses, not on every key.
  useEffect(() => {
    const timer = window.setTimeout(() => setQuery(typed.trim()), 250);
    return () => window.clearTimeout(timer);
  }, [typed]);
  const { result } = useApi<PeopleList>(`/api/people?limit=25${query ? `&q=${encodeURIComponent(query)}` : ''}`);
  const people = result.status === 'ok' ? result.data.people.filter((p) => !exclude.includes(p.id)) : [];
  const lost = result.status === 'ok' && value !== '' && !people.some((p) => p.id === value);
  // A new search that no longer lists the chosen person clears the choice: what is shown is what is sent.
  useEffect(() => {
    if (lost) onChange(null);
  }, [lost, onChange]);
  const searchId = `${id}-search`;
  const selectId = `${id}-person`;
  const errorId = `${id}-error`;
  const countId = `${id}-count`;
  return (
    <div className={`usa-form-group harbor-person-picker${error ? ' usa-form-group--error' : ''}`}>
      <label className="usa-label" htmlFor={searchId}>
        {t('people.search')}
      </label>
      <span className="usa-hint display-block" id={`${searchId}-hint`}>
        {t('people.searchHint')}
      </span>
      <TextInput
        id={searchId}
        name={searchId}
        type="search"
        autoComplete="off"
        maxLength={100}
        value={typed}
        aria-describedby={`${searchId}-hint`}
        onChange={(e) => setTyped(e.target.value)}
      />
      <label className={`usa-label${error ? ' usa-label--error' : ''}`} htmlFor={selectId}>
        {t('people.choose')}
      </label>
      <span className="usa-hint display-block" id={countId} aria-live="polite">
        {result.status === 'loading'
          ? t('people.searching')
          : result.status === 'error'
            ? t('people.failed')
            : t('people.matches', { count: people.length })}
      </span>
      {error && (
        <span className="usa-error-message" id={errorId}>
          {error}
        </span>
      )}
      <Select
        id={selectId}
        name={selectId}
        value={people.some((p) => p.id === value) ? value : ''}
        validationStatus={error ? 'error' : undefined}
        aria-invalid={!!error || undefined}
        aria-describedby={[countId, error ? errorId : null].filter(Boolean).join(' ')}
        onChange={(e) => onChange(people.find((p) => p.id === e.target.value) ?? null)}
      >
        <option value="">{t('people.choosePlaceholder')}</option>
        {people.map((p) => (
          <option key={p.id} value={p.id}>
            {t('people.option', { name: p.displayName, organization: p.organization.name })}
          </option>
        ))}
      </Select>
    </div>
  );
}
