import { Alert, Button, ButtonGroup } from '@trussworks/react-uswds';
import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiErrorView } from '../components/ApiErrorView';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { DutyCard } from '../csec-types/DutyCard';
import { CurrentlyMissingPanel } from '../missing/CurrentlyMissing';
import { dutyState, sortDuties, type DutyState } from '../csec-types/dutyState';
import { canAddYouth, canSeeTeamWork } from '../lib/roles';
import { useApi } from '../lib/useApi';
import { useNow } from '../lib/useNow';
import { youthLabel } from '../lib/youthName';
import { useActiveSession } from '../auth/SessionContext';
import type { NotificationList } from '../../contract/notifications';
import type { ObligationList, ObligationView } from '../../contract/obligations';

type View = 'mine' | 'team' | 'organization';

/** "My work": the duties a worker (or a supervisor's team) must meet, overdue first. */
export function MyWorkPage() {
  const { t } = useTranslation();
  const session = useActiveSession();
  const supervisor = canSeeTeamWork(session);
  // Kept on the page, not in the address: switching must not move focus away from the toggle.
  // A supervisor starts on the team's work: what is overdue there is what needs them first.
  const [chosen, setChosen] = useState<View>(supervisor ? 'team' : 'mine');
  const view: View = supervisor ? chosen : 'mine';
  const { result, reload } = useApi<ObligationList>(`/api/obligations?view=${view}`);
  const title =
    view === 'team' ? t('work.teamTitle') : view === 'organization' ? t('worklistOrg.title') : t('work.title');
  const intro =
    view === 'team' ? t('work.teamIntro') : view === 'organization' ? t('worklistOrg.intro') : t('work.intro');

  if (result.status === 'error') return <ApiErrorView error={result.error} onRetry={reload} />;
  return (
    <>
      <PageHeading documentTitle={t('work.title')}>{title}</PageHeading>
      <p className="usa-intro">{intro}</p>
      {canAddYouth(session) && (
        <p>
          <Link className="usa-button usa-button--outline" to="/youth/new">
            {t('intake.add')}
          </Link>
        </p>
      )}
      {supervisor && (
        <div className="margin-bottom-3">
          <p className="text-bold margin-bottom-1" id="work-view-label">
            {t('work.viewLabel')}
          </p>
          <div role="group" aria-labelledby="work-view-label">
            <ButtonGroup type="segmented">
              {(['mine', 'team', 'organization'] as const).map((v) => (
                <Button
                  key={v}
                  type="button"
                  outline={view !== v}
                  aria-pressed={view === v}
                  onClick={() => setChosen(v)}
                >
                  {v === 'organization' ? t('worklistOrg.view') : t(`work.views.${v}`)}
                </Button>
              ))}
            </ButtonGroup>
          </div>
        </div>
      )}
      <UnreadNotice />
      {supervisor && view === 'mine' && <TeamOverdueNotice onShow={() => setChosen('team')} />}
      {result.status === 'loading' ? <Loading /> : <WorkList obligations={result.data.obligations} view={view} />}
      <CurrentlyMissingPanel />
    </>
  );
}

/** Unread notifications (missed deadlines) said on the page itself, not only by the header's badge. */
function UnreadNotice() {
  const { t } = useTranslation();
  const { result } = useApi<NotificationList>('/api/notifications?limit=1');
  if (result.status !== 'ok' || result.data.unread === 0) return null;
  return (
    <Alert type="warning" headingLevel="h2" slim className="margin-bottom-2" role="status">
      {t('home.unread', { count: result.data.unread })}{' '}
      <Link className="usa-link" to="/notifications">
        {t('home.unreadLink')}
      </Link>
    </Alert>
  );
}

/** On "Mine", a supervisor is told how much of the team's work is overdue, one press away. */
function TeamOverdueNotice({ onShow }: { onShow: () => void }) {
  const { t } = useTranslation();
  const now = useNow();
  const { result } = useApi<ObligationList>('/api/obligations?view=team');
  if (result.status !== 'ok') return null;
  const overdue = result.data.obligations.filter((o) => dutyState(o, now) === 'overdue').length;
  if (overdue === 0) return null;
  return (
    <Alert type="warning" headingLevel="h2" slim className="margin-bottom-2" role="status">
      {t('home.teamOverdue', { count: overdue })}{' '}
      <Button type="button" unstyled onClick={onShow}>
        {t('home.showTeam')}
      </Button>
    </Alert>
  );
}

function WorkList({ obligations, view }: { obligations: ObligationView[]; view: View }) {
  const team = view !== 'mine';
  const { t } = useTranslation();
  const now = useNow();
  if (obligations.length === 0) {
    const none = view === 'organization' ? t('worklistOrg.none') : team ? t('work.teamNone') : t('home.noneOfYours');
    return <p className="harbor-timeline-empty">{none}</p>;
  }
  const sorted = sortDuties(obligations, now);
  const groups: { key: 'overdue' | 'due' | 'done'; states: DutyState[] }[] = [
    { key: 'overdue', states: ['overdue'] },
    { key: 'due', states: ['due'] },
    { key: 'done', states: ['met', 'waived'] },
  ];
  return (
    <>
      {groups.map((group) => {
        const rows = sorted.filter((o) => group.states.includes(dutyState(o, now)));
        return (
          <section
            key={group.key}
            aria-labelledby={`work-${group.key}`}
            className={`harbor-section harbor-work-group harbor-work-group--${group.key}`}
          >
            <h2 id={`work-${group.key}`}>{t(`work.groups.${group.key}`, { count: rows.length })}</h2>
            {rows.length === 0 ? (
              <p>{t(`work.groupNone.${group.key}`)}</p>
            ) : (
              <ul className="harbor-duties">
                {rows.map((o) => (
                  <DutyCard
                    key={o.id}
                    obligation={o}
                    now={now}
                    showOwner={team}
                    heading={
                      <>
                        {o.youthVisible === false ? (
                          <span className="harbor-duty__hidden-youth">{t('worklistOrg.youthNotVisible')}</span>
                        ) : (
                          <Link className="usa-link" to={`/youth/${encodeURIComponent(o.youthId)}`}>
                            {youthLabel(t, o.youthName, o.youthClientId) ?? t('work.unnamedYouth')}
                          </Link>
                        )}
                        <span className="harbor-duty__kind">{t(`obligationKinds.${o.kind}.label`)}</span>
                      </>
                    }
                  />
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </>
  );
}
