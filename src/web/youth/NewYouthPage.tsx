import { Alert, Button } from '@trussworks/react-uswds';
import { useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { api } from '../api';
import { ActionErrorAlert, toActionError, type ActionError } from '../components/ActionErrorAlert';
import { ErrorSummary, type FieldProblem } from '../components/ErrorSummary';
import { NotRecorded } from '../components/NotRecorded';
import { PageHeading } from '../components/PageHeading';
import { contractResolver } from '../lib/contractResolver';
import { formatDate } from '../lib/format';
import { serverFieldProblems, isApiError } from '../lib/serverProblems';
import { useLanguage } from '../lib/useLanguage';
import { youthLabel } from '../lib/youthName';
import type { DuplicateMatch, DuplicateMatches } from '../../contract/youth-intake';
import {
  fieldId,
  IDENTITY_FIELDS,
  IdentityFields,
  identityProblems,
  IdentityFormSchema,
  useIdentityLabel,
  type IdentityFormOutput,
  type IdentityFormValues,
} from './identityForm';

const PREFIX = 'intake';

/** What search passes when it found nobody: the words typed, to start the names with (never in the address). */
export interface IntakeState {
  name?: string;
}

function initialValues(state: IntakeState | null): IdentityFormValues {
  const words = (state?.name ?? '').trim().split(/\s+/).filter(Boolean);
  // "Maya Lopez" → first name Maya, last name Lopez; one word is taken as the last name.
  const [first, last] = words.length > 1 ? [words[0]!, words.slice(1).join(' ')] : ['', words[0] ?? ''];
  return {
    legalFirstName: /\d/.test(first) ? '' : first,
    legalLastName: /\d/.test(last) ? '' : last,
    preferredName: '',
    dateOfBirth: '',
    pronouns: '',
    aliases: '',
    phone: '',
    email: '',
  };
}

/**
 * Add a youth (intake): the identity and contact details, then, before anything is saved, the
 * youth already on record who may be the same person, only among those the user could find by
 * search (POST /api/youth/possible-duplicates). The user opens one of them, or adds the youth.
 */
export function NewYouthPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const label = useIdentityLabel();
  const [checked, setChecked] = useState<{ values: IdentityFormOutput; matches: DuplicateMatch[] } | null>(null);
  const [serverProblems, setServerProblems] = useState<FieldProblem[] | null>(null);
  const [error, setError] = useState<ActionError | null>(null);
  const [busy, setBusy] = useState(false);
  const attempt = useRef(0);
  const {
    register,
    handleSubmit,
    formState: { errors, submitCount },
  } = useForm<IdentityFormValues, unknown, IdentityFormOutput>({
    resolver: contractResolver<IdentityFormValues, IdentityFormOutput>(IdentityFormSchema),
    defaultValues: initialValues(location.state as IntakeState | null),
  });
  const problems = identityProblems(PREFIX, errors, label);
  const formFields = Object.fromEntries(IDENTITY_FIELDS.map((f) => [f, { id: fieldId(PREFIX, f), label: label(f) }]));

  const fail = (err: unknown) => {
    attempt.current += 1;
    if (isApiError(err, 400)) {
      setServerProblems(serverFieldProblems(err, formFields, formFields.legalFirstName!));
      setError(null);
    } else {
      setServerProblems(null);
      setError(toActionError(err, attempt.current));
    }
  };

  const check = async (values: IdentityFormOutput) => {
    setBusy(true);
    setError(null);
    setServerProblems(null);
    try {
      const body = {
        legalFirstName: values.legalFirstName,
        legalLastName: values.legalLastName,
        preferredName: values.preferredName ?? undefined,
        dateOfBirth: values.dateOfBirth,
        aliases: values.aliases,
      };
      const answer = await api<DuplicateMatches>('/api/youth/possible-duplicates', { method: 'POST', body });
      setChecked({ values, matches: answer.matches });
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  const save = async () => {
    if (!checked) return;
    setBusy(true);
    setError(null);
    try {
      const v = checked.values;
      const body = Object.fromEntries(
        Object.entries(v).filter(
          ([, value]) => value !== null && value !== undefined && !(Array.isArray(value) && value.length === 0),
        ),
      );
      const created = await api<{ id: string }>('/api/youth', { method: 'POST', body });
      void navigate(`/youth/${encodeURIComponent(created.id)}`, { state: { added: true } });
    } catch (err) {
      fail(err);
      setBusy(false);
    }
  };

  return (
    <>
      <p className="margin-bottom-0">
        <Link className="usa-link" to="/search">
          {t('profile.backToSearch')}
        </Link>
      </p>
      <PageHeading documentTitle={t('intake.title')}>{t('intake.title')}</PageHeading>
      <p className="usa-intro">{t('intake.intro')}</p>
      {submitCount > 0 && problems.length > 0 && (
        <ErrorSummary key={submitCount} problems={problems} headingLevel="h2" />
      )}
      {serverProblems && serverProblems.length > 0 && (
        <ErrorSummary key={`server-${attempt.current}`} problems={serverProblems} headingLevel="h2" />
      )}
      {error && <ActionErrorAlert error={error} heading={t('intake.failed')} headingLevel="h2" />}
      <form
        className="usa-form usa-form--large"
        noValidate
        aria-labelledby="intake-form-heading"
        onSubmit={handleSubmit(check)}
        onChange={() => setChecked(null)}
      >
        <h2 id="intake-form-heading" className="usa-sr-only">
          {t('intake.formHeading')}
        </h2>
        <IdentityFields prefix={PREFIX} register={register} errors={errors} />
        {!checked && (
          <Button type="submit" disabled={busy} className="margin-top-3">
            {busy ? t('intake.checking') : t('intake.check')}
          </Button>
        )}
      </form>
      {checked && <Matches matches={checked.matches} busy={busy} onSave={save} />}
    </>
  );
}

function Matches({ matches, busy, onSave }: { matches: DuplicateMatch[]; busy: boolean; onSave: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <section aria-labelledby="intake-matches-heading" className="margin-top-4">
      <h2 id="intake-matches-heading" tabIndex={-1}>
        {t('intake.matchesHeading')}
      </h2>
      {matches.length === 0 ? (
        <p role="status">{t('intake.noMatches')}</p>
      ) : (
        <>
          <Alert
            type="warning"
            headingLevel="h3"
            heading={t('intake.matchesFound', { count: matches.length })}
            role="status"
          >
            {t('intake.matchesHint')}
          </Alert>
          <ul className="usa-collection harbor-results" aria-label={t('intake.matchesList')}>
            {matches.map((m) => (
              <li key={m.id} className="usa-collection__item">
                <div className="usa-collection__body">
                  <h3 className="usa-collection__heading">
                    <Link className="usa-link" to={`/youth/${encodeURIComponent(m.id)}`}>
                      {youthLabel(t, m.name, null) ?? t('youth.noName')}
                    </Link>
                  </h3>
                  {m.legalName && m.legalName !== m.name && (
                    <p className="usa-collection__description">{t('search.legalName', { name: m.legalName })}</p>
                  )}
                  <ul className="usa-collection__meta" aria-label={t('search.details')}>
                    <li className="usa-collection__meta-item">
                      {t('search.dob')}: {m.dateOfBirth ? formatDate(m.dateOfBirth, language) : <NotRecorded />}
                    </li>
                    <li className="usa-collection__meta-item">
                      <span className="usa-tag harbor-match">{t(`intake.reasons.${m.reason}`)}</span>
                    </li>
                  </ul>
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
      <Button type="button" disabled={busy} onClick={onSave} className="margin-top-2">
        {busy ? t('forms.saving') : matches.length ? t('intake.saveAnyway') : t('intake.save')}
      </Button>
    </section>
  );
}
