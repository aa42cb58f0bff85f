// The vocabulary of who works in Harbor: organization types and user roles (DOMAIN.md section 1).

export const ORGANIZATION_TYPES = [
  'child_welfare',
  'probation',
  'law_enforcement',
  'mental_health',
  'public_health',
  'health_services',
  'juvenile_court',
  'district_attorney',
  'public_defender',
  'childs_attorney',
  'education',
  'advocacy_cbo',
  'placement_provider',
  // The state CSEC Program's staff (migration 0015): statewide figures, no youth.
  'state_agency',
] as const;
export type OrganizationType = (typeof ORGANIZATION_TYPES)[number];

export const ROLES = [
  'caseworker',
  'supervisor',
  'advocate',
  'mdt_coordinator',
  'county_analyst',
  'county_admin',
  'auditor',
  'state_analyst',
  /** Administers one organization's own directory entries (a provider or CBO). No youth data. */
  'org_admin',
] as const;
export type Role = (typeof ROLES)[number];

/** Roles that work with individual youth. Analysts and admins never see a youth's identity. */
export const CASE_ROLES: readonly Role[] = ['caseworker', 'supervisor', 'advocate', 'mdt_coordinator', 'auditor'];

/** Roles that read privacy-safe aggregates only. */
export const AGGREGATE_ROLES: readonly Role[] = ['county_analyst', 'state_analyst'];

export const IDENTIFIER_SYSTEMS = ['cws_cms', 'probation', 'other'] as const;
export type IdentifierSystem = (typeof IDENTIFIER_SYSTEMS)[number];

export const CASE_KINDS = ['child_welfare', 'probation'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

/** How a youth came to the system's attention (seed 003). */
export const ENTRY_PATHWAYS = ['open_child_welfare_case', 'open_probation_case', 'no_prior_system_contact'] as const;
export type EntryPathway = (typeof ENTRY_PATHWAYS)[number];
