// Identification (migration 0004): county settings, screening instruments and screenings,
// CSEC Type records.
import { bigserial, boolean, date, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { ts } from './columns.js';

export const countySettings = pgTable('county_settings', {
  countyId: uuid('county_id').primaryKey(),
  settings: jsonb('settings').notNull().default({}),
  version: integer('version').notNull().default(1),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  updatedBy: uuid('updated_by'),
});

export const countySettingsHistory = pgTable('county_settings_history', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  countyId: uuid('county_id').notNull(),
  version: integer('version').notNull(),
  settings: jsonb('settings').notNull(),
  changedAt: ts('changed_at').notNull().defaultNow(),
  changedBy: uuid('changed_by'),
});

/** county_id NULL: shipped with Harbor, available to every county. */
export const instruments = pgTable('instruments', {
  id: uuid('id').primaryKey().defaultRandom(),
  countyId: uuid('county_id'),
  key: text('key').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const instrumentVersions = pgTable('instrument_versions', {
  id: uuid('id').primaryKey().defaultRandom(),
  instrumentId: uuid('instrument_id').notNull(),
  countyId: uuid('county_id'),
  version: integer('version').notNull(),
  definition: jsonb('definition').notNull(),
  demonstration: boolean('demonstration').notNull(),
  retiredAt: ts('retired_at'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const screenings = pgTable('screenings', {
  id: uuid('id').primaryKey().defaultRandom(),
  youthId: uuid('youth_id').notNull(),
  countyId: uuid('county_id').notNull(),
  instrumentVersionId: uuid('instrument_version_id').notNull(),
  context: text('context').notNull(),
  organizationId: uuid('organization_id').notNull(),
  administeredBy: uuid('administered_by').notNull(),
  administeredAt: ts('administered_at').notNull().defaultNow(),
  ratings: jsonb('ratings').notNull().default({}),
  notes: text('notes'),
  status: text('status').notNull().default('draft'),
  level: text('level'),
  result: jsonb('result'),
  nextDueOn: date('next_due_on', { mode: 'string' }),
  supersedesId: uuid('supersedes_id'),
  supersedeReason: text('supersede_reason'),
  supersededById: uuid('superseded_by_id'),
  finalizedAt: ts('finalized_at'),
  version: integer('version').notNull().default(1),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const csecTypeRecords = pgTable('csec_type_records', {
  id: uuid('id').primaryKey().defaultRandom(),
  youthId: uuid('youth_id').notNull(),
  countyId: uuid('county_id').notNull(),
  type: text('type').notNull(),
  startDate: date('start_date', { mode: 'string' }).notNull(),
  endDate: date('end_date', { mode: 'string' }),
  // NULL only for an imported Type (source state_extract), queued for data quality (0014).
  allegationSubcategory: text('allegation_subcategory'),
  source: text('source').notNull(),
  screeningId: uuid('screening_id'),
  referralId: uuid('referral_id'),
  caseId: uuid('case_id'),
  recordedBy: uuid('recorded_by'),
  recordedAt: ts('recorded_at').notNull().defaultNow(),
  version: integer('version').notNull().default(1),
  importBatchId: uuid('import_batch_id'),
});
