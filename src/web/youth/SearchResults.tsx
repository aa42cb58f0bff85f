import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { NotRecorded } from '../components/NotRecorded';
import { formatDate } from '../lib/format';
import { useLanguage } from '../lib/useLanguage';
import { youthLabel } from '../lib/youthName';
import type { YouthSearchResult } from '../../contract/youth';

/** Search results as a USWDS collection: one card-like row per youth, readable at phone width. */
export function SearchResults({
  results,
  showMatch,
  reportMissing = false,
}: {
  results: YouthSearchResult[];
  showMatch: boolean;
  /** A "Report missing" link on each result (issue 14, finding 4), for those who record facts. */
  reportMissing?: boolean;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <ul className="usa-collection harbor-results">
      {results.map((r) => (
        <li key={r.id} className="usa-collection__item">
          <div className="usa-collection__body">
            <h3 className="usa-collection__heading">
              <Link className="usa-link" id={`result-${r.id}`} to={`/youth/${r.id}`}>
                {youthLabel(t, r.name, r.stateClientId) ?? t('youth.noName')}
              </Link>
            </h3>
            {r.legalName && r.legalName !== r.name && (
              <p className="usa-collection__description">{t('search.legalName', { name: r.legalName })}</p>
            )}
            <ul className="usa-collection__meta" aria-label={t('search.details')}>
              <li className="usa-collection__meta-item">
                {t('search.dob')}: {r.dateOfBirth ? formatDate(r.dateOfBirth, language) : <NotRecorded />}
              </li>
              <li className="usa-collection__meta-item">
                {r.spaNumber === null ? t('search.noSpa') : t('search.spa', { number: r.spaNumber })}
              </li>
              {showMatch && r.matchedOn !== 'caseload' && (
                <li className="usa-collection__meta-item">
                  <span className="usa-tag harbor-match">{t(`search.matchedOn.${r.matchedOn}`)}</span>
                </li>
              )}
            </ul>
            {reportMissing && (
              <p className="margin-top-1 margin-bottom-0">
                <Link
                  className="usa-link"
                  to={`/youth/${encodeURIComponent(r.id)}/missing/new`}
                  aria-describedby={`result-${r.id}`}
                >
                  {t('profileLead.reportMissing')}
                </Link>
              </p>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}
