import { useState, type ReactNode } from 'react';
import './advocacy.css';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { ApiErrorView } from '../components/ApiErrorView';
import { DataTable } from '../components/DataTable';
import { Loading } from '../components/Loading';
import { Notice } from '../components/Notice';
import { PageHeading } from '../components/PageHeading';
import { formatCountyDateTime } from '../lib/format';
import { useApi } from '../lib/useApi';
import { useLanguage } from '../lib/useLanguage';
import { can } from '../lib/roles';
import { youthLabel } from '../lib/youthName';
import { useActiveSession } from '../auth/SessionContext';
import { CloseDisclosure } from './AdvocateSteps';
import { AssignAdvocate, DecideReferral } from './InboxActions';
import { ReferralDetails } from './ReferralDetails';
import { VettingSection } from './VettingSection';
import type { ReferralList, ReferralView as AdvocacyReferral, Roster } from '../../contract/advocacy';

/** A CBO's own view: its referral inbox, first-contact obligations, open work and its advocates. */
export function OrganizationPage() {
  const session = useActiveSession();
  return can(session, 'vetting.read') ? <AdminView /> : <OrganizationView roster={null} />;
}

/** Administrators also read the roster: the assignment picker and the vetting section use it. */
function AdminView() {
  const session = useActiveSession();
  const roster = useApi<Roster>(
    `/api/advocacy/organizations/${encodeURIComponent(session.user.organization.id)}/advocates`,
  );
  return <OrganizationView roster={roster} />;
}

function OrganizationView({ roster }: { roster: ReturnType<typeof useApi<Roster>> | null }) {
  const { t } = useTranslation();
  const session = useActiveSession();
  const inbox = useApi<ReferralList>('/api/advocacy/referrals');
  // An advocate who closed a referral on the youth's record lands here (their access to the youth ended).
  const closedOn = (useLocation().state as { closedReferral?: string } | null)?.closedReferral;
  const [saved, setSaved] = useState<{ message: string; n: number } | null>(
    closedOn ? { message: t('day.advocacy.closedAccessEnded', { organization: closedOn }), n: 0 } : null,
  );
  const done = (message: string) => {
    setSaved({ message, n: (saved?.n ?? 0) + 1 });
    inbox.refresh();
    roster?.refresh();
  };

  return (
    <>
      <PageHeading documentTitle={t('cboView.title')}>{t('cboView.title')}</PageHeading>
      <p className="usa-intro">{t('cboView.intro', { organization: session.user.organization.name })}</p>
      {saved && (
        <Notice key={saved.n}>
          <p className="usa-alert__text">{saved.message}</p>
        </Notice>
      )}
      {inbox.result.status === 'error' ? (
        <ApiErrorView error={inbox.result.error} onRetry={inbox.reload} />
      ) : inbox.result.status === 'loading' ? (
        <Loading />
      ) : (
        <Inbox
          referrals={inbox.result.data.referrals}
          roster={roster ? (roster.result.status === 'ok' ? roster.result.data.advocates : []) : null}
          self={{ id: session.user.id, name: session.user.displayName }}
          onSaved={done}
        />
      )}
      {roster && <VettingSection roster={roster} onSaved={done} />}
    </>
  );
}

function YouthLabel({ r }: { r: AdvocacyReferral }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const label = youthLabel(t, r.youthName, r.youthClientId);
  if (!label) return <>{t('cboView.youthHidden', { when: formatCountyDateTime(r.referredAt, language) })}</>;
  return (
    <Link className="usa-link" to={`/youth/${encodeURIComponent(r.youthId)}`}>
      {label}
    </Link>
  );
}

