import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { can } from '../../access/abilities.js';
import type { Actor } from '../../access/actor.js';
import type { AdminContext } from '../../access/contexts.js';
import { selectRows, type Db } from '../../db/client.js';
import { expiringSoon, vettingGapItems, type VettingGap, type VettingRecord } from '../../domain/advocacy.js';
import { countyToday } from '../../domain/screening-schedule.js';
import { badRequest, forbidden, invalidField, notFound } from '../../errors.js';
import { settingsIn } from '../county/settings.js';
import { orgScope } from './contracts.js';
import type {
  AdvocateVettingT,
  ApprovalCreate,
  ApprovalRevoke,
  ClearanceCreate,
  TrainingCreate,
} from '../../contract/advocacy.js';

type Ids<T> = T & { id: string };
export interface VettingWithIds {
  clearances: Ids<VettingRecord['clearances'][number]>[];
  trainings: Ids<VettingRecord['trainings'][number]>[];
  approvals: Ids<
    VettingRecord['approvals'][number] & {
      contractingOrganizationId: string;
      approvedBy: string;
      revokeReason: string | null;
    }
  >[];
}

/** The vetting records of some advocates, by user id (every id present, possibly empty). */
export async function loadVetting(tx: Db, userIds: readonly string[]): Promise<Map<string, VettingWithIds>> {
  const out = new Map<string, VettingWithIds>(
    userIds.map((u) => [u, { clearances: [], trainings: [], approvals: [] }]),
  );
  if (userIds.length === 0) return out;
  const ids = sql.join(
    userIds.map((u) => sql`${u}::uuid`),
    sql`, `,
  );
  const clearances = await selectRows<{
    id: string;
    user_id: string;
    kind: 'background' | 'security';
    cleared_on: string;
    expires_on: string | null;
  }>(
    tx,
    sql`SELECT id, user_id, kind, cleared_on::text AS cleared_on, expires_on::text AS expires_on FROM advocate_clearances WHERE user_id IN (${ids}) ORDER BY cleared_on`,
  );
  for (const c of clearances)
    out.get(c.user_id)!.clearances.push({ id: c.id, kind: c.kind, clearedOn: c.cleared_on, expiresOn: c.expires_on });
  const trainings = await selectRows<{
    id: string;
    user_id: string;
    training_key: string;
    completed_on: string;
    expires_on: string | null;
  }>(
    tx,
    sql`SELECT id, user_id, training_key, completed_on::text AS completed_on, expires_on::text AS expires_on FROM advocate_trainings WHERE user_id IN (${ids}) ORDER BY completed_on`,
  );
  for (const t of trainings)
    out
      .get(t.user_id)!
      .trainings.push({ id: t.id, trainingKey: t.training_key, completedOn: t.completed_on, expiresOn: t.expires_on });
  const approvals = await selectRows<{
    id: string;
    user_id: string;
    contracting_organization_id: string;
    approved_by: string;
    approved_on: string;
    approved_until: string;
    revoked_on: string | null;
    revoke_reason: string | null;
  }>(
    tx,
    sql`SELECT a.id, a.user_id, a.contracting_organization_id, u.display_name AS approved_by, a.approved_on::text AS approved_on,
               a.approved_until::text AS approved_until, a.revoked_on::text AS revoked_on, a.revoke_reason
          FROM advocate_approvals a JOIN users u ON u.id = a.approved_by WHERE a.user_id IN (${ids}) ORDER BY a.approved_on`,
  );
  for (const a of approvals) {
    out.get(a.user_id)!.approvals.push({
      id: a.id,
      contractingOrganizationId: a.contracting_organization_id,
      approvedBy: a.approved_by,
      approvedOn: a.approved_on,
      approvedUntil: a.approved_until,
      revokedOn: a.revoked_on,
      revokeReason: a.revoke_reason,
    });
  }
  return out;
}

/** What an advocate lacks on a date under the county's required trainings (empty: may be assigned). */
export async function gapsOn(tx: Db, countyId: string, userId: string, on: string): Promise<VettingGap[]> {
  const settings = await settingsIn(tx, countyId);
  const record = (await loadVetting(tx, [userId])).get(userId)!;
  return vettingGapItems(record, on, settings.advocacy.requiredTrainings);
}

interface AdvocateRow {
  id: string;
  display_name: string;
  organization_id: string;
  organization: string;
}

