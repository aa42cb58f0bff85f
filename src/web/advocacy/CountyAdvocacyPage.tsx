import { Button } from '@trussworks/react-uswds';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { ApiErrorView } from '../components/ApiErrorView';
import { DataTable } from '../components/DataTable';
import { Disclosure } from '../components/Disclosure';
import { Loading } from '../components/Loading';
import { Notice } from '../components/Notice';
import { PageHeading } from '../components/PageHeading';
import { formatCountyDateTime, formatDate, formatList } from '../lib/format';
import { useApi, type ApiResult } from '../lib/useApi';
import { useLanguage } from '../lib/useLanguage';
import { can } from '../lib/roles';
import { useVettingItemLabel } from './vettingItemLabel';
import { useActiveSession } from '../auth/SessionContext';
import './advocacy.css';
import { ContractForm, type OrgOption } from './ContractForm';
import { FlagDecision, IssueForm, IssueUpdate } from './IssueForms';
import type {
  ContractView as Contract,
  ExpiringList,
  FlagView as PerformanceFlag,
  IssueView as PerformanceIssue,
} from '../../contract/advocacy';
import type { OrganizationList } from '../../contract/people';

function Result<T>({
  result,
  reload,
  children,
}: {
  result: ApiResult<T>;
  reload: () => void;
  children: (data: T) => ReactNode;
}) {
  if (result.status === 'error') return <ApiErrorView error={result.error} onRetry={reload} />;
  if (result.status === 'loading') return <Loading />;
  return <>{children(result.data)}</>;
}

/** The county's view across advocacy organizations: contracts, vetting ending soon, performance issues and flags. */
export function CountyAdvocacyPage() {
  const { t } = useTranslation();
  const session = useActiveSession();
  const isAdmin = can(session, 'contracts.edit');
  const isAnalyst = can(session, 'performance.flags');
  const contracts = useApi<{ contracts: Contract[] }>('/api/advocacy/contracts');
  const expiring = useApi<ExpiringList>('/api/advocacy/vetting/expiring');
  const issues = useApi<{ issues: PerformanceIssue[] }>('/api/advocacy/performance-issues');
  const flags = useApi<{ flags: PerformanceFlag[] }>('/api/advocacy/flags?status=candidate');
  const orgList = useApi<OrganizationList>('/api/organizations');
  const orgs = orgList.result.status === 'ok' ? orgList.result.data.organizations : [];
  const [saved, setSaved] = useState<{ message: string; n: number } | null>(null);
  const done = (message: string) => {
    setSaved({ message, n: (saved?.n ?? 0) + 1 });
    contracts.refresh();
    issues.refresh();
    flags.refresh();
  };

  return (
    <>
      <PageHeading documentTitle={t('countyAdvocacy.title')}>{t('countyAdvocacy.title')}</PageHeading>
      <p className="usa-intro">{t('countyAdvocacy.intro')}</p>
      {saved && (
        <Notice key={saved.n}>
          <p className="usa-alert__text">{saved.message}</p>
        </Notice>
      )}
      <section aria-labelledby="county-contracts" className="harbor-section">
        <h2 id="county-contracts">{t('countyAdvocacy.contractsHeading')}</h2>
        <Result result={contracts.result} reload={contracts.reload}>
          {(d) => <Contracts contracts={d.contracts} orgs={orgs} canEdit={isAdmin} onSaved={done} />}
        </Result>
      </section>
      <section aria-labelledby="county-expiring" className="harbor-section">
        <h2 id="county-expiring">{t('countyAdvocacy.expiringHeading')}</h2>
        <Result result={expiring.result} reload={expiring.reload}>
          {(d) => <Expiring list={d} />}
        </Result>
      </section>
      <section aria-labelledby="county-issues" className="harbor-section">
        <h2 id="county-issues">{t('countyAdvocacy.issuesHeading')}</h2>
        <Result result={issues.result} reload={issues.reload}>
          {(d) => <Issues issues={d.issues} orgs={orgs} onSaved={done} />}
        </Result>
      </section>
      <section aria-labelledby="county-flags" className="harbor-section">
        <h2 id="county-flags">{t('countyAdvocacy.flags.heading')}</h2>
        <p className="usa-hint">{t('countyAdvocacy.flags.hint')}</p>
        {isAnalyst && <RefreshFlags onSaved={done} />}
        <Result result={flags.result} reload={flags.reload}>
          {(d) => <Flags flags={d.flags} canDecide={isAnalyst} onSaved={done} />}
        </Result>
      </section>
    </>
  );
}

