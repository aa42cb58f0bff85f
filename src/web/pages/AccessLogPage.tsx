import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiErrorView } from '../components/ApiErrorView';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { AccessLogTable } from '../profile/AccessLogTable';
import { useApi } from '../lib/useApi';
import type { AccessLog } from '../../contract/youth';

/** "Who viewed this record": every read, search hit and change, newest first. */
export function AccessLogPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { result, reload } = useApi<AccessLog>(`/api/youth/${encodeURIComponent(id)}/access-log`);
  if (result.status === 'loading') return <Loading />;
  if (result.status === 'error') return <ApiErrorView error={result.error} onRetry={reload} />;
  const { events } = result.data;
  return (
    <>
      <p className="margin-bottom-0">
        <Link className="usa-link" to={`/youth/${encodeURIComponent(id)}`}>
          {t('accessLog.backToRecord')}
        </Link>
      </p>
      <PageHeading documentTitle={t('accessLog.title')}>{t('accessLog.title')}</PageHeading>
      <p className="usa-intro">{t('accessLog.intro')}</p>
      {events.length === 0 ? <p>{t('accessLog.none')}</p> : <AccessLogTable events={events} />}
    </>
  );
}
