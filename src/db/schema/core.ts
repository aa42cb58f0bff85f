// Counties, organizations, accounts and sessions, youth and their system links.
// Migrations 0001 (tables) and 0004 (the referral and youth columns it adds).
import { sql } from 'drizzle-orm';
import { bigint, boolean, date, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { ts } from './columns.js';

export const counties = pgTable('counties', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull(),
  name: text('name').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
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
  legalFirstName: text('legal_first_name').notNull(),
  legalLastName: text('legal_last_name').notNull(),
  preferredName: text('preferred_name'),
  dateOfBirth: date('date_of_birth', { mode: 'string' }).notNull(),
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
    sql`harbor_fold(legal_first_name || ' ' || legal_last_name || ' ' || coalesce(preferred_name, ''))`,
  ),
  version: integer('version').notNull().default(1),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const youthAliases = pgTable('youth_aliases', {
  id: uuid('id').primaryKey().defaultRandom(),
  youthId: uuid('youth_id').notNull(),
  countyId: uuid('county_id').notNull(),
  alias: text('alias').notNull(),
  searchText: text('search_text').generatedAlwaysAs(sql`harbor_fold(alias)`),
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
  organizationId: uuid('organization_id').notNull(),
  kind: text('kind').notNull(),
  externalId: text('external_id'),
  openedOn: date('opened_on', { mode: 'string' }).notNull(),
  closedOn: date('closed_on', { mode: 'string' }),
});

/** Hotline referrals (child welfare), not advocacy referrals (advocacy.ts). */
export const referrals = pgTable('referrals', {
  id: uuid('id').primaryKey().defaultRandom(),
  youthId: uuid('youth_id').notNull(),
  countyId: uuid('county_id').notNull(),
  organizationId: uuid('organization_id').notNull(),
  externalId: text('external_id'),
  receivedAt: ts('received_at').notNull(),
  disposition: text('disposition'),
  dispositionAt: ts('disposition_at'),
  closedAt: ts('closed_at'),
  allegations: text('allegations').array().notNull().default([]),
  specialProjectCodes: text('special_project_codes').array().notNull().default([]),
  recordedBy: uuid('recorded_by'),
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