/** An advocate of a CBO in the actor's county, or 400 saying what is wrong. */
async function advocateOf(tx: Db, userId: string): Promise<AdvocateRow> {
  const [u] = await selectRows<AdvocateRow & { roles: string[]; type: string }>(
    tx,
    sql`SELECT u.id, u.display_name, u.organization_id, o.name AS organization, u.roles, o.type
          FROM users u JOIN organizations o ON o.id = u.organization_id WHERE u.id = ${userId}`,
  );
  if (!u) throw notFound('advocate');
  if (!u.roles.includes('advocate') || u.type !== 'advocacy_cbo')
    throw badRequest('This user is not an advocate of an advocacy organization.', undefined, 'not_an_advocate');
  return u;
}

/** Clearances and trainings: the county administrator, or the administrator of the advocate's own CBO. */
function mayRecordFor(actor: Actor, advocate: AdvocateRow) {
  if (can(actor, 'vetting.any_organization')) return;
  if (can(actor, 'vetting.record') && actor.organizationId === advocate.organization_id) return;
  throw notFound('advocate');
}

/** Approvals: the county administrator, or a supervisor of the contracting department itself. */
async function mayApprove(tx: Db, actor: Actor, advocate: AdvocateRow, contractingOrganizationId: string) {
  const [contract] = await selectRows<{ id: string }>(
    tx,
    sql`SELECT id FROM advocacy_contracts WHERE organization_id = ${advocate.organization_id} AND contracting_organization_id = ${contractingOrganizationId} LIMIT 1`,
  );
  if (!contract)
    throw invalidField(
      '/body/contractingOrganizationId',
      'no_contract_with_department',
      `contractingOrganizationId: ${advocate.organization} holds no advocacy contract with that department.`,
      { organization: advocate.organization },
    );
  if (can(actor, 'vetting.any_organization')) return;
  if (can(actor, 'vetting.approve') && actor.organizationId === contractingOrganizationId) return;
  throw forbidden(
    "Only the county administrator or a supervisor of the contracting department can approve or revoke an advocate's approval.",
    'approval_not_allowed',
  );
}

export function recordClearance(repo: AdminContext, userId: string, input: z.infer<typeof ClearanceCreate>) {
  return repo.forCounty(
    'advocacy.vetting.clearance',
    async ({ tx, actor, note }) => {
      const advocate = await advocateOf(tx, userId);
      mayRecordFor(actor, advocate);
      const [row] = await selectRows<{ id: string }>(
        tx,
        sql`INSERT INTO advocate_clearances (county_id, user_id, kind, cleared_on, expires_on, recorded_by)
            VALUES (${actor.countyId}, ${userId}, ${input.kind}, ${input.clearedOn}, ${input.expiresOn ?? null}, ${actor.userId}) RETURNING id`,
      );
      note({ advocateId: userId, clearanceId: row!.id, kind: input.kind });
      return { id: row!.id };
    },
    { audit: true },
  );
}

export function recordTraining(repo: AdminContext, userId: string, input: z.infer<typeof TrainingCreate>) {
  return repo.forCounty(
    'advocacy.vetting.training',
    async ({ tx, actor, note }) => {
      const advocate = await advocateOf(tx, userId);
      mayRecordFor(actor, advocate);
      const [row] = await selectRows<{ id: string }>(
        tx,
        sql`INSERT INTO advocate_trainings (county_id, user_id, training_key, completed_on, expires_on, recorded_by)
            VALUES (${actor.countyId}, ${userId}, ${input.trainingKey}, ${input.completedOn}, ${input.expiresOn ?? null}, ${actor.userId}) RETURNING id`,
      );
      note({ advocateId: userId, trainingId: row!.id, training: input.trainingKey });
      return { id: row!.id };
    },
    { audit: true },
  );
}

export function recordApproval(repo: AdminContext, userId: string, input: z.infer<typeof ApprovalCreate>) {
  return repo.forCounty(
    'advocacy.vetting.approve',
    async ({ tx, actor, note }) => {
      const advocate = await advocateOf(tx, userId);
      await mayApprove(tx, actor, advocate, input.contractingOrganizationId);
      const [row] = await selectRows<{ id: string }>(
        tx,
        sql`INSERT INTO advocate_approvals (county_id, user_id, contracting_organization_id, approved_by, approved_on, approved_until)
            VALUES (${actor.countyId}, ${userId}, ${input.contractingOrganizationId}, ${actor.userId}, ${input.approvedOn}, ${input.approvedUntil}) RETURNING id`,
      );
      note({ advocateId: userId, approvalId: row!.id });
      return { id: row!.id };
    },
    { audit: true },
  );
}

