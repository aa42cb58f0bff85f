import type { YouthView } from '../../contract/youth';

/** The name a worker calls the youth by, as in search results; null if the role may not see it. */
export function shownName(youth: Pick<YouthView, 'legalFirstName' | 'legalLastName' | 'preferredName'>): string | null {
  if (youth.legalFirstName === undefined || youth.legalLastName === undefined) return null;
  return `${youth.preferredName || youth.legalFirstName} ${youth.legalLastName}`;
}
