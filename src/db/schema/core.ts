// Counties, organizations, accounts and sessions, youth and their system links.
// Migrations 0001 (tables) and 0004 (the referral and youth columns it adds).
import { sql } from 'drizzle-orm';
import { bigint, bigserial, boolean, date, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { ts } from './columns.js';

export const counties = pgTable('counties', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull(),
  name: text('name').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
  // Migration 0014: the FIPS county code (three digits) and whether the county runs Harbor.
  fips: text('fips'),
  runsHarbor: boolean('runs_harbor').notNull().default(false),
});

export const servicePlanningAreas = pgTable(
  'service_planning_areas',
  {
    countyId: uuid('county_id').notNull(),
    number: integer('number').notNull(),
    name: text('name').notNull(),
  },
  (t) => [primaryKey({ columns: [t.countyId, t.number] })],
);

export const organizations = pgTable('organizations', {
  id: uuid('id').primaryKey().defaultRandom(),
  countyId: uuid('county_id').notNull(),
  name: text('name').notNull(),
  type: text('type').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  countyId: uuid('county_id').notNull(),
  organizationId: uuid('organization_id').notNull(),
  email: text('email').notNull(),
  displayName: text('display_name').notNull(),
  roles: text('roles').array().notNull(),
  supervisorId: uuid('supervisor_id'),
  passwordHash: text('password_hash'),
  passwordChangedAt: ts('password_changed_at'),
  mfaSecret: text('mfa_secret'),
  mfaEnabled: boolean('mfa_enabled').notNull().default(false),
  // The last TOTP time step accepted (migration 0011): a code is refused unless its step is greater.
  mfaLastStep: bigint('mfa_last_step', { mode: 'number' }),
  disabledAt: ts('disabled_at'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const sessions = pgTable('sessions', {
  id: uuid('id').primaryKey().defaultRandom(),
  tokenHash: text('token_hash').notNull(),
  userId: uuid('user_id').notNull(),
  csrfToken: text('csrf_token').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
  lastSeenAt: ts('last_seen_at').notNull().defaultNow(),
  expiresAt: ts('expires_at').notNull(),
  mfaVerifiedAt: ts('mfa_verified_at'),
  revokedAt: ts('revoked_at'),
  clientIp: text('client_ip'),
});

export const loginThrottle = pgTable('login_throttle', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull().default(0),
  firstFailureAt: ts('first_failure_at').notNull().defaultNow(),
  lockedUntil: ts('locked_until'),
});

export const youth = pgTable('youth', {
  id: uuid('id').primaryKey().defaultRandom(),
  countyId: uuid('county_id').notNull(),
  // Nullable since 0014: a de-identified state extract has no names, and some have no date of birth.
  legalFirstName: text('legal_first_name'),
  legalLastName: text('legal_last_name'),
  preferredName: text('preferred_name'),
  dateOfBirth: date('date_of_birth', { mode: 'string' }),
  genderIdentity: text('gender_identity'),
  pronouns: text('pronouns'),
  sexualOrientation: text('sexual_orientation'),
  raceEthnicity: text('race_ethnicity').array().notNull().default([]),
  primaryLanguage: text('primary_language'),
  spaNumber: integer('spa_number'),
  phone: text('phone'),
  email: text('email'),
  entryPathway: text('entry_pathway'),
  dualStatus: boolean('dual_status').notNull().default(false),
  // Folded, unaccented names for trigram search, computed by the database; never written.
  searchText: text('search_text').generatedAlwaysAs(
    sql`harbor_fold(coalesce(legal_first_name, '') || ' ' || coalesce(legal_last_name, '') || ' ' || coalesce(preferred_name, ''))`,
  ),
  version: integer('version').notNull().default(1),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  // The state system's recorded sex, as the extract gives it (0014).
  sex: text('sex'),
  importBatchId: uuid('import_batch_id'),
  // Whether the date of birth is known, without it (0015): readable by harbor_aggregate.
  hasDateOfBirth: boolean('has_date_of_birth').generatedAlwaysAs(sql`date_of_birth IS NOT NULL`),
});

export const youthAliases = pgTable('youth_aliases', {
  id: uuid('id').primaryKey().defaultRandom(),
  youthId: uuid('youth_id').notNull(),
  countyId: uuid('county_id').notNull(),
  alias: text('alias').notNull(),
  searchText: text('search_text').generatedAlwaysAs(sql`harbor_fold(alias)`),
});

/** Each change to a youth's identity or contact details, with the previous values (migration 0017). */
export const youthIdentityHistory = pgTable('youth_identity_history', {
  id: uuid('id').primaryKey().defaultRandom(),
  youthId: uuid('youth_id').notNull(),
  countyId: uuid('county_id').notNull(),
  changedBy: uuid('changed_by').notNull(),
  changedAt: ts('changed_at').notNull().defaultNow(),
  version: integer('version').notNull(),
  fields: text('fields').array().notNull(),
  previous: jsonb('previous').notNull(),
});

export const youthIdentifiers = pgTable('youth_identifiers', {
  id: uuid('id').primaryKey().defaultRandom(),
  youthId: uuid('youth_id').notNull(),
  countyId: uuid('county_id').notNull(),
  system: text('system').notNull(),
  value: text('value').notNull(),
});

export const cases = pgTable('cases', {
  id: uuid('id').primaryKey().defaultRandom(),
  youthId: uuid('youth_id').notNull(),
  countyId: uuid('county_id').notNull(),
  // NULL only for an imported case in a county with no agency of its kind in Harbor (0014).
  organizationId: uuid('organization_id'),
  kind: text('kind').notNull(),
  externalId: text('external_id'),
  openedOn: date('opened_on', { mode: 'string' }).notNull(),
  closedOn: date('closed_on', { mode: 'string' }),
  assignedUserId: uuid('assigned_user_id'),
  closeReason: text('close_reason'),
  version: integer('version').notNull().default(1),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  recordedBy: uuid('recorded_by'),
  importBatchId: uuid('import_batch_id'),
});

/** Every saved state of a case (0014). */
export const caseHistory = pgTable('case_history', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  caseId: uuid('case_id').notNull(),
  countyId: uuid('county_id').notNull(),
  version: integer('version').notNull(),
  snapshot: jsonb('snapshot').notNull(),
  changedAt: ts('changed_at').notNull().defaultNow(),
  changedBy: uuid('changed_by'),
  importBatchId: uuid('import_batch_id'),
});

/** One run of the state extract importer (0014); counts only. */
export const importBatches = pgTable('import_batches', {
  id: uuid('id').primaryKey().defaultRandom(),
  countyId: uuid('county_id'),
  source: text('source').notNull(),
  startedBy: uuid('started_by'),
  startedAt: ts('started_at').notNull().defaultNow(),
  finishedAt: ts('finished_at'),
  summary: jsonb('summary').notNull().default({}),
});

/** The data-quality queue (0014): one row per problem, until fixed or marked reviewed. */
export const dataQualityIssues = pgTable('data_quality_issues', {
  id: uuid('id').primaryKey().defaultRandom(),
  countyId: uuid('county_id').notNull(),
  youthId: uuid('youth_id').notNull(),
  kind: text('kind').notNull(),
  recordKind: text('record_kind').notNull(),
  recordId: uuid('record_id').notNull(),
  otherYouthId: uuid('other_youth_id'),
  details: jsonb('details').notNull().default({}),
  status: text('status').notNull().default('open'),
  detectedAt: ts('detected_at').notNull().defaultNow(),
  resolvedAt: ts('resolved_at'),
  resolvedBy: uuid('resolved_by'),
  note: text('note'),
  version: integer('version').notNull().default(1),
});

/** Hotline referrals (child welfare), not advocacy referrals (advocacy.ts). */
export const referrals = pgTable('referrals', {
  id: uuid('id').primaryKey().defaultRandom(),
  youthId: uuid('youth_id').notNull(),
  countyId: uuid('county_id').notNull(),
  organizationId: uuid('organization_id'),
  externalId: text('external_id'),
  receivedAt: ts('received_at').notNull(),
  disposition: text('disposition'),
  dispositionAt: ts('disposition_at'),
  closedAt: ts('closed_at'),
  allegations: text('allegations').array().notNull().default([]),
  specialProjectCodes: text('special_project_codes').array().notNull().default([]),
  recordedBy: uuid('recorded_by'),
  // NULL organization only for an imported referral in a county with no child welfare agency in Harbor.
  importBatchId: uuid('import_batch_id'),
  version: integer('version').notNull().default(1),
});

export const assignments = pgTable('assignments', {
  id: uuid('id').primaryKey().defaultRandom(),
  youthId: uuid('youth_id').notNull(),
  countyId: uuid('county_id').notNull(),
  userId: uuid('user_id').notNull(),
  organizationId: uuid('organization_id').notNull(),
  role: text('role').notNull(),
  startsAt: ts('starts_at').notNull().defaultNow(),
  endsAt: ts('ends_at'),
});

/** Earlier versions of corrected records and discarded drafts (migration 0016; src/features/corrections). */
export const recordCorrections = pgTable('record_corrections', {
  id: uuid('id').primaryKey().defaultRandom(),
  countyId: uuid('county_id').notNull(),
  youthId: uuid('youth_id').notNull(),
  recordKind: text('record_kind').notNull(),
  recordId: uuid('record_id').notNull(),
  action: text('action').notNull(),
  version: integer('version').notNull(),
  earlier: jsonb('earlier').notNull(),
  reason: text('reason').notNull(),
  correctedBy: uuid('corrected_by').notNull(),
  correctedAt: ts('corrected_at').notNull().defaultNow(),
});
