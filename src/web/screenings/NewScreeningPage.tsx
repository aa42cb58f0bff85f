import { Button, Fieldset, FormGroup, Label, Radio, Select } from '@trussworks/react-uswds';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { api } from '../api';
import { ActionErrorAlert, toActionError, type ActionError } from '../components/ActionErrorAlert';
import { ApiErrorView } from '../components/ApiErrorView';
import { DemonstrationAlert, DemonstrationTag } from '../components/DemonstrationAlert';
import { FocusedAlert } from '../components/FocusedAlert';
import { JumpLink } from '../components/JumpLink';
import { ForbiddenContent } from '../components/ForbiddenContent';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { pick } from '../lib/localized';
import { useApi } from '../lib/useApi';
import { useLanguage } from '../lib/useLanguage';
import { shownName } from '../lib/youthName';
import type { InstrumentList, InstrumentSummary } from '../../contract/instruments';
import type { ScreeningDetail } from '../../contract/screenings';
import type { YouthView } from '../../contract/youth';
import { SCREENING_CONTEXTS, type ScreeningContext } from '../../domain/screening-contexts';
import { BackToRecord } from './BackToRecord';

/** "Start a screening": choose the instrument and where the screening happens, then fill it in. */
export function NewScreeningPage() {
  const { id = '' } = useParams();
  const youth = useApi<YouthView>(`/api/youth/${encodeURIComponent(id)}`);
  const instruments = useApi<InstrumentList>('/api/instruments');
  if (youth.result.status === 'error') return <ApiErrorView error={youth.result.error} onRetry={youth.reload} />;
  if (instruments.result.status === 'error')
    return <ApiErrorView error={instruments.result.error} onRetry={instruments.reload} />;
  if (youth.result.status === 'loading' || instruments.result.status === 'loading') return <Loading />;
  if (!youth.result.data.permissions.canEdit || youth.result.data.hiddenCategories.includes('exploitation')) {
    return <ForbiddenContent />;
  }
  return <NewScreeningForm youthId={id} youth={youth.result.data} instruments={instruments.result.data.instruments} />;
}

function NewScreeningForm({
  youthId,
  youth,
  instruments,
}: {
  youthId: string;
  youth: YouthView;
  instruments: InstrumentSummary[];
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  // Started from a return debrief: the reason is known, and the result links back to the episode.
  const asked = search.get('context');
  const episodeId = search.get('episode');
  const [versionId, setVersionId] = useState('');
  const [context, setContext] = useState<ScreeningContext | ''>(SCREENING_CONTEXTS.find((c) => c === asked) ?? '');
  const [gaps, setGaps] = useState<{ instrument: boolean; context: boolean; attempt: number } | null>(null);
  const [error, setError] = useState<ActionError | null>(null);
  const [saving, setSaving] = useState(false);
  const attempt = useRef(0);
  const name = shownName(youth, t);
  const chosen = instruments.find((i) => i.versionId === versionId);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    attempt.current += 1;
    const missing = { instrument: !versionId, context: !context, attempt: attempt.current };
    if (missing.instrument || missing.context) {
      setGaps(missing);
      setError(null);
      return;
    }
    setGaps(null);
    setError(null);
    setSaving(true);
    try {
      const draft = await api<ScreeningDetail>(`/api/youth/${encodeURIComponent(youthId)}/screenings`, {
        method: 'POST',
        body: { instrumentVersionId: versionId, context },
      });
      // Replace: "Back" from the form goes to the record, not to this page again.
      const back = episodeId ? `?episode=${encodeURIComponent(episodeId)}` : '';
      void navigate(`/youth/${encodeURIComponent(youthId)}/screenings/${encodeURIComponent(draft.id)}${back}`, {
        replace: true,
      });
    } catch (err) {
      setSaving(false);
      setError(toActionError(err, attempt.current));
    }
  };

  return (
    <>
      <BackToRecord youthId={youthId} youthName={name} />
      <PageHeading documentTitle={t('newScreening.title')}>{t('newScreening.title')}</PageHeading>
      <p className="usa-intro">{name ? t('newScreening.introNamed', { name }) : t('newScreening.intro')}</p>
      {gaps && (
        <FocusedAlert key={gaps.attempt} heading={t('newScreening.missingHeading')}>
          <ul className="usa-list margin-top-1">
            {gaps.instrument && (
              <li>
                <JumpLink to="instrument-choice">{t('newScreening.missingInstrument')}</JumpLink>
              </li>
            )}
            {gaps.context && (
              <li>
                <JumpLink to="screening-context">{t('newScreening.missingContext')}</JumpLink>
              </li>
            )}
          </ul>
        </FocusedAlert>
      )}
      {error && <ActionErrorAlert error={error} heading={t('newScreening.failed')} headingLevel="h2" />}
      <form className="usa-form usa-form--large harbor-wide-form" noValidate onSubmit={(e) => void submit(e)}>
        <FormGroup error={gaps?.instrument}>
          <Fieldset
            legend={t('newScreening.instrument')}
            legendStyle="large"
            id="instrument-choice"
            aria-describedby="instrument-hint"
          >
            <span className="usa-hint display-block" id="instrument-hint">
              {t('newScreening.instrumentHint')}
            </span>
            {gaps?.instrument && <span className="usa-error-message">{t('newScreening.missingInstrument')}</span>}
            {instruments.map((instrument) => (
              <Radio
                key={instrument.versionId}
                id={`instrument-${instrument.key}`}
                name="instrument"
                value={instrument.versionId}
                tile
                checked={versionId === instrument.versionId}
                onChange={() => setVersionId(instrument.versionId)}
                label={
                  <>
                    <span className="text-bold">{pick(instrument.name, language)}</span>
                    {instrument.demonstration && (
                      <>
                        {' '}
                        <DemonstrationTag />
                      </>
                    )}
                  </>
                }
                labelDescription={
                  <>
                    <span className="display-block">{pick(instrument.description, language)}</span>
                    {instrument.audience && (
                      <span className="display-block margin-top-05">
                        {t('newScreening.audience', { audience: pick(instrument.audience, language) })}
                      </span>
                    )}
                  </>
                }
              />
            ))}
          </Fieldset>
        </FormGroup>
        {chosen?.demonstration && <DemonstrationAlert name={pick(chosen.name, language)} />}
        <FormGroup error={gaps?.context}>
          <Label
            htmlFor="screening-context"
            error={gaps?.context}
            hint={<span className="display-block">{t('newScreening.contextHint')}</span>}
          >
            {t('newScreening.context')}
          </Label>
          {gaps?.context && (
            <span className="usa-error-message" id="screening-context-error">
              {t('newScreening.missingContext')}
            </span>
          )}
          <Select
            id="screening-context"
            name="context"
            value={context}
            validationStatus={gaps?.context ? 'error' : undefined}
            aria-invalid={gaps?.context || undefined}
            aria-describedby={gaps?.context ? 'screening-context-error' : undefined}
            onChange={(e) => setContext(e.target.value as ScreeningContext | '')}
          >
            <option value="">{t('common.choose')}</option>
            {SCREENING_CONTEXTS.map((c) => (
              <option key={c} value={c}>
                {t(`screeningContexts.${c}`)}
              </option>
            ))}
          </Select>
        </FormGroup>
        <Button type="submit" className="margin-top-4" disabled={saving}>
          {saving ? t('newScreening.starting') : t('newScreening.submit')}
        </Button>
      </form>
    </>
  );
}
