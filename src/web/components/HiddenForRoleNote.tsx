import { Alert } from '@trussworks/react-uswds';
import { useTranslation } from 'react-i18next';

/** Said instead of an error when the user's role may not see exploitation details. */
export function HiddenForRoleNote({ messageKey = 'csec.hiddenForRole' }: { messageKey?: string }) {
  const { t } = useTranslation();
  return (
    <Alert type="info" headingLevel="h3" slim className="margin-y-2">
      {t(messageKey)}
    </Alert>
  );
}
