import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatList } from '../lib/format';
import { languageLabel } from '../lib/labels';
import { useLanguage } from '../lib/useLanguage';
import { useNow } from '../lib/useNow';
import { useCountySpas } from '../lib/reference';
import type { ProviderView as Provider, ServiceView as CatalogService } from '../../contract/directory';
import { PhoneLink, ProviderFlags, VacancyStatus, agesText, serviceName, spaList } from './ProviderBits';

/** Directory search results as a USWDS collection: one card per provider, readable at phone width. */
export function ProviderResults({ providers, services }: { providers: Provider[]; services: CatalogService[] | null }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const now = useNow();
  const countySpas = useCountySpas();
  return (
    <ul className="usa-collection harbor-providers">
      {providers.map((p) => {
        const ages = agesText(p, t);
        const facts = [
          p.services.length > 0 && {
            key: 'services',
            label: t('directory.fields.services'),
            value: formatList(
              p.services.map((s) => serviceName(s, services, language)),
              language,
            ),
          },
          p.placementTypes.length > 0 && {
            key: 'placementTypes',
            label: t('directory.fields.placementTypes'),
            value: formatList(
              p.placementTypes.map((k) => t(`placementTypes.${k}`, { defaultValue: k })),
              language,
            ),
          },
          p.languages.length > 0 && {
            key: 'languages',
            label: t('directory.fields.languages'),
            value: formatList(
              p.languages.map((l) => languageLabel(l, t)),
              language,
            ),
          },
          p.spas.length > 0 && {
            key: 'spas',
            label: t('directory.fields.spas'),
            value: spaList(p.spas, countySpas, t, language),
          },
          ages && { key: 'ages', label: t('directory.fields.ages'), value: ages },
        ].filter((f): f is { key: string; label: string; value: string } => !!f);
        return (
          <li key={p.id} className="usa-collection__item harbor-provider">
            <div className="usa-collection__body">
              <h3 className="usa-collection__heading">
                <Link className="usa-link" to={`/directory/providers/${encodeURIComponent(p.id)}`}>
                  {p.name}
                </Link>
              </h3>
              <p className="harbor-provider__kind">
                {t(`directory.kinds.${p.kind}`)}
                {p.organizationName && <> · {p.organizationName}</>}
                {!p.active && (
                  <>
                    {' '}
                    <span className="usa-tag harbor-tag-muted">{t('directory.inactive')}</span>
                  </>
                )}
              </p>
              <VacancyStatus provider={p} now={now} />
              <ProviderFlags provider={p} />
              {facts.length > 0 && (
                <dl className="harbor-provider__facts">
                  {facts.map((f) => (
                    <div key={f.key}>
                      <dt>{f.label}</dt>
                      <dd>{f.value}</dd>
                    </div>
                  ))}
                </dl>
              )}
              {p.phone && (
                <p className="harbor-provider__phone">
                  {t('directory.fields.phone')}: <PhoneLink phone={p.phone} />
                </p>
              )}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
