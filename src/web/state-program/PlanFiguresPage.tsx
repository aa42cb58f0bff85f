// County Plan figures (GET /api/state/plans?fiscalYear=, PUT /api/state/plans/:fiscalYear): what
// the county reported in its County Plan for a fiscal year, set beside Harbor's count in the State
// CSEC Program report. Entered by the county analyst, saved with the version read.
import { Button, Select, TextInput, Textarea } from '@trussworks/react-uswds';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { PlanFiguresInputT, PlanFiguresT } from '../../contract/state-report';
import { api, ApiError } from '../api';
import { ActionErrorAlert, toActionError, type ActionError } from '../components/ActionErrorAlert';
import { ApiErrorView } from '../components/ApiErrorView';
import { ErrorSummary, type FieldProblem } from '../components/ErrorSummary';
import { Field } from '../components/Field';
import { FocusedAlert } from '../components/FocusedAlert';
import { Loading } from '../components/Loading';
import { Notice } from '../components/Notice';
import { PageHeading } from '../components/PageHeading';
import { formatCountyDateTime } from '../lib/format';
import { serverFieldProblems, type FormField } from '../lib/serverProblems';
import { useApi } from '../lib/useApi';
import { useLanguage } from '../lib/useLanguage';
import { useActiveSession } from '../auth/SessionContext';
import { currentFiscalYear, FISCAL_YEAR, fiscalYearChoices, useFiscalYearLabel, useStateFigures } from './common';
import './state.css';

const VICTIM_TYPES = [
  'victim_during_care',
  'victim_open_case_not_in_care',
  'victim_absent_from_placement',
  'victim_closed_case_ilp',
  'victim_before_care',
] as const;
type VictimType = (typeof VICTIM_TYPES)[number];

const MAX = 1_000_000;
const NOTE_MAX = 2000;
const ID = {
  victims: 'plan-victims',
  atRisk: 'plan-at-risk',
  byType: 'plan-by-type',
  note: 'plan-note',
  type: (type: VictimType) => `plan-type-${type}`,
};

