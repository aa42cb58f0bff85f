import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { Notice } from '../components/Notice';
import { AdvocacySection } from '../advocacy/AdvocacySection';
import { Disclosure } from '../components/Disclosure';
import { PageHeading } from '../components/PageHeading';
import { CareSection } from '../placements/CareSection';
import { IdentificationSections } from '../csec-types/IdentificationSections';
import { FirstResponseSection } from '../first-response/FirstResponseSection';
import { MdtSection } from '../mdt/MdtSection';
import { MissingSection } from '../missing/MissingSection';
import { SafetyPlanSection } from '../safety-plans/SafetyPlanSection';
import { shownName } from '../lib/youthName';
import type { YouthView } from '../../contract/youth';
import { AssignmentsTable } from './AssignmentsTable';
import { CasesSection } from './CasesSection';
import { ContactSection } from './ContactSection';
import { HiddenCategoriesNote } from './HiddenCategoriesNote';
import { IdentityEditForm } from './IdentityEditForm';
import { IdentityHistorySection } from './IdentityHistorySection';
import { IdentitySection } from './IdentitySection';
import { ProfileNav } from './ProfileNav';
import { ProfileSummary } from './ProfileSummary';
import { ReferralsTable } from './ReferralsTable';
import './profile.css';

/**
 * A youth's record, leading with a summary and the urgent actions (issue 14, finding 13), its
 * sections reachable from a side navigation (a jump menu on a phone). `onChanged` fetches the
 * record again after something was added to it (a referral, a correction of identity).
 */
export function YouthProfile({ youth, onChanged }: { youth: YouthView; onChanged: () => void }) {
  const { t } = useTranslation();
  const location = useLocation();
  const name = shownName(youth, t);
  const canRecordReferral = youth.permissions.canEdit && !youth.hiddenCategories.includes('exploitation');
  // Said once on arrival after discarding a draft screening on its own page.
  const discarded = (location.state as { notice?: string } | null)?.notice === 'screeningDiscarded';
  const identityVisible = !youth.hiddenCategories.includes('identity');
  const canCorrect = youth.permissions.canEdit && identityVisible && youth.legalLastName !== undefined;
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(0);
  const added = (location.state as { added?: boolean } | null)?.added === true;
  const sections = useRef<HTMLDivElement>(null);
  return (
    <article className="harbor-profile">
      <p className="margin-bottom-0 harbor-no-print">
        <Link className="usa-link" to="/search">
          {t('profile.backToSearch')}
        </Link>
      </p>
      {/* The tab title stays generic: it is kept in browser history, names must not be. */}
      <PageHeading documentTitle={t('profile.documentTitle')}>{name ?? t('profile.unnamed')}</PageHeading>
      {discarded && <Notice>{t('corrections.discard.done')}</Notice>}
      {added && saved === 0 && (
        <Notice>
          <p className="usa-alert__text">{t('intake.added')}</p>
        </Notice>
      )}
      <HiddenCategoriesNote categories={youth.hiddenCategories} />
      <ul className="usa-button-group harbor-no-print margin-bottom-2">
        {youth.permissions.canViewAccessLog && (
          <li className="usa-button-group__item">
            <Link className="usa-button usa-button--outline" to={`/youth/${youth.id}/access-log`}>
              {t('profile.accessLogLink')}
            </Link>
          </li>
        )}
        <li className="usa-button-group__item">
          <Link className="usa-button usa-button--outline" to={`/youth/${youth.id}/print`}>
            {t('profileLead.printView')}
          </Link>
        </li>
      </ul>
      <div className="harbor-profile-layout" ref={sections}>
        <ProfileNav container={sections} />
        <div className="harbor-profile-sections">
          <ProfileSummary youth={youth} />
          <IdentitySection youth={youth}>
            {saved > 0 && (
              <Notice key={saved}>
                <p className="usa-alert__text">{t('intake.saved')}</p>
              </Notice>
            )}
            {canCorrect && (
              <Disclosure id="identity-edit" label={t('intake.edit')} open={editing} onToggle={setEditing}>
                <IdentityEditForm
                  youth={youth}
                  onCancel={() => setEditing(false)}
                  onSaved={() => {
                    setEditing(false);
                    setSaved((n) => n + 1);
                    onChanged();
                  }}
                />
              </Disclosure>
            )}
          </IdentitySection>
          {identityVisible && youth.legalLastName !== undefined && <IdentityHistorySection youth={youth} />}
          <ContactSection youth={youth} />
          <IdentificationSections youth={youth} />
          <FirstResponseSection youth={youth} />
          <CareSection youth={youth} />
          <MissingSection youth={youth} />
          <SafetyPlanSection youth={youth} />
          <MdtSection youth={youth} />
          <AdvocacySection youth={youth} />
          {!youth.hiddenCategories.includes('identity') && <CasesSection youth={youth} />}
          {youth.referrals && (
            <ReferralsTable
              referrals={youth.referrals}
              youthId={youth.id}
              canRecord={canRecordReferral}
              onChanged={onChanged}
            />
          )}
          {youth.assignments && <AssignmentsTable assignments={youth.assignments} />}
        </div>
      </div>
    </article>
  );
}
