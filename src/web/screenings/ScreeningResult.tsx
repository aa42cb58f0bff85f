import { Alert } from '@trussworks/react-uswds';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { DataTable } from '../components/DataTable';
import { DemonstrationAlert } from '../components/DemonstrationAlert';
import { DetailList } from '../components/DetailList';
import { LevelIndicator } from '../components/LevelIndicator';
import { PageHeading } from '../components/PageHeading';
import { countyDate, formatDate, formatDateTime } from '../lib/format';
import { pick } from '../lib/localized';
import { useLanguage } from '../lib/useLanguage';
import type { InstrumentDefinition } from '../../contract/instruments';
import type { ScreeningDetail } from '../../contract/screenings';
import { AmendScreening } from './AmendScreening';
import { AnswersSection, useAnswerLabel } from './AnswersSection';
import { BackToRecord } from './BackToRecord';

interface Props {
  youthId: string;
  youthName: string | null;
  canEdit: boolean;
  screening: ScreeningDetail;
  definition: InstrumentDefinition;
  /** Shown right after "Finish": says the screening is saved. */
  justFinished: boolean;
}

/** A final screening: the level in words, what it is based on, and what the county expects next. */
export function ScreeningResult({ youthId, youthName, canEdit, screening, definition, justFinished }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const level = screening.level ?? screening.result.level;
  const items = new Map(definition.sections.flatMap((s) => s.items.map((i) => [i.key, i] as const)));
  const answerLabel = useAnswerLabel(screening, definition);
  const sectionTitle = (key: string) => {
    const section = definition.sections.find((s) => s.key === key);
    return section ? pick(section.title, language) : key;
  };
  const base = `/youth/${encodeURIComponent(youthId)}`;
  const [search] = useSearchParams();
  const episodeId = screening.context === 'return_from_missing' ? search.get('episode') : null;
  const overdue = screening.nextDueOn !== null && screening.nextDueOn < countyDate();

  return (
    <>
      <BackToRecord youthId={youthId} youthName={youthName} />
      <PageHeading documentTitle={t('result.documentTitle')}>{t('result.heading')}</PageHeading>
      <p className="usa-intro margin-top-1">
        {youthName
          ? t('result.intro', { instrument: pick(definition.name, language), name: youthName })
          : pick(definition.name, language)}
      </p>
      {justFinished && (
        <div role="status">
          <Alert type="success" headingLevel="h2" slim className="margin-y-2">
            {t('result.finished')}
          </Alert>
        </div>
      )}
      {episodeId && (
        <p>
          <Link
            className="usa-button"
            to={`${base}/missing/${encodeURIComponent(episodeId)}?debrief=open&screening=${encodeURIComponent(screening.id)}#missing-debrief-heading`}
          >
            {t('day.screening.backToDebrief')}
          </Link>
        </p>
      )}
      {screening.supersededById && (
        <Alert type="info" headingLevel="h2" slim className="margin-y-2">
          {t('result.supersededNote')}{' '}
          <Link className="usa-link" to={`${base}/screenings/${encodeURIComponent(screening.supersededById)}`}>
            {t('result.supersededLink')}
          </Link>
        </Alert>
      )}
      {definition.demonstration && <DemonstrationAlert name={pick(definition.name, language)} />}

      <section aria-labelledby="result-level-heading" className="harbor-section">
        <h2 id="result-level-heading">{t('result.levelHeading')}</h2>
        <LevelIndicator level={level} size="large" />
        {screening.result.criticalTriggered.length > 0 && (
          <div className="margin-top-3">
            <h3>{t('result.criticalHeading')}</h3>
            <p>{t('result.criticalIntro')}</p>
            <ul className="usa-list">
              {screening.result.criticalTriggered.map((key) => {
                const item = items.get(key);
                return (
                  <li key={key}>
                    {item ? pick(item.text, language) : key} <strong>({answerLabel(key)})</strong>
                  </li>
                );
              })}
            </ul>
          </div>
        )}
      </section>

      <section aria-labelledby="guidance-heading" className="harbor-section">
        <h2 id="guidance-heading">{t('result.guidanceHeading')}</h2>
        <div className="usa-summary-box">
          <div className="usa-summary-box__body">
            <p className="usa-summary-box__text margin-0">{pick(screening.guidance, language)}</p>
          </div>
        </div>
        {canEdit && !screening.supersededById && (
          <p className="margin-top-3">
            <Link className="usa-button" to={`${base}?screening=${encodeURIComponent(screening.id)}#record-csec-type`}>
              {t('result.recordCsec')}
            </Link>
          </p>
        )}
      </section>

      <section aria-labelledby="next-due-heading" className="harbor-section">
        <h2 id="next-due-heading">{t('result.nextDueHeading')}</h2>
        {screening.supersededById ? (
          <p>{t('result.nextDueSuperseded')}</p>
        ) : screening.nextDueOn ? (
          <p>
            {t('result.nextDue', { date: formatDate(screening.nextDueOn, language) })}{' '}
            {overdue && <span className="usa-tag harbor-tag-overdue">{t('csec.overdue')}</span>}
          </p>
        ) : (
          <p>{t('result.noNextDue')}</p>
        )}
      </section>

      <section aria-labelledby="indicators-heading" className="harbor-section">
        <h2 id="indicators-heading">{t('result.indicatorsHeading')}</h2>
        <DataTable
          caption={t('result.indicatorsHeading')}
          rows={screening.result.indicators}
          rowKey={(i) => i.key}
          columns={[
            { key: 'area', header: t('result.area'), cell: (i) => sectionTitle(i.key) },
            { key: 'level', header: t('result.level'), cell: (i) => <LevelIndicator level={i.level} /> },
            {
              key: 'answered',
              header: t('result.answered'),
              cell: (i) => t('result.answeredOf', { rated: i.rated, total: i.total }),
            },
          ]}
        />
      </section>

      <section aria-labelledby="about-heading" className="harbor-section">
        <h2 id="about-heading">{t('result.aboutHeading')}</h2>
        <DetailList
          items={[
            {
              key: 'instrument',
              label: t('result.instrument'),
              value: `${pick(definition.name, language)} (${t('result.version', { version: screening.instrument.version })})`,
            },
            { key: 'context', label: t('result.context'), value: t(`screeningContexts.${screening.context}`) },
            { key: 'when', label: t('result.when'), value: formatDateTime(screening.administeredAt, language) },
            {
              key: 'by',
              label: t('result.by'),
              value: t('result.byValue', { name: screening.administeredBy, organization: screening.organization }),
            },
            ...(screening.supersedesId
              ? [
                  {
                    key: 'amends',
                    label: t('result.amends'),
                    value: (
                      <>
                        <Link
                          className="usa-link"
                          to={`${base}/screenings/${encodeURIComponent(screening.supersedesId)}`}
                        >
                          {t('result.amendsLink')}
                        </Link>
                        {screening.supersedeReason && (
                          <span className="display-block">
                            {t('result.reason', { reason: screening.supersedeReason })}
                          </span>
                        )}
                      </>
                    ),
                  },
                ]
              : []),
            {
              key: 'notes',
              label: t('result.notes'),
              value: screening.notes ? <span className="harbor-prewrap">{screening.notes}</span> : t('common.none'),
            },
          ]}
        />
      </section>

      <AnswersSection screening={screening} definition={definition} />

      {canEdit && !screening.supersededById && (
        <AmendScreening youthId={youthId} screening={screening} instrumentKey={definition.key} />
      )}
    </>
  );
}
