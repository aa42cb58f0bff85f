import { Button, TextInput } from '@trussworks/react-uswds';
import { can } from '../lib/roles';
import { useCallback, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { ActionErrorAlert, toActionError, type ActionError } from '../components/ActionErrorAlert';
import { Disclosure } from '../components/Disclosure';
import { ErrorSummary } from '../components/ErrorSummary';
import { Field } from '../components/Field';
import { Notice } from '../components/Notice';
import { PersonPicker, type StaffPerson } from '../people/PersonPicker';
import { useActiveSession } from '../auth/SessionContext';
import type { MdtMember } from '../../contract/mdt';

interface Props {
  youthId: string;
  members: MdtMember[];
  onChanged: () => void;
}

/** The team's members, adding someone of the county and ending a membership (after a confirmation). */
export function MdtMembers({ youthId, members, onChanged }: Props) {
  const { t } = useTranslation();
  const session = useActiveSession();
  const mayManage = can(session, 'youth.record') || can(session, 'mdt.coordinate');
  const [open, setOpen] = useState(false);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ text: string; n: number } | null>(null);
  const [error, setError] = useState<ActionError | null>(null);
  const [busy, setBusy] = useState(false);
  const attempt = useRef(0);
  const say = (text: string) => setNotice((n) => ({ text, n: (n?.n ?? 0) + 1 }));

  const leave = async (member: MdtMember) => {
    attempt.current += 1;
    setBusy(true);
    setError(null);
    try {
      await api(`/api/youth/${encodeURIComponent(youthId)}/mdt/members/${encodeURIComponent(member.id)}/leave`, {
        method: 'POST',
      });
      setConfirming(null);
      say(t('mdtMembers.removed', { name: member.name }));
      onChanged();
    } catch (err) {
      setError(toActionError(err, attempt.current));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <h3>{t('mdt.members')}</h3>
      {notice && <Notice key={notice.n}>{notice.text}</Notice>}
      {error && (
        <ActionErrorAlert key={error.attempt} error={error} heading={t('mdtMembers.removeFailed')} headingLevel="h4" />
      )}
      {members.length === 0 ? (
        <p>{t('mdt.noMembers')}</p>
      ) : (
        <ul className="usa-list harbor-mdt-members">
          {members.map((m) => {
            const self = m.userId === session.user.id;
            const canRemove = mayManage || self;
            return (
              <li key={m.id} className="margin-bottom-1">
                {t('mdt.memberValue', { name: m.name, organization: m.organization })}
                {m.roleOnTeam && ` (${m.roleOnTeam})`}{' '}
                {canRemove && confirming !== m.id && (
                  <Button type="button" unstyled id={`mdt-remove-${m.id}`} onClick={() => setConfirming(m.id)}>
                    {self ? t('mdtMembers.leave') : t('mdtMembers.remove', { name: m.name })}
                  </Button>
                )}
                {confirming === m.id && (
                  <ConfirmRemove
                    member={m}
                    self={self}
                    busy={busy}
                    onConfirm={() => void leave(m)}
                    onCancel={() => {
                      setConfirming(null);
                      window.setTimeout(() => document.getElementById(`mdt-remove-${m.id}`)?.focus(), 0);
                    }}
                  />
                )}
              </li>
            );
          })}
        </ul>
      )}
      {mayManage && (
        <Disclosure id="mdt-member-form" label={t('mdtMembers.add')} open={open} onToggle={setOpen}>
          <AddMemberForm
            youthId={youthId}
            exclude={members.map((m) => m.userId)}
            onCancel={() => setOpen(false)}
            onSaved={(person) => {
              setOpen(false);
              say(t('mdtMembers.added', { name: person.displayName }));
              onChanged();
            }}
          />
        </Disclosure>
      )}
    </>
  );
}

function ConfirmRemove({
  member,
  self,
  busy,
  onConfirm,
  onCancel,
}: {
  member: MdtMember;
  self: boolean;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const headingId = `mdt-confirm-${member.id}`;
  // Focus moves to the question so a keyboard or screen reader user hears what they are confirming.
  const focusRef = useCallback((el: HTMLParagraphElement | null) => el?.focus(), []);
  return (
    <div className="usa-alert usa-alert--warning usa-alert--slim margin-top-1" role="group" aria-labelledby={headingId}>
      <div className="usa-alert__body">
        <p className="usa-alert__text harbor-focus-target" id={headingId} tabIndex={-1} ref={focusRef}>
          {self ? t('mdtMembers.confirmLeave') : t('mdtMembers.confirm', { name: member.name })}
        </p>
        <div className="harbor-step-buttons">
          <Button type="button" secondary disabled={busy} onClick={onConfirm}>
            {busy
              ? t('mdtMembers.removing')
              : self
                ? t('mdtMembers.confirmLeaveButton')
                : t('mdtMembers.confirmButton')}
          </Button>
          <Button type="button" unstyled onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </div>
      </div>
    </div>
  );
}

function AddMemberForm({
  youthId,
  exclude,
  onSaved,
  onCancel,
}: {
  youthId: string;
  exclude: string[];
  onSaved: (p: StaffPerson) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [person, setPerson] = useState<StaffPerson | null>(null);
  const [role, setRole] = useState('');
  const [problem, setProblem] = useState<number | null>(null);
  const [error, setError] = useState<ActionError | null>(null);
  const [saving, setSaving] = useState(false);
  const attempt = useRef(0);
  const choose = useCallback((p: StaffPerson | null) => setPerson(p), []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    attempt.current += 1;
    setError(null);
    if (!person) {
      setProblem(attempt.current);
      return;
    }
    setProblem(null);
    setSaving(true);
    try {
      await api(`/api/youth/${encodeURIComponent(youthId)}/mdt/members`, {
        method: 'POST',
        body: { userId: person.id, roleOnTeam: role.trim() || null },
      });
      onSaved(person);
    } catch (err) {
      setSaving(false);
      setError(toActionError(err, attempt.current));
    }
  };

  return (
    <form
      className="usa-form usa-form--large"
      noValidate
      onSubmit={(e) => void submit(e)}
      aria-labelledby="mdt-member-form-heading"
    >
      <h4 id="mdt-member-form-heading" className="harbor-form-heading">
        {t('mdtMembers.formHeading')}
      </h4>
      <p className="usa-hint">{t('mdtMembers.formHint')}</p>
      {problem !== null && (
        <ErrorSummary
          key={problem}
          problems={[{ field: 'mdt-member-person', message: t('mdtMembers.errors.person') }]}
          headingLevel="h5"
        />
      )}
      {error && (
        <ActionErrorAlert key={error.attempt} error={error} heading={t('mdtMembers.addFailed')} headingLevel="h5" />
      )}
      <PersonPicker
        id="mdt-member"
        value={person?.id ?? ''}
        onChange={choose}
        exclude={exclude}
        error={problem !== null ? t('mdtMembers.errors.person') : undefined}
      />
      <Field
        id="mdt-member-role"
        label={t('mdtMembers.role')}
        hint={t('mdtMembers.roleHint')}
        optional
        optionalText={t('forms.optional')}
      >
        {(d) => (
          <TextInput
            id="mdt-member-role"
            name="roleOnTeam"
            type="text"
            maxLength={100}
            value={role}
            aria-describedby={d}
            onChange={(e) => setRole(e.target.value)}
          />
        )}
      </Field>
      <div className="harbor-step-buttons">
        <Button type="submit" disabled={saving}>
          {saving ? t('forms.saving') : t('mdtMembers.submit')}
        </Button>
        <Button type="button" unstyled onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
