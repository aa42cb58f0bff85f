// Referring a youth to a CBO for advocacy, and reading referrals: the youth's own (through the
// youth's record), the CBO's inbox and one addressed referral.
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { can } from '../../access/abilities.js';
import type { YouthContext } from '../../access/contexts.js';
import type { Relation } from '../../access/grants.js';
import { selectRows } from '../../db/client.js';
import { countyToday } from '../../domain/screening-schedule.js';
import { forbidden, invalidField, notFound } from '../../errors.js';
import { openObligationsFor } from '../obligations/open-obligations-for.js';
import { activeContract } from './contracts.js';
import { accessIn, referralRows, referralViews, seesNarrative } from './load-referrals.js';
import type { ReferralCreate, ReferralViewT } from '../../contract/advocacy.js';
import { unprocessable } from './step.js';

/**
 * A caseworker or supervisor with write access to the youth refers the youth to a CBO. The CBO
 * must hold a contract in force on the referral date; the contract's first-contact term opens an
 * obligation owned by the CBO.
 */
export function referYouth(
  repo: YouthContext,
  youthId: string,
  input: z.infer<typeof ReferralCreate>,
): Promise<ReferralViewT> {
  return repo.forYouth(youthId, 'advocacy.referral.create', { write: ['exploitation'] }, async (scope) => {
    if (!can(scope.actor, 'advocacy.refer'))
      throw forbidden('Only caseworkers and supervisors refer youth for advocacy.', 'advocacy_referral_not_allowed');
    const referredAt = input.referredAt ? new Date(input.referredAt) : new Date();
    if (referredAt.getTime() > Date.now() + 60_000)
      throw invalidField('/body/referredAt', 'date_in_future', 'referredAt: a referral cannot be made in the future.');
    const [cbo] = await selectRows<{ name: string; type: string }>(
      scope.tx,
      sql`SELECT name, type FROM organizations WHERE id = ${input.organizationId}`,
    );
    if (!cbo || cbo.type !== 'advocacy_cbo')
      throw invalidField(
        '/body/organizationId',
        'unknown_reference',
        'organizationId: no advocacy organization with that id in your county.',
      );
    const on = countyToday(referredAt);
    const contract = await activeContract(scope.tx, input.organizationId, on);
    if (!contract)
      throw unprocessable(
        `${cbo.name} has no active advocacy contract on ${on}.`,
        { organizationId: input.organizationId, organization: cbo.name, on },
        'no_active_contract',
      );
    const [row] = await selectRows<{ id: string }>(
      scope.tx,
      sql`INSERT INTO advocacy_referrals (county_id, youth_id, organization_id, contract_id, referred_by, referred_by_organization_id, referred_at, reason, urgency)
            VALUES (${scope.actor.countyId}, ${youthId}, ${input.organizationId}, ${contract.id}, ${scope.actor.userId}, ${scope.actor.organizationId},
                    ${referredAt.toISOString()}, ${input.reason}, ${input.urgency}) RETURNING id`,
    );
    const id = row!.id;
    await scope.tx
      .execute(sql`INSERT INTO advocacy_referral_events (referral_id, county_id, state, at, recorded_by, detail)
        VALUES (${id}, ${scope.actor.countyId}, 'sent', ${referredAt.toISOString()}, ${scope.actor.userId}, ${JSON.stringify({ urgency: input.urgency })}::jsonb)`);
    const { opened } = await openObligationsFor(scope.tx, {
      kind: 'advocacy_referred',
      youthId,
      sourceId: id,
      at: referredAt,
      recordedBy: scope.actor,
      firstContactHours: contract.first_contact_hours,
      organizationId: input.organizationId,
    });
    scope.touch(['identity', 'exploitation'], [id, ...opened.map((o) => o.id)]);
    scope.note({ organizationId: input.organizationId, urgency: input.urgency });
    const rows = await referralRows(scope.tx, sql`ar.id = ${id}`);
    return (await referralViews(scope.tx, rows, accessIn(scope)))[0]!;
  });
}

/**
 * The youth's referrals with timeline and milestones, for whoever may read the youth. The reason
 * and notes of each only for the organization it is addressed to and the youth's case carriers.
 */
export function youthReferrals(repo: YouthContext, youthId: string): Promise<{ referrals: ReferralViewT[] }> {
  return repo.forYouth(youthId, 'advocacy.referral.list_for_youth', { read: ['identity'] }, async (scope) => {
    const rows = await referralRows(scope.tx, sql`ar.youth_id = ${youthId}`);
    const views = await referralViews(scope.tx, rows, accessIn(scope));
    scope.touch(
      views.some((v) => !v.reasonHidden) ? ['identity', 'exploitation'] : ['identity'],
      rows.map((r) => r.id),
    );
    scope.note({ count: rows.length, reasonHidden: views.filter((v) => v.reasonHidden).map((v) => v.id) });
    return { referrals: views };
  });
}

/** One referral addressed to the user's organization (the CBO's view of it, with the reason). */
export function addressedReferral(repo: YouthContext, referralId: string): Promise<ReferralViewT> {
  return repo.forAddressed(
    { table: 'advocacy_referrals', label: 'referral' },
    referralId,
    'advocacy.referral.get',
    async (scope) => {
      const rows = await referralRows(scope.tx, sql`ar.id = ${referralId}`);
      const [view] = await referralViews(scope.tx, rows, accessIn(scope));
      scope.touch([
        ...(view!.youthName !== null || view!.youthClientId !== null ? ['identity' as const] : []),
        ...(view!.reasonHidden ? [] : ['exploitation' as const]),
      ]);
      return view!;
    },
  );
}

/**
 * The CBO's inbox: referrals addressed to the user's organization, and nobody else's (the
 * organization is the relation; county roles use the Board report's figures). Names appear only
 * for youth the user's own relation lets them see (an advocate's assigned youth); the reason is
 * the organization's to read. One audited event naming every referral and youth listed.
 */
export function referralInbox(
  repo: YouthContext,
  q: { organizationId?: string; state?: string },
): Promise<{ referrals: ReferralViewT[] }> {
  if (q.organizationId && q.organizationId !== repo.actor.organizationId) throw notFound('organization');
  return repo.acrossAddressed(
    { table: 'advocacy_referrals', label: 'referral' },
    'advocacy.referral.inbox',
    async (scope) => {
      const rows = await referralRows(
        scope.tx,
        sql`${scope.addressedTo('ar')} ${q.state ? sql`AND ar.state = ${q.state}` : sql``}`,
      );
      const visible = await selectRows<{ youth_id: string; relations: Relation[] }>(
        scope.tx,
        sql`${scope.visibleCte} SELECT youth_id, relations FROM visible`,
      );
      const relationsOf = new Map(visible.map((v) => [v.youth_id, v.relations]));
      const named = (youthId: string) => scope.grantOf(relationsOf.get(youthId) ?? []).read.has('identity');
      const views = await referralViews(scope.tx, rows, {
        identity: named,
        narrative: (row) => seesNarrative(scope.actor, row.organization_id, relationsOf.get(row.youth_id) ?? []),
      });
      scope.touch(
        [
          ...(views.some((v) => v.youthName !== null || v.youthClientId !== null) ? (['identity'] as const) : []),
          ...(views.some((v) => !v.reasonHidden) ? (['exploitation'] as const) : []),
        ],
        rows.flatMap((r) => [r.id, r.youth_id]),
      );
      scope.note({ organizationId: scope.organizationId, state: q.state ?? null, count: rows.length });
      return { referrals: views };
    },
  );
}
