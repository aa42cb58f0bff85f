import { sql } from 'drizzle-orm';
import type { SelfContext } from '../../access/contexts.js';
import { asDate, selectRows } from '../../db/client.js';
import { notFound } from '../../errors.js';
import type { NotificationViewT } from '../../contract/notifications.js';
import type { NotificationReason } from './messages.js';

interface Row {
  id: string;
  kind: 'obligation_missed';
  reason: NotificationReason;
  obligation_id: string | null;
  obligation_kind: string | null;
  obligation_status: NotificationViewT['obligationStatus'];
  youth_id: string | null;
  due_at: Date | string | null;
  created_at: Date | string;
  read_at: Date | string | null;
}

/**
 * The signed-in user's notifications, unread first, newest first. Row-level security shows only
 * the user's own (a restrictive policy on user_id) in the user's county; the query says so too.
 * No youth data is read: only the youth's id, for the link.
 */
export function listNotifications(
  repo: SelfContext,
  limit: number,
): Promise<{ notifications: NotificationViewT[]; unread: number }> {
  return repo.forSelf(async ({ tx, actor }) => {
    const rows = await selectRows<Row>(
      tx,
      sql`SELECT n.id, n.kind, n.reason, n.obligation_id, ob.kind AS obligation_kind, ob.status AS obligation_status,
                   n.youth_id, ob.due_at, n.created_at, n.read_at
              FROM notifications n LEFT JOIN obligations ob ON ob.id = n.obligation_id
             WHERE n.user_id = ${actor.userId}
             ORDER BY (n.read_at IS NULL) DESC, n.created_at DESC, n.id
             LIMIT ${limit}`,
    );
    const [count] = await selectRows<{ n: number }>(
      tx,
      sql`SELECT count(*)::int AS n FROM notifications WHERE user_id = ${actor.userId} AND read_at IS NULL`,
    );
    return {
      unread: count?.n ?? 0,
      notifications: rows.map((r) => ({
        id: r.id,
        kind: r.kind,
        reason: r.reason,
        link: r.youth_id ? `/youth/${r.youth_id}` : null,
        obligationId: r.obligation_id,
        obligationKind: r.obligation_kind,
        obligationStatus: r.obligation_status,
        youthId: r.youth_id,
        dueAt: r.due_at ? asDate(r.due_at).toISOString() : null,
        createdAt: asDate(r.created_at).toISOString(),
        readAt: r.read_at ? asDate(r.read_at).toISOString() : null,
      })),
    };
  });
}

/** Marks one of the user's notifications read (again is harmless: the first time is kept). 404 for anyone else's. */
export function markNotificationRead(repo: SelfContext, id: string): Promise<{ id: string; readAt: string }> {
  return repo.forSelf(async ({ tx, actor }) => {
    const [row] = await selectRows<{ id: string; read_at: Date | string }>(
      tx,
      sql`UPDATE notifications SET read_at = coalesce(read_at, now())
             WHERE id = ${id} AND user_id = ${actor.userId} RETURNING id, read_at`,
    );
    if (!row) throw notFound('notification');
    return { id: row.id, readAt: asDate(row.read_at).toISOString() };
  });
}
