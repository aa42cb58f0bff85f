// Words that reach the screen as canonical values (stored in English, or typed by the county)
// shown in the reader's language: the value stays canonical, only its label is translated.
type T = (key: string, options?: Record<string, unknown>) => string;

/**
 * A hotline disposition: the common CWS/CMS words translated (referralDispositions.<slug>), any
 * other wording the county typed shown as it was written.
 */
export function dispositionLabel(value: string, t: T): string {
  const slug = value
    .trim()
    .toLowerCase()
    .replace(/[^a-z]+/g, '_')
    .replace(/^_|_$/g, '');
  return t(`referralDispositions.${slug}`, { defaultValue: value });
}

/** A language a provider speaks (stored in English: "Spanish") by its name in the reader's language. */
export function languageLabel(value: string, t: T): string {
  return t(`languageNames.${value}`, { defaultValue: value });
}
