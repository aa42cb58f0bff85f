import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { Disclosure } from '../components/Disclosure';
import { CorrectionForm } from '../corrections/CorrectionForm';
import { countyInputToIso, isoToCountyInput } from '../lib/format';
import type { MdtMeeting } from '../../contract/mdt';
import { MDT_TIERS } from '../../domain/mdt';

/** Correcting a recorded meeting: its tier, times and decisions, with a reason. */
export function MeetingCorrection({
  youthId,
  meeting: m,
  onSaved,
}: {
  youthId: string;
  meeting: MdtMeeting;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <Disclosure id={`correct-meeting-${m.id}`} label={t('corrections.meeting.open')} open={open} onToggle={setOpen}>
      <CorrectionForm
        id={`meeting-${m.id}`}
        intro={t('corrections.meeting.intro')}
        submitLabel={t('corrections.save')}
        fields={[
          {
            name: 'tier',
            label: t('corrections.fields.tier'),
            kind: 'select',
            initial: m.tier,
            options: MDT_TIERS.map((tier) => ({ value: tier, label: t(`mdt.tiers.${tier}`) })),
          },
          {
            name: 'scheduledAt',
            label: t('corrections.fields.scheduledAt'),
            kind: 'datetime',
            initial: isoToCountyInput(m.scheduledAt),
          },
          {
            name: 'heldAt',
            label: t('corrections.fields.heldAt'),
            kind: 'datetime',
            initial: m.heldAt ? isoToCountyInput(m.heldAt) : '',
          },
          { name: 'decisions', label: t('corrections.fields.decisions'), kind: 'textarea', initial: m.decisions ?? '' },
        ]}
        onCancel={() => setOpen(false)}
        onSubmit={async (changed, reason) => {
          const body: Record<string, unknown> = { version: m.version, reason };
          if ('tier' in changed) body.tier = changed.tier;
          if (changed.scheduledAt) body.scheduledAt = countyInputToIso(changed.scheduledAt);
          if (changed.heldAt) body.heldAt = countyInputToIso(changed.heldAt);
          if ('decisions' in changed) body.decisions = changed.decisions?.trim() ? changed.decisions : null;
          await api(`/api/youth/${encodeURIComponent(youthId)}/mdt/meetings/${encodeURIComponent(m.id)}`, {
            method: 'PATCH',
            body,
          });
          setOpen(false);
          onSaved();
        }}
      />
    </Disclosure>
  );
}
