import { Button, Checkbox, TextInput, Textarea } from '@trussworks/react-uswds';
import { useCallback, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { ActionErrorAlert, toActionError, type ActionError } from '../components/ActionErrorAlert';
import { ChoiceSelect, type Choice } from '../components/ChoiceSelect';
import { DateTimeInput } from '../components/DateTimeInput';
import { ErrorSummary, type FieldProblem } from '../components/ErrorSummary';
import { Field } from '../components/Field';
import { countyDateTimeInput, countyInputToIso } from '../lib/format';
import { PersonPicker, type StaffPerson } from '../people/PersonPicker';
import type { MeetingCreated as MdtMeetingCreated } from '../../contract/mdt';
import { CAREGIVER_PARTICIPATION, MDT_TIERS, YOUTH_PARTICIPATION } from '../../domain/mdt';
import { ORGANIZATION_TYPES } from '../../domain/people';

/** A Harbor user who can attend or own an action item: the team's members, the signed-in user, anyone of the county found by name. */
export interface Person {
  userId: string;
  name: string;
  organization: string;
  organizationType?: string;
}

const OTHER = 'other';

interface AttendeeRow {
  key: number;
  /** A user id, or OTHER for someone named by hand. */
  person: string;
  name: string;
  organizationType: string;
  present: boolean;
}

interface ActionRow {
  key: number;
  description: string;
  owner: string;
  dueAt: string;
}

interface Props {
  youthId: string;
  people: Person[];
  onSaved: (created: MdtMeetingCreated, held: boolean) => void;
  onCancel: () => void;
}

/** Records an MDT meeting: tier, when, who took part, decisions and action items. */
export function MeetingForm({ youthId, people: teamPeople, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  // County staff found with the picker join the team's people as choices for attendees and owners.
  const [found, setFound] = useState<Person[]>([]);
  const [picked, setPicked] = useState<StaffPerson | null>(null);
  const [foundNotice, setFoundNotice] = useState<{ name: string; n: number } | null>(null);
  const choosePicked = useCallback((p: StaffPerson | null) => setPicked(p), []);
  const people = [...teamPeople, ...found.filter((f) => !teamPeople.some((p) => p.userId === f.userId))];
  const [tier, setTier] = useState('');
  const [scheduledAt, setScheduledAt] = useState(() => countyDateTimeInput());
  const [heldAt, setHeldAt] = useState('');
  const [youthPart, setYouthPart] = useState('');
  const [caregiverPart, setCaregiverPart] = useState('');
  const [decisions, setDecisions] = useState('');
  const [attendees, setAttendees] = useState<AttendeeRow[]>([]);
  const [actions, setActions] = useState<ActionRow[]>([]);
  const [problems, setProblems] = useState<{ list: FieldProblem[]; attempt: number } | null>(null);
  const [error, setError] = useState<ActionError | null>(null);
  const [saving, setSaving] = useState(false);
  const attempt = useRef(0);
  const nextKey = useRef(1);
  const focusLater = (id: string) => window.setTimeout(() => document.getElementById(id)?.focus(), 0);

  const addAttendee = () => {
    const key = nextKey.current++;
    setAttendees((rows) => [...rows, { key, person: '', name: '', organizationType: '', present: true }]);
    focusLater(`mdt-att-${key}-person`);
  };
  // A person found by name joins the meeting as an attendee (present), with their organization's type.
  const addPicked = () => {
    if (!picked) return;
    if (!people.some((p) => p.userId === picked.id))
      setFound((list) => [
        ...list,
        {
          userId: picked.id,
          name: picked.displayName,
          organization: picked.organization.name,
          organizationType: picked.organization.type,
        },
      ]);
    const key = nextKey.current++;
    setAttendees((rows) => [
      ...rows,
      { key, person: picked.id, name: '', organizationType: picked.organization.type, present: true },
    ]);
    setFoundNotice((n) => ({ name: picked.displayName, n: (n?.n ?? 0) + 1 }));
    setPicked(null);
  };
  const removeAttendee = (key: number) => {
    setAttendees((rows) => rows.filter((r) => r.key !== key));
    focusLater('mdt-add-attendee');
  };
  const updateAttendee = (key: number, change: Partial<AttendeeRow>) =>
    setAttendees((rows) => rows.map((r) => (r.key === key ? { ...r, ...change } : r)));
  const addAction = () => {
    const key = nextKey.current++;
    setActions((rows) => [...rows, { key, description: '', owner: '', dueAt: '' }]);
    focusLater(`mdt-act-${key}-description`);
  };
  const removeAction = (key: number) => {
    setActions((rows) => rows.filter((r) => r.key !== key));
    focusLater('mdt-add-action');
  };
  const updateAction = (key: number, change: Partial<ActionRow>) =>
    setActions((rows) => rows.map((r) => (r.key === key ? { ...r, ...change } : r)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    attempt.current += 1;
    setError(null);
    const list: FieldProblem[] = [];
    const scheduledIso = countyInputToIso(scheduledAt);
    const heldIso = heldAt ? countyInputToIso(heldAt) : null;
    if (!tier) list.push({ field: 'mdt-tier', message: t('mdt.errors.tier') });
    if (!scheduledIso) list.push({ field: 'mdt-scheduled', message: t('mdt.errors.scheduled') });
    if (heldAt && !heldIso) list.push({ field: 'mdt-held', message: t('mdt.errors.held') });
    else if (heldIso && new Date(heldIso).getTime() > Date.now() + 60_000)
      list.push({ field: 'mdt-held', message: t('mdt.errors.heldFuture') });
    attendees.forEach((a, i) => {
      const n = i + 1;
      if (!a.person) list.push({ field: `mdt-att-${a.key}-person`, message: t('mdt.errors.attendeePerson', { n }) });
      if (a.person === OTHER && !a.name.trim())
        list.push({ field: `mdt-att-${a.key}-name`, message: t('mdt.errors.attendeeName', { n }) });
      if (!a.organizationType)
        list.push({ field: `mdt-att-${a.key}-org`, message: t('mdt.errors.attendeeOrg', { n }) });
    });
    const dueIsos = actions.map((a) => countyInputToIso(a.dueAt));
    actions.forEach((a, i) => {
      const n = i + 1;
      if (a.description.trim().length < 3)
        list.push({ field: `mdt-act-${a.key}-description`, message: t('mdt.errors.actionDescription', { n }) });
      if (!a.owner) list.push({ field: `mdt-act-${a.key}-owner`, message: t('mdt.errors.actionOwner', { n }) });
      if (!dueIsos[i]) list.push({ field: `mdt-act-${a.key}-due`, message: t('mdt.errors.actionDue', { n }) });
    });
    if (list.length || !scheduledIso) {
      setProblems({ list, attempt: attempt.current });
      return;
    }
    setProblems(null);
    setSaving(true);
    const body = {
      tier,
      scheduledAt: scheduledIso,
      heldAt: heldIso,
      youthParticipation: youthPart || null,
      caregiverParticipation: caregiverPart || null,
      decisions: decisions.trim() || null,
      attendees: attendees.map((a) => {
        const person = people.find((p) => p.userId === a.person);
        return {
          userId: person?.userId ?? null,
          name: person ? person.name : a.name.trim(),
          organizationType: a.organizationType,
          present: a.present,
        };
      }),
      actionItems: actions.map((a, i) => ({
        description: a.description.trim(),
        ownerUserId: a.owner,
        dueAt: dueIsos[i] ?? '',
      })),
    };
    try {
      const created = await api<MdtMeetingCreated>(`/api/youth/${encodeURIComponent(youthId)}/mdt/meetings`, {
        method: 'POST',
        body,
      });
      onSaved(created, !!heldIso);
    } catch (err) {
      setSaving(false);
      setError(toActionError(err, attempt.current));
    }
  };

  const errorFor = (field: string) => problems?.list.find((p) => p.field === field)?.message;
  const select = (
    id: string,
    value: string,
    onChange: (v: string) => void,
    options: readonly Choice[],
    describedBy?: string,
  ) => (
    <ChoiceSelect
      id={id}
      value={value}
      onChange={onChange}
      options={options}
      describedBy={describedBy}
      invalid={!!errorFor(id)}
    />
  );
  const orgOptions = ORGANIZATION_TYPES.map((o) => ({ value: o, label: t(`organizationTypes.${o}`) }));
  const personOptions = people.map((p) => ({
    value: p.userId,
    label: t('mdt.memberValue', { name: p.name, organization: p.organization }),
  }));
  const participation = (v: string) => ({ value: v, label: t(`mdt.participationValues.${v}`) });

  return (
    <form
      className="usa-form usa-form--large harbor-wide-form"
      noValidate
      onSubmit={(e) => void submit(e)}
      aria-labelledby="mdt-form-heading"
    >
      <h3 id="mdt-form-heading" className="harbor-form-heading">
        {t('mdt.formHeading')}
      </h3>
      {problems && <ErrorSummary key={problems.attempt} problems={problems.list} headingLevel="h4" />}
      {error && <ActionErrorAlert key={error.attempt} error={error} heading={t('mdt.failed')} headingLevel="h4" />}
      <Field id="mdt-tier" label={t('mdt.tier')} error={errorFor('mdt-tier')}>
        {(d) =>
          select(
            'mdt-tier',
            tier,
            setTier,
            MDT_TIERS.map((v) => ({ value: v, label: t(`mdt.tiers.${v}`) })),
            d,
          )
        }
      </Field>
      <Field
        id="mdt-scheduled"
        label={t('mdt.scheduledAt')}
        hint={t('forms.countyTimeHint')}
        error={errorFor('mdt-scheduled')}
      >
        {(d) => (
          <DateTimeInput
            id="mdt-scheduled"
            name="scheduledAt"
            kind="datetime-local"
            value={scheduledAt}
            invalid={!!errorFor('mdt-scheduled')}
            aria-describedby={d}
            onChange={(e) => setScheduledAt(e.target.value)}
          />
        )}
      </Field>
      <Field
        id="mdt-held"
        label={t('mdt.heldAt')}
        hint={t('mdt.heldAtHint')}
        error={errorFor('mdt-held')}
        optional
        optionalText={t('forms.optional')}
      >
        {(d) => (
          <DateTimeInput
            id="mdt-held"
            name="heldAt"
            kind="datetime-local"
            value={heldAt}
            invalid={!!errorFor('mdt-held')}
            aria-describedby={d}
            onChange={(e) => setHeldAt(e.target.value)}
          />
        )}
      </Field>
      <Field id="mdt-youth-part" label={t('mdt.youthParticipation')} optional optionalText={t('forms.optional')}>
        {(d) => select('mdt-youth-part', youthPart, setYouthPart, YOUTH_PARTICIPATION.map(participation), d)}
      </Field>
      <Field
        id="mdt-caregiver-part"
        label={t('mdt.caregiverParticipation')}
        optional
        optionalText={t('forms.optional')}
      >
        {(d) =>
          select('mdt-caregiver-part', caregiverPart, setCaregiverPart, CAREGIVER_PARTICIPATION.map(participation), d)
        }
      </Field>

      <fieldset className="usa-fieldset margin-top-4 harbor-mdt-row">
        <legend className="usa-legend text-bold">{t('people.meetingLegend')}</legend>
        <p className="usa-hint">{t('people.meetingHint')}</p>
        <PersonPicker
          id="mdt-find"
          value={picked?.id ?? ''}
          onChange={choosePicked}
          exclude={attendees.map((a) => a.person)}
        />
        <Button type="button" outline className="margin-top-2" disabled={!picked} onClick={addPicked}>
          {t('people.addToMeeting')}
        </Button>
        <p className="usa-hint margin-top-1" aria-live="polite">
          {foundNotice ? t('people.addedToMeeting', { name: foundNotice.name }) : ''}
        </p>
      </fieldset>

      <fieldset className="usa-fieldset margin-top-4">
        <legend className="usa-legend usa-legend--large">{t('mdt.attendees')}</legend>
        <p className="usa-hint">{t('mdt.attendeesHint')}</p>
        {attendees.map((a, i) => {
          const n = i + 1;
          const id = (f: string) => `mdt-att-${a.key}-${f}`;
          return (
            <fieldset key={a.key} className="usa-fieldset harbor-mdt-row">
              <legend className="usa-legend text-bold">{t('mdt.attendeeN', { n })}</legend>
              <Field id={id('person')} label={t('mdt.person')} error={errorFor(id('person'))}>
                {(d) =>
                  select(
                    id('person'),
                    a.person,
                    (v) => {
                      const person = people.find((p) => p.userId === v);
                      updateAttendee(a.key, {
                        person: v,
                        organizationType: person?.organizationType ?? a.organizationType,
                      });
                    },
                    [...personOptions, { value: OTHER, label: t('mdt.someoneElse') }],
                    d,
                  )
                }
              </Field>
              {a.person === OTHER && (
                <Field id={id('name')} label={t('mdt.name')} error={errorFor(id('name'))}>
                  {(d) => (
                    <TextInput
                      id={id('name')}
                      name={id('name')}
                      type="text"
                      maxLength={200}
                      value={a.name}
                      validationStatus={errorFor(id('name')) ? 'error' : undefined}
                      aria-invalid={!!errorFor(id('name')) || undefined}
                      aria-describedby={d}
                      onChange={(e) => updateAttendee(a.key, { name: e.target.value })}
                    />
                  )}
                </Field>
              )}
              <Field id={id('org')} label={t('mdt.organizationType')} error={errorFor(id('org'))}>
                {(d) =>
                  select(
                    id('org'),
                    a.organizationType,
                    (v) => updateAttendee(a.key, { organizationType: v }),
                    orgOptions,
                    d,
                  )
                }
              </Field>
              <Checkbox
                id={id('present')}
                name={id('present')}
                checked={a.present}
                onChange={(e) => updateAttendee(a.key, { present: e.target.checked })}
                label={t('mdt.present')}
              />
              <Button type="button" unstyled className="margin-top-2" onClick={() => removeAttendee(a.key)}>
                {t('mdt.removeAttendee', { n })}
              </Button>
            </fieldset>
          );
        })}
        <Button type="button" outline id="mdt-add-attendee" className="margin-top-2" onClick={addAttendee}>
          {t('mdt.addAttendee')}
        </Button>
      </fieldset>

      <Field id="mdt-decisions" label={t('mdt.decisions')} optional optionalText={t('forms.optional')}>
        {(d) => (
          <Textarea
            id="mdt-decisions"
            name="decisions"
            maxLength={10_000}
            value={decisions}
            aria-describedby={d}
            onChange={(e) => setDecisions(e.target.value)}
          />
        )}
      </Field>

      <fieldset className="usa-fieldset margin-top-4">
        <legend className="usa-legend usa-legend--large">{t('mdt.actionItems')}</legend>
        <p className="usa-hint">{t('mdt.actionItemsHint')}</p>
        {actions.map((a, i) => {
          const n = i + 1;
          const id = (f: string) => `mdt-act-${a.key}-${f}`;
          return (
            <fieldset key={a.key} className="usa-fieldset harbor-mdt-row">
              <legend className="usa-legend text-bold">{t('mdt.actionItemN', { n })}</legend>
              <Field id={id('description')} label={t('mdt.actionDescription')} error={errorFor(id('description'))}>
                {(d) => (
                  <TextInput
                    id={id('description')}
                    name={id('description')}
                    type="text"
                    maxLength={1000}
                    value={a.description}
                    validationStatus={errorFor(id('description')) ? 'error' : undefined}
                    aria-invalid={!!errorFor(id('description')) || undefined}
                    aria-describedby={d}
                    onChange={(e) => updateAction(a.key, { description: e.target.value })}
                  />
                )}
              </Field>
              <Field id={id('owner')} label={t('mdt.actionOwner')} error={errorFor(id('owner'))}>
                {(d) => select(id('owner'), a.owner, (v) => updateAction(a.key, { owner: v }), personOptions, d)}
              </Field>
              <Field
                id={id('due')}
                label={t('mdt.actionDue')}
                hint={t('forms.countyTimeHint')}
                error={errorFor(id('due'))}
              >
                {(d) => (
                  <DateTimeInput
                    id={id('due')}
                    name={id('due')}
                    kind="datetime-local"
                    value={a.dueAt}
                    invalid={!!errorFor(id('due'))}
                    aria-describedby={d}
                    onChange={(e) => updateAction(a.key, { dueAt: e.target.value })}
                  />
                )}
              </Field>
              <Button type="button" unstyled className="margin-top-2" onClick={() => removeAction(a.key)}>
                {t('mdt.removeActionItem', { n })}
              </Button>
            </fieldset>
          );
        })}
        <Button type="button" outline id="mdt-add-action" className="margin-top-2" onClick={addAction}>
          {t('mdt.addActionItem')}
        </Button>
      </fieldset>

      <div className="harbor-step-buttons">
        <Button type="submit" disabled={saving}>
          {saving ? t('forms.saving') : t('mdt.submit')}
        </Button>
        <Button type="button" unstyled onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
