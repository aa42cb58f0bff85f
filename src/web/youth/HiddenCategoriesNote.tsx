import { Alert } from '@trussworks/react-uswds';
import { useTranslation } from 'react-i18next';
import { formatList } from '../lib/format';
import { useLanguage } from '../lib/useLanguage';

/** Says which kinds of information exist but are hidden from this role, so "missing" is not read as "none". */
export function HiddenCategoriesNote({ categories }: { categories: string[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (categories.length === 0) return null;
  const names = categories.map((c) => t(`categories.${c}`, { defaultValue: c }).toLowerCase());
  return (
    <Alert type="info" headingLevel="h2" slim className="margin-y-3">
      {t('profile.hiddenNote', { list: formatList(names, language) })}
    </Alert>
  );
}
