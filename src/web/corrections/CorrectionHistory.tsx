import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Disclosure } from '../components/Disclosure';
import { formatCountyDateTime } from '../lib/format';
import { can } from '../lib/roles';
import { useApi } from '../lib/useApi';
import { useLanguage } from '../lib/useLanguage';
import { useActiveSession } from '../auth/SessionContext';
import type { CorrectedRecordKind, CorrectionList, CorrectionViewT } from '../../contract/corrections';

/**
 * A "Corrected" tag and the record's earlier versions (what was replaced, when, by whom, why),
 * shown to supervisors and auditors only (ability corrections.history); nothing for others.
 */
export function CorrectionHistory(props: { youthId: string; kind: CorrectedRecordKind; recordId: string }) {
  const session = useActiveSession();
  if (!can(session, 'corrections.history')) return null;
  return <History {...props} />;
}

function History({ youthId, kind, recordId }: { youthId: string; kind: CorrectedRecordKind; recordId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [open, setOpen] = useState(false);
  const { result } = useApi<CorrectionList>(`/api/youth/${encodeURIComponent(youthId)}/corrections`);
  if (result.status !== 'ok') return null;
  const mine = result.data.corrections.filter((c) => c.recordKind === kind && c.recordId === recordId);
  if (mine.length === 0) return null;
  return (
    <div className="harbor-corrections">
      <span className="usa-tag harbor-corrected-tag">{t('corrections.tag')}</span>
      <Disclosure
        id={`history-${recordId}`}
        label={t('corrections.historyToggle', { count: mine.length })}
        open={open}
        onToggle={setOpen}
        outline
      >
        <ol className="harbor-correction-list">
          {[...mine].reverse().map((c) => (
            <li key={c.id}>
              <p className="margin-y-05">
                {t('corrections.entry', {
                  version: c.version,
                  when: formatCountyDateTime(c.correctedAt, language),
                  who: c.correctedBy,
                })}
              </p>
              <p className="margin-y-05">
                <span className="text-bold">{t('corrections.reason')}:</span> {c.reason}
              </p>
              <EarlierValues correction={c} />
            </li>
          ))}
        </ol>
      </Disclosure>
    </div>
  );
}

function EarlierValues({ correction }: { correction: CorrectionViewT }) {
  const { t } = useTranslation();
  const entries = Object.entries(correction.earlier).filter(([k]) => k !== 'ratings');
  if (entries.length === 0) return null;
  return (
    <dl className="harbor-correction-earlier">
      {entries.map(([key, value]) => (
        <div key={key}>
          <dt>{t(`corrections.fields.${key}`, { defaultValue: key })}</dt>
          <dd>
            {value === null || value === ''
              ? t('corrections.empty')
              : Array.isArray(value)
                ? value.join(', ')
                : String(value)}
          </dd>
        </div>
      ))}
    </dl>
  );
}
