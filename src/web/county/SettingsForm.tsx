import { Button, Checkbox, TextInput } from '@trussworks/react-uswds';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api';
import { ActionErrorAlert, toActionError, type ActionError } from '../components/ActionErrorAlert';
import { ErrorSummary, type FieldProblem } from '../components/ErrorSummary';
import { Field } from '../components/Field';
import { FocusedAlert } from '../components/FocusedAlert';
import { fieldProblemMessage, pointerFields, problemMessage } from '../lib/problems';
import { useLanguage } from '../lib/useLanguage';
import { monthName } from './months';
import { DebriefNote, SettingsSection } from './SettingsSection';
import {
  ADVOCACY_NUMBERS,
  ALL_BOOLEANS,
  ALL_NUMBERS,
  CROSS_REPORT_SETTINGS,
  ESCALATION_BOOLEANS,
  ESCALATION_NUMBERS,
  MDT_TIERS,
  MISSING_BOOLEANS,
  MISSING_NUMBERS,
  ORGANIZATION_TYPES,
  RESPONSE_SETTINGS,
  SCREENING_SETTINGS,
  fieldId,
  valueAt,
  withValue,
  type BooleanSetting,
  type CountySettings,
  type CountySettingsView,
  type MdtTier,
  type NumberSetting,
  type OrganizationType,
} from './types';

interface TrainingRow {
  row: number;
  key: string;
  label: string;
}

const TRAININGS_ID = 'settings-trainings';
const MONTHS_ID = 'settings-months';
const partiesId = (tier: MdtTier) => `settings-parties-${tier}`;
const trainingKeyId = (row: number) => `settings-training-key-${row}`;
const trainingLabelId = (row: number) => `settings-training-label-${row}`;
const TRAINING_KEY = /^[a-z0-9_]{2,40}$/;

interface Props {
  view: CountySettingsView;
  onSaved: (view: CountySettingsView) => void;
  /** After a conflict: load the latest version (the form starts again from it). */
  onReload: () => void;
}

