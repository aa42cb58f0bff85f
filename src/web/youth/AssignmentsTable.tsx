import { useTranslation } from 'react-i18next';
import { DataTable } from '../components/DataTable';
import { formatDay } from '../lib/format';
import { useLanguage } from '../lib/useLanguage';
import type { YouthAssignment } from '../../contract/youth';

export function AssignmentsTable({ assignments }: { assignments: YouthAssignment[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <section aria-labelledby="assignments-heading" className="harbor-section">
      <h2 id="assignments-heading">{t('profile.assignments.heading')}</h2>
      {assignments.length === 0 ? (
        <p>{t('profile.assignments.none')}</p>
      ) : (
        <DataTable
          caption={t('profile.assignments.heading')}
          rows={assignments}
          rowKey={(a) => a.id}
          columns={[
            { key: 'worker', header: t('profile.assignments.worker'), cell: (a) => a.worker },
            {
              key: 'role',
              header: t('profile.assignments.role'),
              cell: (a) => t(`assignmentRoles.${a.role}`, { defaultValue: a.role }),
            },
            { key: 'organization', header: t('profile.assignments.organization'), cell: (a) => a.organization },
            { key: 'since', header: t('profile.assignments.since'), cell: (a) => formatDay(a.startsAt, language) },
            {
              key: 'until',
              header: t('profile.assignments.until'),
              cell: (a) => (a.endsAt ? formatDay(a.endsAt, language) : t('profile.assignments.ongoing')),
            },
          ]}
        />
      )}
    </section>
  );
}
