import { sql } from 'drizzle-orm';
import { can } from '../../access/abilities.js';
import type { YouthContext } from '../../access/contexts.js';
import type { Relation } from '../../access/grants.js';
import { selectRows } from '../../db/client.js';
import { forbidden } from '../../errors.js';
import { youthLabelColumns } from '../youth/display-name.js';
import { OBLIGATION_SELECT, toView, type ObligationRow, type ObligationViewT } from './view.js';

export type WorklistView = 'mine' | 'team' | 'organization';

/**
 * The worklist: obligations that are open or missed (still to do), or met or waived in the last 7
 * days. "mine" holds those the user owns; "team" those owned by anyone the user supervises,
 * directly or through others. Only for youth the user may see, and whose exploitation details
 * the user's grant covers (an obligation says why it exists).
 * "organization" (supervisors) is the organization's whole load: see organizationWork.
 */
export function myWork(repo: YouthContext, view: WorklistView): Promise<{ obligations: ObligationViewT[] }> {
  if (view !== 'mine' && !can(repo.actor, 'worklist.team')) {
    throw forbidden(
      view === 'team'
        ? 'The team worklist is for supervisors; use your own worklist.'
        : "The organization's worklist is for supervisors; use your own worklist.",
      'worklist_not_allowed',
    );
  }
  if (view === 'organization') return organizationWork(repo);
  return repo.acrossYouth(`obligations.worklist.${view}`, async (scope) => {
    // For "team", `chain` (everyone the supervisor supervises) comes with the visible-youth CTE.
    const owners = view === 'mine' ? sql`SELECT ${scope.actor.userId}::uuid` : sql`SELECT id FROM chain`;
    const rows = await selectRows<ObligationRow & { relations: Relation[] }>(
      scope.tx,
      sql`${scope.visibleCte}
        SELECT w.*, v.relations, ${youthLabelColumns('y')}
          FROM (${OBLIGATION_SELECT}
                WHERE ob.owner_user_id IN (${owners})
                  AND (ob.status IN ('open', 'missed') OR greatest(ob.met_at, ob.waived_at) > now() - interval '7 days')) w
          JOIN visible v ON v.youth_id = w.youth_id
          JOIN youth y ON y.id = w.youth_id
         ORDER BY (w.status IN ('open', 'missed')) DESC, w.due_at`,
    );
    const allowed = rows.filter((r) => scope.grantOf(r.relations).read.has('exploitation'));
    scope.touch(
      ['identity', 'exploitation'],
      allowed.map((r) => r.id),
    );
    return { obligations: allowed.map((r) => toView(r)) };
  });
}

/**
 * Everything the supervisor's organization owes: obligations owned by the organization or by anyone
 * in it, so a supervisor can balance the load and see what is slipping. The duty itself (kind,
 * deadline, owner, status) is the organization's own work and is always shown; who the youth is
 * is not: the name and the youth's id appear only where the supervisor's own relation to the
 * youth covers it. Other rows carry youthVisible: false and an empty youthId.
 */
function organizationWork(repo: YouthContext): Promise<{ obligations: ObligationViewT[] }> {
  return repo.acrossYouth('obligations.worklist.organization', async (scope) => {
    const org = scope.actor.organizationId;
    const rows = await selectRows<
      ObligationRow & { relations: Relation[] | null; visible_name: string | null; visible_client_id: string | null }
    >(
      scope.tx,
      sql`${scope.visibleCte}
        SELECT w.*, v.relations, ${youthLabelColumns('y', 'visible_')}
          FROM (${OBLIGATION_SELECT}
                WHERE (ob.owner_organization_id = ${org}
                       OR ob.owner_user_id IN (SELECT su.id FROM users su WHERE su.organization_id = ${org}))
                  AND ob.county_id = ${scope.actor.countyId}
                  AND (ob.status IN ('open', 'missed') OR greatest(ob.met_at, ob.waived_at) > now() - interval '7 days')) w
          LEFT JOIN visible v ON v.youth_id = w.youth_id
          LEFT JOIN youth y ON y.id = w.youth_id AND v.youth_id IS NOT NULL
         ORDER BY (w.status IN ('open', 'missed')) DESC, w.due_at
         LIMIT 500`,
    );
    const reads = (r: (typeof rows)[number], category: 'identity' | 'exploitation') =>
      r.relations !== null && scope.grantOf(r.relations).read.has(category);
    scope.touch(
      ['identity', 'exploitation'],
      rows.filter((r) => reads(r, 'identity')).map((r) => r.id),
    );
    scope.note({ rows: rows.length, named: rows.filter((r) => reads(r, 'identity')).length });
    return {
      obligations: rows.map((r) => {
        const { visible_name: name, visible_client_id: clientId, relations: _relations, ...row } = r;
        // What met or waived a duty can describe the youth's situation: only with the grant for it.
        const details = reads(r, 'exploitation') ? {} : { met_record: null, waive_reason: null };
        if (reads(r, 'identity'))
          return {
            ...toView({ ...row, ...details, youth_name: name ?? undefined, youth_client_id: clientId ?? undefined }),
            youthVisible: true,
          };
        return {
          ...toView({ ...row, ...details, youth_id: '', youth_name: undefined, youth_client_id: undefined }),
          youthVisible: false,
        };
      }),
    };
  });
}
