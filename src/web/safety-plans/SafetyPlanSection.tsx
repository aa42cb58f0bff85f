import { Alert } from '@trussworks/react-uswds';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Disclosure } from '../components/Disclosure';
import { ProfileSection, SectionStatus } from '../components/ProfileSection';
import { Notice } from '../components/Notice';
import { formatCountyDateTime } from '../lib/format';
import { useApi } from '../lib/useApi';
import { useLanguage } from '../lib/useLanguage';
import { can } from '../lib/roles';
import { useActiveSession } from '../auth/SessionContext';
import type { SafetyPlanList, SafetyPlanView } from '../../contract/safety-plans';
import type { YouthView } from '../../contract/youth';
import { PLAN_FIELDS, SafetyPlanForm } from './SafetyPlanForm';

/** The youth's safety plan: the latest version, whether a new one is due, the history, and the next version. */
export function SafetyPlanSection({ youth }: { youth: YouthView }) {
  const { t } = useTranslation();
  const { result, reload, refresh } = useApi<SafetyPlanList>(`/api/youth/${encodeURIComponent(youth.id)}/safety-plans`);
  return (
    <ProfileSection headingId="safety-heading" heading={t('safetyPlan.heading')}>
      {result.status === 'ok' ? (
        <SafetyBody youth={youth} data={result.data} onChanged={refresh} />
      ) : (
        <SectionStatus results={[result]} hiddenKey="safetyPlan.hiddenForRole" onRetry={reload} />
      )}
    </ProfileSection>
  );
}

function SafetyBody({ youth, data, onChanged }: { youth: YouthView; data: SafetyPlanList; onChanged: () => void }) {
  const { t } = useTranslation();
  const session = useActiveSession();
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState<{ version: number; n: number } | null>(null);
  const canWrite = can(session, 'safety_plans.write');
  const [latest, ...older] = data.plans;

  return (
    <>
      {saved && (
        <Notice key={saved.n}>
          <p className="usa-alert__text">{t('safetyPlan.saved', { version: saved.version })}</p>
        </Notice>
      )}
      {data.reviewDue && (
        <Alert type="warning" headingLevel="h3" heading={t('safetyPlan.reviewDueHeading')} className="margin-y-2">
          {/* The missing capability's reason lives in its own message file. */}
          {data.reviewDue.reason === 'missing_return'
            ? t('missing.safetyReviewDue')
            : t(`safetyPlan.reviewDue.${data.reviewDue.reason}`)}
        </Alert>
      )}
      {latest ? (
        <>
          <h3>{t('safetyPlan.latest', { version: latest.version })}</h3>
          <PlanDetails plan={latest} />
          <p className="harbor-no-print">
            <Link className="usa-link" to={`/youth/${encodeURIComponent(youth.id)}/print/safety-plan`}>
              {t('profileLead.printSafetyPlan')}
            </Link>
          </p>
        </>
      ) : (
        <p>{t('safetyPlan.none')}</p>
      )}
      {canWrite && (
        <Disclosure
          id="safety-form"
          label={latest ? t('safetyPlan.writeNext') : t('safetyPlan.writeFirst')}
          open={open}
          onToggle={setOpen}
        >
          <SafetyPlanForm
            youthId={youth.id}
            latest={latest ?? null}
            onSaved={(plan) => {
              setOpen(false);
              setSaved({ version: plan.version, n: (saved?.n ?? 0) + 1 });
              onChanged();
            }}
            onCancel={() => setOpen(false)}
          />
        </Disclosure>
      )}
      {older.length > 0 && (
        <>
          <h3>{t('safetyPlan.history')}</h3>
          <ul className="usa-list usa-list--unstyled">
            {older.map((p) => (
              <li key={p.id} className="margin-bottom-2">
                <details>
                  <summary>{t('safetyPlan.versionSummary', { version: p.version })}</summary>
                  <PlanDetails plan={p} />
                </details>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

export function PlanDetails({ plan }: { plan: SafetyPlanView }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <dl className="harbor-provider__facts">
      <div>
        <dt>{t('safetyPlan.written')}</dt>
        <dd>
          {t('safetyPlan.writtenValue', { date: formatCountyDateTime(plan.createdAt, language), name: plan.createdBy })}{' '}
          {plan.writtenWithYouth ? t('safetyPlan.withYouth') : t('safetyPlan.notWithYouth')}
        </dd>
      </div>
      {plan.reason && (
        <div>
          <dt>{t('safetyPlan.reason')}</dt>
          <dd>{plan.reason}</dd>
        </div>
      )}
      {PLAN_FIELDS.map((f) => (
        <div key={f}>
          <dt>{t(`safetyPlan.fields.${f}`)}</dt>
          <dd className="harbor-pre-wrap">{plan[f]}</dd>
        </div>
      ))}
    </dl>
  );
}
