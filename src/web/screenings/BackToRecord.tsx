import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** The link back to the youth's record above a screening page. */
export function BackToRecord({ youthId, youthName }: { youthId: string; youthName: string | null }) {
  const { t } = useTranslation();
  return (
    <p className="margin-bottom-0">
      <Link className="usa-link" to={`/youth/${encodeURIComponent(youthId)}`}>
        {youthName ? t('screening.backToNamed', { name: youthName }) : t('screening.backToRecord')}
      </Link>
    </p>
  );
}
