import { useParams } from 'react-router';
import { ApiErrorView } from '../components/ApiErrorView';
import { Loading } from '../components/Loading';
import { useApi } from '../lib/useApi';
import type { YouthView } from '../../contract/youth';
import { YouthProfile } from './YouthProfile';

export function YouthProfilePage() {
  const { id = '' } = useParams();
  const { result, reload, refresh } = useApi<YouthView>(`/api/youth/${encodeURIComponent(id)}`);
  if (result.status === 'loading') return <Loading />;
  if (result.status === 'error') return <ApiErrorView error={result.error} onRetry={reload} />;
  return <YouthProfile youth={result.data} onChanged={refresh} />;
}
