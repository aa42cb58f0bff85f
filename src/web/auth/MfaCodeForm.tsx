import { Button, Form, Label, TextInput } from '@trussworks/react-uswds';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api';
import { useSession } from './SessionContext';
import type { SessionView } from '../../contract/auth';
import { CancelSignIn } from './CancelSignIn';
import { describeError, type ShownError } from './describeError';
import { ErrorAlert } from './ErrorAlert';

interface Props {
  /** /api/auth/mfa/verify or /api/auth/mfa/confirm: both take { code } and return the session. */
  endpoint: string;
  /** The level for the error alert's heading, one below the heading above the form. */
  alertHeadingLevel?: 'h2' | 'h3';
}

/** The 6-digit code box shared by the two-step sign-in and its first-time setup. */
export function MfaCodeForm({ endpoint, alertHeadingLevel = 'h2' }: Props) {
  const { t } = useTranslation();
  const { setSession } = useSession();
  const [code, setCode] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<ShownError | null>(null);
  const attempt = useRef(0);

  const submit = async () => {
    attempt.current += 1;
    const digits = code.replace(/\s/g, '');
    if (!/^\d{6}$/.test(digits)) {
      setError({ messageKey: digits ? 'mfa.errors.format' : 'mfa.errors.missing', attempt: attempt.current });
      return;
    }
    setSubmitting(true);
    try {
      setSession(await api<SessionView>(endpoint, { method: 'POST', body: { code: digits } }));
    } catch (err) {
      setCode('');
      const status = err instanceof ApiError ? err.status : -1;
      const messageKey = status === 400 ? 'mfa.errors.wrong' : status === 429 ? 'mfa.errors.tooMany' : null;
      setError(messageKey ? { messageKey, attempt: attempt.current } : describeError(err, attempt.current));
      setSubmitting(false);
    }
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void submit();
  };

  return (
    <>
      {error && (
        <ErrorAlert
          key={error.attempt}
          error={error}
          heading={t('mfa.errors.heading')}
          headingLevel={alertHeadingLevel}
        />
      )}
      <Form onSubmit={onSubmit} noValidate>
        <Label htmlFor="mfa-code" hint={<span className="display-block">{t('mfa.codeHint')}</span>} error={!!error}>
          {t('mfa.code')}
        </Label>
        <TextInput
          id="mfa-code"
          name="code"
          type="text"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={7}
          inputSize="small"
          value={code}
          validationStatus={error ? 'error' : undefined}
          aria-invalid={error ? true : undefined}
          onChange={(e) => setCode(e.target.value)}
        />
        <Button type="submit" disabled={submitting} className="margin-top-3">
          {submitting ? t('mfa.submitting') : t('mfa.submit')}
        </Button>
      </Form>
      <CancelSignIn />
    </>
  );
}
