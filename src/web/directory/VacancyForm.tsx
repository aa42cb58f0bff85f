import { Button, TextInput } from '@trussworks/react-uswds';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api';
import { ActionErrorAlert, toActionError, type ActionError } from '../components/ActionErrorAlert';
import { ErrorSummary, type FieldProblem } from '../components/ErrorSummary';
import { Field } from '../components/Field';
import { serverFieldProblems } from '../lib/serverProblems';
import type { ProviderView as Provider } from '../../contract/directory';
import { ConflictAlert } from './ConflictAlert';

interface Props {
  provider: Provider;
  onSaved: (provider: Provider) => void;
  onReload: () => void;
}

/** The update providers make often: today's count of open beds (and the number of beds), stamped as confirmed now. */
export function VacancyForm({ provider, onSaved, onReload }: Props) {
  const { t } = useTranslation();
  const [vacancies, setVacancies] = useState(provider.vacancies === null ? '' : String(provider.vacancies));
  const [beds, setBeds] = useState(provider.beds === null ? '' : String(provider.beds));
  const [problems, setProblems] = useState<{ list: FieldProblem[]; attempt: number } | null>(null);
  const [error, setError] = useState<ActionError | null>(null);
  const [conflict, setConflict] = useState<{ details: unknown; attempt: number } | null>(null);
  const [saving, setSaving] = useState(false);
  const attempt = useRef(0);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    attempt.current += 1;
    setError(null);
    setConflict(null);
    const list: FieldProblem[] = [];
    const v = vacancies.trim();
    const b = beds.trim();
    if (!/^\d+$/.test(v) || Number(v) > 10000)
      list.push({ field: 'vacancy-count', message: t('vacancyForm.errors.vacancies') });
    if (b && (!/^\d+$/.test(b) || Number(b) > 10000))
      list.push({ field: 'vacancy-beds', message: t('vacancyForm.errors.beds') });
    if (!list.length && b && Number(v) > Number(b))
      list.push({ field: 'vacancy-count', message: t('providerForm.errors.vacanciesOverBeds') });
    if (list.length) {
      setProblems({ list, attempt: attempt.current });
      return;
    }
    setProblems(null);
    const newBeds = b ? Number(b) : null;
    setSaving(true);
    try {
      const saved = await api<Provider>(`/api/directory/providers/${encodeURIComponent(provider.id)}/vacancies`, {
        method: 'POST',
        body: {
          vacancies: Number(v),
          version: provider.version,
          ...(newBeds !== provider.beds ? { beds: newBeds } : {}),
        },
      });
      setSaving(false);
      onSaved(saved);
    } catch (err) {
      setSaving(false);
      if (err instanceof ApiError && err.status === 409)
        setConflict({ details: err.details, attempt: attempt.current });
      else if (err instanceof ApiError && err.status === 400) {
        setProblems({
          list: serverFieldProblems(
            err,
            {
              vacancies: { id: 'vacancy-count', label: t('vacancyForm.vacancies') },
              beds: { id: 'vacancy-beds', label: t('vacancyForm.beds') },
            },
            { id: 'vacancy-count', label: t('vacancyForm.vacancies') },
          ),
          attempt: attempt.current,
        });
      } else setError(toActionError(err, attempt.current));
    }
  };

  const errorFor = (id: string) => problems?.list.find((p) => p.field === id)?.message;

  return (
    <form
      className="usa-form harbor-vacancy-form"
      noValidate
      onSubmit={(e) => void submit(e)}
      aria-labelledby="vacancy-form-heading"
    >
      <h3 id="vacancy-form-heading">{t('vacancyForm.heading')}</h3>
      <p className="margin-top-0">{t('vacancyForm.intro')}</p>
      {problems && <ErrorSummary key={problems.attempt} problems={problems.list} headingLevel="h4" />}
      {conflict && <ConflictAlert key={conflict.attempt} details={conflict.details} onReload={onReload} />}
      {error && (
        <ActionErrorAlert
          key={error.attempt}
          error={error}
          heading={t('vacancyForm.failed')}
          headingLevel="h4"
          messageKeys={{ 403: 'directory.errors.forbidden', 404: 'directory.errors.notFound' }}
        />
      )}
      <div className="harbor-date-pair">
        <Field id="vacancy-count" label={t('vacancyForm.vacancies')} error={errorFor('vacancy-count')}>
          {(describedBy) => (
            <TextInput
              id="vacancy-count"
              name="vacancies"
              type="text"
              inputMode="numeric"
              className="harbor-number-input"
              maxLength={5}
              value={vacancies}
              validationStatus={errorFor('vacancy-count') ? 'error' : undefined}
              aria-invalid={!!errorFor('vacancy-count') || undefined}
              aria-describedby={describedBy}
              onChange={(e) => setVacancies(e.target.value)}
            />
          )}
        </Field>
        <Field
          id="vacancy-beds"
          label={t('vacancyForm.beds')}
          optional
          optionalText={t('forms.optional')}
          error={errorFor('vacancy-beds')}
        >
          {(describedBy) => (
            <TextInput
              id="vacancy-beds"
              name="beds"
              type="text"
              inputMode="numeric"
              className="harbor-number-input"
              maxLength={5}
              value={beds}
              validationStatus={errorFor('vacancy-beds') ? 'error' : undefined}
              aria-invalid={!!errorFor('vacancy-beds') || undefined}
              aria-describedby={describedBy}
              onChange={(e) => setBeds(e.target.value)}
            />
          )}
        </Field>
      </div>
      <div className="harbor-step-buttons margin-top-2">
        <Button type="submit" disabled={saving}>
          {saving ? t('forms.saving') : t('vacancyForm.submit')}
        </Button>
      </div>
    </form>
  );
}
