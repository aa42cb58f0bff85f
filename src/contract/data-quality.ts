// The data-quality queue: soft gaps in imported history (and in records kept in Harbor) that a
// supervisor works through, fixing what can be fixed here or marking it reviewed. The detection
// is src/features/data-quality/detect.ts; the table is data_quality_issues (migration 0014).
// Nothing here carries a youth's name or date of birth: a row names the youth by the state's
// client id and says what is wrong with dates and Types.
import { z } from 'zod';
import { CSEC_TYPE_CODES } from '../domain/csec-type.js';
import { DATE_OF_BIRTH_MIN, countyToday, dateOfBirth, freeText, id, isoDate, line } from './primitives.js';

/** The kinds of problem, in the order the web lists them. */
export const DATA_QUALITY_KINDS = [
  'missing_subcategory',
  'missing_end_date',
  'dates_out_of_order',
  'age_out_of_range',
  'missing_date_of_birth',
  'type_without_case_or_referral',
  'missing_names',
  'likely_duplicate',
] as const;
export type DataQualityKind = (typeof DATA_QUALITY_KINDS)[number];

export const DATA_QUALITY_RECORD_KINDS = ['client', 'referral', 'case', 'csec_type'] as const;
export type DataQualityRecordKind = (typeof DATA_QUALITY_RECORD_KINDS)[number];

/** Which record each kind is about: a CSEC Type record, or the youth (client) itself. */
export const RECORD_KIND_OF: Record<DataQualityKind, DataQualityRecordKind> = {
  missing_subcategory: 'csec_type',
  missing_end_date: 'csec_type',
  dates_out_of_order: 'csec_type',
  age_out_of_range: 'csec_type',
  missing_date_of_birth: 'client',
  type_without_case_or_referral: 'csec_type',
  missing_names: 'client',
  likely_duplicate: 'client',
};

export const DATA_QUALITY_STATUSES = ['open', 'reviewed', 'fixed'] as const;
export type DataQualityStatus = (typeof DATA_QUALITY_STATUSES)[number];

/** A fix's fields, by kind: what the fix form asks for. Null: not fixable from the queue. */
export const FIX_FIELDS: Record<DataQualityKind, readonly FixField[] | null> = {
  missing_subcategory: ['subcategory'],
  missing_end_date: ['endDate'],
  dates_out_of_order: ['startDate', 'endDate'],
  age_out_of_range: ['dateOfBirth'],
  missing_date_of_birth: ['dateOfBirth'],
  type_without_case_or_referral: null,
  missing_names: null,
  likely_duplicate: null,
};
export type FixField = 'subcategory' | 'dateOfBirth' | 'startDate' | 'endDate';

/** Youth younger than this or older than MAX on a Type's start date are queued (age_out_of_range). */
export const AGE_MIN = 10;
export const AGE_MAX = 21;

export const DataQualityParams = z.object({ id: id().describe('The id of the data-quality issue') });

const filters = {
  kind: z.enum(DATA_QUALITY_KINDS).optional().describe('One kind of problem; default: every kind'),
  status: z
    .enum([...DATA_QUALITY_STATUSES, 'all'])
    .default('open')
    .describe('open (default), reviewed, fixed or all'),
};

export const DataQualityQuery = z
  .object({
    ...filters,
    limit: z.coerce.number().int().min(1).max(500).default(50),
    offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
  })
  .strict();
export type DataQualityQuery = z.infer<typeof DataQualityQuery>;

export const DataQualityCsvQuery = z.object(filters).strict();
export type DataQualityCsvQuery = z.infer<typeof DataQualityCsvQuery>;

export const DataQualityDetails = z
  .object({
    type: z.enum(CSEC_TYPE_CODES).optional().describe('The CSEC Type (record kind csec_type)'),
    startDate: z.string().optional(),
    endDate: z.string().optional(),
    age: z.number().optional().describe('age_out_of_range: the age in whole years on the start date'),
    reason: z
      .enum(['end_before_start', 'start_before_birth'])
      .optional()
      .describe('dates_out_of_order: which dates are out of order'),
    clientId: z.string().optional(),
    otherClientId: z.string().optional(),
  })
  .catchall(z.unknown())
  .describe('What a worker needs to act: dates, Type, age, state client ids; never a name or a date of birth');

export const DataQualityIssueView = z.object({
  id: z.string(),
  kind: z.enum(DATA_QUALITY_KINDS),
  recordKind: z.enum(DATA_QUALITY_RECORD_KINDS),
  recordId: z.string().describe('The CSEC Type record, or the youth for client kinds'),
  youthId: z.string(),
  clientId: z.string().nullable().describe("The youth's state client id (CWS/CMS), if recorded"),
  otherYouthId: z.string().nullable().describe('likely_duplicate: the other youth'),
  otherClientId: z.string().nullable(),
  details: DataQualityDetails,
  status: z.enum(DATA_QUALITY_STATUSES),
  detectedAt: z.string(),
  resolvedAt: z.string().nullable(),
  note: z.string().nullable(),
  version: z.number(),
});
export type DataQualityIssueView = z.infer<typeof DataQualityIssueView>;

export const DataQualityList = z.object({
  counts: z
    .object(Object.fromEntries(DATA_QUALITY_KINDS.map((k) => [k, z.number()])) as Record<DataQualityKind, z.ZodNumber>)
    .describe('Open issues of the county by kind, every kind present'),
  total: z.number().describe('Issues matching the filters (for paging)'),
  items: z.array(DataQualityIssueView),
});
export type DataQualityList = z.infer<typeof DataQualityList>;

const version = z.number().int().min(1).describe('The version of the issue you loaded');
const note = freeText({ max: 2000 });

export const DataQualityReview = z
  .object({ version, note: note.optional().describe('Why it is right as it is, or what was done') })
  .strict();
export type DataQualityReview = z.infer<typeof DataQualityReview>;

export const DataQualityFix = z
  .object({
    version,
    subcategory: line({ min: 2, max: 200 }).optional().describe('missing_subcategory: the allegation subcategory'),
    dateOfBirth: dateOfBirth().optional().describe('missing_date_of_birth, age_out_of_range'),
    startDate: isoDate({ min: DATE_OF_BIRTH_MIN, max: countyToday, futureCode: true })
      .optional()
      .describe("dates_out_of_order: the Type's start date"),
    endDate: isoDate({ min: DATE_OF_BIRTH_MIN })
      .optional()
      .describe("missing_end_date, dates_out_of_order: the Type's end date"),
    note: note.optional(),
  })
  .strict();
export type DataQualityFix = z.infer<typeof DataQualityFix>;

export const DataQualityFixResult = z.object({
  issue: DataQualityIssueView,
  cured: z
    .boolean()
    .describe('true: the problem is gone and the issue is fixed; false: the record changed but the problem remains'),
  opened: z.number().describe('Other problems the change brought to light, now open in the queue'),
});
export type DataQualityFixResult = z.infer<typeof DataQualityFixResult>;
