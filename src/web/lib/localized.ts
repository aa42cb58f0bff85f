import type { Language } from '../i18n';
import type { Localized } from '../../contract/screenings';

/** The text in the reader's language (instrument wording, labels sent by the server). */
export function pick(text: Localized, language: Language): string {
  return text[language] || text.en;
}
