import { Button } from '@trussworks/react-uswds';
import { useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../api';
import { ActionErrorAlert, toActionError, type ActionError } from '../components/ActionErrorAlert';
import { ApiErrorView } from '../components/ApiErrorView';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { formatCountyDateTime } from '../lib/format';
import { useApi } from '../lib/useApi';
import { useLanguage } from '../lib/useLanguage';
import type { NotificationList as Notifications, NotificationView } from '../../contract/notifications';
import { announceNotificationsChanged } from './unreadEvents';

/** What happened, without the youth's name: the overdue kind of duty, and why this person was told. */
function notificationText(t: TFunction, n: NotificationView): string {
  const kind = n.obligationKind ?? '';
  return t('notifications.missed.text', {
    what: t(`obligationKinds.${kind}.overdue`, { defaultValue: t('notifications.missed.unknownKind') }),
    why: t(`notifications.missed.reason.${n.reason}`),
  });
}

/** The signed-in user's notifications (missed deadlines), unread first, each with a link and "Mark as read". */
export function NotificationsPage() {
  const { t } = useTranslation();
  const { result, reload, refresh } = useApi<Notifications>('/api/notifications?limit=200');
  if (result.status === 'error') return <ApiErrorView error={result.error} onRetry={reload} />;
  return (
    <>
      <PageHeading documentTitle={t('notifications.title')}>{t('notifications.title')}</PageHeading>
      <p className="usa-intro">{t('notifications.intro')}</p>
      {result.status === 'loading' ? <Loading /> : <NotificationList data={result.data} onChanged={refresh} />}
    </>
  );
}

function NotificationList({ data, onChanged }: { data: Notifications; onChanged: () => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<ActionError | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const attempt = useState(() => ({ n: 0 }))[0];

  const markRead = async (n: NotificationView) => {
    attempt.n += 1;
    setError(null);
    setBusy(n.id);
    try {
      await api(`/api/notifications/${encodeURIComponent(n.id)}/read`, { method: 'POST' });
      announceNotificationsChanged();
      onChanged();
    } catch (err) {
      setError(toActionError(err, attempt.n));
    } finally {
      setBusy(null);
    }
  };

  if (data.notifications.length === 0) return <p>{t('notifications.none')}</p>;
  const unread = data.notifications.filter((n) => !n.readAt);
  const read = data.notifications.filter((n) => n.readAt);
  return (
    <>
      {error && (
        <ActionErrorAlert key={error.attempt} error={error} heading={t('notifications.failed')} headingLevel="h2" />
      )}
      {[
        { key: 'unread', rows: unread },
        { key: 'read', rows: read },
      ].map((group) => (
        <section key={group.key} aria-labelledby={`notifications-${group.key}`} className="harbor-section">
          <h2 id={`notifications-${group.key}`}>
            {t(`notifications.groups.${group.key}`, { count: group.rows.length })}
          </h2>
          {group.rows.length === 0 ? (
            <p>{t(`notifications.groupNone.${group.key}`)}</p>
          ) : (
            <ul className="usa-list usa-list--unstyled">
              {group.rows.map((n) => (
                <NotificationCard key={n.id} n={n} busy={busy === n.id} onRead={() => void markRead(n)} />
              ))}
            </ul>
          )}
        </section>
      ))}
    </>
  );
}

function NotificationCard({ n, busy, onRead }: { n: NotificationView; busy: boolean; onRead: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const headingId = `notification-${n.id}`;
  return (
    <li className="harbor-notification margin-bottom-3">
      <article aria-labelledby={headingId}>
        <h3 id={headingId} className="margin-bottom-1 font-sans-md">
          {notificationText(t, n)}
        </h3>
        <p className="margin-y-05">
          {t('notifications.received', { date: formatCountyDateTime(n.createdAt, language) })}
          {n.dueAt && <> {t('notifications.due', { date: formatCountyDateTime(n.dueAt, language) })}</>}
          {n.obligationStatus && <> {t(`notifications.status.${n.obligationStatus}`)}</>}
        </p>
        <p className="margin-y-05 harbor-notification__actions">
          {n.link && (
            <Link className="usa-link" to={n.link} aria-describedby={headingId} onClick={() => !n.readAt && onRead()}>
              {t('notifications.open')}
            </Link>
          )}
          {!n.readAt && (
            <>
              {n.link && ' · '}
              <Button type="button" unstyled disabled={busy} onClick={onRead} aria-describedby={headingId}>
                {busy ? t('forms.saving') : t('notifications.markRead')}
              </Button>
            </>
          )}
        </p>
      </article>
    </li>
  );
}
