import { useTranslation } from 'react-i18next';
import { DataTable } from '../components/DataTable';
import { NotRecorded } from '../components/NotRecorded';
import { formatDay } from '../lib/format';
import { useLanguage } from '../lib/useLanguage';
import type { YouthReferral } from '../types';

export function ReferralsTable({ referrals }: { referrals: YouthReferral[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <section aria-labelledby="referrals-heading" className="harbor-section">
      <h2 id="referrals-heading">{t('profile.referrals.heading')}</h2>
      {referrals.length === 0 ? (
        <p>{t('profile.referrals.none')}</p>
      ) : (
        <DataTable
          caption={t('profile.referrals.heading')}
          rows={referrals}
          rowKey={(r) => r.id}
          columns={[
            { key: 'number', header: t('profile.referrals.number'), cell: (r) => r.externalId ?? <NotRecorded /> },
            { key: 'organization', header: t('profile.referrals.organization'), cell: (r) => r.organization },
            { key: 'received', header: t('profile.referrals.received'), cell: (r) => formatDay(r.receivedAt, language) },
            {
              key: 'disposition',
              header: t('profile.referrals.disposition'),
              cell: (r) => r.disposition ?? t('profile.referrals.pending'),
            },
          ]}
        />
      )}
    </section>
  );
}
