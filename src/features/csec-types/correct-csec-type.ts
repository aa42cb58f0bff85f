import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { YouthContext } from '../../access/contexts.js';
import { lockYouthForWrite } from '../../access/youth-lock.js';
import { asDate, selectRows } from '../../db/client.js';
import { CSEC_TYPES, csecTypeProblems } from '../../domain/csec-type.js';
import { countyToday } from '../../domain/screening-schedule.js';
import { badRequest, brokenRules, changedMeanwhile, notFound, ruleTexts, staleVersion } from '../../errors.js';
import { changedFields, keepEarlier } from '../corrections/store.js';
import { loadCsecTypes, toView } from './load.js';
import { openVictimDuties } from './record-csec-type.js';
import type { CsecTypeViewT } from '../../contract/csec-types.js';
import type { CsecTypeCorrection } from '../../contract/corrections.js';

const isVictim = (type: string) => CSEC_TYPES.find((t) => t.code === type)?.isVictim ?? false;

/**
 * Corrects a CSEC Type record recorded wrongly (the type itself, its dates or subcategory), with a
 * reason; the values replaced are kept for supervisors and auditors. The state's rules are checked
 * again against the youth's other types. Counts read the records as they are, so they follow; the
 * duties follow the type: corrected away from a victim type, the duties it opened and that are
 * still open are waived with the reason; corrected into one, they open as if recorded so.
 */
export function correctCsecType(
  repo: YouthContext,
  youthId: string,
  recordId: string,
  input: z.infer<typeof CsecTypeCorrection>,
): Promise<CsecTypeViewT> {
  return repo.forYouth(youthId, 'csec_type.correct', { write: ['exploitation'] }, async (scope) => {
    const { tx, actor } = scope;
    await lockYouthForWrite(tx, youthId);
    const rows = await loadCsecTypes(tx, youthId);
    const current = rows.find((r) => r.id === recordId);
    if (!current) throw notFound('CSEC Type record');
    if (current.version !== input.version) throw staleVersion('record', input.version, current.version);
    const before = {
      type: current.type,
      startDate: current.start_date,
      endDate: current.end_date,
      allegationSubcategory: current.allegation_subcategory,
    };
    const next = {
      type: input.type ?? before.type,
      startDate: input.startDate ?? before.startDate,
      endDate: input.endDate === undefined ? before.endDate : input.endDate,
      allegationSubcategory: input.allegationSubcategory ?? before.allegationSubcategory,
    };
    const earlier = changedFields(before, next);
    if (Object.keys(earlier).length === 0)
      throw badRequest('The correction changes nothing.', undefined, 'nothing_to_change');
    const others = rows.map((r) => ({ id: r.id, type: r.type, startDate: r.start_date, endDate: r.end_date }));
    const problems = csecTypeProblems(
      { id: recordId, type: next.type, startDate: next.startDate, endDate: next.endDate },
      others,
      countyToday(),
    );
    if (problems.length)
      throw brokenRules('csec_type_invalid', `This correction cannot be saved: ${ruleTexts(problems)}`, problems);
    await keepEarlier(tx, {
      countyId: actor.countyId,
      youthId,
      kind: 'csec_type',
      recordId,
      action: 'corrected',
      version: current.version,
      earlier,
      reason: input.reason,
      by: actor.userId,
    });
    const [updated] = await selectRows(
      tx,
      sql`UPDATE csec_type_records SET type = ${next.type}, start_date = ${next.startDate}, end_date = ${next.endDate},
              allegation_subcategory = ${next.allegationSubcategory}, version = version + 1
            WHERE id = ${recordId} AND version = ${input.version} RETURNING id`,
    );
    if (!updated) throw changedMeanwhile();
    const obligationIds: string[] = [];
    if (isVictim(before.type) && !isVictim(next.type)) {
      const waived = await selectRows<{ id: string }>(
        tx,
        sql`UPDATE obligations SET status = 'waived', waived_at = now(), waived_by = ${actor.userId},
                   waive_reason = ${`The CSEC Type was corrected to one that is not a victim type: ${input.reason.trim()}`},
                   version = version + 1
             WHERE youth_id = ${youthId} AND source_id = ${recordId} AND status IN ('open', 'missed') RETURNING id`,
      );
      obligationIds.push(...waived.map((o) => o.id));
    } else if (!isVictim(before.type) && isVictim(next.type)) {
      const { obligationId, mdt } = await openVictimDuties(scope, {
        id: recordId,
        type: next.type,
        recordedAt: asDate(current.recorded_at),
        immediateDanger: false,
      });
      obligationIds.push(...(obligationId ? [obligationId] : []), ...mdt);
    }
    scope.touch(['exploitation'], [recordId, ...obligationIds]);
    scope.note({ corrected: Object.keys(earlier).sort(), obligations: obligationIds.length });
    const [saved] = (await loadCsecTypes(tx, youthId)).filter((r) => r.id === recordId);
    return toView(saved!);
  });
}
