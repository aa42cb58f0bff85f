import { Button } from '@trussworks/react-uswds';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiErrorView } from '../components/ApiErrorView';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { SectionStatus } from '../components/ProfileSection';
import { formatCountyDateTime } from '../lib/format';
import { useApi } from '../lib/useApi';
import { useLanguage } from '../lib/useLanguage';
import { shownName } from '../lib/youthName';
import { PlanDetails } from '../safety-plans/SafetyPlanSection';
import type { SafetyPlanList } from '../../contract/safety-plans';
import type { YouthView } from '../../contract/youth';
import { ContactSection } from './ContactSection';
import { IdentitySection } from './IdentitySection';
import { ProfileSummary } from './ProfileSummary';
import './profile.css';

/**
 * The record on paper (issue 14, finding 11): the summary, identity and contact details, and the
 * current safety plan; `/youth/:id/print/safety-plan` prints the safety plan alone. The print
 * style sheet (profile.css) leaves out the header, navigation and buttons.
 */
export function YouthPrintPage({ only }: { only?: 'safety-plan' }) {
  const { id = '' } = useParams();
  const { result, reload } = useApi<YouthView>(`/api/youth/${encodeURIComponent(id)}`);
  if (result.status === 'loading') return <Loading />;
  if (result.status === 'error') return <ApiErrorView error={result.error} onRetry={reload} />;
  return <PrintView youth={result.data} only={only} />;
}

export function SafetyPlanPrintPage() {
  return <YouthPrintPage only="safety-plan" />;
}

function PrintView({ youth, only }: { youth: YouthView; only?: 'safety-plan' }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const name = shownName(youth, t) ?? t('profile.unnamed');
  const exploitationHidden = youth.hiddenCategories.includes('exploitation');
  return (
    <article className="harbor-print">
      <p className="margin-bottom-0 harbor-no-print">
        <Link className="usa-link" to={`/youth/${encodeURIComponent(youth.id)}`}>
          {t('profileLead.backToRecord')}
        </Link>
      </p>
      <PageHeading documentTitle={t('profileLead.printTitle')}>
        {only ? t('profileLead.safetyPlanOf', { name }) : name}
      </PageHeading>
      <p className="text-base-dark">
        {t('profileLead.printedAt', { when: formatCountyDateTime(new Date().toISOString(), language) })}{' '}
        {t('profileLead.confidential')}
      </p>
      <p className="harbor-no-print">
        <Button type="button" onClick={() => window.print()}>
          {t('profileLead.print')}
        </Button>
      </p>
      {!only && (
        <>
          <ProfileSummary youth={youth} actions={false} />
          <IdentitySection youth={youth} />
          <ContactSection youth={youth} />
        </>
      )}
      {exploitationHidden && only ? <p>{t('safetyPlan.hiddenForRole')}</p> : <PrintedPlan youth={youth} />}
    </article>
  );
}

function PrintedPlan({ youth }: { youth: YouthView }) {
  const { t } = useTranslation();
  const { result, reload } = useApi<SafetyPlanList>(`/api/youth/${encodeURIComponent(youth.id)}/safety-plans`);
  const latest = result.status === 'ok' ? result.data.plans[0] : undefined;
  return (
    <section aria-labelledby="print-safety-heading" className="harbor-section">
      <h2 id="print-safety-heading">{t('safetyPlan.heading')}</h2>
      {result.status !== 'ok' ? (
        <SectionStatus results={[result]} hiddenKey="safetyPlan.hiddenForRole" onRetry={reload} />
      ) : latest ? (
        <>
          <h3>{t('safetyPlan.latest', { version: latest.version })}</h3>
          <PlanDetails plan={latest} />
        </>
      ) : (
        <p>{t('safetyPlan.none')}</p>
      )}
    </section>
  );
}
