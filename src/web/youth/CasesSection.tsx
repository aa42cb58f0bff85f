import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../components/DataTable';
import { Disclosure } from '../components/Disclosure';
import { NotRecorded } from '../components/NotRecorded';
import { Notice } from '../components/Notice';
import { ProfileSection, SectionStatus } from '../components/ProfileSection';
import { formatCountyDateTime, formatDate } from '../lib/format';
import { can } from '../lib/roles';
import { useApi } from '../lib/useApi';
import { useLanguage } from '../lib/useLanguage';
import { useActiveSession } from '../auth/SessionContext';
import type { CaseHistory, CaseList, CaseView } from '../../contract/cases';
import type { YouthView } from '../../contract/youth';
import { CaseCloseForm, CaseEditForm, CaseOpenForm } from './CaseForms';

/** The youth's child welfare and probation cases, those imported from the state system included. */
export function CasesSection({ youth }: { youth: YouthView }) {
  const { t } = useTranslation();
  const cases = useApi<CaseList>(`/api/youth/${encodeURIComponent(youth.id)}/cases`);
  return (
    <ProfileSection headingId="cases-heading" heading={t('profile.cases.heading')}>
      {cases.result.status === 'ok' ? (
        <CasesBody youth={youth} cases={cases.result.data.cases} onChanged={cases.refresh} />
      ) : (
        <SectionStatus results={[cases.result]} hiddenKey="profile.cases.hiddenForRole" onRetry={cases.reload} />
      )}
    </ProfileSection>
  );
}

function CasesBody({ youth, cases, onChanged }: { youth: YouthView; cases: CaseView[]; onChanged: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const session = useActiveSession();
  // The API lets the youth's own workers record (the write grant) if their role records at all.
  const canEdit = youth.permissions.canEdit && can(session, 'youth.record');
  const [open, setOpen] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ text: string; n: number } | null>(null);
  const toggle = (key: string) => (isOpen: boolean) => setOpen(isOpen ? key : null);
  const saved = (text: string) => {
    setOpen(null);
    setNotice({ text, n: (notice?.n ?? 0) + 1 });
    onChanged();
  };
  const title = (c: CaseView) =>
    c.caseNumber
      ? t('profile.cases.title', { kind: t(`caseKinds.${c.kind}`), number: c.caseNumber })
      : t('profile.cases.titleNoNumber', { kind: t(`caseKinds.${c.kind}`) });

  return (
    <>
      {notice && <Notice key={notice.n}>{notice.text}</Notice>}
      {cases.length === 0 ? (
        <p>{t('profile.cases.none')}</p>
      ) : (
        <ul className="usa-list usa-list--unstyled harbor-case-list">
          {cases.map((c) => (
            <li key={c.id} className="harbor-care-card margin-bottom-2">
              <h3 className="harbor-care-card__title margin-top-0">
                {title(c)} {c.imported && <span className="usa-tag">{t('profile.cases.imported')}</span>}
              </h3>
              <dl className="harbor-provider__facts">
                <div>
                  <dt>{t('profile.cases.county')}</dt>
                  <dd>{c.county}</dd>
                </div>
                <div>
                  <dt>{t('profile.cases.organization')}</dt>
                  <dd>{c.organization ?? <NotRecorded />}</dd>
                </div>
                <div>
                  <dt>{t('profile.cases.opened')}</dt>
                  <dd>{formatDate(c.openedOn, language)}</dd>
                </div>
                <div>
                  <dt>{t('profile.cases.closed')}</dt>
                  <dd>{c.closedOn ? formatDate(c.closedOn, language) : t('profile.cases.stillOpen')}</dd>
                </div>
                {c.closedOn && (
                  <div>
                    <dt>{t('profile.cases.closeReason')}</dt>
                    <dd>{c.closeReason ?? <NotRecorded />}</dd>
                  </div>
                )}
                <div>
                  <dt>{t('profile.cases.worker')}</dt>
                  <dd>{c.assignedUser?.name ?? t('profile.cases.noWorker')}</dd>
                </div>
              </dl>
              {canEdit && (
                <Disclosure
                  id={`edit-case-${c.id}`}
                  label={t('profile.cases.edit', { case: title(c) })}
                  open={open === `e:${c.id}`}
                  onToggle={toggle(`e:${c.id}`)}
                >
                  <CaseEditForm
                    youthId={youth.id}
                    kase={c}
                    onCancel={() => setOpen(null)}
                    onSaved={(s) => saved(t('profile.cases.savedEdit', { case: title(s) }))}
                  />
                </Disclosure>
              )}
              {canEdit && !c.closedOn && (
                <Disclosure
                  id={`close-case-${c.id}`}
                  label={t('profile.cases.close', { case: title(c) })}
                  open={open === `c:${c.id}`}
                  onToggle={toggle(`c:${c.id}`)}
                >
                  <CaseCloseForm
                    youthId={youth.id}
                    kase={c}
                    onCancel={() => setOpen(null)}
                    onSaved={(s) => saved(t('profile.cases.savedClosed', { case: title(s) }))}
                  />
                </Disclosure>
              )}
              <Disclosure
                id={`case-history-${c.id}`}
                label={t('profile.cases.history', { case: title(c) })}
                open={open === `h:${c.id}`}
                onToggle={toggle(`h:${c.id}`)}
                outline={false}
              >
                <CaseHistoryTable
                  youthId={youth.id}
                  kase={c}
                  caption={t('profile.cases.history', { case: title(c) })}
                />
              </Disclosure>
            </li>
          ))}
        </ul>
      )}
      {canEdit && (
        <Disclosure id="open-case" label={t('profile.cases.open')} open={open === 'new'} onToggle={toggle('new')}>
          <CaseOpenForm
            youthId={youth.id}
            onCancel={() => setOpen(null)}
            onSaved={(s) =>
              saved(
                s.crossReportObligationId
                  ? t('profile.cases.savedWithDuty', { case: title(s) })
                  : t('profile.cases.saved', { case: title(s) }),
              )
            }
          />
        </Disclosure>
      )}
    </>
  );
}