export function PlanFiguresPage() {
  const { t } = useTranslation();
  const session = useActiveSession();
  const fyLabel = useFiscalYearLabel();
  const [params, setParams] = useSearchParams();
  const param = params.get('fiscalYear') ?? '';
  const fiscalYear = FISCAL_YEAR.test(param) ? param : currentFiscalYear();
  const { result, reload } = useApi<PlanFiguresT[]>(`/api/state/plans?fiscalYear=${fiscalYear}`);
  const [saved, setSaved] = useState<{ figures: PlanFiguresT; n: number } | null>(null);
  const [year, setYear] = useState(fiscalYear);
  const years = fiscalYearChoices();

  const county = session.user.county;
  const loaded = result.status === 'ok' ? (result.data.find((p) => p.fiscalYear === fiscalYear) ?? null) : undefined;
  const current = saved && saved.figures.fiscalYear === fiscalYear ? saved.figures : loaded;

  const choose = (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    setParams(new URLSearchParams({ fiscalYear: year }));
  };

  return (
    <>
      <PageHeading documentTitle={t('statePlans.title')}>{t('statePlans.title')}</PageHeading>
      <p className="usa-intro">{t('statePlans.intro', { county: county.name })}</p>
      <form className="usa-form margin-bottom-3" noValidate onSubmit={choose} aria-label={t('statePlans.chooseLabel')}>
        <Field id="plan-fiscal-year" label={t('stateCommon.fiscalYear')} hint={t('statePlans.fiscalYearHint')}>
          {(d) => (
            <Select
              id="plan-fiscal-year"
              name="fiscalYear"
              value={year}
              aria-describedby={d}
              onChange={(e) => setYear(e.target.value)}
            >
              {(years.includes(fiscalYear) ? years : [fiscalYear, ...years]).map((fy) => (
                <option key={fy} value={fy}>
                  {fyLabel(fy)}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Button type="submit" outline className="margin-top-2">
          {t('statePlans.open')}
        </Button>
      </form>

      <section className="harbor-section" aria-labelledby="plan-heading">
        <h2 id="plan-heading">{t('statePlans.heading', { county: county.name, fy: fiscalYear })}</h2>
        {saved && saved.figures.fiscalYear === fiscalYear && (
          <Notice key={saved.n}>
            <p className="usa-alert__text">
              {t('statePlans.saved', { fy: fiscalYear, version: saved.figures.version })}
            </p>
          </Notice>
        )}
        {result.status === 'error' && !saved ? (
          <ApiErrorView error={result.error} onRetry={reload} />
        ) : current === undefined ? (
          <Loading />
        ) : (
          <>
            <Status figures={current} />
            <PlanForm
              key={`${fiscalYear}:${current?.version ?? 0}`}
              fiscalYear={fiscalYear}
              figures={current}
              onSaved={(figures) => setSaved((s) => ({ figures, n: (s?.n ?? 0) + 1 }))}
              onReload={() => {
                setSaved(null);
                reload();
              }}
            />
          </>
        )}
      </section>
    </>
  );
}

function Status({ figures }: { figures: PlanFiguresT | null }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (!figures) return <p>{t('statePlans.none')}</p>;
  return (
    <p>
      {t('statePlans.version', {
        version: figures.version,
        when: formatCountyDateTime(figures.updatedAt, language),
      })}
    </p>
  );
}

const asText = (n: number | undefined | null) => (n === undefined || n === null ? '' : String(n));

function PlanForm({
  fiscalYear,
  figures,
  onSaved,
  onReload,
}: {
  fiscalYear: string;
  figures: PlanFiguresT | null;
  onSaved: (f: PlanFiguresT) => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const f = useStateFigures();
  const [victims, setVictims] = useState(asText(figures?.victimsServed));
  const [atRisk, setAtRisk] = useState(asText(figures?.atRiskIdentified));
  const [byType, setByType] = useState<Record<VictimType, string>>(
    () =>
      Object.fromEntries(VICTIM_TYPES.map((type) => [type, asText(figures?.victimsByType?.[type])])) as Record<
        VictimType,
        string
      >,
  );
  const [note, setNote] = useState(figures?.note ?? '');
  const [problems, setProblems] = useState<{ list: FieldProblem[]; attempt: number } | null>(null);
  const [failure, setFailure] = useState<ActionError | null>(null);
  const [conflict, setConflict] = useState<number | null>(null);
  const [saving, setSaving] = useState(false);
  const attempt = useRef(0);

  const label = {
    victims: t('statePlans.victims'),
    atRisk: t('statePlans.atRisk'),
    byType: t('statePlans.byTypeLegend'),
    note: t('statePlans.note'),
    type: (type: VictimType) => t(`csecTypes.${type}.label`),
  };
  const whole = (s: string) => /^\d+$/.test(s.trim()) && Number(s) <= MAX;

  const check = (): FieldProblem[] => {
    const list: FieldProblem[] = [];
    if (!whole(victims))
      list.push({
        field: ID.victims,
        message: t('statePlans.errors.count', { label: label.victims, max: f.number(MAX) }),
      });
    if (!whole(atRisk))
      list.push({
        field: ID.atRisk,
        message: t('statePlans.errors.count', { label: label.atRisk, max: f.number(MAX) }),
      });
    const given = VICTIM_TYPES.filter((type) => byType[type].trim() !== '');
    for (const type of given)
      if (!whole(byType[type]))
        list.push({
          field: ID.type(type),
          message: t('statePlans.errors.count', { label: label.type(type), max: f.number(MAX) }),
        });
    // The Types given may add up to less than the victims served (a plan may leave Types out),
    // never to more; all five given must add up to exactly the victims served.
    if (given.length > 0 && given.every((type) => whole(byType[type])) && whole(victims)) {
      const sum = given.reduce((n, type) => n + Number(byType[type]), 0);
      const values = { sum: f.number(sum), victims: f.number(Number(victims)) };
      if (sum > Number(victims))
        list.push({ field: ID.type(given[0]!), message: t('statePlans.errors.sumOver', values) });
      else if (given.length === VICTIM_TYPES.length && sum !== Number(victims))
        list.push({ field: ID.type(given[0]!), message: t('statePlans.errors.sumAll', values) });
    }
    if (note.length > NOTE_MAX) list.push({ field: ID.note, message: t('statePlans.errors.note', { max: NOTE_MAX }) });
    return list;
  };

  const fields: Record<string, FormField> = {
    victimsServed: { id: ID.victims, label: label.victims },
    atRiskIdentified: { id: ID.atRisk, label: label.atRisk },
    victimsByType: { id: ID.type(VICTIM_TYPES[0]), label: label.byType },
    note: { id: ID.note, label: label.note },
    ...Object.fromEntries(
      VICTIM_TYPES.map((type) => [`victimsByType.${type}`, { id: ID.type(type), label: label.type(type) }]),
    ),
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const n = ++attempt.current;
    setFailure(null);
    setConflict(null);
    const list = check();
    if (list.length) {
      setProblems({ list, attempt: n });
      return;
    }
    setProblems(null);
    const given = VICTIM_TYPES.filter((type) => byType[type].trim() !== '');
    const body: PlanFiguresInputT = {
      victimsServed: Number(victims),
      atRiskIdentified: Number(atRisk),
      victimsByType: given.length ? Object.fromEntries(given.map((type) => [type, Number(byType[type])])) : null,
      note: note.trim() ? note.trim() : null,
      ...(figures ? { version: figures.version } : {}),
    };
    setSaving(true);
    try {
      const saved = await api<PlanFiguresT>(`/api/state/plans/${fiscalYear}`, { method: 'PUT', body });
      onSaved(saved);
    } catch (err) {
      setSaving(false);
      if (err instanceof ApiError && err.status === 409) setConflict(n);
      else if (err instanceof ApiError && err.status === 400)
        setProblems({ list: serverFieldProblems(err, fields, fields.victimsServed!), attempt: n });
      else setFailure(toActionError(err, n));
    }
  };

  const errorFor = (id: string) => problems?.list.find((p) => p.field === id)?.message;
  const countInput = (id: string, name: string, value: string, set: (v: string) => void, describedBy?: string) => (
    <TextInput
      id={id}
      name={name}
      type="text"
      inputMode="numeric"
      autoComplete="off"
      className="usa-input--small"
      value={value}
      validationStatus={errorFor(id) ? 'error' : undefined}
      aria-invalid={!!errorFor(id) || undefined}
      aria-describedby={describedBy}
      onChange={(e) => set(e.target.value)}
    />
  );

  return (
    <form
      className="usa-form usa-form--large harbor-wide-form"
      noValidate
      aria-label={t('statePlans.formLabel', { fy: fiscalYear })}
      onSubmit={(e) => void submit(e)}
    >
      {problems && <ErrorSummary key={problems.attempt} problems={problems.list} headingLevel="h3" />}
      {conflict !== null && (
        <FocusedAlert key={conflict} heading={t('statePlans.conflict.heading')} headingLevel="h3">
          <p className="usa-alert__text">{t('statePlans.conflict.body')}</p>
          <p className="usa-alert__text">
            <Button type="button" onClick={onReload}>
              {t('statePlans.conflict.reload')}
            </Button>
          </p>
        </FocusedAlert>
      )}
      {failure && <ActionErrorAlert key={failure.attempt} error={failure} heading={t('statePlans.failed')} />}
      <Field id={ID.victims} label={label.victims} hint={t('statePlans.victimsHint')} error={errorFor(ID.victims)}>
        {(d) => countInput(ID.victims, 'victimsServed', victims, setVictims, d)}
      </Field>
      <Field id={ID.atRisk} label={label.atRisk} hint={t('statePlans.atRiskHint')} error={errorFor(ID.atRisk)}>
        {(d) => countInput(ID.atRisk, 'atRiskIdentified', atRisk, setAtRisk, d)}
      </Field>
      <fieldset className="usa-fieldset harbor-form-fieldset margin-top-3" aria-describedby={`${ID.byType}-hint`}>
        <legend className="usa-legend">
          {label.byType} <span className="harbor-optional">{t('statePlans.optional')}</span>
        </legend>
        <span className="usa-hint display-block" id={`${ID.byType}-hint`}>
          {t('statePlans.byTypeHint')}
        </span>
        {VICTIM_TYPES.map((type) => (
          <Field key={type} id={ID.type(type)} label={label.type(type)} error={errorFor(ID.type(type))}>
            {(d) => countInput(ID.type(type), type, byType[type], (v) => setByType((b) => ({ ...b, [type]: v })), d)}
          </Field>
        ))}
      </fieldset>
      <Field
        id={ID.note}
        label={label.note}
        hint={t('statePlans.noteHint', { max: NOTE_MAX })}
        error={errorFor(ID.note)}
        optional
        optionalText={t('statePlans.optional')}
      >
        {(d) => (
          <Textarea
            id={ID.note}
            name="note"
            value={note}
            maxLength={NOTE_MAX}
            error={!!errorFor(ID.note)}
            aria-invalid={!!errorFor(ID.note) || undefined}
            aria-describedby={d}
            onChange={(e) => setNote(e.target.value)}
          />
        )}
      </Field>
      <Button type="submit" className="margin-top-3" disabled={saving}>
        {saving ? t('statePlans.saving') : t('statePlans.save')}
      </Button>
      <div aria-live="polite" className="usa-sr-only">
        {saving ? t('statePlans.saving') : ''}
      </div>
    </form>
  );
}
