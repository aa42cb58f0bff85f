import { Alert } from '@trussworks/react-uswds';
import { useTranslation } from 'react-i18next';
import { DemonstrationAlert } from '../components/DemonstrationAlert';
import { PageHeading } from '../components/PageHeading';
import { formatDateTime } from '../lib/format';
import { pick } from '../lib/localized';
import { useLanguage } from '../lib/useLanguage';
import type { InstrumentDefinition } from '../../contract/instruments';
import type { ScreeningDetail } from '../../contract/screenings';
import { AnswersSection } from './AnswersSection';
import { BackToRecord } from './BackToRecord';

/** A draft seen by someone who may read it but not fill it in (an advocate, an MDT coordinator). */
export function DraftReadOnly({
  youthId,
  youthName,
  screening,
  definition,
}: {
  youthId: string;
  youthName: string | null;
  screening: ScreeningDetail;
  definition: InstrumentDefinition;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <>
      <BackToRecord youthId={youthId} youthName={youthName} />
      <PageHeading documentTitle={t('screening.documentTitle')}>{pick(definition.name, language)}</PageHeading>
      <p className="usa-intro margin-top-1">
        {t('screening.startedBy', {
          date: formatDateTime(screening.administeredAt, language),
          name: screening.administeredBy,
        })}
      </p>
      <Alert type="info" headingLevel="h2" heading={t('screening.readOnly.heading')} className="margin-y-3">
        {t('screening.readOnly.body')}
      </Alert>
      {definition.demonstration && <DemonstrationAlert name={pick(definition.name, language)} />}
      <AnswersSection screening={screening} definition={definition} />
    </>
  );
}
