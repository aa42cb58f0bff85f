import { Icon } from '@trussworks/react-uswds';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, useLocation } from 'react-router';
import { useApi } from '../lib/useApi';
import type { NotificationList } from '../../contract/notifications';
import { onNotificationsChanged } from './unreadEvents';

/** The number of unread notifications, checked again on every page and after each change. */
function useUnread(): number {
  const { pathname } = useLocation();
  const { result, refresh } = useApi<NotificationList>('/api/notifications?limit=1');
  useEffect(() => refresh(), [pathname, refresh]);
  useEffect(() => onNotificationsChanged(refresh), [refresh]);
  return result.status === 'ok' ? result.data.unread : 0;
}

/**
 * The phone-width header's own notifications link, beside the Menu button, so the unread count is
 * seen without opening the menu. A bell and the number are shown; the link's text for screen
 * readers is "Notifications" and, when there are any, how many are unread.
 */
export function NotificationsHeaderLink() {
  const { t } = useTranslation();
  const unread = useUnread();
  return (
    <NavLink
      to="/notifications"
      className={({ isActive }) => `harbor-header-notifications${isActive ? ' is-current' : ''}`}
    >
      <Icon.Notifications size={3} aria-hidden="true" focusable={false} />
      <span className="usa-sr-only">{t('notifications.link')}</span>
      {unread > 0 && (
        <>
          <span className="harbor-badge" aria-hidden="true">
            {unread}
          </span>
          <span className="usa-sr-only"> {t('notifications.unreadCount', { count: unread })}</span>
        </>
      )}
    </NavLink>
  );
}

/** "Notifications" in the header, with the number still unread (checked again on every page). */
export function NotificationsLink() {
  const { t } = useTranslation();
  const unread = useUnread();
  return (
    <NavLink
      to="/notifications"
      className={({ isActive }) => `harbor-notifications-link${isActive ? ' usa-current' : ''}`}
    >
      {t('notifications.link')}
      {unread > 0 && (
        <>
          {' '}
          <span className="harbor-badge" aria-hidden="true">
            {unread}
          </span>
          <span className="usa-sr-only">{t('notifications.unreadCount', { count: unread })}</span>
        </>
      )}
    </NavLink>
  );
}
