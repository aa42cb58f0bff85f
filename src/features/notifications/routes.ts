import type { FastifyInstance } from 'fastify';
import { routes } from '../../server/route.js';
import {
  NotificationList,
  NotificationParams,
  NotificationRead,
  NotificationsQuery,
} from '../../contract/notifications.js';
import { listNotifications, markNotificationRead } from './list-notifications.js';

export function registerNotificationRoutes(app: FastifyInstance) {
  const r = routes(app);
  const tags = ['notifications'];
  r.get(
    '/api/notifications',
    {
      config: { policy: { access: 'self' } },
      schema: {
        tags,
        summary: 'Your notifications (missed deadlines), unread first; never a youth\u2019s name, only a link',
        querystring: NotificationsQuery,
        response: { 200: NotificationList },
      },
    },
    async (request, ctx) => listNotifications(ctx, request.query.limit),
  );
  r.post(
    '/api/notifications/:id/read',
    {
      config: { policy: { access: 'self' } },
      schema: {
        tags,
        summary: 'Mark one of your notifications read',
        params: NotificationParams,
        response: { 200: NotificationRead },
      },
    },
    async (request, ctx) => markNotificationRead(ctx, request.params.id),
  );
}
