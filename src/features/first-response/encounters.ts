// First responder encounters: recorded by the youth's workers (or law enforcement users assigned
// to the youth); every agency's arrival is measured against the county's on-scene target.
import { sql } from 'drizzle-orm';
import type { YouthContext } from '../../access/contexts.js';
import { asDate, selectRows } from '../../db/client.js';
import { brokenRules, conflict, fieldError, HarborError, invalidField, notFound } from '../../errors.js';
import type { EncounterCreate } from '../../contract/first-response.js';
import { rule, type RuleProblem } from '../../contract/problems.js';
import { isBeforeMinute } from '../../domain/time-order.js';
import { settingsIn } from '../county/settings.js';
import { meetObligationsBySource } from '../obligations/meet-by-source.js';
import { openObligationsFor } from '../obligations/open-obligations-for.js';

const ms = (v: string | null | undefined) => (v ? new Date(v).getTime() : null);

function checkTimes(input: EncounterCreate) {
  const problems: RuleProblem[] = [];
  const found = ms(input.foundAt)!;
  const now = Date.now() + 60_000;
  if (found > now) problems.push(rule('foundAt', 'date_in_future', 'cannot be in the future'));
  if (ms(input.hotlineCalledAt)! < found - 86_400_000)
    problems.push(
      rule('hotlineCalledAt', 'too_early', 'more than a day before the youth was found; check the date', { days: 1 }),
    );
  for (const [i, n] of input.notified.entries()) {
    if (n.arrivedAt && isBeforeMinute(ms(n.arrivedAt)!, ms(n.notifiedAt)!))
      problems.push({
        field: `notified.${i}.arrivedAt`,
        code: 'before_notified',
        text: `notified[${i}].arrivedAt: an agency cannot arrive before it was notified`,
      });
  }
  if (input.healthEvaluationAt && isBeforeMinute(ms(input.healthEvaluationAt)!, found))
    problems.push(rule('healthEvaluationAt', 'before_found', 'cannot be before the youth was found'));
  if (problems.length)
    throw brokenRules('encounter_invalid', `Please fix: ${problems.map((p) => p.text).join('; ')}.`, problems);
}

