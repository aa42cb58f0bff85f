// "Who viewed this record": the audit events about one youth, folded into visits.
//
// The visit rule (src/features/youth/access-log.ts does it in SQL): the events one person made on
// this youth's record belong to one visit while each follows the one before it by at most
// VISIT_GAP_MINUTES; a longer pause starts a new visit. Opening a profile makes about a dozen
// requests (the record, then its cases, team, plans, placements ...), each audited on its own;
// they land seconds apart, so they fold into one line. Events of one request are never split.
// Events with no person (imports, jobs) follow the same rule among themselves.
//
// What a visit did is said with record kinds (the record, cases, the team ...) and three verbs
// (viewed, changed, refused), never with raw action codes: recordKindOf maps an audited action
// code to its kind, and isViewAction tells a read from a change.
import { z } from 'zod';
import { FIELD_CATEGORIES } from '../domain/field-categories.js';
import { adminDate, id } from './primitives.js';
import { exportLanguage, pageQuery, PageInfo } from './paging.js';

/** A pause longer than this between one person's events on the record starts a new visit. */
export const VISIT_GAP_MINUTES = 10;

export const RECORD_KINDS = [
  'record',
  'access_log',
  'cases',
  'referrals',
  'placements',
  'services',
  'screenings',
  'csec_types',
  'safety_plans',
  'mdt',
  'missing',
  'first_response',
  'obligations',
  'advocacy',
  'other',
] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** Audited action codes by their first part(s), longest first. */
const KIND_BY_PREFIX: [string, RecordKind][] = [
  ['youth.access_log', 'access_log'],
  ['youth', 'record'],
  ['case', 'cases'],
  ['referral', 'referrals'],
  ['placement', 'placements'],
  ['service_episode', 'services'],
  ['screening', 'screenings'],
  ['csec_type', 'csec_types'],
  ['safety_plan', 'safety_plans'],
  ['mdt', 'mdt'],
  ['missing', 'missing'],
  ['first_response', 'first_response'],
  ['obligation', 'obligations'],
  ['obligations', 'obligations'],
  ['advocacy', 'advocacy'],
];

/** The record kind an audited action code is about ("mdt.read" is the team, "case.close" cases). */
export function recordKindOf(action: string): RecordKind {
  for (const [prefix, kind] of KIND_BY_PREFIX) if (action === prefix || action.startsWith(`${prefix}.`)) return kind;
  return 'other';
}

/**
 * Actions that only look (read, list, history, search, export); every other action changes
 * something. The same pattern runs in SQL (PostgreSQL's `~`) to sort a visit's events.
 */
export const VIEW_ACTION_PATTERN = '\\.(read|list|history|list_for_youth|search|export)$';
export const isViewAction = (action: string) => new RegExp(VIEW_ACTION_PATTERN).test(action);

/** The action filter: visits that viewed, changed, or were refused something. */
export const ACCESS_LOG_ACTIONS = ['viewed', 'changed', 'refused'] as const;
export type AccessLogAction = (typeof ACCESS_LOG_ACTIONS)[number];

export const ACCESS_LOG_SORTS = ['time', 'person'] as const;

const filters = {
  person: id().optional().describe('Only visits by this user (an id from `people`)'),
  organization: id().optional().describe('Only visits by people of this organization (an id from `organizations`)'),
  action: z.enum(ACCESS_LOG_ACTIONS).optional().describe('Only visits that viewed, changed, or were refused something'),
  from: adminDate().optional().describe('Visits that started on or after this day (county date, Pacific time)'),
  to: adminDate().optional().describe('Visits that started on or before this day (county date, Pacific time)'),
};

const toNotBeforeFrom = <T extends { from?: string; to?: string }>(q: T) => !q.from || !q.to || q.to >= q.from;
const rangeMessage = {
  message: 'to cannot be before from',
  path: ['to'],
  params: { code: 'end_before_start' },
};

export const AccessLogQuery = z
  .object({ ...filters, ...pageQuery(ACCESS_LOG_SORTS, { sort: 'time', dir: 'desc' }) })
  .strict()
  .refine(toNotBeforeFrom, rangeMessage);
export type AccessLogQuery = z.infer<typeof AccessLogQuery>;

export const AccessLogCsvQuery = z
  .object({
    ...filters,
    sort: AccessLogQuery.shape.sort,
    dir: AccessLogQuery.shape.dir,
    lang: exportLanguage(),
  })
  .strict()
  .refine(toNotBeforeFrom, rangeMessage);
export type AccessLogCsvQuery = z.infer<typeof AccessLogCsvQuery>;

const Kinds = z.array(z.enum(RECORD_KINDS));

export const AccessLogVisit = z.object({
  start: z.string().describe('The first event of the visit (ISO instant; show it in county time)'),
  end: z.string().describe('The last event of the visit'),
  actor: z
    .object({
      id: z.string(),
      name: z.string(),
      organization: z.string().nullable(),
      roles: z.array(z.string()),
    })
    .nullable()
    .describe('Null for Harbor itself (imports, scheduled jobs)'),
  viewed: Kinds.describe('What the person looked at, as record kinds'),
  changed: Kinds.describe('What the person changed'),
  refused: Kinds.describe('What the person asked for and was refused'),
  categories: z.array(z.enum(FIELD_CATEGORIES)).describe('The kinds of information the visit touched'),
  events: z.number().int().describe('How many audited requests the visit folds together'),
});
export type AccessLogVisit = z.infer<typeof AccessLogVisit>;

const Option = z.object({ id: z.string(), name: z.string() });

export const AccessLog = z.object({
  visits: z.array(AccessLogVisit),
  ...PageInfo,
  people: z.array(Option).describe('Everyone in this record’s log, for the person filter'),
  organizations: z.array(Option).describe('Every organization in this record’s log, for the organization filter'),
  visitGapMinutes: z.number().int().describe('The visit rule: a longer pause starts a new visit'),
  timeZone: z.string().describe('The county time zone dates are read in'),
});
export type AccessLog = z.infer<typeof AccessLog>;
