// Which parts of the app each role uses. The server enforces access; this only shapes the UI.
import type { SessionView } from '../types';

/** Roles that work with individual youth (the server's CASE_ROLES). */
const CASE_ROLES = ['caseworker', 'supervisor', 'advocate', 'mdt_coordinator', 'auditor'];
/** Roles that may read the privacy-safe figures. */
const FIGURES_ROLES = ['county_analyst', 'state_analyst', 'supervisor', 'county_admin'];

export function canSearchYouth(session: SessionView): boolean {
  return session.user.roles.some((r) => CASE_ROLES.includes(r));
}

export function canSeeFigures(session: SessionView): boolean {
  return session.user.roles.some((r) => FIGURES_ROLES.includes(r));
}

/** Roles with a worklist of deadlines ("My work"). */
const WORKLIST_ROLES = ['caseworker', 'supervisor', 'advocate', 'mdt_coordinator'];

export function canUseWorklist(session: SessionView): boolean {
  return session.user.roles.some((r) => WORKLIST_ROLES.includes(r));
}

/** Supervisors also see their team's worklist. */
export function isSupervisor(session: SessionView): boolean {
  return session.user.roles.includes('supervisor');
}

/** Where "Home" goes: search for case roles, figures for analysts and admins, the directory for everyone else. */
export function homePath(session: SessionView): string {
  if (canSearchYouth(session)) return '/search';
  if (canSeeFigures(session)) return '/figures';
  return '/directory';
}

const isCountyAdmin = (session: SessionView) => session.user.roles.includes('county_admin');

/** County administrators edit every directory entry; organization administrators their own organization's. */
export function canEditProvider(session: SessionView, provider: { organizationId: string | null }): boolean {
  if (isCountyAdmin(session)) return true;
  return (
    session.user.roles.includes('org_admin') &&
    provider.organizationId !== null &&
    provider.organizationId === session.user.organization.id
  );
}

/** Who may add directory entries (an organization administrator's belong to their organization). */
export function canAddProviders(session: SessionView): boolean {
  return isCountyAdmin(session) || session.user.roles.includes('org_admin');
}

/** Only county administrators keep the CSEC contact list. */
export function canManageContacts(session: SessionView): boolean {
  return isCountyAdmin(session);
}

/** Advocates may record services linked to their own organization, in the categories they can read. */
export function isAdvocate(session: SessionView): boolean {
  return session.user.roles.includes('advocate');
}
