// Safety plans written with the youth (seed 001): versioned, never overwritten, shared with the
// team. A new version is prompted when the youth changed placement, or returned from a missing
// episode, after the latest plan.
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { ScopedRepo } from '../../access/checkpoint.js';
import { asDate, selectRows } from '../../db/client.js';
import { forbidden } from '../../errors.js';

const text = z.string().trim().min(3, 'write at least a few words').max(4000);

export const SafetyPlanCreate = z
  .object({
    warningSigns: text,
    safePeople: text,
    safePlaces: text,
    ifContacted: text.describe('What the youth will do if an exploiter makes contact'),
    reachAdvocate: text.describe('How to reach the advocate'),
    writtenWithYouth: z.boolean(),
    reason: z.string().trim().max(500).nullable().optional().describe('Why a new version (e.g. placement change)'),
  })
  .strict();

export const SafetyPlanView = z.object({
  id: z.string(),
  version: z.number(),
  warningSigns: z.string(),
  safePeople: z.string(),
  safePlaces: z.string(),
  ifContacted: z.string(),
  reachAdvocate: z.string(),
  writtenWithYouth: z.boolean(),
  reason: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
});

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

const view = (r: Row): z.infer<typeof SafetyPlanView> => ({
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
export function listSafetyPlans(repo: ScopedRepo, youthId: string) {
  return repo.forYouth(youthId, 'safety_plan.list', async (scope) => {
    scope.require('exploitation', 'read');
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

/** Adds the next version. The youth's workers and team members who may write exploitation details may. */
export function addSafetyPlan(repo: ScopedRepo, youthId: string, input: z.infer<typeof SafetyPlanCreate>) {
  return repo.forYouth(youthId, 'safety_plan.add', async (scope) => {
    // The youth's workers write it; so do the youth's advocate and team members, with the youth.
    const teamOrAdvocate = scope.grant.relations.has('mdt') || scope.actor.roles.includes('advocate');
    const mayWrite = scope.grant.write.has('exploitation') || (teamOrAdvocate && scope.grant.read.has('exploitation'));
    if (!mayWrite) throw forbidden('Your role cannot write safety plans for this youth.');
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
