import { Alert } from '@trussworks/react-uswds';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiErrorView } from '../components/ApiErrorView';
import { DataTable } from '../components/DataTable';
import { DetailList, type Detail } from '../components/DetailList';
import { Disclosure } from '../components/Disclosure';
import { Loading } from '../components/Loading';
import { NotRecorded } from '../components/NotRecorded';
import { Notice } from '../components/Notice';
import { PageHeading } from '../components/PageHeading';
import { directoryPath } from '../lib/directory';
import { formatCountyDateTime, formatDate, formatList } from '../lib/format';
import { languageLabel } from '../lib/labels';
import { canEditProvider } from '../lib/roles';
import { useApi } from '../lib/useApi';
import { useLanguage } from '../lib/useLanguage';
import { useNow } from '../lib/useNow';
import { useCountySpas } from '../lib/reference';
import { useActiveSession } from '../auth/SessionContext';
import type {
  ContactList,
  ContactView as DirectoryContact,
  ProviderHistory,
  ProviderView as Provider,
  ServiceList,
  ServiceView as CatalogService,
} from '../../contract/directory';
import { fieldLabel, trainingLabel } from './fieldLabels';
import { PhoneLink, ProviderFlags, VacancyStatus, agesText, serviceName, spaList } from './ProviderBits';
import { ProviderForm } from './ProviderForm';
import { VacancyForm } from './VacancyForm';

/** One directory entry: everything it says, how to reach them, its history and, for its editors, the forms. */
export function ProviderPage() {
  const { id = '' } = useParams();
  const base = `/api/directory/providers/${encodeURIComponent(id)}`;
  const provider = useApi<Provider>(base);
  const history = useApi<ProviderHistory>(`${base}/history`);
  const catalog = useApi<ServiceList>('/api/directory/services');
  const contacts = useApi<ContactList>('/api/directory/contacts');
  if (provider.result.status === 'loading') return <Loading />;
  if (provider.result.status === 'error')
    return <ApiErrorView error={provider.result.error} onRetry={provider.reload} />;
  const data = provider.result.data;
  return (
    <ProviderView
      provider={data}
      history={history.result.status === 'ok' ? history.result.data : null}
      historyFailed={history.result.status === 'error'}
      services={catalog.result.status === 'ok' ? catalog.result.data.services : null}
      contacts={
        contacts.result.status === 'ok'
          ? contacts.result.data.contacts.filter((c) => c.organizationId === data.organizationId)
          : []
      }
      onChanged={() => {
        provider.refresh();
        history.refresh();
      }}
    />
  );
}

/** "san-bernardino" as "San Bernardino": other counties' names are not sent, only their codes. */
function countyCodeName(code: string): string {
  return code
    .split('-')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
}

interface ViewProps {
  provider: Provider;
  history: ProviderHistory | null;
  historyFailed: boolean;
  services: CatalogService[] | null;
  contacts: DirectoryContact[];
  onChanged: () => void;
}

