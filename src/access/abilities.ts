// One table says what each role may do (ABILITIES). Route policies name an ability and the policy
// hook derives the roles from this table; use cases ask `can(actor, ability)` instead of listing
// roles; the session answer carries the user's abilities so the web shows the same doors. A
// policy and the table cannot disagree, because the policy has no role list of its own.
//
// Abilities open doors (a route, a button, a worklist). Which fields of a youth's record a user
// then reads or writes is still decided per youth by the grants (src/access/grants.ts), from the
// user's relation to that youth: an ability never grants a field category.
import { ABILITY_NAMES, type Ability } from '../contract/abilities.js';
import { ROLES, type Role } from '../domain/people.js';

export { ABILITY_NAMES, type Ability };

/** What a caseworker does for the youth assigned to them; a supervisor does all of it too. */
const CASE_WORK: readonly Ability[] = [
  'youth.search',
  'youth.create',
  'youth.record',
  'services.record',
  'first_response.record',
  'mdt.team',
  'mdt.review_due',
  'safety_plans.write',
  'missing.current',
  'missing.search_log',
  'worklist.own',
  'obligations.meet',
  'advocacy.refer',
  'advocacy.close',
];

export const ABILITIES: Record<Role, readonly Ability[]> = {
  caseworker: CASE_WORK,
  // A supervisor does the case work of their team, and reads and answers for it.
  supervisor: [
    ...CASE_WORK,
    'youth.access_log',
    'corrections.history',
    'worklist.team',
    'obligations.waive',
    'data_quality.work',
    'vetting.approve',
    'stats.read',
    'reports.compliance',
    'reports.missing',
    'settings.view',
  ],
  advocate: [
    'youth.search',
    // With a read grant only: as the youth's advocate (as MDT members may, by their relation).
    'youth.team_record',
    'services.record',
    // Episodes linked to the advocate's own organization: sees only those, records those.
    'services.record_linked',
    'mdt.team',
    'safety_plans.write',
    'missing.current',
    'missing.search_log',
    'worklist.own',
    'advocacy.inbox',
    'advocacy.respond',
    'advocacy.record_contact',
    'advocacy.close',
  ],
  mdt_coordinator: [
    'youth.search',
    'first_response.record',
    'mdt.team',
    'mdt.coordinate',
    'mdt.review_due',
    'safety_plans.write',
    'missing.current',
    'missing.search_log',
    'worklist.own',
  ],
  // Youth identities never: the grants give auditors the identity of youth they relate to only.
  auditor: ['youth.search', 'youth.access_log', 'corrections.history'],
  // Figures, never rows: no record-level list of youth records (the advocacy inbox is for the
  // organization a referral is addressed to; the county reads the Board report).
  county_analyst: [
    'advocacy.county_view',
    'contracts.read',
    'vetting.read',
    'performance.read',
    'performance.edit',
    'performance.flags',
    'stats.read',
    'reports.board',
    'reports.board_internal',
    'reports.compliance',
    'reports.missing',
    'reports.state',
    'state.plan_figures',
    'state.submit',
  ],
  county_admin: [
    'advocacy.county_view',
    'contracts.read',
    'contracts.edit',
    'vetting.read',
    'vetting.record',
    'vetting.approve',
    'vetting.any_organization',
    'performance.read',
    'performance.edit',
    'stats.read',
    'reports.board',
    'reports.board_internal',
    'reports.compliance',
    'reports.missing',
    'settings.view',
    'settings.edit',
    'directory.edit',
    'directory.edit_any',
    'directory.catalog',
    'import.extract',
    'reports.state',
  ],
  state_analyst: [
    'stats.read',
    'reports.board',
    'reports.missing',
    'figures.all_counties',
    'reports.state',
    'state.review',
    'state.program',
  ],
  org_admin: [
    'advocacy.inbox',
    'advocacy.respond',
    'contracts.read',
    'vetting.read',
    'vetting.record',
    'performance.read',
    'directory.edit',
  ],
};

/** Whether any of these roles (or this actor's roles) has the ability. */
export function can(who: readonly Role[] | { roles: readonly Role[] }, ability: Ability): boolean {
  const roles = 'roles' in who ? who.roles : who;
  return roles.some((role) => ABILITIES[role]?.includes(ability) ?? false);
}

/** The roles that have an ability, in the order of ROLES (for messages and the API docs). */
export function rolesWith(ability: Ability): Role[] {
  return ROLES.filter((role) => ABILITIES[role].includes(ability));
}

/** Everything these roles may do, sorted (the session answer sends it to the web). */
export function abilitiesOf(roles: readonly Role[]): Ability[] {
  const out = new Set<Ability>();
  for (const role of roles) for (const a of ABILITIES[role] ?? []) out.add(a);
  return ABILITY_NAMES.filter((a) => out.has(a));
}
