import { useTranslation } from 'react-i18next';
import { DataTable } from '../components/DataTable';
import { formatDateTime } from '../lib/format';
import { useLanguage } from '../lib/useLanguage';
import type { AccessLogEvent } from '../../contract/youth';

export function AccessLogTable({ events }: { events: AccessLogEvent[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const action = (code: string) =>
    t(`accessLog.actions.${code.replace(/\./g, '_')}`, { defaultValue: t('accessLog.actions.other', { code }) });
  const roles = (codes: string[]) => codes.map((r) => t(`roles.${r}`, { defaultValue: r })).join(', ');

  return (
    <DataTable
      caption={t('accessLog.title')}
      rows={events.map((e, i) => ({ ...e, key: `${i}:${e.at}` }))}
      rowKey={(e) => e.key}
      columns={[
        { key: 'at', header: t('accessLog.when'), cell: (e) => formatDateTime(e.at, language) },
        {
          key: 'person',
          header: t('accessLog.person'),
          cell: (e) =>
            e.actor ? (
              <>
                <span className="display-block">{e.actor.name}</span>
                {e.actor.roles.length > 0 && (
                  <span className="display-block text-base-dark font-body-2xs">{roles(e.actor.roles)}</span>
                )}
              </>
            ) : (
              t('accessLog.system')
            ),
        },
        {
          key: 'organization',
          header: t('accessLog.organization'),
          cell: (e) => e.actor?.organization ?? t('common.none'),
        },
        { key: 'action', header: t('accessLog.action'), cell: (e) => action(e.action) },
        {
          key: 'categories',
          header: t('accessLog.information'),
          cell: (e) =>
            e.categories.length
              ? e.categories.map((c) => t(`categories.${c}`, { defaultValue: c })).join(', ')
              : t('common.none'),
        },
        {
          key: 'outcome',
          header: t('accessLog.outcome'),
          cell: (e) =>
            e.outcome === 'denied' ? (
              <strong className="text-secondary-dark">{t('accessLog.outcomes.denied')}</strong>
            ) : (
              t(`accessLog.outcomes.${e.outcome}`, { defaultValue: e.outcome })
            ),
        },
      ]}
    />
  );
}
