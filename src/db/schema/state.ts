// The state CSEC Program (migration 0015; docs/STATE-REPORT.md): participation per fiscal year,
// child-welfare population denominators, County Plan figures, and counties' submissions with
// their de-identified rows. county_submission_secrets is declared for the drift test only: no
// application code reads it (harbor_submission_rows does, as the owner).
import { bigint, boolean, date, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { ts } from './columns.js';

export const csecProgramParticipation = pgTable(
  'csec_program_participation',
  {
    countyId: uuid('county_id').notNull(),
    fiscalYear: text('fiscal_year').notNull(),
    tier: text('tier'),
    allocationDollars: bigint('allocation_dollars', { mode: 'number' }),
    updatedBy: uuid('updated_by'),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.countyId, t.fiscalYear] })],
);

export const childWelfarePopulation = pgTable(
  'child_welfare_population',
  {
    countyId: uuid('county_id').notNull(),
    fiscalYear: text('fiscal_year').notNull(),
    youth1020InChildWelfare: integer('youth_10_20_in_child_welfare').notNull(),
    updatedBy: uuid('updated_by'),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.countyId, t.fiscalYear] })],
);

export const countyPlanFigures = pgTable(
  'county_plan_figures',
  {
    countyId: uuid('county_id').notNull(),
    fiscalYear: text('fiscal_year').notNull(),
    victimsServed: integer('victims_served').notNull(),
    atRiskIdentified: integer('at_risk_identified').notNull(),
    victimsByType: jsonb('victims_by_type'),
    note: text('note'),
    enteredBy: uuid('entered_by').notNull(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.countyId, t.fiscalYear] })],
);

export const stateSubmissions = pgTable('state_submissions', {
  id: uuid('id').primaryKey().defaultRandom(),
  countyId: uuid('county_id').notNull(),
  periodFrom: date('period_from', { mode: 'string' }).notNull(),
  periodTo: date('period_to', { mode: 'string' }).notNull(),
  status: text('status').notNull().default('draft'),
  figures: jsonb('figures').notNull(),
  rowCount: integer('row_count').notNull().default(0),
  createdBy: uuid('created_by').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
  refreshedAt: ts('refreshed_at').notNull().defaultNow(),
  submittedBy: uuid('submitted_by'),
  submittedAt: ts('submitted_at'),
  reviewedBy: uuid('reviewed_by'),
  reviewedAt: ts('reviewed_at'),
  reviewComments: text('review_comments'),
  version: integer('version').notNull().default(1),
});

export const stateSubmissionRows = pgTable(
  'state_submission_rows',
  {
    submissionId: uuid('submission_id').notNull(),
    line: integer('line').notNull(),
    countyId: uuid('county_id').notNull(),
    clientHash: text('client_hash').notNull(),
    ageAtStart: integer('age_at_start'),
    csecType: text('csec_type').notNull(),
    startMonth: text('start_month').notNull(),
    association: text('association').notNull(),
    counted: boolean('counted').notNull(),
  },
  (t) => [primaryKey({ columns: [t.submissionId, t.line] })],
);

export const countySubmissionSecrets = pgTable('county_submission_secrets', {
  countyId: uuid('county_id').primaryKey(),
  secret: text('secret').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});