function Contracts({
  contracts,
  orgs,
  canEdit,
  onSaved,
}: {
  contracts: Contract[];
  orgs: OrgOption[];
  canEdit: boolean;
  onSaved: (m: string) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [editing, setEditing] = useState<string | null>(null);
  const current = contracts.find((c) => c.id === editing) ?? null;
  return (
    <>
      {contracts.length === 0 ? (
        <p>{t('countyAdvocacy.noContracts')}</p>
      ) : (
        <DataTable
          caption={t('countyAdvocacy.contractsHeading')}
          rowKey={(c) => c.id}
          rows={contracts}
          columns={[
            {
              key: 'org',
              header: t('countyAdvocacy.organization'),
              cell: (c) => <span className="text-bold">{c.organization}</span>,
            },
            { key: 'ref', header: t('countyAdvocacy.contract.reference'), cell: (c) => c.reference },
            {
              key: 'period',
              header: t('countyAdvocacy.contract.period'),
              cell: (c) =>
                t('countyAdvocacy.contract.periodValue', {
                  from: formatDate(c.startsOn, language),
                  to: formatDate(c.terminatedOn ?? c.endsOn, language),
                }),
            },
            { key: 'dept', header: t('countyAdvocacy.contract.department'), cell: (c) => c.contractingOrganization },
            {
              key: 'services',
              header: t('countyAdvocacy.contract.services'),
              cell: (c) =>
                formatList(
                  c.services.map((s) => t(`countyAdvocacy.services.${s}`)),
                  language,
                ),
            },
            {
              key: 'terms',
              header: t('countyAdvocacy.contract.terms'),
              cell: (c) =>
                t('countyAdvocacy.contract.termsValue', { hours: c.firstContactHours, capacity: c.capacity }),
            },
            {
              key: 'active',
              header: t('countyAdvocacy.contract.active'),
              cell: (c) => (c.activeToday ? t('countyAdvocacy.yes') : t('countyAdvocacy.no')),
            },
            ...(canEdit
              ? [
                  {
                    key: 'edit',
                    header: t('countyAdvocacy.actions'),
                    cell: (c: Contract) => (
                      <Button
                        type="button"
                        unstyled
                        onClick={() => setEditing(c.id)}
                        aria-label={t('countyAdvocacy.contract.editLabel', { reference: c.reference })}
                      >
                        {t('countyAdvocacy.contract.edit')}
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
      {canEdit && current && (
        <ContractForm
          key={current.id}
          contract={current}
          orgs={orgs}
          onSaved={() => {
            setEditing(null);
            onSaved(t('countyAdvocacy.contract.saved'));
          }}
          onCancel={() => setEditing(null)}
        />
      )}
      {canEdit && (
        <Disclosure
          id="county-contract-new"
          label={t('countyAdvocacy.contract.open')}
          open={editing === 'new'}
          onToggle={(o) => setEditing(o ? 'new' : null)}
        >
          <ContractForm
            contract={null}
            orgs={orgs}
            onSaved={() => {
              setEditing(null);
              onSaved(t('countyAdvocacy.contract.saved'));
            }}
            onCancel={() => setEditing(null)}
          />
        </Disclosure>
      )}
    </>
  );
}

function Expiring({ list }: { list: ExpiringList }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const itemLabel = useVettingItemLabel();
  if (list.items.length === 0) return <p>{t('countyAdvocacy.noneExpiring', { days: list.warningDays })}</p>;
  return (
    <>
      <p className="usa-hint">{t('countyAdvocacy.expiringHint', { days: list.warningDays })}</p>
      <DataTable
        caption={t('countyAdvocacy.expiringHeading')}
        rowKey={(i) => `${i.userId}:${i.what}:${i.endsOn}`}
        rows={list.items}
        columns={[
          { key: 'org', header: t('countyAdvocacy.organization'), cell: (i) => i.organization },
          { key: 'name', header: t('countyAdvocacy.advocate'), cell: (i) => i.name },
          { key: 'what', header: t('countyAdvocacy.what'), cell: (i) => itemLabel(i) },
          { key: 'ends', header: t('countyAdvocacy.endsOn'), cell: (i) => formatDate(i.endsOn, language) },
        ]}
      />
    </>
  );
}

function Issues({
  issues,
  orgs,
  onSaved,
}: {
  issues: PerformanceIssue[];
  orgs: OrgOption[];
  onSaved: (m: string) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [open, setOpen] = useState(false);
  const [working, setWorking] = useState<string | null>(null);
  const openIssues = issues.filter((i) => i.status !== 'resolved');
  const resolved = issues.filter((i) => i.status === 'resolved');
  const card = (i: PerformanceIssue) => {
    const headingId = `county-issue-${i.id}`;
    return (
      <li key={i.id} className="margin-bottom-3">
        <article aria-labelledby={headingId}>
          <h3 id={headingId} className="margin-bottom-1">
            {t('countyAdvocacy.issue.title', {
              organization: i.organization,
              category: t(`countyAdvocacy.categories.${i.category}`),
              severity: t(`countyAdvocacy.severities.${i.severity}`),
            })}
          </h3>
          <p className="margin-y-05">
            {t('countyAdvocacy.issue.meta', {
              date: formatDate(i.raisedOn, language),
              status: t(`countyAdvocacy.statuses.${i.status}`),
              owner: i.owner ?? t('countyAdvocacy.noOwner'),
            })}
          </p>
          <p className="margin-y-05 harbor-pre-wrap">{i.description}</p>
          <p className="margin-y-05 harbor-pre-wrap">
            <span className="text-bold">{t('countyAdvocacy.issue.recommendation')}:</span> {i.recommendation}
          </p>
          {i.resolution && (
            <p className="margin-y-05 harbor-pre-wrap">
              <span className="text-bold">{t('countyAdvocacy.issue.resolution')}:</span> {i.resolution} (
              {i.resolvedOn && formatDate(i.resolvedOn, language)})
            </p>
          )}
          {i.status !== 'resolved' && (
            <Disclosure
              id={`county-issue-update-${i.id}`}
              label={t('countyAdvocacy.issue.update')}
              open={working === i.id}
              onToggle={(o) => setWorking(o ? i.id : null)}
            >
              <IssueUpdate
                issue={i}
                onSaved={(m) => {
                  setWorking(null);
                  onSaved(m);
                }}
              />
            </Disclosure>
          )}
        </article>
      </li>
    );
  };
  return (
    <>
      {openIssues.length === 0 ? (
        <p>{t('countyAdvocacy.noOpenIssues')}</p>
      ) : (
        <ul className="usa-list usa-list--unstyled">{openIssues.map(card)}</ul>
      )}
      <Disclosure id="county-issue-new" label={t('countyAdvocacy.issue.open')} open={open} onToggle={setOpen}>
        <IssueForm
          orgs={orgs}
          onSaved={(m) => {
            setOpen(false);
            onSaved(m);
          }}
          onCancel={() => setOpen(false)}
        />
      </Disclosure>
      {resolved.length > 0 && (
        <details className="margin-top-3">
          <summary>{t('countyAdvocacy.resolvedIssues', { count: resolved.length })}</summary>
          <ul className="usa-list usa-list--unstyled margin-top-2">{resolved.map(card)}</ul>
        </details>
      )}
    </>
  );
}

function RefreshFlags({ onSaved }: { onSaved: (m: string) => void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const refresh = async () => {
    setBusy(true);
    setFailed(false);
    try {
      const r = await api<{ added: number }>('/api/advocacy/flags/refresh', { method: 'POST' });
      onSaved(t('countyAdvocacy.flags.refreshed', { count: r.added }));
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };
  return (
    <p>
      <Button type="button" outline disabled={busy} onClick={() => void refresh()}>
        {busy ? t('countyAdvocacy.flags.refreshing') : t('countyAdvocacy.flags.refresh')}
      </Button>
      {failed && (
        <span role="alert" className="usa-error-message">
          {t('errors.generic')}
        </span>
      )}
    </p>
  );
}

/** What the flag found, from its detail (dates and, for lapsed vetting, what was lacking). */
function FlagDetail({ flag }: { flag: PerformanceFlag }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const str = (k: string) => (typeof flag.detail[k] === 'string' ? (flag.detail[k] as string) : null);
  const when = (iso: string | null) => (iso ? formatCountyDateTime(iso, language) : null);
  switch (flag.kind) {
    case 'first_contact_missed': {
      const met = when(str('metAt'));
      return (
        <>
          {met
            ? t('countyAdvocacy.flags.detail.lateMet', { due: when(str('dueAt')), met })
            : t('countyAdvocacy.flags.detail.notMet', { due: when(str('dueAt')) })}
        </>
      );
    }
    case 'lapsed_vetting': {
      const lacks = Array.isArray(flag.detail.lacks)
        ? flag.detail.lacks.filter((x): x is string => typeof x === 'string')
        : [];
      return (
        <>
          {t('countyAdvocacy.flags.detail.lacks', { on: str('on') ? formatDate(str('on')!, language) : '' })}{' '}
          <span lang={language === 'en' ? undefined : 'en'}>{formatList(lacks, 'en')}</span>
        </>
      );
    }
    case 'capacity_decline':
      return <>{t('countyAdvocacy.flags.detail.declined', { when: when(str('declinedAt')) })}</>;
  }
}

function Flags({
  flags,
  canDecide,
  onSaved,
}: {
  flags: PerformanceFlag[];
  canDecide: boolean;
  onSaved: (m: string) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [working, setWorking] = useState<string | null>(null);
  if (flags.length === 0) return <p>{t('countyAdvocacy.flags.none')}</p>;
  return (
    <ul className="usa-list usa-list--unstyled">
      {flags.map((f) => {
        const headingId = `county-flag-${f.id}`;
        return (
          <li key={f.id} className="margin-bottom-3">
            <article aria-labelledby={headingId}>
              <h3 id={headingId} className="margin-bottom-1">
                {t('countyAdvocacy.flags.title', {
                  organization: f.organization,
                  kind: t(`countyAdvocacy.flags.kinds.${f.kind}`),
                })}
              </h3>
              <p className="margin-y-05">
                {t('countyAdvocacy.flags.observed', { date: formatDate(f.observedOn, language) })}{' '}
                <FlagDetail flag={f} />
              </p>
              {canDecide && (
                <Disclosure
                  id={`county-flag-decide-${f.id}`}
                  label={t('countyAdvocacy.flags.decide')}
                  open={working === f.id}
                  onToggle={(o) => setWorking(o ? f.id : null)}
                >
                  <FlagDecision
                    flag={f}
                    onSaved={(m) => {
                      setWorking(null);
                      onSaved(m);
                    }}
                  />
                </Disclosure>
              )}
            </article>
          </li>
        );
      })}
    </ul>
  );
}
