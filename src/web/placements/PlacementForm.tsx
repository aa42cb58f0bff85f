import { Button, Checkbox, Select, TextInput } from '@trussworks/react-uswds';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api';
import { ActionErrorAlert, toActionError, type ActionError } from '../components/ActionErrorAlert';
import { DateTimeInput } from '../components/DateTimeInput';
import { ErrorSummary, type FieldProblem } from '../components/ErrorSummary';
import { Field } from '../components/Field';
import { countyDateTimeInput, countyInputToIso, formatCountyDateTime } from '../lib/format';
import { serverFieldProblems } from '../lib/serverProblems';
import { useLanguage } from '../lib/useLanguage';
import type { ProviderView as Provider } from '../../contract/directory';
import type { PlacementView as Placement } from '../../contract/placements';
import { PLACEMENT_TYPE_KEYS } from '../../domain/placements';
import { CsecTrainedField, csecTrainedValue, type Trained } from './CsecTrainedField';
import { overlapProblem, overlapping, START_AHEAD_MS } from './placementRules';
import { ProviderPicker } from './ProviderPicker';

interface Props {
  youthId: string;
  placements: Placement[];
  onSaved: (placement: Placement, endedPrevious: Placement | null) => void;
  onCancel: () => void;
}

const ID = {
  type: 'placement-type',
  provider: 'placement-provider',
  start: 'placement-start',
  end: 'placement-end',
  reason: 'placement-reason',
  trained: 'placement-trained',
  address: 'placement-address',
};

