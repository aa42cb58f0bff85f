import { sql } from 'drizzle-orm';
import type { YouthContext } from '../../access/contexts.js';
import type { Relation } from '../../access/grants.js';
import { asDate, selectRows } from '../../db/client.js';
import { youthLabelColumns } from '../youth/display-name.js';

const MDT_DUTIES = ['crisis_mdt_24h', 'initial_mdt', 'ongoing_mdt_review'] as const;
const TIER = { crisis_mdt_24h: 'crisis', initial_mdt: 'initial', ongoing_mdt_review: 'ongoing' } as const;

/**
 * The MDT caseload review: youth the user may see whose crisis, initial or ongoing MDT is due or
 * overdue, soonest first. For MDT coordinators and supervisors planning the next meetings.
 */
export function mdtReviewDue(repo: YouthContext) {
  return repo.acrossYouth('mdt.review_due', async (scope) => {
    const rows = await selectRows<{
      youth_id: string;
      relations: Relation[];
      youth_name: string | null;
      youth_client_id: string | null;
      kind: (typeof MDT_DUTIES)[number];
      due_at: Date | string;
      status: string;
    }>(
      scope.tx,
      sql`${scope.visibleCte}
        SELECT DISTINCT ON (ob.youth_id) ob.youth_id, v.relations,
               ${youthLabelColumns('y')}, ob.kind, ob.due_at, ob.status
          FROM obligations ob JOIN visible v ON v.youth_id = ob.youth_id JOIN youth y ON y.id = ob.youth_id
         WHERE ob.kind IN (${sql.join(
           MDT_DUTIES.map((k) => sql`${k}`),
           sql`, `,
         )}) AND ob.status IN ('open', 'missed')
         ORDER BY ob.youth_id, ob.due_at`,
    );
    const allowed = rows.filter((r) => scope.grantOf(r.relations).read.has('exploitation'));
    scope.touch(
      ['identity', 'exploitation'],
      allowed.map((r) => r.youth_id),
    );
    const now = Date.now();
    return {
      youth: allowed
        .map((r) => ({
          youthId: r.youth_id,
          name: r.youth_name,
          stateClientId: r.youth_client_id,
          tier: TIER[r.kind],
          dueAt: asDate(r.due_at).toISOString(),
          overdue: asDate(r.due_at).getTime() < now,
        }))
        .sort((a, b) => a.dueAt.localeCompare(b.dueAt)),
    };
  });
}
