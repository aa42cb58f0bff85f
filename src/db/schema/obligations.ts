// Obligations (migration 0004, with the columns 0006 adds) and what tells people about missed
// ones (0006): in-app notifications and the email outbox.
import { integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { ts } from './columns.js';

export const obligations = pgTable('obligations', {
  id: uuid('id').primaryKey().defaultRandom(),
  countyId: uuid('county_id').notNull(),
  youthId: uuid('youth_id').notNull(),
  kind: text('kind').notNull(),
  sourceKind: text('source_kind').notNull(),
  sourceId: uuid('source_id'),
  // One part per responding agency for some kinds; '' otherwise.
  sourcePart: text('source_part').notNull().default(''),
  dueAt: ts('due_at').notNull(),
  ownerUserId: uuid('owner_user_id'),
  ownerOrganizationId: uuid('owner_organization_id').notNull(),
  status: text('status').notNull().default('open'),
  metAt: ts('met_at'),
  metBy: uuid('met_by'),
  metRecord: jsonb('met_record'),
  missedAt: ts('missed_at'),
  waivedAt: ts('waived_at'),
  waivedBy: uuid('waived_by'),
  waiveReason: text('waive_reason'),
  createdAt: ts('created_at').notNull().defaultNow(),
  version: integer('version').notNull().default(1),
});

export const notifications = pgTable('notifications', {
  id: uuid('id').primaryKey().defaultRandom(),
  countyId: uuid('county_id').notNull(),
  userId: uuid('user_id').notNull(),
  kind: text('kind').notNull(),
  reason: text('reason').notNull(),
  obligationId: uuid('obligation_id'),
  youthId: uuid('youth_id'),
  createdAt: ts('created_at').notNull().defaultNow(),
  readAt: ts('read_at'),
});

/** Only jobs on the system connection touch it; the application role has no grant. */
export const emailOutbox = pgTable('email_outbox', {
  id: uuid('id').primaryKey().defaultRandom(),
  countyId: uuid('county_id').notNull(),
  userId: uuid('user_id'),
  toAddress: text('to_address').notNull(),
  subject: text('subject').notNull(),
  body: text('body').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
  nextAttemptAt: ts('next_attempt_at').notNull().defaultNow(),
  sentAt: ts('sent_at'),
  attempts: integer('attempts').notNull().default(0),
  lastError: text('last_error'),
  gaveUpAt: ts('gave_up_at'),
});
