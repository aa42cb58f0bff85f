import { Alert } from '@trussworks/react-uswds';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export type SectionName = 'response' | 'parties' | 'crossReport' | 'screening' | 'missing' | 'advocacy' | 'escalation';

/** One part of the settings page: its heading, what it is about, then its values or fields. */
export function SettingsSection({ name, children }: { name: SectionName; children: ReactNode }) {
  const { t } = useTranslation();
  const id = `settings-section-${name}`;
  return (
    <section aria-labelledby={id} className="harbor-section">
      <h2 id={id}>{t(`countySettings.sections.${name}.heading`)}</h2>
      <p>{t(`countySettings.sections.${name}.intro`)}</p>
      {children}
    </section>
  );
}

/** The debrief after a return has no state deadline: the page says so wherever it shows the value. */
export function DebriefNote({ hours }: { hours: number }) {
  const { t } = useTranslation();
  return (
    <Alert type="info" headingLevel="h3" slim className="margin-y-2">
      {t('countySettings.sections.missing.debriefNote', { hours })}
    </Alert>
  );
}
