import { Button } from '@trussworks/react-uswds';
import { useTranslation } from 'react-i18next';
import { changeLanguage } from '../i18n';
import { useLanguage } from '../lib/useLanguage';

/** Switches between English and Spanish; the label is in the language it switches to. */
export function LanguageSwitch({ className }: { className?: string }) {
  const { t } = useTranslation();
  const other = useLanguage() === 'en' ? 'es' : 'en';
  return (
    <Button
      type="button"
      unstyled
      className={`harbor-language-switch ${className ?? ''}`}
      lang={other}
      onClick={() => changeLanguage(other)}
    >
      {t('language.switchTo')}
    </Button>
  );
}
