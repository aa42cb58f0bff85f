import { Alert, Button } from '@trussworks/react-uswds';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiResult } from '../lib/useApi';
import { HiddenForRoleNote } from './HiddenForRoleNote';
import { Loading } from './Loading';

/** A section of the youth profile with its own heading (the id labels the region). */
export function ProfileSection({
  headingId,
  heading,
  children,
}: {
  headingId: string;
  heading: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={headingId} className="harbor-section">
      <h2 id={headingId}>{heading}</h2>
      {children}
    </section>
  );
}

/**
 * What a profile section shows until its data is ready: a "hidden for your role" note on 403,
 * an error with "try again", or the loading indicator. Null once every result is ok.
 */
export function SectionStatus({
  results,
  hiddenKey,
  onRetry,
}: {
  results: ApiResult<unknown>[];
  hiddenKey: string;
  onRetry: () => void;
}) {
  const { t } = useTranslation();
  const problem = results.find((r) => r.status === 'error');
  if (problem?.status === 'error' && problem.error.status === 403) return <HiddenForRoleNote messageKey={hiddenKey} />;
  if (problem?.status === 'error') {
    return (
      <Alert type="error" headingLevel="h3" slim>
        {problem.error.status === 0 ? t('errors.network') : t('errors.generic')}{' '}
        <Button type="button" unstyled onClick={onRetry}>
          {t('errors.tryAgain')}
        </Button>
      </Alert>
    );
  }
  if (results.some((r) => r.status !== 'ok')) return <Loading />;
  return null;
}
