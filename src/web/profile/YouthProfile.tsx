import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { Notice } from '../components/Notice';
import { AdvocacySection } from '../advocacy/AdvocacySection';
import { PageHeading } from '../components/PageHeading';
import { CareSection } from '../care/CareSection';
import { IdentificationSections } from '../csec/IdentificationSections';
import { FirstResponseSection } from '../firstResponse/FirstResponseSection';
import { MdtSection } from '../mdt/MdtSection';
import { MissingSection } from '../missing/MissingSection';
import { SafetyPlanSection } from '../safety/SafetyPlanSection';
import { shownName } from '../lib/youthName';
import type { YouthView } from '../../contract/youth';
import { AssignmentsTable } from './AssignmentsTable';
import { CasesSection } from './CasesSection';
import { ContactSection } from './ContactSection';
import { HiddenCategoriesNote } from './HiddenCategoriesNote';
import { IdentitySection } from './IdentitySection';
import { ReferralsTable } from './ReferralsTable';

/** `onChanged` fetches the record again after something was added to it (a referral). */
export function YouthProfile({ youth, onChanged }: { youth: YouthView; onChanged: () => void }) {
  const { t } = useTranslation();
  const name = shownName(youth, t);
  const canRecordReferral = youth.permissions.canEdit && !youth.hiddenCategories.includes('exploitation');
  // Said once on arrival after discarding a draft screening on its own page.
  const discarded = (useLocation().state as { notice?: string } | null)?.notice === 'screeningDiscarded';
  return (
    <article className="harbor-profile">
      <p className="margin-bottom-0">
        <Link className="usa-link" to="/search">
          {t('profile.backToSearch')}
        </Link>
      </p>
      {/* The tab title stays generic: it is kept in browser history, names must not be. */}
      <PageHeading documentTitle={t('profile.documentTitle')}>{name ?? t('profile.unnamed')}</PageHeading>
      {discarded && <Notice>{t('corrections.discard.done')}</Notice>}
      <HiddenCategoriesNote categories={youth.hiddenCategories} />
      {youth.permissions.canViewAccessLog && (
        <p>
          <Link className="usa-button usa-button--outline" to={`/youth/${youth.id}/access-log`}>
            {t('profile.accessLogLink')}
          </Link>
        </p>
      )}
      <IdentitySection youth={youth} />
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
    </article>
  );
}
