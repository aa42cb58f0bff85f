import { Button } from '@trussworks/react-uswds';
import { useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { ActionErrorAlert, toActionError, type ActionError } from '../components/ActionErrorAlert';
import { ErrorSummary, type FieldProblem } from '../components/ErrorSummary';
import { contractResolver } from '../lib/contractResolver';
import { isApiError, serverFieldProblems } from '../lib/serverProblems';
import type { YouthView } from '../../contract/youth';
import {
  fieldId,
  IDENTITY_FIELDS,
  IdentityFields,
  IdentityFormSchema,
  identityProblems,
  useIdentityLabel,
  type IdentityFormField,
  type IdentityFormOutput,
  type IdentityFormValues,
} from './identityForm';

const PREFIX = 'identity-edit';

function valuesOf(youth: YouthView): IdentityFormValues {
  return {
    legalFirstName: youth.legalFirstName ?? '',
    legalLastName: youth.legalLastName ?? '',
    preferredName: youth.preferredName ?? '',
    dateOfBirth: youth.dateOfBirth ?? '',
    pronouns: youth.pronouns ?? '',
    aliases: (youth.aliases ?? []).join(', '),
    phone: youth.phone ?? '',
    email: youth.email ?? '',
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Corrects a youth's identity and contact details. Sends only what changed, with the version
 * loaded (409 if someone saved since); the server keeps the previous values in the identity history.
 */
export function IdentityEditForm({
  youth,
  onSaved,
  onCancel,
}: {
  youth: YouthView;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const label = useIdentityLabel();
  const contact = youth.phone !== undefined && youth.email !== undefined;
  const [serverProblems, setServerProblems] = useState<FieldProblem[] | null>(null);
  const [error, setError] = useState<ActionError | null>(null);
  const [nothing, setNothing] = useState(false);
  const attempt = useRef(0);
  const {
    register,
    handleSubmit,
    formState: { errors, submitCount, isSubmitting },
  } = useForm<IdentityFormValues, unknown, Partial<IdentityFormOutput>>({
    // Only the fields the user changed are checked and sent: a value recorded before today's
    // rules (an old phone number) does not block correcting another field.
    resolver: (values, context, options) => {
      const loaded = valuesOf(youth);
      const changed = IDENTITY_FIELDS.filter((f) => values[f] !== loaded[f]);
      const schema = IdentityFormSchema.pick(
        Object.fromEntries(changed.map((f) => [f, true])) as Record<IdentityFormField, true>,
      );
      return contractResolver<IdentityFormValues, Partial<IdentityFormOutput>>(schema)(values, context, options);
    },
    defaultValues: valuesOf(youth),
  });
  const problems = identityProblems(PREFIX, errors, label);
  const formFields = Object.fromEntries(IDENTITY_FIELDS.map((f) => [f, { id: fieldId(PREFIX, f), label: label(f) }]));

  const save = async (values: Partial<IdentityFormOutput>) => {
    attempt.current += 1;
    setError(null);
    setServerProblems(null);
    const current: Record<string, unknown> = {
      legalFirstName: youth.legalFirstName,
      legalLastName: youth.legalLastName,
      preferredName: youth.preferredName,
      dateOfBirth: youth.dateOfBirth,
      pronouns: youth.pronouns,
      aliases: youth.aliases ?? [],
      phone: youth.phone,
      email: youth.email,
    };
    const changes = Object.fromEntries(
      Object.entries(values).filter(
        ([k, v]) => (contact || (k !== 'phone' && k !== 'email')) && !same(k === 'aliases' ? (v ?? []) : v, current[k]),
      ),
    );
    if (Object.keys(changes).length === 0) {
      setNothing(true);
      return;
    }
    setNothing(false);
    try {
      await api<{ id: string; version: number }>(`/api/youth/${encodeURIComponent(youth.id)}`, {
        method: 'PATCH',
        body: { ...changes, version: youth.version },
      });
      onSaved();
    } catch (err) {
      if (isApiError(err, 400)) setServerProblems(serverFieldProblems(err, formFields, formFields.legalFirstName!));
      else setError(toActionError(err, attempt.current));
    }
  };

  return (
    <form
      className="usa-form usa-form--large"
      noValidate
      aria-labelledby="identity-edit-heading"
      onSubmit={handleSubmit(save)}
    >
      <h3 id="identity-edit-heading">{t('intake.editHeading')}</h3>
      {submitCount > 0 && problems.length > 0 && <ErrorSummary key={submitCount} problems={problems} />}
      {serverProblems && serverProblems.length > 0 && (
        <ErrorSummary key={`server-${attempt.current}`} problems={serverProblems} />
      )}
      {error && <ActionErrorAlert key={error.attempt} error={error} heading={t('intake.editFailed')} />}
      {nothing && (
        <p role="status" className="text-bold">
          {t('intake.nothingChanged')}
        </p>
      )}
      <IdentityFields prefix={PREFIX} register={register} errors={errors} contact={contact} />
      <div className="margin-top-3">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? t('forms.saving') : t('intake.saveChanges')}
        </Button>
        <Button type="button" unstyled onClick={onCancel} className="margin-left-2">
          {t('intake.cancel')}
        </Button>
      </div>
    </form>
  );
}