/** Records an encounter in one transaction: the encounter, each notified agency and its arrival. */
export function recordEncounter(repo: YouthContext, youthId: string, input: EncounterCreate) {
  return repo.forYouth(youthId, 'first_response.record', { write: ['exploitation'] }, async (scope) => {
    checkTimes(input);
    const orgIds = [
      ...new Set([
        input.foundByOrganizationId,
        ...input.notified.map((n) => n.organizationId),
        ...(input.advocateOrganizationId ? [input.advocateOrganizationId] : []),
      ]),
    ];
    const known = await selectRows<{ id: string }>(
      scope.tx,
      sql`SELECT id FROM organizations WHERE id IN (${sql.join(
        orgIds.map((o) => sql`${o}`),
        sql`, `,
      )})`,
    );
    const unknown = orgIds.filter((o) => !known.some((k) => k.id === o));
    if (unknown.length) {
      const at = [
        ...(unknown.includes(input.foundByOrganizationId) ? ['/body/foundByOrganizationId'] : []),
        ...input.notified.flatMap((n, i) =>
          unknown.includes(n.organizationId) ? [`/body/notified/${i}/organizationId`] : [],
        ),
        ...(input.advocateOrganizationId && unknown.includes(input.advocateOrganizationId)
          ? ['/body/advocateOrganizationId']
          : []),
      ];
      throw new HarborError(
        400,
        'bad_request',
        `No organization in your county with id ${unknown.join(', ')}.`,
        undefined,
        at.map((p) => fieldError(p, 'unknown_reference')),
      );
    }
    if (new Set(input.notified.map((n) => n.organizationId)).size !== input.notified.length)
      throw invalidField('/body/notified', 'duplicate', 'notified: list each agency once.');
    const [row] = await selectRows<{ id: string }>(
      scope.tx,
      sql`INSERT INTO first_responder_encounters (youth_id, county_id, found_by_organization_id, found_by_name, found_at, location_type,
              spa_number, street_address, hotline_called_at, hotline_reference, advocate_organization_id, advocate_dispatched_at,
              youth_went_to, health_evaluation_at, recorded_by)
            VALUES (${youthId}, ${scope.actor.countyId}, ${input.foundByOrganizationId}, ${input.foundByName}, ${input.foundAt},
              ${input.locationType}, ${input.spaNumber ?? null}, ${input.streetAddress ?? null}, ${input.hotlineCalledAt},
              ${input.hotlineReference ?? null}, ${input.advocateOrganizationId ?? null}, ${input.advocateDispatchedAt ?? null},
              ${input.youthWentTo ?? null}, ${input.healthEvaluationAt ?? null}, ${scope.actor.userId})
            RETURNING id`,
    );
    const id = row!.id;
    for (const n of input.notified) {
      await scope.tx
        .execute(sql`INSERT INTO responder_arrivals (encounter_id, county_id, organization_id, notified_at, arrived_at)
          VALUES (${id}, ${scope.actor.countyId}, ${n.organizationId}, ${n.notifiedAt}, ${n.arrivedAt ?? null})`);
    }
    // The protocol's clocks start at the hotline call: each agency on scene, the health evaluation.
    const { opened } = await openObligationsFor(scope.tx, {
      kind: 'first_responder_contact',
      youthId,
      sourceId: id,
      at: new Date(input.hotlineCalledAt),
      recordedBy: scope.actor,
      agencies: input.notified.map((n) => ({ organizationId: n.organizationId })),
    });
    const met: string[] = [];
    for (const n of input.notified.filter((x) => x.arrivedAt)) {
      met.push(
        ...(await meetObligationsBySource(scope.tx, {
          kind: 'responders_on_scene',
          sourceId: id,
          sourcePart: n.organizationId,
          record: { arrivedAt: n.arrivedAt },
          metBy: scope.actor.userId,
        })),
      );
    }
    if (input.healthEvaluationAt) {
      met.push(
        ...(await meetObligationsBySource(scope.tx, {
          kind: 'health_evaluation_72h',
          sourceId: id,
          record: { completedAt: input.healthEvaluationAt, provider: input.healthEvaluationBy },
          metBy: scope.actor.userId,
        })),
      );
    }
    scope.touch(
      ['exploitation', ...(input.streetAddress ? (['contact_location'] as const) : [])],
      [id, ...opened.map((o) => o.id)],
    );
    scope.note({ notified: input.notified.length, obligationsOpened: opened.length, obligationsMet: met.length });
    return { id, obligationIds: opened.map((o) => o.id) };
  });
}

/** Records when a notified agency arrived. */
export function recordArrival(
  repo: YouthContext,
  youthId: string,
  encounterId: string,
  organizationId: string,
  arrivedAt: string,
) {
  return repo.forYouth(youthId, 'first_response.arrival', { write: ['exploitation'] }, async (scope) => {
    const [a] = await selectRows<{ id: string; notified_at: Date | string; arrived_at: Date | string | null }>(
      scope.tx,
      sql`SELECT a.id, a.notified_at, a.arrived_at FROM responder_arrivals a JOIN first_responder_encounters e ON e.id = a.encounter_id
             WHERE a.encounter_id = ${encounterId} AND e.youth_id = ${youthId} AND a.organization_id = ${organizationId} FOR UPDATE OF a`,
    );
    if (!a) throw notFound('notified agency on this encounter');
    if (a.arrived_at)
      throw conflict('This agency’s arrival is already recorded.', undefined, 'arrival_already_recorded');
    if (new Date(arrivedAt) < asDate(a.notified_at))
      throw invalidField(
        '/body/arrivedAt',
        'before_notified',
        'arrivedAt: an agency cannot arrive before it was notified.',
      );
    await selectRows(
      scope.tx,
      sql`UPDATE responder_arrivals SET arrived_at = ${arrivedAt} WHERE id = ${a.id} RETURNING id`,
    );
    const met = await meetObligationsBySource(scope.tx, {
      kind: 'responders_on_scene',
      sourceId: encounterId,
      sourcePart: organizationId,
      record: { arrivedAt },
      metBy: scope.actor.userId,
    });
    scope.touch(['exploitation'], [encounterId, ...met]);
    return { id: a.id, arrivedAt: new Date(arrivedAt).toISOString() };
  });
}

