import { Button } from '@trussworks/react-uswds';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../components/DataTable';
import { Disclosure } from '../components/Disclosure';
import { NotRecorded, orNotRecorded } from '../components/NotRecorded';
import { Notice } from '../components/Notice';
import { formatDay } from '../lib/format';
import { dispositionLabel } from '../lib/labels';
import { useLanguage } from '../lib/useLanguage';
import type { ReferralView } from '../../contract/referrals';
import type { YouthReferral } from '../../contract/youth';
import { ReferralForm } from './ReferralForm';
import { ReferralDecision } from './ReferralDecision';
import { CorrectionHistory } from '../corrections/CorrectionHistory';

interface Props {
  referrals: YouthReferral[];
  youthId: string;
  canRecord: boolean;
  onChanged: () => void;
}

export function ReferralsTable({ referrals, youthId, canRecord, onChanged }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [open, setOpen] = useState(false);
  const [notice, setNotice] = useState<{ saved: ReferralView; n: number } | null>(null);
  const [deciding, setDeciding] = useState<string | null>(null);
  const [decided, setDecided] = useState<{ recorded: boolean; n: number } | null>(null);
  const decidingReferral = referrals.find((r) => r.id === deciding) ?? null;
  return (
    <section aria-labelledby="referrals-heading" className="harbor-section">
      <h2 id="referrals-heading">{t('profile.referrals.heading')}</h2>
      {notice && (
        <Notice key={notice.n}>
          {notice.saved.specialProjectCodes.length
            ? t('referralForm.savedWithCodes', { codes: notice.saved.specialProjectCodes.join(', ') })
            : t('referralForm.saved')}
        </Notice>
      )}
      {decided && (
        <Notice key={`decided-${decided.n}`}>
          {decided.recorded ? t('corrections.referral.recorded') : t('corrections.saved')}
        </Notice>
      )}
      {referrals.length === 0 ? (
        <p>{t('profile.referrals.none')}</p>
      ) : (
        <DataTable
          caption={t('profile.referrals.heading')}
          rows={referrals}
          rowKey={(r) => r.id}
          columns={[
            { key: 'number', header: t('profile.referrals.number'), cell: (r) => r.externalId ?? <NotRecorded /> },
            {
              key: 'organization',
              header: t('profile.referrals.organization'),
              cell: (r) => orNotRecorded(r.organization),
            },
            {
              key: 'received',
              header: t('profile.referrals.received'),
              cell: (r) => formatDay(r.receivedAt, language),
            },
            {
              key: 'disposition',
              header: t('profile.referrals.disposition'),
              cell: (r) => (
                <>
                  {r.disposition ? dispositionLabel(r.disposition, t) : t('profile.referrals.pending')}
                  <CorrectionHistory youthId={youthId} kind="referral" recordId={r.id} />
                </>
              ),
            },
            {
              key: 'codes',
              header: t('profile.referrals.codes'),
              cell: (r) =>
                r.specialProjectCodes?.length
                  ? r.specialProjectCodes.map((c) => (
                      <span key={c} className="usa-tag harbor-code-tag">
                        {c}
                      </span>
                    ))
                  : t('common.none'),
            },
            ...(canRecord
              ? [
                  {
                    key: 'decision',
                    header: t('corrections.referral.column'),
                    cell: (r: YouthReferral) => (
                      <Button
                        type="button"
                        unstyled
                        aria-expanded={deciding === r.id}
                        aria-controls="referral-decision"
                        onClick={() => setDeciding(deciding === r.id ? null : r.id)}
                      >
                        {r.disposition === null ? t('corrections.referral.record') : t('corrections.referral.correct')}
                        <span className="usa-sr-only">, {r.externalId ?? formatDay(r.receivedAt, language)}</span>
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
      <div id="referral-decision">
        {decidingReferral && (
          <ReferralDecision
            key={decidingReferral.id}
            youthId={youthId}
            referral={decidingReferral}
            onCancel={() => setDeciding(null)}
            onSaved={(recorded) => {
              setDeciding(null);
              setDecided({ recorded, n: (decided?.n ?? 0) + 1 });
              onChanged();
            }}
          />
        )}
      </div>
      {canRecord && (
        <Disclosure id="record-referral" label={t('referralForm.open')} open={open} onToggle={setOpen}>
          <ReferralForm
            youthId={youthId}
            onCancel={() => setOpen(false)}
            onSaved={(saved) => {
              setOpen(false);
              setNotice({ saved, n: (notice?.n ?? 0) + 1 });
              onChanged();
            }}
          />
        </Disclosure>
      )}
    </section>
  );
}
