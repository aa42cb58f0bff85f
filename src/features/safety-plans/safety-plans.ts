// Safety plans written with the youth (seed 001): versioned, never overwritten, shared with the
// team. A new version is prompted when the youth changed placement, or returned from a missing
// episode, after the latest plan.
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { can } from '../../access/abilities.js';
import type { YouthContext } from '../../access/contexts.js';
import { lockYouthForWrite } from '../../access/youth-lock.js';
import { asDate, selectRows } from '../../db/client.js';
import type { SafetyPlanCreate, SafetyPlanView } from '../../contract/safety-plans.js';
import { forbidden } from '../../errors.js';

interface Row {
  id: string;
  version: number;
  warning_signs: string;
  safe_people: string;
  safe_places: string;
  if_contacted: string;
  reach_advocate: string;
  written_with_youth: boolean;
  reason: string | null;
  created_by_name: string;
  created_at: Date | string;
}

const view = (r: Row): SafetyPlanView => ({
  id: r.id,
  version: r.version,
  warningSigns: r.warning_signs,
  safePeople: r.safe_people,
  safePlaces: r.safe_places,
  ifContacted: r.if_contacted,
  reachAdvocate: r.reach_advocate,
  writtenWithYouth: r.written_with_youth,
  reason: r.reason,
  createdBy: r.created_by_name,
  createdAt: asDate(r.created_at).toISOString(),
});

/** Every version, newest first, and whether a new one is due (and why). Exploitation-category data. */
export function listSafetyPlans(repo: YouthContext, youthId: string) {
  return repo.forYouth(youthId, 'safety_plan.list', { read: ['exploitation'] }, async (scope) => {
    const rows = await selectRows<Row>(
      scope.tx,
      sql`SELECT p.*, u.display_name AS created_by_name FROM safety_plans p JOIN users u ON u.id = p.created_by
           WHERE p.youth_id = ${youthId} ORDER BY p.version DESC`,
    );
    const [moved] = await selectRows<{ start_at: Date | string }>(
      scope.tx,
      sql`SELECT max(start_at) AS start_at FROM placement_episodes WHERE youth_id = ${youthId} HAVING max(start_at) IS NOT NULL`,
    );
    const [back] = await selectRows<{ returned_at: Date | string }>(
      scope.tx,
      sql`SELECT max(returned_at) AS returned_at FROM missing_episodes WHERE youth_id = ${youthId} HAVING max(returned_at) IS NOT NULL`,
    );
    const latest = rows[0];
    const placementChanged = !!moved && !!latest && asDate(moved.start_at) > asDate(latest.created_at);
    const returnedSince = !!back && !!latest && asDate(back.returned_at) > asDate(latest.created_at);
    scope.touch(
      ['exploitation'],
      rows.map((r) => r.id),
    );
    return {
      plans: rows.map(view),
      reviewDue: !latest
        ? { reason: 'no_plan' as const }
        : returnedSince
          ? { reason: 'missing_return' as const }
          : placementChanged
            ? { reason: 'placement_change' as const }
            : null,
    };
  });
}

/**
 * Adds the next version (max + 1, computed while the youth row is locked, so concurrent saves get
 * consecutive versions). The youth's workers and team members who may write exploitation details
 * may.
 */
export function addSafetyPlan(repo: YouthContext, youthId: string, input: z.infer<typeof SafetyPlanCreate>) {
  return repo.forYouth(youthId, 'safety_plan.add', { read: ['exploitation'] }, async (scope) => {
    // The youth's workers write it; so do the youth's advocate and team members, with the youth.
    const teamOrAdvocate = scope.grant.relations.has('mdt') || can(scope.actor, 'youth.team_record');
    const mayWrite = scope.grant.write.has('exploitation') || (teamOrAdvocate && scope.grant.read.has('exploitation'));
    if (!mayWrite) throw forbidden('Your role cannot write safety plans for this youth.', 'safety_plan_not_allowed');
    // Two plans saved at the same moment would both compute the same next version: take turns.
    await lockYouthForWrite(scope.tx, youthId);
    const [row] = await selectRows<Row>(
      scope.tx,
      sql`WITH next AS (SELECT coalesce(max(version), 0) + 1 AS v FROM safety_plans WHERE youth_id = ${youthId})
          INSERT INTO safety_plans (youth_id, county_id, version, warning_signs, safe_people, safe_places, if_contacted, reach_advocate,
            written_with_youth, reason, created_by)
          SELECT ${youthId}, ${scope.actor.countyId}, next.v, ${input.warningSigns}, ${input.safePeople}, ${input.safePlaces},
            ${input.ifContacted}, ${input.reachAdvocate}, ${input.writtenWithYouth}, ${input.reason ?? null}, ${scope.actor.userId} FROM next
          RETURNING *, (SELECT display_name FROM users WHERE id = ${scope.actor.userId}) AS created_by_name`,
    );
    scope.touch(['exploitation'], [row!.id]);
    scope.note({ version: row!.version });
    return view(row!);
  });
}
