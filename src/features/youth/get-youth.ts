import { and, eq, isNull, or, sql } from 'drizzle-orm';
import type { ScopedRepo, YouthScope } from '../../access/checkpoint.js';
import { FIELD_CATEGORIES, YOUTH_FIELD_CATEGORY, type FieldCategory } from '../../domain/field-categories.js';
import {
  assignments,
  cases,
  organizations,
  referrals,
  servicePlanningAreas,
  users,
  youth,
  youthAliases,
  youthIdentifiers,
} from '../../db/schema.js';
import { notFound } from '../../errors.js';
import type { YouthViewT } from './schemas.js';

/** Reads a youth's record, returning only the fields the user's grant covers. */
export function getYouth(repo: ScopedRepo, youthId: string): Promise<YouthViewT> {
  return repo.forYouth(youthId, 'youth.read', (scope) => readYouth(scope));
}

export async function readYouth(scope: YouthScope): Promise<YouthViewT> {
  const { tx, youthId, grant } = scope;
  const [y] = await tx
    .select({ row: youth, spaName: servicePlanningAreas.name })
    .from(youth)
    .leftJoin(
      servicePlanningAreas,
      and(eq(servicePlanningAreas.countyId, youth.countyId), eq(servicePlanningAreas.number, youth.spaNumber)),
    )
    .where(eq(youth.id, youthId));
  if (!y) throw notFound('youth');
  const r = y.row;
  const can = (c: FieldCategory) => grant.read.has(c);
  const view: YouthViewT = {
    id: r.id,
    version: r.version,
    hiddenCategories: FIELD_CATEGORIES.filter((c) => !can(c)),
    permissions: {
      canEdit: grant.write.has('identity'),
      canViewAccessLog: scope.actor.roles.some((role) => role === 'supervisor' || role === 'auditor'),
    },
  };
  const recordIds = [r.id];
  if (can('identity')) {
    const [aliasRows, idRows, caseRows, referralRows, assignmentRows] = await Promise.all([
      tx.select({ alias: youthAliases.alias }).from(youthAliases).where(eq(youthAliases.youthId, youthId)),
      tx
        .select({ system: youthIdentifiers.system, value: youthIdentifiers.value })
        .from(youthIdentifiers)
        .where(eq(youthIdentifiers.youthId, youthId)),
      tx
        .select({ c: cases, organization: organizations.name })
        .from(cases)
        .innerJoin(organizations, eq(organizations.id, cases.organizationId))
        .where(eq(cases.youthId, youthId))
        .orderBy(sql`${cases.openedOn} DESC`),
      tx
        .select({ r: referrals, organization: organizations.name })
        .from(referrals)
        .innerJoin(organizations, eq(organizations.id, referrals.organizationId))
        .where(eq(referrals.youthId, youthId))
        .orderBy(sql`${referrals.receivedAt} DESC`),
      tx
        .select({ a: assignments, worker: users.displayName, organization: organizations.name })
        .from(assignments)
        .innerJoin(users, eq(users.id, assignments.userId))
        .innerJoin(organizations, eq(organizations.id, assignments.organizationId))
        .where(and(eq(assignments.youthId, youthId), or(isNull(assignments.endsAt), sql`${assignments.endsAt} > now()`)))
        .orderBy(assignments.startsAt),
    ]);
    Object.assign(view, {
      legalFirstName: r.legalFirstName,
      legalLastName: r.legalLastName,
      preferredName: r.preferredName,
      dateOfBirth: r.dateOfBirth,
      genderIdentity: r.genderIdentity,
      pronouns: r.pronouns,
      sexualOrientation: r.sexualOrientation,
      raceEthnicity: r.raceEthnicity,
      primaryLanguage: r.primaryLanguage,
      spa: r.spaNumber === null ? null : { number: r.spaNumber, name: y.spaName ?? '' },
      aliases: aliasRows.map((a) => a.alias),
      identifiers: idRows.map((i) => ({ system: i.system as 'cws_cms' | 'probation' | 'other', value: i.value })),
      cases: caseRows.map(({ c, organization }) => ({
        id: c.id,
        kind: c.kind,
        externalId: c.externalId,
        organization,
        openedOn: c.openedOn,
        closedOn: c.closedOn,
      })),
      referrals: referralRows.map(({ r: ref, organization }) => ({
        id: ref.id,
        externalId: ref.externalId,
        organization,
        receivedAt: ref.receivedAt.toISOString(),
        disposition: ref.disposition,
      })),
      assignments: assignmentRows.map(({ a, worker, organization }) => ({
        id: a.id,
        worker,
        organization,
        role: a.role,
        startsAt: a.startsAt.toISOString(),
        endsAt: a.endsAt?.toISOString() ?? null,
      })),
    });
    recordIds.push(...caseRows.map((c) => c.c.id), ...referralRows.map((x) => x.r.id));
  }
  if (can('contact_location')) Object.assign(view, { phone: r.phone, email: r.email });
  const touched = new Set<FieldCategory>();
  for (const [field, category] of Object.entries(YOUTH_FIELD_CATEGORY)) if (field in view) touched.add(category);
  scope.touch(touched, recordIds);
  return view;
}
