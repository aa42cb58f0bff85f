import { Button, Select, TextInput, Textarea } from '@trussworks/react-uswds';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api';
import { ActionErrorAlert, toActionError, type ActionError } from '../components/ActionErrorAlert';
import { ErrorSummary, type FieldProblem } from '../components/ErrorSummary';
import { Field } from '../components/Field';
import { serverFieldProblems } from '../lib/serverProblems';
import type { ContactView as DirectoryContact } from '../../contract/directory';
import { ConflictAlert } from './ConflictAlert';

interface Props {
  /** The contact to change; none to add one. */
  contact?: DirectoryContact;
  organizations: { id: string; name: string }[];
  onSaved: (contact: DirectoryContact) => void;
  onCancel: () => void;
  onReload: () => void;
}

/** Adds or changes a person on the CSEC contact list (county administrators). */
export function ContactForm({ contact, organizations, onSaved, onCancel, onReload }: Props) {
  const { t } = useTranslation();
  const prefix = contact ? `contact-${contact.id}` : 'contact-new';
  const id = (field: string) => `${prefix}-${field}`;
  const [organizationId, setOrganizationId] = useState(contact?.organizationId ?? '');
  const [name, setName] = useState(contact?.name ?? '');
  const [title, setTitle] = useState(contact?.title ?? '');
  const [phone, setPhone] = useState(contact?.phone ?? '');
  const [email, setEmail] = useState(contact?.email ?? '');
  const [notes, setNotes] = useState(contact?.notes ?? '');
  const [problems, setProblems] = useState<{ list: FieldProblem[]; attempt: number } | null>(null);
  const [error, setError] = useState<ActionError | null>(null);
  const [conflict, setConflict] = useState<number | null>(null);
  const [saving, setSaving] = useState(false);
  const attempt = useRef(0);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    attempt.current += 1;
    setError(null);
    setConflict(null);
    const list: FieldProblem[] = [];
    if (!organizationId) list.push({ field: id('organization'), message: t('contactForm.errors.organization') });
    if (!name.trim()) list.push({ field: id('name'), message: t('contactForm.errors.name') });
    if (phone.trim()) {
      const digits = phone.split(/x|ext/i)[0]!.replace(/\D/g, '').length;
      if (!(digits === 3 || (digits >= 7 && digits <= 15)))
        list.push({ field: id('phone'), message: t('providerForm.errors.phone') });
    }
    if (email.trim() && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email.trim()))
      list.push({ field: id('email'), message: t('providerForm.errors.email') });
    if (list.length) {
      setProblems({ list, attempt: attempt.current });
      return;
    }
    setProblems(null);
    const orNull = (v: string) => (v.trim() ? v.trim() : null);
    const body = {
      organizationId,
      name: name.trim(),
      title: orNull(title),
      phone: orNull(phone),
      email: orNull(email),
      notes: orNull(notes),
    };
    setSaving(true);
    try {
      const saved = contact
        ? await api<DirectoryContact>(`/api/directory/contacts/${encodeURIComponent(contact.id)}`, {
            method: 'PATCH',
            body: { ...body, version: contact.version },
          })
        : await api<DirectoryContact>('/api/directory/contacts', { method: 'POST', body });
      onSaved(saved);
    } catch (err) {
      setSaving(false);
      if (err instanceof ApiError && err.status === 409) setConflict(attempt.current);
      else if (err instanceof ApiError && err.status === 400) {
        const field = (f: string, label: string) => ({ id: id(f), label });
        setProblems({
          list: serverFieldProblems(
            err,
            {
              organizationId: field('organization', t('contactForm.organization')),
              name: field('name', t('contactForm.name')),
              title: field('title', t('contactForm.title')),
              phone: field('phone', t('contactForm.phone')),
              email: field('email', t('contactForm.email')),
              notes: field('notes', t('contactForm.notes')),
            },
            field('name', t('contactForm.name')),
          ),
          attempt: attempt.current,
        });
      } else setError(toActionError(err, attempt.current));
    }
  };

  const errorFor = (field: string) => problems?.list.find((p) => p.field === id(field))?.message;
  const text = (
    field: 'name' | 'title' | 'phone' | 'email',
    value: string,
    setValue: (v: string) => void,
    opts: { optional?: boolean; type?: 'text' | 'tel' | 'email'; autoComplete?: string } = {},
  ) => (
    <Field
      id={id(field)}
      label={t(`contactForm.${field}`)}
      optional={opts.optional}
      optionalText={t('forms.optional')}
      error={errorFor(field)}
    >
      {(describedBy) => (
        <TextInput
          id={id(field)}
          name={field}
          type={opts.type ?? 'text'}
          autoComplete={opts.autoComplete ?? 'off'}
          maxLength={field === 'email' ? 320 : 200}
          value={value}
          validationStatus={errorFor(field) ? 'error' : undefined}
          aria-invalid={!!errorFor(field) || undefined}
          aria-describedby={describedBy}
          onChange={(e) => setValue(e.target.value)}
        />
      )}
    </Field>
  );

  return (
    <form
      className="usa-form harbor-wide-form"
      noValidate
      onSubmit={(e) => void submit(e)}
      aria-label={contact ? t('contactForm.editLabel', { name: contact.name }) : t('contactForm.add')}
    >
      {problems && <ErrorSummary key={problems.attempt} problems={problems.list} headingLevel="h4" />}
      {conflict !== null && <ConflictAlert key={conflict} details={undefined} onReload={onReload} />}
      {error && (
        <ActionErrorAlert
          key={error.attempt}
          error={error}
          heading={t('contactForm.failed')}
          headingLevel="h4"
          messageKeys={{ 403: 'directory.errors.forbidden', 404: 'directory.errors.notFound' }}
        />
      )}
      <Field id={id('organization')} label={t('contactForm.organization')} error={errorFor('organization')}>
        {(describedBy) => (
          <Select
            id={id('organization')}
            name="organizationId"
            value={organizationId}
            validationStatus={errorFor('organization') ? 'error' : undefined}
            aria-invalid={!!errorFor('organization') || undefined}
            aria-describedby={describedBy}
            onChange={(e) => setOrganizationId(e.target.value)}
          >
            <option value="">{t('common.choose')}</option>
            {organizations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </Select>
        )}
      </Field>
      {text('name', name, setName)}
      {text('title', title, setTitle, { optional: true })}
      {text('phone', phone, setPhone, { optional: true, type: 'tel' })}
      {text('email', email, setEmail, { optional: true, type: 'email' })}
      <Field
        id={id('notes')}
        label={t('contactForm.notes')}
        hint={t('contactForm.notesHint')}
        optional
        optionalText={t('forms.optional')}
      >
        {(describedBy) => (
          <Textarea
            id={id('notes')}
            name="notes"
            className="harbor-short-textarea"
            maxLength={2000}
            value={notes}
            aria-describedby={describedBy}
            onChange={(e) => setNotes(e.target.value)}
          />
        )}
      </Field>
      <div className="harbor-step-buttons">
        <Button type="submit" disabled={saving}>
          {saving ? t('forms.saving') : contact ? t('contactForm.save') : t('contactForm.add')}
        </Button>
        <Button type="button" unstyled onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