function ProviderView({ provider: p, history, historyFailed, services, contacts, onChanged }: ViewProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const session = useActiveSession();
  const now = useNow();
  const countySpas = useCountySpas();
  const mayEdit = canEditProvider(session, p);
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<{ text: string; n: number } | null>(null);
  const saved = (text: string) => {
    setNotice({ text, n: (notice?.n ?? 0) + 1 });
    onChanged();
  };

  const list = (items: string[]) => (items.length ? formatList(items, language) : <NotRecorded />);
  const yesNo = (v: boolean) => (v ? t('directory.yes') : t('directory.no'));
  const ages = agesText(p, t);

  const about: Detail[] = [
    { key: 'kind', label: fieldLabel('kind', t), value: t(`directory.kinds.${p.kind}`) },
    ...(p.organizationName
      ? [{ key: 'organization', label: fieldLabel('organization', t), value: p.organizationName }]
      : []),
    {
      key: 'description',
      label: fieldLabel('description', t),
      value: p.description ? <span className="harbor-prewrap">{p.description}</span> : <NotRecorded />,
    },
    {
      key: 'services',
      label: fieldLabel('services', t),
      value: list(p.services.map((s) => serviceName(s, services, language))),
    },
    {
      key: 'placementTypes',
      label: fieldLabel('placementTypes', t),
      value: list(p.placementTypes.map((k) => t(`placementTypes.${k}`, { defaultValue: k }))),
    },
    { key: 'ages', label: fieldLabel('ages', t), value: ages ?? <NotRecorded /> },
    {
      key: 'genders',
      label: fieldLabel('genders', t),
      value: list(p.genders.map((g) => t(`directory.genders.${g}`, { defaultValue: g }))),
    },
    { key: 'lgbtqAffirming', label: fieldLabel('lgbtqAffirming', t), value: yesNo(p.lgbtqAffirming) },
    { key: 'servesParentingYouth', label: fieldLabel('servesParentingYouth', t), value: yesNo(p.servesParentingYouth) },
    { key: 'servesBoys', label: fieldLabel('servesBoys', t), value: yesNo(p.servesBoys) },
    { key: 'languages', label: fieldLabel('languages', t), value: list(p.languages.map((l) => languageLabel(l, t))) },
    {
      key: 'spas',
      label: fieldLabel('spas', t),
      value: p.spas.length ? spaList(p.spas, countySpas, t, language) : <NotRecorded />,
    },
    {
      key: 'countiesServed',
      label: fieldLabel('countiesServed', t),
      value: list(
        p.countiesServed.map((c) => (c === session.user.county.code ? session.user.county.name : countyCodeName(c))),
      ),
    },
    {
      key: 'csecTrainings',
      label: fieldLabel('csecTrainings', t),
      value: p.csecTrainings.length ? (
        <ul className="usa-list usa-list--unstyled">
          {p.csecTrainings.map((tr) => (
            <li key={`${tr.training}:${tr.completedOn}`}>
              {t('directory.trainingOn', {
                training: trainingLabel(tr.training, t),
                date: formatDate(tr.completedOn, language),
              })}
            </li>
          ))}
        </ul>
      ) : (
        t('directory.noTraining')
      ),
    },
    { key: 'crisis247', label: fieldLabel('crisis247', t), value: yesNo(p.crisis247) },
    ...(p.externalRef ? [{ key: 'externalRef', label: fieldLabel('externalRef', t), value: p.externalRef }] : []),
  ];

  const reach: Detail[] = [
    { key: 'phone', label: fieldLabel('phone', t), value: p.phone ? <PhoneLink phone={p.phone} /> : <NotRecorded /> },
    {
      key: 'email',
      label: fieldLabel('email', t),
      value: p.email ? (
        <a className="usa-link" href={`mailto:${p.email}`}>
          {p.email}
        </a>
      ) : (
        <NotRecorded />
      ),
    },
    {
      key: 'website',
      label: fieldLabel('website', t),
      value: p.website ? (
        <a className="usa-link" href={p.website} target="_blank" rel="noreferrer noopener">
          {p.website}
          <span className="usa-sr-only"> {t('directory.opensNewTab')}</span>
        </a>
      ) : (
        <NotRecorded />
      ),
    },
    {
      key: 'address',
      label: fieldLabel('address', t),
      value: p.addressWithheld ? (
        <span className="text-base-dark">{t('directory.addressWithheld')}</span>
      ) : p.address ? (
        p.address
      ) : (
        <NotRecorded />
      ),
    },
    { key: 'hours', label: fieldLabel('hours', t), value: p.hours ?? <NotRecorded /> },
  ];

  return (
    <article>
      <p className="margin-bottom-0">
        <Link className="usa-link" to={directoryPath()}>
          {t('provider.back')}
        </Link>
      </p>
      {/* A generic tab title: a resource family's name is a family's name, and titles stay in browser history. */}
      <PageHeading documentTitle={t('provider.documentTitle')}>{p.name}</PageHeading>
      <p className="usa-intro margin-top-0">
        {t(`directory.kinds.${p.kind}`)}
        {p.organizationName && <> · {p.organizationName}</>}
      </p>
      {!p.active && (
        <Alert type="warning" headingLevel="h2" slim>
          {t('provider.inactive')}
        </Alert>
      )}
      {notice && <Notice key={notice.n}>{notice.text}</Notice>}
      <ProviderFlags provider={p} />

      {/* Vacancies are for places with beds: a program without any has no such section. */}
      {(p.beds !== null || p.vacancies !== null || (mayEdit && p.placementTypes.length > 0)) && (
        <section aria-labelledby="vacancies-heading" className="harbor-section">
          <h2 id="vacancies-heading">{t('provider.vacancies')}</h2>
          {p.beds === null && p.vacancies === null ? (
            <p>{t('provider.noVacancyCount')}</p>
          ) : (
            <VacancyStatus provider={p} now={now} />
          )}
          {mayEdit && (
            <VacancyForm
              key={p.version}
              provider={p}
              onReload={onChanged}
              onSaved={(s) =>
                saved(
                  s.beds === null
                    ? t('vacancyForm.saved', { count: s.vacancies ?? 0 })
                    : t('vacancyForm.savedWithBeds', { count: s.vacancies ?? 0, beds: s.beds }),
                )
              }
            />
          )}
        </section>
      )}

      <section aria-labelledby="reach-heading" className="harbor-section">
        <h2 id="reach-heading">{t('provider.reach')}</h2>
        <DetailList items={reach} />
        {contacts.length > 0 && (
          <>
            <h3>{t('provider.csecContact')}</h3>
            <ul className="usa-list usa-list--unstyled">
              {contacts.map((c) => (
                <li key={c.id} className="margin-bottom-1">
                  <strong>{c.name}</strong>
                  {c.title && <>, {c.title}</>}
                  {c.phone && (
                    <>
                      {' · '}
                      <PhoneLink phone={c.phone} />
                    </>
                  )}
                  {c.email && (
                    <>
                      {' · '}
                      <a className="usa-link" href={`mailto:${c.email}`}>
                        {c.email}
                      </a>
                    </>
                  )}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section aria-labelledby="about-heading" className="harbor-section">
        <h2 id="about-heading">{t('provider.about')}</h2>
        <DetailList items={about} />
        {mayEdit && (
          <Disclosure id="edit-provider" label={t('provider.edit')} open={editing} onToggle={setEditing}>
            <ProviderForm
              key={p.version}
              provider={p}
              services={services}
              onCancel={() => setEditing(false)}
              onReload={onChanged}
              onSaved={() => {
                setEditing(false);
                saved(t('providerForm.saved'));
              }}
            />
          </Disclosure>
        )}
      </section>

      <section aria-labelledby="history-heading" className="harbor-section">
        <h2 id="history-heading">{t('provider.history')}</h2>
        <p>{t('provider.historyIntro')}</p>
        {history === null ? (
          historyFailed ? (
            <Alert type="error" headingLevel="h3" slim>
              {t('errors.generic')}
            </Alert>
          ) : (
            <Loading />
          )
        ) : (
          <DataTable
            caption={t('provider.history')}
            rows={history.versions}
            rowKey={(v) => String(v.version)}
            columns={[
              {
                key: 'when',
                header: t('provider.historyWhen'),
                cell: (v) => formatCountyDateTime(v.changedAt, language),
              },
              {
                key: 'who',
                header: t('provider.historyWho'),
                cell: (v) =>
                  v.source === 'edit'
                    ? (v.changedBy ?? t('provider.historySomeone'))
                    : t(`provider.historySource.${v.source}`),
              },
              {
                key: 'what',
                header: t('provider.historyWhat'),
                cell: (v) =>
                  v.version === 1
                    ? t('provider.historyCreated')
                    : v.changes.length
                      ? formatList(
                          v.changes.map((f) => fieldLabel(f, t)),
                          language,
                        )
                      : t('provider.historyNothing'),
              },
            ]}
          />
        )}
      </section>
    </article>
  );
}
