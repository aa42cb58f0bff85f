import { useTranslation } from 'react-i18next';
import { DetailList } from '../components/DetailList';
import { pick } from '../lib/localized';
import { useLanguage } from '../lib/useLanguage';
import type { InstrumentDefinition } from '../../contract/instruments';
import type { ScreeningDetail } from '../../contract/screenings';

/** The words of the answer given to an item, in the reader's language. */
export function useAnswerLabel(screening: ScreeningDetail, definition: InstrumentDefinition) {
  const { t } = useTranslation();
  const language = useLanguage();
  const items = new Map(definition.sections.flatMap((s) => s.items.map((i) => [i.key, i] as const)));
  const scales = new Map(definition.scales.map((s) => [s.key, s]));
  return (itemKey: string) => {
    const item = items.get(itemKey);
    const value = screening.ratings[itemKey];
    if (!item || value === undefined) return t('result.notAnswered');
    const option = scales.get(item.scale)?.options.find((o) => o.value === value);
    return option ? pick(option.label, language) : value;
  };
}

/** Every item with its answer, section by section. */
export function AnswersSection({
  screening,
  definition,
}: {
  screening: ScreeningDetail;
  definition: InstrumentDefinition;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const answerLabel = useAnswerLabel(screening, definition);
  return (
    <section aria-labelledby="answers-heading" className="harbor-section">
      <h2 id="answers-heading">{t('result.answersHeading')}</h2>
      {definition.sections.map((section) => (
        <div key={section.key}>
          <h3>{pick(section.title, language)}</h3>
          <DetailList
            wideLabels
            items={section.items.map((item) => ({
              key: item.key,
              label: pick(item.text, language),
              value: answerLabel(item.key),
            }))}
          />
        </div>
      ))}
    </section>
  );
}
