import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { CorrectionForm } from '../corrections/CorrectionForm';
import { countyDateTimeInput, countyInputToIso, isoToCountyInput } from '../lib/format';
import type { YouthReferral } from '../../contract/youth';

/**
 * A referral's decision: recorded afterwards when it never was, or corrected with a reason (the
 * earlier decision is kept for supervisors and auditors).
 */
export function ReferralDecision({
  youthId,
  referral,
  onSaved,
  onCancel,
}: {
  youthId: string;
  referral: YouthReferral;
  onSaved: (recorded: boolean) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const base = `/api/youth/${encodeURIComponent(youthId)}/referrals/${encodeURIComponent(referral.id)}`;
  const recording = referral.disposition === null;
  return (
    <CorrectionForm
      id={`decision-${referral.id}`}
      withReason={!recording}
      submitLabel={recording ? t('corrections.referral.recordSave') : t('corrections.save')}
      fields={[
        {
          name: 'disposition',
          label: t('corrections.referral.decisionLabel'),
          kind: 'text',
          initial: referral.disposition ?? '',
        },
        {
          name: 'dispositionAt',
          label: t('corrections.referral.decidedLabel'),
          kind: 'datetime',
          initial: referral.dispositionAt ? isoToCountyInput(referral.dispositionAt) : countyDateTimeInput(),
        },
      ]}
      onCancel={onCancel}
      onSubmit={async (changed, reason) => {
        if (recording) {
          await api(`${base}/disposition`, {
            method: 'POST',
            body: {
              disposition: (changed.disposition ?? '').trim(),
              dispositionAt: countyInputToIso(changed.dispositionAt ?? ''),
            },
          });
        } else {
          const body: Record<string, unknown> = { version: referral.version, reason };
          if (changed.disposition) body.disposition = changed.disposition.trim();
          if (changed.dispositionAt) body.dispositionAt = countyInputToIso(changed.dispositionAt);
          await api(base, { method: 'PATCH', body });
        }
        onSaved(recording);
      }}
    />
  );
}
