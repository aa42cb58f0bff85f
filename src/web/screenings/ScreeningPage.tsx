import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiErrorView } from '../components/ApiErrorView';
import { Loading } from '../components/Loading';
import { useApi } from '../lib/useApi';
import { shownName } from '../lib/youthName';
import type { InstrumentVersionView } from '../../contract/instruments';
import type { ScreeningDetail } from '../../contract/screenings';
import type { YouthView } from '../../contract/youth';
import { DraftReadOnly } from './DraftReadOnly';
import { ScreeningForm } from './ScreeningForm';
import { ScreeningResult } from './ScreeningResult';

/** A screening: the form while it is a draft, the result once it is final. */
export function ScreeningPage() {
  const { id = '', screeningId = '' } = useParams();
  // A new screening (an amendment) is a new page: nothing carries over.
  return <ScreeningLoader key={screeningId} youthId={id} screeningId={screeningId} />;
}

function ScreeningLoader({ youthId, screeningId }: { youthId: string; screeningId: string }) {
  const youth = useApi<YouthView>(`/api/youth/${encodeURIComponent(youthId)}`);
  const screening = useApi<ScreeningDetail>(
    `/api/youth/${encodeURIComponent(youthId)}/screenings/${encodeURIComponent(screeningId)}`,
  );
  if (youth.result.status === 'error') return <ApiErrorView error={youth.result.error} onRetry={youth.reload} />;
  if (screening.result.status === 'error')
    return <ApiErrorView error={screening.result.error} onRetry={screening.reload} />;
  if (youth.result.status === 'loading' || screening.result.status === 'loading') return <Loading />;
  return <WithInstrument youthId={youthId} youth={youth.result.data} screening={screening.result.data} />;
}

function WithInstrument({
  youthId,
  youth,
  screening,
}: {
  youthId: string;
  youth: YouthView;
  screening: ScreeningDetail;
}) {
  const { t } = useTranslation();
  const { result, reload } = useApi<InstrumentVersionView>(
    `/api/instruments/versions/${encodeURIComponent(screening.instrument.versionId)}`,
  );
  const [finished, setFinished] = useState<ScreeningDetail | null>(null);
  if (result.status === 'loading') return <Loading />;
  if (result.status === 'error') return <ApiErrorView error={result.error} onRetry={reload} />;
  const shown = finished ?? screening;
  const name = shownName(youth, t);
  if (shown.status === 'final') {
    return (
      <ScreeningResult
        youthId={youthId}
        youthName={name}
        canEdit={youth.permissions.canEdit}
        screening={shown}
        definition={result.data.definition}
        justFinished={finished !== null}
      />
    );
  }
  if (!youth.permissions.canEdit) {
    return <DraftReadOnly youthId={youthId} youthName={name} screening={shown} definition={result.data.definition} />;
  }
  return (
    <ScreeningForm
      youthId={youthId}
      youthName={name}
      screening={shown}
      definition={result.data.definition}
      onFinalized={setFinished}
    />
  );
}
