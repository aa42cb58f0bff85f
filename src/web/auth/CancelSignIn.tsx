import { Button } from '@trussworks/react-uswds';
import { useTranslation } from 'react-i18next';
import { useSession } from './SessionContext';

/** Leave the two-step step and start again from the email and password. */
export function CancelSignIn() {
  const { t } = useTranslation();
  const { signOut } = useSession();
  return (
    <p className="margin-top-4">
      <Button type="button" unstyled onClick={() => void signOut()}>
        {t('mfa.cancel')}
      </Button>
    </p>
  );
}
