import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DemonstrationTag } from '../components/DemonstrationAlert';
import { LevelIndicator } from '../components/LevelIndicator';
import { countyDate, formatDate, formatDateTime } from '../lib/format';
import { pick } from '../lib/localized';
import { useLanguage } from '../lib/useLanguage';
import type { CsecTypeView } from '../../contract/csec-types';
import type { ScreeningSummary } from '../../contract/screenings';
import { CorrectionHistory } from '../corrections/CorrectionHistory';
import { CsecTypeCorrection } from './CsecTypeCorrection';

type Entry =
  | { kind: 'screening'; date: string; at: string; screening: ScreeningSummary }
  | { kind: 'type'; date: string; at: string; record: CsecTypeView };

/** Screenings and CSEC Type records in one list, newest first. */
export function CsecTimeline({
  youthId,
  screenings,
  records,
  canCorrect = false,
  onCorrected,
}: {
  youthId: string;
  screenings: ScreeningSummary[];
  records: CsecTypeView[];
  canCorrect?: boolean;
  onCorrected?: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const entries: Entry[] = [
    ...screenings.map((s): Entry => ({
      kind: 'screening',
      date: countyDate(s.administeredAt),
      at: s.administeredAt,
      screening: s,
    })),
    ...records.map((r): Entry => ({ kind: 'type', date: r.startDate, at: r.recordedAt, record: r })),
  ].sort((a, b) => b.date.localeCompare(a.date) || b.at.localeCompare(a.at));

  return (
    <section aria-labelledby="timeline-heading" className="harbor-section">
      <h2 id="timeline-heading">{t('profile.timeline.heading')}</h2>
      {entries.length === 0 ? (
        <div className="harbor-timeline-empty">
          <p className="margin-0">{t('csec.timelineEmpty')}</p>
        </div>
      ) : (
        <ol className="harbor-timeline">
          {entries.map((e) =>
            e.kind === 'screening' ? (
              <li key={`s:${e.screening.id}`} className="harbor-timeline__entry">
                <p className="harbor-timeline__date">{formatDate(e.date, language)}</p>
                <div className="harbor-timeline__body">
                  <h3 className="harbor-timeline__title">
                    <Link
                      className="usa-link"
                      to={`/youth/${encodeURIComponent(youthId)}/screenings/${encodeURIComponent(e.screening.id)}`}
                    >
                      {e.screening.status === 'draft' ? t('csec.screeningDraftTitle') : t('csec.screeningTitle')}
                      <span className="usa-sr-only">, {formatDate(e.date, language)}</span>
                    </Link>
                  </h3>
                  <p className="margin-y-05">
                    {pick(e.screening.instrument.name, language)}
                    {e.screening.instrument.demonstration && (
                      <>
                        {' '}
                        <DemonstrationTag />
                      </>
                    )}
                  </p>
                  <p className="margin-y-05">
                    {e.screening.status === 'final' && e.screening.level ? (
                      <LevelIndicator level={e.screening.level} />
                    ) : (
                      <span className="usa-tag harbor-tag-draft">{t('csec.draft')}</span>
                    )}{' '}
                    {e.screening.supersededById && (
                      <span className="usa-tag harbor-tag-muted">{t('csec.superseded')}</span>
                    )}{' '}
                    {e.screening.supersedesId && (
                      <span className="usa-tag harbor-tag-muted">{t('csec.amendment')}</span>
                    )}
                  </p>
                  <p className="margin-y-05 text-base-dark font-body-2xs">
                    {t('csec.screeningMeta', {
                      context: t(`screeningContexts.${e.screening.context}`),
                      name: e.screening.administeredBy,
                      when: formatDateTime(e.screening.administeredAt, language),
                    })}
                  </p>
                </div>
              </li>
            ) : (
              <li key={`t:${e.record.id}`} className="harbor-timeline__entry">
                <p className="harbor-timeline__date">{formatDate(e.date, language)}</p>
                <div className="harbor-timeline__body">
                  <h3 className="harbor-timeline__title">
                    {t('csec.typeTitle', {
                      label: t(`csecTypes.${e.record.type}.label`),
                    })}
                  </h3>
                  <p className="margin-y-05">
                    {e.record.endDate
                      ? t('csec.typePeriod', {
                          from: formatDate(e.record.startDate, language),
                          to: formatDate(e.record.endDate, language),
                        })
                      : t('csec.typeOngoing', { from: formatDate(e.record.startDate, language) })}
                  </p>
                  <p className="margin-y-05">
                    {t('csec.typeDetails', {
                      subcategory: e.record.allegationSubcategory ?? t('csec.noSubcategory'),
                      source: t(`csecSources.${e.record.source}`),
                    })}
                  </p>
                  <p className="margin-y-05">
                    {e.record.associatedWith
                      ? t(`csec.associated.${e.record.associatedWith.kind}`, {
                          number: e.record.associatedWith.number ?? t('csec.associated.noNumber'),
                        })
                      : t('csec.associated.none')}
                  </p>
                  <p className="margin-y-05 text-base-dark font-body-2xs">
                    {e.record.recordedBy
                      ? t('csec.recordedBy', {
                          name: e.record.recordedBy,
                          when: formatDateTime(e.record.recordedAt, language),
                        })
                      : t('csec.importedAt', { when: formatDateTime(e.record.recordedAt, language) })}
                  </p>
                  <CorrectionHistory youthId={youthId} kind="csec_type" recordId={e.record.id} />
                  {canCorrect && (
                    <CsecTypeCorrection youthId={youthId} record={e.record} onSaved={() => onCorrected?.()} />
                  )}
                </div>
              </li>
            ),
          )}
        </ol>
      )}
    </section>
  );
}
