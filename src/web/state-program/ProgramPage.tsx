// CSEC Program participation (GET/PUT /api/state/participation): for a fiscal year, which of the
// 58 counties opted in, their funding tier and allocation, saved all at once by the state's program
// staff; and the child-welfare population denominators, uploaded as a CSV file
// (POST /api/state/population) with the lines to fix listed when it is refused.
import { Button, Checkbox, Select, TextInput } from '@trussworks/react-uswds';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { ParticipationInputT, ParticipationT } from '../../contract/state-report';
import { api, ApiError } from '../api';
import { ActionErrorAlert, toActionError, type ActionError } from '../components/ActionErrorAlert';
import { ApiErrorView } from '../components/ApiErrorView';
import { DataTable } from '../components/DataTable';
import { ErrorSummary, type FieldProblem } from '../components/ErrorSummary';
import { Field } from '../components/Field';
import { Loading } from '../components/Loading';
import { Notice } from '../components/Notice';
import { PageHeading } from '../components/PageHeading';
import i18n from '../i18n';
import { formatNumber } from '../lib/format';
import { fieldProblemMessage, pointerFields, problemMessage } from '../lib/problems';
import { useApi } from '../lib/useApi';
import { useLanguage } from '../lib/useLanguage';
import { currentFiscalYear, FISCAL_YEAR, fiscalYearChoices, useFiscalYearLabel, useStateFigures } from './common';
import './state.css';

const MAX_ALLOCATION = 1_000_000_000;
const MAX_UPLOAD_MEGABYTES = 5;

interface Row {
  county: string;
  countyName: string;
  optedIn: boolean;
  tier: '' | 'I' | 'II';
  allocation: string;
  population: number | null;
}

const rowOf = (p: ParticipationT): Row => ({
  county: p.county,
  countyName: p.countyName,
  optedIn: p.optedIn,
  tier: p.tier ?? '',
  allocation: p.allocationDollars === null ? '' : String(p.allocationDollars),
  population: p.population,
});

const ids = (county: string) => ({
  optedIn: `program-opted-in-${county}`,
  tier: `program-tier-${county}`,
  allocation: `program-allocation-${county}`,
});

/** "$1,250,000" or "1 250 000" read as whole dollars; null when empty; NaN when it is not a sum. */
function dollars(text: string): number | null {
  const s = text.replace(/[$,\s]/g, '');
  if (s === '') return null;
  return /^\d+$/.test(s) ? Number(s) : Number.NaN;
}

