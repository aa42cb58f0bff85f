import { Button, FormGroup, Label, Textarea } from '@trussworks/react-uswds';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, ApiError } from '../api';
import { ActionErrorAlert, toActionError, type ActionError } from '../components/ActionErrorAlert';
import type { InstrumentList } from '../../contract/instruments';
import type { ScreeningDetail } from '../../contract/screenings';

interface Props {
  youthId: string;
  screening: ScreeningDetail;
  instrumentKey: string;
}

/**
 * "Amend this screening": a final screening never changes, so an amendment is a new draft that
 * supersedes it, starting from the same answers, with the reason on record.
 */
export function AmendScreening({ youthId, screening, instrumentKey }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [tooShort, setTooShort] = useState(false);
  const [error, setError] = useState<ActionError | null>(null);
  const [saving, setSaving] = useState(false);
  const attempt = useRef(0);
  const reasonBox = useRef<HTMLTextAreaElement>(null);
  const base = `/api/youth/${encodeURIComponent(youthId)}/screenings`;

  const start = async (withVersion: string, copyAnswers: boolean) =>
    api<ScreeningDetail>(base, {
      method: 'POST',
      body: {
        instrumentVersionId: withVersion,
        context: screening.context,
        ...(copyAnswers ? { ratings: screening.ratings, notes: screening.notes } : {}),
        supersedesId: screening.id,
        supersedeReason: reason.trim(),
      },
    });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    attempt.current += 1;
    if (reason.trim().length < 5) {
      setTooShort(true);
      reasonBox.current?.focus();
      return;
    }
    setTooShort(false);
    setError(null);
    setSaving(true);
    try {
      let draft: ScreeningDetail;
      try {
        draft = await start(screening.instrument.versionId, true);
      } catch (err) {
        // The version was retired since: amend with the instrument's current version instead.
        if (!(err instanceof ApiError && err.code === 'instrument_retired')) throw err;
        const { instruments } = await api<InstrumentList>('/api/instruments');
        const current = instruments.find((i) => i.key === instrumentKey);
        if (!current) throw err;
        draft = await start(current.versionId, false);
      }
      void navigate(`/youth/${encodeURIComponent(youthId)}/screenings/${encodeURIComponent(draft.id)}`);
    } catch (err) {
      const draftId = err instanceof ApiError ? (err.details as { draftId?: string } | undefined)?.draftId : undefined;
      if (draftId) {
        void navigate(`/youth/${encodeURIComponent(youthId)}/screenings/${encodeURIComponent(draftId)}`);
        return;
      }
      setSaving(false);
      setError(toActionError(err, attempt.current));
    }
  };

  return (
    <section aria-labelledby="amend-heading" className="harbor-section">
      <h2 id="amend-heading">{t('amend.heading')}</h2>
      <p>{t('amend.intro')}</p>
      {!open ? (
        <Button type="button" outline onClick={() => setOpen(true)} aria-expanded={false} aria-controls="amend-form">
          {t('amend.open')}
        </Button>
      ) : (
        <form id="amend-form" className="usa-form usa-form--large" noValidate onSubmit={(e) => void submit(e)}>
          {error && <ActionErrorAlert error={error} heading={t('amend.failed')} />}
          <FormGroup error={tooShort}>
            <Label
              htmlFor="amend-reason"
              error={tooShort}
              hint={<span className="display-block">{t('amend.reasonHint')}</span>}
            >
              {t('amend.reason')}
            </Label>
            {tooShort && (
              <span className="usa-error-message" id="amend-reason-error">
                {t('amend.reasonMissing')}
              </span>
            )}
            <Textarea
              id="amend-reason"
              name="reason"
              inputRef={reasonBox}
              autoFocus
              maxLength={1000}
              value={reason}
              error={tooShort}
              aria-invalid={tooShort || undefined}
              aria-describedby={tooShort ? 'amend-reason-error' : undefined}
              onChange={(e) => setReason(e.target.value)}
            />
          </FormGroup>
          <div className="harbor-step-buttons">
            <Button type="submit" disabled={saving}>
              {saving ? t('amend.starting') : t('amend.submit')}
            </Button>
            <Button type="button" unstyled onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
