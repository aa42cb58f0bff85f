import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import type { MfaEnrollment } from '../../contract/auth';
import { CancelSignIn } from './CancelSignIn';
import { MfaCodeForm } from './MfaCodeForm';
import { describeError, type ShownError } from './describeError';
import { ErrorAlert } from './ErrorAlert';

/** First-time setup of two-step sign-in: scan the QR code (or type the key), then enter a code. */
export function MfaEnrollStep() {
  const { t } = useTranslation();
  const [enrollment, setEnrollment] = useState<MfaEnrollment | null>(null);
  const [error, setError] = useState<ShownError | null>(null);
  const started = useRef(false);

  useEffect(() => {
    // Each call makes a new secret, so start exactly once (React may run effects twice in development).
    if (started.current) return;
    started.current = true;
    api<MfaEnrollment>('/api/auth/mfa/enroll', { method: 'POST' }).then(setEnrollment, (err: unknown) => {
      const alreadySetUp = err instanceof ApiError && err.status === 409;
      setError(alreadySetUp ? { messageKey: 'mfa.enroll.alreadySetUp', attempt: 1 } : describeError(err, 1));
    });
  }, []);

  return (
    <div className="harbor-narrow">
      <PageHeading documentTitle={t('mfa.enroll.title')}>{t('mfa.enroll.title')}</PageHeading>
      <p>{t('mfa.enroll.intro')}</p>
      {error && (
        <>
          <ErrorAlert error={error} heading={t('mfa.errors.heading')} />
          <CancelSignIn />
        </>
      )}
      {!enrollment && !error && <Loading />}
      {enrollment && (
        <>
          <ol className="usa-process-list">
            <li className="usa-process-list__item">
              <h2 className="usa-process-list__heading font-sans-md">{t('mfa.enroll.step1')}</h2>
              <img
                className="harbor-qr margin-top-2"
                src={`data:image/svg+xml;utf8,${encodeURIComponent(enrollment.qrSvg)}`}
                alt={t('mfa.enroll.qrAlt')}
                width={200}
                height={200}
              />
              <p>{t('mfa.enroll.manual')}</p>
              <p>
                <code className="harbor-secret">{enrollment.secret.replace(/(.{4})/g, '$1 ').trim()}</code>
              </p>
            </li>
            <li className="usa-process-list__item">
              <h2 className="usa-process-list__heading font-sans-md">{t('mfa.enroll.step2')}</h2>
              <MfaCodeForm endpoint="/api/auth/mfa/confirm" alertHeadingLevel="h3" />
            </li>
          </ol>
        </>
      )}
    </div>
  );
}
