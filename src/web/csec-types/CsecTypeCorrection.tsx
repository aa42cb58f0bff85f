import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { Disclosure } from '../components/Disclosure';
import { CorrectionForm } from '../corrections/CorrectionForm';
import type { CsecTypeView } from '../../contract/csec-types';
import { CSEC_TYPE_CODES } from '../../domain/csec-type';

/** Correcting a CSEC Type recorded wrongly: the type, its dates, its subcategory, with a reason. */
export function CsecTypeCorrection({
  youthId,
  record,
  onSaved,
}: {
  youthId: string;
  record: CsecTypeView;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <Disclosure id={`correct-type-${record.id}`} label={t('corrections.csecType.open')} open={open} onToggle={setOpen}>
      <CorrectionForm
        id={`type-${record.id}`}
        intro={t('corrections.csecType.intro')}
        submitLabel={t('corrections.save')}
        fields={[
          {
            name: 'type',
            label: t('corrections.fields.type'),
            kind: 'select',
            initial: record.type,
            options: CSEC_TYPE_CODES.map((code) => ({ value: code, label: t(`csecTypes.${code}.label`) })),
          },
          { name: 'startDate', label: t('corrections.fields.startDate'), kind: 'date', initial: record.startDate },
          { name: 'endDate', label: t('corrections.fields.endDate'), kind: 'date', initial: record.endDate ?? '' },
          {
            name: 'allegationSubcategory',
            label: t('corrections.fields.allegationSubcategory'),
            kind: 'text',
            initial: record.allegationSubcategory ?? '',
          },
        ]}
        onCancel={() => setOpen(false)}
        onSubmit={async (changed, reason) => {
          const body: Record<string, unknown> = { version: record.version, reason };
          if (changed.type) body.type = changed.type;
          if (changed.startDate) body.startDate = changed.startDate;
          if ('endDate' in changed) body.endDate = changed.endDate || null;
          if (changed.allegationSubcategory) body.allegationSubcategory = changed.allegationSubcategory.trim();
          await api(
            `/api/youth/${encodeURIComponent(youthId)}/csec-types/${encodeURIComponent(record.id)}/correction`,
            { method: 'POST', body },
          );
          setOpen(false);
          onSaved();
        }}
      />
    </Disclosure>
  );
}
