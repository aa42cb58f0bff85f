import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, useLocation } from 'react-router';
import { useApi } from '../lib/useApi';
import type { NotificationsResponse } from '../types';
import { onNotificationsChanged } from './unreadEvents';

/** "Notifications" in the header, with the number still unread (checked again on every page). */
export function NotificationsLink() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const { result, refresh } = useApi<NotificationsResponse>('/api/notifications?limit=1');
  useEffect(() => refresh(), [pathname, refresh]);
  useEffect(() => onNotificationsChanged(refresh), [refresh]);
  const unread = result.status === 'ok' ? result.data.unread : 0;
  return (
    <NavLink to="/notifications" className={({ isActive }) => `harbor-notifications-link${isActive ? ' usa-current' : ''}`}>
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
