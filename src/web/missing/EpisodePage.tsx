import { Alert } from '@trussworks/react-uswds';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import { ApiErrorView } from '../components/ApiErrorView';
import { Disclosure } from '../components/Disclosure';
import { Loading } from '../components/Loading';
import { Notice } from '../components/Notice';
import { PageHeading } from '../components/PageHeading';
import { DutyCard } from '../csec-types/DutyCard';
import { dutyState } from '../csec-types/dutyState';
import { formatCountyDateTime, formatDuration, formatList } from '../lib/format';
import { useApi } from '../lib/useApi';
import { useLanguage } from '../lib/useLanguage';
import { useNow } from '../lib/useNow';
import { shownName } from '../lib/youthName';
import { can } from '../lib/roles';
import { BackToRecord } from '../screenings/BackToRecord';
import { useActiveSession } from '../auth/SessionContext';
import type { YouthView } from '../../contract/youth';
import { DebriefForm } from './DebriefForm';
import { DetailsForm, LocatedForm, ReturnedForm, SearchEffortForm } from './EpisodeForms';
import { ReportForm } from './ReportForm';
import type { EpisodeDetail } from '../../contract/missing';

/** One missing episode from the first call to the documented return. */
export function EpisodePage() {
  const { id = '', episodeId = '' } = useParams();
  const youth = useApi<YouthView>(`/api/youth/${encodeURIComponent(id)}`);
  const episode = useApi<EpisodeDetail>(
    `/api/youth/${encodeURIComponent(id)}/missing/${encodeURIComponent(episodeId)}`,
  );
  if (youth.result.status === 'error') return <ApiErrorView error={youth.result.error} onRetry={youth.reload} />;
  if (episode.result.status === 'error') return <ApiErrorView error={episode.result.error} onRetry={episode.reload} />;
  if (youth.result.status === 'loading' || episode.result.status === 'loading') return <Loading />;
  return <EpisodeBody youth={youth.result.data} initial={episode.result.data} />;
}

type Open = `report-${string}` | 'details' | 'search' | 'located' | 'returned' | 'debrief' | null;

