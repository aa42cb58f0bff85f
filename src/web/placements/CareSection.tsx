import { Alert } from '@trussworks/react-uswds';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Disclosure } from '../components/Disclosure';
import { HiddenForRoleNote } from '../components/HiddenForRoleNote';
import { ProfileSection, SectionStatus } from '../components/ProfileSection';
import { NotRecorded } from '../components/NotRecorded';
import { Notice } from '../components/Notice';
import { formatCountyDateTime, formatCountyDay } from '../lib/format';
import { pick } from '../lib/localized';
import { canRecordLinkedServices } from '../lib/roles';
import { useApi } from '../lib/useApi';
import { useLanguage } from '../lib/useLanguage';
import { useActiveSession } from '../auth/SessionContext';
import type { YouthView } from '../../contract/youth';
import type { ServiceList, ServiceView as CatalogService } from '../../contract/directory';
import type { PlacementList, PlacementView as Placement } from '../../contract/placements';
import type { ServiceEpisodeList, ServiceEpisodeView as ServiceEpisode } from '../../contract/services';
import { PlacementEditForm } from './PlacementEditForm';
import { PlacementForm } from './PlacementForm';
import { ServiceForm } from '../services/ServiceForm';
import { ServiceUpdateForm } from '../services/ServiceUpdateForm';

type Entry =
  | { kind: 'placement'; at: string; placement: Placement }
  | { kind: 'gap'; at: string; from: string; to: string }
  | { kind: 'service'; at: string; episode: ServiceEpisode };

/** "Where the youth lives and what they receive": now at the top, then the history in date order. */
export function CareSection({ youth }: { youth: YouthView }) {
  const { t } = useTranslation();
  const base = `/api/youth/${encodeURIComponent(youth.id)}`;
  const placements = useApi<PlacementList>(`${base}/placements`);
  const services = useApi<ServiceEpisodeList>(`${base}/services`);
  const catalog = useApi<ServiceList>('/api/directory/services');

  return (
    <ProfileSection headingId="care-heading" heading={t('care.heading')}>
      {placements.result.status === 'ok' && services.result.status === 'ok' ? (
        <CareBody
          youth={youth}
          placements={placements.result.data}
          services={services.result.data}
          catalog={catalog.result.status === 'ok' ? catalog.result.data.services : []}
          onChanged={() => {
            placements.refresh();
            services.refresh();
          }}
        />
      ) : (
        <SectionStatus
          results={[placements.result, services.result]}
          hiddenKey="care.hiddenForRole"
          onRetry={() => {
            placements.reload();
            services.reload();
          }}
        />
      )}
    </ProfileSection>
  );
}

interface BodyProps {
  youth: YouthView;
  placements: PlacementList;
  services: ServiceEpisodeList;
  catalog: CatalogService[];
  onChanged: () => void;
}

