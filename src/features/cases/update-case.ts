import { sql } from 'drizzle-orm';
import type { YouthContext } from '../../access/contexts.js';
import { selectRows } from '../../db/client.js';
import { badRequest, changedMeanwhile, conflict, notFound, staleVersion } from '../../errors.js';
import type { CaseClose, CasePatch, CaseView } from '../../contract/cases.js';
import { lockCase, recordHistory, toView } from './load.js';
import { checkAssignee, checkCaseNumber, checkDates } from './rules.js';

/** Corrects a case's number, opening day or worker (send the version you loaded). */
export function updateCase(repo: YouthContext, youthId: string, caseId: string, patch: CasePatch): Promise<CaseView> {
  return repo.forYouth(youthId, 'case.update', { write: ['identity'] }, async (scope) => {
    const { tx, actor } = scope;
    const { version, ...input } = patch;
    const fields = Object.keys(input).sort();
    if (fields.length === 0)
      throw badRequest(
        'Send at least one field to change, with the version you loaded.',
        undefined,
        'nothing_to_change',
      );
    const current = await lockCase(tx, youthId, caseId);
    if (!current) throw notFound('case');
    if (current.version !== version) throw staleVersion('case', version, current.version);
    const openedOn = input.openedOn ?? current.opened_on;
    checkDates(openedOn, current.closed_on, 'openedOn');
    if (input.assignedUserId && input.assignedUserId !== current.assigned_user_id)
      await checkAssignee(tx, current.county_id, current.kind, input.assignedUserId);
    const caseNumber = input.caseNumber ?? current.external_id;
    // Only a changed number is checked: an unchanged one (an imported case's) stays as it is.
    if (input.caseNumber !== undefined && input.caseNumber !== current.external_id)
      await checkCaseNumber(tx, {
        countyId: current.county_id,
        youthId,
        kind: current.kind,
        caseNumber: input.caseNumber,
        exceptCaseId: caseId,
      });
    const assignedUserId = input.assignedUserId === undefined ? current.assigned_user_id : input.assignedUserId;
    const [updated] = await selectRows<{ id: string }>(
      tx,
      sql`UPDATE cases SET external_id = ${caseNumber}, opened_on = ${openedOn}, assigned_user_id = ${assignedUserId},
              version = version + 1, updated_at = now()
            WHERE id = ${caseId} AND version = ${version} RETURNING id`,
    );
    if (!updated) throw changedMeanwhile('this case');
    const saved = await recordHistory(tx, youthId, caseId, actor.userId);
    scope.touch(['identity'], [caseId]);
    scope.note({ fields, version: saved.version });
    return toView(saved);
  });
}

/** Closes an open case on a day from its opening to today, with the reason if given. */
export function closeCase(repo: YouthContext, youthId: string, caseId: string, input: CaseClose): Promise<CaseView> {
  return repo.forYouth(youthId, 'case.close', { write: ['identity'] }, async (scope) => {
    const { tx, actor } = scope;
    const current = await lockCase(tx, youthId, caseId);
    if (!current) throw notFound('case');
    if (current.version !== input.version) throw staleVersion('case', input.version, current.version);
    if (current.closed_on !== null)
      throw conflict(`This case was closed on ${current.closed_on}.`, { closedOn: current.closed_on }, 'case_closed');
    checkDates(current.opened_on, input.closedOn, 'closedOn');
    const [updated] = await selectRows<{ id: string }>(
      tx,
      sql`UPDATE cases SET closed_on = ${input.closedOn}, close_reason = ${input.reason || null},
              version = version + 1, updated_at = now()
            WHERE id = ${caseId} AND version = ${input.version} RETURNING id`,
    );
    if (!updated) throw changedMeanwhile('this case');
    const saved = await recordHistory(tx, youthId, caseId, actor.userId);
    scope.touch(['identity'], [caseId]);
    scope.note({ closed: true, reason: !!input.reason, version: saved.version });
    return toView(saved);
  });
}
