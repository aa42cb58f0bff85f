// Referring a youth to a CBO for advocacy, and reading referrals: the youth's own (through the
// youth's record), the CBO's inbox and one addressed referral.
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { ScopedRepo } from '../../access/checkpoint.js';
import { selectRows } from '../../db/client.js';
import { CASE_ROLES } from '../../domain/people.js';
import { countyToday } from '../../domain/screening-schedule.js';
import { badRequest, forbidden, notFound } from '../../errors.js';
import { openObligationsFor } from '../obligations/open-obligations-for.js';
import { activeContract } from './contracts.js';
import { referralRows, referralViews } from './load-referrals.js';
import type { ReferralCreate, ReferralViewT } from './schemas.js';
import { unprocessable } from './step.js';

/**
 * A caseworker or supervisor with write access to the youth refers the youth to a CBO. The CBO
 * must hold a contract in force on the referral date; the contract's first-contact term opens an
 * obligation owned by the CBO.
 */
export function referYouth(
  repo: ScopedRepo,
  youthId: string,
  input: z.infer<typeof ReferralCreate>,
): Promise<ReferralViewT> {
  return repo.forYouth(
    youthId,
    'advocacy.referral.create',
    async (scope) => {
      if (!scope.actor.roles.some((r) => r === 'caseworker' || r === 'supervisor'))
        throw forbidden('Only caseworkers and supervisors refer youth for advocacy.');
      scope.require('exploitation', 'write');
      const referredAt = input.referredAt ? new Date(input.referredAt) : new Date();
      if (referredAt.getTime() > Date.now() + 60_000)
        throw badRequest('referredAt: a referral cannot be made in the future.');
      const [cbo] = await selectRows<{ name: string; type: string }>(
        scope.tx,
        sql`SELECT name, type FROM organizations WHERE id = ${input.organizationId}`,
      );
      if (!cbo || cbo.type !== 'advocacy_cbo')
        throw badRequest('organizationId: no advocacy organization with that id in your county.');
      const on = countyToday(referredAt);
      const contract = await activeContract(scope.tx, input.organizationId, on);
      if (!contract)
        throw unprocessable(`${cbo.name} has no active advocacy contract on ${on}.`, {
          organizationId: input.organizationId,
          on,
        });
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
      return (await referralViews(scope.tx, rows, () => true))[0]!;
    },
    'write',
  );
}

/** The youth's referrals with timeline and milestones, for whoever may read the youth. */
export function youthReferrals(repo: ScopedRepo, youthId: string): Promise<{ referrals: ReferralViewT[] }> {
  return repo.forYouth(youthId, 'advocacy.referral.list_for_youth', async (scope) => {
    const rows = await referralRows(scope.tx, sql`ar.youth_id = ${youthId}`);
    // The reason for referral is about the exploitation: shown with that grant only.
    const sees = scope.grant.read.has('exploitation');
    scope.touch(
      sees ? ['identity', 'exploitation'] : ['identity'],
      rows.map((r) => r.id),
    );
    const views = await referralViews(scope.tx, rows, () => true);
    return { referrals: sees ? views : views.map((v) => ({ ...v, reason: null })) };
  });
}

/** One referral addressed to the user's organization (the CBO's view of it). */
export function addressedReferral(repo: ScopedRepo, referralId: string): Promise<ReferralViewT> {
  return repo.forAddressed(
    { table: 'advocacy_referrals', label: 'referral' },
    referralId,
    'advocacy.referral.get',
    async (scope) => {
      const rows = await referralRows(scope.tx, sql`ar.id = ${referralId}`);
      const sees = scope.grant.read.has('identity');
      if (sees) scope.touch(['identity']);
      return (await referralViews(scope.tx, rows, () => sees))[0]!;
    },
  );
}

/**
 * The CBO's inbox: referrals addressed to it. CBO staff see their own organization's only; names
 * appear only for youth the user's own relation lets them see (an advocate's assigned youth).
 * County roles see any CBO's, never with identities. Audited as one event.
 */
export function referralInbox(
  repo: ScopedRepo,
  q: { organizationId?: string; state?: string },
): Promise<{ referrals: ReferralViewT[] }> {
  const actor = repo.actor;
  const county = actor.roles.includes('county_admin') || actor.roles.includes('county_analyst');
  const staff = actor.roles.includes('org_admin') || actor.roles.includes('advocate');
  if (!county && !staff)
    throw forbidden(
      'The advocacy inbox is for the CBO\u2019s staff and the county\u2019s administrators and analysts.',
    );
  const org = county ? (q.organizationId ?? null) : actor.organizationId;
  if (!county && q.organizationId && q.organizationId !== actor.organizationId) throw notFound('organization');
  const where = sql`${org ? sql`ar.organization_id = ${org}` : sql`true`} ${q.state ? sql`AND ar.state = ${q.state}` : sql``}`;
  if (!county && actor.roles.some((r) => CASE_ROLES.includes(r))) {
    // An advocate: the list is one audited read across youth, names from the advocate's own grants.
    return repo.acrossYouth('advocacy.referral.inbox', async (scope) => {
      const rows = await referralRows(scope.tx, where);
      const visible = await selectRows<{ youth_id: string; relations: string[] }>(
        scope.tx,
        sql`${scope.visibleCte} SELECT youth_id, relations FROM visible`,
      );
      const named = new Set(
        visible.filter((v) => scope.grantOf(v.relations as never).read.has('identity')).map((v) => v.youth_id),
      );
      scope.touch(
        rows.some((r) => named.has(r.youth_id)) ? ['identity'] : [],
        rows.map((r) => r.id),
      );
      scope.note({ organizationId: org, state: q.state ?? null, count: rows.length });
      return { referrals: await referralViews(scope.tx, rows, (y) => named.has(y)) };
    });
  }
  return repo.forCounty(
    'advocacy.referral.inbox',
    async ({ tx, note }) => {
      const rows = await referralRows(tx, where);
      note({ organizationId: org, state: q.state ?? null, count: rows.length, referralIds: rows.map((r) => r.id) });
      return { referrals: await referralViews(tx, rows, () => false) };
    },
    { audit: true },
  );
}
