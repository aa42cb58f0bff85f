import { useTranslation } from 'react-i18next';
import { DataTable } from '../components/DataTable';
import { NotRecorded } from '../components/NotRecorded';
import { formatDate } from '../lib/format';
import { useLanguage } from '../lib/useLanguage';
import type { YouthCase } from '../../contract/youth';

export function CasesTable({ cases }: { cases: YouthCase[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <section aria-labelledby="cases-heading" className="harbor-section">
      <h2 id="cases-heading">{t('profile.cases.heading')}</h2>
      {cases.length === 0 ? (
        <p>{t('profile.cases.none')}</p>
      ) : (
        <DataTable
          caption={t('profile.cases.heading')}
          rows={cases}
          rowKey={(c) => c.id}
          columns={[
            {
              key: 'kind',
              header: t('profile.cases.kind'),
              cell: (c) => t(`caseKinds.${c.kind}`, { defaultValue: c.kind }),
            },
            { key: 'number', header: t('profile.cases.number'), cell: (c) => c.externalId ?? <NotRecorded /> },
            { key: 'organization', header: t('profile.cases.organization'), cell: (c) => c.organization },
            { key: 'opened', header: t('profile.cases.opened'), cell: (c) => formatDate(c.openedOn, language) },
            {
              key: 'closed',
              header: t('profile.cases.closed'),
              cell: (c) => (c.closedOn ? formatDate(c.closedOn, language) : t('profile.cases.stillOpen')),
            },
          ]}
        />
      )}
    </section>
  );
}
