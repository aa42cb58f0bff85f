import { Button, Select, TextInput, Textarea } from '@trussworks/react-uswds';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionErrorAlert, toActionError, type ActionError } from '../components/ActionErrorAlert';
import { DateTimeInput } from '../components/DateTimeInput';
import { Field } from '../components/Field';

export type CorrectionField =
  | { name: string; label: string; kind: 'text' | 'textarea' | 'date' | 'datetime'; initial: string }
  | { name: string; label: string; kind: 'select'; initial: string; options: { value: string; label: string }[] };

interface Props {
  /** Prefixes every id in the form (one form per record on a page). */
  id: string;
  fields: CorrectionField[];
  submitLabel: string;
  /** What the correction is for, said above the fields. */
  intro?: string;
  /** Sends the changed values (only those that differ from `initial`) and the reason. */
  onSubmit: (changed: Record<string, string>, reason: string) => Promise<void>;
  onCancel: () => void;
  /** False for a first recording (a decision recorded afterwards): no reason asked. */
  withReason?: boolean;
}

/**
 * The one form behind every correction (and a discard, with no fields): the values to correct,
 * prefilled, and the reason, which is required and kept with the earlier version.
 */
export function CorrectionForm({ id, fields, submitLabel, intro, onSubmit, onCancel, withReason = true }: Props) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(fields.map((f) => [f.name, f.initial])),
  );
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [error, setError] = useState<ActionError | null>(null);
  const [saving, setSaving] = useState(false);
  const attempt = useRef(0);
  const reasonRef = useRef<HTMLTextAreaElement>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (withReason && reason.trim().length < 3) {
      setReasonError(t('corrections.reasonRequired'));
      reasonRef.current?.focus();
      return;
    }
    setReasonError(null);
    const changed = Object.fromEntries(
      fields.filter((f) => !withReason || values[f.name] !== f.initial).map((f) => [f.name, values[f.name] ?? '']),
    );
    setSaving(true);
    try {
      await onSubmit(changed, reason.trim());
    } catch (err) {
      attempt.current += 1;
      setError(toActionError(err, attempt.current));
    } finally {
      setSaving(false);
    }
  }

  return (
    <form className="usa-form harbor-correction-form" noValidate onSubmit={(e) => void submit(e)}>
      {intro && <p>{intro}</p>}
      {error && <ActionErrorAlert error={error} heading={t('corrections.failed')} headingLevel="h4" />}
      {fields.map((f) => {
        const fid = `${id}-${f.name}`;
        const set = (v: string) => setValues((old) => ({ ...old, [f.name]: v }));
        const value = values[f.name] ?? '';
        return (
          <Field key={f.name} id={fid} label={f.label}>
            {(describedBy) =>
              f.kind === 'select' ? (
                <Select
                  id={fid}
                  name={f.name}
                  value={value}
                  aria-describedby={describedBy}
                  onChange={(e) => set(e.target.value)}
                >
                  {f.options.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </Select>
              ) : f.kind === 'textarea' ? (
                <Textarea
                  id={fid}
                  name={f.name}
                  value={value}
                  aria-describedby={describedBy}
                  onChange={(e) => set(e.target.value)}
                />
              ) : f.kind === 'text' ? (
                <TextInput
                  id={fid}
                  name={f.name}
                  type="text"
                  value={value}
                  aria-describedby={describedBy}
                  onChange={(e) => set(e.target.value)}
                />
              ) : (
                <DateTimeInput
                  id={fid}
                  name={f.name}
                  kind={f.kind === 'date' ? 'date' : 'datetime-local'}
                  value={value}
                  aria-describedby={describedBy}
                  onChange={(e) => set(e.target.value)}
                />
              )
            }
          </Field>
        );
      })}
      {withReason && (
        <Field
          id={`${id}-reason`}
          label={t('corrections.reason')}
          hint={t('corrections.reasonHint')}
          error={reasonError ?? undefined}
        >
          {(describedBy) => (
            <Textarea
              id={`${id}-reason`}
              name="reason"
              inputRef={reasonRef}
              required
              maxLength={500}
              value={reason}
              aria-describedby={describedBy}
              aria-invalid={reasonError ? true : undefined}
              error={!!reasonError}
              onChange={(e) => setReason(e.target.value)}
            />
          )}
        </Field>
      )}
      <div className="margin-top-2">
        <Button type="submit" disabled={saving}>
          {submitLabel}
        </Button>
        <Button type="button" unstyled className="margin-left-2" onClick={onCancel}>
          {t('corrections.cancel')}
        </Button>
      </div>
    </form>
  );
}