/** The youth's encounters, each agency's minutes to arrive against the county target. */
export function listEncounters(repo: YouthContext, youthId: string) {
  return repo.forYouth(youthId, 'first_response.list', { read: ['exploitation'] }, async (scope) => {
    const target = (await settingsIn(scope.tx, scope.actor.countyId)).response.respondersOnSceneMinutes;
    const rows = await selectRows<{
      id: string;
      found_by_organization: string;
      found_by_name: string;
      found_at: Date | string;
      location_type: string;
      spa_number: number | null;
      street_address: string | null;
      hotline_called_at: Date | string;
      hotline_reference: string | null;
      advocate_organization: string | null;
      advocate_dispatched_at: Date | string | null;
      youth_went_to: string | null;
      health_evaluation_at: Date | string | null;
      health: {
        obligationId: string;
        status: 'open' | 'met' | 'missed' | 'waived';
        dueAt: string;
        metAt: string | null;
        provider: string | null;
      } | null;
      arrivals: { organizationId: string; organization: string; notifiedAt: string; arrivedAt: string | null }[] | null;
    }>(
      scope.tx,
      sql`SELECT e.id, o.name AS found_by_organization, e.found_by_name, e.found_at, e.location_type, e.spa_number, e.street_address,
            e.hotline_called_at, e.hotline_reference, adv.name AS advocate_organization, e.advocate_dispatched_at,
            e.youth_went_to, e.health_evaluation_at,
            -- The 72-hour evaluation is an obligation: met here or later through the obligations endpoint.
            (SELECT json_build_object('obligationId', ob.id, 'status', ob.status, 'dueAt', ob.due_at, 'metAt', ob.met_at,
                    'provider', ob.met_record->>'provider')
               FROM obligations ob WHERE ob.kind = 'health_evaluation_72h' AND ob.source_id = e.id AND ob.youth_id = e.youth_id LIMIT 1) AS health,
            (SELECT json_agg(json_build_object('organizationId', a.organization_id, 'organization', ao.name, 'notifiedAt', a.notified_at, 'arrivedAt', a.arrived_at) ORDER BY a.notified_at)
               FROM responder_arrivals a JOIN organizations ao ON ao.id = a.organization_id WHERE a.encounter_id = e.id) AS arrivals
          FROM first_responder_encounters e JOIN organizations o ON o.id = e.found_by_organization_id
          LEFT JOIN organizations adv ON adv.id = e.advocate_organization_id
         WHERE e.youth_id = ${youthId} ORDER BY e.found_at DESC`,
    );
    const showAddress = scope.grant.read.has('contact_location');
    scope.touch(
      showAddress ? ['exploitation', 'contact_location'] : ['exploitation'],
      rows.map((r) => r.id),
    );
    return {
      targetMinutes: target,
      encounters: rows.map((r) => {
        const called = asDate(r.hotline_called_at);
        return {
          id: r.id,
          foundBy: { organization: r.found_by_organization, name: r.found_by_name },
          foundAt: asDate(r.found_at).toISOString(),
          locationType: r.location_type,
          spaNumber: r.spa_number,
          ...(showAddress ? { streetAddress: r.street_address } : {}),
          hotlineCalledAt: called.toISOString(),
          hotlineReference: r.hotline_reference,
          advocate: r.advocate_organization
            ? {
                organization: r.advocate_organization,
                dispatchedAt: r.advocate_dispatched_at === null ? null : asDate(r.advocate_dispatched_at).toISOString(),
              }
            : null,
          youthWentTo: r.youth_went_to,
          healthEvaluationAt:
            r.health_evaluation_at === null
              ? r.health?.metAt
                ? new Date(r.health.metAt).toISOString()
                : null
              : asDate(r.health_evaluation_at).toISOString(),
          healthEvaluation: r.health && {
            obligationId: r.health.obligationId,
            status: r.health.status,
            dueAt: new Date(r.health.dueAt).toISOString(),
            completedAt: r.health.metAt ? new Date(r.health.metAt).toISOString() : null,
            provider: r.health.provider,
          },
          arrivals: (r.arrivals ?? []).map((a) => {
            const minutes = a.arrivedAt
              ? Math.round((new Date(a.arrivedAt).getTime() - called.getTime()) / 60_000)
              : null;
            return {
              organizationId: a.organizationId,
              organization: a.organization,
              notifiedAt: new Date(a.notifiedAt).toISOString(),
              arrivedAt: a.arrivedAt && new Date(a.arrivedAt).toISOString(),
              minutesFromCall: minutes,
              onTime: minutes === null ? null : minutes <= target,
            };
          }),
        };
      }),
    };
  });
}