function CareBody({ youth, placements, services, catalog, onChanged }: BodyProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const session = useActiveSession();
  const [open, setOpen] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ text: string; n: number } | null>(null);
  const toggle = (key: string) => (isOpen: boolean) => setOpen(isOpen ? key : null);
  const saved = (text: string) => {
    setOpen(null);
    setNotice({ text, n: (notice?.n ?? 0) + 1 });
    onChanged();
  };

  const canPlace =
    youth.permissions.canEdit && !youth.hiddenCategories.includes('placement_location') && !placements.locationHidden;
  const canServe = youth.permissions.canEdit || canRecordLinkedServices(session);
  // Services this user may record: those whose kind of information they may see.
  const hidden: readonly string[] = youth.hiddenCategories;
  const recordable = catalog.filter((s) => !hidden.includes(s.category));
  const current = placements.placements.find((p) => p.current) ?? null;
  const active = services.episodes.filter((e) => e.status === 'active');
  const day = (iso: string) => formatCountyDay(iso, language);

  const entries: Entry[] = [
    ...placements.placements.map((p): Entry => ({ kind: 'placement', at: p.startAt, placement: p })),
    ...placements.gaps.map((g): Entry => ({ kind: 'gap', at: g.from, from: g.from, to: g.to })),
    ...services.episodes.map((e): Entry => ({ kind: 'service', at: e.referredAt, episode: e })),
  ].sort((a, b) => b.at.localeCompare(a.at));

  const providerLink = (p: { id: string; name: string }) => (
    <Link className="usa-link" to={`/directory/providers/${encodeURIComponent(p.id)}`}>
      {p.name}
    </Link>
  );

  const placementFacts = (p: Placement) => (
    <dl className="harbor-provider__facts">
      {p.provider !== undefined && (
        <div>
          <dt>{t('care.provider')}</dt>
          <dd>{p.provider ? providerLink(p.provider) : <NotRecorded />}</dd>
        </div>
      )}
      {p.address !== undefined && (
        <div>
          <dt>{t('care.address')}</dt>
          <dd>{p.address ?? <NotRecorded />}</dd>
        </div>
      )}
      <div>
        <dt>{t('care.reason')}</dt>
        <dd>{p.changeReason ?? <NotRecorded />}</dd>
      </div>
      <div>
        <dt>{t('care.csecTrained')}</dt>
        <dd>{p.csecTrained === null ? <NotRecorded /> : p.csecTrained ? t('directory.yes') : t('directory.no')}</dd>
      </div>
    </dl>
  );

  const editPlacement = (p: Placement) =>
    canPlace && (
      <Disclosure
        id={`edit-placement-${p.id}`}
        label={p.endAt === null ? t('care.endOrEdit') : t('care.editPlacement')}
        open={open === `p:${p.id}`}
        onToggle={toggle(`p:${p.id}`)}
      >
        <PlacementEditForm
          youthId={youth.id}
          placement={p}
          placements={placements.placements}
          onCancel={() => setOpen(null)}
          onSaved={(s) =>
            saved(
              s.endAt
                ? t('care.savedEnded', {
                    label: t(`placementTypes.${s.placementType}`),
                    when: formatCountyDateTime(s.endAt, language),
                  })
                : t('care.savedPlacement'),
            )
          }
        />
      </Disclosure>
    );

  const updateService = (e: ServiceEpisode) =>
    canServe && (
      <Disclosure
        id={`update-service-${e.id}`}
        label={t('care.updateService', { service: pick(e.service.name, language) })}
        open={open === `s:${e.id}`}
        onToggle={toggle(`s:${e.id}`)}
      >
        <ServiceUpdateForm
          youthId={youth.id}
          episode={e}
          onCancel={() => setOpen(null)}
          onSaved={(s) =>
            saved(
              t('care.savedService', {
                service: pick(s.service.name, language),
                status: t(`serviceStatuses.${s.status}`),
              }),
            )
          }
        />
      </Disclosure>
    );

  const servicePeriod = (e: ServiceEpisode) => {
    const by = t('care.referredBy', {
      date: day(e.referredAt),
      name: e.referredBy,
      organization: e.referredByOrganization,
    });
    if (e.startedAt && e.endedAt) return `${by} ${t('care.ranFromTo', { from: day(e.startedAt), to: day(e.endedAt) })}`;
    if (e.startedAt) return `${by} ${t('care.startedOn', { date: day(e.startedAt) })}`;
    return by;
  };

  return (
    <>
      {notice && <Notice key={notice.n}>{notice.text}</Notice>}

      <div className="harbor-care-now">
        <h3>{t('care.currentHeading')}</h3>
        {current ? (
          <div className="harbor-care-card harbor-care-card--current">
            <p className="harbor-care-card__title">
              <strong>{t(`placementTypes.${current.placementType}`)}</strong>
            </p>
            <p className="margin-y-05">{t('care.since', { when: formatCountyDateTime(current.startAt, language) })}</p>
            {placementFacts(current)}
            {placements.locationHidden && <HiddenForRoleNote messageKey="care.locationHidden" />}
            {editPlacement(current)}
          </div>
        ) : (
          <>
            <p className="harbor-timeline-empty">{t('care.noCurrent')}</p>
            {placements.locationHidden && <HiddenForRoleNote messageKey="care.locationHidden" />}
          </>
        )}
        {canPlace && (
          <Disclosure
            id="record-placement"
            label={t('care.recordPlacement')}
            open={open === 'new-placement'}
            onToggle={toggle('new-placement')}
          >
            <PlacementForm
              youthId={youth.id}
              placements={placements.placements}
              onCancel={() => setOpen(null)}
              onSaved={(p, ended) =>
                saved(
                  ended
                    ? t('care.savedMoved', {
                        label: t(`placementTypes.${p.placementType}`),
                        previous: t(`placementTypes.${ended.placementType}`),
                      })
                    : t('care.savedNewPlacement', { label: t(`placementTypes.${p.placementType}`) }),
                )
              }
            />
          </Disclosure>
        )}

        <h3>{t('care.activeHeading')}</h3>
        {active.length === 0 ? (
          <p>{t('care.noActive')}</p>
        ) : (
          <ul className="harbor-care-active">
            {active.map((e) => (
              <li key={e.id} className="harbor-care-card">
                <p className="harbor-care-card__title">
                  <strong>{pick(e.service.name, language)}</strong>
                </p>
                <p className="margin-y-05">
                  {e.startedAt ? t('care.activeSince', { date: day(e.startedAt) }) : null}
                  {e.provider && (
                    <>
                      {' · '}
                      {providerLink(e.provider)}
                    </>
                  )}
                </p>
              </li>
            ))}
          </ul>
        )}
        {services.hiddenCount > 0 && (
          <Alert type="info" headingLevel="h4" slim className="margin-y-2">
            {t('care.servicesHidden', { count: services.hiddenCount })}
          </Alert>
        )}
        {canServe && recordable.length > 0 && (
          <Disclosure
            id="record-service"
            label={t('care.recordService')}
            open={open === 'new-service'}
            onToggle={toggle('new-service')}
          >
            <ServiceForm
              youthId={youth.id}
              services={recordable}
              onCancel={() => setOpen(null)}
              onSaved={(e) =>
                saved(
                  t('care.savedNewService', {
                    service: pick(e.service.name, language),
                    status: t(`serviceStatuses.${e.status}`),
                  }),
                )
              }
            />
          </Disclosure>
        )}
      </div>

      <h3>{t('care.historyHeading')}</h3>
      {entries.length === 0 ? (
        <p className="harbor-timeline-empty">{t('care.historyEmpty')}</p>
      ) : (
        <ol className="harbor-timeline harbor-care-history">
          {entries.map((e) => {
            if (e.kind === 'gap') {
              return (
                <li key={`g:${e.from}`} className="harbor-timeline__entry harbor-timeline__entry--gap">
                  <p className="harbor-timeline__date">{day(e.from)}</p>
                  <div className="harbor-timeline__body">
                    <p className="harbor-timeline__title harbor-gap-text">
                      {t('care.gap', {
                        from: formatCountyDateTime(e.from, language),
                        to: formatCountyDateTime(e.to, language),
                      })}
                    </p>
                  </div>
                </li>
              );
            }
            if (e.kind === 'placement') {
              const p = e.placement;
              return (
                <li key={`p:${p.id}`} className="harbor-timeline__entry harbor-timeline__entry--placement">
                  <p className="harbor-timeline__date">{day(p.startAt)}</p>
                  <div className="harbor-timeline__body">
                    <h4 className="harbor-timeline__title">
                      {t('care.placementTitle', { label: t(`placementTypes.${p.placementType}`) })}{' '}
                      {p.current && <span className="usa-tag harbor-tag-current">{t('care.current')}</span>}
                    </h4>
                    <p className="margin-y-05">
                      {p.endAt
                        ? t('care.period', {
                            from: formatCountyDateTime(p.startAt, language),
                            to: formatCountyDateTime(p.endAt, language),
                          })
                        : t('care.periodOpen', { from: formatCountyDateTime(p.startAt, language) })}
                    </p>
                    {placementFacts(p)}
                    {!p.current && editPlacement(p)}
                  </div>
                </li>
              );
            }
            const s = e.episode;
            return (
              <li key={`s:${s.id}`} className="harbor-timeline__entry harbor-timeline__entry--service">
                <p className="harbor-timeline__date">{day(s.referredAt)}</p>
                <div className="harbor-timeline__body">
                  <h4 className="harbor-timeline__title">
                    {t('care.serviceTitle', { service: pick(s.service.name, language) })}{' '}
                    <span className={`usa-tag harbor-status-tag harbor-status-tag--${s.status}`}>
                      {t(`serviceStatuses.${s.status}`)}
                    </span>
                  </h4>
                  <p className="margin-y-05">{servicePeriod(s)}</p>
                  <dl className="harbor-provider__facts">
                    <div>
                      <dt>{t('care.provider')}</dt>
                      <dd>{s.provider ? providerLink(s.provider) : <NotRecorded />}</dd>
                    </div>
                    {s.endReason && (
                      <div>
                        <dt>{s.status === 'dropped' ? t('serviceForm.dropReason') : t('serviceForm.endReason')}</dt>
                        <dd>{s.endReason}</dd>
                      </div>
                    )}
                    <div>
                      <dt>{t('serviceForm.funding')}</dt>
                      <dd>
                        {s.fundingSource ? (
                          t(`fundingSources.${s.fundingSource}`, { defaultValue: s.fundingSource })
                        ) : (
                          <NotRecorded />
                        )}
                      </dd>
                    </div>
                    <div>
                      <dt>{t('serviceForm.notes')}</dt>
                      <dd className="harbor-prewrap">
                        {s.notesHidden ? (
                          <span className="text-base-dark">{t('care.notesHidden')}</span>
                        ) : (
                          (s.notes ?? <NotRecorded />)
                        )}
                      </dd>
                    </div>
                  </dl>
                  {updateService(s)}
                </div>
              </li>
            );
          })}
        </ol>
      )}
      <p className="text-base-dark font-body-2xs">{t('care.timesNote')}</p>
    </>
  );
}
