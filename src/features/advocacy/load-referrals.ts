import { sql, type SQL } from 'drizzle-orm';
import { can } from '../../access/abilities.js';
import type { Actor } from '../../access/actor.js';
import type { YouthScope } from '../../access/checkpoint.js';
import type { Relation } from '../../access/grants.js';
import { asDate, selectRows, type Db } from '../../db/client.js';
import type { ReferralState } from '../../domain/advocacy.js';
import type { ReferralViewT } from '../../contract/advocacy.js';
import { youthLabelColumns } from '../youth/display-name.js';

export interface ReferralRow {
  id: string;
  youth_id: string;
  youth_name: string | null;
  youth_client_id: string | null;
  organization_id: string;
  organization: string;
  contract_id: string;
  referred_by: string;
  referred_by_user_id: string;
  referred_by_organization: string;
  referred_at: Date | string;
  reason: string;
  urgency: ReferralViewT['urgency'];
  state: ReferralState;
  decline_reason: string | null;
  advocate_user_id: string | null;
  advocate: string | null;
  accepted_at: Date | string | null;
  declined_at: Date | string | null;
  advocate_assigned_at: Date | string | null;
  first_contact_at: Date | string | null;
  engaged_at: Date | string | null;
  closed_at: Date | string | null;
  close_reason: string | null;
  first_contact_due_at: Date | string | null;
  version: number;
}

/** Referrals matching a condition on `ar`, newest first, with names of people and organizations. */
export async function referralRows(tx: Db, where: SQL, limit = 500): Promise<ReferralRow[]> {
  return selectRows<ReferralRow>(
    tx,
    sql`SELECT ar.id, ar.youth_id, ${youthLabelColumns('y')},
               ar.organization_id, o.name AS organization, ar.contract_id, ru.display_name AS referred_by, ar.referred_by AS referred_by_user_id,
               ro.name AS referred_by_organization, ar.referred_at, ar.reason, ar.urgency, ar.state, ar.decline_reason,
               ar.advocate_user_id, au.display_name AS advocate, ar.accepted_at, ar.declined_at, ar.advocate_assigned_at,
               ar.first_contact_at, ar.engaged_at, ar.closed_at, ar.close_reason,
               (SELECT ob.due_at FROM obligations ob WHERE ob.kind = 'advocacy_first_contact' AND ob.source_id = ar.id LIMIT 1) AS first_contact_due_at,
               ar.version
          FROM advocacy_referrals ar
          JOIN youth y ON y.id = ar.youth_id
          JOIN organizations o ON o.id = ar.organization_id
          JOIN users ru ON ru.id = ar.referred_by
          JOIN organizations ro ON ro.id = ar.referred_by_organization_id
          LEFT JOIN users au ON au.id = ar.advocate_user_id
         WHERE ${where}
         ORDER BY ar.referred_at DESC, ar.id
         LIMIT ${limit}`,
  );
}

const iso = (v: Date | string | null) => (v === null ? null : asDate(v).toISOString());

/**
 * A case carrier of the youth: a caseworker (or probation officer) holding the youth's case
 * (`assigned`) or a supervisor up their chain (`supervises`). The relation alone is not enough:
 * an advocate's own assignment to a youth is `assigned` too.
 */
export function carriesCase(actor: Pick<Actor, 'roles'>, relations: Iterable<Relation>): boolean {
  const rels = new Set(relations);
  return can(actor, 'youth.record') && (rels.has('assigned') || rels.has('supervises'));
}

/**
 * Who reads a referral's reason and its free text (decline, close and milestone notes): the
 * organization it is addressed to and the youth's case carriers. Everyone else who may see the
 * referral at all sees it without them (`reasonHidden: true`), whatever their grant on the youth:
 * another CBO's advocate or an MDT member sharing the youth does not learn why this CBO was asked.
 */
export function seesNarrative(
  actor: Pick<Actor, 'roles' | 'organizationId'>,
  addressedTo: string,
  relations: Iterable<Relation>,
): boolean {
  return actor.organizationId === addressedTo || carriesCase(actor, relations);
}

