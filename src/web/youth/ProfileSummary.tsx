// "A profile that leads" (issue 14, finding 13): what a worker needs first, at the top of the
// record: the current CSEC Type, open deadlines, the current placement, whether the youth is
// missing, and the team; with the urgent actions (report missing, record a screening) one tap
// away. Each fact reads the same cached answer its section reads (useApi), so nothing is fetched
// twice, and each shows only what the API already gives this user: the placement by its type and
// provider, never its address (the most sensitive field), and a hidden category as hidden.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DetailList, type Detail } from '../components/DetailList';
import { formatCountyDateTime, formatDate } from '../lib/format';
import { useApi, type ApiResult } from '../lib/useApi';
import { useLanguage } from '../lib/useLanguage';
import { useNow } from '../lib/useNow';
import type { CsecTypeList } from '../../contract/csec-types';
import type { YouthEpisodes } from '../../contract/missing';
import type { ObligationList } from '../../contract/obligations';
import type { PlacementList } from '../../contract/placements';
import type { YouthView } from '../../contract/youth';

const base = (youth: YouthView) => `/api/youth/${encodeURIComponent(youth.id)}`;
const page = (youth: YouthView) => `/youth/${encodeURIComponent(youth.id)}`;

/** What a fact shows while its answer is not there: loading, hidden for the role, or unavailable. */
function Pending({ result }: { result: ApiResult<unknown> }) {
  const { t } = useTranslation();
  if (result.status === 'loading') return <span className="text-base">{t('profileLead.loading')}</span>;
  if (result.status === 'error' && result.error.status === 403)
    return <span className="text-base">{t('profileLead.hidden')}</span>;
  return <span className="text-base">{t('profileLead.unavailable')}</span>;
}

const Hidden = () => {
  const { t } = useTranslation();
  return <span className="text-base">{t('profileLead.hidden')}</span>;
};

/** `actions` false leaves out the urgent actions (the print view). */
export function ProfileSummary({ youth, actions = true }: { youth: YouthView; actions?: boolean }) {
  const { t } = useTranslation();
  const exploitationHidden = youth.hiddenCategories.includes('exploitation');
  const items: Detail[] = [
    {
      key: 'csec',
      label: t('profileLead.csecType'),
      value: exploitationHidden ? <Hidden /> : <CsecFact youth={youth} />,
    },
    {
      key: 'deadlines',
      label: t('profileLead.deadlines'),
      value: exploitationHidden ? <Hidden /> : <DeadlinesFact youth={youth} />,
    },
    { key: 'placement', label: t('profileLead.placement'), value: <PlacementFact youth={youth} /> },
    {
      key: 'missing',
      label: t('profileLead.missing'),
      value: exploitationHidden ? <Hidden /> : <MissingFact youth={youth} />,
    },
    { key: 'team', label: t('profileLead.team'), value: <TeamFact youth={youth} /> },
  ];
  return (
    <section aria-labelledby="summary-heading" className="harbor-section harbor-summary">
      <h2 id="summary-heading">{t('profileLead.summary')}</h2>
      {actions && !exploitationHidden && youth.permissions.canEdit && <UrgentActions youth={youth} />}
      <DetailList items={items} />
    </section>
  );
}

/** Report missing and record a screening, one tap away (first on a phone). */
function UrgentActions({ youth }: { youth: YouthView }) {
  const { t } = useTranslation();
  const missing = useApi<YouthEpisodes>(`${base(youth)}/missing`);
  const open =
    missing.result.status === 'ok'
      ? missing.result.data.episodes.find((e) => e.status === 'missing' || e.status === 'located')
      : undefined;
  const canReport = missing.result.status === 'ok' && missing.result.data.canReport && !open;
  return (
    <ul className="usa-button-group harbor-urgent" aria-label={t('profileLead.urgent')}>
      {canReport && (
        <li className="usa-button-group__item">
          <Link className="usa-button usa-button--secondary" to={`${page(youth)}/missing/new`}>
            {t('profileLead.reportMissing')}
          </Link>
        </li>
      )}
      {open && (
        <li className="usa-button-group__item">
          <Link
            className="usa-button usa-button--secondary"
            to={`${page(youth)}/missing/${encodeURIComponent(open.id)}`}
          >
            {t('profileLead.openEpisode')}
          </Link>
        </li>
      )}
      <li className="usa-button-group__item">
        <Link className="usa-button" to={`${page(youth)}/screenings/new`}>
          {t('profileLead.recordScreening')}
        </Link>
      </li>
    </ul>
  );
}

