import { sql } from 'drizzle-orm';
import { selectRows, type Db } from '../../db/client.js';
import {
  OBLIGATION_EVENT_MEETS,
  planObligations,
  type ObligationEvent,
  type PlannedOwner,
  type RuleObligationKind,
} from '../../domain/obligation-rules.js';
import { badRequest, notFound } from '../../errors.js';
import { settingsIn } from '../county/settings.js';
import { childWelfareOwner, openObligation, primaryWorker } from './open-obligation.js';

export interface ObligationsOpened {
  /** Obligations this call opened; an event seen before opens nothing again. */
  opened: {
    id: string;
    kind: RuleObligationKind;
    sourcePart: string;
    dueAt: string;
    ownerUserId: string | null;
    ownerOrganizationId: string;
  }[];
  /** Obligations the event met (an MDT meeting meets the youth's open or missed MDT duties). */
  met: { id: string; kind: RuleObligationKind }[];
}

/**
 * Applies the response rules (src/domain/obligation-rules.ts) to an event, inside the caller's
 * transaction: a ScopedRepo unit of work (`scope.tx`, in a forYouth that declares the
 * exploitation category), so row-level security keeps everything in the actor's county.
 * Idempotent: the same event (kind and sourceId) never opens the same obligation twice, and
 * meeting skips what is already settled. The caller declares the ids for its audit event (`scope.touch`).
 */
export async function openObligationsFor(tx: Db, event: ObligationEvent): Promise<ObligationsOpened> {
  if (Number.isNaN(event.at.getTime()))
    throw badRequest('The event has no valid time.', undefined, 'obligation_event_invalid');
  const [youth] = await selectRows<{ county_id: string }>(
    tx,
    sql`SELECT county_id FROM youth WHERE id = ${event.youthId}`,
  );
  if (!youth) throw notFound('youth');
  const countyId = youth.county_id;
  const settings = await settingsIn(tx, countyId);
  const plan = planObligations(event, settings);

  // Owners named by the event must be of this county (foreign keys do not see row-level security).
  const givenOrgs = [...new Set(plan.flatMap((p) => (p.owner.strategy === 'given' ? [p.owner.organizationId] : [])))];
  if (givenOrgs.length) {
    const found = await selectRows<{ id: string }>(
      tx,
      sql`SELECT id FROM organizations WHERE county_id = ${countyId} AND id IN (${sql.join(
        givenOrgs.map((o) => sql`${o}::uuid`),
        sql`, `,
      )})`,
    );
    if (found.length !== givenOrgs.length)
      throw badRequest(
        'An organization named for this event is not one of this county\u2019s.',
        undefined,
        'obligation_event_invalid',
      );
  }
  const givenUsers = [
    ...new Set(plan.flatMap((p) => (p.owner.strategy === 'given' && p.owner.userId ? [p.owner.userId] : []))),
  ];
  if (givenUsers.length) {
    const found = await selectRows<{ id: string }>(
      tx,
      sql`SELECT id FROM users WHERE county_id = ${countyId} AND disabled_at IS NULL AND id IN (${sql.join(
        givenUsers.map((u) => sql`${u}::uuid`),
        sql`, `,
      )})`,
    );
    if (found.length !== givenUsers.length)
      throw badRequest(
        'A person named for this event is not an active user of this county.',
        undefined,
        'obligation_event_invalid',
      );
  }

  // What the event settles comes first, so the duty it opens (the next review) is not met by it.
  const met: ObligationsOpened['met'] = [];
  const meets = OBLIGATION_EVENT_MEETS[event.kind];
  if (meets?.length) {
    const at = event.at.toISOString();
    const record = JSON.stringify({ heldAt: at, meetingId: event.sourceId });
    met.push(
      ...(await selectRows<{ id: string; kind: RuleObligationKind }>(
        tx,
        sql`UPDATE obligations SET status = 'met', met_at = ${at}, met_by = ${event.recordedBy.userId},
                   met_record = ${record}::jsonb, version = version + 1
             WHERE youth_id = ${event.youthId} AND status IN ('open', 'missed')
               AND kind IN (${sql.join(
                 meets.map((k) => sql`${k}`),
                 sql`, `,
               )})
               AND source_id IS DISTINCT FROM ${event.sourceId}
               AND created_at <= ${at}::timestamptz + interval '7 days'
             RETURNING id, kind`,
      )),
    );
  }

  const owners = new Map<string, { userId: string | null; organizationId: string }>();
  const resolve = async (owner: PlannedOwner) => {
    if (owner.strategy === 'given') return { userId: owner.userId, organizationId: owner.organizationId };
    const cached = owners.get(owner.strategy);
    if (cached) return cached;
    const found =
      owner.strategy === 'child_welfare_worker'
        ? await childWelfareOwner(tx, event.youthId)
        : owner.strategy === 'primary_worker'
          ? await primaryWorker(tx, event.youthId)
          : null;
    const resolved = found ?? { userId: event.recordedBy.userId, organizationId: event.recordedBy.organizationId };
    owners.set(owner.strategy, resolved);
    return resolved;
  };

  const opened: ObligationsOpened['opened'] = [];
  for (const p of plan) {
    const owner = await resolve(p.owner);
    const id = await openObligation(tx, {
      countyId,
      youthId: event.youthId,
      kind: p.kind,
      sourceKind: p.sourceKind,
      sourceId: p.sourceId,
      sourcePart: p.sourcePart,
      dueAt: p.dueAt,
      ownerUserId: owner.userId,
      ownerOrganizationId: owner.organizationId,
    });
    if (id) {
      opened.push({
        id,
        kind: p.kind,
        sourcePart: p.sourcePart,
        dueAt: p.dueAt.toISOString(),
        ownerUserId: owner.userId,
        ownerOrganizationId: owner.organizationId,
      });
    }
  }
  return { opened, met };
}
