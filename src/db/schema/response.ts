// Response: a youth's MDT, its meetings and safety plans (migration 0007), and the First
// Responder Protocol encounters (0008).
import { boolean, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { ts } from './columns.js';

export const mdtMembers = pgTable('mdt_members', {
  id: uuid('id').primaryKey().defaultRandom(),
  youthId: uuid('youth_id').notNull(),
  countyId: uuid('county_id').notNull(),
  userId: uuid('user_id').notNull(),
  organizationId: uuid('organization_id').notNull(),
  roleOnTeam: text('role_on_team'),
  joinedAt: ts('joined_at').notNull().defaultNow(),
  leftAt: ts('left_at'),
  addedBy: uuid('added_by').notNull(),
});

export const mdtMeetings = pgTable('mdt_meetings', {
  id: uuid('id').primaryKey().defaultRandom(),
  youthId: uuid('youth_id').notNull(),
  countyId: uuid('county_id').notNull(),
  tier: text('tier').notNull(),
  scheduledAt: ts('scheduled_at').notNull(),
  heldAt: ts('held_at'),
  youthParticipation: text('youth_participation'),
  caregiverParticipation: text('caregiver_participation'),
  decisions: text('decisions'),
  missingParties: text('missing_parties').array().notNull().default([]),
  createdBy: uuid('created_by').notNull(),
  version: integer('version').notNull().default(1),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const mdtAttendees = pgTable('mdt_attendees', {
  id: uuid('id').primaryKey().defaultRandom(),
  meetingId: uuid('meeting_id').notNull(),
  countyId: uuid('county_id').notNull(),
  userId: uuid('user_id'),
  name: text('name').notNull(),
  organizationId: uuid('organization_id'),
  organizationType: text('organization_type').notNull(),
  role: text('role'),
  present: boolean('present').notNull(),
});

export const mdtActionItems = pgTable('mdt_action_items', {
  id: uuid('id').primaryKey().defaultRandom(),
  meetingId: uuid('meeting_id').notNull(),
  youthId: uuid('youth_id').notNull(),
  countyId: uuid('county_id').notNull(),
  description: text('description').notNull(),
  ownerUserId: uuid('owner_user_id').notNull(),
  dueAt: ts('due_at').notNull(),
  obligationId: uuid('obligation_id'),
});

/** Versioned; a new version never overwrites an old one. */
export const safetyPlans = pgTable('safety_plans', {
  id: uuid('id').primaryKey().defaultRandom(),
  youthId: uuid('youth_id').notNull(),
  countyId: uuid('county_id').notNull(),
  version: integer('version').notNull(),
  warningSigns: text('warning_signs').notNull(),
  safePeople: text('safe_people').notNull(),
  safePlaces: text('safe_places').notNull(),
  ifContacted: text('if_contacted').notNull(),
  reachAdvocate: text('reach_advocate').notNull(),
  writtenWithYouth: boolean('written_with_youth').notNull(),
  reason: text('reason'),
  createdBy: uuid('created_by').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const firstResponderEncounters = pgTable('first_responder_encounters', {
  id: uuid('id').primaryKey().defaultRandom(),
  youthId: uuid('youth_id').notNull(),
  countyId: uuid('county_id').notNull(),
  foundByOrganizationId: uuid('found_by_organization_id').notNull(),
  foundByName: text('found_by_name').notNull(),
  foundAt: ts('found_at').notNull(),
  locationType: text('location_type').notNull(),
  spaNumber: integer('spa_number'),
  // Only when needed; it can be where the youth was exploited or lives.
  streetAddress: text('street_address'),
  hotlineCalledAt: ts('hotline_called_at').notNull(),
  hotlineReference: text('hotline_reference'),
  advocateOrganizationId: uuid('advocate_organization_id'),
  advocateDispatchedAt: ts('advocate_dispatched_at'),
  youthWentTo: text('youth_went_to'),
  healthEvaluationAt: ts('health_evaluation_at'),
  recordedBy: uuid('recorded_by').notNull(),
  version: integer('version').notNull().default(1),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const responderArrivals = pgTable('responder_arrivals', {
  id: uuid('id').primaryKey().defaultRandom(),
  encounterId: uuid('encounter_id').notNull(),
  countyId: uuid('county_id').notNull(),
  organizationId: uuid('organization_id').notNull(),
  notifiedAt: ts('notified_at').notNull(),
  arrivedAt: ts('arrived_at'),
});
