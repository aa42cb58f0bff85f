import { Alert, Button } from '@trussworks/react-uswds';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router';
import type { ApiError } from '../api';
import { Disclosure } from '../components/Disclosure';
import { HiddenForRoleNote } from '../components/HiddenForRoleNote';
import { LevelIndicator } from '../components/LevelIndicator';
import { Loading } from '../components/Loading';
import { Notice } from '../components/Notice';
import { DetailList } from '../components/DetailList';
import { formatDate, formatDateTime } from '../lib/format';
import { pick } from '../lib/localized';
import { useApi, type ApiResult } from '../lib/useApi';
import { useLanguage } from '../lib/useLanguage';
import type { CsecTypeCreated, CsecTypeList } from '../../contract/csec-types';
import type { ObligationList } from '../../contract/obligations';
import type { ScreeningList } from '../../contract/screenings';
import type { YouthView } from '../../contract/youth';
import { CsecTimeline } from './CsecTimeline';
import { CsecTypeForm } from './CsecTypeForm';
import { YouthDuties } from './YouthDuties';

const FORM_ANCHOR = 'record-csec-type';

/** CSEC status, deadlines and the screening/CSEC Type timeline of a youth's record. */
export function IdentificationSections({ youth }: { youth: YouthView }) {
  const { t } = useTranslation();
  if (youth.hiddenCategories.includes('exploitation')) {
    return (
      <>
        <section aria-labelledby="csec-heading" className="harbor-section">
          <h2 id="csec-heading">{t('csec.heading')}</h2>
          <HiddenForRoleNote />
        </section>
        <section aria-labelledby="timeline-heading" className="harbor-section">
          <h2 id="timeline-heading">{t('profile.timeline.heading')}</h2>
          <div className="harbor-timeline-empty">
            <p className="margin-0">{t('profile.timeline.empty')}</p>
          </div>
        </section>
      </>
    );
  }
  return <Loaded youth={youth} />;
}

function firstProblem(results: ApiResult<unknown>[]): ApiError | null {
  for (const r of results) if (r.status === 'error') return r.error;
  return null;
}

