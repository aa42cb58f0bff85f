import { useTranslation } from 'react-i18next';
import type { Language } from '../i18n';

/** The current language; components using it re-render when it changes. */
export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return i18n.resolvedLanguage === 'es' ? 'es' : 'en';
}
