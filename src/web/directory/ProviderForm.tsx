import { Button, Checkbox, Select, TextInput, Textarea } from '@trussworks/react-uswds';
import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api';
import { ActionErrorAlert, toActionError, type ActionError } from '../components/ActionErrorAlert';
import { DateTimeInput } from '../components/DateTimeInput';
import { ErrorSummary, type FieldProblem } from '../components/ErrorSummary';
import { Field } from '../components/Field';
import { COMMON_LANGUAGES } from '../lib/directory';
import { useCountySpas } from '../lib/reference';
import { countyDate } from '../lib/format';
import { pick } from '../lib/localized';
import { serverFieldProblems } from '../lib/serverProblems';
import { useLanguage } from '../lib/useLanguage';
import type { ProviderView as Provider, ServiceView as CatalogService } from '../../contract/directory';
import { GENDERS, KNOWN_TRAININGS, PROVIDER_KINDS, type ProviderKind } from '../../domain/directory';
import { PLACEMENT_TYPE_KEYS } from '../../domain/placements';
import { ConflictAlert } from './ConflictAlert';
import { fieldLabel, trainingLabel } from './fieldLabels';

interface TrainingRow {
  row: number;
  training: string;
  completedOn: string;
}

interface Draft {
  kind: ProviderKind | '';
  name: string;
  description: string;
  services: string[];
  placementTypes: string[];
  beds: string;
  vacancies: string;
  ageMin: string;
  ageMax: string;
  genders: string[];
  lgbtqAffirming: boolean;
  servesParentingYouth: boolean;
  servesBoys: boolean;
  crisis247: boolean;
  active: boolean;
  languages: string;
  spas: number[];
  phone: string;
  email: string;
  website: string;
  address: string;
  hours: string;
  externalRef: string;
  trainings: TrainingRow[];
}

const numberText = (n: number | null) => (n === null ? '' : String(n));

function draftOf(p: Provider | undefined): Draft {
  return {
    kind: p?.kind ?? '',
    name: p?.name ?? '',
    description: p?.description ?? '',
    services: p?.services ?? [],
    placementTypes: p?.placementTypes ?? [],
    beds: numberText(p?.beds ?? null),
    vacancies: numberText(p?.vacancies ?? null),
    ageMin: numberText(p?.ageMin ?? null),
    ageMax: numberText(p?.ageMax ?? null),
    genders: p?.genders ?? [],
    lgbtqAffirming: p?.lgbtqAffirming ?? false,
    servesParentingYouth: p?.servesParentingYouth ?? false,
    servesBoys: p?.servesBoys ?? false,
    crisis247: p?.crisis247 ?? false,
    active: p?.active ?? true,
    languages: (p?.languages ?? []).join(', '),
    spas: p?.spas ?? [],
    phone: p?.phone ?? '',
    email: p?.email ?? '',
    website: p?.website ?? '',
    address: p?.address ?? '',
    hours: p?.hours ?? '',
    externalRef: p?.externalRef ?? '',
    trainings: (p?.csecTrainings ?? []).map((t, i) => ({ row: i, training: t.training, completedOn: t.completedOn })),
  };
}

const textOrNull = (v: string) => (v.trim() ? v.trim() : null);
const whole = (v: string) => (v.trim() === '' ? null : Number(v.trim()));
const sorted = <T,>(xs: T[]) => [...xs].sort();

