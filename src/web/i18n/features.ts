// Messages of later capabilities, one file per capability and language, so each stays small
// and reviewable. Each file holds its own top-level namespaces; a namespace in two files is an
// error caught by test/unit/i18n.test.ts, as is a key present in one language only.
import advocacyEn from './features/advocacy.en.json';
import advocacyEs from './features/advocacy.es.json';
import dayEn from './features/day.en.json';
import dayEs from './features/day.es.json';
import correctionsEn from './features/corrections.en.json';
import correctionsEs from './features/corrections.es.json';
import dataQualityEn from './features/dataQuality.en.json';
import dataQualityEs from './features/dataQuality.es.json';
import intakeEn from './features/intake.en.json';
import intakeEs from './features/intake.es.json';
import importsEn from './features/imports.en.json';
import importsEs from './features/imports.es.json';
import listsEn from './features/lists.en.json';
import listsEs from './features/lists.es.json';
import missingEn from './features/missing.en.json';
import missingEs from './features/missing.es.json';
import problemsEn from './features/problems.en.json';
import problemsEs from './features/problems.es.json';
import responseEn from './features/response.en.json';
import responseEs from './features/response.es.json';
import settingsEn from './features/settings.en.json';
import settingsEs from './features/settings.es.json';
import stateProgramEn from './features/stateProgram.en.json';
import stateProgramEs from './features/stateProgram.es.json';
import timeEn from './features/time.en.json';
import timeEs from './features/time.es.json';

export const FEATURE_FILES = {
  response: { en: responseEn, es: responseEs },
  advocacy: { en: advocacyEn, es: advocacyEs },
  missing: { en: missingEn, es: missingEs },
  settings: { en: settingsEn, es: settingsEs },
  problems: { en: problemsEn, es: problemsEs },
  dataQuality: { en: dataQualityEn, es: dataQualityEs },
  imports: { en: importsEn, es: importsEs },
  stateProgram: { en: stateProgramEn, es: stateProgramEs },
  lists: { en: listsEn, es: listsEs },
  time: { en: timeEn, es: timeEs },
  day: { en: dayEn, es: dayEs },
  corrections: { en: correctionsEn, es: correctionsEs },
  intake: { en: intakeEn, es: intakeEs },
} as const;

export const FEATURE_MESSAGES = {
  en: Object.assign({}, ...Object.values(FEATURE_FILES).map((f) => f.en)) as Record<string, unknown>,
  es: Object.assign({}, ...Object.values(FEATURE_FILES).map((f) => f.es)) as Record<string, unknown>,
};
