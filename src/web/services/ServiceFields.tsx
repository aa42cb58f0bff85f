// The fields a service record shares between "record a referral" and "update".
import { Select, TextInput, Textarea } from '@trussworks/react-uswds';
import { useTranslation } from 'react-i18next';
import { DateTimeInput } from '../components/DateTimeInput';
import { Field } from '../components/Field';
import { FUNDING_SOURCES, SERVICE_STATUSES, type ServiceStatus } from '../../domain/services';
import { ENDED, STARTED } from './serviceRules';

export interface EpisodeDraft {
  status: ServiceStatus;
  started: string;
  ended: string;
  endReason: string;
  funding: string;
  notes: string;
}

interface Props {
  prefix: string;
  draft: EpisodeDraft;
  onChange: (draft: EpisodeDraft) => void;
  errorFor: (id: string) => string | undefined;
  /** A default for the start or end box when the status first needs it. */
  now: () => string;
  /** False when the notes belong to another organization and are hidden: they cannot be changed here. */
  showNotes: boolean;
}

export function episodeIds(prefix: string) {
  return {
    status: `${prefix}-status`,
    referred: `${prefix}-referred`,
    started: `${prefix}-started`,
    ended: `${prefix}-ended`,
    reason: `${prefix}-end-reason`,
    funding: `${prefix}-funding`,
    notes: `${prefix}-notes`,
  };
}

export function EpisodeFields({ prefix, draft, onChange, errorFor, now, showNotes }: Props) {
  const { t } = useTranslation();
  const ids = episodeIds(prefix);
  const set = (patch: Partial<EpisodeDraft>) => onChange({ ...draft, ...patch });
  const setStatus = (status: ServiceStatus) => {
    const patch: Partial<EpisodeDraft> = { status };
    if (STARTED.includes(status) && !draft.started) patch.started = now();
    if (ENDED.includes(status) && !draft.ended) patch.ended = now();
    set(patch);
  };
  const started = STARTED.includes(draft.status);
  const ended = ENDED.includes(draft.status);

  return (
    <>
      <Field
        id={ids.status}
        label={t('serviceForm.status')}
        hint={t('serviceForm.statusHint')}
        error={errorFor(ids.status)}
      >
        {(describedBy) => (
          <Select
            id={ids.status}
            name="status"
            value={draft.status}
            aria-describedby={describedBy}
            onChange={(e) => setStatus(e.target.value as ServiceStatus)}
          >
            {SERVICE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`serviceStatuses.${s}`)}
              </option>
            ))}
          </Select>
        )}
      </Field>
      {started && (
        <div className="harbor-date-pair">
          <Field
            id={ids.started}
            label={t('serviceForm.started')}
            hint={t('forms.countyTimeHint')}
            error={errorFor(ids.started)}
          >
            {(describedBy) => (
              <DateTimeInput
                id={ids.started}
                name="startedAt"
                kind="datetime-local"
                value={draft.started}
                invalid={!!errorFor(ids.started)}
                aria-describedby={describedBy}
                onChange={(e) => set({ started: e.target.value })}
              />
            )}
          </Field>
          {ended && (
            <Field
              id={ids.ended}
              label={t('serviceForm.ended')}
              hint={t('forms.countyTimeHint')}
              error={errorFor(ids.ended)}
            >
              {(describedBy) => (
                <DateTimeInput
                  id={ids.ended}
                  name="endedAt"
                  kind="datetime-local"
                  value={draft.ended}
                  invalid={!!errorFor(ids.ended)}
                  aria-describedby={describedBy}
                  onChange={(e) => set({ ended: e.target.value })}
                />
              )}
            </Field>
          )}
        </div>
      )}
      {ended && (
        <Field
          id={ids.reason}
          label={draft.status === 'dropped' ? t('serviceForm.dropReason') : t('serviceForm.endReason')}
          error={errorFor(ids.reason)}
        >
          {(describedBy) => (
            <TextInput
              id={ids.reason}
              name="endReason"
              type="text"
              maxLength={500}
              value={draft.endReason}
              validationStatus={errorFor(ids.reason) ? 'error' : undefined}
              aria-invalid={!!errorFor(ids.reason) || undefined}
              aria-describedby={describedBy}
              onChange={(e) => set({ endReason: e.target.value })}
            />
          )}
        </Field>
      )}
      <Field id={ids.funding} label={t('serviceForm.funding')} optional optionalText={t('forms.optional')}>
        {(describedBy) => (
          <Select
            id={ids.funding}
            name="fundingSource"
            value={draft.funding}
            aria-describedby={describedBy}
            onChange={(e) => set({ funding: e.target.value })}
          >
            <option value="">{t('serviceForm.fundingUnknown')}</option>
            {FUNDING_SOURCES.map((f) => (
              <option key={f} value={f}>
                {t(`fundingSources.${f}`)}
              </option>
            ))}
          </Select>
        )}
      </Field>
      {showNotes && (
        <Field
          id={ids.notes}
          label={t('serviceForm.notes')}
          hint={t('serviceForm.notesHint')}
          optional
          optionalText={t('forms.optional')}
        >
          {(describedBy) => (
            <Textarea
              id={ids.notes}
              name="notes"
              className="harbor-short-textarea"
              maxLength={5000}
              value={draft.notes}
              aria-describedby={describedBy}
              onChange={(e) => set({ notes: e.target.value })}
            />
          )}
        </Field>
      )}
    </>
  );
}
