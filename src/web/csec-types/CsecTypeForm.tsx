import { Button, Select, TextInput } from '@trussworks/react-uswds';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { ActionErrorAlert, toActionError, type ActionError } from '../components/ActionErrorAlert';
import { DateTimeInput } from '../components/DateTimeInput';
import { ErrorSummary, type FieldProblem } from '../components/ErrorSummary';
import { Field } from '../components/Field';
import { countyDate, formatDate, formatDateTime } from '../lib/format';
import { pick } from '../lib/localized';
import { useLanguage } from '../lib/useLanguage';
import type { CsecTypeCreated, CsecTypeView } from '../../contract/csec-types';
import type { ScreeningSummary } from '../../contract/screenings';
import { CSEC_SOURCES, CSEC_TYPE_CODES, type CsecSource, type CsecTypeCode } from '../../domain/csec-type';

interface Props {
  youthId: string;
  records: CsecTypeView[];
  /** Final screenings the type can be based on. */
  screenings: ScreeningSummary[];
  presetScreeningId: string | null;
  onSaved: (record: CsecTypeCreated) => void;
  onCancel: () => void;
}

const OPEN_END = '9999-12-31';

/** Records one of the state's CSEC Types. The state's rules are checked here first, in the reader's language. */
export function CsecTypeForm({ youthId, records, screenings, presetScreeningId, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const today = countyDate();
  const preset = presetScreeningId && screenings.some((s) => s.id === presetScreeningId) ? presetScreeningId : '';
  const [type, setType] = useState<CsecTypeCode | ''>('');
  const [startDate, setStartDate] = useState(today);
  const [endDate, setEndDate] = useState('');
  const [subcategory, setSubcategory] = useState('');
  const [source, setSource] = useState<CsecSource | ''>(preset ? 'screening' : '');
  const [screeningId, setScreeningId] = useState(preset);
  const [problems, setProblems] = useState<{ list: FieldProblem[]; attempt: number } | null>(null);
  const [error, setError] = useState<ActionError | null>(null);
  const [saving, setSaving] = useState(false);
  const attempt = useRef(0);

  const check = (): FieldProblem[] => {
    const list: FieldProblem[] = [];
    if (!type) list.push({ field: 'csec-type', message: t('csecForm.errors.type') });
    if (!startDate) list.push({ field: 'csec-start', message: t('csecForm.errors.start') });
    else if (startDate > today) list.push({ field: 'csec-start', message: t('csecForm.errors.startFuture') });
    if (endDate && startDate && endDate < startDate)
      list.push({ field: 'csec-end', message: t('csecForm.errors.endBeforeStart') });
    if (type === 'victim_absent_from_placement' && !endDate)
      list.push({ field: 'csec-end', message: t('csecForm.errors.endNeeded') });
    if (type && startDate && (!endDate || endDate >= startDate)) {
      const clash = records.find(
        (r) => r.type === type && startDate <= (r.endDate ?? OPEN_END) && r.startDate <= (endDate || OPEN_END),
      );
      if (clash) {
        list.push({
          field: 'csec-start',
          message: clash.endDate
            ? t('csecForm.errors.overlap', {
                from: formatDate(clash.startDate, language),
                to: formatDate(clash.endDate, language),
              })
            : t('csecForm.errors.overlapOpen', { from: formatDate(clash.startDate, language) }),
        });
      }
    }
    if (subcategory.trim().length < 2)
      list.push({ field: 'csec-subcategory', message: t('csecForm.errors.subcategory') });
    if (!source) list.push({ field: 'csec-source', message: t('csecForm.errors.source') });
    return list;
  };

  const submit = async (event: FormEvent) => {
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
      const saved = await api<CsecTypeCreated>(`/api/youth/${encodeURIComponent(youthId)}/csec-types`, {
        method: 'POST',
        body: {
          type,
          startDate,
          ...(endDate ? { endDate } : {}),
          allegationSubcategory: subcategory.trim(),
          source,
          ...(source === 'screening' && screeningId ? { screeningId } : {}),
        },
      });
      onSaved(saved);
    } catch (err) {
      setSaving(false);
      setError(toActionError(err, attempt.current));
    }
  };

  const errorFor = (field: string) => problems?.list.find((p) => p.field === field)?.message;

  return (
    <form
      className="usa-form usa-form--large harbor-wide-form"
      noValidate
      onSubmit={(e) => void submit(e)}
      aria-labelledby="csec-form-heading"
    >
      <h3 id="csec-form-heading" tabIndex={-1} className="harbor-focus-target">
        {t('csecForm.heading')}
      </h3>
      <p className="margin-top-0">{t('csecForm.intro')}</p>
      {problems && <ErrorSummary key={problems.attempt} problems={problems.list} headingLevel="h4" />}
      {error && <ActionErrorAlert key={error.attempt} error={error} heading={t('csecForm.failed')} headingLevel="h4" />}

      <Field id="csec-type" label={t('csecForm.type')} hint={t('csecForm.typeHint')} error={errorFor('csec-type')}>
        {(describedBy) => (
          <Select
            id="csec-type"
            name="type"
            value={type}
            validationStatus={errorFor('csec-type') ? 'error' : undefined}
            aria-invalid={!!errorFor('csec-type') || undefined}
            aria-describedby={describedBy}
            onChange={(e) => setType(e.target.value as CsecTypeCode | '')}
          >
            <option value="">{t('common.choose')}</option>
            {CSEC_TYPE_CODES.map((code, i) => (
              <option key={code} value={code}>
                {t('csecForm.typeOption', {
                  rank: i + 1,
                  label: t(`csecTypes.${code}.label`),
                  state: t(`csecTypes.${code}.state`),
                })}
              </option>
            ))}
          </Select>
        )}
      </Field>

      <div className="harbor-date-pair">
        <Field
          id="csec-start"
          label={t('csecForm.start')}
          hint={t('csecForm.startHint')}
          error={errorFor('csec-start')}
        >
          {(describedBy) => (
            <DateTimeInput
              id="csec-start"
              name="startDate"
              kind="date"
              max={today}
              value={startDate}
              invalid={!!errorFor('csec-start')}
              aria-describedby={describedBy}
              onChange={(e) => setStartDate(e.target.value)}
            />
          )}
        </Field>
        <Field
          id="csec-end"
          label={t('csecForm.end')}
          optional={type !== 'victim_absent_from_placement'}
          optionalText={t('forms.optional')}
          hint={type === 'victim_absent_from_placement' ? t('csecForm.endHintAbsent') : t('csecForm.endHint')}
          error={errorFor('csec-end')}
        >
          {(describedBy) => (
            <DateTimeInput
              id="csec-end"
              name="endDate"
              kind="date"
              value={endDate}
              invalid={!!errorFor('csec-end')}
              aria-describedby={describedBy}
              onChange={(e) => setEndDate(e.target.value)}
            />
          )}
        </Field>
      </div>

      <Field
        id="csec-subcategory"
        label={t('csecForm.subcategory')}
        hint={t('csecForm.subcategoryHint')}
        error={errorFor('csec-subcategory')}
      >
        {(describedBy) => (
          <TextInput
            id="csec-subcategory"
            name="allegationSubcategory"
            type="text"
            maxLength={200}
            value={subcategory}
            validationStatus={errorFor('csec-subcategory') ? 'error' : undefined}
            aria-invalid={!!errorFor('csec-subcategory') || undefined}
            aria-describedby={describedBy}
            onChange={(e) => setSubcategory(e.target.value)}
          />
        )}
      </Field>

      <Field id="csec-source" label={t('csecForm.source')} error={errorFor('csec-source')}>
        {(describedBy) => (
          <Select
            id="csec-source"
            name="source"
            value={source}
            validationStatus={errorFor('csec-source') ? 'error' : undefined}
            aria-invalid={!!errorFor('csec-source') || undefined}
            aria-describedby={describedBy}
            onChange={(e) => setSource(e.target.value as CsecSource | '')}
          >
            <option value="">{t('common.choose')}</option>
            {CSEC_SOURCES.map((s) => (
              <option key={s} value={s}>
                {t(`csecSources.${s}`)}
              </option>
            ))}
          </Select>
        )}
      </Field>

      {source === 'screening' && (
        <Field
          id="csec-screening"
          label={t('csecForm.screening')}
          optional
          optionalText={t('forms.optional')}
          hint={screenings.length ? t('csecForm.screeningHint') : t('csecForm.noScreenings')}
        >
          {(describedBy) => (
            <Select
              id="csec-screening"
              name="screeningId"
              value={screeningId}
              aria-describedby={describedBy}
              onChange={(e) => setScreeningId(e.target.value)}
            >
              <option value="">{t('csecForm.noScreening')}</option>
              {screenings.map((s) => (
                <option key={s.id} value={s.id}>
                  {t('csecForm.screeningOption', {
                    date: formatDateTime(s.administeredAt, language),
                    instrument: pick(s.instrument.name, language),
                    level: s.level ? t(`levels.${s.level}`) : '',
                  })}
                </option>
              ))}
            </Select>
          )}
        </Field>
      )}

      <div className="harbor-step-buttons">
        <Button type="submit" disabled={saving}>
          {saving ? t('forms.saving') : t('csecForm.submit')}
        </Button>
        <Button type="button" unstyled onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
