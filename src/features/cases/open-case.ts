import { sql } from 'drizzle-orm';
import type { YouthScope } from '../../access/checkpoint.js';
import type { YouthContext } from '../../access/contexts.js';
import { asDate, selectRows } from '../../db/client.js';
import { CSEC_TYPES } from '../../domain/csec-type.js';
import { dueAt } from '../../domain/deadlines.js';
import { countyToday } from '../../domain/screening-schedule.js';
import { notFound } from '../../errors.js';
import type { CaseCreate, CaseCreated } from '../../contract/cases.js';
import { settingsIn } from '../county/settings.js';
import { childWelfareOwner, openObligation } from '../obligations/open-obligation.js';
import { recordHistory, toView } from './load.js';
import { agencyFor, checkAssignee, checkCaseNumber, checkDates } from './rules.js';

const VICTIM_TYPES = CSEC_TYPES.filter((t) => t.isVictim).map((t) => t.code);

/**
 * Opens a child welfare or probation case for a youth, in the youth's county, held by the agency
 * of its kind. A child welfare case opened for a youth who holds a victim CSEC Type today opens
 * the law-enforcement cross-report duty (PC 11166(j): a youth in care identified as a victim).
 */
export function openCase(repo: YouthContext, youthId: string, input: CaseCreate): Promise<CaseCreated> {
  return repo.forYouth(youthId, 'case.open', { write: ['identity'] }, async (scope) => {
    const { tx, actor } = scope;
    const [youth] = await selectRows<{ county_id: string }>(tx, sql`SELECT county_id FROM youth WHERE id = ${youthId}`);
    if (!youth) throw notFound('youth');
    const countyId = youth.county_id;
    const closedOn = input.closedOn ?? null;
    checkDates(input.openedOn, closedOn, 'closedOn');
    if (input.assignedUserId) await checkAssignee(tx, countyId, input.kind, input.assignedUserId);
    const organizationId = await agencyFor(tx, actor, countyId, input.kind);
    await checkCaseNumber(tx, { countyId, youthId, kind: input.kind, caseNumber: input.caseNumber });
    const [row] = await selectRows<{ id: string; created_at: Date | string }>(
      tx,
      sql`INSERT INTO cases (youth_id, county_id, organization_id, kind, external_id, opened_on, closed_on,
            assigned_user_id, recorded_by)
          VALUES (${youthId}, ${countyId}, ${organizationId}, ${input.kind}, ${input.caseNumber}, ${input.openedOn},
            ${closedOn}, ${input.assignedUserId ?? null}, ${actor.userId})
          RETURNING id, created_at`,
    );
    const caseId = row!.id;
    const saved = await recordHistory(tx, youthId, caseId, actor.userId);
    const crossReportObligationId =
      input.kind === 'child_welfare' && (closedOn === null || closedOn >= countyToday())
        ? await openCrossReport(scope, { countyId, caseId, at: asDate(row!.created_at), assignee: saved })
        : null;
    scope.touch(['identity'], [caseId]);
    scope.note({ kind: input.kind, assigned: input.assignedUserId != null, crossReport: !!crossReportObligationId });
    return { ...toView(saved), crossReportObligationId };
  });
}

/**
 * The cross-report duty for a youth who now receives child welfare services while holding a
 * victim CSEC Type today (no end, or an end from today on, in county time). Owned by the case's
 * worker, else the youth's child welfare worker, else whoever opened the case. Null when none
 * is due.
 */
async function openCrossReport(
  scope: YouthScope,
  c: {
    countyId: string;
    caseId: string;
    at: Date;
    assignee: { assigned_user_id: string | null };
  },
): Promise<string | null> {
  const { tx, actor, youthId } = scope;
  const today = countyToday();
  // Whether the youth is a victim is exploitation information: the audit says it was read.
  scope.touch(['exploitation']);
  const [victim] = await selectRows<{ id: string }>(
    tx,
    sql`SELECT id FROM csec_type_records
         WHERE youth_id = ${youthId}
           AND type IN (${sql.join(
             VICTIM_TYPES.map((t) => sql`${t}`),
             sql`, `,
           )})
           AND (end_date IS NULL OR end_date >= ${today})
         LIMIT 1`,
  );
  if (!victim) return null;
  // One duty per youth: 'met' means law enforcement was told already; 'open' means the report is
  // already due (from the CSEC Type or an earlier case), and a second one would be a duplicate.
  // A missed or waived duty does not stand in the way of a new one.
  const [existing] = await selectRows<{ id: string }>(
    tx,
    sql`SELECT id FROM obligations
         WHERE youth_id = ${youthId} AND kind = 'cross_report_law_enforcement' AND status IN ('met', 'open')
         LIMIT 1`,
  );
  if (existing) return null;
  let owner: { userId: string; organizationId: string } | null = null;
  if (c.assignee.assigned_user_id) {
    const [u] = await selectRows<{ organization_id: string }>(
      tx,
      sql`SELECT organization_id FROM users WHERE id = ${c.assignee.assigned_user_id}`,
    );
    if (u) owner = { userId: c.assignee.assigned_user_id, organizationId: u.organization_id };
  }
  owner ??= (await childWelfareOwner(tx, youthId)) ?? { userId: actor.userId, organizationId: actor.organizationId };
  const settings = await settingsIn(tx, c.countyId);
  const obligationId = await openObligation(tx, {
    countyId: c.countyId,
    youthId,
    kind: 'cross_report_law_enforcement',
    sourceKind: 'case',
    sourceId: c.caseId,
    dueAt: dueAt(c.at, { hours: settings.crossReport.hours }),
    ownerUserId: owner.userId,
    ownerOrganizationId: owner.organizationId,
  });
  if (obligationId) scope.touch(['exploitation'], [obligationId]);
  return obligationId;
}
