import { Select, TextInput } from '@trussworks/react-uswds';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PeopleList } from '../../contract/people';
import type { CaseKind } from '../../domain/people';
import { useApi } from '../lib/useApi';

export interface Worker {
  id: string;
  name: string;
}

interface Props {
  /** Prefix for the ids of the two controls; the list itself is `${id}` (errors link to it). */
  id: string;
  kind: CaseKind | '';
  value: Worker | null;
  onChange: (worker: Worker | null) => void;
  error?: string;
}

/**
 * The worker who carries a case: staff of the county's agencies of the case's kind (GET
 * /api/people), found by name. A search box, then a list to choose from: two plain controls, so
 * every browser and screen reader handles them. The worker chosen stays listed whatever is typed.
 */
export function CaseWorkerSelect({ id, kind, value, onChange, error }: Props) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const [query, setQuery] = useState('');
  useEffect(() => {
    const timer = window.setTimeout(() => setQuery(typed.trim()), 250);
    return () => window.clearTimeout(timer);
  }, [typed]);
  const { result } = useApi<PeopleList>(`/api/people?limit=100${query ? `&q=${encodeURIComponent(query)}` : ''}`);
  const found: Worker[] =
    result.status === 'ok'
      ? result.data.people
          .filter((p) => p.organization.type === kind)
          .map((p) => ({
            id: p.id,
            name: t('people.option', { name: p.displayName, organization: p.organization.name }),
          }))
      : [];
  const options = value && !found.some((w) => w.id === value.id) ? [value, ...found] : found;
  const searchId = `${id}-search`;
  const countId = `${id}-count`;
  const errorId = `${id}-error`;
  return (
    <fieldset className={`usa-fieldset usa-form-group${error ? ' usa-form-group--error' : ''}`}>
      <legend className="usa-legend">
        {t('profile.cases.form.worker')} <span className="harbor-optional">{t('forms.optional')}</span>
      </legend>
      <label className="usa-label" htmlFor={searchId}>
        {t('profile.cases.form.workerSearch')}
      </label>
      <span className="usa-hint display-block" id={`${searchId}-hint`}>
        {kind ? t('profile.cases.form.workerSearchHint') : t('profile.cases.form.workerKindFirst')}
      </span>
      <TextInput
        id={searchId}
        name={searchId}
        type="search"
        autoComplete="off"
        maxLength={100}
        value={typed}
        disabled={!kind}
        aria-describedby={`${searchId}-hint`}
        onChange={(e) => setTyped(e.target.value)}
      />
      <label className={`usa-label${error ? ' usa-label--error' : ''}`} htmlFor={id}>
        {t('profile.cases.form.workerChoose')}
      </label>
      <span className="usa-hint display-block" id={countId} aria-live="polite">
        {!kind
          ? null
          : result.status === 'loading'
            ? t('people.searching')
            : result.status === 'error'
              ? t('people.failed')
              : t('profile.cases.form.workerMatches', { count: found.length })}
      </span>
      {error && (
        <span className="usa-error-message" id={errorId}>
          {error}
        </span>
      )}
      <Select
        id={id}
        name="assignedUserId"
        value={value?.id ?? ''}
        disabled={!kind}
        validationStatus={error ? 'error' : undefined}
        aria-invalid={!!error || undefined}
        aria-describedby={[countId, error ? errorId : null].filter(Boolean).join(' ')}
        onChange={(e) => onChange(options.find((w) => w.id === e.target.value) ?? null)}
      >
        <option value="">{t('profile.cases.form.workerNone')}</option>
        {options.map((w) => (
          <option key={w.id} value={w.id}>
            {w.name}
          </option>
        ))}
      </Select>
    </fieldset>
  );
}
