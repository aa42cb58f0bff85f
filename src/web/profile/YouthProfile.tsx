import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from '../components/PageHeading';
import type { YouthView } from '../types';
import { AssignmentsTable } from './AssignmentsTable';
import { CasesTable } from './CasesTable';
import { ContactSection } from './ContactSection';
import { HiddenCategoriesNote } from './HiddenCategoriesNote';
import { IdentitySection } from './IdentitySection';
import { ReferralsTable } from './ReferralsTable';
import { TimelineSection } from './TimelineSection';

/** The name a worker calls the youth by, as in search results. */
function shownName(youth: YouthView): string | null {
  if (youth.legalFirstName === undefined || youth.legalLastName === undefined) return null;
  return `${youth.preferredName || youth.legalFirstName} ${youth.legalLastName}`;
}

export function YouthProfile({ youth }: { youth: YouthView }) {
  const { t } = useTranslation();
  const name = shownName(youth);
  return (
    <article className="harbor-profile">
      <p className="margin-bottom-0">
        <Link className="usa-link" to="/search">
          {t('profile.backToSearch')}
        </Link>
      </p>
      {/* The tab title stays generic: it is kept in browser history, names must not be. */}
      <PageHeading documentTitle={t('profile.documentTitle')}>{name ?? t('profile.unnamed')}</PageHeading>
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
      {youth.cases && <CasesTable cases={youth.cases} />}
      {youth.referrals && <ReferralsTable referrals={youth.referrals} />}
      {youth.assignments && <AssignmentsTable assignments={youth.assignments} />}
      <TimelineSection />
    </article>
  );
}
