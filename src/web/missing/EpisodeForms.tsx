// The smaller forms of an episode: the rest of the report, a search effort, located, returned.
import { Button, Checkbox, TextInput, Textarea } from '@trussworks/react-uswds';
import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { ActionErrorAlert, toActionError, type ActionError } from '../components/ActionErrorAlert';
import { ChoiceSelect } from '../components/ChoiceSelect';
import { DateTimeInput } from '../components/DateTimeInput';
import { ErrorSummary, type FieldProblem } from '../components/ErrorSummary';
import { Field } from '../components/Field';
import { countyDateTimeInput, countyInputToIso } from '../lib/format';
import type { EpisodeDetail } from '../../contract/missing';
import { DISCOVERED_BY, RETURNED_TO, RISK_FACTORS, SEARCH_EFFORT_KINDS } from '../../domain/missing';

interface FormProps {
  youthId: string;
  episode: EpisodeDetail;
  onSaved: (episode: EpisodeDetail) => void;
  onCancel: () => void;
}

/** Saving with a focused error summary (client checks) or error alert (server answer). */
function useEpisodeSave(youthId: string, episode: EpisodeDetail, onSaved: (e: EpisodeDetail) => void) {
  const [problems, setProblems] = useState<{ list: FieldProblem[]; attempt: number } | null>(null);
  const [error, setError] = useState<ActionError | null>(null);
  const [saving, setSaving] = useState(false);
  const attempt = useRef(0);
  const save = async (list: FieldProblem[], method: 'POST' | 'PATCH', path: string, body: unknown) => {
    attempt.current += 1;
    setError(null);
    if (list.length) {
      setProblems({ list, attempt: attempt.current });
      return;
    }
    setProblems(null);
    setSaving(true);
    try {
      onSaved(
        await api<EpisodeDetail>(
          `/api/youth/${encodeURIComponent(youthId)}/missing/${encodeURIComponent(episode.id)}${path}`,
          { method, body },
        ),
      );
    } catch (err) {
      setSaving(false);
      setError(toActionError(err, attempt.current));
    }
  };
  const errorFor = (field: string) => problems?.list.find((p) => p.field === field)?.message;
  return { problems, error, saving, save, errorFor };
}

