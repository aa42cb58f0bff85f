import { Alert, Button, Form, Label, TextInput } from '@trussworks/react-uswds';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api';
import { PageHeading } from '../components/PageHeading';
import { useSession } from './SessionContext';
import type { SessionView } from '../../contract/auth';
import { describeError, type ShownError } from './describeError';
import { ErrorAlert } from './ErrorAlert';

export function SignInForm({ notice }: { notice?: 'expired' | 'signed_out' }) {
  const { t } = useTranslation();
  const { setSession } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<ShownError | null>(null);
  const [missing, setMissing] = useState<{ email: boolean; password: boolean }>({ email: false, password: false });
  const attempt = useRef(0);

  const submit = async () => {
    attempt.current += 1;
    const gaps = { email: !email.trim(), password: !password };
    setMissing(gaps);
    if (gaps.email || gaps.password) {
      setError({ messageKey: 'signIn.errors.missing', attempt: attempt.current });
      return;
    }
    setSubmitting(true);
    try {
      const session = await api<SessionView>('/api/auth/login', {
        method: 'POST',
        body: { email: email.trim(), password },
        expectUnauthorized: true,
      });
      setSession(session);
    } catch (err) {
      setPassword('');
      const status = err instanceof ApiError ? err.status : -1;
      const messageKey =
        status === 401 || status === 400 ? 'signIn.errors.wrong' : status === 429 ? 'signIn.errors.locked' : null;
      setError(messageKey ? { messageKey, attempt: attempt.current } : describeError(err, attempt.current));
      setSubmitting(false);
    }
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void submit();
  };

  return (
    <div className="harbor-narrow">
      <PageHeading documentTitle={t('signIn.title')}>{t('signIn.title')}</PageHeading>
      {notice && !error && (
        <div role="status">
          <Alert type={notice === 'expired' ? 'info' : 'success'} headingLevel="h2" slim>
            {notice === 'expired' ? t('signIn.notice.expired') : t('signIn.notice.signedOut')}
          </Alert>
        </div>
      )}
      {error && <ErrorAlert key={error.attempt} error={error} heading={t('signIn.errors.heading')} />}
      <p>{t('signIn.intro')}</p>
      <Form onSubmit={onSubmit} noValidate>
        <Label htmlFor="email" error={missing.email}>
          {t('signIn.email')}
        </Label>
        <TextInput
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          value={email}
          validationStatus={missing.email ? 'error' : undefined}
          aria-invalid={missing.email || undefined}
          onChange={(e) => setEmail(e.target.value)}
        />
        <Label htmlFor="password" error={missing.password}>
          {t('signIn.password')}
        </Label>
        <TextInput
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          validationStatus={missing.password ? 'error' : undefined}
          aria-invalid={missing.password || undefined}
          onChange={(e) => setPassword(e.target.value)}
        />
        <Button type="submit" disabled={submitting} className="margin-top-3">
          {submitting ? t('signIn.submitting') : t('signIn.submit')}
        </Button>
      </Form>
    </div>
  );
}
