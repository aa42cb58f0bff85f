// Who may see which categories of a youth's data, by role and by relation to the youth.
// Pure and table-driven: the table below *is* the policy; test/unit/grants.test.ts walks it.
//
// Relations (computed in SQL by src/access/relation.ts):
//   assigned      the user holds an active assignment for the youth
//   supervises    someone in the user's supervision chain holds an active assignment
//   organization  the user's organization holds an open case, open referral or active assignment
//   mdt           the user is a current member of the youth's multidisciplinary team
//   advocacy      the user is the advocate assigned on an open advocacy referral of the youth
//                 (assigned, first contact or engaged; closing the referral ends it)
import { FIELD_CATEGORIES, type FieldCategory } from '../domain/field-categories.js';
import type { Role } from '../domain/people.js';

export const RELATIONS = ['assigned', 'supervises', 'organization', 'mdt', 'advocacy'] as const;
export type Relation = (typeof RELATIONS)[number];

const ALL = FIELD_CATEGORIES;
/** Everything except the current placement address, which only the youth's own workers see. */
const ALL_BUT_PLACEMENT = FIELD_CATEGORIES.filter((c) => c !== 'placement_location');
/**
 * The youth's shared record as an MDT sees it (WIC 16524.8 MDTs share to coordinate care): who
 * the youth is, how to reach them, the exploitation details, court and education. Health,
 * mental health and substance use stay with their own providers; the placement address with the
 * youth's own workers.
 */
const MDT_SHARED: readonly FieldCategory[] = ['identity', 'contact_location', 'exploitation', 'court', 'education'];

/** What the county grants an advocate working with a youth (seed 000: advocacy, not treatment). */
const ADVOCATE_CATEGORIES: readonly FieldCategory[] = ['identity', 'contact_location', 'exploitation', 'education'];

type GrantTable = Record<Role, Partial<Record<Relation, readonly FieldCategory[]>>>;

export const READ_GRANTS: GrantTable = {
  caseworker: { assigned: ALL, mdt: MDT_SHARED },
  supervisor: { assigned: ALL, supervises: ALL, organization: ['identity', 'court', 'education'], mdt: MDT_SHARED },
  advocate: { assigned: ADVOCATE_CATEGORIES, mdt: MDT_SHARED, advocacy: ADVOCATE_CATEGORIES },
  mdt_coordinator: {
    assigned: ALL_BUT_PLACEMENT,
    organization: ['identity', 'court'],
    mdt: MDT_SHARED,
  },
  // Auditors need to know whose access log they read, nothing more.
  auditor: { assigned: ['identity'], supervises: ['identity'], organization: ['identity'] },
  // Aggregates only: no relation ever grants an analyst or an administrator a youth's data.
  county_analyst: {},
  state_analyst: {},
  county_admin: {},
  org_admin: {},
};

/** Writing is narrower: only the people who carry the youth's case record facts about them. */
export const WRITE_GRANTS: GrantTable = {
  caseworker: { assigned: ALL },
  supervisor: { assigned: ALL, supervises: ALL },
  advocate: {},
  mdt_coordinator: {},
  auditor: {},
  county_analyst: {},
  state_analyst: {},
  county_admin: {},
  org_admin: {},
};

export interface Grant {
  relations: ReadonlySet<Relation>;
  read: ReadonlySet<FieldCategory>;
  write: ReadonlySet<FieldCategory>;
}

function union(table: GrantTable, roles: readonly Role[], relations: ReadonlySet<Relation>): Set<FieldCategory> {
  const out = new Set<FieldCategory>();
  for (const role of roles) {
    for (const rel of relations) for (const c of table[role]?.[rel] ?? []) out.add(c);
  }
  return out;
}

export function grantFor(roles: readonly Role[], relations: ReadonlySet<Relation>): Grant {
  return { relations, read: union(READ_GRANTS, roles, relations), write: union(WRITE_GRANTS, roles, relations) };
}

/** A youth is visible at all only if the user may read the youth's identity. */
export function canSee(grant: Grant): boolean {
  return grant.read.has('identity');
}

/** Roles for which the organization relation counts (org-wide views); others need an assignment. */
export function rolesUsingOrganization(roles: readonly Role[]): boolean {
  return roles.some((r) => READ_GRANTS[r]?.organization !== undefined);
}
