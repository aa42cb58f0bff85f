import { useTranslation } from 'react-i18next';

/** An empty value: the field is visible to this user but nothing was entered. */
export function NotRecorded() {
  const { t } = useTranslation();
  return <span className="text-base">{t('common.notRecorded')}</span>;
}

export function orNotRecorded(value: string | null | undefined) {
  return value ? value : <NotRecorded />;
}
