// What a case must satisfy before it is saved: its agency, its worker, its number, its dates.
import { sql } from 'drizzle-orm';
import type { Actor } from '../../access/actor.js';
import { selectRows, type Db } from '../../db/client.js';
import { badRequest, conflict, invalidField } from '../../errors.js';
import type { CaseKind } from '../../contract/cases.js';

/**
 * The agency that holds a new case: the user's own organization when it is an agency of that
 * kind in the youth's county, else the county's agency of that kind (the first by name).
 */
export async function agencyFor(tx: Db, actor: Actor, countyId: string, kind: CaseKind): Promise<string> {
  const [row] = await selectRows<{ id: string }>(
    tx,
    sql`SELECT id FROM organizations WHERE county_id = ${countyId} AND type = ${kind}
         ORDER BY (id = ${actor.organizationId}) DESC, name, id LIMIT 1`,
  );
  if (!row)
    throw badRequest(
      `The youth's county has no ${kind.replace('_', ' ')} agency in Harbor to hold this case.`,
      { kind },
      'no_agency_for_case_kind',
    );
  return row.id;
}

/**
 * The worker a case is assigned to: an active user of the youth's county in an agency of the
 * case's kind (a probation officer does not carry a child welfare case). 400 on the field otherwise.
 */
export async function checkAssignee(tx: Db, countyId: string, kind: CaseKind, userId: string): Promise<void> {
  const [row] = await selectRows<{ id: string }>(
    tx,
    sql`SELECT u.id FROM users u JOIN organizations o ON o.id = u.organization_id
         WHERE u.id = ${userId} AND u.county_id = ${countyId} AND u.disabled_at IS NULL AND o.type = ${kind}`,
  );
  if (!row)
    throw invalidField(
      '/body/assignedUserId',
      'not_case_agency_worker',
      `assignedUserId: not an active worker of a ${kind.replace('_', ' ')} agency in the youth's county.`,
      { kind },
    );
}

/**
 * A case number belongs to one case in a county (compared case-insensitively), and a youth has
 * one open case of a kind under a number. Writers of one number take turns (a transaction-level
 * advisory lock on county and number), so two requests at once cannot both pass the check.
 */
export async function checkCaseNumber(
  tx: Db,
  c: { countyId: string; youthId: string; kind: CaseKind; caseNumber: string; exceptCaseId?: string },
): Promise<void> {
  await tx.execute(
    sql`SELECT pg_advisory_xact_lock(hashtextextended('harbor.case_number:' || ${c.countyId}::text || ':' || lower(${c.caseNumber}), 0))`,
  );
  const rows = await selectRows<{ youth_id: string; kind: CaseKind; open: boolean }>(
    tx,
    sql`SELECT youth_id, kind, (closed_on IS NULL) AS open FROM cases
         WHERE county_id = ${c.countyId} AND lower(external_id) = lower(${c.caseNumber})
           ${c.exceptCaseId ? sql`AND id <> ${c.exceptCaseId}` : sql``}`,
  );
  if (rows.some((r) => r.youth_id === c.youthId && r.kind === c.kind && r.open))
    throw conflict(
      `This youth already has an open ${c.kind.replace('_', ' ')} case with that number.`,
      undefined,
      'case_already_open',
    );
  if (rows.length)
    throw conflict('Another case in this county already has that case number.', undefined, 'case_number_taken');
}

/** A case closes on or after the day it opened: 400 on `field` (the date being sent) otherwise. */
export function checkDates(openedOn: string, closedOn: string | null, field: 'closedOn' | 'openedOn'): void {
  if (closedOn === null || closedOn >= openedOn) return;
  if (field === 'closedOn')
    throw invalidField('/body/closedOn', 'end_before_start', 'closedOn: must be on or after openedOn.', {
      start: openedOn,
    });
  throw invalidField('/body/openedOn', 'after_closed', 'openedOn: must be on or before the day the case closed.', {
    closedOn,
  });
}
