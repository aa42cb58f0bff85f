import { useTranslation } from 'react-i18next';
import { DataTable } from '../components/DataTable';
import { formatNumber } from '../lib/format';
import { useLanguage } from '../lib/useLanguage';
import type { YouthByAreaRow } from '../../contract/stats';

export function FiguresTable({ rows }: { rows: YouthByAreaRow[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <DataTable
      caption={t('figures.byArea')}
      stacked={false}
      rows={rows}
      rowKey={(r) => `${r.county}:${r.spaNumber ?? 'none'}`}
      columns={[
        { key: 'county', header: t('figures.county'), cell: (r) => r.county },
        {
          key: 'area',
          header: t('figures.area'),
          cell: (r) =>
            r.spaNumber === null
              ? t('figures.noArea')
              : r.spaName
                ? t('profile.spaValue', { number: r.spaNumber, name: r.spaName })
                : t('search.spa', { number: r.spaNumber }),
        },
        {
          key: 'youth',
          header: t('figures.youth'),
          cell: (r) =>
            r.youth === '<11' ? (
              <>
                <span aria-hidden="true">{t('figures.suppressedShort')}</span>
                <span className="usa-sr-only">{t('figures.suppressedLong')}</span>
              </>
            ) : (
              formatNumber(r.youth, language)
            ),
        },
      ]}
    />
  );
}