function CsecFact({ youth }: { youth: YouthView }) {
  const { t } = useTranslation();
  const { result } = useApi<CsecTypeList>(`${base(youth)}/csec-types`);
  if (result.status !== 'ok') return <Pending result={result} />;
  const current = result.data.current;
  return (
    <a className="usa-link" href="#csec-heading">
      {current ? t(`csecTypes.${current.type}.label`) : t('profileLead.noCsecType')}
    </a>
  );
}

function DeadlinesFact({ youth }: { youth: YouthView }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const now = useNow();
  const { result } = useApi<ObligationList>(`${base(youth)}/obligations`);
  if (result.status !== 'ok') return <Pending result={result} />;
  const open = result.data.obligations
    .filter((o) => o.status === 'open')
    .sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  if (open.length === 0) return <>{t('profileLead.noDeadlines')}</>;
  const overdue = open.filter((o) => new Date(o.dueAt).getTime() < now).length;
  const next = open[0]!;
  return (
    <>
      <a className="usa-link" href="#csec-heading">
        {t('profileLead.openDeadlines', { count: open.length })}
      </a>
      {overdue > 0 && (
        <strong className="text-secondary-dark"> · {t('profileLead.overdue', { count: overdue })}</strong>
      )}
      <span className="display-block">
        {t('profileLead.nextDeadline', {
          kind: t(`obligationKinds.${next.kind}.label`, { defaultValue: next.kind }),
          when: formatCountyDateTime(next.dueAt, language),
        })}
      </span>
    </>
  );
}

function PlacementFact({ youth }: { youth: YouthView }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { result } = useApi<PlacementList>(`${base(youth)}/placements`);
  if (result.status !== 'ok') return <Pending result={result} />;
  const current = result.data.placements.find((p) => p.current);
  if (!current) return <>{t('profileLead.noPlacement')}</>;
  const parts: ReactNode[] = [t(`placementTypes.${current.placementType}`)];
  // The provider only when the API gave it (the youth's own workers); never the address here.
  if (current.provider) parts.push(current.provider.name);
  return (
    <a className="usa-link" href="#care-heading">
      {parts.join(' · ')} {t('profileLead.since', { date: formatDate(current.startAt.slice(0, 10), language) })}
    </a>
  );
}

function MissingFact({ youth }: { youth: YouthView }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { result } = useApi<YouthEpisodes>(`${base(youth)}/missing`);
  if (result.status !== 'ok') return <Pending result={result} />;
  const open = result.data.episodes.find((e) => e.status === 'missing' || e.status === 'located');
  if (!open) return <>{t('profileLead.notMissing')}</>;
  return (
    <Link className="usa-link text-bold" to={`${page(youth)}/missing/${encodeURIComponent(open.id)}`}>
      {t(`profileLead.missingNow.${open.status}`, { when: formatCountyDateTime(open.lastSeenAt, language) })}
    </Link>
  );
}

function TeamFact({ youth }: { youth: YouthView }) {
  const { t } = useTranslation();
  const primary = youth.assignments?.find((a) => a.role === 'primary' && !a.endsAt);
  const mdt = useApi<{ members: { name: string }[] }>(`${base(youth)}/mdt`);
  const members = mdt.result.status === 'ok' ? mdt.result.data.members.length : null;
  const parts: string[] = [];
  if (primary) parts.push(t('profileLead.primaryWorker', { name: primary.worker }));
  if (members !== null) parts.push(t('profileLead.mdtMembers', { count: members }));
  if (parts.length === 0)
    return mdt.result.status === 'loading' ? <Pending result={mdt.result} /> : <>{t('profileLead.noTeam')}</>;
  return (
    <a className="usa-link" href={members !== null ? '#mdt-heading' : '#assignments-heading'}>
      {parts.join(' · ')}
    </a>
  );
}
