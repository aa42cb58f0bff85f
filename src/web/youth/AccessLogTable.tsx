import { useTranslation } from 'react-i18next';
import { DataTable, type TableSort } from '../components/DataTable';
import { COUNTY_TIME_ZONE, formatCountyDateTime, formatList } from '../lib/format';
import { useLanguage } from '../lib/useLanguage';
import type { Language } from '../i18n';
import type { AccessLogVisit, RecordKind } from '../../contract/access-log';

const locales: Record<Language, string> = { en: 'en-US', es: 'es-US' };

/** The county time of day with the zone, e.g. "3:52 PM PST": the end of a visit on the same day. */
function countyTime(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(locales[language], {
    timeZone: COUNTY_TIME_ZONE,
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(new Date(iso));
}

/** Whether two instants fall in the same county minute (then the visit shows one time). */
const sameMinute = (a: string, b: string) => Math.floor(Date.parse(a) / 60_000) === Math.floor(Date.parse(b) / 60_000);

/** One line per person per visit: when (county time), who, their agency, what they did and saw. */
export function AccessLogTable({ visits, sort }: { visits: AccessLogVisit[]; sort: TableSort }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const kinds = (list: RecordKind[]) =>
    formatList(
      list.map((k) => t(`accessLog.kinds.${k}`)),
      language,
    );
  const roles = (codes: string[]) => codes.map((r) => t(`roles.${r}`, { defaultValue: r })).join(', ');

  return (
    <DataTable
      caption={t('accessLog.caption')}
      rows={visits.map((v, i) => ({ ...v, key: `${i}:${v.start}:${v.actor?.id ?? ''}` }))}
      rowKey={(v) => v.key}
      sort={sort}
      columns={[
        {
          key: 'at',
          sortKey: 'time',
          header: t('accessLog.when'),
          cell: (v) => (
            <>
              <span className="display-block">{formatCountyDateTime(v.start, language)}</span>
              {!sameMinute(v.start, v.end) && (
                <span className="display-block text-base-dark font-body-2xs">
                  {t('accessLog.until', { time: countyTime(v.end, language) })}
                </span>
              )}
            </>
          ),
        },
        {
          key: 'person',
          sortKey: 'person',
          header: t('accessLog.person'),
          cell: (v) =>
            v.actor ? (
              <>
                <span className="display-block">{v.actor.name}</span>
                {v.actor.roles.length > 0 && (
                  <span className="display-block text-base-dark font-body-2xs">{roles(v.actor.roles)}</span>
                )}
              </>
            ) : (
              t('accessLog.system')
            ),
        },
        {
          key: 'organization',
          header: t('accessLog.organization'),
          cell: (v) => v.actor?.organization ?? t('common.none'),
        },
        {
          key: 'action',
          header: t('accessLog.action'),
          cell: (v) => {
            const opened = v.viewed.includes('record');
            const log = v.viewed.includes('access_log');
            const other = v.viewed.filter((k) => k !== 'record' && k !== 'access_log');
            return (
              <>
                <ul className="usa-list usa-list--unstyled">
                  {opened && <li>{t('accessLog.opened')}</li>}
                  {other.length > 0 && <li>{t('accessLog.viewed', { list: kinds(other) })}</li>}
                  {v.changed.length > 0 && <li>{t('accessLog.changed', { list: kinds(v.changed) })}</li>}
                  {log && <li>{t('accessLog.lookedAtLog')}</li>}
                  {v.refused.length > 0 && (
                    <li>
                      <strong className="text-secondary-dark">
                        {t('accessLog.refused', { list: kinds(v.refused) })}
                      </strong>
                    </li>
                  )}
                </ul>
                <span className="display-block text-base-dark font-body-2xs">
                  {t('accessLog.requests', { count: v.events })}
                </span>
              </>
            );
          },
        },
        {
          key: 'categories',
          header: t('accessLog.information'),
          cell: (v) =>
            v.categories.length
              ? v.categories.map((c) => t(`categories.${c}`, { defaultValue: c })).join(', ')
              : t('common.none'),
        },
      ]}
    />
  );
}
