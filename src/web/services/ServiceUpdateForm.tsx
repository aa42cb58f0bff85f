import { Button } from '@trussworks/react-uswds';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api';
import { ActionErrorAlert, toActionError, type ActionError } from '../components/ActionErrorAlert';
import { ErrorSummary, type FieldProblem } from '../components/ErrorSummary';
import { countyDateTimeInput, countyInputToIso, isoToCountyInput } from '../lib/format';
import { serverFieldProblems } from '../lib/serverProblems';
import type { ServiceEpisodeView as ServiceEpisode } from '../../contract/services';
import { EpisodeFields, episodeIds, type EpisodeDraft } from './ServiceFields';
import { ENDED, STARTED, checkEpisode } from './serviceRules';

/** `iso`, or `floor` when `iso` is earlier than it within the same minute. */
function sameMinuteFloor(iso: string | null, floor: string | null): string | null {
  if (!iso || !floor) return iso;
  const gap = new Date(floor).getTime() - new Date(iso).getTime();
  return gap > 0 && gap < 60_000 ? floor : iso;
}

interface Props {
  youthId: string;
  episode: ServiceEpisode;
  onSaved: (episode: ServiceEpisode) => void;
  onCancel: () => void;
}

/** Starts, ends or corrects a service record; sends only what changed, with the version loaded. */
export function ServiceUpdateForm({ youthId, episode: ep, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const prefix = `service-${ep.id}`;
  const ids = episodeIds(prefix);
  const initial: EpisodeDraft = {
    status: ep.status,
    started: ep.startedAt ? isoToCountyInput(ep.startedAt) : '',
    ended: ep.endedAt ? isoToCountyInput(ep.endedAt) : '',
    endReason: ep.endReason ?? '',
    funding: ep.fundingSource ?? '',
    notes: ep.notes ?? '',
  };
  const [draft, setDraft] = useState<EpisodeDraft>(initial);
  const [problems, setProblems] = useState<{ list: FieldProblem[]; attempt: number } | null>(null);
  const [error, setError] = useState<ActionError | null>(null);
  const [saving, setSaving] = useState(false);
  const attempt = useRef(0);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    attempt.current += 1;
    setError(null);
    const started = STARTED.includes(draft.status) ? draft.started : '';
    const ended = ENDED.includes(draft.status) ? draft.ended : '';
    const reason = ENDED.includes(draft.status) ? draft.endReason : '';
    // Boxes show minutes: an unchanged box keeps the exact time, and a time in the same minute as
    // the one before it (started the minute it was referred) is taken as that moment.
    const startedAt =
      started === initial.started && ep.startedAt
        ? ep.startedAt
        : sameMinuteFloor(started ? countyInputToIso(started) : null, ep.referredAt);
    const endedAt =
      ended === initial.ended && ep.endedAt
        ? ep.endedAt
        : sameMinuteFloor(ended ? countyInputToIso(ended) : null, startedAt);
    const input = {
      status: draft.status,
      referredAt: ep.referredAt,
      startedRaw: started,
      startedAt,
      endedRaw: ended,
      endedAt,
      endReason: reason,
    };
    const list = checkEpisode(input, ids, t);
    if (list.length) {
      setProblems({ list, attempt: attempt.current });
      return;
    }
    setProblems(null);
    const body: Record<string, unknown> = { version: ep.version };
    if (draft.status !== ep.status) body.status = draft.status;
    // A time shown to the minute is unchanged if the minute is the same.
    if (started !== initial.started || (!started && ep.startedAt)) body.startedAt = input.startedAt;
    if (ended !== initial.ended || (!ended && ep.endedAt)) body.endedAt = input.endedAt;
    if ((reason.trim() || null) !== ep.endReason) body.endReason = reason.trim() || null;
    if ((draft.funding || null) !== ep.fundingSource) body.fundingSource = draft.funding || null;
    if (!ep.notesHidden && (draft.notes.trim() || null) !== ep.notes) body.notes = draft.notes.trim() || null;
    if (Object.keys(body).length === 1) {
      onCancel();
      return;
    }
    setSaving(true);
    try {
      onSaved(
        await api<ServiceEpisode>(`/api/youth/${encodeURIComponent(youthId)}/services/${encodeURIComponent(ep.id)}`, {
          method: 'PATCH',
          body,
        }),
      );
    } catch (err) {
      setSaving(false);
      if (err instanceof ApiError && err.status === 400) {
        setProblems({
          list: serverFieldProblems(
            err,
            {
              startedAt: { id: ids.started, label: t('serviceForm.started') },
              endedAt: { id: ids.ended, label: t('serviceForm.ended') },
              endReason: { id: ids.reason, label: t('serviceForm.endReason') },
              status: { id: ids.status, label: t('serviceForm.status') },
            },
            { id: ids.status, label: t('serviceForm.status') },
          ),
          attempt: attempt.current,
        });
      } else setError(toActionError(err, attempt.current));
    }
  };

  const errorFor = (id: string) => problems?.list.find((p) => p.field === id)?.message;

  return (
    <form
      className="usa-form usa-form--large harbor-wide-form"
      noValidate
      onSubmit={(e) => void submit(e)}
      aria-label={t('serviceForm.updateLabel')}
    >
      {problems && <ErrorSummary key={problems.attempt} problems={problems.list} headingLevel="h5" />}
      {error && (
        <ActionErrorAlert key={error.attempt} error={error} heading={t('serviceForm.failed')} headingLevel="h5" />
      )}
      <EpisodeFields
        prefix={prefix}
        draft={draft}
        onChange={setDraft}
        errorFor={errorFor}
        now={() => countyDateTimeInput()}
        showNotes={!ep.notesHidden}
      />
      <div className="harbor-step-buttons">
        <Button type="submit" disabled={saving}>
          {saving ? t('forms.saving') : t('serviceForm.save')}
        </Button>
        <Button type="button" unstyled onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
