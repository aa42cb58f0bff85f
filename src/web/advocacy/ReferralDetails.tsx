import { useTranslation } from 'react-i18next';
import { DetailList, type Detail } from '../components/DetailList';
import { formatCountyDateTime } from '../lib/format';
import { useLanguage } from '../lib/useLanguage';
import type { ReferralView as AdvocacyReferral } from '../../contract/advocacy';

/** The referral's facts, its timeline (each step, when and by whom) and its milestones. */
export function ReferralDetails({
  referral: r,
  serviceName,
}: {
  referral: AdvocacyReferral;
  serviceName?: (episodeId: string) => string | null;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const when = (iso: string) => formatCountyDateTime(iso, language);
  const overdue =
    r.firstContactDueAt &&
    !r.firstContactAt &&
    r.state !== 'declined' &&
    r.state !== 'closed' &&
    new Date(r.firstContactDueAt).getTime() < Date.now();
  const items: Detail[] = [
    { key: 'org', label: t('advocacy.fields.organization'), value: r.organization },
    { key: 'state', label: t('advocacy.fields.state'), value: t(`advocacy.states.${r.state}`) },
    { key: 'urgency', label: t('advocacy.fields.urgency'), value: t(`advocacy.urgencies.${r.urgency}`) },
    {
      key: 'referred',
      label: t('advocacy.fields.referred'),
      value: t('advocacy.byWhom', {
        when: when(r.referredAt),
        who: r.referredBy,
        organization: r.referredByOrganization,
      }),
    },
  ];
  if (r.reason !== null)
    items.push({
      key: 'reason',
      label: t('advocacy.fields.reason'),
      value: <span className="harbor-pre-wrap">{r.reason}</span>,
    });
  else if (r.reasonHidden)
    items.push({
      key: 'reason',
      label: t('advocacy.fields.reason'),
      value: <em>{t('advocacy.reasonHidden')}</em>,
    });
  items.push({ key: 'advocate', label: t('advocacy.fields.advocate'), value: r.advocate ?? t('advocacy.noAdvocate') });
  if (r.firstContactDueAt) {
    items.push({
      key: 'due',
      label: t('advocacy.fields.firstContactDue'),
      value: (
        <>
          {when(r.firstContactDueAt)}
          {overdue && <strong className="harbor-overdue"> {t('advocacy.overdue')}</strong>}
        </>
      ),
    });
  }
  if (r.declineReason)
    items.push({
      key: 'decline',
      label: t('advocacy.fields.declineReason'),
      value: t(`advocacy.declineReasons.${r.declineReason}`, { defaultValue: r.declineReason }),
    });
  if (r.closeReason)
    items.push({
      key: 'close',
      label: t('advocacy.fields.closeReason'),
      value: t(`advocacy.closeReasons.${r.closeReason}`, { defaultValue: r.closeReason }),
    });

  return (
    <>
      <DetailList items={items} />
      <h4 className="margin-bottom-1">{t('advocacy.timeline')}</h4>
      <ol className="usa-list harbor-advocacy-timeline">
        {r.timeline.map((e, i) => (
          <li key={`${e.state}:${i}`}>
            {t('advocacy.timelineItem', {
              state: t(`advocacy.states.${e.state}`, { defaultValue: e.state }),
              when: when(e.at),
              who: e.recordedBy,
            })}
          </li>
        ))}
      </ol>
      <h4 className="margin-bottom-1">{t('advocacy.milestones')}</h4>
      {r.milestones.length === 0 ? (
        <p>{t('advocacy.noMilestones')}</p>
      ) : (
        <ul className="usa-list">
          {r.milestones.map((m) => {
            const service = m.serviceEpisodeId
              ? (serviceName?.(m.serviceEpisodeId) ?? t('advocacy.linkedEpisode'))
              : null;
            return (
              <li key={m.id}>
                {t('advocacy.milestoneItem', {
                  kind: t(`advocacy.milestoneKinds.${m.kind}`, { defaultValue: m.kind }),
                  when: when(m.at),
                })}
                {service && <> {t('advocacy.linkedTo', { service })}</>}
                {m.note && <span className="harbor-pre-wrap"> ({m.note})</span>}
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
