import { desc, eq } from 'drizzle-orm';
import { can } from '../../access/abilities.js';
import type { YouthContext } from '../../access/contexts.js';
import { auditEvents, organizations, users } from '../../db/schema.js';
import { forbidden } from '../../errors.js';

export interface AccessLogEntry {
  at: string;
  actor: { name: string; organization: string | null; roles: string[] } | null;
  action: string;
  outcome: string;
  categories: string[];
}

/** "Who viewed this record": the audit events for one youth, newest first. Itself audited. */
export function accessLog(repo: YouthContext, youthId: string, limit = 200): Promise<{ events: AccessLogEntry[] }> {
  return repo.forYouth(youthId, 'youth.access_log.read', { read: ['identity'] }, async (scope) => {
    if (!can(scope.actor, 'youth.access_log')) {
      throw forbidden('Only supervisors and auditors can see who viewed a record.', 'access_log_not_allowed');
    }
    const rows = await scope.tx
      .select({
        at: auditEvents.at,
        action: auditEvents.action,
        outcome: auditEvents.outcome,
        categories: auditEvents.categories,
        roles: auditEvents.actorRoles,
        name: users.displayName,
        organization: organizations.name,
      })
      .from(auditEvents)
      .leftJoin(users, eq(users.id, auditEvents.actorUserId))
      .leftJoin(organizations, eq(organizations.id, auditEvents.actorOrganizationId))
      .where(eq(auditEvents.youthId, youthId))
      .orderBy(desc(auditEvents.at))
      .limit(limit);
    scope.touch(['identity']);
    return {
      events: rows.map((r) => ({
        at: r.at.toISOString(),
        actor: r.name ? { name: r.name, organization: r.organization, roles: r.roles } : null,
        action: r.action,
        outcome: r.outcome,
        categories: r.categories,
      })),
    };
  });
}
