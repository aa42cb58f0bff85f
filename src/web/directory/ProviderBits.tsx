// Small pieces shown wherever a directory entry is: its vacancies and how fresh they are, its
// flags (CSEC-trained, LGBTQ-affirming, 24/7 crisis), names of its services and areas.
import { Icon } from '@trussworks/react-uswds';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ServicePlanningArea } from '../../contract/people';
import { VACANCY_STALE_DAYS, vacancyIsStale } from '../lib/directory';
import { spaName } from '../lib/reference';
import { countyDaysAgo, formatDaysAgo, formatList } from '../lib/format';
import { pick } from '../lib/localized';
import { useLanguage } from '../lib/useLanguage';
import type { Language } from '../i18n';
import type { ProviderView as Provider, ServiceView as CatalogService } from '../../contract/directory';

export function serviceName(key: string, catalog: CatalogService[] | null, language: Language): string {
  const entry = catalog?.find((s) => s.key === key);
  return entry ? pick(entry.name, language) : key;
}

export function spaLabel(n: number, countySpas: readonly ServicePlanningArea[], t: TFunction): string {
  const name = spaName(countySpas, n);
  return name ? t('directory.spaNamed', { number: n, name }) : t('directory.spa', { number: n });
}

export function spaList(
  spas: number[],
  countySpas: readonly ServicePlanningArea[],
  t: TFunction,
  language: Language,
): string {
  return formatList(
    spas.map((n) => spaLabel(n, countySpas, t)),
    language,
  );
}

export function agesText(p: Pick<Provider, 'ageMin' | 'ageMax'>, t: TFunction): string | null {
  if (p.ageMin !== null && p.ageMax !== null) return t('directory.ages.range', { min: p.ageMin, max: p.ageMax });
  if (p.ageMin !== null) return t('directory.ages.from', { min: p.ageMin });
  if (p.ageMax !== null) return t('directory.ages.upTo', { max: p.ageMax });
  return null;
}

/** "2 open of 11 beds · confirmed 3 days ago", with a warning when the count may be out of date. */
export function VacancyStatus({
  provider,
  now,
}: {
  provider: Pick<Provider, 'vacancies' | 'beds' | 'vacanciesConfirmedAt'>;
  now: number;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { vacancies, beds, vacanciesConfirmedAt } = provider;
  if (vacancies === null && beds === null) return null;
  let count: string;
  if (vacancies === null) count = t('directory.vacancy.unknown', { beds });
  else if (vacancies === 0)
    count = beds === null ? t('directory.vacancy.none') : t('directory.vacancy.noneOfBeds', { beds });
  else
    count =
      beds === null
        ? t('directory.vacancy.open', { count: vacancies })
        : t('directory.vacancy.openOfBeds', { count: vacancies, beds });
  const when = vacanciesConfirmedAt
    ? t('directory.vacancy.confirmed', { when: formatDaysAgo(countyDaysAgo(vacanciesConfirmedAt, now), language) })
    : t('directory.vacancy.neverConfirmed');
  const stale = vacancyIsStale(vacanciesConfirmedAt, now);
  return (
    <div className={`harbor-vacancy${vacancies ? ' harbor-vacancy--open' : ''}`}>
      <p className="harbor-vacancy__count">
        <Icon.Hotel size={3} aria-hidden="true" focusable={false} />
        <span>
          <strong>{count}</strong> <span className="harbor-vacancy__when">· {when}</span>
        </span>
      </p>
      {stale && (
        <p className="harbor-vacancy__stale">
          <Icon.Warning size={3} aria-hidden="true" focusable={false} />
          <span>{t('directory.vacancy.stale', { days: VACANCY_STALE_DAYS })}</span>
        </p>
      )}
    </div>
  );
}

/** What a worker looks for at a glance; only the flags that are true. */
export function ProviderFlags({ provider }: { provider: Provider }) {
  const { t } = useTranslation();
  const flags = [
    provider.csecTrained && {
      key: 'csec',
      icon: <Icon.Verified size={3} aria-hidden="true" focusable={false} />,
      text: t('directory.flags.csecTrained'),
    },
    provider.lgbtqAffirming && {
      key: 'lgbtq',
      icon: <Icon.Favorite size={3} aria-hidden="true" focusable={false} />,
      text: t('directory.flags.lgbtqAffirming'),
    },
    provider.crisis247 && {
      key: 'crisis',
      icon: <Icon.Phone size={3} aria-hidden="true" focusable={false} />,
      text: t('directory.flags.crisis247'),
    },
    provider.servesParentingYouth && {
      key: 'parenting',
      icon: <Icon.People size={3} aria-hidden="true" focusable={false} />,
      text: t('directory.flags.parentingYouth'),
    },
    provider.servesBoys && {
      key: 'boys',
      icon: <Icon.People size={3} aria-hidden="true" focusable={false} />,
      text: t('directory.flags.boys'),
    },
  ].filter((f): f is { key: string; icon: React.JSX.Element; text: string } => !!f);
  if (flags.length === 0) return null;
  return (
    <ul className="harbor-flags" aria-label={t('directory.flags.label')}>
      {flags.map((f) => (
        <li key={f.key} className="harbor-flag">
          {f.icon}
          <span>{f.text}</span>
        </li>
      ))}
    </ul>
  );
}

/** A phone number as a link that dials it. */
export function PhoneLink({ phone }: { phone: string }) {
  return (
    <a className="usa-link" href={`tel:${phone.replace(/\s*(x|ext\.?)\s*/i, ',').replace(/[^\d+,]/g, '')}`}>
      {phone}
    </a>
  );
}
