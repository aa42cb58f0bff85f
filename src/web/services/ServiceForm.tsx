import { Button, Select } from '@trussworks/react-uswds';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api';
import { ActionErrorAlert, toActionError, type ActionError } from '../components/ActionErrorAlert';
import { DateTimeInput } from '../components/DateTimeInput';
import { ErrorSummary, type FieldProblem } from '../components/ErrorSummary';
import { Field } from '../components/Field';
import { countyDateTimeInput, countyInputToIso } from '../lib/format';
import { pick } from '../lib/localized';
import { serverFieldProblems } from '../lib/serverProblems';
import { useLanguage } from '../lib/useLanguage';
import type { ProviderView as Provider, ServiceView as CatalogService } from '../../contract/directory';
import type { ServiceEpisodeView as ServiceEpisode } from '../../contract/services';
import { EpisodeFields, episodeIds, type EpisodeDraft } from './ServiceFields';
import { ProviderPicker } from '../placements/ProviderPicker';
import { ENDED, STARTED, checkEpisode } from './serviceRules';

interface Props {
  youthId: string;
  /** The catalog entries this user may record for this youth. */
  services: CatalogService[];
  onSaved: (episode: ServiceEpisode) => void;
  onCancel: () => void;
}

const PREFIX = 'service-new';

/** Records a referral to a service (and its start or end, if it already happened). */
export function ServiceForm({ youthId, services, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const ids = { ...episodeIds(PREFIX), service: `${PREFIX}-service`, provider: `${PREFIX}-provider` };
  const [serviceKey, setServiceKey] = useState('');
  const [provider, setProvider] = useState<Provider | null>(null);
  const [referred, setReferred] = useState(() => countyDateTimeInput());
  const [draft, setDraft] = useState<EpisodeDraft>({
    status: 'referred',
    started: '',
    ended: '',
    endReason: '',
    funding: '',
    notes: '',
  });
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
    const input = {
      status: draft.status,
      referredAt: countyInputToIso(referred),
      startedRaw: started,
      startedAt: started ? countyInputToIso(started) : null,
      endedRaw: ended,
      endedAt: ended ? countyInputToIso(ended) : null,
      endReason: ENDED.includes(draft.status) ? draft.endReason : '',
    };
    const list: FieldProblem[] = [];
    if (!serviceKey) list.push({ field: ids.service, message: t('serviceForm.errors.service') });
    list.push(...checkEpisode(input, ids, t));
    if (list.length) {
      setProblems({ list, attempt: attempt.current });
      return;
    }
    setProblems(null);
    setSaving(true);
    try {
      const saved = await api<ServiceEpisode>(`/api/youth/${encodeURIComponent(youthId)}/services`, {
        method: 'POST',
        body: {
          serviceKey,
          providerId: provider?.id ?? null,
          referredAt: input.referredAt,
          startedAt: input.startedAt,
          endedAt: input.endedAt,
          status: draft.status,
          endReason: input.endReason.trim() || null,
          fundingSource: draft.funding || null,
          notes: draft.notes.trim() || null,
        },
      });
      onSaved(saved);
    } catch (err) {
      setSaving(false);
      if (err instanceof ApiError && err.status === 400) {
        setProblems({
          list: serverFieldProblems(
            err,
            {
              serviceKey: { id: ids.service, label: t('serviceForm.service') },
              providerId: { id: ids.provider, label: t('serviceForm.provider') },
              referredAt: { id: ids.referred, label: t('serviceForm.referred') },
              startedAt: { id: ids.started, label: t('serviceForm.started') },
              endedAt: { id: ids.ended, label: t('serviceForm.ended') },
              endReason: { id: ids.reason, label: t('serviceForm.endReason') },
              status: { id: ids.status, label: t('serviceForm.status') },
            },
            { id: ids.service, label: t('serviceForm.service') },
          ),
          attempt: attempt.current,
        });
      } else setError(toActionError(err, attempt.current));
    }
  };

  const errorFor = (id: string) => problems?.list.find((p) => p.field === id)?.message;
  const sorted = [...services].sort((a, b) => pick(a.name, language).localeCompare(pick(b.name, language), language));

  return (
    <form
      className="usa-form usa-form--large harbor-wide-form"
      noValidate
      onSubmit={(e) => void submit(e)}
      aria-labelledby="service-form-heading"
    >
      <h4 id="service-form-heading" className="harbor-form-heading">
        {t('serviceForm.heading')}
      </h4>
      {problems && <ErrorSummary key={problems.attempt} problems={problems.list} headingLevel="h5" />}
      {error && (
        <ActionErrorAlert key={error.attempt} error={error} heading={t('serviceForm.failed')} headingLevel="h5" />
      )}
      <Field id={ids.service} label={t('serviceForm.service')} error={errorFor(ids.service)}>
        {(describedBy) => (
          <Select
            id={ids.service}
            name="serviceKey"
            value={serviceKey}
            validationStatus={errorFor(ids.service) ? 'error' : undefined}
            aria-invalid={!!errorFor(ids.service) || undefined}
            aria-describedby={describedBy}
            onChange={(e) => {
              setServiceKey(e.target.value);
              if (provider && !provider.services.includes(e.target.value)) setProvider(null);
            }}
          >
            <option value="">{t('common.choose')}</option>
            {sorted.map((s) => (
              <option key={s.key} value={s.key}>
                {pick(s.name, language)}
              </option>
            ))}
          </Select>
        )}
      </Field>
      {serviceKey ? (
        <ProviderPicker
          id={ids.provider}
          legend={t('serviceForm.provider')}
          filter={{ service: serviceKey }}
          selected={provider}
          onSelect={setProvider}
          error={errorFor(ids.provider)}
        />
      ) : (
        <p className="usa-hint">{t('serviceForm.providerAfterService')}</p>
      )}
      <Field
        id={ids.referred}
        label={t('serviceForm.referred')}
        hint={t('forms.countyTimeHint')}
        error={errorFor(ids.referred)}
      >
        {(describedBy) => (
          <DateTimeInput
            id={ids.referred}
            name="referredAt"
            kind="datetime-local"
            value={referred}
            invalid={!!errorFor(ids.referred)}
            aria-describedby={describedBy}
            onChange={(e) => setReferred(e.target.value)}
          />
        )}
      </Field>
      <EpisodeFields
        prefix={PREFIX}
        draft={draft}
        onChange={setDraft}
        errorFor={errorFor}
        now={() => countyDateTimeInput()}
        showNotes
      />
      <div className="harbor-step-buttons">
        <Button type="submit" disabled={saving}>
          {saving ? t('forms.saving') : t('serviceForm.submit')}
        </Button>
        <Button type="button" unstyled onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
