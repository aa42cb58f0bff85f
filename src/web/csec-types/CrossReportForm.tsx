import { Button, TextInput } from '@trussworks/react-uswds';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { ActionErrorAlert, toActionError, type ActionError } from '../components/ActionErrorAlert';
import { DateTimeInput } from '../components/DateTimeInput';
import { ErrorSummary, type FieldProblem } from '../components/ErrorSummary';
import { Field } from '../components/Field';
import { countyDateTimeInput, countyInputToIso } from '../lib/format';
import type { ObligationView } from '../../contract/obligations';

interface Props {
  youthId: string;
  obligation: ObligationView;
  onSaved: (obligation: ObligationView) => void;
  onCancel: () => void;
}

/** Records the cross-report that meets the duty: the agency, its report number and when it was made. */
export function CrossReportForm({ youthId, obligation, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const [agency, setAgency] = useState('');
  const [reportNumber, setReportNumber] = useState('');
  const [madeAt, setMadeAt] = useState(() => countyDateTimeInput());
  const [problems, setProblems] = useState<{ list: FieldProblem[]; attempt: number } | null>(null);
  const [error, setError] = useState<ActionError | null>(null);
  const [saving, setSaving] = useState(false);
  const attempt = useRef(0);
  const id = (field: string) => `${field}-${obligation.id}`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    attempt.current += 1;
    setError(null);
    const list: FieldProblem[] = [];
    const madeAtIso = countyInputToIso(madeAt);
    if (agency.trim().length < 2) list.push({ field: id('agency'), message: t('crossReport.errors.agency') });
    if (!reportNumber.trim()) list.push({ field: id('number'), message: t('crossReport.errors.number') });
    if (!madeAtIso) list.push({ field: id('made'), message: t('crossReport.errors.made') });
    else if (new Date(madeAtIso).getTime() > Date.now() + 60_000)
      list.push({ field: id('made'), message: t('crossReport.errors.future') });
    if (list.length || !madeAtIso) {
      setProblems({ list, attempt: attempt.current });
      return;
    }
    setProblems(null);
    setSaving(true);
    try {
      const saved = await api<ObligationView>(
        `/api/youth/${encodeURIComponent(youthId)}/obligations/${encodeURIComponent(obligation.id)}/meet`,
        { method: 'POST', body: { agency: agency.trim(), reportNumber: reportNumber.trim(), madeAt: madeAtIso } },
      );
      onSaved(saved);
    } catch (err) {
      setSaving(false);
      setError(toActionError(err, attempt.current));
    }
  };

  const errorFor = (field: string) => problems?.list.find((p) => p.field === id(field))?.message;

  return (
    <form
      className="usa-form harbor-wide-form"
      noValidate
      onSubmit={(e) => void submit(e)}
      aria-label={t('crossReport.heading')}
    >
      {problems && <ErrorSummary key={problems.attempt} problems={problems.list} headingLevel="h4" />}
      {error && (
        <ActionErrorAlert key={error.attempt} error={error} heading={t('crossReport.failed')} headingLevel="h4" />
      )}
      <Field
        id={id('agency')}
        label={t('crossReport.agency')}
        hint={t('crossReport.agencyHint')}
        error={errorFor('agency')}
      >
        {(describedBy) => (
          <TextInput
            id={id('agency')}
            name="agency"
            type="text"
            maxLength={200}
            autoComplete="organization"
            value={agency}
            validationStatus={errorFor('agency') ? 'error' : undefined}
            aria-invalid={!!errorFor('agency') || undefined}
            aria-describedby={describedBy}
            onChange={(e) => setAgency(e.target.value)}
          />
        )}
      </Field>
      <Field id={id('number')} label={t('crossReport.number')} error={errorFor('number')}>
        {(describedBy) => (
          <TextInput
            id={id('number')}
            name="reportNumber"
            type="text"
            maxLength={100}
            value={reportNumber}
            validationStatus={errorFor('number') ? 'error' : undefined}
            aria-invalid={!!errorFor('number') || undefined}
            aria-describedby={describedBy}
            onChange={(e) => setReportNumber(e.target.value)}
          />
        )}
      </Field>
      <Field id={id('made')} label={t('crossReport.madeAt')} hint={t('forms.countyTimeHint')} error={errorFor('made')}>
        {(describedBy) => (
          <DateTimeInput
            id={id('made')}
            name="madeAt"
            kind="datetime-local"
            value={madeAt}
            invalid={!!errorFor('made')}
            aria-describedby={describedBy}
            onChange={(e) => setMadeAt(e.target.value)}
          />
        )}
      </Field>
      <div className="harbor-step-buttons">
        <Button type="submit" disabled={saving}>
          {saving ? t('forms.saving') : t('crossReport.submit')}
        </Button>
        <Button type="button" unstyled onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