function Loaded({ youth }: { youth: YouthView }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const base = `/api/youth/${encodeURIComponent(youth.id)}`;
  const screenings = useApi<ScreeningList>(`${base}/screenings`);
  const types = useApi<CsecTypeList>(`${base}/csec-types`);
  const duties = useApi<ObligationList>(`${base}/obligations`);
  const location = useLocation();
  const [params] = useSearchParams();
  const deepLink = location.hash === `#${FORM_ANCHOR}`;
  const [formOpen, setFormOpen] = useState(deepLink);
  const [notice, setNotice] = useState<{ created: CsecTypeCreated; n: number } | null>(null);
  const focusedDeepLink = useRef(false);

  const results = [screenings.result, types.result, duties.result];
  const problem = firstProblem(results);
  const ready = screenings.result.status === 'ok' && types.result.status === 'ok' && duties.result.status === 'ok';

  // Arriving from a result page's "Record CSEC status": bring the form into view once it is there.
  useEffect(() => {
    if (!ready || !deepLink || focusedDeepLink.current) return;
    focusedDeepLink.current = true;
    const heading = document.getElementById('csec-form-heading');
    heading?.scrollIntoView({ block: 'start' });
    heading?.focus({ preventScroll: true });
  }, [ready, deepLink]);

  const csecSection = (body: ReactNode) => (
    <section aria-labelledby="csec-heading" className="harbor-section">
      <h2 id="csec-heading">{t('csec.heading')}</h2>
      {body}
    </section>
  );

  if (problem?.status === 403) return csecSection(<HiddenForRoleNote />);
  if (problem) {
    return csecSection(
      <Alert type="error" headingLevel="h3" slim>
        {problem.status === 0 ? t('errors.network') : t('errors.generic')}{' '}
        <Button
          type="button"
          unstyled
          onClick={() => {
            screenings.reload();
            types.reload();
            duties.reload();
          }}
        >
          {t('errors.tryAgain')}
        </Button>
      </Alert>,
    );
  }
  if (screenings.result.status !== 'ok' || types.result.status !== 'ok' || duties.result.status !== 'ok') {
    return csecSection(<Loading />);
  }

  const { screenings: list, nextDue } = screenings.result.data;
  const { records, current } = types.result.data;
  const latest = list.find((s) => s.status === 'final' && !s.supersededById);
  const drafts = list.filter((s) => s.status === 'draft');
  const finals = list.filter((s) => s.status === 'final' && !s.supersededById);
  const youthPath = `/youth/${encodeURIComponent(youth.id)}`;

  return (
    <>
      {csecSection(
        <>
          {notice && (
            <Notice key={notice.n}>
              {t('csecForm.saved', { label: t(`csecTypes.${notice.created.type}.label`) })}
              {notice.created.crossReportObligationId && <> {t('csecForm.savedCrossReport')}</>}
            </Notice>
          )}
          <DetailList
            items={[
              {
                key: 'current',
                label: t('csec.current'),
                value: current ? (
                  <>
                    <strong>{t(`csecTypes.${current.type}.label`)}</strong>
                    <span className="display-block text-base-dark font-body-2xs">{t('csec.currentHint')}</span>
                  </>
                ) : (
                  t('csec.noneRecorded')
                ),
              },
              {
                key: 'latest',
                label: t('csec.latestScreening'),
                value: latest ? (
                  <>
                    {latest.level && <LevelIndicator level={latest.level} />}{' '}
                    <Link className="usa-link" to={`${youthPath}/screenings/${encodeURIComponent(latest.id)}`}>
                      {t('csec.latestLink', { date: formatDateTime(latest.administeredAt, language) })}
                    </Link>
                  </>
                ) : (
                  t('csec.noScreening')
                ),
              },
              {
                key: 'next',
                label: t('csec.nextDue'),
                value: nextDue ? (
                  <span className={nextDue.overdue ? 'harbor-overdue-text' : undefined}>
                    {formatDate(nextDue.on, language)}{' '}
                    {nextDue.overdue && <span className="usa-tag harbor-tag-overdue">{t('csec.overdue')}</span>}
                  </span>
                ) : (
                  t('csec.nextDueNone')
                ),
              },
            ]}
          />
          {drafts.map((d) => (
            <Alert key={d.id} type="info" headingLevel="h3" slim className="margin-top-2">
              {t('csec.draftNote', {
                date: formatDateTime(d.administeredAt, language),
                instrument: pick(d.instrument.name, language),
              })}{' '}
              <Link className="usa-link" to={`${youthPath}/screenings/${encodeURIComponent(d.id)}`}>
                {youth.permissions.canEdit ? t('csec.continueDraft') : t('csec.viewDraft')}
              </Link>
            </Alert>
          ))}
          {youth.permissions.canEdit && (
            <div className="harbor-actions">
              <p>
                <Link className="usa-button" to={`${youthPath}/screenings/new`}>
                  {t('csec.startScreening')}
                </Link>
              </p>
              <Disclosure id={FORM_ANCHOR} label={t('csecForm.open')} open={formOpen} onToggle={setFormOpen}>
                <CsecTypeForm
                  youthId={youth.id}
                  records={records}
                  screenings={finals}
                  presetScreeningId={params.get('screening')}
                  onCancel={() => setFormOpen(false)}
                  onSaved={(created) => {
                    setFormOpen(false);
                    setNotice({ created, n: (notice?.n ?? 0) + 1 });
                    types.refresh();
                    duties.refresh();
                  }}
                />
              </Disclosure>
            </div>
          )}
        </>,
      )}
      <YouthDuties
        youthId={youth.id}
        obligations={duties.result.data.obligations}
        canEdit={youth.permissions.canEdit}
        onChanged={duties.refresh}
      />
      <CsecTimeline
        youthId={youth.id}
        screenings={list}
        records={records}
        canCorrect={youth.permissions.canEdit}
        onCorrected={() => {
          types.refresh();
          duties.refresh();
        }}
      />
    </>
  );
}
