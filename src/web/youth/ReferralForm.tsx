import { Button, Checkbox, TextInput, Textarea } from '@trussworks/react-uswds';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { ActionErrorAlert, toActionError, type ActionError } from '../components/ActionErrorAlert';
import { DateTimeInput } from '../components/DateTimeInput';
import { ErrorSummary, type FieldProblem } from '../components/ErrorSummary';
import { Field } from '../components/Field';
import { countyDateTimeInput, countyInputToIso } from '../lib/format';
import type { ReferralView } from '../../contract/referrals';

interface Props {
  youthId: string;
  onSaved: (referral: ReferralView) => void;
  onCancel: () => void;
}

/** A hotline referral; one that alleges commercial sexual exploitation gets the state's S-CSEC code. */
export function ReferralForm({ youthId, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const [externalId, setExternalId] = useState('');
  const [receivedAt, setReceivedAt] = useState(() => countyDateTimeInput());
  const [allegations, setAllegations] = useState('');
  const [csec, setCsec] = useState(false);
  const [problems, setProblems] = useState<{ list: FieldProblem[]; attempt: number } | null>(null);
  const [error, setError] = useState<ActionError | null>(null);
  const [saving, setSaving] = useState(false);
  const attempt = useRef(0);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    attempt.current += 1;
    setError(null);
    const received = countyInputToIso(receivedAt);
    const lines = allegations
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    const list: FieldProblem[] = [];
    if (!received) list.push({ field: 'referral-received', message: t('referralForm.errors.received') });
    else if (new Date(received).getTime() > Date.now() + 60_000)
      list.push({ field: 'referral-received', message: t('referralForm.errors.future') });
    if (lines.some((l) => l.length < 2))
      list.push({ field: 'referral-allegations', message: t('referralForm.errors.allegationShort') });
    if (lines.length > 20)
      list.push({ field: 'referral-allegations', message: t('referralForm.errors.allegationsMany') });
    if (list.length || !received) {
      setProblems({ list, attempt: attempt.current });
      return;
    }
    setProblems(null);
    setSaving(true);
    try {
      const saved = await api<ReferralView>(`/api/youth/${encodeURIComponent(youthId)}/referrals`, {
        method: 'POST',
        body: {
          ...(externalId.trim() ? { externalId: externalId.trim() } : {}),
          receivedAt: received,
          allegations: lines,
          csecAllegation: csec,
        },
      });
      onSaved(saved);
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
      aria-labelledby="referral-form-heading"
    >
      <h3 id="referral-form-heading">{t('referralForm.heading')}</h3>
      {problems && <ErrorSummary key={problems.attempt} problems={problems.list} headingLevel="h4" />}
      {error && (
        <ActionErrorAlert key={error.attempt} error={error} heading={t('referralForm.failed')} headingLevel="h4" />
      )}
      <Field
        id="referral-number"
        label={t('referralForm.number')}
        optional
        optionalText={t('forms.optional')}
        hint={t('referralForm.numberHint')}
      >
        {(describedBy) => (
          <TextInput
            id="referral-number"
            name="externalId"
            type="text"
            maxLength={64}
            value={externalId}
            aria-describedby={describedBy}
            onChange={(e) => setExternalId(e.target.value)}
          />
        )}
      </Field>
      <Field
        id="referral-received"
        label={t('referralForm.received')}
        hint={t('forms.countyTimeHint')}
        error={errorFor('referral-received')}
      >
        {(describedBy) => (
          <DateTimeInput
            id="referral-received"
            name="receivedAt"
            kind="datetime-local"
            value={receivedAt}
            invalid={!!errorFor('referral-received')}
            aria-describedby={describedBy}
            onChange={(e) => setReceivedAt(e.target.value)}
          />
        )}
      </Field>
      <Field
        id="referral-allegations"
        label={t('referralForm.allegations')}
        optional
        optionalText={t('forms.optional')}
        hint={t('referralForm.allegationsHint')}
        error={errorFor('referral-allegations')}
      >
        {(describedBy) => (
          <Textarea
            id="referral-allegations"
            name="allegations"
            className="harbor-short-textarea"
            value={allegations}
            error={!!errorFor('referral-allegations')}
            aria-invalid={!!errorFor('referral-allegations') || undefined}
            aria-describedby={describedBy}
            onChange={(e) => setAllegations(e.target.value)}
          />
        )}
      </Field>
      <div className="margin-top-3">
        <Checkbox
          id="referral-csec"
          name="csecAllegation"
          tile
          checked={csec}
          onChange={(e) => setCsec(e.target.checked)}
          label={t('referralForm.csec')}
          labelDescription={t('referralForm.csecHint')}
        />
      </div>
      <div className="harbor-step-buttons">
        <Button type="submit" disabled={saving}>
          {saving ? t('forms.saving') : t('referralForm.submit')}
        </Button>
        <Button type="button" unstyled onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
