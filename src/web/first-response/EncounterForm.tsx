import { Button, TextInput } from '@trussworks/react-uswds';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { ActionErrorAlert, toActionError, type ActionError } from '../components/ActionErrorAlert';
import { ChoiceSelect, type Choice } from '../components/ChoiceSelect';
import { DateTimeInput } from '../components/DateTimeInput';
import { ErrorSummary, type FieldProblem } from '../components/ErrorSummary';
import { Field } from '../components/Field';
import { countyDateTimeInput, countyInputToIso } from '../lib/format';
import type { Organization } from '../../contract/people';
import { LOCATION_TYPES } from '../../domain/first-response';

interface AgencyRow {
  key: number;
  organizationId: string;
  notifiedAt: string;
  arrivedAt: string;
}

interface Props {
  youthId: string;
  organizations: Organization[];
  onSaved: (obligations: number) => void;
  onCancel: () => void;
}

/** Records a First Responder Protocol encounter: who found the youth, the hotline call, the agencies notified. */
export function EncounterForm({ youthId, organizations, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const [foundByOrg, setFoundByOrg] = useState('');
  const [foundByName, setFoundByName] = useState('');
  const [foundAt, setFoundAt] = useState(() => countyDateTimeInput());
  const [locationType, setLocationType] = useState('');
  const [spa, setSpa] = useState('');
  const [address, setAddress] = useState('');
  const [hotlineAt, setHotlineAt] = useState(() => countyDateTimeInput());
  const [hotlineRef, setHotlineRef] = useState('');
  const [agencies, setAgencies] = useState<AgencyRow[]>([]);
  const [advocateOrg, setAdvocateOrg] = useState('');
  const [advocateAt, setAdvocateAt] = useState('');
  const [wentTo, setWentTo] = useState('');
  const [problems, setProblems] = useState<{ list: FieldProblem[]; attempt: number } | null>(null);
  const [error, setError] = useState<ActionError | null>(null);
  const [saving, setSaving] = useState(false);
  const attempt = useRef(0);
  const nextKey = useRef(1);
  const focusLater = (id: string) => window.setTimeout(() => document.getElementById(id)?.focus(), 0);

  const addAgency = () => {
    const key = nextKey.current++;
    setAgencies((rows) => [...rows, { key, organizationId: '', notifiedAt: hotlineAt, arrivedAt: '' }]);
    focusLater(`fr-agency-${key}-org`);
  };
  const removeAgency = (key: number) => {
    setAgencies((rows) => rows.filter((r) => r.key !== key));
    focusLater('fr-add-agency');
  };
  const updateAgency = (key: number, change: Partial<AgencyRow>) =>
    setAgencies((rows) => rows.map((r) => (r.key === key ? { ...r, ...change } : r)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    attempt.current += 1;
    setError(null);
    const list: FieldProblem[] = [];
    const foundIso = countyInputToIso(foundAt);
    const hotlineIso = countyInputToIso(hotlineAt);
    const advocateIso = advocateAt ? countyInputToIso(advocateAt) : null;
    const soon = Date.now() + 60_000;
    if (!foundByOrg) list.push({ field: 'fr-found-org', message: t('firstResponse.errors.foundByOrg') });
    if (foundByName.trim().length < 2)
      list.push({ field: 'fr-found-name', message: t('firstResponse.errors.foundByName') });
    if (!foundIso) list.push({ field: 'fr-found-at', message: t('firstResponse.errors.foundAt') });
    else if (new Date(foundIso).getTime() > soon)
      list.push({ field: 'fr-found-at', message: t('firstResponse.errors.future') });
    if (!locationType) list.push({ field: 'fr-location', message: t('firstResponse.errors.location') });
    const spaNumber = spa.trim() ? Number(spa.trim()) : null;
    if (spaNumber !== null && !(Number.isInteger(spaNumber) && spaNumber >= 1 && spaNumber <= 99))
      list.push({ field: 'fr-spa', message: t('firstResponse.errors.spa') });
    if (!hotlineIso) list.push({ field: 'fr-hotline-at', message: t('firstResponse.errors.hotlineAt') });
    const rows = agencies.map((a) => ({
      a,
      notified: countyInputToIso(a.notifiedAt),
      arrived: a.arrivedAt ? countyInputToIso(a.arrivedAt) : null,
    }));
    rows.forEach(({ a, notified, arrived }, i) => {
      const n = i + 1;
      if (!a.organizationId)
        list.push({ field: `fr-agency-${a.key}-org`, message: t('firstResponse.errors.agency', { n }) });
      else if (agencies.findIndex((x) => x.organizationId === a.organizationId) !== i)
        list.push({ field: `fr-agency-${a.key}-org`, message: t('firstResponse.errors.agencyTwice', { n }) });
      if (!notified)
        list.push({ field: `fr-agency-${a.key}-notified`, message: t('firstResponse.errors.notifiedAt', { n }) });
      if (a.arrivedAt && !arrived)
        list.push({ field: `fr-agency-${a.key}-arrived`, message: t('firstResponse.errors.arrivedAt', { n }) });
      else if (arrived && notified && arrived < notified)
        list.push({
          field: `fr-agency-${a.key}-arrived`,
          message: t('firstResponse.errors.arrivedBeforeNotified', { n }),
        });
    });
    if (advocateAt && !advocateIso)
      list.push({ field: 'fr-advocate-at', message: t('firstResponse.errors.advocateAt') });
    if (list.length || !foundIso || !hotlineIso) {
      setProblems({ list, attempt: attempt.current });
      return;
    }
    setProblems(null);
    setSaving(true);
    const body = {
      foundByOrganizationId: foundByOrg,
      foundByName: foundByName.trim(),
      foundAt: foundIso,
      locationType,
      spaNumber,
      streetAddress: address.trim() || null,
      hotlineCalledAt: hotlineIso,
      hotlineReference: hotlineRef.trim() || null,
      notified: rows.map(({ a, notified, arrived }) => ({
        organizationId: a.organizationId,
        notifiedAt: notified ?? '',
        arrivedAt: arrived,
      })),
      advocateOrganizationId: advocateOrg || null,
      advocateDispatchedAt: advocateOrg ? advocateIso : null,
      youthWentTo: wentTo.trim() || null,
    };
    try {
      const made = await api<{ id: string; obligationIds: string[] }>(
        `/api/youth/${encodeURIComponent(youthId)}/first-response`,
        { method: 'POST', body },
      );
      onSaved(made.obligationIds.length);
    } catch (err) {
      setSaving(false);
      setError(toActionError(err, attempt.current));
    }
  };

  const errorFor = (field: string) => problems?.list.find((p) => p.field === field)?.message;
  const select = (
    id: string,
    value: string,
    onChange: (v: string) => void,
    options: readonly Choice[],
    describedBy?: string,
  ) => (
    <ChoiceSelect
      id={id}
      value={value}
      onChange={onChange}
      options={options}
      describedBy={describedBy}
      invalid={!!errorFor(id)}
    />
  );
  const text = (
    id: string,
    value: string,
    onChange: (v: string) => void,
    maxLength: number,
    describedBy?: string,
    inputMode?: 'numeric',
  ) => (
    <TextInput
      id={id}
      name={id}
      type="text"
      inputMode={inputMode}
      maxLength={maxLength}
      value={value}
      validationStatus={errorFor(id) ? 'error' : undefined}
      aria-invalid={!!errorFor(id) || undefined}
      aria-describedby={describedBy}
      onChange={(e) => onChange(e.target.value)}
    />
  );
  const when = (id: string, value: string, onChange: (v: string) => void, describedBy?: string) => (
    <DateTimeInput
      id={id}
      name={id}
      kind="datetime-local"
      value={value}
      invalid={!!errorFor(id)}
      aria-describedby={describedBy}
      onChange={(e) => onChange(e.target.value)}
    />
  );
  const orgOptions = organizations.map((o) => ({ value: o.id, label: o.name }));
  const advocacy = organizations.filter((o) => o.type === 'advocacy_cbo').map((o) => ({ value: o.id, label: o.name }));
  const optional = { optional: true, optionalText: t('forms.optional') };

  return (
    <form
      className="usa-form usa-form--large harbor-wide-form"
      noValidate
      onSubmit={(e) => void submit(e)}
      aria-labelledby="fr-form-heading"
    >
      <h3 id="fr-form-heading" className="harbor-form-heading">
        {t('firstResponse.formHeading')}
      </h3>
      <p className="usa-hint">{t('firstResponse.formHint')}</p>
      {problems && <ErrorSummary key={problems.attempt} problems={problems.list} headingLevel="h4" />}
      {error && (
        <ActionErrorAlert key={error.attempt} error={error} heading={t('firstResponse.failed')} headingLevel="h4" />
      )}

      <fieldset className="usa-fieldset">
        <legend className="usa-legend usa-legend--large">{t('firstResponse.foundLegend')}</legend>
        <Field id="fr-found-org" label={t('firstResponse.foundByOrg')} error={errorFor('fr-found-org')}>
          {(d) => select('fr-found-org', foundByOrg, setFoundByOrg, orgOptions, d)}
        </Field>
        <Field
          id="fr-found-name"
          label={t('firstResponse.foundByName')}
          hint={t('firstResponse.foundByNameHint')}
          error={errorFor('fr-found-name')}
        >
          {(d) => text('fr-found-name', foundByName, setFoundByName, 200, d)}
        </Field>
        <Field
          id="fr-found-at"
          label={t('firstResponse.foundAt')}
          hint={t('forms.countyTimeHint')}
          error={errorFor('fr-found-at')}
        >
          {(d) => when('fr-found-at', foundAt, setFoundAt, d)}
        </Field>
        <Field id="fr-location" label={t('firstResponse.locationType')} error={errorFor('fr-location')}>
          {(d) =>
            select(
              'fr-location',
              locationType,
              setLocationType,
              LOCATION_TYPES.map((v) => ({ value: v, label: t(`firstResponse.locationTypes.${v}`) })),
              d,
            )
          }
        </Field>
        <Field
          id="fr-spa"
          label={t('firstResponse.spa')}
          hint={t('firstResponse.spaHint')}
          error={errorFor('fr-spa')}
          {...optional}
        >
          {(d) => text('fr-spa', spa, setSpa, 2, d, 'numeric')}
        </Field>
        <Field id="fr-address" label={t('firstResponse.address')} hint={t('firstResponse.addressHint')} {...optional}>
          {(d) => text('fr-address', address, setAddress, 300, d)}
        </Field>
      </fieldset>

      <fieldset className="usa-fieldset margin-top-4">
        <legend className="usa-legend usa-legend--large">{t('firstResponse.hotlineLegend')}</legend>
        <Field
          id="fr-hotline-at"
          label={t('firstResponse.hotlineAt')}
          hint={t('firstResponse.hotlineAtHint')}
          error={errorFor('fr-hotline-at')}
        >
          {(d) => when('fr-hotline-at', hotlineAt, setHotlineAt, d)}
        </Field>
        <Field id="fr-hotline-ref" label={t('firstResponse.hotlineReference')} {...optional}>
          {(d) => text('fr-hotline-ref', hotlineRef, setHotlineRef, 100, d)}
        </Field>
      </fieldset>

      <fieldset className="usa-fieldset margin-top-4">
        <legend className="usa-legend usa-legend--large">{t('firstResponse.agenciesLegend')}</legend>
        <p className="usa-hint">{t('firstResponse.agenciesHint')}</p>
        {agencies.map((a, i) => {
          const n = i + 1;
          const id = (f: string) => `fr-agency-${a.key}-${f}`;
          return (
            <fieldset key={a.key} className="usa-fieldset harbor-mdt-row">
              <legend className="usa-legend text-bold">{t('firstResponse.agencyN', { n })}</legend>
              <Field id={id('org')} label={t('firstResponse.agency')} error={errorFor(id('org'))}>
                {(d) =>
                  select(id('org'), a.organizationId, (v) => updateAgency(a.key, { organizationId: v }), orgOptions, d)
                }
              </Field>
              <Field
                id={id('notified')}
                label={t('firstResponse.notifiedAt')}
                hint={t('forms.countyTimeHint')}
                error={errorFor(id('notified'))}
              >
                {(d) => when(id('notified'), a.notifiedAt, (v) => updateAgency(a.key, { notifiedAt: v }), d)}
              </Field>
              <Field
                id={id('arrived')}
                label={t('firstResponse.arrivedAt')}
                hint={t('firstResponse.arrivedAtHint')}
                error={errorFor(id('arrived'))}
                {...optional}
              >
                {(d) => when(id('arrived'), a.arrivedAt, (v) => updateAgency(a.key, { arrivedAt: v }), d)}
              </Field>
              <Button type="button" unstyled className="margin-top-2" onClick={() => removeAgency(a.key)}>
                {t('firstResponse.removeAgency', { n })}
              </Button>
            </fieldset>
          );
        })}
        <Button type="button" outline id="fr-add-agency" className="margin-top-2" onClick={addAgency}>
          {t('firstResponse.addAgency')}
        </Button>
      </fieldset>

      <fieldset className="usa-fieldset margin-top-4">
        <legend className="usa-legend usa-legend--large">{t('firstResponse.afterLegend')}</legend>
        <Field id="fr-advocate" label={t('firstResponse.advocateOrg')} {...optional}>
          {(d) => select('fr-advocate', advocateOrg, setAdvocateOrg, advocacy, d)}
        </Field>
        <Field
          id="fr-advocate-at"
          label={t('firstResponse.advocateAt')}
          hint={t('forms.countyTimeHint')}
          error={errorFor('fr-advocate-at')}
          {...optional}
        >
          {(d) => when('fr-advocate-at', advocateAt, setAdvocateAt, d)}
        </Field>
        <Field id="fr-went-to" label={t('firstResponse.wentTo')} hint={t('firstResponse.wentToHint')} {...optional}>
          {(d) => text('fr-went-to', wentTo, setWentTo, 300, d)}
        </Field>
      </fieldset>

      <div className="harbor-step-buttons">
        <Button type="submit" disabled={saving}>
          {saving ? t('forms.saving') : t('firstResponse.submit')}
        </Button>
        <Button type="button" unstyled onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
