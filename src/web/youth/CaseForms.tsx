import { Button, Select, TextInput } from '@trussworks/react-uswds';
import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api';
import { ActionErrorAlert, toActionError, type ActionError } from '../components/ActionErrorAlert';
import { DateTimeInput } from '../components/DateTimeInput';
import { ErrorSummary, type FieldProblem } from '../components/ErrorSummary';
import { Field } from '../components/Field';
import { countyDate, formatDate } from '../lib/format';
import { serverFieldProblems, type FormField } from '../lib/serverProblems';
import { useLanguage } from '../lib/useLanguage';
import type { CaseCreated, CaseView } from '../../contract/cases';
import { CASE_KINDS, type CaseKind } from '../../domain/people';
import { CaseWorkerSelect, type Worker } from './CaseWorkerSelect';

/** The earliest day a case may have opened or closed (src/contract/primitives.ts pastDate). */
const EARLIEST = '2000-01-01';

type Problems = { list: FieldProblem[]; attempt: number } | null;

/**
 * A form's save: the body the server refused lands on the fields it names (a taken case number
 * on the number, an agency missing on the kind); anything else is an alert above the form.
 */
function useSave<T>(fields: Record<string, FormField>, fallback: FormField) {
  const [problems, setProblems] = useState<Problems>(null);
  const [error, setError] = useState<ActionError | null>(null);
  const [saving, setSaving] = useState(false);
  const attempt = useRef(0);
  const run = async (event: FormEvent, check: () => FieldProblem[], send: () => Promise<T>, done: (v: T) => void) => {
    event.preventDefault();
    attempt.current += 1;
    setError(null);
    const list = check();
    if (list.length) {
      setProblems({ list, attempt: attempt.current });
      return;
    }
    setProblems(null);
    setSaving(true);
    try {
      done(await send());
    } catch (err) {
      setSaving(false);
      const numberTaken =
        err instanceof ApiError && (err.code === 'case_number_taken' || err.code === 'case_already_open');
      if (err instanceof ApiError && (err.status === 400 || numberTaken)) {
        setProblems({
          list: serverFieldProblems(err, fields, numberTaken && fields.caseNumber ? fields.caseNumber : fallback),
          attempt: attempt.current,
        });
      } else setError(toActionError(err, attempt.current));
    }
  };
  const errorFor = (id: string) => problems?.list.find((p) => p.field === id)?.message;
  return { problems, error, saving, run, errorFor };
}

function FormAlerts({ problems, error, failed }: { problems: Problems; error: ActionError | null; failed: string }) {
  return (
    <>
      {problems && <ErrorSummary key={problems.attempt} problems={problems.list} headingLevel="h4" />}
      {error && <ActionErrorAlert key={error.attempt} error={error} heading={failed} headingLevel="h4" />}
    </>
  );
}

function Buttons({ saving, submit, onCancel }: { saving: boolean; submit: string; onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="harbor-step-buttons">
      <Button type="submit" disabled={saving}>
        {saving ? t('forms.saving') : submit}
      </Button>
      <Button type="button" unstyled onClick={onCancel}>
        {t('common.cancel')}
      </Button>
    </div>
  );
}

