// The identity and contact fields shared by intake (a new youth) and corrections (an existing
// youth's identity): react-hook-form with the contract's own field schemas (src/contract/youth.ts),
// so the browser refuses exactly what the server would (a 30 February, a NUL, a name too long).
import { TextInput } from '@trussworks/react-uswds';
import type { FieldErrors, UseFormRegister } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { DateTimeInput } from '../components/DateTimeInput';
import type { FieldProblem } from '../components/ErrorSummary';
import { Field } from '../components/Field';
import { YouthFields } from '../../contract/youth';

/** What the form holds: text, as the inputs give it. */
export interface IdentityFormValues {
  legalFirstName: string;
  legalLastName: string;
  preferredName: string;
  dateOfBirth: string;
  pronouns: string;
  aliases: string;
  phone: string;
  email: string;
}

export const IDENTITY_FIELDS = [
  'legalFirstName',
  'legalLastName',
  'preferredName',
  'dateOfBirth',
  'pronouns',
  'aliases',
  'phone',
  'email',
] as const satisfies readonly (keyof IdentityFormValues)[];
export type IdentityFormField = (typeof IDENTITY_FIELDS)[number];

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);
/** "Nani, Ana Q" → ['Nani', 'Ana Q']. */
export const splitAliases = (v: unknown) =>
  typeof v === 'string'
    ? v
        .split(/[,;]/)
        .map((s) => s.trim())
        .filter(Boolean)
    : v;

const f = YouthFields.shape;
/** The form's schema: the contract's fields, with an empty box read as "not recorded". */
export const IdentityFormSchema = z.object({
  legalFirstName: f.legalFirstName,
  legalLastName: f.legalLastName,
  preferredName: z.preprocess(blank, f.preferredName),
  // An empty date box is a missing date ("required"), not an invalid one.
  dateOfBirth: z.preprocess((v) => (v === '' ? undefined : v), f.dateOfBirth),
  pronouns: z.preprocess(blank, f.pronouns),
  aliases: z.preprocess(splitAliases, f.aliases),
  phone: z.preprocess(blank, f.phone),
  email: z.preprocess(blank, f.email),
});
export type IdentityFormOutput = z.infer<typeof IdentityFormSchema>;

export const fieldId = (prefix: string, field: IdentityFormField) => `${prefix}-${field}`;

/** The error summary's entries, in the form's order, each linking to its field. */
export function identityProblems(
  prefix: string,
  errors: FieldErrors<IdentityFormValues>,
  label: (field: IdentityFormField) => string,
): FieldProblem[] {
  return IDENTITY_FIELDS.flatMap((field) => {
    const message = errors[field]?.message;
    return message ? [{ field: fieldId(prefix, field), message: `${label(field)}: ${message}` }] : [];
  });
}

export function useIdentityLabel() {
  const { t } = useTranslation();
  return (field: IdentityFormField) => t(`intake.fields.${field}`);
}

/** The fields themselves. `contact` false leaves out phone and email (not visible to the user). */
export function IdentityFields({
  prefix,
  register,
  errors,
  contact = true,
}: {
  prefix: string;
  register: UseFormRegister<IdentityFormValues>;
  errors: FieldErrors<IdentityFormValues>;
  contact?: boolean;
}) {
  const { t } = useTranslation();
  const label = useIdentityLabel();
  const text = (
    field: IdentityFormField,
    opts: { optional?: boolean; hint?: string; type?: 'text' | 'tel' | 'email'; autoComplete?: string } = {},
  ) => {
    const id = fieldId(prefix, field);
    const error = errors[field]?.message;
    return (
      <Field
        key={field}
        id={id}
        label={label(field)}
        hint={opts.hint}
        error={error}
        optional={opts.optional}
        optionalText={t('forms.optional')}
      >
        {(describedBy) => (
          <TextInput
            id={id}
            type={opts.type ?? 'text'}
            autoComplete={opts.autoComplete ?? 'off'}
            spellCheck={false}
            validationStatus={error ? 'error' : undefined}
            aria-describedby={describedBy}
            aria-invalid={error ? true : undefined}
            {...register(field)}
          />
        )}
      </Field>
    );
  };
  const dobId = fieldId(prefix, 'dateOfBirth');
  const dobError = errors.dateOfBirth?.message;
  return (
    <>
      {text('legalFirstName')}
      {text('legalLastName')}
      {text('preferredName', { optional: true })}
      <Field id={dobId} label={label('dateOfBirth')} hint={t('intake.dobHint')} error={dobError}>
        {(describedBy) => (
          <DateTimeInput
            id={dobId}
            kind="date"
            invalid={!!dobError}
            aria-describedby={describedBy}
            {...register('dateOfBirth')}
          />
        )}
      </Field>
      {text('pronouns', { optional: true })}
      {text('aliases', { optional: true, hint: t('intake.aliasesHint') })}
      {contact && text('phone', { optional: true, type: 'tel' })}
      {contact && text('email', { optional: true, type: 'email' })}
    </>
  );
}
