import { useTranslation } from 'react-i18next';

/** The youth's timeline. Empty for now: later capabilities (contacts, placements, services) add events here. */
export function TimelineSection() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="timeline-heading" className="harbor-section">
      <h2 id="timeline-heading">{t('profile.timeline.heading')}</h2>
      <div className="harbor-timeline-empty">
        <p className="margin-0">{t('profile.timeline.empty')}</p>
      </div>
    </section>
  );
}
