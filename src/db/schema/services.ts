// Services, placements and the resource directory (migration 0005).
import { sql } from 'drizzle-orm';
import { bigserial, boolean, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { ts } from './columns.js';

/** county_id NULL: the shared list; a county adds its own. */
export const serviceCatalog = pgTable('service_catalog', {
  id: uuid('id').primaryKey().defaultRandom(),
  countyId: uuid('county_id'),
  key: text('key').notNull(),
  name: jsonb('name').notNull(),
  category: text('category').notNull(),
  retiredAt: ts('retired_at'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const providers = pgTable('providers', {
  id: uuid('id').primaryKey().defaultRandom(),
  countyId: uuid('county_id').notNull(),
  organizationId: uuid('organization_id'),
  kind: text('kind').notNull(),
  name: text('name').notNull(),
  description: text('description'),
  services: text('services').array().notNull().default([]),
  placementTypes: text('placement_types').array().notNull().default([]),
  beds: integer('beds'),
  vacancies: integer('vacancies'),
  vacanciesConfirmedAt: ts('vacancies_confirmed_at'),
  csecTrainings: jsonb('csec_trainings').notNull().default([]),
  ageMin: integer('age_min'),
  ageMax: integer('age_max'),
  genders: text('genders').array().notNull().default([]),
  lgbtqAffirming: boolean('lgbtq_affirming').notNull().default(false),
  servesParentingYouth: boolean('serves_parenting_youth').notNull().default(false),
  servesBoys: boolean('serves_boys').notNull().default(false),
  languages: text('languages').array().notNull().default([]),
  spas: integer('spas').array().notNull().default([]),
  countiesServed: text('counties_served').array().notNull().default([]),
  phone: text('phone'),
  email: text('email'),
  website: text('website'),
  // A resource family's home is a placement address: never public.
  address: text('address'),
  hours: text('hours'),
  crisis247: boolean('crisis_24_7').notNull().default(false),
  externalRef: text('external_ref'),
  active: boolean('active').notNull().default(true),
  version: integer('version').notNull().default(1),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  updatedBy: uuid('updated_by'),
  searchText: text('search_text').generatedAlwaysAs(sql`harbor_fold(name || ' ' || coalesce(description, ''))`),
});

export const providerHistory = pgTable('provider_history', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  providerId: uuid('provider_id').notNull(),
  countyId: uuid('county_id').notNull(),
  version: integer('version').notNull(),
  snapshot: jsonb('snapshot').notNull(),
  changedBy: uuid('changed_by'),
  changedAt: ts('changed_at').notNull().defaultNow(),
  source: text('source').notNull().default('edit'),
});

/** The county's CSEC contact list: the person to call in each agency. */
export const countyContacts = pgTable('county_contacts', {
  id: uuid('id').primaryKey().defaultRandom(),
  countyId: uuid('county_id').notNull(),
  organizationId: uuid('organization_id').notNull(),
  name: text('name').notNull(),
  title: text('title'),
  phone: text('phone'),
  email: text('email'),
  notes: text('notes'),
  version: integer('version').notNull().default(1),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const serviceEpisodes = pgTable('service_episodes', {
  id: uuid('id').primaryKey().defaultRandom(),
  youthId: uuid('youth_id').notNull(),
  countyId: uuid('county_id').notNull(),
  serviceKey: text('service_key').notNull(),
  providerId: uuid('provider_id'),
  referredBy: uuid('referred_by').notNull(),
  referredByOrganizationId: uuid('referred_by_organization_id').notNull(),
  referredAt: ts('referred_at').notNull(),
  startedAt: ts('started_at'),
  endedAt: ts('ended_at'),
  status: text('status').notNull(),
  endReason: text('end_reason'),
  fundingSource: text('funding_source'),
  notes: text('notes'),
  version: integer('version').notNull().default(1),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const placementEpisodes = pgTable('placement_episodes', {
  id: uuid('id').primaryKey().defaultRandom(),
  youthId: uuid('youth_id').notNull(),
  countyId: uuid('county_id').notNull(),
  placementType: text('placement_type').notNull(),
  providerId: uuid('provider_id'),
  startAt: ts('start_at').notNull(),
  endAt: ts('end_at'),
  changeReason: text('change_reason'),
  csecTrained: boolean('csec_trained'),
  // The youth's placement address: the most restricted field (placement_location).
  address: text('address'),
  recordedBy: uuid('recorded_by').notNull(),
  version: integer('version').notNull().default(1),
  createdAt: ts('created_at').notNull().defaultNow(),
});
