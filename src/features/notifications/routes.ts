import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listNotifications, markNotificationRead, NotificationView } from './list-notifications.js';

export function registerNotificationRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['notifications'];
  r.get(
    '/api/notifications',
    {
      config: { policy: { access: 'self' } },
      schema: {
        tags,
        summary: 'Your notifications (missed deadlines), unread first; never a youth\u2019s name, only a link',
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
        response: { 200: z.object({ notifications: z.array(NotificationView), unread: z.number() }) },
      },
    },
    async (request) => listNotifications(request.ctx.repo, request.query.limit),
  );
  r.post(
    '/api/notifications/:id/read',
    {
      config: { policy: { access: 'self' } },
      schema: {
        tags,
        summary: 'Mark one of your notifications read',
        params: z.object({ id: z.string().uuid('is not a notification id') }),
        response: { 200: z.object({ id: z.string(), readAt: z.string() }) },
      },
    },
    async (request) => markNotificationRead(request.ctx.repo, request.params.id),
  );
}
