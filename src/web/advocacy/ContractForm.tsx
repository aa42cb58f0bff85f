import { Button, Checkbox, Fieldset } from '@trussworks/react-uswds';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import type { FieldProblem } from '../components/ErrorSummary';
import { countyDate } from '../lib/format';
import { DateField, SelectField, TextField, useFormRun } from './formKit';
import type { ContractView as Contract } from '../../contract/advocacy';
import type { Organization } from '../../contract/people';
import { CONTRACT_SERVICES } from '../../domain/advocacy';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** An organization from GET /api/organizations. */
export type OrgOption = Organization;

/** Records a CBO's advocacy contract, or changes one (sending the version loaded). */
export function ContractForm({
  contract,
  orgs,
  onSaved,
  onCancel,
}: {
  contract: Contract | null;
  orgs: OrgOption[];
  onSaved: (c: Contract) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const id = (f: string) => `contract-${contract?.id ?? 'new'}-${f}`;
  const [v, setV] = useState(() => ({
    organizationId: contract?.organizationId ?? '',
    contractingOrganizationId:
      contract?.contractingOrganizationId ?? orgs.find((o) => o.type === 'probation')?.id ?? '',
    reference: contract?.reference ?? '',
    startsOn: contract?.startsOn ?? countyDate(),
    endsOn: contract?.endsOn ?? '',
    fundingSource: contract?.fundingSource ?? '',
    services: contract?.services ?? [...CONTRACT_SERVICES],
    capacity: String(contract?.capacity ?? ''),
    firstContactHours: String(contract?.firstContactHours ?? 24),
    responseTerms: contract?.responseTerms ?? '',
    documentRefs: (contract?.documentRefs ?? []).join('\n'),
    terminatedOn: contract?.terminatedOn ?? '',
  }));
  const set = (k: keyof typeof v) => (value: string) => setV((x) => ({ ...x, [k]: value }));
  const form = useFormRun();
  const check = () => {
    const list: FieldProblem[] = [];
    const need = (ok: boolean, f: string, key: string) => {
      if (!ok) list.push({ field: id(f), message: t(`countyAdvocacy.contract.errors.${key}`) });
    };
    need(!!v.organizationId, 'org', 'organization');
    need(!!v.contractingOrganizationId, 'dept', 'department');
    need(v.reference.trim().length >= 2, 'reference', 'reference');
    need(DAY.test(v.startsOn), 'starts', 'starts');
    need(DAY.test(v.endsOn) && (!DAY.test(v.startsOn) || v.endsOn >= v.startsOn), 'ends', 'ends');
    need(v.fundingSource.trim().length >= 2, 'funding', 'funding');
    if (v.services.length === 0)
      list.push({ field: id('services'), message: t('countyAdvocacy.contract.errors.services') });
    need(/^\d+$/.test(v.capacity) && Number(v.capacity) >= 1, 'capacity', 'capacity');
    need(
      /^\d+$/.test(v.firstContactHours) && Number(v.firstContactHours) >= 1 && Number(v.firstContactHours) <= 720,
      'hours',
      'hours',
    );
    need(!v.terminatedOn || DAY.test(v.terminatedOn), 'terminated', 'terminated');
    return list;
  };
  const send = async () => {
    const body = {
      organizationId: v.organizationId,
      contractingOrganizationId: v.contractingOrganizationId,
      reference: v.reference.trim(),
      startsOn: v.startsOn,
      endsOn: v.endsOn,
      fundingSource: v.fundingSource.trim(),
      services: v.services,
      capacity: Number(v.capacity),
      firstContactHours: Number(v.firstContactHours),
      responseTerms: v.responseTerms.trim() || null,
      documentRefs: v.documentRefs
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean),
      terminatedOn: v.terminatedOn || null,
    };
    const saved = contract
      ? await api<Contract>(`/api/advocacy/contracts/${encodeURIComponent(contract.id)}`, {
          method: 'PATCH',
          body: { ...body, version: contract.version },
        })
      : await api<Contract>('/api/advocacy/contracts', { method: 'POST', body });
    onSaved(saved);
  };
  const headingId = id('heading');
  const err = (f: string) => form.errorFor(id(f));
  return (
    <form
      className="usa-form usa-form--large harbor-wide-form"
      noValidate
      onSubmit={(e) => form.run(e, check, send)}
      aria-labelledby={headingId}
    >
      <h3 id={headingId}>
        {contract
          ? t('countyAdvocacy.contract.editHeading', { reference: contract.reference })
          : t('countyAdvocacy.contract.newHeading')}
      </h3>
      {form.alerts(t('countyAdvocacy.contract.failed'))}
      <SelectField
        id={id('org')}
        label={t('countyAdvocacy.contract.organization')}
        error={err('org')}
        value={v.organizationId}
        onChange={set('organizationId')}
        options={orgs.filter((o) => o.type === 'advocacy_cbo').map((o) => ({ value: o.id, label: o.name }))}
      />
      <SelectField
        id={id('dept')}
        label={t('countyAdvocacy.contract.department')}
        error={err('dept')}
        value={v.contractingOrganizationId}
        onChange={set('contractingOrganizationId')}
        options={orgs.filter((o) => o.type !== 'advocacy_cbo').map((o) => ({ value: o.id, label: o.name }))}
      />
      <TextField
        id={id('reference')}
        label={t('countyAdvocacy.contract.reference')}
        maxLength={120}
        error={err('reference')}
        value={v.reference}
        onChange={set('reference')}
      />
      <DateField
        id={id('starts')}
        label={t('countyAdvocacy.contract.startsOn')}
        error={err('starts')}
        value={v.startsOn}
        onChange={set('startsOn')}
      />
      <DateField
        id={id('ends')}
        label={t('countyAdvocacy.contract.endsOn')}
        error={err('ends')}
        value={v.endsOn}
        onChange={set('endsOn')}
      />
      <TextField
        id={id('funding')}
        label={t('countyAdvocacy.contract.funding')}
        maxLength={200}
        error={err('funding')}
        value={v.fundingSource}
        onChange={set('fundingSource')}
      />
      <Fieldset legend={t('countyAdvocacy.contract.services')} id={id('services')}>
        {err('services') && <span className="usa-error-message">{err('services')}</span>}
        {CONTRACT_SERVICES.map((s) => (
          <Checkbox
            key={s}
            id={id(`service-${s}`)}
            name="services"
            label={t(`countyAdvocacy.services.${s}`)}
            checked={v.services.includes(s)}
            onChange={(e) =>
              setV((x) => ({
                ...x,
                services: e.target.checked
                  ? CONTRACT_SERVICES.filter((c) => c === s || x.services.includes(c))
                  : x.services.filter((c) => c !== s),
              }))
            }
          />
        ))}
      </Fieldset>
      <TextField
        id={id('capacity')}
        inputType="number"
        label={t('countyAdvocacy.contract.capacity')}
        hint={t('countyAdvocacy.contract.capacityHint')}
        error={err('capacity')}
        value={v.capacity}
        onChange={set('capacity')}
      />
      <TextField
        id={id('hours')}
        inputType="number"
        label={t('countyAdvocacy.contract.hours')}
        hint={t('countyAdvocacy.contract.hoursHint')}
        error={err('hours')}
        value={v.firstContactHours}
        onChange={set('firstContactHours')}
      />
      <TextField
        id={id('terms')}
        multiline
        optional
        label={t('countyAdvocacy.contract.terms')}
        value={v.responseTerms}
        onChange={set('responseTerms')}
      />
      <TextField
        id={id('docs')}
        multiline
        optional
        label={t('countyAdvocacy.contract.documents')}
        hint={t('countyAdvocacy.contract.documentsHint')}
        value={v.documentRefs}
        onChange={set('documentRefs')}
      />
      {contract && (
        <DateField
          id={id('terminated')}
          optional
          label={t('countyAdvocacy.contract.terminatedOn')}
          error={err('terminated')}
          value={v.terminatedOn}
          onChange={set('terminatedOn')}
        />
      )}
      <div className="harbor-step-buttons">
        <Button type="submit" disabled={form.saving}>
          {form.saving ? form.savingLabel : t('countyAdvocacy.contract.submit')}
        </Button>
        <Button type="button" unstyled onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
