import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProfileSection, SectionStatus } from '../components/ProfileSection';
import { formatCountyDateTime, formatDuration } from '../lib/format';
import { useApi } from '../lib/useApi';
import { useLanguage } from '../lib/useLanguage';
import type { YouthView } from '../../contract/youth';
import type { YouthEpisodes } from '../../contract/missing';

/** On the youth's profile: every missing episode, time missing each, the placements left from, and "Report missing". */
export function MissingSection({ youth }: { youth: YouthView }) {
  const { t } = useTranslation();
  const { result, reload } = useApi<YouthEpisodes>(`/api/youth/${encodeURIComponent(youth.id)}/missing`);
  return (
    <ProfileSection headingId="missing-heading" heading={t('missing.section.heading')}>
      {result.status === 'ok' ? (
        <MissingBody youth={youth} data={result.data} />
      ) : (
        <SectionStatus results={[result]} hiddenKey="missing.section.hiddenForRole" onRetry={reload} />
      )}
    </ProfileSection>
  );
}

function MissingBody({ youth, data }: { youth: YouthView; data: YouthEpisodes }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const open = data.episodes.find((e) => e.status === 'missing' || e.status === 'located');
  const base = `/youth/${encodeURIComponent(youth.id)}/missing`;
  return (
    <>
      {open ? (
        <p className="text-bold">
          <Link className="usa-link" to={`${base}/${encodeURIComponent(open.id)}`}>
            {t('missing.section.openNow', { when: formatCountyDateTime(open.lastSeenAt, language) })}
          </Link>
        </p>
      ) : (
        data.canReport && (
          <p>
            <Link className="usa-button usa-button--secondary" to={`${base}/new`}>
              {t('missing.section.report')}
            </Link>
          </p>
        )
      )}
      {data.episodes.length === 0 ? (
        <p>{t('missing.section.none')}</p>
      ) : (
        <>
          <p>
            {t('missing.section.summary', {
              count: data.summary.episodes,
              year: data.summary.inLastYear,
              time: formatDuration(data.summary.totalMinutesMissing, language),
            })}
          </p>
          {data.summary.placementsLeft.length > 0 && (
            <p>
              {t('missing.section.placementsLeft')}{' '}
              {data.summary.placementsLeft
                .map((p) =>
                  t('missing.section.placementCount', {
                    label: t(`placementTypes.${p.placementType}`),
                    count: p.episodes,
                  }),
                )
                .join('; ')}
            </p>
          )}
          <div
            className="usa-table-container--scrollable"
            tabIndex={0}
            role="region"
            aria-labelledby="missing-table-caption"
          >
            <table className="usa-table usa-table--borderless usa-table--stacked">
              <caption id="missing-table-caption">{t('missing.section.tableCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('missing.fields.lastSeen')}</th>
                  <th scope="col">{t('missing.fields.status')}</th>
                  <th scope="col">{t('missing.fields.timeMissing')}</th>
                  <th scope="col">{t('missing.fields.placement')}</th>
                  <th scope="col">{t('missing.fields.debrief')}</th>
                </tr>
              </thead>
              <tbody>
                {data.episodes.map((e) => (
                  <tr key={e.id}>
                    <th scope="row" data-label={t('missing.fields.lastSeen')}>
                      <Link className="usa-link" to={`${base}/${encodeURIComponent(e.id)}`}>
                        {formatCountyDateTime(e.lastSeenAt, language)}
                      </Link>
                    </th>
                    <td data-label={t('missing.fields.status')}>{t(`missing.status.${e.status}`)}</td>
                    <td data-label={t('missing.fields.timeMissing')}>{formatDuration(e.minutesMissing, language)}</td>
                    <td data-label={t('missing.fields.placement')}>
                      {e.placement ? t(`placementTypes.${e.placement.placementType}`) : t('common.notRecorded')}
                    </td>
                    <td data-label={t('missing.fields.debrief')}>{t(`missing.debriefStatus.${e.debriefStatus}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}
