import { useState } from 'react';
import './advocacy.css';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Disclosure } from '../components/Disclosure';
import { Notice } from '../components/Notice';
import { ProfileSection, SectionStatus } from '../components/ProfileSection';
import { formatCountyDay } from '../lib/format';
import { pick } from '../lib/localized';
import { useApi } from '../lib/useApi';
import { useLanguage } from '../lib/useLanguage';
import { can } from '../lib/roles';
import { useActiveSession } from '../auth/SessionContext';
import type { YouthView } from '../../contract/youth';
import type {
  ActiveOrganizations,
  ClosedReferralView,
  ReferralList,
  ReferralView as AdvocacyReferral,
} from '../../contract/advocacy';
import type { ServiceEpisodeList as ServiceEpisodesResponse } from '../../contract/services';
import { ADVOCATE_ACCESS_STATES as ADVOCATE_STATES, OPEN_REFERRAL_STATES as OPEN_STATES } from '../../domain/advocacy';
import { CloseDisclosure, MilestoneForm, StepForm, youthClosePath } from './AdvocateSteps';
import { ReferralDetails } from './ReferralDetails';
import { ReferToCboForm } from './ReferToCboForm';
import { canReferToAdvocacy, canUseCboView } from './roles';

/** The youth's advocacy referrals: referring to a CBO, and the assigned advocate's steps. */
export function AdvocacySection({ youth }: { youth: YouthView }) {
  const { t } = useTranslation();
  const { result, reload, refresh } = useApi<ReferralList>(
    `/api/youth/${encodeURIComponent(youth.id)}/advocacy-referrals`,
  );
  return (
    <ProfileSection headingId="advocacy-heading" heading={t('advocacy.heading')}>
      {result.status === 'ok' ? (
        <AdvocacyBody youth={youth} referrals={result.data.referrals} onChanged={refresh} />
      ) : (
        <SectionStatus results={[result]} hiddenKey="advocacy.hiddenForRole" onRetry={reload} />
      )}
    </ProfileSection>
  );
}

function AdvocacyBody({
  youth,
  referrals,
  onChanged,
}: {
  youth: YouthView;
  referrals: AdvocacyReferral[];
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const session = useActiveSession();
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState<{ message: string; n: number } | null>(null);
  const mine = referrals.filter((r) => r.advocateUserId === session.user.id && ADVOCATE_STATES.includes(r.state));
  const canRefer = canReferToAdvocacy(session) && youth.permissions.canEdit;
  const done = (message: string) => {
    setSaved({ message, n: (saved?.n ?? 0) + 1 });
    onChanged();
  };
  return (
    <>
      {saved && (
        <Notice key={saved.n}>
          <p className="usa-alert__text">{saved.message}</p>
        </Notice>
      )}
      {referrals.length === 0 ? (
        <p>{t('advocacy.none')}</p>
      ) : mine.length > 0 ? (
        <AdvocateWork youth={youth} referrals={referrals} onSaved={done} />
      ) : (
        <ReferralItems youth={youth} referrals={referrals} episodes={[]} onSaved={done} />
      )}
      {canRefer && (
        <Disclosure id="advocacy-refer-box" label={t('advocacy.refer.open')} open={open} onToggle={setOpen}>
          <ReferToCboForm
            youthId={youth.id}
            active={referrals.filter((r) => OPEN_STATES.includes(r.state))}
            onSaved={(r) => {
              setOpen(false);
              done(t('advocacy.refer.saved', { organization: r.organization }));
            }}
            onCancel={() => setOpen(false)}
          />
        </Disclosure>
      )}
    </>
  );
}

/** The assigned advocate also needs the youth's service episodes (to link one) and the contract's services. */
function AdvocateWork({
  youth,
  referrals,
  onSaved,
}: {
  youth: YouthView;
  referrals: AdvocacyReferral[];
  onSaved: (message: string) => void;
}) {
  const services = useApi<ServiceEpisodesResponse>(`/api/youth/${encodeURIComponent(youth.id)}/services`);
  const orgs = useApi<ActiveOrganizations>('/api/advocacy/active-organizations');
  const episodes = services.result.status === 'ok' ? services.result.data.episodes : [];
  const contracts = orgs.result.status === 'ok' ? orgs.result.data.organizations : [];
  const saved = (message: string) => {
    services.refresh();
    onSaved(message);
  };
  return (
    <ReferralItems youth={youth} referrals={referrals} episodes={episodes} contracts={contracts} onSaved={saved} />
  );
}

function ReferralItems({
  youth,
  referrals,
  episodes,
  contracts = [],
  onSaved,
}: {
  youth: YouthView;
  referrals: AdvocacyReferral[];
  episodes: ServiceEpisodesResponse['episodes'];
  contracts?: ActiveOrganizations['organizations'];
  onSaved: (message: string) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const session = useActiveSession();
  const serviceName = (episodeId: string) => {
    const e = episodes.find((x) => x.id === episodeId);
    return e ? `${pick(e.service.name, language)} (${formatCountyDay(e.referredAt, language)})` : null;
  };
  const isCaseRole = can(session, 'advocacy.refer');
  const navigate = useNavigate();
  // The advocate's access to the youth ends with the close: leave the record for the organization's
  // page with the confirmation, rather than reloading a record that is no longer theirs.
  const closed = (r: AdvocacyReferral) => {
    if ((r as ClosedReferralView).accessEnded) {
      void navigate(canUseCboView(session) ? '/advocacy/organization' : '/', {
        replace: true,
        state: { closedReferral: r.organization },
      });
      return;
    }
    onSaved(t('advocacy.close.saved'));
  };
  return (
    <ul className="usa-list usa-list--unstyled">
      {referrals.map((r) => {
        const headingId = `advocacy-referral-${r.id}`;
        const assignedToMe = r.advocateUserId === session.user.id && ADVOCATE_STATES.includes(r.state);
        const canWithdraw = !assignedToMe && isCaseRole && youth.permissions.canEdit && OPEN_STATES.includes(r.state);
        const contract = contracts.find((c) => c.contractId === r.contractId);
        return (
          <li key={r.id} className="harbor-advocacy-referral margin-bottom-4">
            <article aria-labelledby={headingId}>
              <h3 id={headingId} className="margin-bottom-1">
                {t('advocacy.referralTitle', { organization: r.organization, state: t(`advocacy.states.${r.state}`) })}
              </h3>
              <ReferralDetails referral={r} serviceName={serviceName} />
              {assignedToMe && (
                <div className="harbor-advocacy-steps">
                  {r.state === 'advocate_assigned' && (
                    <StepForm
                      referral={r}
                      step="first-contact"
                      onSaved={() => onSaved(t('advocacy.steps.first-contact.saved'))}
                    />
                  )}
                  {r.state === 'first_contact' && (
                    <StepForm referral={r} step="engaged" onSaved={() => onSaved(t('advocacy.steps.engaged.saved'))} />
                  )}
                  <MilestoneForm
                    referral={r}
                    services={contract?.services ?? null}
                    onSaved={() => onSaved(t('advocacy.milestone.saved'))}
                  />
                  <CloseDisclosure referral={r} path={youthClosePath(r)} onSaved={closed} />
                </div>
              )}
              {canWithdraw && (
                <CloseDisclosure
                  referral={r}
                  path={youthClosePath(r)}
                  onSaved={() => onSaved(t('advocacy.close.saved'))}
                />
              )}
            </article>
          </li>
        );
      })}
    </ul>
  );
}
