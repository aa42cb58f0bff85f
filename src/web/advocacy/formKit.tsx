// Small form pieces shared by the advocacy screens: labelled selects, text and date fields, and
// one hook that runs a save with the error summary and the server's answer shown the same way
// on every form (400 and 422 name what to fix; a 422 on assignment lists every vetting gap).
import { TextInput, Textarea } from '@trussworks/react-uswds';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { VettingGapItem } from '../../contract/advocacy';
import { ApiError } from '../api';
import { ActionErrorAlert, toActionError, type ActionError } from '../components/ActionErrorAlert';
import { ChoiceSelect } from '../components/ChoiceSelect';
import { DateTimeInput } from '../components/DateTimeInput';
import { ErrorSummary, type FieldProblem } from '../components/ErrorSummary';
import { Field } from '../components/Field';
import { FocusedAlert } from '../components/FocusedAlert';
import { JumpLink } from '../components/JumpLink';
import { problemParams } from '../lib/problems';

interface Common {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  optional?: boolean;
  value: string;
  onChange: (value: string) => void;
}

export function SelectField({ options, ...p }: Common & { options: { value: string; label: string }[] }) {
  const { t } = useTranslation();
  return (
    <Field
      id={p.id}
      label={p.label}
      hint={p.hint}
      error={p.error}
      optional={p.optional}
      optionalText={t('forms.optional')}
    >
      {(describedBy) => (
        <ChoiceSelect
          id={p.id}
          value={p.value}
          onChange={p.onChange}
          options={options}
          describedBy={describedBy}
          invalid={!!p.error}
        />
      )}
    </Field>
  );
}

export function TextField({
  multiline,
  maxLength = 2000,
  inputType = 'text',
  ...p
}: Common & { multiline?: boolean; maxLength?: number; inputType?: 'text' | 'number' }) {
  const { t } = useTranslation();
  return (
    <Field
      id={p.id}
      label={p.label}
      hint={p.hint}
      error={p.error}
      optional={p.optional}
      optionalText={t('forms.optional')}
    >
      {(describedBy) =>
        multiline ? (
          <Textarea
            id={p.id}
            name={p.id}
            className="harbor-short-textarea"
            maxLength={maxLength}
            value={p.value}
            error={!!p.error}
            aria-invalid={!!p.error || undefined}
            aria-describedby={describedBy}
            onChange={(e) => p.onChange(e.target.value)}
          />
        ) : (
          <TextInput
            id={p.id}
            name={p.id}
            type={inputType}
            maxLength={maxLength}
            value={p.value}
            validationStatus={p.error ? 'error' : undefined}
            aria-invalid={!!p.error || undefined}
            aria-describedby={describedBy}
            onChange={(e) => p.onChange(e.target.value)}
          />
        )
      }
    </Field>
  );
}

export function DateField({ kind = 'date', ...p }: Common & { kind?: 'date' | 'datetime-local' }) {
  const { t } = useTranslation();
  return (
    <Field
      id={p.id}
      label={p.label}
      hint={p.hint ?? (kind === 'datetime-local' ? t('forms.countyTimeHint') : undefined)}
      error={p.error}
      optional={p.optional}
      optionalText={t('forms.optional')}
    >
      {(describedBy) => (
        <DateTimeInput
          id={p.id}
          name={p.id}
          kind={kind}
          value={p.value}
          invalid={!!p.error}
          aria-describedby={describedBy}
          onChange={(e) => p.onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

/** A vetting gap in the reader's language (problems.vettingGap.<code>). */
export function vettingGapText(t: (key: string, options?: Record<string, unknown>) => string, gap: VettingGapItem) {
  return t(`problems.vettingGap.${gap.code}`, problemParams(gap));
}

/** Every vetting requirement the advocate lacks, translated; each links to the picker. */
function GapsAlert({
  gaps,
  field,
  headingLevel,
}: {
  gaps: VettingGapItem[];
  field: string;
  headingLevel: 'h3' | 'h4' | 'h5';
}) {
  const { t } = useTranslation();
  return (
    <FocusedAlert heading={t('advocacy.assign.gapsHeading', { count: gaps.length })} headingLevel={headingLevel}>
      <p className="usa-alert__text">{t('advocacy.assign.gapsIntro')}</p>
      <ul className="usa-list margin-top-1">
        {gaps.map((g) => (
          <li key={`${g.code}:${g.kind ?? g.training ?? ''}`}>
            <JumpLink to={field}>{vettingGapText(t, g)}</JumpLink>
          </li>
        ))}
      </ul>
    </FocusedAlert>
  );
}

/** The vetting gaps of a refused assignment (422 advocate_not_vetted, `details.vetting`), if that is what it was. */
export function vettingGapsOf(err: unknown): VettingGapItem[] | null {
  if (!(err instanceof ApiError) || err.code !== 'advocate_not_vetted') return null;
  const gaps = (err.details as { vetting?: unknown } | undefined)?.vetting;
  return Array.isArray(gaps)
    ? gaps.filter((g): g is VettingGapItem => typeof g === 'object' && g !== null && typeof g.code === 'string')
    : null;
}

/**
 * One form's save: checks first (problems go to the error summary, which takes focus), then
 * sends; a failed send shows the server's reason. `gapField` is the field a 422 with vetting gaps
 * points at: each gap becomes its own entry of the error summary.
 */
export function useFormRun({ gapField }: { gapField?: string } = {}) {
  const { t } = useTranslation();
  const [problems, setProblems] = useState<{ list: FieldProblem[]; attempt: number } | null>(null);
  const [gaps, setGaps] = useState<{ list: VettingGapItem[]; attempt: number } | null>(null);
  const [error, setError] = useState<ActionError | null>(null);
  const [saving, setSaving] = useState(false);
  const attempt = useRef(0);

  const run = (event: FormEvent, check: () => FieldProblem[], send: () => Promise<void>) => {
    event.preventDefault();
    attempt.current += 1;
    setError(null);
    setGaps(null);
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
        const found = gapField ? vettingGapsOf(err) : null;
        if (found && found.length) {
          setGaps({ list: found, attempt: attempt.current });
        } else {
          // A 409 here is usually a step the referral's state does not allow: its code says which.
          setError(toActionError(err, attempt.current));
        }
      },
    );
  };

  const errorFor = (field: string) => {
    if (gaps && field === gapField) return t('advocacy.assign.notVetted');
    return problems?.list.find((p) => p.field === field)?.message;
  };

  const alerts = (heading: string, level: 'h3' | 'h4' | 'h5' = 'h4') => (
    <>
      {problems && <ErrorSummary key={problems.attempt} problems={problems.list} headingLevel={level} />}
      {gaps && gapField && <GapsAlert key={gaps.attempt} gaps={gaps.list} field={gapField} headingLevel={level} />}
      {error && (
        <ActionErrorAlert
          key={error.attempt}
          error={error}
          heading={heading}
          headingLevel={level}
          messageKeys={{
            404: 'advocacy.errors.notFound',
            409: 'advocacy.errors.conflict',
            422: 'advocacy.errors.refused',
          }}
        />
      )}
    </>
  );

  return { run, errorFor, alerts, saving, savingLabel: t('forms.saving') };
}