/** The entry as the API takes it (every field the form edits). */
function fieldsOf(d: Draft): Record<string, unknown> {
  return {
    kind: d.kind,
    name: d.name.trim(),
    description: textOrNull(d.description),
    services: sorted(d.services),
    placementTypes: sorted(d.placementTypes),
    beds: whole(d.beds),
    vacancies: whole(d.vacancies),
    ageMin: whole(d.ageMin),
    ageMax: whole(d.ageMax),
    genders: sorted(d.genders),
    lgbtqAffirming: d.lgbtqAffirming,
    servesParentingYouth: d.servesParentingYouth,
    servesBoys: d.servesBoys,
    crisis247: d.crisis247,
    active: d.active,
    languages: d.languages
      .split(/[,;]/)
      .map((l) => l.trim())
      .filter(Boolean),
    spas: [...d.spas].sort((a, b) => a - b),
    phone: textOrNull(d.phone),
    email: textOrNull(d.email),
    website: textOrNull(d.website),
    address: textOrNull(d.address),
    hours: textOrNull(d.hours),
    externalRef: textOrNull(d.externalRef),
    csecTrainings: d.trainings
      .map((t) => ({ training: t.training.trim(), completedOn: t.completedOn }))
      .sort((a, b) => a.completedOn.localeCompare(b.completedOn) || a.training.localeCompare(b.training)),
  };
}

/** The form's field ids, by the API's field names (for the server's messages too). */
const IDS: Record<string, string> = {
  kind: 'provider-kind',
  name: 'provider-name',
  description: 'provider-description',
  services: 'provider-services',
  placementTypes: 'provider-placement-types',
  beds: 'provider-beds',
  vacancies: 'provider-vacancies',
  ageMin: 'provider-age-min',
  ageMax: 'provider-age-max',
  genders: 'provider-genders',
  lgbtqAffirming: 'provider-populations',
  servesParentingYouth: 'provider-populations',
  servesBoys: 'provider-populations',
  crisis247: 'provider-crisis',
  active: 'provider-active',
  languages: 'provider-languages',
  spas: 'provider-spas',
  phone: 'provider-phone',
  email: 'provider-email',
  website: 'provider-website',
  address: 'provider-address',
  hours: 'provider-hours',
  externalRef: 'provider-external-ref',
  csecTrainings: 'provider-trainings',
};

interface Props {
  /** The entry to change; none to add a new one. */
  provider?: Provider;
  services: CatalogService[] | null;
  onSaved: (provider: Provider) => void;
  onCancel: () => void;
  /** After a conflict: load the latest version (the form starts again from it). */
  onReload?: () => void;
  /** Off when the page's own heading names the form. */
  showHeading?: boolean;
}

