import { Button, Select } from '@trussworks/react-uswds';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api, ApiError } from '../api';
import { ActionErrorAlert, toActionError, type ActionError } from '../components/ActionErrorAlert';
import { ApiErrorView } from '../components/ApiErrorView';
import { DateTimeInput } from '../components/DateTimeInput';
import { ErrorSummary, type FieldProblem } from '../components/ErrorSummary';
import { Field } from '../components/Field';
import { ForbiddenContent } from '../components/ForbiddenContent';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { countyDateTimeInput, countyInputToIso } from '../lib/format';
import { useApi } from '../lib/useApi';
import { shownName } from '../lib/youthName';
import { BackToRecord } from '../screenings/BackToRecord';
import type { YouthView } from '../../contract/youth';
import type { EpisodeDetail } from '../../contract/missing';
import { LAST_SEEN_PLACES, type LastSeenPlace } from '../../domain/missing';

/**
 * Reporting a youth missing, phone first: three answers (last seen when, where, found missing
 * when: now by default) and one button. Everything else waits for the episode page.
 */
export function ReportMissingPage() {
  const { id = '' } = useParams();
  const youth = useApi<YouthView>(`/api/youth/${encodeURIComponent(id)}`);
  if (youth.result.status === 'error') return <ApiErrorView error={youth.result.error} onRetry={youth.reload} />;
  if (youth.result.status === 'loading') return <Loading />;
  if (!youth.result.data.permissions.canEdit || youth.result.data.hiddenCategories.includes('exploitation'))
    return <ForbiddenContent />;
  return <QuickReport youth={youth.result.data} />;
}

function QuickReport({ youth }: { youth: YouthView }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [lastSeen, setLastSeen] = useState('');
  const [place, setPlace] = useState<LastSeenPlace | ''>('');
  const [discovered, setDiscovered] = useState(() => countyDateTimeInput());
  const [problems, setProblems] = useState<{ list: FieldProblem[]; attempt: number } | null>(null);
  const [error, setError] = useState<ActionError | null>(null);
  const [openEpisode, setOpenEpisode] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const attempt = useRef(0);
  const name = shownName(youth, t);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    attempt.current += 1;
    setError(null);
    const list: FieldProblem[] = [];
    const lastSeenIso = countyInputToIso(lastSeen);
    const discoveredIso = countyInputToIso(discovered);
    const soon = Date.now() + 60_000;
    if (!lastSeenIso) list.push({ field: 'missing-last-seen', message: t('missingForm.errors.lastSeen') });
    else if (new Date(lastSeenIso).getTime() > soon)
      list.push({ field: 'missing-last-seen', message: t('missingForm.errors.future') });
    if (!place) list.push({ field: 'missing-place', message: t('missingForm.errors.place') });
    if (!discoveredIso) list.push({ field: 'missing-discovered', message: t('missingForm.errors.discovered') });
    else if (lastSeenIso && discoveredIso < lastSeenIso)
      list.push({ field: 'missing-discovered', message: t('missingForm.errors.discoveredBeforeSeen') });
    if (list.length || !lastSeenIso || !discoveredIso) {
      setProblems({ list, attempt: attempt.current });
      return;
    }
    setProblems(null);
    setSaving(true);
    try {
      const episode = await api<EpisodeDetail>(`/api/youth/${encodeURIComponent(youth.id)}/missing`, {
        method: 'POST',
        body: { lastSeenAt: lastSeenIso, lastSeenPlace: place, discoveredAt: discoveredIso },
      });
      void navigate(`/youth/${encodeURIComponent(youth.id)}/missing/${encodeURIComponent(episode.id)}`, {
        replace: true,
        state: { reported: true },
      });
    } catch (err) {
      setSaving(false);
      const details = err instanceof ApiError ? (err.details as { episodeId?: string } | undefined) : undefined;
      setOpenEpisode(err instanceof ApiError && err.status === 409 && details?.episodeId ? details.episodeId : null);
      setError(toActionError(err, attempt.current));
    }
  };

  const errorFor = (field: string) => problems?.list.find((p) => p.field === field)?.message;

  return (
    <>
      <BackToRecord youthId={youth.id} youthName={name} />
      <PageHeading documentTitle={t('missingForm.title')}>{t('missingForm.title')}</PageHeading>
      <p className="usa-intro">{name ? t('missingForm.introNamed', { name }) : t('missingForm.intro')}</p>
      {problems && <ErrorSummary key={problems.attempt} problems={problems.list} headingLevel="h2" />}
      {error && (
        <ActionErrorAlert
          key={error.attempt}
          error={error}
          heading={t('missingForm.failed')}
          headingLevel="h2"
          messageKeys={{ 409: 'missingForm.alreadyMissing' }}
        />
      )}
      {openEpisode && (
        <p>
          <Link
            className="usa-link"
            to={`/youth/${encodeURIComponent(youth.id)}/missing/${encodeURIComponent(openEpisode)}`}
          >
            {t('missingForm.openEpisode')}
          </Link>
        </p>
      )}
      <form
        className="usa-form usa-form--large harbor-wide-form"
        noValidate
        onSubmit={(e) => void submit(e)}
        aria-label={t('missingForm.title')}
      >
        <Field
          id="missing-last-seen"
          label={t('missingForm.lastSeen')}
          hint={t('forms.countyTimeHint')}
          error={errorFor('missing-last-seen')}
        >
          {(describedBy) => (
            <DateTimeInput
              id="missing-last-seen"
              name="lastSeenAt"
              kind="datetime-local"
              value={lastSeen}
              max={countyDateTimeInput()}
              invalid={!!errorFor('missing-last-seen')}
              aria-describedby={describedBy}
              onChange={(e) => setLastSeen(e.target.value)}
            />
          )}
        </Field>
        <Field
          id="missing-place"
          label={t('missingForm.place')}
          hint={t('missingForm.placeHint')}
          error={errorFor('missing-place')}
        >
          {(describedBy) => (
            <Select
              id="missing-place"
              name="lastSeenPlace"
              value={place}
              validationStatus={errorFor('missing-place') ? 'error' : undefined}
              aria-invalid={!!errorFor('missing-place') || undefined}
              aria-describedby={describedBy}
              onChange={(e) => setPlace(e.target.value as LastSeenPlace | '')}
            >
              <option value="">{t('common.choose')}</option>
              {LAST_SEEN_PLACES.map((p) => (
                <option key={p} value={p}>
                  {t(`missing.places.${p}`)}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field
          id="missing-discovered"
          label={t('missingForm.discovered')}
          hint={t('missingForm.discoveredHint')}
          error={errorFor('missing-discovered')}
        >
          {(describedBy) => (
            <DateTimeInput
              id="missing-discovered"
              name="discoveredAt"
              kind="datetime-local"
              value={discovered}
              invalid={!!errorFor('missing-discovered')}
              aria-describedby={describedBy}
              onChange={(e) => setDiscovered(e.target.value)}
            />
          )}
        </Field>
        <p className="usa-hint">{t('missingForm.afterHint')}</p>
        <div className="harbor-step-buttons">
          <Button type="submit" disabled={saving}>
            {saving ? t('forms.saving') : t('missingForm.submit')}
          </Button>
        </div>
      </form>
    </>
  );
}
