// What a signed-in user may do, by name. The server derives every route's role list and every
// role check from one table (src/access/abilities.ts: ABILITIES, role → abilities) and sends the
// user's abilities with the session (`GET /api/auth/session`), so the web shows the same doors
// the server opens. Field categories of a youth's record are not abilities: grants decide those
// (src/access/grants.ts), per youth, from the user's relation to the youth.
import { z } from 'zod';

export const ABILITY_NAMES = [
  // Individual youth (through the checkpoint; grants still decide which fields).
  'youth.search',
  'youth.create',
  'youth.record',
  'youth.access_log',
  // Earlier versions of corrected records and discarded drafts (supervisors and auditors).
  'corrections.history',
  'youth.team_record',
  'services.record',
  'services.record_linked',
  'first_response.record',
  'mdt.team',
  'mdt.coordinate',
  'mdt.review_due',
  'safety_plans.write',
  'missing.current',
  'missing.search_log',
  'worklist.own',
  'worklist.team',
  'obligations.meet',
  'obligations.waive',
  // The county's data-quality queue (imported history's gaps), worked by supervisors.
  'data_quality.work',
  // Advocacy by contracted CBOs.
  'advocacy.refer',
  'advocacy.inbox',
  'advocacy.county_view',
  'advocacy.respond',
  'advocacy.record_contact',
  'advocacy.close',
  'contracts.read',
  'contracts.edit',
  'vetting.read',
  'vetting.record',
  'vetting.approve',
  'vetting.any_organization',
  'performance.read',
  'performance.edit',
  'performance.flags',
  // Figures without identities.
  'stats.read',
  'reports.board',
  'reports.board_internal',
  'reports.compliance',
  'reports.missing',
  'figures.all_counties',
  // The state CSEC Program (issue 13; docs/STATE-REPORT.md).
  'reports.state',
  'state.plan_figures',
  'state.submit',
  'state.review',
  'state.program',
  // County reference data and administration.
  'settings.view',
  'settings.edit',
  'directory.edit',
  'directory.edit_any',
  'directory.catalog',
  // The state extract uploaded by the county administrator: the one admin door that writes youth data.
  'import.extract',
] as const;

export type Ability = (typeof ABILITY_NAMES)[number];

export const AbilitySchema = z.enum(ABILITY_NAMES);