function DateField(props: {
  id: string;
  name: string;
  label: string;
  hint: string;
  value: string;
  error: string | undefined;
  onChange: (v: string) => void;
}) {
  return (
    <Field id={props.id} label={props.label} hint={props.hint} error={props.error}>
      {(describedBy) => (
        <DateTimeInput
          id={props.id}
          name={props.name}
          kind="date"
          min={EARLIEST}
          max={countyDate()}
          value={props.value}
          invalid={!!props.error}
          aria-describedby={describedBy}
          onChange={(e) => props.onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

function NumberField(props: { id: string; value: string; error: string | undefined; onChange: (v: string) => void }) {
  const { t } = useTranslation();
  return (
    <Field
      id={props.id}
      label={t('profile.cases.form.number')}
      hint={t('profile.cases.form.numberHint')}
      error={props.error}
    >
      {(describedBy) => (
        <TextInput
          id={props.id}
          name="caseNumber"
          type="text"
          maxLength={40}
          autoComplete="off"
          value={props.value}
          validationStatus={props.error ? 'error' : undefined}
          aria-invalid={!!props.error || undefined}
          aria-describedby={describedBy}
          onChange={(e) => props.onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

/** The checks the reader sees before anything is sent, in their language. */
function useChecks() {
  const { t } = useTranslation();
  const language = useLanguage();
  return {
    number: (field: string, v: string, list: FieldProblem[]) => {
      if (!v.trim()) list.push({ field, message: t('profile.cases.errors.number') });
    },
    opened: (field: string, v: string, list: FieldProblem[]) => {
      if (!v) list.push({ field, message: t('profile.cases.errors.opened') });
      else if (v > countyDate()) list.push({ field, message: t('profile.cases.errors.future') });
      else if (v < EARLIEST) list.push({ field, message: t('profile.cases.errors.early') });
    },
    closed: (field: string, v: string, openedOn: string, list: FieldProblem[]) => {
      if (!v) list.push({ field, message: t('profile.cases.errors.closed') });
      else if (v > countyDate()) list.push({ field, message: t('profile.cases.errors.future') });
      else if (openedOn && v < openedOn)
        list.push({
          field,
          message: t('profile.cases.errors.closedBeforeOpened', { date: formatDate(openedOn, language) }),
        });
    },
  };
}

const casePath = (youthId: string, caseId?: string, action = '') =>
  `/api/youth/${encodeURIComponent(youthId)}/cases${caseId ? `/${encodeURIComponent(caseId)}` : ''}${action}`;

/** Opens a child welfare or probation case: its kind, the state system's number, the day it opened, its worker. */
export function CaseOpenForm({
  youthId,
  onSaved,
  onCancel,
}: {
  youthId: string;
  onSaved: (saved: CaseCreated) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const checks = useChecks();
  const [kind, setKind] = useState<CaseKind | ''>('');
  const [caseNumber, setCaseNumber] = useState('');
  const [openedOn, setOpenedOn] = useState(() => countyDate());
  const [worker, setWorker] = useState<Worker | null>(null);
  const fields = {
    kind: { id: 'case-kind', label: t('profile.cases.form.kind') },
    caseNumber: { id: 'case-number', label: t('profile.cases.form.number') },
    openedOn: { id: 'case-opened', label: t('profile.cases.form.opened') },
    assignedUserId: { id: 'case-worker', label: t('profile.cases.form.worker') },
  };
  const { problems, error, saving, run, errorFor } = useSave<CaseCreated>(fields, fields.kind);
  const check = () => {
    const list: FieldProblem[] = [];
    if (!kind) list.push({ field: 'case-kind', message: t('profile.cases.errors.kind') });
    checks.number('case-number', caseNumber, list);
    checks.opened('case-opened', openedOn, list);
    return list;
  };
  const send = () =>
    api<CaseCreated>(casePath(youthId), {
      method: 'POST',
      body: { kind, caseNumber: caseNumber.trim(), openedOn, ...(worker ? { assignedUserId: worker.id } : {}) },
    });
  return (
    <form
      className="usa-form usa-form--large harbor-wide-form"
      noValidate
      aria-labelledby="case-open-heading"
      onSubmit={(e) => void run(e, check, send, onSaved)}
    >
      <h3 id="case-open-heading">{t('profile.cases.form.openHeading')}</h3>
      <FormAlerts problems={problems} error={error} failed={t('profile.cases.form.failed')} />
      <Field id="case-kind" label={t('profile.cases.form.kind')} error={errorFor('case-kind')}>
        {(describedBy) => (
          <Select
            id="case-kind"
            name="kind"
            value={kind}
            validationStatus={errorFor('case-kind') ? 'error' : undefined}
            aria-invalid={!!errorFor('case-kind') || undefined}
            aria-describedby={describedBy}
            onChange={(e) => {
              setKind(e.target.value as CaseKind | '');
              setWorker(null); // a worker of the other kind's agency cannot carry this case
            }}
          >
            <option value="">{t('common.choose')}</option>
            {CASE_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`caseKinds.${k}`)}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <NumberField id="case-number" value={caseNumber} error={errorFor('case-number')} onChange={setCaseNumber} />
      <DateField
        id="case-opened"
        name="openedOn"
        label={t('profile.cases.form.opened')}
        hint={t('profile.cases.form.openedHint')}
        value={openedOn}
        error={errorFor('case-opened')}
        onChange={setOpenedOn}
      />
      <CaseWorkerSelect
        id="case-worker"
        kind={kind}
        value={worker}
        onChange={setWorker}
        error={errorFor('case-worker')}
      />
      <Buttons saving={saving} submit={t('profile.cases.form.openSubmit')} onCancel={onCancel} />
    </form>
  );
}

/** Corrects a case's number, opening day or worker; only what changed is sent. */
export function CaseEditForm({
  youthId,
  kase,
  onSaved,
  onCancel,
}: {
  youthId: string;
  kase: CaseView;
  onSaved: (saved: CaseView) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const checks = useChecks();
  const language = useLanguage();
  const id = (field: string) => `case-${kase.id}-${field}`;
  const [caseNumber, setCaseNumber] = useState(kase.caseNumber ?? '');
  const [openedOn, setOpenedOn] = useState(kase.openedOn);
  const [worker, setWorker] = useState<Worker | null>(kase.assignedUser);
  const fields = {
    caseNumber: { id: id('number'), label: t('profile.cases.form.number') },
    openedOn: { id: id('opened'), label: t('profile.cases.form.opened') },
    assignedUserId: { id: id('worker'), label: t('profile.cases.form.worker') },
  };
  const { problems, error, saving, run, errorFor } = useSave<CaseView>(fields, fields.caseNumber);
  const body: Record<string, unknown> = { version: kase.version };
  if (caseNumber.trim() !== (kase.caseNumber ?? '')) body.caseNumber = caseNumber.trim();
  if (openedOn !== kase.openedOn) body.openedOn = openedOn;
  if ((worker?.id ?? null) !== (kase.assignedUser?.id ?? null)) body.assignedUserId = worker?.id ?? null;
  const check = () => {
    const list: FieldProblem[] = [];
    if ('caseNumber' in body || kase.caseNumber !== null) checks.number(id('number'), caseNumber, list);
    checks.opened(id('opened'), openedOn, list);
    if (kase.closedOn && openedOn && openedOn > kase.closedOn)
      list.push({
        field: id('opened'),
        message: t('profile.cases.errors.openedAfterClosed', { date: formatDate(kase.closedOn, language) }),
      });
    return list;
  };
  return (
    <form
      className="usa-form usa-form--large harbor-wide-form"
      noValidate
      aria-label={t('profile.cases.form.editHeading')}
      onSubmit={(e) => {
        if (Object.keys(body).length === 1) {
          e.preventDefault();
          onCancel();
          return;
        }
        void run(e, check, () => api<CaseView>(casePath(youthId, kase.id), { method: 'PATCH', body }), onSaved);
      }}
    >
      <FormAlerts problems={problems} error={error} failed={t('profile.cases.form.failed')} />
      <NumberField id={id('number')} value={caseNumber} error={errorFor(id('number'))} onChange={setCaseNumber} />
      <DateField
        id={id('opened')}
        name="openedOn"
        label={t('profile.cases.form.opened')}
        hint={t('profile.cases.form.openedHint')}
        value={openedOn}
        error={errorFor(id('opened'))}
        onChange={setOpenedOn}
      />
      <CaseWorkerSelect
        id={id('worker')}
        kind={kase.kind}
        value={worker}
        onChange={setWorker}
        error={errorFor(id('worker'))}
      />
      <Buttons saving={saving} submit={t('profile.cases.form.save')} onCancel={onCancel} />
    </form>
  );
}

/** Closes an open case: the day (from its opening to today) and why. */
export function CaseCloseForm({
  youthId,
  kase,
  onSaved,
  onCancel,
}: {
  youthId: string;
  kase: CaseView;
  onSaved: (saved: CaseView) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const checks = useChecks();
  const id = (field: string) => `case-${kase.id}-${field}`;
  const [closedOn, setClosedOn] = useState(() => countyDate());
  const [reason, setReason] = useState('');
  const fields = {
    closedOn: { id: id('closed'), label: t('profile.cases.form.closedOn') },
    reason: { id: id('reason'), label: t('profile.cases.form.reason') },
  };
  const { problems, error, saving, run, errorFor } = useSave<CaseView>(fields, fields.closedOn);
  const check = () => {
    const list: FieldProblem[] = [];
    checks.closed(id('closed'), closedOn, kase.openedOn, list);
    if (reason.trim().length > 500) list.push({ field: id('reason'), message: t('profile.cases.errors.reasonLong') });
    return list;
  };
  const send = () =>
    api<CaseView>(casePath(youthId, kase.id, '/close'), {
      method: 'POST',
      body: { version: kase.version, closedOn, ...(reason.trim() ? { reason: reason.trim() } : {}) },
    });
  return (
    <form
      className="usa-form usa-form--large harbor-wide-form"
      noValidate
      aria-label={t('profile.cases.form.closeHeading')}
      onSubmit={(e) => void run(e, check, send, onSaved)}
    >
      <FormAlerts problems={problems} error={error} failed={t('profile.cases.form.failed')} />
      <DateField
        id={id('closed')}
        name="closedOn"
        label={t('profile.cases.form.closedOn')}
        hint={t('profile.cases.form.closedHint')}
        value={closedOn}
        error={errorFor(id('closed'))}
        onChange={setClosedOn}
      />
      <OptionalText
        id={id('reason')}
        label={t('profile.cases.form.reason')}
        hint={t('profile.cases.form.reasonHint')}
        error={errorFor(id('reason'))}
      >
        {(describedBy) => (
          <TextInput
            id={id('reason')}
            name="reason"
            type="text"
            maxLength={500}
            value={reason}
            aria-describedby={describedBy}
            onChange={(e) => setReason(e.target.value)}
          />
        )}
      </OptionalText>
      <Buttons saving={saving} submit={t('profile.cases.form.closeSubmit')} onCancel={onCancel} />
    </form>
  );
}

function OptionalText(props: {
  id: string;
  label: string;
  hint: string;
  error: string | undefined;
  children: (describedBy: string | undefined) => ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Field
      id={props.id}
      label={props.label}
      hint={props.hint}
      optional
      optionalText={t('forms.optional')}
      error={props.error}
    >
      {props.children}
    </Field>
  );
}