export function ProgramPage() {
  const { t } = useTranslation();
  const fyLabel = useFiscalYearLabel();
  const [params, setParams] = useSearchParams();
  const param = params.get('fiscalYear') ?? '';
  const fiscalYear = FISCAL_YEAR.test(param) ? param : currentFiscalYear();
  const { result, reload, refresh } = useApi<ParticipationT[]>(`/api/state/participation?fiscalYear=${fiscalYear}`);
  const [year, setYear] = useState(fiscalYear);
  // The answer to the last save: the form starts again from it (the list reloads quietly).
  const [saved, setSaved] = useState<{ fiscalYear: string; rows: ParticipationT[]; n: number } | null>(null);
  const years = fiscalYearChoices();

  const choose = (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    setParams(new URLSearchParams({ fiscalYear: year }));
  };

  return (
    <>
      <PageHeading documentTitle={t('stateProgram.title')}>{t('stateProgram.title')}</PageHeading>
      <p className="usa-intro">{t('stateProgram.intro')}</p>
      <form
        className="usa-form margin-bottom-3"
        noValidate
        onSubmit={choose}
        aria-label={t('stateProgram.chooseLabel')}
      >
        <Field id="program-fiscal-year" label={t('stateCommon.fiscalYear')} hint={t('stateCommon.fiscalYearHint')}>
          {(d) => (
            <Select
              id="program-fiscal-year"
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
          {t('stateProgram.open')}
        </Button>
      </form>

      <section className="harbor-section" aria-labelledby="program-heading">
        <h2 id="program-heading">{t('stateProgram.heading', { fy: fiscalYear })}</h2>
        {saved && saved.fiscalYear === fiscalYear && (
          <Notice key={saved.n}>
            <p className="usa-alert__text">{t('stateProgram.saved', { fy: fiscalYear })}</p>
          </Notice>
        )}
        {result.status === 'error' ? (
          <ApiErrorView error={result.error} onRetry={reload} />
        ) : result.status === 'loading' ? (
          <Loading />
        ) : (
          <ParticipationForm
            key={`${fiscalYear}:${saved?.n ?? 0}`}
            fiscalYear={fiscalYear}
            rows={saved && saved.fiscalYear === fiscalYear ? saved.rows : result.data}
            latest={result.data}
            onSaved={(rows) => {
              setSaved((x) => ({ fiscalYear, rows, n: (x?.n ?? 0) + 1 }));
              refresh();
            }}
          />
        )}
      </section>

      {/* New population figures show in the table without losing changes not yet saved. */}
      <PopulationUpload onUploaded={refresh} />
    </>
  );
}

function ParticipationForm({
  fiscalYear,
  rows: initial,
  latest,
  onSaved,
}: {
  fiscalYear: string;
  /** What the form starts from. */
  rows: ParticipationT[];
  /** The latest list read: the population column follows it. */
  latest: ParticipationT[];
  onSaved: (rows: ParticipationT[]) => void;
}) {
  const { t } = useTranslation();
  const f = useStateFigures();
  const [rows, setRows] = useState<Row[]>(() =>
    [...initial].sort((a, b) => a.countyName.localeCompare(b.countyName)).map(rowOf),
  );
  const [problems, setProblems] = useState<{ list: FieldProblem[]; attempt: number } | null>(null);
  const [failure, setFailure] = useState<ActionError | null>(null);
  const [saving, setSaving] = useState(false);
  const attempt = useRef(0);
  const set = (county: string, change: Partial<Row>) =>
    setRows((list) => list.map((r) => (r.county === county ? { ...r, ...change } : r)));
  const optedIn = rows.filter((r) => r.optedIn).length;
  const population = new Map(latest.map((p) => [p.county, p.population]));

  const check = (): FieldProblem[] =>
    rows.flatMap((r) => {
      if (!r.optedIn) return [];
      const d = dollars(r.allocation);
      return d !== null && (Number.isNaN(d) || d > MAX_ALLOCATION)
        ? [
            {
              field: ids(r.county).allocation,
              message: t('stateProgram.errors.allocation', { county: r.countyName, max: f.dollars(MAX_ALLOCATION) }),
            },
          ]
        : [];
    });

  /** `/body/counties/3/allocationDollars` → that county's field. */
  const serverProblems = (err: ApiError): FieldProblem[] => {
    const fallback = rows[0] ? ids(rows[0].county).optedIn : 'program-heading';
    if (err.errors.length === 0) return [{ field: fallback, message: problemMessage(err) }];
    return err.errors.map((e) => {
      const parts = (pointerFields(e.pointer)[0] ?? '').split('.');
      const row = parts[0] === 'counties' ? rows[Number(parts[1])] : undefined;
      const said = fieldProblemMessage(e);
      if (!row) return { field: fallback, message: said };
      const key = parts[2] === 'tier' ? 'tier' : parts[2] === 'allocationDollars' ? 'allocation' : 'optedIn';
      return { field: ids(row.county)[key], message: `${row.countyName}: ${said}` };
    });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const n = ++attempt.current;
    setFailure(null);
    const list = check();
    if (list.length) {
      setProblems({ list, attempt: n });
      return;
    }
    setProblems(null);
    const body: ParticipationInputT = {
      counties: rows.map((r) => ({
        county: r.county,
        optedIn: r.optedIn,
        tier: r.optedIn && r.tier ? r.tier : null,
        allocationDollars: r.optedIn ? dollars(r.allocation) : null,
      })),
    };
    setSaving(true);
    try {
      const answer = await api<ParticipationT[]>(`/api/state/participation/${fiscalYear}`, { method: 'PUT', body });
      onSaved(answer);
    } catch (err) {
      setSaving(false);
      if (err instanceof ApiError && err.status === 400) setProblems({ list: serverProblems(err), attempt: n });
      else setFailure(toActionError(err, n));
    }
  };

  const errorFor = (id: string) => problems?.list.find((p) => p.field === id)?.message;

  return (
    <form noValidate aria-label={t('stateProgram.formLabel', { fy: fiscalYear })} onSubmit={(e) => void submit(e)}>
      {problems && <ErrorSummary key={problems.attempt} problems={problems.list} headingLevel="h3" />}
      {failure && <ActionErrorAlert key={failure.attempt} error={failure} heading={t('stateProgram.failed')} />}
      <p>{t('stateProgram.formHint')}</p>
      <p aria-live="polite">{t('stateProgram.optedInCount', { count: optedIn, total: rows.length })}</p>
      <div className="harbor-state-table" role="region" aria-labelledby="program-caption" tabIndex={0}>
        <table className="usa-table usa-table--borderless usa-table--compact">
          <caption id="program-caption">{t('stateProgram.caption', { fy: fiscalYear })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('stateProgram.county')}</th>
              <th scope="col">{t('stateProgram.optedIn')}</th>
              <th scope="col">{t('stateProgram.tier')}</th>
              <th scope="col">{t('stateProgram.allocation')}</th>
              <th scope="col">{t('stateProgram.populationColumn')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const id = ids(r.county);
              return (
                <tr key={r.county}>
                  <th scope="row">{r.countyName}</th>
                  <td>
                    <Checkbox
                      id={id.optedIn}
                      name={id.optedIn}
                      className="margin-0 harbor-state-check"
                      label={
                        <span className="usa-sr-only">{t('stateProgram.optedInLabel', { county: r.countyName })}</span>
                      }
                      checked={r.optedIn}
                      onChange={(e) => set(r.county, { optedIn: e.target.checked })}
                    />
                  </td>
                  <td>
                    <label className="usa-sr-only" htmlFor={id.tier}>
                      {t('stateProgram.tierLabel', { county: r.countyName })}
                    </label>
                    <Select
                      id={id.tier}
                      name={id.tier}
                      className="harbor-state-tier"
                      value={r.tier}
                      disabled={!r.optedIn}
                      onChange={(e) => set(r.county, { tier: e.target.value as Row['tier'] })}
                    >
                      <option value="">{t('stateProgram.noTier')}</option>
                      <option value="I">{t('stateProgram.tierI')}</option>
                      <option value="II">{t('stateProgram.tierII')}</option>
                    </Select>
                  </td>
                  <td>
                    <label className="usa-sr-only" htmlFor={id.allocation}>
                      {t('stateProgram.allocationLabel', { county: r.countyName })}
                    </label>
                    {errorFor(id.allocation) && (
                      <span className="usa-error-message" id={`${id.allocation}-error`}>
                        {errorFor(id.allocation)}
                      </span>
                    )}
                    <TextInput
                      id={id.allocation}
                      name={id.allocation}
                      type="text"
                      inputMode="numeric"
                      autoComplete="off"
                      className="harbor-state-allocation"
                      value={r.allocation}
                      disabled={!r.optedIn}
                      validationStatus={errorFor(id.allocation) ? 'error' : undefined}
                      aria-invalid={!!errorFor(id.allocation) || undefined}
                      aria-describedby={errorFor(id.allocation) ? `${id.allocation}-error` : undefined}
                      onChange={(e) => set(r.county, { allocation: e.target.value })}
                    />
                  </td>
                  <td>{f.number(population.has(r.county) ? population.get(r.county) : r.population)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <Button type="submit" className="margin-top-3" disabled={saving}>
        {saving ? t('stateProgram.saving') : t('stateProgram.save')}
      </Button>
      <div aria-live="polite" className="usa-sr-only">
        {saving ? t('stateProgram.saving') : ''}
      </div>
    </form>
  );
}

interface LineError {
  line: number | null;
  column: string | null;
  code: string;
  message: string;
}

/** The refused file's line errors, wherever the problem document carries them. */
function lineErrors(err: ApiError): LineError[] {
  const d = err.details as unknown;
  const list: unknown = Array.isArray(d)
    ? d
    : d && typeof d === 'object' && Array.isArray((d as { errors?: unknown }).errors)
      ? (d as { errors: unknown[] }).errors
      : [];
  if (!Array.isArray(list)) return [];
  return list
    .filter((e): e is Record<string, unknown> => typeof e === 'object' && e !== null)
    .map((e) => ({
      line: typeof e.line === 'number' ? e.line : null,
      column: typeof e.column === 'string' ? e.column : null,
      code: typeof e.code === 'string' ? e.code : 'invalid',
      message: typeof e.message === 'string' ? e.message : '',
    }));
}

const POPULATION_INPUT = 'population-file';

function PopulationUpload({ onUploaded }: { onUploaded: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<{ message: string; attempt: number } | null>(null);
  const [failure, setFailure] = useState<ActionError | null>(null);
  const [refused, setRefused] = useState<{ errors: LineError[]; attempt: number } | null>(null);
  const [done, setDone] = useState<{ inserted: number; updated: number; attempt: number } | null>(null);
  const attempts = useRef(0);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const attempt = ++attempts.current;
    setFailure(null);
    setRefused(null);
    setDone(null);
    const local = !file
      ? t('stateProgram.population.noFile')
      : !/\.csv$/i.test(file.name)
        ? t('stateProgram.population.notCsv')
        : file.size > MAX_UPLOAD_MEGABYTES * 1024 * 1024
          ? t('stateProgram.population.tooLarge', { max: MAX_UPLOAD_MEGABYTES })
          : null;
    setProblem(local ? { message: local, attempt } : null);
    if (local || !file) return;
    setBusy(true);
    try {
      const answer = await api<{ inserted: number; updated: number }>('/api/state/population', {
        method: 'POST',
        raw: { data: file, type: 'text/csv' },
      });
      setDone({ inserted: answer.inserted, updated: answer.updated, attempt });
      onUploaded();
    } catch (err) {
      const lines = err instanceof ApiError && err.status === 400 ? lineErrors(err) : [];
      if (lines.length) setRefused({ errors: lines, attempt });
      else setFailure(toActionError(err, attempt));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="harbor-section margin-top-5" aria-labelledby="population-heading">
      <h2 id="population-heading">{t('stateProgram.population.heading')}</h2>
      <p>{t('stateProgram.population.intro')}</p>
      <details className="margin-bottom-2">
        <summary className="text-bold">{t('stateProgram.population.formatSummary')}</summary>
        <p>{t('stateProgram.population.format')}</p>
        <pre className="font-mono-xs bg-base-lightest padding-1">{t('stateProgram.population.example')}</pre>
      </details>
      {problem && (
        <ErrorSummary key={problem.attempt} problems={[{ field: POPULATION_INPUT, message: problem.message }]} />
      )}
      <form
        className="usa-form usa-form--large"
        noValidate
        aria-label={t('stateProgram.population.formLabel')}
        onSubmit={(e) => void submit(e)}
      >
        <Field
          id={POPULATION_INPUT}
          label={t('stateProgram.population.file')}
          hint={t('stateProgram.population.fileHint', { max: MAX_UPLOAD_MEGABYTES })}
          error={problem?.message}
        >
          {(describedBy) => (
            <input
              id={POPULATION_INPUT}
              name="population"
              type="file"
              accept=".csv,text/csv"
              className="display-block margin-top-1"
              aria-describedby={describedBy}
              aria-invalid={problem ? true : undefined}
              disabled={busy}
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                setProblem(null);
              }}
            />
          )}
        </Field>
        <Button type="submit" className="margin-top-2" disabled={busy}>
          {t('stateProgram.population.upload')}
        </Button>
      </form>
      <div aria-live="polite" className="margin-top-2">
        {busy && <p className="harbor-loading">{t('stateProgram.population.uploading')}</p>}
      </div>
      {done && (
        <Notice key={done.attempt}>
          <p className="usa-alert__text">
            {t('stateProgram.population.done', {
              inserted: formatNumber(done.inserted, language),
              updated: formatNumber(done.updated, language),
            })}
          </p>
        </Notice>
      )}
      {failure && (
        <ActionErrorAlert key={failure.attempt} error={failure} heading={t('stateProgram.population.failed')} />
      )}
      {refused && <RefusedLines key={refused.attempt} errors={refused.errors} />}
    </section>
  );
}

/** The lines to fix, focused when they appear. */
function RefusedLines({ errors }: { errors: LineError[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const say = (e: LineError) => {
    const key = `stateProgram.population.errorCodes.${e.code}`;
    return i18n.exists(key) ? t(key) : t('stateProgram.population.errorCodes.invalid');
  };
  return (
    <>
      <div role="alert" className="usa-alert usa-alert--error margin-y-3">
        <div className="usa-alert__body">
          <h3 id="population-refused" ref={heading} tabIndex={-1} className="usa-alert__heading harbor-focus-target">
            {t('stateProgram.population.refused', { count: errors.length })}
          </h3>
          <p className="usa-alert__text">{t('stateProgram.population.refusedText')}</p>
        </div>
      </div>
      <DataTable<LineError & { key: string }>
        caption={t('stateProgram.population.errorsCaption')}
        rowKey={(e) => e.key}
        rows={errors.map((e, i) => ({ ...e, key: String(i) }))}
        columns={[
          {
            key: 'line',
            header: t('stateProgram.population.line'),
            cell: (e) => (!e.line ? t('stateProgram.population.wholeFile') : formatNumber(e.line, language)),
          },
          { key: 'column', header: t('stateProgram.population.column'), cell: (e) => e.column ?? '' },
          { key: 'problem', header: t('stateProgram.population.problem'), cell: (e) => say(e) },
        ]}
      />
    </>
  );
}
