import { useTranslation } from 'react-i18next';
import { pick } from '../lib/localized';
import { useLanguage } from '../lib/useLanguage';
import type { InstrumentSection } from '../../contract/instruments';

interface Props {
  sections: InstrumentSection[];
  /** Index of the section shown; sections.length for the last step (notes and finish). */
  current: number;
  ratings: Record<string, string>;
}

/** The USWDS step indicator: one segment per section, marked done when all its items have an answer. */
export function StepProgress({ sections, current, ratings }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <div className="usa-step-indicator usa-step-indicator--no-counters harbor-steps">
      <ol className="usa-step-indicator__segments" aria-label={t('screening.progressLabel')}>
        {sections.map((section, i) => {
          const done = section.items.every((item) => ratings[item.key] !== undefined);
          const state = i === current ? 'current' : done ? 'complete' : 'incomplete';
          return (
            <li
              key={section.key}
              className={`usa-step-indicator__segment${state === 'incomplete' ? '' : ` usa-step-indicator__segment--${state}`}`}
              aria-current={state === 'current' ? 'step' : undefined}
            >
              <span className="usa-step-indicator__segment-label">
                {pick(section.title, language)}{' '}
                <span className="usa-sr-only">
                  {state === 'current'
                    ? t('screening.stepCurrent')
                    : done
                      ? t('screening.stepDone')
                      : t('screening.stepNotDone')}
                </span>
              </span>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
