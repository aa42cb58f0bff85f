import { Alert, Button, Checkbox, FormGroup } from '@trussworks/react-uswds';
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
  active = [],
  onSaved,
  onCancel,
}: {
  youthId: string;
  /** The youth's referrals still open: a second one is sent only once the user confirms it. */
  active?: AdvocacyReferral[];
  onSaved: (r: AdvocacyReferral) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const orgs = useApi<ActiveOrganizations>('/api/advocacy/active-organizations');
  const [organizationId, setOrganizationId] = useState('');
  const [reason, setReason] = useState('');
  const [urgency, setUrgency] = useState('routine');
  const [confirmed, setConfirmed] = useState(false);
  const form = useFormRun();

  const check = () => {
    const list: FieldProblem[] = [];
    if (!organizationId) list.push({ field: 'advocacy-refer-org', message: t('advocacy.refer.errors.organization') });
    if (reason.trim().length < 3)
      list.push({ field: 'advocacy-refer-reason', message: t('advocacy.refer.errors.reason') });
    if (!urgency) list.push({ field: 'advocacy-refer-urgency', message: t('advocacy.refer.errors.urgency') });
    if (active.length > 0 && !confirmed)
      list.push({ field: 'advocacy-refer-confirm', message: t('day.advocacy.confirmError') });
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
      {active.length > 0 && (
        <Alert type="warning" headingLevel="h4" heading={t('day.advocacy.activeHeading')} className="margin-y-2">
          <ul className="usa-list">
            {active.map((r) => (
              <li key={r.id}>
                {t('advocacy.referralTitle', { organization: r.organization, state: t(`advocacy.states.${r.state}`) })}
              </li>
            ))}
          </ul>
          {t('day.advocacy.activeText')}
        </Alert>
      )}
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
      {active.length > 0 && (
        <FormGroup error={!!form.errorFor('advocacy-refer-confirm')}>
          {form.errorFor('advocacy-refer-confirm') && (
            <span className="usa-error-message" id="advocacy-refer-confirm-error">
              {form.errorFor('advocacy-refer-confirm')}
            </span>
          )}
          <Checkbox
            id="advocacy-refer-confirm"
            name="confirmSecond"
            checked={confirmed}
            onChange={(e) => setConfirmed(e.target.checked)}
            aria-describedby={form.errorFor('advocacy-refer-confirm') ? 'advocacy-refer-confirm-error' : undefined}
            label={t('day.advocacy.confirm')}
          />
        </FormGroup>
      )}
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
