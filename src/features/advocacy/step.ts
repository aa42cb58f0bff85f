// One lifecycle step on an advocacy referral, inside the caller's checkpoint transaction: the
// state machine (src/domain/advocacy.ts stepProblem), the version check, the time rules, the
// row update and its event, all together.
import { sql } from 'drizzle-orm';
import type { YouthScope } from '../../access/checkpoint.js';
import { asDate, selectRows } from '../../db/client.js';
import type { FieldProblem } from '../../contract/problems.js';
import {
  REFERRAL_STEPS,
  stepProblem,
  stepProblemCode,
  type ReferralState,
  type ReferralStep,
} from '../../domain/advocacy.js';
import { isBeforeMinute, notEarlierThan } from '../../domain/time-order.js';
import { HarborError, conflict, invalidField, notFound, staleVersion } from '../../errors.js';

export interface CurrentReferral {
  id: string;
  youth_id: string;
  organization_id: string;
  contract_id: string;
  referred_by: string;
  state: ReferralState;
  advocate_user_id: string | null;
  version: number;
  referred_at: Date | string;
  accepted_at: Date | string | null;
  advocate_assigned_at: Date | string | null;
  first_contact_at: Date | string | null;
  engaged_at: Date | string | null;
}

/** The referral as it stands, locked for this transaction; 404 unless it is this youth's. */
export async function lockReferral(
  scope: Pick<YouthScope, 'tx' | 'youthId'>,
  referralId: string,
): Promise<CurrentReferral> {
  const [row] = await selectRows<CurrentReferral>(
    scope.tx,
    sql`SELECT id, youth_id, organization_id, contract_id, referred_by, state, advocate_user_id, version, referred_at, accepted_at,
               advocate_assigned_at, first_contact_at, engaged_at
          FROM advocacy_referrals WHERE id = ${referralId} FOR UPDATE`,
  );
  if (!row || row.youth_id !== scope.youthId) throw notFound('referral');
  return row;
}

/** When the referral last moved: no step may be recorded before it. */
export function lastStepAt(r: CurrentReferral): Date {
  const times = [r.referred_at, r.accepted_at, r.advocate_assigned_at, r.first_contact_at, r.engaged_at]
    .filter((t) => t !== null)
    .map((t) => asDate(t));
  return new Date(Math.max(...times.map((t) => t.getTime())));
}

/**
 * The time a step happened: given or now; never in the future, never before `notBefore` at
 * minute precision (src/domain/time-order.ts): a step typed for 22:50 may follow one stored at
 * 22:50:32, and is then stored at 22:50:32 so the history keeps its order.
 */
export function stepTime(given: string | undefined, notBefore: Date, what = 'at'): Date {
  const at = given ? new Date(given) : new Date();
  if (at.getTime() > Date.now() + 60_000)
    throw invalidField(`/body/${what}`, 'date_in_future', `${what}: a step cannot be recorded in the future.`);
  if (isBeforeMinute(at, notBefore)) {
    throw invalidField(
      `/body/${what}`,
      'before_previous_step',
      `${what}: cannot be before the referral's previous step (${notBefore.toISOString()}).`,
      { at: notBefore.toISOString() },
    );
  }
  return notEarlierThan(at, notBefore);
}

export const unprocessable = (message: string, details?: unknown, code = 'unprocessable', errors?: FieldProblem[]) =>
  new HarborError(422, code, message, details, errors);

/** The 409 for a step the referral's state does not allow (stepProblemCode), or null. */
export function stepRefusal(state: ReferralState, step: ReferralStep): HarborError | null {
  const problem = stepProblemCode(state, step);
  return problem ? conflict(stepProblem(state, step)!, problem.details, problem.code) : null;
}

const STAMP: Record<ReferralStep, string | null> = {
  accept: 'accepted_at',
  decline: 'declined_at',
  assign_advocate: 'advocate_assigned_at',
  first_contact: 'first_contact_at',
  engage: 'engaged_at',
  close: 'closed_at',
};

/**
 * Checks and records a step. A second acceptance (or any step the state does not allow) is a
 * 409 naming the problem; a stale version is a 409 telling the user to reload.
 */
export async function recordStep(
  scope: Pick<YouthScope, 'tx' | 'actor' | 'touch'>,
  current: CurrentReferral,
  step: ReferralStep,
  input: { version: number; at: Date },
  set: { advocateUserId?: string; declineReason?: string; closeReason?: string },
  detail: Record<string, unknown>,
): Promise<void> {
  const refusal = stepRefusal(current.state, step);
  if (refusal) throw refusal;
  if (current.version !== input.version) {
    throw staleVersion('referral', input.version, current.version);
  }
  const to = REFERRAL_STEPS[step].to;
  const at = input.at.toISOString();
  const stamp = sql.raw(STAMP[step]!);
  const updated = await selectRows<{ id: string }>(
    scope.tx,
    sql`UPDATE advocacy_referrals SET state = ${to}, ${stamp} = ${at},
          advocate_user_id = coalesce(${set.advocateUserId ?? null}::uuid, advocate_user_id),
          decline_reason = coalesce(${set.declineReason ?? null}, decline_reason),
          close_reason = coalesce(${set.closeReason ?? null}, close_reason),
          version = version + 1
        WHERE id = ${current.id} AND version = ${input.version} RETURNING id`,
  );
  if (updated.length === 0)
    throw conflict('This referral changed after you opened it. Reload and try again.', undefined, 'stale_version');
  await scope.tx
    .execute(sql`INSERT INTO advocacy_referral_events (referral_id, county_id, state, at, recorded_by, detail)
    VALUES (${current.id}, ${scope.actor.countyId}, ${to}, ${at}, ${scope.actor.userId}, ${JSON.stringify(detail)}::jsonb)`);
  scope.touch([], [current.id]);
}