function FormFrame({
  label,
  state,
  failed,
  onSubmit,
  onCancel,
  submit,
  children,
}: {
  label: string;
  state: ReturnType<typeof useEpisodeSave>;
  failed: string;
  onSubmit: () => void;
  onCancel: () => void;
  submit: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <form
      className="usa-form usa-form--large harbor-wide-form"
      noValidate
      aria-label={label}
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      {state.problems && <ErrorSummary key={state.problems.attempt} problems={state.problems.list} headingLevel="h4" />}
      {state.error && (
        <ActionErrorAlert key={state.error.attempt} error={state.error} heading={failed} headingLevel="h4" />
      )}
      {children}
      <div className="harbor-step-buttons">
        <Button type="submit" disabled={state.saving}>
          {state.saving ? t('forms.saving') : submit}
        </Button>
        <Button type="button" unstyled onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}

function When({
  id,
  label,
  value,
  set,
  error,
}: {
  id: string;
  label: string;
  value: string;
  set: (v: string) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  return (
    <Field id={id} label={label} hint={t('forms.countyTimeHint')} error={error}>
      {(describedBy) => (
        <DateTimeInput
          id={id}
          name={id}
          kind="datetime-local"
          value={value}
          invalid={!!error}
          aria-describedby={describedBy}
          onChange={(e) => set(e.target.value)}
        />
      )}
    </Field>
  );
}

/** The rest of the report, later: who found the youth missing, known risk factors, circumstances. */
export function DetailsForm({ youthId, episode, onSaved, onCancel }: FormProps) {
  const { t } = useTranslation();
  const state = useEpisodeSave(youthId, episode, onSaved);
  const [role, setRole] = useState(episode.discoveredByRole ?? '');
  const [name, setName] = useState(episode.discoveredByName ?? '');
  const [risks, setRisks] = useState<string[]>(episode.riskFactors);
  const [circumstances, setCircumstances] = useState(episode.circumstances ?? '');
  return (
    <FormFrame
      label={t('missing.details.heading')}
      state={state}
      failed={t('missing.details.failed')}
      submit={t('missing.details.submit')}
      onCancel={onCancel}
      onSubmit={() =>
        void state.save([], 'PATCH', '', {
          version: episode.version,
          discoveredByRole: role || null,
          discoveredByName: name.trim() || null,
          riskFactors: risks,
          circumstances: circumstances.trim() || null,
        })
      }
    >
      <Field
        id="missing-found-by"
        label={t('missing.details.discoveredBy')}
        optional
        optionalText={t('forms.optional')}
      >
        {(d) => (
          <ChoiceSelect
            id="missing-found-by"
            name="discoveredByRole"
            value={role}
            onChange={setRole}
            describedBy={d}
            options={DISCOVERED_BY.map((r) => ({ value: r, label: t(`missing.discoveredByRoles.${r}`) }))}
          />
        )}
      </Field>
      <Field
        id="missing-found-name"
        label={t('missing.details.discoveredByName')}
        optional
        optionalText={t('forms.optional')}
      >
        {(d) => (
          <TextInput
            id="missing-found-name"
            name="discoveredByName"
            type="text"
            maxLength={200}
            value={name}
            aria-describedby={d}
            onChange={(e) => setName(e.target.value)}
          />
        )}
      </Field>
      <fieldset className="usa-fieldset margin-top-3">
        <legend className="usa-legend">{t('missing.details.riskFactors')}</legend>
        {RISK_FACTORS.map((r) => (
          <Checkbox
            key={r}
            id={`missing-risk-${r}`}
            name="riskFactors"
            value={r}
            checked={risks.includes(r)}
            onChange={(e) => setRisks((list) => (e.target.checked ? [...list, r] : list.filter((x) => x !== r)))}
            label={t(`missing.risks.${r}`)}
          />
        ))}
      </fieldset>
      <Field
        id="missing-circumstances"
        label={t('missing.details.circumstances')}
        hint={t('missing.details.circumstancesHint')}
        optional
        optionalText={t('forms.optional')}
      >
        {(d) => (
          <Textarea
            id="missing-circumstances"
            name="circumstances"
            className="harbor-short-textarea"
            maxLength={4000}
            value={circumstances}
            aria-describedby={d}
            onChange={(e) => setCircumstances(e.target.value)}
          />
        )}
      </Field>
    </FormFrame>
  );
}

/** One entry in the search log. */
export function SearchEffortForm({ youthId, episode, onSaved, onCancel }: FormProps) {
  const { t } = useTranslation();
  const state = useEpisodeSave(youthId, episode, onSaved);
  const [kind, setKind] = useState('');
  const [when, setWhen] = useState(() => countyDateTimeInput());
  const [note, setNote] = useState('');
  const submit = () => {
    const list: FieldProblem[] = [];
    const whenIso = countyInputToIso(when);
    if (!kind) list.push({ field: 'search-kind', message: t('searchEfforts.errors.kind') });
    if (!whenIso) list.push({ field: 'search-when', message: t('searchEfforts.errors.when') });
    if (note.trim().length < 3) list.push({ field: 'search-note', message: t('searchEfforts.errors.note') });
    void state.save(list, 'POST', '/search-efforts', { kind, doneAt: whenIso, note: note.trim() });
  };
  return (
    <FormFrame
      label={t('searchEfforts.add')}
      state={state}
      failed={t('searchEfforts.failed')}
      submit={t('searchEfforts.submit')}
      onCancel={onCancel}
      onSubmit={submit}
    >
      <Field id="search-kind" label={t('searchEfforts.kind')} error={state.errorFor('search-kind')}>
        {(d) => (
          <ChoiceSelect
            id="search-kind"
            name="kind"
            value={kind}
            onChange={setKind}
            describedBy={d}
            invalid={!!state.errorFor('search-kind')}
            options={SEARCH_EFFORT_KINDS.map((k) => ({ value: k, label: t(`searchEfforts.kinds.${k}`) }))}
          />
        )}
      </Field>
      <When
        id="search-when"
        label={t('searchEfforts.when')}
        value={when}
        set={setWhen}
        error={state.errorFor('search-when')}
      />
      <Field
        id="search-note"
        label={t('searchEfforts.note')}
        hint={t('searchEfforts.noteHint')}
        error={state.errorFor('search-note')}
      >
        {(d) => (
          <Textarea
            id="search-note"
            name="note"
            className="harbor-short-textarea"
            maxLength={2000}
            value={note}
            error={!!state.errorFor('search-note')}
            aria-describedby={d}
            onChange={(e) => setNote(e.target.value)}
          />
        )}
      </Field>
    </FormFrame>
  );
}

/** The youth was located (not yet back). */
export function LocatedForm({ youthId, episode, onSaved, onCancel }: FormProps) {
  const { t } = useTranslation();
  const state = useEpisodeSave(youthId, episode, onSaved);
  const [when, setWhen] = useState(() => countyDateTimeInput());
  const [note, setNote] = useState('');
  const submit = () => {
    const whenIso = countyInputToIso(when);
    const list: FieldProblem[] = whenIso ? [] : [{ field: 'located-when', message: t('missing.return.errors.when') }];
    void state.save(list, 'POST', '/located', { locatedAt: whenIso, note: note.trim() || null });
  };
  return (
    <FormFrame
      label={t('missing.return.located')}
      state={state}
      failed={t('missing.return.failed')}
      submit={t('missing.return.locatedSubmit')}
      onCancel={onCancel}
      onSubmit={submit}
    >
      <When
        id="located-when"
        label={t('missing.return.locatedAt')}
        value={when}
        set={setWhen}
        error={state.errorFor('located-when')}
      />
      <Field id="located-note" label={t('missing.return.note')} optional optionalText={t('forms.optional')}>
        {(d) => (
          <TextInput
            id="located-note"
            name="note"
            type="text"
            maxLength={1000}
            value={note}
            aria-describedby={d}
            onChange={(e) => setNote(e.target.value)}
          />
        )}
      </Field>
    </FormFrame>
  );
}

/** The youth is back: when, and where to. */
export function ReturnedForm({ youthId, episode, onSaved, onCancel }: FormProps) {
  const { t } = useTranslation();
  const state = useEpisodeSave(youthId, episode, onSaved);
  const [when, setWhen] = useState(() => countyDateTimeInput());
  const [to, setTo] = useState('');
  const [note, setNote] = useState('');
  const submit = () => {
    const whenIso = countyInputToIso(when);
    const list: FieldProblem[] = [];
    if (!whenIso) list.push({ field: 'returned-when', message: t('missing.return.errors.when') });
    else if (whenIso < episode.discoveredAt)
      list.push({ field: 'returned-when', message: t('missing.return.errors.beforeDiscovery') });
    if (!to) list.push({ field: 'returned-to', message: t('missing.return.errors.to') });
    void state.save(list, 'POST', '/returned', { returnedAt: whenIso, returnedTo: to, note: note.trim() || null });
  };
  return (
    <FormFrame
      label={t('missing.return.returned')}
      state={state}
      failed={t('missing.return.failed')}
      submit={t('missing.return.returnedSubmit')}
      onCancel={onCancel}
      onSubmit={submit}
    >
      <When
        id="returned-when"
        label={t('missing.return.returnedAt')}
        value={when}
        set={setWhen}
        error={state.errorFor('returned-when')}
      />
      <Field id="returned-to" label={t('missing.return.returnedTo')} error={state.errorFor('returned-to')}>
        {(d) => (
          <ChoiceSelect
            id="returned-to"
            name="returnedTo"
            value={to}
            onChange={setTo}
            describedBy={d}
            invalid={!!state.errorFor('returned-to')}
            options={RETURNED_TO.map((r) => ({ value: r, label: t(`missing.returnedTo.${r}`) }))}
          />
        )}
      </Field>
      <Field id="returned-note" label={t('missing.return.note')} optional optionalText={t('forms.optional')}>
        {(d) => (
          <TextInput
            id="returned-note"
            name="note"
            type="text"
            maxLength={1000}
            value={note}
            aria-describedby={d}
            onChange={(e) => setNote(e.target.value)}
          />
        )}
      </Field>
    </FormFrame>
  );
}