/** Adds or changes a directory entry. A change sends only the fields that changed, with the version loaded. */
export function ProviderForm({ provider, services, onSaved, onCancel, onReload, showHeading = true }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const countySpas = useCountySpas();
  const [draft, setDraft] = useState<Draft>(() => draftOf(provider));
  const [problems, setProblems] = useState<{ list: FieldProblem[]; attempt: number } | null>(null);
  const [error, setError] = useState<ActionError | null>(null);
  const [conflict, setConflict] = useState<{ details: unknown; attempt: number } | null>(null);
  const [saving, setSaving] = useState(false);
  const attempt = useRef(0);
  const nextRow = useRef(draft.trainings.length);
  const today = countyDate();

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const toggle = <T,>(list: T[], value: T, on: boolean) =>
    on ? [...list.filter((v) => v !== value), value] : list.filter((v) => v !== value);

  const check = (): FieldProblem[] => {
    const list: FieldProblem[] = [];
    const add = (field: string, key: string, values?: Record<string, unknown>) =>
      list.push({ field: IDS[field] ?? field, message: t(`providerForm.errors.${key}`, values) });
    if (!draft.name.trim()) add('name', 'name');
    if (!draft.kind) add('kind', 'kind');
    const count = (field: 'beds' | 'vacancies', max: number) => {
      const v = draft[field].trim();
      if (v && (!/^\d+$/.test(v) || Number(v) > max)) add(field, 'wholeNumber', { label: fieldLabel(field, t), max });
    };
    count('beds', 10000);
    count('vacancies', 10000);
    const beds = whole(draft.beds);
    const vacancies = whole(draft.vacancies);
    if (beds !== null && vacancies !== null && !Number.isNaN(beds) && !Number.isNaN(vacancies) && vacancies > beds)
      add('vacancies', 'vacanciesOverBeds');
    for (const field of ['ageMin', 'ageMax'] as const) {
      const v = draft[field].trim();
      if (v && (!/^\d+$/.test(v) || Number(v) > 30)) add(field, 'age', { label: fieldLabel(field, t) });
    }
    const min = whole(draft.ageMin);
    const max = whole(draft.ageMax);
    if (min !== null && max !== null && min <= 30 && max <= 30 && min > max) add('ageMin', 'ageOrder');
    if (draft.phone.trim()) {
      const digits = draft.phone.split(/x|ext/i)[0]!.replace(/\D/g, '').length;
      if (!(digits === 3 || (digits >= 7 && digits <= 15))) add('phone', 'phone');
    }
    if (draft.email.trim() && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(draft.email.trim())) add('email', 'email');
    if (draft.website.trim() && !/^https?:\/\/[^\s/]+\.[^\s]+$/i.test(draft.website.trim())) add('website', 'website');
    for (const row of draft.trainings) {
      if (!row.training.trim())
        list.push({ field: `provider-training-${row.row}`, message: t('providerForm.errors.training') });
      if (!row.completedOn)
        list.push({ field: `provider-training-date-${row.row}`, message: t('providerForm.errors.trainingDate') });
      else if (row.completedOn > today)
        list.push({ field: `provider-training-date-${row.row}`, message: t('providerForm.errors.trainingFuture') });
    }
    return list;
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
    const fields = fieldsOf(draft);
    let body: Record<string, unknown>;
    if (provider) {
      const before = fieldsOf(draftOf(provider));
      const changed = Object.keys(fields).filter((k) => JSON.stringify(fields[k]) !== JSON.stringify(before[k]));
      if (changed.length === 0) {
        onSaved(provider);
        return;
      }
      body = { version: provider.version, ...Object.fromEntries(changed.map((k) => [k, fields[k]])) };
    } else {
      body = Object.fromEntries(
        Object.entries(fields).filter(([, v]) => v !== null && !(Array.isArray(v) && v.length === 0)),
      );
    }
    setSaving(true);
    try {
      const saved = provider
        ? await api<Provider>(`/api/directory/providers/${encodeURIComponent(provider.id)}`, { method: 'PATCH', body })
        : await api<Provider>('/api/directory/providers', { method: 'POST', body });
      onSaved(saved);
    } catch (err) {
      setSaving(false);
      if (err instanceof ApiError && err.status === 409 && provider) {
        setConflict({ details: err.details, attempt: attempt.current });
      } else if (err instanceof ApiError && err.status === 400) {
        const known = Object.fromEntries(Object.entries(IDS).map(([k, id]) => [k, { id, label: fieldLabel(k, t) }]));
        setProblems({
          list: serverFieldProblems(err, known, { id: IDS.name!, label: t('providerForm.entry') }),
          attempt: attempt.current,
        });
      } else {
        // A 403 or 409 code (directory_entry_not_yours, external_ref_taken ...) says what was refused.
        setError(toActionError(err, attempt.current));
      }
    }
  };

  const errorFor = (id: string) => problems?.list.find((p) => p.field === id)?.message;
  const textField = (
    field: keyof Draft & string,
    props: {
      hint?: string;
      optional?: boolean;
      type?: 'text' | 'tel' | 'email' | 'url';
      autoComplete?: string;
      maxLength?: number;
      inputMode?: 'numeric' | 'tel' | 'email' | 'url';
      className?: string;
    } = {},
  ) => {
    const id = IDS[field]!;
    return (
      <Field
        id={id}
        label={fieldLabel(field, t)}
        hint={props.hint}
        optional={props.optional ?? true}
        optionalText={t('forms.optional')}
        error={errorFor(id)}
      >
        {(describedBy) => (
          <TextInput
            id={id}
            name={field}
            type={props.type ?? 'text'}
            inputMode={props.inputMode}
            autoComplete={props.autoComplete ?? 'off'}
            maxLength={props.maxLength ?? 300}
            className={props.className}
            value={draft[field] as string}
            validationStatus={errorFor(id) ? 'error' : undefined}
            aria-invalid={!!errorFor(id) || undefined}
            aria-describedby={describedBy}
            onChange={(e) => set(field, e.target.value as never)}
          />
        )}
      </Field>
    );
  };

  const checkGroup = (id: string, legend: string, hint: string | null, children: ReactNode, columns = false) => (
    <fieldset className="usa-fieldset harbor-form-fieldset" id={id} aria-describedby={hint ? `${id}-hint` : undefined}>
      <legend className="usa-legend">
        {legend} <span className="harbor-optional">{t('forms.optional')}</span>
      </legend>
      {hint && (
        <span className="usa-hint display-block" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {errorFor(id) && <span className="usa-error-message">{errorFor(id)}</span>}
      <div className={columns ? 'harbor-check-columns' : undefined}>{children}</div>
    </fieldset>
  );

  const isFamily = draft.kind === 'resource_family';
  const knownTrainings: string[] = [...KNOWN_TRAININGS];
  for (const row of draft.trainings)
    if (row.training && !knownTrainings.includes(row.training)) knownTrainings.push(row.training);

  return (
    <form
      className="usa-form usa-form--large harbor-wide-form"
      noValidate
      onSubmit={(e) => void submit(e)}
      aria-label={provider ? t('providerForm.editHeading') : t('providerForm.addHeading')}
    >
      {showHeading && <h3>{provider ? t('providerForm.editHeading') : t('providerForm.addHeading')}</h3>}
      {problems && (
        <ErrorSummary key={problems.attempt} problems={problems.list} headingLevel={showHeading ? 'h4' : 'h2'} />
      )}
      {conflict && onReload && <ConflictAlert key={conflict.attempt} details={conflict.details} onReload={onReload} />}
      {error && (
        <ActionErrorAlert
          key={error.attempt}
          error={error}
          heading={t('providerForm.failed')}
          headingLevel={showHeading ? 'h4' : 'h2'}
          messageKeys={{ 403: 'directory.errors.forbidden', 404: 'directory.errors.notFound' }}
        />
      )}

      <Field id={IDS.name!} label={fieldLabel('name', t)} error={errorFor(IDS.name!)}>
        {(describedBy) => (
          <TextInput
            id={IDS.name!}
            name="name"
            type="text"
            maxLength={200}
            autoComplete="off"
            value={draft.name}
            validationStatus={errorFor(IDS.name!) ? 'error' : undefined}
            aria-invalid={!!errorFor(IDS.name!) || undefined}
            aria-describedby={describedBy}
            onChange={(e) => set('name', e.target.value)}
          />
        )}
      </Field>
      <Field id={IDS.kind!} label={fieldLabel('kind', t)} hint={t('providerForm.kindHint')} error={errorFor(IDS.kind!)}>
        {(describedBy) => (
          <Select
            id={IDS.kind!}
            name="kind"
            value={draft.kind}
            validationStatus={errorFor(IDS.kind!) ? 'error' : undefined}
            aria-invalid={!!errorFor(IDS.kind!) || undefined}
            aria-describedby={describedBy}
            onChange={(e) => set('kind', e.target.value as ProviderKind | '')}
          >
            <option value="">{t('common.choose')}</option>
            {PROVIDER_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`directory.kinds.${k}`)}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field id={IDS.description!} label={fieldLabel('description', t)} optional optionalText={t('forms.optional')}>
        {(describedBy) => (
          <Textarea
            id={IDS.description!}
            name="description"
            className="harbor-short-textarea"
            maxLength={2000}
            value={draft.description}
            aria-describedby={describedBy}
            onChange={(e) => set('description', e.target.value)}
          />
        )}
      </Field>

      {checkGroup(
        IDS.services!,
        fieldLabel('services', t),
        null,
        [...(services ?? [])]
          .sort((a, b) => pick(a.name, language).localeCompare(pick(b.name, language), language))
          .map((s) => (
            <Checkbox
              key={s.key}
              id={`provider-service-${s.key}`}
              name="services"
              label={pick(s.name, language)}
              checked={draft.services.includes(s.key)}
              onChange={(e) => set('services', toggle(draft.services, s.key, e.target.checked))}
            />
          )),
        true,
      )}
      {checkGroup(
        IDS.placementTypes!,
        fieldLabel('placementTypes', t),
        t('providerForm.placementTypesHint'),
        PLACEMENT_TYPE_KEYS.map((p) => (
          <Checkbox
            key={p}
            id={`provider-placement-${p}`}
            name="placementTypes"
            label={t(`placementTypes.${p}`)}
            checked={draft.placementTypes.includes(p)}
            onChange={(e) => set('placementTypes', toggle(draft.placementTypes, p, e.target.checked))}
          />
        )),
        true,
      )}

      <div className="harbor-date-pair">
        {textField('beds', { inputMode: 'numeric', maxLength: 5, className: 'harbor-number-input' })}
        {textField('vacancies', {
          inputMode: 'numeric',
          maxLength: 5,
          className: 'harbor-number-input',
          hint: t('providerForm.vacanciesHint'),
        })}
      </div>
      <div className="harbor-date-pair">
        {textField('ageMin', { inputMode: 'numeric', maxLength: 2, className: 'harbor-number-input' })}
        {textField('ageMax', { inputMode: 'numeric', maxLength: 2, className: 'harbor-number-input' })}
      </div>

      {checkGroup(
        IDS.genders!,
        fieldLabel('genders', t),
        null,
        GENDERS.map((g) => (
          <Checkbox
            key={g}
            id={`provider-gender-${g}`}
            name="genders"
            label={t(`directory.genders.${g}`)}
            checked={draft.genders.includes(g)}
            onChange={(e) => set('genders', toggle(draft.genders, g, e.target.checked))}
          />
        )),
      )}
      {checkGroup(
        'provider-populations',
        t('providerForm.populations'),
        null,
        <>
          <Checkbox
            id="provider-lgbtq"
            name="lgbtqAffirming"
            label={t('directory.flags.lgbtqAffirming')}
            checked={draft.lgbtqAffirming}
            onChange={(e) => set('lgbtqAffirming', e.target.checked)}
          />
          <Checkbox
            id="provider-parenting"
            name="servesParentingYouth"
            label={t('directory.flags.parentingYouth')}
            checked={draft.servesParentingYouth}
            onChange={(e) => set('servesParentingYouth', e.target.checked)}
          />
          <Checkbox
            id="provider-boys"
            name="servesBoys"
            label={t('directory.flags.boys')}
            checked={draft.servesBoys}
            onChange={(e) => set('servesBoys', e.target.checked)}
          />
          <Checkbox
            id={IDS.crisis247!}
            name="crisis247"
            label={t('directory.flags.crisis247')}
            checked={draft.crisis247}
            onChange={(e) => set('crisis247', e.target.checked)}
          />
        </>,
      )}

      <Field
        id={IDS.languages!}
        label={fieldLabel('languages', t)}
        hint={t('providerForm.languagesHint')}
        optional
        optionalText={t('forms.optional')}
      >
        {(describedBy) => (
          <>
            <TextInput
              id={IDS.languages!}
              name="languages"
              type="text"
              list="provider-language-list"
              autoComplete="off"
              maxLength={500}
              value={draft.languages}
              aria-describedby={describedBy}
              onChange={(e) => set('languages', e.target.value)}
            />
            <datalist id="provider-language-list">
              {COMMON_LANGUAGES.map((l) => (
                <option key={l} value={l} />
              ))}
            </datalist>
          </>
        )}
      </Field>
      {checkGroup(
        IDS.spas!,
        fieldLabel('spas', t),
        null,
        countySpas.map((s) => (
          <Checkbox
            key={s.number}
            id={`provider-spa-${s.number}`}
            name="spas"
            label={
              s.name
                ? t('directory.spaNamed', { number: s.number, name: s.name })
                : t('directory.spa', { number: s.number })
            }
            checked={draft.spas.includes(s.number)}
            onChange={(e) => set('spas', toggle(draft.spas, s.number, e.target.checked))}
          />
        )),
        true,
      )}

      <fieldset
        className="usa-fieldset harbor-form-fieldset"
        id={IDS.csecTrainings}
        aria-describedby="provider-trainings-hint"
      >
        <legend className="usa-legend">
          {fieldLabel('csecTrainings', t)} <span className="harbor-optional">{t('forms.optional')}</span>
        </legend>
        <span className="usa-hint display-block" id="provider-trainings-hint">
          {t('providerForm.trainingsHint')}
        </span>
        {draft.trainings.map((row, i) => (
          <div key={row.row} className="harbor-training-row">
            <Field
              id={`provider-training-${row.row}`}
              label={t('providerForm.training', { n: i + 1 })}
              error={errorFor(`provider-training-${row.row}`)}
            >
              {(describedBy) => (
                <Select
                  id={`provider-training-${row.row}`}
                  name="training"
                  value={row.training}
                  aria-describedby={describedBy}
                  onChange={(e) =>
                    set(
                      'trainings',
                      draft.trainings.map((r) => (r.row === row.row ? { ...r, training: e.target.value } : r)),
                    )
                  }
                >
                  <option value="">{t('common.choose')}</option>
                  {knownTrainings.map((k) => (
                    <option key={k} value={k}>
                      {trainingLabel(k, t)}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
            <Field
              id={`provider-training-date-${row.row}`}
              label={t('providerForm.trainingDate')}
              error={errorFor(`provider-training-date-${row.row}`)}
            >
              {(describedBy) => (
                <DateTimeInput
                  id={`provider-training-date-${row.row}`}
                  name="completedOn"
                  kind="date"
                  max={today}
                  value={row.completedOn}
                  invalid={!!errorFor(`provider-training-date-${row.row}`)}
                  aria-describedby={describedBy}
                  onChange={(e) =>
                    set(
                      'trainings',
                      draft.trainings.map((r) => (r.row === row.row ? { ...r, completedOn: e.target.value } : r)),
                    )
                  }
                />
              )}
            </Field>
            <Button
              type="button"
              unstyled
              className="harbor-training-row__remove"
              onClick={() =>
                set(
                  'trainings',
                  draft.trainings.filter((r) => r.row !== row.row),
                )
              }
            >
              {t('providerForm.removeTraining', { n: i + 1 })}
            </Button>
          </div>
        ))}
        <Button
          type="button"
          outline
          className="margin-top-2"
          onClick={() => {
            nextRow.current += 1;
            set('trainings', [...draft.trainings, { row: nextRow.current, training: '', completedOn: '' }]);
          }}
        >
          {t('providerForm.addTraining')}
        </Button>
      </fieldset>

      {showHeading ? (
        <h4 className="margin-top-4 margin-bottom-0">{t('providerForm.reach')}</h4>
      ) : (
        <h2 className="margin-top-4 margin-bottom-0">{t('providerForm.reach')}</h2>
      )}
      {textField('phone', { type: 'tel', inputMode: 'tel', maxLength: 40, hint: t('providerForm.phoneHint') })}
      {textField('email', { type: 'email', inputMode: 'email', maxLength: 320 })}
      {textField('website', { type: 'url', inputMode: 'url', maxLength: 500, hint: t('providerForm.websiteHint') })}
      {textField('address', { hint: isFamily ? t('providerForm.addressFamilyHint') : t('providerForm.addressHint') })}
      {textField('hours', { hint: t('providerForm.hoursHint') })}
      {textField('externalRef', { hint: t('providerForm.externalRefHint'), maxLength: 100 })}

      <div className="margin-top-3" id={IDS.active}>
        <Checkbox
          id="provider-active-box"
          name="active"
          tile
          label={t('providerForm.active')}
          labelDescription={t('providerForm.activeHint')}
          checked={draft.active}
          onChange={(e) => set('active', e.target.checked)}
        />
      </div>

      <div className="harbor-step-buttons">
        <Button type="submit" disabled={saving}>
          {saving ? t('forms.saving') : provider ? t('providerForm.save') : t('providerForm.add')}
        </Button>
        <Button type="button" unstyled onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
