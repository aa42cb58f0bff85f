import { Button } from '@trussworks/react-uswds';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import type { FieldProblem } from '../components/ErrorSummary';
import { Loading } from '../components/Loading';
import { useApi } from '../lib/useApi';
import { SelectField, TextField, useFormRun } from './formKit';
import type { ActiveOrganizations, ReferralView as AdvocacyReferral } from '../../contract/advocacy';
import { REFERRAL_URGENCIES } from '../../domain/advocacy';

/** Refers the youth to a CBO holding an advocacy contract in force today. */
export function ReferToCboForm({
  youthId,
  onSaved,
  onCancel,
}: {
  youthId: string;
  onSaved: (r: AdvocacyReferral) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const orgs = useApi<ActiveOrganizations>('/api/advocacy/active-organizations');
  const [organizationId, setOrganizationId] = useState('');
  const [reason, setReason] = useState('');
  const [urgency, setUrgency] = useState('routine');
  const form = useFormRun();

  const check = () => {
    const list: FieldProblem[] = [];
    if (!organizationId) list.push({ field: 'advocacy-refer-org', message: t('advocacy.refer.errors.organization') });
    if (reason.trim().length < 3)
      list.push({ field: 'advocacy-refer-reason', message: t('advocacy.refer.errors.reason') });
    if (!urgency) list.push({ field: 'advocacy-refer-urgency', message: t('advocacy.refer.errors.urgency') });
    return list;
  };
  const send = async () => {
    onSaved(
      await api<AdvocacyReferral>(`/api/youth/${encodeURIComponent(youthId)}/advocacy-referrals`, {
        method: 'POST',
        body: { organizationId, reason: reason.trim(), urgency },
      }),
    );
  };

  if (orgs.result.status === 'loading') return <Loading />;
  const options = orgs.result.status === 'ok' ? orgs.result.data.organizations : [];
  return (
    <form
      className="usa-form usa-form--large harbor-wide-form"
      noValidate
      onSubmit={(e) => form.run(e, check, send)}
      aria-labelledby="advocacy-refer-heading"
    >
      <h3 id="advocacy-refer-heading">{t('advocacy.refer.heading')}</h3>
      {form.alerts(t('advocacy.refer.failed'))}
      {orgs.result.status === 'error' && <p className="usa-error-message">{t('advocacy.refer.noList')}</p>}
      <SelectField
        id="advocacy-refer-org"
        label={t('advocacy.refer.organization')}
        hint={t('advocacy.refer.organizationHint')}
        error={form.errorFor('advocacy-refer-org')}
        value={organizationId}
        onChange={setOrganizationId}
        options={options.map((o) => ({
          value: o.organizationId,
          label: t('advocacy.refer.organizationOption', { name: o.name, hours: o.firstContactHours }),
        }))}
      />
      <TextField
        id="advocacy-refer-reason"
        multiline
        maxLength={5000}
        label={t('advocacy.refer.reason')}
        hint={t('advocacy.refer.reasonHint')}
        error={form.errorFor('advocacy-refer-reason')}
        value={reason}
        onChange={setReason}
      />
      <SelectField
        id="advocacy-refer-urgency"
        label={t('advocacy.refer.urgency')}
        error={form.errorFor('advocacy-refer-urgency')}
        value={urgency}
        onChange={setUrgency}
        options={REFERRAL_URGENCIES.map((u) => ({ value: u, label: t(`advocacy.urgencies.${u}`) }))}
      />
      <div className="harbor-step-buttons">
        <Button type="submit" disabled={form.saving}>
          {form.saving ? form.savingLabel : t('advocacy.refer.submit')}
        </Button>
        <Button type="button" unstyled onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