/** Every saved state of a case, newest first (loaded when opened). */
function CaseHistoryTable({ youthId, kase, caption }: { youthId: string; kase: CaseView; caption: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const history = useApi<CaseHistory>(
    `/api/youth/${encodeURIComponent(youthId)}/cases/${encodeURIComponent(kase.id)}/history`,
  );
  if (history.result.status !== 'ok')
    return (
      <SectionStatus results={[history.result]} hiddenKey="profile.cases.hiddenForRole" onRetry={history.reload} />
    );
  const entries = history.result.data.entries;
  if (entries.length === 0) return <p>{t('profile.cases.historyEmpty')}</p>;
  const date = (d: string | null) => (d ? formatDate(d, language) : <NotRecorded />);
  return (
    <DataTable
      caption={caption}
      rows={entries}
      rowKey={(e) => `${e.version}:${e.changedAt}`}
      columns={[
        { key: 'version', header: t('profile.cases.historyVersion'), cell: (e) => e.version },
        {
          key: 'saved',
          header: t('profile.cases.historySaved'),
          cell: (e) =>
            t('profile.cases.historySavedBy', {
              when: formatCountyDateTime(e.changedAt, language),
              who: e.changedBy ?? t('profile.cases.historyStateSystem'),
            }),
        },
        { key: 'number', header: t('profile.cases.number'), cell: (e) => e.caseNumber ?? <NotRecorded /> },
        { key: 'opened', header: t('profile.cases.opened'), cell: (e) => date(e.openedOn) },
        {
          key: 'closed',
          header: t('profile.cases.closed'),
          cell: (e) => (e.closedOn ? formatDate(e.closedOn, language) : t('profile.cases.stillOpen')),
        },
        { key: 'reason', header: t('profile.cases.closeReason'), cell: (e) => e.closeReason ?? '' },
        {
          key: 'worker',
          header: t('profile.cases.worker'),
          cell: (e) => e.assignedUser ?? t('profile.cases.noWorker'),
        },
      ]}
    />
  );
}
