// In-app notifications (missed deadlines): never a youth's name, only a link.
import { z } from 'zod';
import { id } from './primitives.js';

export const NotificationView = z.object({
  id: z.string(),
  kind: z.enum(['obligation_missed']),
  reason: z
    .enum(['owner', 'supervisor', 'county_admin'])
    .describe('Why you were told; with obligationKind, the web words the notice (no youth name)'),
  link: z.string().nullable().describe('Where to look, e.g. /youth/<id> (you still need access to open it)'),
  obligationId: z.string().nullable(),
  obligationKind: z.string().nullable(),
  obligationStatus: z
    .enum(['open', 'met', 'missed', 'waived'])
    .nullable()
    .describe('Its status now: met or waived once settled'),
  youthId: z.string().nullable(),
  dueAt: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type NotificationViewT = z.infer<typeof NotificationView>;
export type NotificationView = NotificationViewT;

export const NotificationsQuery = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) });

export const NotificationList = z.object({ notifications: z.array(NotificationView), unread: z.number() });
export type NotificationList = z.infer<typeof NotificationList>;

export const NotificationParams = z.object({ id: id() });

export const NotificationRead = z.object({ id: z.string(), readAt: z.string() });
