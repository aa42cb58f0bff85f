import { Button, Checkbox, TextInput } from '@trussworks/react-uswds';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { ActionErrorAlert, toActionError, type ActionError } from '../components/ActionErrorAlert';
import { DateTimeInput } from '../components/DateTimeInput';
import { ErrorSummary, type FieldProblem } from '../components/ErrorSummary';
import { Field } from '../components/Field';
import { countyDateTimeInput, countyInputToIso } from '../lib/format';
import type { EpisodeDetail } from '../../contract/missing';
import type { ReportKey } from '../../domain/missing';

interface Props {
  youthId: string;
  episode: EpisodeDetail;
  report: ReportKey;
  onSaved: (episode: EpisodeDetail) => void;
  onCancel: () => void;
}

/**
 * Records a mandated report (law enforcement with NCIC, NCMEC) or a notification (attorney,
 * parent or guardian, court). The time may not be before the youth was found missing.
 */
export function ReportForm({ youthId, episode, report, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const [agency, setAgency] = useState('');
  const [number, setNumber] = useState('');
  const [ncic, setNcic] = useState(false);
  const [name, setName] = useState('');
  const [when, setWhen] = useState(() => countyDateTimeInput());
  const [problems, setProblems] = useState<{ list: FieldProblem[]; attempt: number } | null>(null);
  const [error, setError] = useState<ActionError | null>(null);
  const [saving, setSaving] = useState(false);
  const attempt = useRef(0);
  const id = (field: string) => `report-${report}-${field}`;
  const isNotice = report !== 'law_enforcement' && report !== 'ncmec';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    attempt.current += 1;
    setError(null);
    const list: FieldProblem[] = [];
    const whenIso = countyInputToIso(when);
    if (report === 'law_enforcement' && agency.trim().length < 2)
      list.push({ field: id('agency'), message: t('missingReports.errors.agency') });
    if (!isNotice && !number.trim()) list.push({ field: id('number'), message: t('missingReports.errors.number') });
    if (!whenIso) list.push({ field: id('when'), message: t('missingReports.errors.when') });
    else if (new Date(whenIso).getTime() > Date.now() + 60_000)
      list.push({ field: id('when'), message: t('missingReports.errors.future') });
    else if (whenIso < episode.discoveredAt)
      list.push({ field: id('when'), message: t('missingReports.errors.beforeDiscovery') });
    if (list.length || !whenIso) {
      setProblems({ list, attempt: attempt.current });
      return;
    }
    setProblems(null);
    setSaving(true);
    const body =
      report === 'law_enforcement'
        ? { agency: agency.trim(), reportNumber: number.trim(), reportedAt: whenIso, enteredInNcic: ncic }
        : report === 'ncmec'
          ? { ncmecCaseNumber: number.trim(), reportedAt: whenIso }
          : { notifiedAt: whenIso, ...(name.trim().length >= 2 ? { notifiedName: name.trim() } : {}) };
    try {
      onSaved(
        await api<EpisodeDetail>(
          `/api/youth/${encodeURIComponent(youthId)}/missing/${encodeURIComponent(episode.id)}/reports/${report}`,
          { method: 'POST', body },
        ),
      );
    } catch (err) {
      setSaving(false);
      setError(toActionError(err, attempt.current));
    }
  };

  const errorFor = (field: string) => problems?.list.find((p) => p.field === id(field))?.message;
  const text = (
    field: string,
    label: string,
    value: string,
    set: (v: string) => void,
    hint?: string,
    optional = false,
  ) => (
    <Field
      id={id(field)}
      label={label}
      hint={hint}
      error={errorFor(field)}
      optional={optional}
      optionalText={t('forms.optional')}
    >
      {(describedBy) => (
        <TextInput
          id={id(field)}
          name={field}
          type="text"
          maxLength={200}
          value={value}
          validationStatus={errorFor(field) ? 'error' : undefined}
          aria-invalid={!!errorFor(field) || undefined}
          aria-describedby={describedBy}
          onChange={(e) => set(e.target.value)}
        />
      )}
    </Field>
  );

  return (
    <form
      className="usa-form harbor-wide-form"
      noValidate
      onSubmit={(e) => void submit(e)}
      aria-label={t(`missingReports.${report}.record`)}
    >
      {problems && <ErrorSummary key={problems.attempt} problems={problems.list} headingLevel="h4" />}
      {error && (
        <ActionErrorAlert key={error.attempt} error={error} heading={t('missingReports.failed')} headingLevel="h4" />
      )}
      {report === 'law_enforcement' &&
        text('agency', t('missingReports.agency'), agency, setAgency, t('missingReports.agencyHint'))}
      {report === 'law_enforcement' && text('number', t('missingReports.reportNumber'), number, setNumber)}
      {report === 'ncmec' && text('number', t('missingReports.ncmecNumber'), number, setNumber)}
      {isNotice && text('name', t('missingReports.notifiedName'), name, setName, undefined, true)}
      <Field
        id={id('when')}
        label={t(isNotice ? 'missingReports.notifiedAt' : 'missingReports.reportedAt')}
        hint={t('forms.countyTimeHint')}
        error={errorFor('when')}
      >
        {(describedBy) => (
          <DateTimeInput
            id={id('when')}
            name="when"
            kind="datetime-local"
            value={when}
            invalid={!!errorFor('when')}
            aria-describedby={describedBy}
            onChange={(e) => setWhen(e.target.value)}
          />
        )}
      </Field>
      {report === 'law_enforcement' && (
        <div className="margin-top-3">
          <Checkbox
            id={id('ncic')}
            name="enteredInNcic"
            tile
            checked={ncic}
            onChange={(e) => setNcic(e.target.checked)}
            label={t('missingReports.ncic')}
          />
        </div>
      )}
      <div className="harbor-step-buttons">
        <Button type="submit" disabled={saving}>
          {saving ? t('forms.saving') : t('missingReports.submit')}
        </Button>
        <Button type="button" unstyled onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