function EpisodeBody({ youth, initial }: { youth: YouthView; initial: EpisodeDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const now = useNow();
  const session = useActiveSession();
  const location = useLocation();
  const [search] = useSearchParams();
  const [episode, setEpisode] = useState(initial);
  // Back from a screening started in the debrief: the debrief opens again, that screening chosen.
  const [open, setOpen] = useState<Open>(search.get('debrief') === 'open' ? 'debrief' : null);
  const returnedScreening = search.get('screening') ?? undefined;
  const [notice, setNotice] = useState<{ text: string; n: number } | null>(
    (location.state as { reported?: boolean } | null)?.reported ? { text: t('missing.page.reported'), n: 0 } : null,
  );
  const name = shownName(youth, t);
  const canEdit = youth.permissions.canEdit && !youth.hiddenCategories.includes('exploitation');
  const canSearch = can(session, 'missing.search_log');
  const active = episode.status === 'missing' || episode.status === 'located';
  const elapsed = active
    ? Math.max(0, Math.round((now - new Date(episode.lastSeenAt).getTime()) / 60_000))
    : episode.minutesMissing;
  const saved = (e: EpisodeDetail, text: string) => {
    setEpisode(e);
    setOpen(null);
    setNotice({ text, n: (notice?.n ?? 0) + 1 });
  };
  const toggle = (key: Exclude<Open, null>) => (isOpen: boolean) => setOpen(isOpen ? key : null);
  const when = (iso: string) => formatCountyDateTime(iso, language);

  return (
    <article>
      <BackToRecord youthId={youth.id} youthName={name} />
      <PageHeading documentTitle={t('missing.page.title')}>{t('missing.page.title')}</PageHeading>
      {name && <p className="usa-intro margin-top-0">{name}</p>}
      {notice && <Notice key={notice.n}>{notice.text}</Notice>}
      <p>
        <span className={`usa-tag harbor-missing-status harbor-missing-status--${episode.status}`}>
          {t(`missing.status.${episode.status}`)}
        </span>{' '}
        {active
          ? t('missing.page.missingFor', { time: formatDuration(elapsed, language) })
          : t('missing.page.wasMissing', { time: formatDuration(elapsed, language) })}
      </p>

      <dl className="harbor-provider__facts">
        <div>
          <dt>{t('missing.fields.lastSeen')}</dt>
          <dd>
            {t('missing.page.lastSeenValue', {
              when: when(episode.lastSeenAt),
              place: t(`missing.places.${episode.lastSeenPlace}`),
            })}
          </dd>
        </div>
        <div>
          <dt>{t('missing.fields.discovered')}</dt>
          <dd>
            {when(episode.discoveredAt)}
            {episode.discoveredByRole &&
              ` (${t(`missing.discoveredByRoles.${episode.discoveredByRole}`)}${episode.discoveredByName ? `: ${episode.discoveredByName}` : ''})`}
          </dd>
        </div>
        <div>
          <dt>{t('missing.fields.placement')}</dt>
          <dd>
            {episode.placement ? t(`placementTypes.${episode.placement.placementType}`) : t('common.notRecorded')}
          </dd>
        </div>
        <div>
          <dt>{t('missing.fields.risks')}</dt>
          <dd>
            {episode.riskFactors.length
              ? formatList(
                  episode.riskFactors.map((r) => t(`missing.risks.${r}`)),
                  language,
                )
              : t('common.notRecorded')}
          </dd>
        </div>
        {episode.circumstances && (
          <div>
            <dt>{t('missing.details.circumstances')}</dt>
            <dd className="harbor-pre-wrap">{episode.circumstances}</dd>
          </div>
        )}
        {episode.locatedAt && (
          <div>
            <dt>{t('missing.return.locatedAt')}</dt>
            <dd>{when(episode.locatedAt)}</dd>
          </div>
        )}
        {episode.returnedAt && (
          <div>
            <dt>{t('missing.return.returnedAt')}</dt>
            <dd>
              {when(episode.returnedAt)}
              {episode.returnedTo && ` (${t(`missing.returnedTo.${episode.returnedTo}`)})`}
            </dd>
          </div>
        )}
        {ncmecCaseNumber(episode) && (
          <div>
            <dt>{t('day.ncmecCaseNumber')}</dt>
            <dd>{ncmecCaseNumber(episode)}</dd>
          </div>
        )}
        <div>
          <dt>{t('missing.fields.reportedBy')}</dt>
          <dd>{episode.reportedBy}</dd>
        </div>
      </dl>
      {canEdit && episode.status !== 'closed' && (
        <Disclosure
          id="missing-details-form"
          label={t('missing.details.heading')}
          open={open === 'details'}
          onToggle={toggle('details')}
        >
          <DetailsForm
            youthId={youth.id}
            episode={episode}
            onCancel={() => setOpen(null)}
            onSaved={(e) => saved(e, t('missing.details.saved'))}
          />
        </Disclosure>
      )}

      <section aria-labelledby="missing-reports-heading" className="harbor-section">
        <h2 id="missing-reports-heading">{t('missingReports.heading')}</h2>
        <p>{t('missingReports.intro')}</p>
        <ul className="harbor-duties">
          {episode.reports.map(({ report, obligation }) => {
            const state = dutyState(obligation, now);
            const key = `report-${report}` as const;
            return (
              <DutyCard
                key={obligation.id}
                obligation={obligation}
                now={now}
                heading={t(`missingReports.${report}.label`)}
              >
                <NcmecNumber record={obligation.record} />
                {canEdit && (state === 'due' || state === 'overdue') && (
                  <Disclosure
                    id={`${key}-form`}
                    label={t(`missingReports.${report}.record`)}
                    open={open === key}
                    onToggle={toggle(key)}
                    outline={state !== 'overdue'}
                  >
                    <ReportForm
                      youthId={youth.id}
                      episode={episode}
                      report={report}
                      onCancel={() => setOpen(null)}
                      onSaved={(e) => saved(e, t('missingReports.saved'))}
                    />
                  </Disclosure>
                )}
              </DutyCard>
            );
          })}
        </ul>
      </section>

      <section aria-labelledby="missing-search-heading" className="harbor-section">
        <h2 id="missing-search-heading">{t('searchEfforts.heading')}</h2>
        {episode.searchEfforts.length === 0 ? (
          <p>{t('searchEfforts.none')}</p>
        ) : (
          <ul className="usa-list usa-list--unstyled">
            {episode.searchEfforts.map((s) => (
              <li key={s.id} className="margin-bottom-2">
                <span className="text-bold">{t(`searchEfforts.kinds.${s.kind}`)}</span>
                {' · '}
                {t('searchEfforts.byWhen', { name: s.doneBy, when: when(s.doneAt) })}
                <span className="display-block harbor-pre-wrap">{s.note}</span>
              </li>
            ))}
          </ul>
        )}
        {canSearch && episode.status !== 'closed' && (
          <Disclosure
            id="missing-search-form"
            label={t('searchEfforts.add')}
            open={open === 'search'}
            onToggle={toggle('search')}
          >
            <SearchEffortForm
              youthId={youth.id}
              episode={episode}
              onCancel={() => setOpen(null)}
              onSaved={(e) => saved(e, t('searchEfforts.saved'))}
            />
          </Disclosure>
        )}
      </section>

      <section aria-labelledby="missing-return-heading" className="harbor-section">
        <h2 id="missing-return-heading">{t('missing.return.heading')}</h2>
        {active ? (
          <p>{t('missing.return.stillMissing')}</p>
        ) : (
          <p>{t('missing.return.backSince', { when: when(episode.returnedAt ?? episode.discoveredAt) })}</p>
        )}
        {canEdit && episode.status === 'missing' && (
          <Disclosure
            id="missing-located-form"
            label={t('missing.return.located')}
            open={open === 'located'}
            onToggle={toggle('located')}
          >
            <LocatedForm
              youthId={youth.id}
              episode={episode}
              onCancel={() => setOpen(null)}
              onSaved={(e) => saved(e, t('missing.return.locatedSaved'))}
            />
          </Disclosure>
        )}
        {canEdit && active && (
          <Disclosure
            id="missing-returned-form"
            label={t('missing.return.returned')}
            open={open === 'returned'}
            onToggle={toggle('returned')}
            outline={false}
          >
            <ReturnedForm
              youthId={youth.id}
              episode={episode}
              onCancel={() => setOpen(null)}
              onSaved={(e) => saved(e, t('missing.return.returnedSaved'))}
            />
          </Disclosure>
        )}
      </section>

      {!active && (
        <section aria-labelledby="missing-debrief-heading" className="harbor-section">
          <h2 id="missing-debrief-heading">{t('debrief.heading')}</h2>
          <p>{t('debrief.intro')}</p>
          {episode.debriefDuty && (
            <ul className="harbor-duties">
              <DutyCard obligation={episode.debriefDuty} now={now} heading={t('debrief.duty')} />
            </ul>
          )}
          {episode.status === 'returned' && (
            <Alert type="info" headingLevel="h3" heading={t('debrief.safetyHeading')} className="margin-y-2">
              {t('debrief.safetyText')}{' '}
              <Link className="usa-link" to={`/youth/${encodeURIComponent(youth.id)}#safety-heading`}>
                {t('debrief.safetyLink')}
              </Link>
            </Alert>
          )}
          {episode.debrief?.status === 'complete' ? (
            <DebriefSummary episode={episode} />
          ) : (
            <>
              {episode.debrief && <p>{t('debrief.draftSaved')}</p>}
              {canEdit && (
                <Disclosure
                  id="missing-debrief-form"
                  label={episode.debrief ? t('debrief.continue') : t('debrief.start')}
                  open={open === 'debrief'}
                  onToggle={toggle('debrief')}
                  outline={false}
                >
                  <DebriefForm
                    youthId={youth.id}
                    episode={episode}
                    preselectScreeningId={returnedScreening}
                    onCancel={() => setOpen(null)}
                    onSaved={(e, completed) =>
                      saved(
                        e,
                        [
                          completed ? t('debrief.completed') : t('debrief.draftStored'),
                          e.csecTypeRecorded ? t('debrief.typeCreated') : '',
                        ]
                          .filter(Boolean)
                          .join(' '),
                      )
                    }
                  />
                </Disclosure>
              )}
            </>
          )}
        </section>
      )}
    </article>
  );
}

function DebriefSummary({ episode }: { episode: EpisodeDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const d = episode.debrief!;
  return (
    <dl className="harbor-provider__facts">
      <div>
        <dt>{t('debrief.completedOn')}</dt>
        <dd>
          {d.completedAt
            ? t('debrief.completedValue', {
                when: formatCountyDateTime(d.completedAt, language),
                name: d.completedBy ?? '',
              })
            : ''}
        </dd>
      </div>
      <div>
        <dt>{t('debrief.factors')}</dt>
        <dd>
          {formatList(
            d.leavingFactors.map((f) => t(`debrief.factorLabels.${f}`)),
            language,
          )}
        </dd>
      </div>
      {d.factorsNote && (
        <div>
          <dt>{t('debrief.factorsNote')}</dt>
          <dd className="harbor-pre-wrap">{d.factorsNote}</dd>
        </div>
      )}
      <div>
        <dt>{t('debrief.addressed')}</dt>
        <dd className="harbor-pre-wrap">{d.factorsAddressed}</dd>
      </div>
      <div>
        <dt>{t('debrief.experiences')}</dt>
        <dd className="harbor-pre-wrap">{d.experiences}</dd>
      </div>
      <div>
        <dt>{t('debrief.exploited')}</dt>
        <dd>{d.exploitedWhileAbsent ? t(`debrief.exploitedOptions.${d.exploitedWhileAbsent}`) : ''}</dd>
      </div>
      {d.screening && (
        <div>
          <dt>{t('debrief.screening')}</dt>
          <dd>
            <Link
              className="usa-link"
              to={`/youth/${encodeURIComponent(episode.youthId)}/screenings/${encodeURIComponent(d.screening.id)}`}
            >
              {t('debrief.screeningOption', { when: formatCountyDateTime(d.screening.administeredAt, language) })}
            </Link>
          </dd>
        </div>
      )}
    </dl>
  );
}

/** The NCMEC case number, once the report to NCMEC is recorded. */
function ncmecCaseNumber(episode: EpisodeDetail): string | null {
  const value = episode.reports.find((r) => r.report === 'ncmec')?.obligation.record?.ncmecCaseNumber;
  return typeof value === 'string' && value.trim() ? value : null;
}

function NcmecNumber({ record }: { record: Record<string, unknown> | null }) {
  const { t } = useTranslation();
  const value = record?.ncmecCaseNumber;
  if (typeof value !== 'string' || !value.trim()) return null;
  return (
    <dl className="harbor-duty__facts">
      <div>
        <dt>{t('day.ncmecCaseNumber')}</dt>
        <dd>{value}</dd>
      </div>
    </dl>
  );
}
