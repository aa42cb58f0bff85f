// Which parts of the app the signed-in user uses, from the abilities the server sends with the
// session (`abilities`, from the one table in src/access/abilities.ts). The web keeps no role
// lists of its own: the server enforces access, this only shapes the UI, and both read the
// same table.
import type { Ability } from '../../contract/abilities';
import type { SessionView } from '../../contract/auth';

/** Whether the signed-in user may do this (the server's `can`). */
export function can(session: SessionView, ability: Ability): boolean {
  return session.abilities.includes(ability);
}

/** Roles that work with individual youth. */
export function canSearchYouth(session: SessionView): boolean {
  return can(session, 'youth.search');
}

/** The privacy-safe figures. */
/** Intake: adding a youth (and checking for likely duplicates first). */
export function canAddYouth(session: SessionView): boolean {
  return can(session, 'youth.create') && can(session, 'youth.search');
}

/** Recording facts on a youth's record (reporting missing among them), for the youth the user holds. */
export function canRecordYouth(session: SessionView): boolean {
  return can(session, 'youth.record');
}

export function canSeeFigures(session: SessionView): boolean {
  return can(session, 'stats.read');
}

/** A worklist of deadlines ("My work"). */
export function canUseWorklist(session: SessionView): boolean {
  return can(session, 'worklist.own');
}

/** The team's and the organization's worklists (supervisors). */
export function canSeeTeamWork(session: SessionView): boolean {
  return can(session, 'worklist.team');
}

/**
 * Where "Home" goes, by role: whoever has deadlines lands on My work (a supervisor on the team's
 * work, with the currently-missing panel), analysts and administrators on figures, other case
 * roles (auditors) on search, everyone else on the directory.
 */
export function homePath(session: SessionView): string {
  if (canUseWorklist(session)) return '/work';
  if (canSeeFigures(session)) return '/figures';
  if (canSearchYouth(session)) return '/search';
  if (canSeeFigures(session)) return '/figures';
  return '/directory';
}

/** County administrators edit every directory entry; organization administrators their own organization's. */
export function canEditProvider(session: SessionView, provider: { organizationId: string | null }): boolean {
  if (can(session, 'directory.edit_any')) return true;
  return (
    can(session, 'directory.edit') &&
    provider.organizationId !== null &&
    provider.organizationId === session.user.organization.id
  );
}

/** Who may add directory entries (an organization administrator's belong to their organization). */
export function canAddProviders(session: SessionView): boolean {
  return can(session, 'directory.edit');
}

/** Only county administrators keep the CSEC contact list. */
export function canManageContacts(session: SessionView): boolean {
  return can(session, 'directory.catalog');
}

/** Advocates record services linked to their own organization, in the categories they can read. */
export function canRecordLinkedServices(session: SessionView): boolean {
  return can(session, 'services.record_linked');
}
