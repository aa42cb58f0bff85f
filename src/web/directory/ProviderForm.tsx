import { Button, Checkbox, Select, TextInput, Textarea } from '@trussworks/react-uswds';
import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api';
import { ActionErrorAlert, toActionError, type ActionError } from '../components/ActionErrorAlert';
import { ErrorSummary, type FieldProblem } from '../components/ErrorSummary';
import { Field } from '../components/Field';
import { COMMON_LANGUAGES } from '../lib/directory';
import { useCountySpas } from '../lib/reference';
import { countyDate } from '../lib/format';
import { pick } from '../lib/localized';
import { serverFieldProblems } from '../lib/serverProblems';
import { useLanguage } from '../lib/useLanguage';
import type { ProviderView as Provider, ServiceView as CatalogService } from '../../contract/directory';
import { GENDERS, PROVIDER_KINDS, type ProviderKind } from '../../domain/directory';
import { PLACEMENT_TYPE_KEYS } from '../../domain/placements';
import { ConflictAlert } from './ConflictAlert';
import { fieldLabel } from './fieldLabels';
import { checkDraft, draftOf, fieldsOf, IDS, type Draft } from './providerDraft';
import { TrainingRows } from './TrainingRows';

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
  const today = countyDate();

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const toggle = <T,>(list: T[], value: T, on: boolean) =>
    on ? [...list.filter((v) => v !== value), value] : list.filter((v) => v !== value);

  const check = () => checkDraft(draft, t, countyDate());

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

      <TrainingRows
        rows={draft.trainings}
        onChange={(rows) => set('trainings', rows)}
        errorFor={errorFor}
        today={today}
      />

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