function Inbox({
  referrals,
  roster,
  self,
  onSaved,
}: {
  referrals: AdvocacyReferral[];
  roster: Roster['advocates'] | null;
  self: { id: string; name: string };
  onSaved: (message: string) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const when = (iso: string) => formatCountyDateTime(iso, language);
  const sent = referrals.filter((r) => r.state === 'sent');
  const accepted = referrals.filter((r) => r.state === 'accepted');
  const owed = referrals
    .filter(
      (r) => r.firstContactDueAt && !r.firstContactAt && ['sent', 'accepted', 'advocate_assigned'].includes(r.state),
    )
    .sort((a, b) => (a.firstContactDueAt! < b.firstContactDueAt! ? -1 : 1));
  const working = referrals.filter((r) => ['advocate_assigned', 'first_contact', 'engaged'].includes(r.state));
  const now = Date.now();

  const item = (r: AdvocacyReferral, actions: ReactNode) => {
    const headingId = `cbo-referral-${r.id}`;
    return (
      <li key={r.id} className="harbor-advocacy-referral margin-bottom-4">
        <article aria-labelledby={headingId}>
          <h3 id={headingId} className="margin-bottom-1">
            {t('cboView.referralHeading', { when: when(r.referredAt), urgency: t(`advocacy.urgencies.${r.urgency}`) })}
          </h3>
          <p>
            {t('cboView.youth')} <YouthLabel r={r} />
          </p>
          <ReferralDetails referral={r} />
          {actions}
        </article>
      </li>
    );
  };

  return (
    <>
      <section aria-labelledby="cbo-decide" className="harbor-section">
        <h2 id="cbo-decide">{t('cboView.decideHeading', { count: sent.length })}</h2>
        {sent.length === 0 ? (
          <p>{t('cboView.noneToDecide')}</p>
        ) : (
          <ul className="usa-list usa-list--unstyled">
            {sent.map((r) => item(r, <DecideReferral referral={r} onSaved={onSaved} />))}
          </ul>
        )}
      </section>
      <section aria-labelledby="cbo-assign" className="harbor-section">
        <h2 id="cbo-assign">{t('cboView.assignHeading', { count: accepted.length })}</h2>
        {accepted.length === 0 ? (
          <p>{t('cboView.noneToAssign')}</p>
        ) : (
          <ul className="usa-list usa-list--unstyled">
            {accepted.map((r) =>
              item(
                r,
                <>
                  <AssignAdvocate referral={r} roster={roster} self={self} onSaved={onSaved} />
                  <CloseDisclosure
                    referral={r}
                    path={`/api/advocacy/referrals/${encodeURIComponent(r.id)}/close`}
                    onSaved={() => onSaved(t('advocacy.close.saved'))}
                  />
                </>,
              ),
            )}
          </ul>
        )}
      </section>
      <section aria-labelledby="cbo-obligations" className="harbor-section">
        <h2 id="cbo-obligations">{t('cboView.obligationsHeading')}</h2>
        <p className="usa-hint">{t('cboView.obligationsHint')}</p>
        {owed.length === 0 ? (
          <p>{t('cboView.noObligations')}</p>
        ) : (
          <DataTable
            caption={t('cboView.obligationsHeading')}
            rowKey={(r) => r.id}
            rows={owed}
            columns={[
              { key: 'youth', header: t('cboView.youthColumn'), cell: (r) => <YouthLabel r={r} /> },
              { key: 'state', header: t('advocacy.fields.state'), cell: (r) => t(`advocacy.states.${r.state}`) },
              {
                key: 'advocate',
                header: t('advocacy.fields.advocate'),
                cell: (r) => r.advocate ?? t('advocacy.noAdvocate'),
              },
              {
                key: 'due',
                header: t('advocacy.fields.firstContactDue'),
                cell: (r) => (
                  <>
                    {when(r.firstContactDueAt!)}
                    {new Date(r.firstContactDueAt!).getTime() < now && (
                      <strong className="harbor-overdue"> {t('advocacy.overdue')}</strong>
                    )}
                  </>
                ),
              },
            ]}
          />
        )}
      </section>
      <section aria-labelledby="cbo-working" className="harbor-section">
        <h2 id="cbo-working">{t('cboView.workingHeading', { count: working.length })}</h2>
        {working.length === 0 ? (
          <p>{t('cboView.noneWorking')}</p>
        ) : (
          <DataTable
            caption={t('cboView.workingHeading', { count: working.length })}
            rowKey={(r) => r.id}
            rows={working}
            columns={[
              { key: 'youth', header: t('cboView.youthColumn'), cell: (r) => <YouthLabel r={r} /> },
              { key: 'referred', header: t('advocacy.fields.referred'), cell: (r) => when(r.referredAt) },
              { key: 'state', header: t('advocacy.fields.state'), cell: (r) => t(`advocacy.states.${r.state}`) },
              {
                key: 'advocate',
                header: t('advocacy.fields.advocate'),
                cell: (r) => r.advocate ?? t('advocacy.noAdvocate'),
              },
              { key: 'milestones', header: t('advocacy.milestones'), cell: (r) => r.milestones.length },
            ]}
          />
        )}
      </section>
    </>
  );
}