/** What the user may see of each referral. */
export interface ReferralAccess {
  /** Whether the user's own grant lets them see who the youth is (the name). */
  identity(youthId: string): boolean;
  /** Whether the user reads the reason and the free-text notes (`seesNarrative`). */
  narrative(row: ReferralRow): boolean;
}

/** Access for work on one youth (forYouth, forAddressed): the name by the grant, the reason by `seesNarrative`. */
export function accessIn(scope: Pick<YouthScope, 'actor' | 'grant'>): ReferralAccess {
  const named = scope.grant.read.has('identity');
  return {
    identity: () => named,
    narrative: (row) => seesNarrative(scope.actor, row.organization_id, scope.grant.relations),
  };
}

/**
 * The view of referrals. `access.identity` says, per youth, whether this user may see who the
 * youth is (their own grant): without it the name is withheld. `access.narrative` says whether
 * they read the reason and the free-text notes: without it those are withheld and the view says
 * `reasonHidden: true`.
 */
export async function referralViews(tx: Db, rows: ReferralRow[], access: ReferralAccess): Promise<ReferralViewT[]> {
  if (rows.length === 0) return [];
  const ids = sql.join(
    rows.map((r) => sql`${r.id}::uuid`),
    sql`, `,
  );
  const events = await selectRows<{
    referral_id: string;
    state: string;
    at: Date | string;
    recorded_by: string;
    detail: Record<string, unknown>;
  }>(
    tx,
    sql`SELECT e.referral_id, e.state, e.at, u.display_name AS recorded_by, e.detail FROM advocacy_referral_events e JOIN users u ON u.id = e.recorded_by
         WHERE e.referral_id IN (${ids}) ORDER BY e.id`,
  );
  const milestones = await selectRows<{
    id: string;
    referral_id: string;
    kind: string;
    at: Date | string;
    service_episode_id: string | null;
    note: string | null;
  }>(
    tx,
    sql`SELECT id, referral_id, kind, at, service_episode_id, note FROM advocacy_milestones WHERE referral_id IN (${ids}) ORDER BY at, id`,
  );
  return rows.map((r) => {
    const sees = access.identity(r.youth_id);
    const reads = access.narrative(r);
    return {
      id: r.id,
      youthId: r.youth_id,
      youthName: sees ? r.youth_name : null,
      youthClientId: sees ? r.youth_client_id : null,
      organizationId: r.organization_id,
      organization: r.organization,
      contractId: r.contract_id,
      referredBy: r.referred_by,
      referredByOrganization: r.referred_by_organization,
      referredAt: iso(r.referred_at)!,
      reason: reads ? r.reason : null,
      reasonHidden: !reads,
      urgency: r.urgency,
      state: r.state,
      declineReason: r.decline_reason,
      advocateUserId: r.advocate_user_id,
      advocate: r.advocate,
      acceptedAt: iso(r.accepted_at),
      declinedAt: iso(r.declined_at),
      advocateAssignedAt: iso(r.advocate_assigned_at),
      firstContactAt: iso(r.first_contact_at),
      engagedAt: iso(r.engaged_at),
      closedAt: iso(r.closed_at),
      closeReason: r.close_reason,
      firstContactDueAt: iso(r.first_contact_due_at),
      version: r.version,
      timeline: events
        .filter((e) => e.referral_id === r.id)
        .map((e) => ({
          state: e.state,
          at: iso(e.at)!,
          recordedBy: e.recorded_by,
          detail: reads ? e.detail : withoutNotes(e.detail),
        })),
      milestones: milestones
        .filter((m) => m.referral_id === r.id)
        .map((m) => ({
          id: m.id,
          kind: m.kind,
          at: iso(m.at)!,
          serviceEpisodeId: m.service_episode_id,
          note: reads ? m.note : null,
        })),
    };
  });
}

/** Free-text notes are narrative: only reason codes stay for those who may not read it. */
function withoutNotes(detail: Record<string, unknown>) {
  const { note: _note, ...rest } = detail;
  return rest;
}