/** Records where the youth lives now (or lived): type, the provider from the directory, dates, why, and the address. */
export function PlacementForm({ youthId, placements, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [type, setType] = useState('');
  const [provider, setProvider] = useState<Provider | null>(null);
  const [start, setStart] = useState(() => countyDateTimeInput());
  const [end, setEnd] = useState('');
  const [reason, setReason] = useState('');
  const [trained, setTrained] = useState<Trained>('');
  const [address, setAddress] = useState('');
  const [endCurrent, setEndCurrent] = useState(true);
  const [problems, setProblems] = useState<{ list: FieldProblem[]; attempt: number } | null>(null);
  const [error, setError] = useState<ActionError | null>(null);
  const [saving, setSaving] = useState(false);
  const attempt = useRef(0);

  const base = `/api/youth/${encodeURIComponent(youthId)}/placements`;
  const startIso = countyInputToIso(start);
  // The open placement this one would follow: offered to be ended when the new one starts.
  const open = placements.find((p) => p.endAt === null) ?? null;
  const canEndOpen = !!open && !!startIso && new Date(startIso).getTime() > new Date(open.startAt).getTime();
  const willEnd = canEndOpen && endCurrent ? open : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    attempt.current += 1;
    setError(null);
    const list: FieldProblem[] = [];
    const endIso = end ? countyInputToIso(end) : null;
    if (!type) list.push({ field: ID.type, message: t('placementForm.errors.type') });
    if (!startIso) list.push({ field: ID.start, message: t('placementForm.errors.start') });
    else if (new Date(startIso).getTime() > Date.now() + START_AHEAD_MS)
      list.push({ field: ID.start, message: t('placementForm.errors.startAhead') });
    if (end && !endIso) list.push({ field: ID.end, message: t('placementForm.errors.end') });
    if (startIso && endIso && endIso <= startIso)
      list.push({ field: ID.end, message: t('placementForm.errors.endBeforeStart') });
    if (startIso && (!endIso || endIso > startIso)) {
      const clash = overlapping(placements, startIso, endIso, willEnd ? [willEnd.id] : []);
      if (clash) list.push(overlapProblem(ID.start, clash, t, language));
    }
    if (list.length || !startIso) {
      setProblems({ list, attempt: attempt.current });
      return;
    }
    setProblems(null);
    setSaving(true);
    let ended: Placement | null = null;
    try {
      if (willEnd)
        ended = await api<Placement>(`${base}/${encodeURIComponent(willEnd.id)}`, {
          method: 'PATCH',
          body: { version: willEnd.version, endAt: startIso },
        });
      const saved = await api<Placement>(base, {
        method: 'POST',
        body: {
          placementType: type,
          providerId: provider?.id ?? null,
          startAt: startIso,
          endAt: endIso,
          changeReason: reason.trim() || null,
          csecTrained: csecTrainedValue(trained),
          address: address.trim() || null,
        },
      });
      onSaved(saved, ended);
    } catch (err) {
      // The previous placement was ended for this one: put it back as it was.
      if (ended)
        await api(`${base}/${encodeURIComponent(ended.id)}`, {
          method: 'PATCH',
          body: { version: ended.version, endAt: null },
        }).catch(() => undefined);
      setSaving(false);
      if (err instanceof ApiError && err.code === 'placement_overlap') {
        setProblems({
          list: [{ field: ID.start, message: t('placementForm.errors.overlapServer') }],
          attempt: attempt.current,
        });
      } else if (err instanceof ApiError && err.status === 400) {
        setProblems({
          list: serverFieldProblems(
            err,
            {
              placementType: { id: ID.type, label: t('placementForm.type') },
              providerId: { id: ID.provider, label: t('placementForm.provider') },
              startAt: { id: ID.start, label: t('placementForm.start') },
              endAt: { id: ID.end, label: t('placementForm.end') },
              changeReason: { id: ID.reason, label: t('placementForm.reason') },
              address: { id: ID.address, label: t('placementForm.address') },
            },
            { id: ID.type, label: t('placementForm.type') },
          ),
          attempt: attempt.current,
        });
      } else setError(toActionError(err, attempt.current));
    }
  };

  const errorFor = (id: string) => problems?.list.find((p) => p.field === id)?.message;

  return (
    <form
      className="usa-form usa-form--large harbor-wide-form"
      noValidate
      onSubmit={(e) => void submit(e)}
      aria-labelledby="placement-form-heading"
    >
      <h4 id="placement-form-heading" className="harbor-form-heading">
        {t('placementForm.heading')}
      </h4>
      {problems && <ErrorSummary key={problems.attempt} problems={problems.list} headingLevel="h5" />}
      {error && (
        <ActionErrorAlert key={error.attempt} error={error} heading={t('placementForm.failed')} headingLevel="h5" />
      )}

      <Field id={ID.type} label={t('placementForm.type')} error={errorFor(ID.type)}>
        {(describedBy) => (
          <Select
            id={ID.type}
            name="placementType"
            value={type}
            validationStatus={errorFor(ID.type) ? 'error' : undefined}
            aria-invalid={!!errorFor(ID.type) || undefined}
            aria-describedby={describedBy}
            onChange={(e) => {
              setType(e.target.value);
              if (provider && !provider.placementTypes.includes(e.target.value)) setProvider(null);
            }}
          >
            <option value="">{t('common.choose')}</option>
            {PLACEMENT_TYPE_KEYS.map((p) => (
              <option key={p} value={p}>
                {t(`placementTypes.${p}`)}
              </option>
            ))}
          </Select>
        )}
      </Field>

      {type ? (
        <ProviderPicker
          id={ID.provider}
          legend={t('placementForm.provider')}
          filter={{ placementType: type }}
          selected={provider}
          onSelect={setProvider}
          error={errorFor(ID.provider)}
        />
      ) : (
        <p className="usa-hint">{t('placementForm.providerAfterType')}</p>
      )}

      <div className="harbor-date-pair">
        <Field
          id={ID.start}
          label={t('placementForm.start')}
          hint={t('forms.countyTimeHint')}
          error={errorFor(ID.start)}
        >
          {(describedBy) => (
            <DateTimeInput
              id={ID.start}
              name="startAt"
              kind="datetime-local"
              value={start}
              invalid={!!errorFor(ID.start)}
              aria-describedby={describedBy}
              onChange={(e) => setStart(e.target.value)}
            />
          )}
        </Field>
        <Field
          id={ID.end}
          label={t('placementForm.end')}
          optional
          optionalText={t('forms.optional')}
          hint={t('placementForm.endHint')}
          error={errorFor(ID.end)}
        >
          {(describedBy) => (
            <DateTimeInput
              id={ID.end}
              name="endAt"
              kind="datetime-local"
              value={end}
              invalid={!!errorFor(ID.end)}
              aria-describedby={describedBy}
              onChange={(e) => setEnd(e.target.value)}
            />
          )}
        </Field>
      </div>

      {canEndOpen && open && (
        <div className="margin-top-3">
          <Checkbox
            id="placement-end-current"
            name="endCurrent"
            tile
            checked={endCurrent}
            onChange={(e) => setEndCurrent(e.target.checked)}
            label={t('placementForm.endCurrent', {
              label: t(`placementTypes.${open.placementType}`),
              since: formatCountyDateTime(open.startAt, language),
            })}
            labelDescription={t('placementForm.endCurrentHint')}
          />
        </div>
      )}

      <Field
        id={ID.reason}
        label={t('placementForm.reason')}
        hint={t('placementForm.reasonHint')}
        optional
        optionalText={t('forms.optional')}
        error={errorFor(ID.reason)}
      >
        {(describedBy) => (
          <TextInput
            id={ID.reason}
            name="changeReason"
            type="text"
            maxLength={500}
            value={reason}
            aria-describedby={describedBy}
            onChange={(e) => setReason(e.target.value)}
          />
        )}
      </Field>

      <CsecTrainedField id={ID.trained} value={trained} onChange={setTrained} />

      <Field
        id={ID.address}
        label={t('placementForm.address')}
        hint={t('placementForm.addressHint')}
        optional
        optionalText={t('forms.optional')}
        error={errorFor(ID.address)}
      >
        {(describedBy) => (
          <TextInput
            id={ID.address}
            name="address"
            type="text"
            maxLength={300}
            autoComplete="off"
            value={address}
            aria-describedby={describedBy}
            onChange={(e) => setAddress(e.target.value)}
          />
        )}
      </Field>
      {provider?.address && address.trim() !== provider.address && (
        <Button type="button" unstyled className="margin-top-1" onClick={() => setAddress(provider.address ?? '')}>
          {t('placementForm.useProviderAddress', { address: provider.address })}
        </Button>
      )}

      <div className="harbor-step-buttons">
        <Button type="submit" disabled={saving}>
          {saving ? t('forms.saving') : t('placementForm.submit')}
        </Button>
        <Button type="button" unstyled onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
