import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ProfileSection, SectionStatus } from '../components/ProfileSection';
import { formatCountyDateTime, formatDate } from '../lib/format';
import { useApi } from '../lib/useApi';
import { useLanguage } from '../lib/useLanguage';
import type { IdentityHistory } from '../../contract/youth-intake';
import type { YouthView } from '../../contract/youth';

/** A previous value in words: a list joined, a date formatted, an empty one as "not recorded". */
function useShowValue() {
  const { t } = useTranslation();
  const language = useLanguage();
  return (field: string, value: unknown): string => {
    if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0))
      return t('common.notRecorded');
    if (field === 'dateOfBirth' && typeof value === 'string') return formatDate(value, language);
    if (field === 'identifiers' && Array.isArray(value))
      return value
        .map((i: { system: string; value: string }) => `${t(`identifierSystems.${i.system}`)}: ${i.value}`)
        .join('; ');
    if (field === 'entryPathway' && typeof value === 'string') return t(`entryPathways.${value}`);
    if (Array.isArray(value)) return value.join(', ');
    return String(value);
  };
}

/**
 * Each change to the youth's identity and contact details, newest first: when, who, which
 * fields and what they held before. Shown to those who may see identity (the API says 404/403
 * otherwise); contact values only to those who may see contact details.
 */
export function IdentityHistorySection({ youth }: { youth: YouthView }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const show = useShowValue();
  const { result, reload, refresh } = useApi<IdentityHistory>(
    `/api/youth/${encodeURIComponent(youth.id)}/identity-history`,
  );
  // A write only marks the cache stale (lib/queryClient.ts): a new version of the record means a
  // correction was saved, so the history is asked for again.
  const version = useRef(youth.version);
  useEffect(() => {
    if (version.current === youth.version) return;
    version.current = youth.version;
    refresh();
  }, [youth.version, refresh]);
  return (
    <ProfileSection headingId="identity-history-heading" heading={t('intake.historyHeading')}>
      {result.status !== 'ok' ? (
        <SectionStatus results={[result]} hiddenKey="intake.historyHidden" onRetry={reload} />
      ) : result.data.changes.length === 0 ? (
        <p>{t('intake.historyNone')}</p>
      ) : (
        <ol className="usa-list usa-list--unstyled harbor-identity-history">
          {result.data.changes.map((c) => (
            <li key={c.id} className="margin-bottom-2">
              <p className="margin-0 text-bold">
                {t('intake.historyEntry', { when: formatCountyDateTime(c.at, language), who: c.by })}
              </p>
              <ul className="usa-list margin-top-05">
                {c.fields.map((f) => (
                  <li key={f}>
                    {t('intake.historyField', {
                      field: t(`intake.historyFields.${f}`),
                      previous: show(f, c.previous[f]),
                    })}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
    </ProfileSection>
  );
}
