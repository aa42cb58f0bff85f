import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorView } from '../components/ApiErrorView';
import { Loading } from '../components/Loading';
import { Notice } from '../components/Notice';
import { PageHeading } from '../components/PageHeading';
import { formatCountyDateTime } from '../lib/format';
import { useApi } from '../lib/useApi';
import { useLanguage } from '../lib/useLanguage';
import { useActiveSession } from '../auth/SessionContext';
import { SettingsForm } from './SettingsForm';
import { SettingsReadOnly } from './SettingsReadOnly';
import { canEditCountySettings, type CountySettingsView } from './types';

/** The county's protocol settings: county administrators change them, supervisors read them. */
export function CountySettingsPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const session = useActiveSession();
  const canEdit = canEditCountySettings(session);
  const { result, reload } = useApi<CountySettingsView>('/api/county/settings');
  // The answer to the last save, shown until the page loads the settings again.
  const [saved, setSaved] = useState<CountySettingsView | null>(null);
  const county = session.user.county.name;

  const reloadSettings = () => {
    setSaved(null);
    reload();
  };

  const view = saved ?? (result.status === 'ok' ? result.data : null);

  return (
    <>
      <PageHeading documentTitle={t('countySettings.title')}>{t('countySettings.title')}</PageHeading>
      <p className="usa-intro">
        {canEdit ? t('countySettings.introEdit', { county }) : t('countySettings.introRead', { county })}
      </p>
      {result.status === 'error' && !saved ? (
        <ApiErrorView error={result.error} onRetry={reload} />
      ) : !view ? (
        <Loading />
      ) : (
        <>
          <p>
            {view.updatedAt
              ? t('countySettings.version', {
                  version: view.version,
                  when: formatCountyDateTime(view.updatedAt, language),
                })
              : t('countySettings.neverChanged')}
          </p>
          {saved && <Notice key={saved.version}>{t('countySettings.saved', { version: saved.version })}</Notice>}
          {canEdit ? (
            <SettingsForm key={view.version} view={view} onSaved={setSaved} onReload={reloadSettings} />
          ) : (
            <>
              <p className="usa-hint">{t('countySettings.readOnlyNote')}</p>
              <SettingsReadOnly settings={view.settings} />
            </>
          )}
        </>
      )}
    </>
  );
}
