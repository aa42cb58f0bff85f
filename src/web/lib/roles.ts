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

/** Where "Home" goes: search for case roles, figures for analysts and admins. */
export function homePath(session: SessionView): string {
  if (canSearchYouth(session)) return '/search';
  if (canSeeFigures(session)) return '/figures';
  return '/search';
}