/** The whole settings document in one form, saved with the version it was loaded at. */
export function SettingsForm({ view, onSaved, onReload }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [numbers, setNumbers] = useState<Record<string, string>>(() =>
    Object.fromEntries(ALL_NUMBERS.map((s) => [s.path, String(valueAt(view.settings, s.path))])),
  );
  const [flags, setFlags] = useState<Record<string, boolean>>(() =>
    Object.fromEntries(ALL_BOOLEANS.map((s) => [s.path, valueAt(view.settings, s.path) === true])),
  );
  const [parties, setParties] = useState<Record<MdtTier, OrganizationType[]>>(() =>
    structuredClone(view.settings.mdtRequiredParties),
  );
  const [trainings, setTrainings] = useState<TrainingRow[]>(() =>
    view.settings.advocacy.requiredTrainings.map((tr, i) => ({ row: i, ...tr })),
  );
  const [months, setMonths] = useState<number[]>(() => [...view.settings.advocacy.reportPeriodStartMonths]);
  const [problems, setProblems] = useState<{ list: FieldProblem[]; attempt: number } | null>(null);
  const [error, setError] = useState<ActionError | null>(null);
  const [conflict, setConflict] = useState<number | null>(null);
  const [saving, setSaving] = useState(false);
  const [focusRow, setFocusRow] = useState<number | null>(null);
  const attempt = useRef(0);
  const nextRow = useRef(trainings.length);

  useEffect(() => {
    if (focusRow !== null) document.getElementById(trainingKeyId(focusRow))?.focus();
  }, [focusRow]);

  const numberLabel = (s: NumberSetting) => t(`countySettings.fields.${s.path}.label`);

  const check = (): FieldProblem[] => {
    const list: FieldProblem[] = [];
    for (const s of ALL_NUMBERS) {
      const v = (numbers[s.path] ?? '').trim();
      if (!/^\d+$/.test(v) || Number(v) < s.min || Number(v) > s.max) {
        list.push({
          field: fieldId(s.path),
          message: t('countySettings.errors.number', { label: numberLabel(s), min: s.min, max: s.max }),
        });
      }
    }
    for (const tier of MDT_TIERS) {
      if (parties[tier].length === 0)
        list.push({
          field: partiesId(tier),
          message: t('countySettings.errors.parties', { tier: t(`countySettings.tiers.${tier}`) }),
        });
    }
    if (trainings.length === 0) list.push({ field: TRAININGS_ID, message: t('countySettings.errors.noTrainings') });
    trainings.forEach((tr, i) => {
      if (!TRAINING_KEY.test(tr.key.trim()))
        list.push({ field: trainingKeyId(tr.row), message: t('countySettings.errors.trainingKey', { n: i + 1 }) });
      const label = tr.label.trim();
      if (label.length < 2 || label.length > 120)
        list.push({ field: trainingLabelId(tr.row), message: t('countySettings.errors.trainingLabel', { n: i + 1 }) });
    });
    if (months.length === 0) list.push({ field: MONTHS_ID, message: t('countySettings.errors.months') });
    return list;
  };

  const settingsOf = (): CountySettings => {
    let next = structuredClone(view.settings);
    for (const s of ALL_NUMBERS) next = withValue(next, s.path, Number(numbers[s.path]));
    for (const s of ALL_BOOLEANS) next = withValue(next, s.path, flags[s.path] === true);
    next.mdtRequiredParties = {
      crisis: [...parties.crisis],
      initial: [...parties.initial],
      ongoing: [...parties.ongoing],
    };
    next.advocacy.requiredTrainings = trainings.map((tr) => ({ key: tr.key.trim(), label: tr.label.trim() }));
    next.advocacy.reportPeriodStartMonths = [...months].sort((a, b) => a - b);
    return next;
  };

  /** The server's field errors (`/body/settings/missing/debriefHours`, a code) as links to those fields. */
  const serverProblems = (err: ApiError): FieldProblem[] => {
    if (err.errors.length === 0)
      return [
        {
          field: fieldId(RESPONSE_SETTINGS[0]!.path),
          message: `${t('countySettings.errors.server')}: ${problemMessage(err)}`,
        },
      ];
    return err.errors.map((e) => {
      const path = (pointerFields(e.pointer)[0] ?? '').replace(/^settings\./, '');
      const said = fieldProblemMessage(e);
      const number = ALL_NUMBERS.find((s) => s.path === path);
      if (number) return { field: fieldId(path), message: `${numberLabel(number)}: ${said}` };
      const flag = ALL_BOOLEANS.find((s) => s.path === path);
      if (flag) return { field: fieldId(path), message: `${t(`countySettings.fields.${path}.label`)}: ${said}` };
      const tier = MDT_TIERS.find((x) => path.startsWith(`mdtRequiredParties.${x}`));
      if (tier) return { field: partiesId(tier), message: `${t(`countySettings.tiers.${tier}`)}: ${said}` };
      if (path.startsWith('advocacy.requiredTrainings'))
        return { field: TRAININGS_ID, message: `${t('countySettings.trainings.legend')}: ${said}` };
      if (path.startsWith('advocacy.reportPeriodStartMonths'))
        return { field: MONTHS_ID, message: `${t('countySettings.months.legend')}: ${said}` };
      return { field: fieldId(RESPONSE_SETTINGS[0]!.path), message: `${t('countySettings.errors.server')}: ${said}` };
    });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    attempt.current += 1;
    setError(null);
    setConflict(null);
    const list = check();
    if (list.length) {
      setProblems({ list, attempt: attempt.current });
      return;
    }
    setProblems(null);
    setSaving(true);
    try {
      const saved = await api<CountySettingsView>('/api/county/settings', {
        method: 'PUT',
        body: { version: view.version, settings: settingsOf() },
      });
      onSaved(saved);
    } catch (err) {
      setSaving(false);
      if (err instanceof ApiError && err.status === 409) setConflict(attempt.current);
      else if (err instanceof ApiError && err.status === 400)
        setProblems({ list: serverProblems(err), attempt: attempt.current });
      else setError(toActionError(err, attempt.current));
    }
  };

  const errorFor = (id: string) => problems?.list.find((p) => p.field === id)?.message;

  const numberField = (s: NumberSetting) => {
    const id = fieldId(s.path);
    return (
      <Field
        key={s.path}
        id={id}
        label={numberLabel(s)}
        hint={t(`countySettings.fields.${s.path}.hint`)}
        error={errorFor(id)}
      >
        {(describedBy) => (
          <TextInput
            id={id}
            name={s.path}
            type="number"
            min={s.min}
            max={s.max}
            step={1}
            inputMode="numeric"
            className="usa-input--small"
            value={numbers[s.path] ?? ''}
            validationStatus={errorFor(id) ? 'error' : undefined}
            aria-invalid={!!errorFor(id) || undefined}
            aria-describedby={describedBy}
            onChange={(e) => setNumbers((n) => ({ ...n, [s.path]: e.target.value }))}
          />
        )}
      </Field>
    );
  };

  const booleanField = (s: BooleanSetting) => {
    const id = fieldId(s.path);
    return (
      <div key={s.path} className="margin-top-3">
        <Checkbox
          id={id}
          name={s.path}
          label={t(`countySettings.fields.${s.path}.label`)}
          labelDescription={t(`countySettings.fields.${s.path}.hint`)}
          checked={flags[s.path] === true}
          onChange={(e) => setFlags((f) => ({ ...f, [s.path]: e.target.checked }))}
        />
      </div>
    );
  };

  const groupError = (id: string) => errorFor(id) && <span className="usa-error-message">{errorFor(id)}</span>;

  const addTraining = () => {
    const row = nextRow.current++;
    setTrainings((list) => [...list, { row, key: '', label: '' }]);
    setFocusRow(row);
  };

  const removeTraining = (row: number) => {
    setTrainings((list) => list.filter((tr) => tr.row !== row));
    setFocusRow(null);
    document.getElementById('settings-add-training')?.focus();
  };

  return (
    <form
      className="usa-form usa-form--large harbor-wide-form"
      noValidate
      aria-label={t('countySettings.formLabel')}
      onSubmit={(e) => void submit(e)}
    >
      {problems && <ErrorSummary key={problems.attempt} problems={problems.list} headingLevel="h2" />}
      {conflict !== null && (
        <FocusedAlert key={conflict} heading={t('countySettings.conflict.heading')} headingLevel="h2">
          <p className="usa-alert__text">{t('countySettings.conflict.body')}</p>
          <p className="usa-alert__text">
            <Button type="button" onClick={onReload}>
              {t('countySettings.conflict.reload')}
            </Button>
          </p>
        </FocusedAlert>
      )}
      {error && (
        <ActionErrorAlert key={error.attempt} error={error} heading={t('countySettings.failed')} headingLevel="h2" />
      )}

      <SettingsSection name="response">{RESPONSE_SETTINGS.map(numberField)}</SettingsSection>

      <SettingsSection name="parties">
        {MDT_TIERS.map((tier) => (
          <fieldset
            key={tier}
            className="usa-fieldset harbor-form-fieldset"
            id={partiesId(tier)}
            aria-describedby={`${partiesId(tier)}-hint`}
          >
            <legend className="usa-legend">{t(`countySettings.tiers.${tier}`)}</legend>
            <span className="usa-hint display-block" id={`${partiesId(tier)}-hint`}>
              {t('countySettings.partiesHint')}
            </span>
            {groupError(partiesId(tier))}
            <div className="harbor-check-columns">
              {ORGANIZATION_TYPES.map((type) => (
                <Checkbox
                  key={type}
                  id={`${partiesId(tier)}-${type}`}
                  name={`parties-${tier}`}
                  label={t(`organizationTypes.${type}`)}
                  checked={parties[tier].includes(type)}
                  onChange={(e) =>
                    setParties((p) => ({
                      ...p,
                      [tier]: e.target.checked
                        ? [...p[tier].filter((x) => x !== type), type]
                        : p[tier].filter((x) => x !== type),
                    }))
                  }
                />
              ))}
            </div>
          </fieldset>
        ))}
      </SettingsSection>

      <SettingsSection name="crossReport">{CROSS_REPORT_SETTINGS.map(numberField)}</SettingsSection>
      <SettingsSection name="screening">{SCREENING_SETTINGS.map(numberField)}</SettingsSection>

      <SettingsSection name="missing">
        <DebriefNote hours={view.settings.missing.debriefHours} />
        {MISSING_NUMBERS.slice(0, 3).map(numberField)}
        {booleanField(MISSING_BOOLEANS[0]!)}
        {numberField(MISSING_NUMBERS[3]!)}
        {booleanField(MISSING_BOOLEANS[1]!)}
        {MISSING_NUMBERS.slice(4).map(numberField)}
      </SettingsSection>

      <SettingsSection name="advocacy">
        <fieldset
          className="usa-fieldset harbor-form-fieldset"
          id={TRAININGS_ID}
          aria-describedby={`${TRAININGS_ID}-hint`}
        >
          <legend className="usa-legend">{t('countySettings.trainings.legend')}</legend>
          <span className="usa-hint display-block" id={`${TRAININGS_ID}-hint`}>
            {t('countySettings.trainings.hint')}
          </span>
          {groupError(TRAININGS_ID)}
          {trainings.map((tr, i) => (
            <fieldset key={tr.row} className="usa-fieldset harbor-form-fieldset margin-top-2">
              <legend className="usa-legend">{t('countySettings.trainings.row', { n: i + 1 })}</legend>
              <Field
                id={trainingKeyId(tr.row)}
                label={t('countySettings.trainings.key')}
                error={errorFor(trainingKeyId(tr.row))}
              >
                {(describedBy) => (
                  <TextInput
                    id={trainingKeyId(tr.row)}
                    name={`training-key-${tr.row}`}
                    type="text"
                    maxLength={40}
                    autoComplete="off"
                    spellCheck={false}
                    value={tr.key}
                    validationStatus={errorFor(trainingKeyId(tr.row)) ? 'error' : undefined}
                    aria-invalid={!!errorFor(trainingKeyId(tr.row)) || undefined}
                    aria-describedby={describedBy}
                    onChange={(e) =>
                      setTrainings((list) => list.map((x) => (x.row === tr.row ? { ...x, key: e.target.value } : x)))
                    }
                  />
                )}
              </Field>
              <Field
                id={trainingLabelId(tr.row)}
                label={t('countySettings.trainings.label')}
                error={errorFor(trainingLabelId(tr.row))}
              >
                {(describedBy) => (
                  <TextInput
                    id={trainingLabelId(tr.row)}
                    name={`training-label-${tr.row}`}
                    type="text"
                    maxLength={120}
                    autoComplete="off"
                    value={tr.label}
                    validationStatus={errorFor(trainingLabelId(tr.row)) ? 'error' : undefined}
                    aria-invalid={!!errorFor(trainingLabelId(tr.row)) || undefined}
                    aria-describedby={describedBy}
                    onChange={(e) =>
                      setTrainings((list) => list.map((x) => (x.row === tr.row ? { ...x, label: e.target.value } : x)))
                    }
                  />
                )}
              </Field>
              <Button type="button" unstyled className="margin-top-1" onClick={() => removeTraining(tr.row)}>
                {t('countySettings.trainings.remove', { n: i + 1 })}
              </Button>
            </fieldset>
          ))}
          <Button
            type="button"
            outline
            id="settings-add-training"
            className="margin-top-2"
            disabled={trainings.length >= 20}
            onClick={addTraining}
          >
            {t('countySettings.trainings.add')}
          </Button>
        </fieldset>
        {numberField(ADVOCACY_NUMBERS[0]!)}
        <fieldset className="usa-fieldset harbor-form-fieldset" id={MONTHS_ID} aria-describedby={`${MONTHS_ID}-hint`}>
          <legend className="usa-legend">{t('countySettings.months.legend')}</legend>
          <span className="usa-hint display-block" id={`${MONTHS_ID}-hint`}>
            {t('countySettings.months.hint')}
          </span>
          {groupError(MONTHS_ID)}
          <div className="harbor-check-columns">
            {Array.from({ length: 12 }, (_, i) => i + 1).map((m) => (
              <Checkbox
                key={m}
                id={`${MONTHS_ID}-${m}`}
                name="months"
                label={monthName(m, language)}
                checked={months.includes(m)}
                onChange={(e) =>
                  setMonths((list) =>
                    e.target.checked ? [...list.filter((x) => x !== m), m] : list.filter((x) => x !== m),
                  )
                }
              />
            ))}
          </div>
        </fieldset>
        {numberField(ADVOCACY_NUMBERS[1]!)}
      </SettingsSection>

      <SettingsSection name="escalation">
        {ESCALATION_BOOLEANS.slice(0, 2).map(booleanField)}
        {ESCALATION_NUMBERS.map(numberField)}
        {ESCALATION_BOOLEANS.slice(2).map(booleanField)}
      </SettingsSection>

      <Button type="submit" className="margin-top-4" disabled={saving}>
        {saving ? t('countySettings.saving') : t('countySettings.save')}
      </Button>
    </form>
  );
}
