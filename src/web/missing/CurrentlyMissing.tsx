import { Alert, Icon } from '@trussworks/react-uswds';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiErrorView } from '../components/ApiErrorView';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { formatCountyDateTime, formatDuration, formatList } from '../lib/format';
import { canRecordYouth, canSearchYouth, canSeeTeamWork } from '../lib/roles';
import { useApi } from '../lib/useApi';
import { useLanguage } from '../lib/useLanguage';
import { useNow } from '../lib/useNow';
import { youthLabel } from '../lib/youthName';
import { useActiveSession } from '../auth/SessionContext';
import type { CurrentList, CurrentRow } from '../../contract/missing';
import { ReportMissingFinder } from './ReportMissingFinder';

/**
 * On the home page: who is missing now (time elapsed, overdue reports) and which returned youth
 * still need a debrief. Supervisors always see it; others only when one of their youth is on it.
 */
export function CurrentlyMissingPanel() {
  const { t } = useTranslation();
  const session = useActiveSession();
  const { result } = useApi<CurrentList>('/api/missing/current');
  if (result.status !== 'ok') return null;
  const { missing, awaitingDebrief } = result.data;
  if (!canSeeTeamWork(session) && missing.length === 0 && awaitingDebrief.length === 0) return null;
  return (
    <section aria-labelledby="current-missing-heading" className="harbor-section harbor-missing-panel">
      <h2 id="current-missing-heading">{t('missing.current.heading')}</h2>
      <MissingLists data={result.data} headingLevel="h3" />
      <p>
        <Link className="usa-link" to="/missing">
          {t('missing.current.allLink')}
        </Link>
      </p>
    </section>
  );
}

/** The whole list on its own page. */
export function CurrentlyMissingPage() {
  const { t } = useTranslation();
  const session = useActiveSession();
  const { result, reload } = useApi<CurrentList>('/api/missing/current');
  if (result.status === 'error') return <ApiErrorView error={result.error} onRetry={reload} />;
  return (
    <>
      <PageHeading documentTitle={t('missing.current.heading')}>{t('missing.current.heading')}</PageHeading>
      <p className="usa-intro">{t('missing.current.intro')}</p>
      {canRecordYouth(session) && canSearchYouth(session) && <ReportMissingFinder />}
      {result.status === 'loading' ? <Loading /> : <MissingLists data={result.data} headingLevel="h2" />}
    </>
  );
}

function MissingLists({ data, headingLevel }: { data: CurrentList; headingLevel: 'h2' | 'h3' }) {
  const { t } = useTranslation();
  const H = headingLevel;
  const overdue = data.missing.reduce((n, r) => n + r.overdueReports, 0);
  return (
    <>
      {overdue > 0 && (
        <Alert type="error" headingLevel={headingLevel} slim className="margin-y-2">
          {t('missing.current.overdueAlert', { count: overdue })}
        </Alert>
      )}
      <H>{t('missing.current.missingNow', { count: data.missing.length })}</H>
      {data.missing.length === 0 ? <p>{t('missing.current.noneMissing')}</p> : <Rows rows={data.missing} />}
      <H>{t('missing.current.awaiting', { count: data.awaitingDebrief.length })}</H>
      {data.awaitingDebrief.length === 0 ? (
        <p>{t('missing.current.noneAwaiting')}</p>
      ) : (
        <Rows rows={data.awaitingDebrief} />
      )}
    </>
  );
}

function Rows({ rows }: { rows: CurrentRow[] }) {
  const { t } = useTranslation();
  const canReport = canRecordYouth(useActiveSession());
  const language = useLanguage();
  const now = useNow();
  return (
    <ul className="harbor-duties">
      {rows.map((r) => {
        const open = r.status === 'missing' || r.status === 'located';
        const elapsed = open
          ? Math.max(0, Math.round((now - new Date(r.lastSeenAt).getTime()) / 60_000))
          : r.minutesMissing;
        const late = r.reports.filter((x) => x.overdue).map((x) => t(`missingReports.${x.report}.short`));
        const state = r.overdueReports > 0 || r.debrief?.overdue ? 'overdue' : 'due';
        return (
          <li key={r.episodeId} className={`harbor-duty harbor-duty--${state}`}>
            <div className="harbor-duty__top">
              <p className="harbor-duty__heading text-bold margin-0">
                <Link
                  className="usa-link"
                  to={`/youth/${encodeURIComponent(r.youthId)}/missing/${encodeURIComponent(r.episodeId)}`}
                >
                  {youthLabel(t, r.youthName, r.youthClientId) ?? t('youth.noName')}
                </Link>
              </p>
              <span className="usa-tag harbor-duty__tag">{t(`missing.status.${r.status}`)}</span>
            </div>
            <p className="harbor-duty__when">
              {open
                ? t('missing.page.missingFor', { time: formatDuration(elapsed, language) })
                : t('missing.current.returnedOn', {
                    when: formatCountyDateTime(r.returnedAt ?? r.discoveredAt, language),
                  })}
            </p>
            <dl className="harbor-duty__facts">
              <div>
                <dt>{t('missing.fields.lastSeen')}</dt>
                <dd>
                  {t('missing.page.lastSeenValue', {
                    when: formatCountyDateTime(r.lastSeenAt, language),
                    place: t(`missing.places.${r.lastSeenPlace}`),
                  })}
                </dd>
              </div>
              <div>
                <dt>{t('missing.fields.placement')}</dt>
                <dd>
                  {r.placementType ? t(`placementTypes.${r.placementType}`) : t('common.notRecorded')}
                  {r.spaNumber !== null && ` · ${t('missing.current.spa', { n: r.spaNumber })}`}
                </dd>
              </div>
              {open && (
                <div>
                  <dt>{t('missing.current.reports')}</dt>
                  <dd className={late.length ? 'text-secondary-dark text-bold' : undefined}>
                    {late.length > 0 && <Icon.Error size={3} aria-hidden="true" focusable={false} />}
                    {late.length
                      ? t('missing.current.overdueList', { list: formatList(late, language) })
                      : t('missing.current.noneOverdue')}
                  </dd>
                </div>
              )}
              {r.debrief && (
                <div>
                  <dt>{t('missing.fields.debrief')}</dt>
                  <dd className={r.debrief.overdue ? 'text-secondary-dark text-bold' : undefined}>
                    {t(`missing.debriefStatus.${r.debrief.status}`)}
                    {r.debrief.dueAt &&
                      ` · ${t(r.debrief.overdue ? 'missing.current.debriefOverdue' : 'missing.current.debriefDue', { when: formatCountyDateTime(r.debrief.dueAt, language) })}`}
                  </dd>
                </div>
              )}
            </dl>
            {!open && canReport && (
              <p className="margin-top-1 margin-bottom-0">
                <Link className="usa-link" to={`/youth/${encodeURIComponent(r.youthId)}/missing/new`}>
                  {t('profileLead.reportAgain')}
                </Link>
              </p>
            )}
          </li>
        );
      })}
    </ul>
  );
}
