import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DetailList, type Detail } from '../components/DetailList';
import { NotRecorded, orNotRecorded } from '../components/NotRecorded';
import { formatDate } from '../lib/format';
import { useLanguage } from '../lib/useLanguage';
import type { YouthView } from '../../contract/youth';

/** Whole years between a YYYY-MM-DD birth date and today. */
function ageInYears(dateOfBirth: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dateOfBirth);
  if (!match) return null;
  const now = new Date();
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const beforeBirthday = now.getMonth() + 1 < m || (now.getMonth() + 1 === m && now.getDate() < d);
  return now.getFullYear() - y - (beforeBirthday ? 1 : 0);
}

function List({ items }: { items: string[] }) {
  if (items.length === 0) return <NotRecorded />;
  return (
    <ul className="usa-list usa-list--unstyled">
      {items.map((item, i) => (
        <li key={i}>{item}</li>
      ))}
    </ul>
  );
}

/** `children`: what follows the details inside the section (the correction form). */
export function IdentitySection({ youth, children }: { youth: YouthView; children?: ReactNode }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (youth.legalFirstName === undefined && youth.legalLastName === undefined) return null;

  const items: Detail[] = [];
  const add = (key: string, value: Detail['value']) => items.push({ key, label: t(`profile.fields.${key}`), value });

  // A youth from a de-identified state extract has no names (shown by the state client id below).
  add('legalName', orNotRecorded([youth.legalFirstName, youth.legalLastName].filter(Boolean).join(' ')));
  if (youth.preferredName !== undefined) add('preferredName', orNotRecorded(youth.preferredName));
  if (youth.pronouns !== undefined) add('pronouns', orNotRecorded(youth.pronouns));
  if (youth.dateOfBirth === null) add('dateOfBirth', <NotRecorded />);
  else if (youth.dateOfBirth !== undefined) {
    const age = ageInYears(youth.dateOfBirth);
    add(
      'dateOfBirth',
      age === null
        ? formatDate(youth.dateOfBirth, language)
        : t('profile.dateOfBirthWithAge', { date: formatDate(youth.dateOfBirth, language), count: age }),
    );
  }
  // Only state extracts record it: no "Not recorded" on every youth entered in Harbor.
  if (youth.sex) add('sex', youth.sex);
  if (youth.genderIdentity !== undefined) add('genderIdentity', orNotRecorded(youth.genderIdentity));
  if (youth.sexualOrientation !== undefined) add('sexualOrientation', orNotRecorded(youth.sexualOrientation));
  if (youth.raceEthnicity !== undefined) add('raceEthnicity', <List items={youth.raceEthnicity} />);
  if (youth.primaryLanguage !== undefined) add('primaryLanguage', orNotRecorded(youth.primaryLanguage));
  if (youth.spa !== undefined) {
    add('spa', youth.spa ? t('profile.spaValue', { number: youth.spa.number, name: youth.spa.name }) : <NotRecorded />);
  }
  if (youth.entryPathway !== undefined) {
    add('entryPathway', youth.entryPathway ? t(`entryPathways.${youth.entryPathway}`) : <NotRecorded />);
  }
  if (youth.dualStatus !== undefined)
    add('dualStatus', youth.dualStatus ? t('profile.dualStatusYes') : t('profile.dualStatusNo'));
  if (youth.aliases !== undefined) add('aliases', <List items={youth.aliases} />);
  if (youth.identifiers !== undefined) {
    add(
      'identifiers',
      <List items={youth.identifiers.map((i) => `${t(`identifierSystems.${i.system}`)}: ${i.value}`)} />,
    );
  }

  return (
    <section aria-labelledby="identity-heading" className="harbor-section">
      <h2 id="identity-heading">{t('profile.identity')}</h2>
      <DetailList items={items} />
      {children}
    </section>
  );
}
