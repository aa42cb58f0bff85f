import { Checkbox, Label, Radio, TextInput } from '@trussworks/react-uswds';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { countyDaysAgo, formatDaysAgo } from '../lib/format';
import { languageLabel } from '../lib/labels';
import { useLanguage } from '../lib/useLanguage';
import type { ProviderList, ProviderView as Provider } from '../../contract/directory';

const LIMIT = 8;
const DEBOUNCE_MS = 250;

interface Props {
  /** The id of the fieldset (error summaries link here). */
  id: string;
  legend: string;
  /** The directory filter that makes a provider fit: a placement type or a service. */
  filter: { placementType: string } | { service: string };
  selected: Provider | null;
  onSelect: (provider: Provider | null) => void;
  error?: string;
}

/**
 * Choose a provider from the directory: a search box and a list of radio buttons, so it works
 * the same with a keyboard, a screen reader or a finger. "None" is always a choice.
 */
export function ProviderPicker({ id, legend, filter, selected, onSelect, error }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [query, setQuery] = useState('');
  const [vacancyOnly, setVacancyOnly] = useState(false);
  const [answer, setAnswer] = useState<{ key: string; list: ProviderList } | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const isPlacement = 'placementType' in filter;
  const params = new URLSearchParams({ ...filter, pageSize: String(LIMIT) });
  if (query.trim()) params.set('q', query.trim());
  if (isPlacement && vacancyOnly) params.set('hasVacancy', 'true');
  const key = params.toString();

  useEffect(() => {
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      api<ProviderList>(`/api/directory/providers?${key}`, { signal: controller.signal }).then(
        (list) => {
          setAnswer({ key, list });
          setFailed(null);
        },
        () => {
          if (!controller.signal.aborted) setFailed(key);
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [key]);

  const current = answer?.key === key ? answer.list : null;
  const shown = answer?.list.providers ?? [];
  // The chosen provider stays in the list even when a new search would not find it.
  const options = selected && !shown.some((p) => p.id === selected.id) ? [selected, ...shown] : shown;
  let status = '';
  if (failed === key) status = t('picker.failed');
  else if (current)
    status =
      current.total === 0
        ? t('picker.none')
        : current.total > LIMIT
          ? t('picker.countMore', { count: current.total, shown: LIMIT })
          : t('picker.count', { count: current.total });

  const describe = (p: Provider) => {
    const parts: string[] = [];
    if (p.vacancies !== null) {
      if (p.vacancies === 0)
        parts.push(p.beds !== null ? t('directory.vacancy.noneOfBeds', { beds: p.beds }) : t('directory.vacancy.none'));
      else
        parts.push(
          p.beds !== null
            ? t('picker.vacancies', { count: p.vacancies, beds: p.beds })
            : t('directory.vacancy.open', { count: p.vacancies }),
        );
      if (p.vacanciesConfirmedAt)
        parts.push(
          t('directory.vacancy.confirmed', { when: formatDaysAgo(countyDaysAgo(p.vacanciesConfirmedAt), language) }),
        );
    }
    if (p.csecTrained) parts.push(t('directory.flags.csecTrained'));
    if (p.languages.length) parts.push(p.languages.map((l) => languageLabel(l, t)).join(', '));
    if (p.spas.length) parts.push(t('picker.spas', { list: p.spas.join(', ') }));
    return parts.join(' · ');
  };

  return (
    <fieldset className={`usa-fieldset harbor-picker${error ? ' usa-form-group--error' : ''}`} id={id}>
      <legend className="usa-legend">
        {legend} <span className="harbor-optional">{t('forms.optional')}</span>
      </legend>
      {error && <span className="usa-error-message">{error}</span>}
      <Label htmlFor={`${id}-q`} hint={<span className="display-block">{t('picker.searchHint')}</span>}>
        {t('picker.search')}
      </Label>
      <TextInput
        id={`${id}-q`}
        name={`${id}-q`}
        type="search"
        autoComplete="off"
        maxLength={100}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      {isPlacement && (
        <Checkbox
          id={`${id}-vacancy`}
          name={`${id}-vacancy`}
          label={t('picker.vacancyOnly')}
          checked={vacancyOnly}
          onChange={(e) => setVacancyOnly(e.target.checked)}
        />
      )}
      <p role="status" aria-live="polite" className="harbor-picker__status">
        {status}
      </p>
      <div className="harbor-picker__options">
        <Radio
          id={`${id}-none`}
          name={id}
          value=""
          tile
          checked={selected === null}
          onChange={() => onSelect(null)}
          label={t('picker.noProvider')}
        />
        {options.map((p) => (
          <Radio
            key={p.id}
            id={`${id}-${p.id}`}
            name={id}
            value={p.id}
            tile
            checked={selected?.id === p.id}
            onChange={() => onSelect(p)}
            label={p.name}
            labelDescription={describe(p) || undefined}
          />
        ))}
      </div>
    </fieldset>
  );
}
