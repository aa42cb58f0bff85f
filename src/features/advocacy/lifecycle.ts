// The steps of an advocacy referral after it is sent. The CBO's staff act on a referral addressed
// to their organization (repo.forAddressed) before they may see the youth: accept, decline,
// assign an advocate, close. The assigned advocate then works through the youth's record
// (repo.forYouth, relation 'advocacy'): first contact, engaged, milestones, close. The referrer's
// side may close (withdraw) through its own write access to the youth.
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { YouthScope } from '../../access/checkpoint.js';
import type { YouthContext } from '../../access/contexts.js';
import { asDate, selectRows } from '../../db/client.js';
import { ADVOCATE_ACCESS_STATES, MILESTONE_SERVICE, type MilestoneKind } from '../../domain/advocacy.js';
import { countyToday } from '../../domain/screening-schedule.js';
import { conflict, fieldError, invalidField, notFound } from '../../errors.js';
import { meetObligationsBySource, waiveObligationsBySource } from '../obligations/meet-by-source.js';
import { usefulRelations, visibleYouthQuery } from '../../access/relation.js';
import { accessIn, referralRows, referralViews } from './load-referrals.js';
import type {
  AssignBody,
  CloseBody,
  DeclineBody,
  MilestoneBody,
  ReferralViewT,
  StepBase,
} from '../../contract/advocacy.js';
import {
  lastStepAt,
  lockReferral,
  recordStep,
  stepRefusal,
  stepTime,
  unprocessable,
  type CurrentReferral,
} from './step.js';
import { gapsOn } from './vetting.js';

const ADDRESSED = { table: 'advocacy_referrals' as const, label: 'referral' };

/**
 * The referral as the user may see it after the step: the name only with their own grant, the
 * reason and notes for the addressed organization and the youth's case carriers (load-referrals.ts).
 */
async function viewAfter(scope: YouthScope, referralId: string): Promise<ReferralViewT> {
  const rows = await referralRows(scope.tx, sql`ar.id = ${referralId}`);
  return (await referralViews(scope.tx, rows, accessIn(scope)))[0]!;
}

const FIRST_CONTACT = 'advocacy_first_contact' as const;

/** Declined, or closed before anyone reached the youth: the first-contact duty ends with the reason. */
async function waiveFirstContact(scope: YouthScope, referralId: string, reason: string, at: Date) {
  const ids = await waiveObligationsBySource(scope.tx, {
    kind: FIRST_CONTACT,
    sourceId: referralId,
    reason,
    waivedBy: scope.actor.userId,
    at,
  });
  scope.touch([], ids);
}

export function acceptReferral(repo: YouthContext, referralId: string, input: z.infer<typeof StepBase>) {
  return repo.forAddressed(ADDRESSED, referralId, 'advocacy.referral.accept', async (scope) => {
    const current = await lockReferral(scope, referralId);
    await recordStep(
      scope,
      current,
      'accept',
      { version: input.version, at: stepTime(input.at, lastStepAt(current)) },
      {},
      {},
    );
    return viewAfter(scope, referralId);
  });
}

export function declineReferral(repo: YouthContext, referralId: string, input: z.infer<typeof DeclineBody>) {
  return repo.forAddressed(ADDRESSED, referralId, 'advocacy.referral.decline', async (scope) => {
    const current = await lockReferral(scope, referralId);
    const at = stepTime(input.at, lastStepAt(current));
    await recordStep(
      scope,
      current,
      'decline',
      { version: input.version, at },
      { declineReason: input.reason },
      { reason: input.reason, ...(input.note ? { note: input.note } : {}) },
    );
    await waiveFirstContact(scope, referralId, `Referral declined by the organization (${input.reason}).`, at);
    scope.note({ reason: input.reason });
    return viewAfter(scope, referralId);
  });
}

