import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { PageHeading } from '../components/PageHeading';
import { directoryPath } from '../lib/directory';
import { useApi } from '../lib/useApi';
import { can } from '../lib/roles';
import { useActiveSession } from '../auth/SessionContext';
import type { ServiceList } from '../../contract/directory';
import { ProviderForm } from './ProviderForm';

/** Adds a directory entry (an organization administrator's belongs to their organization). */
export function NewProviderPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const session = useActiveSession();
  const catalog = useApi<ServiceList>('/api/directory/services');
  const orgAdmin = !can(session, 'directory.edit_any');
  return (
    <>
      <p className="margin-bottom-0">
        <Link className="usa-link" to={directoryPath()}>
          {t('provider.back')}
        </Link>
      </p>
      <PageHeading documentTitle={t('providerForm.addHeading')}>{t('providerForm.addHeading')}</PageHeading>
      <p className="usa-intro">
        {orgAdmin
          ? t('providerForm.addIntroOrg', { organization: session.user.organization.name })
          : t('providerForm.addIntro')}
      </p>
      <ProviderForm
        showHeading={false}
        services={catalog.result.status === 'ok' ? catalog.result.data.services : null}
        onCancel={() => void navigate(directoryPath())}
        onSaved={(p) => void navigate(`/directory/providers/${encodeURIComponent(p.id)}`)}
      />
    </>
  );
}
