import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Disclosure } from '../components/Disclosure';
import { ProfileSection, SectionStatus } from '../components/ProfileSection';
import { Notice } from '../components/Notice';
import { formatCountyDateTime, formatList } from '../lib/format';
import { useApi } from '../lib/useApi';
import { useLanguage } from '../lib/useLanguage';
import { can } from '../lib/roles';
import { useActiveSession } from '../auth/SessionContext';
import type { YouthView } from '../../contract/youth';
import type { MdtMeeting, MdtView as MdtResponse, MeetingCreated as MdtMeetingCreated } from '../../contract/mdt';
import { MdtMembers } from './MdtMembers';
import { MeetingForm, type Person } from './MeetingForm';
import { MeetingCorrection } from './MeetingCorrection';
import { CorrectionHistory } from '../corrections/CorrectionHistory';

/** The youth's multidisciplinary team: who is on it, its meetings, and recording a meeting. */
export function MdtSection({ youth }: { youth: YouthView }) {
  const { t } = useTranslation();
  const { result, reload, refresh } = useApi<MdtResponse>(`/api/youth/${encodeURIComponent(youth.id)}/mdt`);
  return (
    <ProfileSection headingId="mdt-heading" heading={t('mdt.heading')}>
      {result.status === 'ok' ? (
        <MdtBody youth={youth} mdt={result.data} onChanged={refresh} />
      ) : (
        <SectionStatus results={[result]} hiddenKey="mdt.hiddenForRole" onRetry={reload} />
      )}
    </ProfileSection>
  );
}

function MdtBody({ youth, mdt, onChanged }: { youth: YouthView; mdt: MdtResponse; onChanged: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const session = useActiveSession();
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState<{ created: MdtMeetingCreated; held: boolean; n: number } | null>(null);
  const canRecord = can(session, 'mdt.team');
  const [corrected, setCorrected] = useState(0);
  const people: Person[] = mdt.members.map((m) => ({ userId: m.userId, name: m.name, organization: m.organization }));
  if (!people.some((p) => p.userId === session.user.id)) {
    people.unshift({
      userId: session.user.id,
      name: session.user.displayName,
      organization: session.user.organization.name,
      organizationType: session.user.organization.type,
    });
  } else {
    for (const p of people) if (p.userId === session.user.id) p.organizationType = session.user.organization.type;
  }
  const party = (type: string) => t(`organizationTypes.${type}`, { defaultValue: type });

  return (
    <>
      {saved && (
        <Notice key={saved.n}>
          <p className="usa-alert__text">{t('mdt.saved')}</p>
          {saved.held &&
            (saved.created.missingParties.length ? (
              <>
                <p className="usa-alert__text">
                  {t('mdt.missingAfterSave', { count: saved.created.missingParties.length })}
                </p>
                <ul className="usa-list">
                  {saved.created.missingParties.map((p) => (
                    <li key={p}>{party(p)}</li>
                  ))}
                </ul>
              </>
            ) : (
              <p className="usa-alert__text">{t('mdt.noneMissing')}</p>
            ))}
        </Notice>
      )}
      {corrected > 0 && (
        <Notice key={`corrected-${corrected}`}>
          <p className="usa-alert__text">{t('corrections.saved')}</p>
        </Notice>
      )}
      <MdtMembers youthId={youth.id} members={mdt.members} onChanged={onChanged} />
      <h3>{t('mdt.meetings')}</h3>
      {mdt.meetings.length === 0 ? (
        <p>{t('mdt.noMeetings')}</p>
      ) : (
        <ul className="usa-list usa-list--unstyled">
          {mdt.meetings.map((m) => (
            <MeetingItem
              key={m.id}
              meeting={m}
              party={party}
              language={language}
              youthId={youth.id}
              canCorrect={canRecord}
              onChanged={() => {
                setCorrected((n) => n + 1);
                onChanged();
              }}
            />
          ))}
        </ul>
      )}
      {canRecord && (
        <Disclosure id="mdt-form" label={t('mdt.record')} open={open} onToggle={setOpen}>
          <MeetingForm
            youthId={youth.id}
            people={people}
            onSaved={(created, held) => {
              setOpen(false);
              setSaved({ created, held, n: (saved?.n ?? 0) + 1 });
              onChanged();
            }}
            onCancel={() => setOpen(false)}
          />
        </Disclosure>
      )}
    </>
  );
}

function MeetingItem({
  meeting: m,
  party,
  language,
  youthId,
  canCorrect,
  onChanged,
}: {
  meeting: MdtMeeting;
  party: (type: string) => string;
  language: ReturnType<typeof useLanguage>;
  youthId: string;
  canCorrect: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const headingId = `mdt-meeting-${m.id}`;
  return (
    <li className="harbor-mdt-meeting margin-bottom-3">
      <article aria-labelledby={headingId}>
        <h4 id={headingId} className="margin-bottom-1">
          {t('mdt.meetingTitle', {
            tier: t(`mdt.tiers.${m.tier}`),
            when: m.heldAt
              ? t('mdt.heldOn', { date: formatCountyDateTime(m.heldAt, language) })
              : t('mdt.scheduledFor', { date: formatCountyDateTime(m.scheduledAt, language) }),
          })}
        </h4>
        <dl className="harbor-provider__facts">
          {m.heldAt && (
            <div>
              <dt>{t('mdt.missingParties')}</dt>
              <dd>
                {m.missingParties.length === 0 ? (
                  t('mdt.noneMissing')
                ) : (
                  <ul className="usa-list harbor-mdt-missing">
                    {m.missingParties.map((p) => (
                      <li key={p}>{party(p)}</li>
                    ))}
                  </ul>
                )}
              </dd>
            </div>
          )}
          <div>
            <dt>{t('mdt.attendees')}</dt>
            <dd>
              {m.attendees.length === 0
                ? t('common.none')
                : formatList(
                    m.attendees.map((a) =>
                      t(a.present ? 'mdt.attendeePresent' : 'mdt.attendeeAbsent', {
                        name: a.name,
                        organization: party(a.organizationType),
                      }),
                    ),
                    language,
                  )}
            </dd>
          </div>
          {(m.youthParticipation || m.caregiverParticipation) && (
            <div>
              <dt>{t('mdt.participation')}</dt>
              <dd>
                {[
                  m.youthParticipation &&
                    t('mdt.youthParticipationValue', { value: t(`mdt.participationValues.${m.youthParticipation}`) }),
                  m.caregiverParticipation &&
                    t('mdt.caregiverParticipationValue', {
                      value: t(`mdt.participationValues.${m.caregiverParticipation}`),
                    }),
                ]
                  .filter(Boolean)
                  .join('; ')}
              </dd>
            </div>
          )}
          <div>
            <dt>{t('mdt.decisions')}</dt>
            <dd className="harbor-pre-wrap">{m.decisions ?? t('common.none')}</dd>
          </div>
          <div>
            <dt>{t('mdt.actionItems')}</dt>
            <dd>
              {m.actionItems.length === 0 ? (
                t('common.none')
              ) : (
                <ul className="usa-list">
                  {m.actionItems.map((a) => (
                    <li key={a.id}>
                      {t('mdt.actionItemValue', {
                        description: a.description,
                        owner: a.owner,
                        due: formatCountyDateTime(a.dueAt, language),
                      })}
                    </li>
                  ))}
                </ul>
              )}
            </dd>
          </div>
        </dl>
        <CorrectionHistory youthId={youthId} kind="mdt_meeting" recordId={m.id} />
        {canCorrect && <MeetingCorrection youthId={youthId} meeting={m} onSaved={onChanged} />}
      </article>
    </li>
  );
}
