import { sql } from 'drizzle-orm';
import type { ScopedRepo } from '../../access/checkpoint.js';
import type { Relation } from '../../access/grants.js';
import { selectRows } from '../../db/client.js';
import { forbidden } from '../../errors.js';
import { OBLIGATION_SELECT, toView, type ObligationRow, type ObligationViewT } from './view.js';

/**
 * The worklist: obligations that are open or missed (still to do), or met or waived in the last 7
 * days. "mine" holds those the user owns; "team" those owned by anyone the user supervises,
 * directly or through others. Only for youth the user may see, and whose exploitation details
 * the user's grant covers (an obligation says why it exists).
 */
export function myWork(repo: ScopedRepo, view: 'mine' | 'team'): Promise<{ obligations: ObligationViewT[] }> {
  if (view === 'team' && !repo.actor.roles.includes('supervisor')) {
    throw forbidden('The team worklist is for supervisors; use your own worklist.');
  }
  return repo.acrossYouth(`obligations.worklist.${view}`, async (scope) => {
    // For "team", `chain` (everyone the supervisor supervises) comes with the visible-youth CTE.
    const owners = view === 'mine' ? sql`SELECT ${scope.actor.userId}::uuid` : sql`SELECT id FROM chain`;
    const rows = await selectRows<ObligationRow & { relations: Relation[] }>(
      scope.tx,
      sql`${scope.visibleCte}
        SELECT w.*, v.relations, coalesce(y.preferred_name, y.legal_first_name) || ' ' || y.legal_last_name AS youth_name
          FROM (${OBLIGATION_SELECT}
                WHERE ob.owner_user_id IN (${owners})
                  AND (ob.status IN ('open', 'missed') OR greatest(ob.met_at, ob.waived_at) > now() - interval '7 days')) w
          JOIN visible v ON v.youth_id = w.youth_id
          JOIN youth y ON y.id = w.youth_id
         ORDER BY (w.status IN ('open', 'missed')) DESC, w.due_at`,
    );
    const allowed = rows.filter((r) => scope.grantOf(r.relations).read.has('exploitation'));
    scope.touch(['identity', 'exploitation'], allowed.map((r) => r.id));
    return { obligations: allowed.map((r) => toView(r)) };
  });
}
