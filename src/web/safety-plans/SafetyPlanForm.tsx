import { Button, Checkbox, TextInput, Textarea } from '@trussworks/react-uswds';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { ActionErrorAlert, toActionError, type ActionError } from '../components/ActionErrorAlert';
import { ErrorSummary, type FieldProblem } from '../components/ErrorSummary';
import { Field } from '../components/Field';
import type { SafetyPlanView } from '../../contract/safety-plans';

export const PLAN_FIELDS = ['warningSigns', 'safePeople', 'safePlaces', 'ifContacted', 'reachAdvocate'] as const;
type PlanField = (typeof PLAN_FIELDS)[number];

interface Props {
  youthId: string;
  /** The latest version, which the next one starts from. */
  latest: SafetyPlanView | null;
  onSaved: (plan: SafetyPlanView) => void;
  onCancel: () => void;
}

/** Writes the next version of the safety plan, starting from the latest one. */
export function SafetyPlanForm({ youthId, latest, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Record<PlanField, string>>(() => ({
    warningSigns: latest?.warningSigns ?? '',
    safePeople: latest?.safePeople ?? '',
    safePlaces: latest?.safePlaces ?? '',
    ifContacted: latest?.ifContacted ?? '',
    reachAdvocate: latest?.reachAdvocate ?? '',
  }));
  const [withYouth, setWithYouth] = useState(false);
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<{ list: FieldProblem[]; attempt: number } | null>(null);
  const [error, setError] = useState<ActionError | null>(null);
  const [saving, setSaving] = useState(false);
  const attempt = useRef(0);
  const id = (field: string) => `safety-${field}`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    attempt.current += 1;
    setError(null);
    const list: FieldProblem[] = [];
    for (const f of PLAN_FIELDS) {
      const v = values[f].trim();
      if (v.length < 3)
        list.push({ field: id(f), message: t('safetyPlan.errors.short', { field: t(`safetyPlan.fields.${f}`) }) });
    }
    if (list.length) {
      setProblems({ list, attempt: attempt.current });
      return;
    }
    setProblems(null);
    setSaving(true);
    try {
      const body = {
        ...Object.fromEntries(PLAN_FIELDS.map((f) => [f, values[f].trim()])),
        writtenWithYouth: withYouth,
        reason: reason.trim() || null,
      };
      onSaved(
        await api<SafetyPlanView>(`/api/youth/${encodeURIComponent(youthId)}/safety-plans`, { method: 'POST', body }),
      );
    } catch (err) {
      setSaving(false);
      setError(toActionError(err, attempt.current));
    }
  };

  const errorFor = (field: string) => problems?.list.find((p) => p.field === field)?.message;

  return (
    <form
      className="usa-form usa-form--large harbor-wide-form"
      noValidate
      onSubmit={(e) => void submit(e)}
      aria-labelledby="safety-form-heading"
    >
      <h3 id="safety-form-heading" className="harbor-form-heading">
        {t('safetyPlan.formHeading', { version: (latest?.version ?? 0) + 1 })}
      </h3>
      {problems && <ErrorSummary key={problems.attempt} problems={problems.list} headingLevel="h4" />}
      {error && (
        <ActionErrorAlert key={error.attempt} error={error} heading={t('safetyPlan.failed')} headingLevel="h4" />
      )}
      {PLAN_FIELDS.map((f) => (
        <Field
          key={f}
          id={id(f)}
          label={t(`safetyPlan.fields.${f}`)}
          hint={t(`safetyPlan.hints.${f}`)}
          error={errorFor(id(f))}
        >
          {(describedBy) => (
            <Textarea
              id={id(f)}
              name={f}
              className="harbor-short-textarea"
              maxLength={4000}
              value={values[f]}
              error={!!errorFor(id(f))}
              aria-invalid={!!errorFor(id(f)) || undefined}
              aria-describedby={describedBy}
              onChange={(e) => setValues((v) => ({ ...v, [f]: e.target.value }))}
            />
          )}
        </Field>
      ))}
      <Field
        id={id('reason')}
        label={t('safetyPlan.reason')}
        hint={t('safetyPlan.reasonHint')}
        optional
        optionalText={t('forms.optional')}
      >
        {(describedBy) => (
          <TextInput
            id={id('reason')}
            name="reason"
            type="text"
            maxLength={500}
            value={reason}
            aria-describedby={describedBy}
            onChange={(e) => setReason(e.target.value)}
          />
        )}
      </Field>
      <div className="margin-top-3">
        <Checkbox
          id={id('with-youth')}
          name="writtenWithYouth"
          tile
          checked={withYouth}
          onChange={(e) => setWithYouth(e.target.checked)}
          label={t('safetyPlan.writtenWithYouth')}
        />
      </div>
      <div className="harbor-step-buttons">
        <Button type="submit" disabled={saving}>
          {saving ? t('forms.saving') : t('safetyPlan.submit')}
        </Button>
        <Button type="button" unstyled onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
