// Performance issues per CBO (issue 6, item 5) and the analyst's decisions on the flags Harbor
// raises (flags.ts). County reference data, no youth data: every change is audited.
import { sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { AdminContext } from '../../access/contexts.js';
import { selectRows, type Db } from '../../db/client.js';
import { FLAG_KINDS, type FlagKind } from '../../domain/advocacy.js';
import { countyToday } from '../../domain/screening-schedule.js';
import { conflict, invalidField, notFound, staleVersion } from '../../errors.js';
import { orgScope } from './contracts.js';
import { detectPerformanceFlags } from './flags.js';
import type { FlagConfirm, IssueCreate, IssueResolve, IssueUpdate, IssueViewT } from '../../contract/advocacy.js';

async function loadIssues(tx: Db, where: SQL): Promise<IssueViewT[]> {
  const rows = await selectRows<{
    id: string;
    organization_id: string;
    organization: string;
    contract_id: string | null;
    raised_on: string;
    category: IssueViewT['category'];
    description: string;
    severity: IssueViewT['severity'];
    recommendation: string;
    owner_user_id: string | null;
    owner: string | null;
    status: IssueViewT['status'];
    resolution: string | null;
    resolved_on: string | null;
    version: number;
  }>(
    tx,
    sql`SELECT p.id, p.organization_id, o.name AS organization, p.contract_id, p.raised_on::text AS raised_on, p.category, p.description,
               p.severity, p.recommendation, p.owner_user_id, u.display_name AS owner, p.status, p.resolution, p.resolved_on::text AS resolved_on, p.version
          FROM performance_issues p JOIN organizations o ON o.id = p.organization_id LEFT JOIN users u ON u.id = p.owner_user_id
         WHERE ${where} ORDER BY p.raised_on DESC, p.created_at DESC`,
  );
  return rows.map((r) => ({
    id: r.id,
    organizationId: r.organization_id,
    organization: r.organization,
    contractId: r.contract_id,
    raisedOn: r.raised_on,
    category: r.category,
    description: r.description,
    severity: r.severity,
    recommendation: r.recommendation,
    ownerUserId: r.owner_user_id,
    owner: r.owner,
    status: r.status,
    resolution: r.resolution,
    resolvedOn: r.resolved_on,
    version: r.version,
  }));
}

async function checkIssueRefs(
  tx: Db,
  organizationId: string,
  contractId: string | null | undefined,
  ownerUserId: string | null | undefined,
) {
  const [org] = await selectRows<{ type: string }>(
    tx,
    sql`SELECT type FROM organizations WHERE id = ${organizationId}`,
  );
  if (!org || org.type !== 'advocacy_cbo')
    throw invalidField(
      '/body/organizationId',
      'unknown_reference',
      'organizationId: no advocacy organization with that id in your county.',
    );
  if (contractId) {
    const [c] = await selectRows<{ id: string }>(
      tx,
      sql`SELECT id FROM advocacy_contracts WHERE id = ${contractId} AND organization_id = ${organizationId}`,
    );
    if (!c)
      throw invalidField(
        '/body/contractId',
        'unknown_reference',
        "contractId: not one of this organization's contracts.",
      );
  }
  if (ownerUserId) {
    const [u] = await selectRows<{ id: string }>(
      tx,
      sql`SELECT id FROM users WHERE id = ${ownerUserId} AND disabled_at IS NULL`,
    );
    if (!u)
      throw invalidField(
        '/body/ownerUserId',
        'unknown_reference',
        'ownerUserId: no active user with that id in your county.',
      );
  }
}

async function insertIssue(
  tx: Db,
  countyId: string,
  userId: string,
  input: z.infer<typeof IssueCreate>,
): Promise<string> {
  await checkIssueRefs(tx, input.organizationId, input.contractId, input.ownerUserId);
  const [row] = await selectRows<{ id: string }>(
    tx,
    sql`INSERT INTO performance_issues (county_id, organization_id, contract_id, raised_on, category, description, severity, recommendation, owner_user_id, created_by)
        VALUES (${countyId}, ${input.organizationId}, ${input.contractId ?? null}, ${input.raisedOn}, ${input.category}, ${input.description},
                ${input.severity}, ${input.recommendation}, ${input.ownerUserId ?? null}, ${userId}) RETURNING id`,
  );
  return row!.id;
}

export function createIssue(repo: AdminContext, input: z.infer<typeof IssueCreate>): Promise<IssueViewT> {
  return repo.forCounty(
    'advocacy.issue.create',
    async ({ tx, actor, note }) => {
      const id = await insertIssue(tx, actor.countyId, actor.userId, input);
      note({ issueId: id, organizationId: input.organizationId, category: input.category });
      return (await loadIssues(tx, sql`p.id = ${id}`))[0]!;
    },
    { audit: true },
  );
}

async function lockIssue(tx: Db, issueId: string, version: number) {
  const [current] = await loadIssues(tx, sql`p.id = ${issueId}`);
  if (!current) throw notFound('performance issue');
  if (current.version !== version) throw staleVersion('issue', version, current.version);
  return current;
}

export function updateIssue(
  repo: AdminContext,
  issueId: string,
  input: z.infer<typeof IssueUpdate>,
): Promise<IssueViewT> {
  return repo.forCounty(
    'advocacy.issue.update',
    async ({ tx, note }) => {
      const current = await lockIssue(tx, issueId, input.version);
      if (current.status === 'resolved')
        throw conflict('This issue is resolved; raise a new one if the problem is back.', undefined, 'issue_resolved');
      await checkIssueRefs(tx, current.organizationId, null, input.ownerUserId);
      const pick = <T>(v: T | undefined, prev: T) => (v === undefined ? prev : v);
      await tx.execute(sql`UPDATE performance_issues SET category = ${pick(input.category, current.category)}, description = ${pick(input.description, current.description)},
          severity = ${pick(input.severity, current.severity)}, recommendation = ${pick(input.recommendation, current.recommendation)},
          owner_user_id = ${pick(input.ownerUserId, current.ownerUserId)}, status = ${pick(input.status, current.status)}, version = version + 1
        WHERE id = ${issueId}`);
      note({
        issueId,
        fields: Object.keys(input)
          .filter((k) => k !== 'version')
          .sort(),
      });
      return (await loadIssues(tx, sql`p.id = ${issueId}`))[0]!;
    },
    { audit: true },
  );
}

export function resolveIssue(
  repo: AdminContext,
  issueId: string,
  input: z.infer<typeof IssueResolve>,
): Promise<IssueViewT> {
  return repo.forCounty(
    'advocacy.issue.resolve',
    async ({ tx, note }) => {
      const current = await lockIssue(tx, issueId, input.version);
      if (current.status === 'resolved')
        throw conflict(
          `This issue was already resolved on ${current.resolvedOn}.`,
          { resolvedOn: current.resolvedOn },
          'issue_already_resolved',
        );
      if (input.resolvedOn < current.raisedOn)
        throw invalidField(
          '/body/resolvedOn',
          'before_raised',
          'resolvedOn cannot be before the day the issue was raised.',
          { raisedOn: current.raisedOn },
        );
      if (input.resolvedOn > countyToday())
        throw invalidField('/body/resolvedOn', 'date_in_future', 'resolvedOn cannot be in the future.');
      await tx.execute(
        sql`UPDATE performance_issues SET status = 'resolved', resolution = ${input.resolution}, resolved_on = ${input.resolvedOn}, version = version + 1 WHERE id = ${issueId}`,
      );
      note({ issueId });
      return (await loadIssues(tx, sql`p.id = ${issueId}`))[0]!;
    },
    { audit: true },
  );
}

export function listIssues(
  repo: AdminContext,
  q: { organizationId?: string; status?: string },
): Promise<{ issues: IssueViewT[] }> {
  return repo.forCounty(
    'advocacy.issue.list',
    async (scope) => {
      const org = orgScope(scope, q.organizationId);
      const where = sql`${org ? sql`p.organization_id = ${org}` : sql`true`} ${q.status ? sql`AND p.status = ${q.status}` : sql``}`;
      return { issues: await loadIssues(scope.tx, where) };
    },
    { audit: false },
  );
}

// Flags ---------------------------------------------------------------------------------------

interface FlagRow {
  id: string;
  organization_id: string;
  organization: string;
  kind: FlagKind;
  subject_id: string;
  observed_on: string;
  detail: Record<string, unknown>;
  status: 'candidate' | 'confirmed' | 'dismissed';
  decision_note: string | null;
  issue_id: string | null;
}

async function loadFlags(tx: Db, where: SQL) {
  const rows = await selectRows<FlagRow>(
    tx,
    sql`SELECT f.id, f.organization_id, o.name AS organization, f.kind, f.subject_id, f.observed_on::text AS observed_on, f.detail, f.status,
               f.decision_note, f.issue_id
          FROM performance_flags f JOIN organizations o ON o.id = f.organization_id WHERE ${where} ORDER BY f.observed_on DESC, f.created_at DESC LIMIT 1000`,
  );
  return rows.map((r) => ({
    id: r.id,
    organizationId: r.organization_id,
    organization: r.organization,
    kind: r.kind,
    subjectId: r.subject_id,
    observedOn: r.observed_on,
    detail: r.detail,
    status: r.status,
    decisionNote: r.decision_note,
    issueId: r.issue_id,
  }));
}

/**
 * Flags: findings about an organization's work, each naming a referral by id only (no youth, no
 * reason). County roles see every CBO's, a CBO's administrator its own. Audited with the
 * referral ids, so a referral's id shown in a flag is on record.
 */
export function listFlags(repo: AdminContext, q: { organizationId?: string; status?: string }) {
  return repo.forCounty(
    'advocacy.flag.list',
    async (scope) => {
      const org = orgScope(scope, q.organizationId);
      const where = sql`${org ? sql`f.organization_id = ${org}` : sql`true`} ${q.status ? sql`AND f.status = ${q.status}` : sql``}`;
      const flags = await loadFlags(scope.tx, where);
      scope.note({
        organizationId: org,
        status: q.status ?? null,
        count: flags.length,
        referralIds: flags.map((f) => f.subjectId),
      });
      return { flags };
    },
    { audit: true },
  );
}

export function refreshFlags(repo: AdminContext) {
  return repo.forCounty(
    'advocacy.flag.refresh',
    async ({ tx, note }) => {
      const r = await detectPerformanceFlags(tx);
      note(r);
      return r;
    },
    { audit: true },
  );
}

const FLAG_WORDS: Record<FlagKind, string> = {
  first_contact_missed: 'The first contact with a referred youth was not made within the contract term.',
  lapsed_vetting:
    "An advocate worked an open referral while a clearance or the contracting department's approval had lapsed.",
  capacity_decline: 'A referral was declined because the organization was at capacity.',
};

async function lockCandidate(tx: Db, flagId: string) {
  const [flag] = await loadFlags(tx, sql`f.id = ${flagId}`);
  if (!flag) throw notFound('flag');
  if (flag.status !== 'candidate')
    throw conflict(`This flag was already ${flag.status}.`, { status: flag.status }, 'flag_already_decided');
  return flag;
}

/** Confirming makes the flag a performance issue, in the category its kind belongs to. */
export function confirmFlag(repo: AdminContext, flagId: string, input: z.infer<typeof FlagConfirm>) {
  return repo.forCounty(
    'advocacy.flag.confirm',
    async ({ tx, actor, note }) => {
      const flag = await lockCandidate(tx, flagId);
      const issueId = await insertIssue(tx, actor.countyId, actor.userId, {
        organizationId: flag.organizationId,
        raisedOn: countyToday(),
        category: FLAG_KINDS[flag.kind],
        description: input.description ?? FLAG_WORDS[flag.kind],
        severity: input.severity,
        recommendation: input.recommendation,
        ownerUserId: input.ownerUserId ?? null,
      });
      await tx.execute(
        sql`UPDATE performance_flags SET status = 'confirmed', decided_by = ${actor.userId}, decided_at = now(), issue_id = ${issueId} WHERE id = ${flagId}`,
      );
      note({ flagId, issueId });
      return (await loadIssues(tx, sql`p.id = ${issueId}`))[0]!;
    },
    { audit: true },
  );
}

export function dismissFlag(repo: AdminContext, flagId: string, noteText: string) {
  return repo.forCounty(
    'advocacy.flag.dismiss',
    async ({ tx, actor, note }) => {
      await lockCandidate(tx, flagId);
      await tx.execute(
        sql`UPDATE performance_flags SET status = 'dismissed', decided_by = ${actor.userId}, decided_at = now(), decision_note = ${noteText} WHERE id = ${flagId}`,
      );
      note({ flagId });
      return (await loadFlags(tx, sql`f.id = ${flagId}`))[0]!;
    },
    { audit: true },
  );
}
