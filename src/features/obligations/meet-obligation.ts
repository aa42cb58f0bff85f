import { sql } from 'drizzle-orm';
import type { ScopedRepo } from '../../access/checkpoint.js';
import { asDate, selectRows } from '../../db/client.js';
import { badRequest, conflict, forbidden, notFound } from '../../errors.js';
import { OBLIGATION_KINDS } from './kinds.js';
import { OBLIGATION_SELECT, toView, type ObligationRow, type ObligationViewT } from './view.js';

async function lockObligation(scope: Parameters<Parameters<ScopedRepo['forYouth']>[2]>[0], obligationId: string) {
  const [row] = await selectRows<ObligationRow>(
    scope.tx,
    sql`${OBLIGATION_SELECT} WHERE ob.id = ${obligationId} AND ob.youth_id = ${scope.youthId} FOR UPDATE OF ob`,
  );
  if (!row) throw notFound('obligation');
  if (row.status !== 'open') throw conflict(`This obligation is already ${row.status}; nothing was changed.`);
  return row;
}

/** Records what meets an obligation (for a cross-report: agency, report number, time). */
export function meetObligation(repo: ScopedRepo, youthId: string, obligationId: string, record: unknown): Promise<ObligationViewT> {
  return repo.forYouth(
    youthId,
    'obligation.meet',
    async (scope) => {
      scope.require('exploitation', 'write');
      const row = await lockObligation(scope, obligationId);
      const parsed = OBLIGATION_KINDS[row.kind].meetRecord.safeParse(record);
      if (!parsed.success) {
        throw badRequest(`Please fix: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
      }
      const madeAt = new Date(parsed.data.madeAt);
      if (madeAt.getTime() > Date.now() + 60_000) throw badRequest('madeAt: cannot be in the future.');
      if (madeAt.getTime() < asDate(row.created_at).getTime() - 7 * 86_400_000) {
        throw badRequest('madeAt: is more than a week before the duty arose; check the date.');
      }
      await selectRows(
        scope.tx,
        sql`UPDATE obligations SET status = 'met', met_at = ${madeAt.toISOString()}, met_by = ${scope.actor.userId},
                   met_record = ${JSON.stringify(parsed.data)}::jsonb, version = version + 1
             WHERE id = ${obligationId} RETURNING id`,
      );
      scope.touch(['exploitation'], [obligationId]);
      scope.note({ kind: row.kind });
      return toView({ ...row, status: 'met', met_at: madeAt, met_record: parsed.data, version: row.version + 1 });
    },
    'write',
  );
}

/** A supervisor may waive an obligation, with a reason that stays on the record. */
export function waiveObligation(repo: ScopedRepo, youthId: string, obligationId: string, reason: string): Promise<ObligationViewT> {
  if (!repo.actor.roles.includes('supervisor')) throw forbidden('Only a supervisor can waive an obligation.');
  return repo.forYouth(
    youthId,
    'obligation.waive',
    async (scope) => {
      scope.require('exploitation', 'write');
      const row = await lockObligation(scope, obligationId);
      const now = new Date();
      await selectRows(
        scope.tx,
        sql`UPDATE obligations SET status = 'waived', waived_at = ${now.toISOString()}, waived_by = ${scope.actor.userId},
                   waive_reason = ${reason}, version = version + 1
             WHERE id = ${obligationId} RETURNING id`,
      );
      scope.touch(['exploitation'], [obligationId]);
      scope.note({ kind: row.kind });
      return toView({ ...row, status: 'waived', waived_at: now, waive_reason: reason, version: row.version + 1 });
    },
    'write',
  );
}
