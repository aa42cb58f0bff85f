import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Disclosure } from '../components/Disclosure';
import { Notice } from '../components/Notice';
import { formatCountyDateTime } from '../lib/format';
import { useLanguage } from '../lib/useLanguage';
import { useNow } from '../lib/useNow';
import type { ObligationView } from '../../contract/obligations';
import { CrossReportForm } from './CrossReportForm';
import { DutyCard } from './DutyCard';
import { dutyState, sortDuties } from './dutyState';

interface Props {
  youthId: string;
  obligations: ObligationView[];
  canEdit: boolean;
  onChanged: () => void;
}

/** A youth's deadlines, overdue first, with the form that meets an open cross-report duty. */
export function YouthDuties({ youthId, obligations, canEdit, onChanged }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const now = useNow();
  const [openForm, setOpenForm] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ text: string; n: number } | null>(null);
  const sorted = sortDuties(obligations, now);

  return (
    <section aria-labelledby="duties-heading" className="harbor-section">
      <h2 id="duties-heading">{t('duties.heading')}</h2>
      {notice && <Notice key={notice.n}>{notice.text}</Notice>}
      {sorted.length === 0 ? (
        <p>{t('duties.noneForYouth')}</p>
      ) : (
        <ul className="harbor-duties">
          {sorted.map((o) => {
            const state = dutyState(o, now);
            const canMeet =
              canEdit && (state === 'due' || state === 'overdue') && o.kind === 'cross_report_law_enforcement';
            return (
              <DutyCard key={o.id} obligation={o} now={now} heading={t(`obligationKinds.${o.kind}.label`)}>
                {canEdit && (state === 'due' || state === 'overdue') && o.kind === 'health_evaluation_72h' && (
                  <p className="margin-y-1">
                    <a className="usa-link" href="#first-response-heading">
                      {t('firstResponse.healthDutyLink')}
                    </a>
                  </p>
                )}
                {canMeet && (
                  <Disclosure
                    id={`cross-report-${o.id}`}
                    label={t('crossReport.heading')}
                    open={openForm === o.id}
                    onToggle={(open) => setOpenForm(open ? o.id : null)}
                    outline={state !== 'overdue'}
                  >
                    <CrossReportForm
                      youthId={youthId}
                      obligation={o}
                      onCancel={() => setOpenForm(null)}
                      onSaved={(saved) => {
                        setOpenForm(null);
                        setNotice({
                          text:
                            saved.metOnTime === false
                              ? t('crossReport.savedLate', { when: formatCountyDateTime(saved.metAt ?? '', language) })
                              : t('crossReport.saved', { when: formatCountyDateTime(saved.metAt ?? '', language) }),
                          n: (notice?.n ?? 0) + 1,
                        });
                        onChanged();
                      }}
                    />
                  </Disclosure>
                )}
              </DutyCard>
            );
          })}
        </ul>
      )}
    </section>
  );
}