export function assignAdvocate(repo: YouthContext, referralId: string, input: z.infer<typeof AssignBody>) {
  return repo.forAddressed(ADDRESSED, referralId, 'advocacy.referral.assign', async (scope) => {
    const current = await lockReferral(scope, referralId);
    const at = stepTime(input.at, lastStepAt(current));
    const [advocate] = await selectRows<{ display_name: string; organization: string }>(
      scope.tx,
      sql`SELECT u.display_name, o.name AS organization FROM users u JOIN organizations o ON o.id = u.organization_id
           WHERE u.id = ${input.advocateUserId} AND u.organization_id = ${current.organization_id}
             AND 'advocate' = ANY(u.roles) AND u.disabled_at IS NULL`,
    );
    if (!advocate)
      throw unprocessable(
        'advocateUserId: this person is not an active advocate of the organization the referral is addressed to.',
        undefined,
        'advocate_not_in_organization',
        [fieldError('/body/advocateUserId', 'not_active_advocate')],
      );
    // The state comes first: a second assignment is a lifecycle problem, whoever is named.
    const refusal = stepRefusal(current.state, 'assign_advocate');
    if (refusal) throw refusal;
    const on = countyToday(at);
    const gaps = await gapsOn(scope.tx, scope.actor.countyId, input.advocateUserId, on);
    if (gaps.length) {
      const texts = gaps.map((g) => g.text);
      throw unprocessable(
        `${advocate.display_name} cannot be assigned on ${on}: ${texts.join('; ')}.`,
        { gaps: texts, on, name: advocate.display_name, vetting: gaps.map(({ text: _text, ...g }) => g) },
        'advocate_not_vetted',
      );
    }
    await recordStep(
      scope,
      current,
      'assign_advocate',
      { version: input.version, at },
      { advocateUserId: input.advocateUserId },
      { advocateUserId: input.advocateUserId },
    );
    scope.note({ advocateUserId: input.advocateUserId });
    return viewAfter(scope, referralId);
  });
}

/** The assigned advocate's own referral of this youth, or 404: nobody else records these steps. */
async function assignedToMe(scope: YouthScope, referralId: string): Promise<CurrentReferral> {
  const current = await lockReferral(scope, referralId);
  if (current.advocate_user_id !== scope.actor.userId || !scope.grant.relations.has('advocacy')) {
    // The advocate's relation lasts while the referral is open; a closed one is simply not theirs.
    if (current.advocate_user_id === scope.actor.userId)
      throw conflict(
        `The referral is ${current.state}; nothing more can be recorded on it.`,
        { state: current.state },
        'referral_closed',
      );
    throw notFound('referral');
  }
  return current;
}

export function recordFirstContact(
  repo: YouthContext,
  youthId: string,
  referralId: string,
  input: z.infer<typeof StepBase>,
) {
  return repo.forYouth(youthId, 'advocacy.referral.first_contact', { read: ['identity'] }, async (scope) => {
    const current = await assignedToMe(scope, referralId);
    const at = stepTime(input.at, lastStepAt(current));
    await recordStep(scope, current, 'first_contact', { version: input.version, at }, {}, {});
    const met = await meetObligationsBySource(scope.tx, {
      kind: FIRST_CONTACT,
      sourceId: referralId,
      record: { contactedAt: at.toISOString() },
      metBy: scope.actor.userId,
    });
    scope.touch(['identity'], met);
    return viewAfter(scope, referralId);
  });
}

export function recordEngaged(
  repo: YouthContext,
  youthId: string,
  referralId: string,
  input: z.infer<typeof StepBase>,
) {
  return repo.forYouth(youthId, 'advocacy.referral.engage', { read: ['identity'] }, async (scope) => {
    const current = await assignedToMe(scope, referralId);
    await recordStep(
      scope,
      current,
      'engage',
      { version: input.version, at: stepTime(input.at, lastStepAt(current)) },
      {},
      {},
    );
    scope.touch(['identity']);
    return viewAfter(scope, referralId);
  });
}

