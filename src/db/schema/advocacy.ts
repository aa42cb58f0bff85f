// Advocacy by contracted community-based organizations (migration 0009): contracts, advocate
// vetting, advocacy referrals with their events and milestones, performance issues and flags.
import { bigserial, date, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { ts } from './columns.js';

export const advocacyContracts = pgTable('advocacy_contracts', {
  id: uuid('id').primaryKey().defaultRandom(),
  countyId: uuid('county_id').notNull(),
  organizationId: uuid('organization_id').notNull(),
  contractingOrganizationId: uuid('contracting_organization_id').notNull(),
  reference: text('reference').notNull(),
  startsOn: date('starts_on', { mode: 'string' }).notNull(),
  endsOn: date('ends_on', { mode: 'string' }).notNull(),
  fundingSource: text('funding_source').notNull(),
  services: text('services').array().notNull(),
  capacity: integer('capacity').notNull(),
  firstContactHours: integer('first_contact_hours').notNull().default(24),
  responseTerms: text('response_terms'),
  documentRefs: text('document_refs').array().notNull().default([]),
  terminatedOn: date('terminated_on', { mode: 'string' }),
  createdBy: uuid('created_by').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
  version: integer('version').notNull().default(1),
});

export const advocateClearances = pgTable('advocate_clearances', {
  id: uuid('id').primaryKey().defaultRandom(),
  countyId: uuid('county_id').notNull(),
  userId: uuid('user_id').notNull(),
  kind: text('kind').notNull(),
  clearedOn: date('cleared_on', { mode: 'string' }).notNull(),
  expiresOn: date('expires_on', { mode: 'string' }),
  recordedBy: uuid('recorded_by').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const advocateTrainings = pgTable('advocate_trainings', {
  id: uuid('id').primaryKey().defaultRandom(),
  countyId: uuid('county_id').notNull(),
  userId: uuid('user_id').notNull(),
  trainingKey: text('training_key').notNull(),
  completedOn: date('completed_on', { mode: 'string' }).notNull(),
  expiresOn: date('expires_on', { mode: 'string' }),
  recordedBy: uuid('recorded_by').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const advocateApprovals = pgTable('advocate_approvals', {
  id: uuid('id').primaryKey().defaultRandom(),
  countyId: uuid('county_id').notNull(),
  userId: uuid('user_id').notNull(),
  contractingOrganizationId: uuid('contracting_organization_id').notNull(),
  approvedBy: uuid('approved_by').notNull(),
  approvedOn: date('approved_on', { mode: 'string' }).notNull(),
  approvedUntil: date('approved_until', { mode: 'string' }).notNull(),
  revokedOn: date('revoked_on', { mode: 'string' }),
  revokeReason: text('revoke_reason'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

/** A youth referred to a CBO for advocacy; every step is also an advocacy_referral_events row. */
export const advocacyReferrals = pgTable('advocacy_referrals', {
  id: uuid('id').primaryKey().defaultRandom(),
  countyId: uuid('county_id').notNull(),
  youthId: uuid('youth_id').notNull(),
  organizationId: uuid('organization_id').notNull(),
  contractId: uuid('contract_id').notNull(),
  referredBy: uuid('referred_by').notNull(),
  referredByOrganizationId: uuid('referred_by_organization_id').notNull(),
  referredAt: ts('referred_at').notNull(),
  reason: text('reason').notNull(),
  urgency: text('urgency').notNull(),
  state: text('state').notNull().default('sent'),
  acceptedAt: ts('accepted_at'),
  declinedAt: ts('declined_at'),
  declineReason: text('decline_reason'),
  advocateUserId: uuid('advocate_user_id'),
  advocateAssignedAt: ts('advocate_assigned_at'),
  firstContactAt: ts('first_contact_at'),
  engagedAt: ts('engaged_at'),
  closedAt: ts('closed_at'),
  closeReason: text('close_reason'),
  version: integer('version').notNull().default(1),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const advocacyReferralEvents = pgTable('advocacy_referral_events', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  referralId: uuid('referral_id').notNull(),
  countyId: uuid('county_id').notNull(),
  state: text('state').notNull(),
  at: ts('at').notNull(),
  recordedBy: uuid('recorded_by').notNull(),
  recordedAt: ts('recorded_at').notNull().defaultNow(),
  detail: jsonb('detail').notNull().default({}),
});

export const advocacyMilestones = pgTable('advocacy_milestones', {
  id: uuid('id').primaryKey().defaultRandom(),
  referralId: uuid('referral_id').notNull(),
  countyId: uuid('county_id').notNull(),
  youthId: uuid('youth_id').notNull(),
  kind: text('kind').notNull(),
  at: ts('at').notNull(),
  serviceEpisodeId: uuid('service_episode_id'),
  note: text('note'),
  recordedBy: uuid('recorded_by').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const performanceIssues = pgTable('performance_issues', {
  id: uuid('id').primaryKey().defaultRandom(),
  countyId: uuid('county_id').notNull(),
  organizationId: uuid('organization_id').notNull(),
  contractId: uuid('contract_id'),
  raisedOn: date('raised_on', { mode: 'string' }).notNull(),
  category: text('category').notNull(),
  description: text('description').notNull(),
  severity: text('severity').notNull(),
  recommendation: text('recommendation').notNull(),
  ownerUserId: uuid('owner_user_id'),
  status: text('status').notNull().default('open'),
  resolution: text('resolution'),
  resolvedOn: date('resolved_on', { mode: 'string' }),
  createdBy: uuid('created_by').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
  version: integer('version').notNull().default(1),
});

/** Candidate issues Harbor flags (jobs/advocacy-flags.ts) for a person to confirm or dismiss. */
export const performanceFlags = pgTable('performance_flags', {
  id: uuid('id').primaryKey().defaultRandom(),
  countyId: uuid('county_id').notNull(),
  organizationId: uuid('organization_id').notNull(),
  kind: text('kind').notNull(),
  subjectId: uuid('subject_id').notNull(),
  observedOn: date('observed_on', { mode: 'string' }).notNull(),
  detail: jsonb('detail').notNull().default({}),
  status: text('status').notNull().default('candidate'),
  decidedBy: uuid('decided_by'),
  decidedAt: ts('decided_at'),
  decisionNote: text('decision_note'),
  issueId: uuid('issue_id'),
  createdAt: ts('created_at').notNull().defaultNow(),
});
