import { sql } from 'drizzle-orm';
import { can } from '../../access/abilities.js';
import type { ScopedRepo } from '../../access/checkpoint.js';
import type { YouthContext } from '../../access/contexts.js';
import { asDate, selectRows } from '../../db/client.js';
import { conflict, forbidden, invalidField, invalidRecord, notFound } from '../../errors.js';
import { kindDef } from './kinds.js';
import { OBLIGATION_SELECT, toView, type ObligationRow, type ObligationViewT } from './view.js';

/**
 * Locks the obligation for a change. Open and missed ones can still be met (a missed duty done
 * late is met, and metOnTime says it was late) or waived; met and waived ones are settled.
 */
async function lockObligation(scope: Parameters<Parameters<ScopedRepo['forYouth']>[3]>[0], obligationId: string) {
  const [row] = await selectRows<ObligationRow>(
    scope.tx,
    sql`${OBLIGATION_SELECT} WHERE ob.id = ${obligationId} AND ob.youth_id = ${scope.youthId} FOR UPDATE OF ob`,
  );
  if (!row) throw notFound('obligation');
  if (row.status !== 'open' && row.status !== 'missed')
    throw conflict(
      `This obligation is already ${row.status}; nothing was changed.`,
      { status: row.status },
      'obligation_settled',
    );
  return row;
}

/**
 * Records what meets an obligation (a cross-report: agency, report number, madeAt; each kind's
 * record is in kinds.ts). A missed obligation can still be met: it becomes met, late.
 */
export function meetObligation(
  repo: YouthContext,
  youthId: string,
  obligationId: string,
  record: unknown,
): Promise<ObligationViewT> {
  return repo.forYouth(youthId, 'obligation.meet', { write: ['exploitation'] }, async (scope) => {
    const row = await lockObligation(scope, obligationId);
    const def = kindDef(row.kind);
    if (!def)
      throw conflict(
        `This Harbor does not know how to meet a ${row.kind} obligation.`,
        { kind: row.kind },
        'obligation_kind_unknown',
      );
    if (def.metThrough)
      throw conflict(
        `Record this on ${def.metThrough}: it is checked against that record there.`,
        { kind: row.kind },
        'obligation_met_elsewhere',
      );
    const parsed = def.meetRecord.safeParse(record);
    if (!parsed.success) throw invalidRecord(parsed.error.issues);
    const field = def.doneAt;
    const madeAt = new Date(String(parsed.data[field]));
    if (madeAt.getTime() > Date.now() + 60_000)
      throw invalidField(`/body/${field}`, 'date_in_future', `${field}: cannot be in the future.`);
    if (madeAt.getTime() < asDate(row.created_at).getTime() - 7 * 86_400_000) {
      throw invalidField(
        `/body/${field}`,
        'too_early',
        `${field}: is more than a week before the duty arose; check the date.`,
        { days: 7 },
      );
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
  });
}

/** A supervisor may waive an obligation, open or missed, with a reason that stays on the record. */
export function waiveObligation(
  repo: YouthContext,
  youthId: string,
  obligationId: string,
  reason: string,
): Promise<ObligationViewT> {
  if (!can(repo.actor, 'obligations.waive'))
    throw forbidden('Only a supervisor can waive an obligation.', 'waive_not_allowed');
  return repo.forYouth(youthId, 'obligation.waive', { write: ['exploitation'] }, async (scope) => {
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
  });
}