export function revokeApproval(repo: AdminContext, approvalId: string, input: z.infer<typeof ApprovalRevoke>) {
  return repo.forCounty(
    'advocacy.vetting.revoke',
    async ({ tx, actor, note }) => {
      const [a] = await selectRows<{
        user_id: string;
        contracting_organization_id: string;
        approved_on: string;
        revoked_on: string | null;
      }>(
        tx,
        sql`SELECT user_id, contracting_organization_id, approved_on::text AS approved_on, revoked_on::text AS revoked_on FROM advocate_approvals WHERE id = ${approvalId}`,
      );
      if (!a) throw notFound('approval');
      const advocate = await advocateOf(tx, a.user_id);
      await mayApprove(tx, actor, advocate, a.contracting_organization_id);
      if (a.revoked_on)
        throw badRequest(
          `This approval was already revoked on ${a.revoked_on}.`,
          { revokedOn: a.revoked_on },
          'approval_already_revoked',
        );
      await tx.execute(
        sql`UPDATE advocate_approvals SET revoked_on = ${input.revokedOn}, revoke_reason = ${input.reason} WHERE id = ${approvalId}`,
      );
      note({ advocateId: a.user_id, approvalId });
      return { id: approvalId, revokedOn: input.revokedOn };
    },
    { audit: true },
  );
}

/** Every advocate of the CBO (or of all CBOs) with today's vetting status. */
async function vettingOf(tx: Db, countyId: string, organizationId: string | null, on: string) {
  const settings = await settingsIn(tx, countyId);
  const advocates = await selectRows<AdvocateRow>(
    tx,
    sql`SELECT u.id, u.display_name, u.organization_id, o.name AS organization FROM users u JOIN organizations o ON o.id = u.organization_id
         WHERE o.type = 'advocacy_cbo' AND 'advocate' = ANY(u.roles) AND u.disabled_at IS NULL
           ${organizationId ? sql`AND u.organization_id = ${organizationId}` : sql``}
         ORDER BY o.name, u.display_name`,
  );
  const records = await loadVetting(
    tx,
    advocates.map((a) => a.id),
  );
  const warningDays = settings.advocacy.vettingWarningDays;
  const list: AdvocateVettingT[] = advocates.map((a) => {
    const r = records.get(a.id)!;
    const items = vettingGapItems(r, on, settings.advocacy.requiredTrainings);
    const gaps = items.map((g) => g.text);
    return {
      userId: a.id,
      name: a.display_name,
      organizationId: a.organization_id,
      organization: a.organization,
      cleared: gaps.length === 0,
      gaps,
      gapItems: items.map(({ text: _text, ...g }) => g),
      expiring: expiringSoon(r, on, warningDays),
      clearances: r.clearances,
      trainings: r.trainings,
      approvals: r.approvals,
    };
  });
  return { on, warningDays, advocates: list };
}

export function advocateRoster(repo: AdminContext, organizationId: string) {
  return repo.forCounty(
    'advocacy.vetting.roster',
    async (scope) => {
      const org = orgScope(scope, organizationId)!;
      const [cbo] = await selectRows<{ id: string }>(
        scope.tx,
        sql`SELECT id FROM organizations WHERE id = ${org} AND type = 'advocacy_cbo'`,
      );
      if (!cbo) throw notFound('organization');
      return vettingOf(scope.tx, scope.actor.countyId, org, countyToday());
    },
    { audit: false },
  );
}

/** The worklist of vetting that ends soon: the CBO administrator's own advocates, or every CBO's for the county. */
export function expiringVetting(repo: AdminContext, organizationId?: string) {
  return repo.forCounty(
    'advocacy.vetting.expiring',
    async (scope) => {
      const org = orgScope(scope, organizationId);
      const { on, warningDays, advocates } = await vettingOf(scope.tx, scope.actor.countyId, org, countyToday());
      const items = advocates
        .flatMap((a) =>
          a.expiring.map((e) => ({
            userId: a.userId,
            name: a.name,
            organizationId: a.organizationId,
            organization: a.organization,
            ...e,
          })),
        )
        .sort((x, y) => (x.endsOn === y.endsOn ? x.name.localeCompare(y.name) : x.endsOn < y.endsOn ? -1 : 1));
      return { on, warningDays, items };
    },
    { audit: false },
  );
}
