// The words for a vetting item that ends soon: the clearance kind and the approval from the
// translations, a training by the county's own label (county data, in the county's words).
import { useTranslation } from 'react-i18next';
import type { CountySettingsView } from '../../contract/county';
import { useApi } from '../lib/useApi';

export interface VettingItemRef {
  item: 'clearance' | 'training' | 'approval';
  key: string | null;
}

export function useVettingItemLabel(): (ref: VettingItemRef) => string {
  const { t } = useTranslation();
  const settings = useApi<CountySettingsView>('/api/county/settings');
  const trainings =
    settings.result.status === 'ok' ? (settings.result.data.settings.advocacy?.requiredTrainings ?? []) : [];
  return ({ item, key }) => {
    switch (item) {
      case 'clearance':
        return t(`cboView.clearanceKinds.${key ?? ''}`, { defaultValue: key ?? '' });
      case 'training':
        return t('cboView.expiringTraining', { training: trainings.find((x) => x.key === key)?.label ?? key });
      case 'approval':
        return t('cboView.expiringApproval');
    }
  };
}
