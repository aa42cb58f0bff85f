import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { YouthContext } from '../../access/contexts.js';
import { asDate, selectRows } from '../../db/client.js';
import { conflict, forbidden, staleVersion } from '../../errors.js';
import { keepEarlier } from '../corrections/store.js';
import { loadScreening } from './load.js';
import type { ScreeningDiscard } from '../../contract/corrections.js';

/**
 * Discards a draft screening started by mistake: only a draft (a final screening is amended, never
 * deleted), only by whoever started it or a supervisor of the youth's worker, with a reason. The
 * draft's last answers are kept with the reason for supervisors and auditors (record_corrections),
 * and the audit event names it; the draft itself is deleted, so it no longer blocks a new one.
 */
export function discardScreening(
  repo: YouthContext,
  youthId: string,
  screeningId: string,
  input: z.infer<typeof ScreeningDiscard>,
) {
  return repo.forYouth(youthId, 'screening.discard', { write: ['exploitation'] }, async (scope) => {
    const { tx, actor } = scope;
    const current = await loadScreening(tx, youthId, screeningId, true);
    if (current.status !== 'draft')
      throw conflict(
        'This screening is final: it cannot be discarded. To correct it, start a new screening that amends it, with a reason.',
        undefined,
        'screening_final',
      );
    const [owner] = await selectRows<{ administered_by: string }>(
      tx,
      sql`SELECT administered_by FROM screenings WHERE id = ${screeningId}`,
    );
    if (owner!.administered_by !== actor.userId && !scope.grant.relations.has('supervises'))
      throw forbidden(
        'Only whoever started this draft, or a supervisor, can discard it.',
        'screening_discard_not_allowed',
      );
    if (current.version !== input.version) throw staleVersion('draft', input.version, current.version);
    await keepEarlier(tx, {
      countyId: actor.countyId,
      youthId,
      kind: 'screening',
      recordId: screeningId,
      action: 'discarded',
      version: current.version,
      earlier: {
        instrument: current.definition.name,
        instrumentVersion: current.instrument_version,
        context: current.context,
        administeredAt: asDate(current.administered_at).toISOString(),
        administeredBy: current.administered_by_name,
        ratings: current.ratings,
        notes: current.notes,
        supersedesId: current.supersedes_id,
      },
      reason: input.reason,
      by: actor.userId,
    });
    await tx.execute(sql`DELETE FROM screenings WHERE id = ${screeningId} AND status = 'draft'`);
    scope.touch(['exploitation'], [screeningId]);
    scope.note({ discarded: true, amendment: current.supersedes_id !== null });
    return { id: screeningId, discarded: true as const };
  });
}
