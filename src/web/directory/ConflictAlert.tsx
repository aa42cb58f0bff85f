import { Button } from '@trussworks/react-uswds';
import { useTranslation } from 'react-i18next';
import { FocusedAlert } from '../components/FocusedAlert';
import { formatCountyDateTime, formatList } from '../lib/format';
import { useLanguage } from '../lib/useLanguage';
import type { ProviderConflictDetails } from '../../contract/directory';
import { fieldLabel } from './fieldLabels';

function conflictChanges(details: unknown): ProviderConflictDetails['changes'] {
  const changes = (details as Partial<ProviderConflictDetails> | undefined)?.changes;
  return Array.isArray(changes) ? changes : [];
}

/**
 * Someone saved the entry after this person opened it (409). Says who changed what, keeps what
 * they typed in the form, and offers to load the latest version.
 */
export function ConflictAlert({
  details,
  onReload,
  headingLevel = 'h4',
}: {
  details: unknown;
  onReload: () => void;
  headingLevel?: 'h3' | 'h4';
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const changes = conflictChanges(details);
  return (
    <FocusedAlert heading={t('directory.conflict.heading')} headingLevel={headingLevel}>
      <p className="usa-alert__text">{t('directory.conflict.body')}</p>
      {changes.length > 0 && (
        <ul className="usa-list">
          {changes.map((c) => (
            <li key={c.version}>
              {t('directory.conflict.change', {
                who: c.by,
                when: formatCountyDateTime(c.at, language),
                fields: c.fields.length
                  ? formatList(
                      c.fields.map((f) => fieldLabel(f, t).toLowerCase()),
                      language,
                    )
                  : t('directory.conflict.nothingVisible'),
              })}
            </li>
          ))}
        </ul>
      )}
      <p className="usa-alert__text">
        <Button type="button" onClick={onReload}>
          {t('directory.conflict.reload')}
        </Button>
      </p>
    </FocusedAlert>
  );
}