export function recordMilestone(
  repo: YouthContext,
  youthId: string,
  referralId: string,
  input: z.infer<typeof MilestoneBody>,
) {
  return repo.forYouth(youthId, 'advocacy.milestone.record', { read: ['identity'] }, async (scope) => {
    const current = await assignedToMe(scope, referralId);
    if (!ADVOCATE_ACCESS_STATES.includes(current.state))
      throw conflict(
        `The referral is ${current.state}; milestones are recorded while it is open with an advocate.`,
        { state: current.state },
        'referral_not_with_advocate',
      );
    const kind = input.kind as MilestoneKind;
    const service = MILESTONE_SERVICE[kind];
    const [contract] = await selectRows<{ services: string[]; reference: string }>(
      scope.tx,
      sql`SELECT services, reference FROM advocacy_contracts WHERE id = ${current.contract_id}`,
    );
    if (!contract!.services.includes(service)) {
      throw unprocessable(
        `kind: contract ${contract!.reference} does not include ${service.replaceAll('_', ' ')}, so "${kind.replaceAll('_', ' ')}" cannot be recorded on it.`,
        { service, kind, contract: contract!.reference },
        'milestone_not_in_contract',
        [fieldError('/body/kind', 'not_in_contract', { service })],
      );
    }
    if (kind === 'linked_to_service' && !input.serviceEpisodeId)
      throw invalidField(
        '/body/serviceEpisodeId',
        'required',
        'serviceEpisodeId: a link to a service names the service episode it linked the youth to.',
      );
    if (input.serviceEpisodeId) {
      const [episode] = await selectRows<{ youth_id: string }>(
        scope.tx,
        sql`SELECT youth_id FROM service_episodes WHERE id = ${input.serviceEpisodeId}`,
      );
      if (!episode || episode.youth_id !== youthId)
        throw invalidField(
          '/body/serviceEpisodeId',
          'unknown_reference',
          "serviceEpisodeId: no service episode with that id on this youth's record.",
        );
    }
    const at = stepTime(input.at, asDate(current.advocate_assigned_at ?? current.referred_at));
    const [row] = await selectRows<{ id: string }>(
      scope.tx,
      sql`INSERT INTO advocacy_milestones (referral_id, county_id, youth_id, kind, at, service_episode_id, note, recorded_by)
          VALUES (${referralId}, ${scope.actor.countyId}, ${youthId}, ${kind}, ${at.toISOString()}, ${input.serviceEpisodeId ?? null},
                  ${input.note ?? null}, ${scope.actor.userId}) RETURNING id`,
    );
    scope.touch(['identity'], [referralId, row!.id, ...(input.serviceEpisodeId ? [input.serviceEpisodeId] : [])]);
    scope.note({ kind });
    return viewAfter(scope, referralId);
  });
}

async function close(scope: YouthScope, current: CurrentReferral, input: z.infer<typeof CloseBody>, side: string) {
  const at = stepTime(input.at, lastStepAt(current));
  const reached = current.first_contact_at !== null;
  await recordStep(
    scope,
    current,
    'close',
    { version: input.version, at },
    { closeReason: input.reason },
    { reason: input.reason, side, ...(input.note ? { note: input.note } : {}) },
  );
  if (!reached)
    await waiveFirstContact(scope, current.id, `Referral closed before first contact (${input.reason}).`, at);
  scope.note({ reason: input.reason, side });
  return viewAfter(scope, current.id);
}

/**
 * Whether the closer can no longer open the youth's record: the relations are asked again inside
 * the transaction, after the close. The page then leaves the record instead of failing on it.
 */
async function accessEndedFor(scope: YouthScope, youthId: string): Promise<boolean> {
  const relations = usefulRelations(scope.actor);
  if (relations.length === 0) return true;
  const { cte } = visibleYouthQuery(scope.actor, relations, youthId);
  const rows = await selectRows<{ youth_id: string }>(scope.tx, sql`${cte} SELECT v.youth_id FROM visible v`);
  return rows.length === 0;
}

/** The CBO closes a referral addressed to it (its administrator, or any of its advocates). */
export function closeByOrganization(repo: YouthContext, referralId: string, input: z.infer<typeof CloseBody>) {
  return repo.forAddressed(ADDRESSED, referralId, 'advocacy.referral.close', async (scope) =>
    close(scope, await lockReferral(scope, referralId), input, 'organization'),
  );
}

/** The assigned advocate, or the referrer's side with write access to the youth (a withdrawal), closes. */
export function closeForYouth(
  repo: YouthContext,
  youthId: string,
  referralId: string,
  input: z.infer<typeof CloseBody>,
) {
  return repo.forYouth(youthId, 'advocacy.referral.close', { read: ['identity'] }, async (scope) => {
    const current = await lockReferral(scope, referralId);
    const advocate = current.advocate_user_id === scope.actor.userId && scope.grant.relations.has('advocacy');
    if (!advocate && scope.grant.write.size === 0) throw notFound('referral');
    const view = await close(scope, current, input, advocate ? 'advocate' : 'referrer');
    return { ...view, accessEnded: await accessEndedFor(scope, youthId) };
  });
}
