// Missing and runaway youth (migration 0010): the episode, the search efforts, the return debrief.
import { integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { ts } from './columns.js';

export const missingEpisodes = pgTable('missing_episodes', {
  id: uuid('id').primaryKey().defaultRandom(),
  youthId: uuid('youth_id').notNull(),
  countyId: uuid('county_id').notNull(),
  placementEpisodeId: uuid('placement_episode_id'),
  lastSeenAt: ts('last_seen_at').notNull(),
  lastSeenPlace: text('last_seen_place').notNull(),
  discoveredAt: ts('discovered_at').notNull(),
  discoveredByRole: text('discovered_by_role'),
  discoveredByName: text('discovered_by_name'),
  riskFactors: text('risk_factors').array().notNull().default([]),
  circumstances: text('circumstances'),
  status: text('status').notNull().default('missing'),
  locatedAt: ts('located_at'),
  locatedNote: text('located_note'),
  returnedAt: ts('returned_at'),
  returnedTo: text('returned_to'),
  returnedNote: text('returned_note'),
  closedAt: ts('closed_at'),
  reportedBy: uuid('reported_by').notNull(),
  version: integer('version').notNull().default(1),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const missingSearchEfforts = pgTable('missing_search_efforts', {
  id: uuid('id').primaryKey().defaultRandom(),
  episodeId: uuid('episode_id').notNull(),
  youthId: uuid('youth_id').notNull(),
  countyId: uuid('county_id').notNull(),
  kind: text('kind').notNull(),
  doneAt: ts('done_at').notNull(),
  doneBy: uuid('done_by').notNull(),
  note: text('note').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const missingDebriefs = pgTable('missing_debriefs', {
  id: uuid('id').primaryKey().defaultRandom(),
  episodeId: uuid('episode_id').notNull(),
  youthId: uuid('youth_id').notNull(),
  countyId: uuid('county_id').notNull(),
  leavingFactors: text('leaving_factors').array().notNull().default([]),
  factorsNote: text('factors_note'),
  factorsAddressed: text('factors_addressed'),
  experiences: text('experiences'),
  exploitedWhileAbsent: text('exploited_while_absent'),
  screeningId: uuid('screening_id'),
  // The "Victim While Absent from Placement" record this debrief created, once.
  csecTypeRecordId: uuid('csec_type_record_id'),
  status: text('status').notNull().default('draft'),
  completedAt: ts('completed_at'),
  completedBy: uuid('completed_by'),
  recordedBy: uuid('recorded_by').notNull(),
  version: integer('version').notNull().default(1),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});
