import { Button, TextInput } from '@trussworks/react-uswds';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api';
import { ActionErrorAlert, toActionError, type ActionError } from '../components/ActionErrorAlert';
import { DateTimeInput } from '../components/DateTimeInput';
import { ErrorSummary, type FieldProblem } from '../components/ErrorSummary';
import { Field } from '../components/Field';
import { countyInputToIso, isoToCountyInput } from '../lib/format';
import { serverFieldProblems } from '../lib/serverProblems';
import { useLanguage } from '../lib/useLanguage';
import type { PlacementView as Placement } from '../../contract/placements';
import { CsecTrainedField, csecTrainedValue, trainedOf, type Trained } from './CsecTrainedField';
import { overlapProblem, overlapping, START_AHEAD_MS } from './placementRules';

interface Props {
  youthId: string;
  placement: Placement;
  placements: Placement[];
  onSaved: (placement: Placement) => void;
  onCancel: () => void;
}

/** Ends a placement (the day and time the youth left) or corrects its dates, reason and address. */
export function PlacementEditForm({ youthId, placement: p, placements, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const id = (field: string) => `placement-${p.id}-${field}`;
  const [start, setStart] = useState(() => isoToCountyInput(p.startAt));
  const [end, setEnd] = useState(() => (p.endAt ? isoToCountyInput(p.endAt) : ''));
  const [reason, setReason] = useState(p.changeReason ?? '');
  const [trained, setTrained] = useState<Trained>(trainedOf(p.csecTrained));
  const [address, setAddress] = useState(p.address ?? '');
  const [problems, setProblems] = useState<{ list: FieldProblem[]; attempt: number } | null>(null);
  const [error, setError] = useState<ActionError | null>(null);
  const [saving, setSaving] = useState(false);
  const attempt = useRef(0);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    attempt.current += 1;
    setError(null);
    const list: FieldProblem[] = [];
    const startIso = countyInputToIso(start);
    const endIso = end ? countyInputToIso(end) : null;
    if (!startIso) list.push({ field: id('start'), message: t('placementForm.errors.start') });
    else if (new Date(startIso).getTime() > Date.now() + START_AHEAD_MS)
      list.push({ field: id('start'), message: t('placementForm.errors.startAhead') });
    if (end && !endIso) list.push({ field: id('end'), message: t('placementForm.errors.end') });
    if (startIso && endIso && endIso <= startIso)
      list.push({ field: id('end'), message: t('placementForm.errors.endBeforeStart') });
    if (startIso && (!endIso || endIso > startIso)) {
      const clash = overlapping(placements, startIso, endIso, [p.id]);
      if (clash) list.push(overlapProblem(end ? id('end') : id('start'), clash, t, language));
    }
    if (list.length || !startIso) {
      setProblems({ list, attempt: attempt.current });
      return;
    }
    setProblems(null);
    // Only what changed; a time shown to the minute is unchanged if the minute is the same.
    const body: Record<string, unknown> = { version: p.version };
    if (start !== isoToCountyInput(p.startAt)) body.startAt = startIso;
    if (end !== (p.endAt ? isoToCountyInput(p.endAt) : '')) body.endAt = endIso;
    if ((reason.trim() || null) !== p.changeReason) body.changeReason = reason.trim() || null;
    if (csecTrainedValue(trained) !== p.csecTrained) body.csecTrained = csecTrainedValue(trained);
    if (p.address !== undefined && (address.trim() || null) !== p.address) body.address = address.trim() || null;
    if (Object.keys(body).length === 1) {
      onCancel();
      return;
    }
    setSaving(true);
    try {
      onSaved(
        await api<Placement>(`/api/youth/${encodeURIComponent(youthId)}/placements/${encodeURIComponent(p.id)}`, {
          method: 'PATCH',
          body,
        }),
      );
    } catch (err) {
      setSaving(false);
      if (err instanceof ApiError && err.code === 'placement_overlap') {
        setProblems({
          list: [{ field: id('start'), message: t('placementForm.errors.overlapServer') }],
          attempt: attempt.current,
        });
      } else if (err instanceof ApiError && err.status === 400) {
        setProblems({
          list: serverFieldProblems(
            err,
            {
              startAt: { id: id('start'), label: t('placementForm.start') },
              endAt: { id: id('end'), label: t('placementForm.end') },
              changeReason: { id: id('reason'), label: t('placementForm.reason') },
              address: { id: id('address'), label: t('placementForm.address') },
            },
            { id: id('start'), label: t('placementForm.start') },
          ),
          attempt: attempt.current,
        });
      } else setError(toActionError(err, attempt.current));
    }
  };

  const errorFor = (field: string) => problems?.list.find((x) => x.field === id(field))?.message;

  return (
    <form
      className="usa-form usa-form--large harbor-wide-form"
      noValidate
      onSubmit={(e) => void submit(e)}
      aria-label={t('placementForm.editHeading')}
    >
      {problems && <ErrorSummary key={problems.attempt} problems={problems.list} headingLevel="h5" />}
      {error && (
        <ActionErrorAlert key={error.attempt} error={error} heading={t('placementForm.failed')} headingLevel="h5" />
      )}
      {p.endAt === null && <p className="margin-top-0">{t('placementForm.endIntro')}</p>}
      <div className="harbor-date-pair">
        <Field
          id={id('start')}
          label={t('placementForm.start')}
          hint={t('forms.countyTimeHint')}
          error={errorFor('start')}
        >
          {(describedBy) => (
            <DateTimeInput
              id={id('start')}
              name="startAt"
              kind="datetime-local"
              value={start}
              invalid={!!errorFor('start')}
              aria-describedby={describedBy}
              onChange={(e) => setStart(e.target.value)}
            />
          )}
        </Field>
        <Field
          id={id('end')}
          label={t('placementForm.end')}
          optional
          optionalText={t('forms.optional')}
          hint={t('placementForm.endHint')}
          error={errorFor('end')}
        >
          {(describedBy) => (
            <DateTimeInput
              id={id('end')}
              name="endAt"
              kind="datetime-local"
              value={end}
              invalid={!!errorFor('end')}
              aria-describedby={describedBy}
              onChange={(e) => setEnd(e.target.value)}
            />
          )}
        </Field>
      </div>
      <Field
        id={id('reason')}
        label={t('placementForm.reason')}
        hint={t('placementForm.reasonHint')}
        optional
        optionalText={t('forms.optional')}
        error={errorFor('reason')}
      >
        {(describedBy) => (
          <TextInput
            id={id('reason')}
            name="changeReason"
            type="text"
            maxLength={500}
            value={reason}
            aria-describedby={describedBy}
            onChange={(e) => setReason(e.target.value)}
          />
        )}
      </Field>
      <CsecTrainedField id={id('trained')} value={trained} onChange={setTrained} />
      {p.address !== undefined && (
        <Field
          id={id('address')}
          label={t('placementForm.address')}
          hint={t('placementForm.addressHint')}
          optional
          optionalText={t('forms.optional')}
          error={errorFor('address')}
        >
          {(describedBy) => (
            <TextInput
              id={id('address')}
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
      )}
      <div className="harbor-step-buttons">
        <Button type="submit" disabled={saving}>
          {saving ? t('forms.saving') : t('placementForm.save')}
        </Button>
        <Button type="button" unstyled onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
