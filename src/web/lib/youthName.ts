import type { TFunction } from 'i18next';
import type { YouthView } from '../../contract/youth';

// How the web names a youth. The server sends the name (preferred or legal first name, and last
// name; src/features/youth/display-name.ts) or, for a youth from a de-identified state extract with
// no names, their state client id: the web words that as "State client 1234567".

/** The label for a youth on a list: the name, else the state client id; null when neither was sent. */
export function youthLabel(
  t: TFunction,
  name: string | null | undefined,
  stateClientId: string | null | undefined,
): string | null {
  if (name) return name;
  if (stateClientId) return t('youth.clientLabel', { id: stateClientId });
  return null;
}

/**
 * The name a worker calls the youth by, as in search results: for a youth with no names, their
 * state client id. Null if the role may not see who the youth is (or the record holds neither).
 */
export function shownName(
  youth: Pick<YouthView, 'legalFirstName' | 'legalLastName' | 'preferredName' | 'stateClientId'>,
  t: TFunction,
): string | null {
  if (youth.legalFirstName === undefined && youth.legalLastName === undefined) return null;
  const first = youth.preferredName || youth.legalFirstName;
  const name = [first, youth.legalLastName].filter(Boolean).join(' ');
  return youthLabel(t, name, youth.stateClientId);
}
