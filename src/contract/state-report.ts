// The state CSEC Program (issue 13; seed 004; docs/STATE-REPORT.md): the report's query and
// answer, County Plan figures, program participation, population denominators and counties'
// submissions. One shape for both versions of the report: in the public version counts may be
// "<11" and ratios derived from a hidden count are null with `suppressed: true`.
import { z } from 'zod';
import { CSEC_TYPE_CODES } from '../domain/csec-type.js';
import { adminDate, freeText, id } from './primitives.js';

const Day = adminDate();

/** A state fiscal year as the state writes it: "2015-16" (July 1, 2015 to June 30, 2016). */
export const FiscalYear = z
  .string()
  .regex(/^\d{4}-\d{2}$/, { message: 'must be a fiscal year written like 2015-16' })
  .refine((s) => (Number(s.slice(0, 4)) + 1) % 100 === Number(s.slice(5)), {
    message: 'the second year must follow the first, as in 2015-16',
  })
  .refine((s) => Number(s.slice(0, 4)) >= 2000 && Number(s.slice(0, 4)) <= 2098, {
    message: 'must be a fiscal year from 2000-01 to 2098-99',
  });

/** A county by its Harbor code ("los-angeles") or its FIPS code ("037"). */
export const CountyRef = z
  .string()
  .min(1)
  .max(40)
  .regex(/^[a-z0-9-]+$/, { message: 'must be a county code such as los-angeles, or a FIPS code such as 037' });

export const STATE_REPORT_VERSIONS = ['internal', 'public'] as const;

const Bool = z.enum(['true', 'false']).transform((v) => v === 'true');

export const StateReportQuery = z
  .object({
    from: Day.optional().describe('First day of the period (county date). Give from and to, or fiscalYear.'),
    to: Day.optional().describe('Last day of the period, included.'),
    fiscalYear: FiscalYear.optional().describe(
      'A state fiscal year (July 1 to June 30), e.g. 2015-16. Without from, to or fiscalYear: the fiscal year containing today.',
    ),
    planYear: FiscalYear.optional().describe(
      'The fiscal year whose County Plan figures and population denominators are set beside the count. Default: the fiscal year that overlaps the period most.',
    ),
    county: CountyRef.optional().describe(
      'One county (code or FIPS). County staff see their own county only; without it the state sees every county with data.',
    ),
    optedIn: Bool.optional().describe(
      'true: only counties opted in to the CSEC Program for the plan year (csec_program_participation).',
    ),
    version: z
      .enum(STATE_REPORT_VERSIONS)
      .optional()
      .describe('internal (the default) or public: counts of 1 to 10 shown as "<11", with complementary cells.'),
  })
  .strict();
export type StateReportQueryT = z.infer<typeof StateReportQuery>;

export const Count = z
  .union([z.number().int(), z.literal('<11')])
  .describe('A count; "<11" in the public version when it is from 1 to 10 or protects such a count');
export type CountT = z.infer<typeof Count>;

const TypeCode = z.enum(CSEC_TYPE_CODES);

export const TypeTableRow = z.object({
  type: TypeCode,
  /** Youth counted under this Type in Harbor's data (the state system's count). */
  youth: Count,
  /** The County Plans' figure for this Type; null when the plans did not break victims down by Type. */
  plans: Count.nullable(),
});

export const TypeTable = z.object({
  rows: z.array(TypeTableRow).describe('The six Types in the hierarchy, highest first'),
  victims: Count,
  atRisk: Count,
  plansVictims: Count.nullable(),
  plansAtRisk: Count.nullable(),
  /** Youth counted (victims + at risk). */
  total: Count,
});

export const DataQualityCounts = z.object({
  typesWithoutSubcategory: Count,
  referralOnlyYouth: Count,
  typesOutsidePeriod: Count,
  /** Case-counted Types with no case open on their start date (counted as case-associated, as the state did). */
  typesWithoutCase: Count,
  /** Open likely-duplicate pairs in the data-quality queue (same names and date of birth). */
  likelyDuplicates: Count,
  youthWithoutDateOfBirth: Count,
  /** Open items in the county's data-quality queue (every kind). */
  openDataQualityIssues: Count,
});
export type DataQualityCountsT = z.infer<typeof DataQualityCounts>;

export const CountyRow = z.object({
  code: z.string(),
  name: z.string(),
  fips: z.string().nullable(),
  optedIn: z.boolean().describe('Opted in to the CSEC Program for the plan year'),
  tier: z.enum(['I', 'II']).nullable(),
  allocationDollars: z.number().int().nullable(),
  victims: Count,
  atRisk: Count,
  population: z.number().int().nullable().describe('Youth aged 10-20 receiving child-welfare services, plan year'),
  /** victims / population; null when there is no denominator or (public) the count is hidden. */
  victimRatio: z.number().nullable(),
  plans: z
    .object({ victimsServed: Count, atRiskIdentified: Count })
    .nullable()
    .describe('The County Plan figures for the plan year, when entered'),
  victimsDifference: z
    .number()
    .int()
    .nullable()
    .describe('County Plans minus Harbor; null without plan figures or when hidden'),
  atRiskDifference: z.number().int().nullable(),
  dataQuality: DataQualityCounts,
});
export type CountyRowT = z.infer<typeof CountyRow>;

export const LIMITATION_CODES = [
  'types_without_subcategory',
  'referral_only_youth',
  'types_outside_period',
  'types_without_case',
  'likely_duplicates',
  'youth_without_date_of_birth',
  'counties_without_population',
  'counties_without_plans',
] as const;

export const Limitation = z.object({
  code: z.enum(LIMITATION_CODES),
  count: Count,
  /** The sentence in English and Spanish, with the count in it. */
  en: z.string(),
  es: z.string(),
});

export const StateReport = z.object({
  version: z.enum(STATE_REPORT_VERSIONS),
  period: z.object({ from: z.string(), to: z.string() }),
  planYear: z.string(),
  scope: z.object({
    kind: z.enum(['state', 'county']),
    optedInOnly: z.boolean(),
    counties: z.number().int().describe('How many counties the report covers'),
  }),
  /** The counting rule, printed on every output. */
  rule: z.object({ en: z.string(), es: z.string() }),
  generatedAt: z.string(),
  typeTable: TypeTable,
  /** Youth identified only during a hotline investigation: referral-associated Types only. */
  referralOnly: z.object({ rows: z.array(z.object({ type: TypeCode, youth: Count })), victims: Count, atRisk: Count }),
  counties: z.array(CountyRow),
  limitations: z.array(Limitation),
  suppression: z
    .object({ threshold: z.number().int(), note: z.string(), noteEs: z.string() })
    .nullable()
    .describe('Set in the public version'),
});
export type StateReportT = z.infer<typeof StateReport>;

// County Plans --------------------------------------------------------------------------------

const PlanCount = z.number().int().min(0).max(1_000_000);

/** Victims by victim Type, each optional (the County Plans had no "closed case, ILP" figure). */
export const VictimsByType = z
  .object({
    victim_during_care: PlanCount.optional(),
    victim_open_case_not_in_care: PlanCount.optional(),
    victim_absent_from_placement: PlanCount.optional(),
    victim_closed_case_ilp: PlanCount.optional(),
    victim_before_care: PlanCount.optional(),
  })
  .strict();

export const PlanFiguresInput = z
  .object({
    victimsServed: PlanCount,
    atRiskIdentified: PlanCount,
    /** Victims by victim Type, when the plan gave them; they must add up to victimsServed. */
    victimsByType: VictimsByType.nullable().optional(),
    note: freeText({ max: 2000 }).nullable().optional(),
    /** The version read, to refuse a stale save; absent when creating. */
    version: z.number().int().min(1).optional(),
  })
  .strict();
export type PlanFiguresInputT = z.infer<typeof PlanFiguresInput>;

export const PlanFigures = z.object({
  county: z.string(),
  countyName: z.string(),
  fiscalYear: z.string(),
  victimsServed: z.number().int(),
  atRiskIdentified: z.number().int(),
  victimsByType: z.record(z.string(), z.number().int()).nullable(),
  note: z.string().nullable(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type PlanFiguresT = z.infer<typeof PlanFigures>;

// Program participation and population --------------------------------------------------------

export const Participation = z.object({
  county: z.string(),
  countyName: z.string(),
  fiscalYear: z.string(),
  optedIn: z.boolean(),
  tier: z.enum(['I', 'II']).nullable(),
  allocationDollars: z.number().int().nullable(),
  population: z.number().int().nullable(),
});
export type ParticipationT = z.infer<typeof Participation>;

export const ParticipationInput = z
  .object({
    counties: z
      .array(
        z
          .object({
            county: CountyRef,
            optedIn: z.boolean(),
            tier: z.enum(['I', 'II']).nullable(),
            allocationDollars: z.number().int().min(0).max(1_000_000_000).nullable(),
          })
          .strict(),
      )
      .min(1)
      .max(58),
  })
  .strict();
export type ParticipationInputT = z.infer<typeof ParticipationInput>;

// Submissions ---------------------------------------------------------------------------------

export const SUBMISSION_STATUSES = ['draft', 'submitted', 'accepted', 'returned'] as const;

export const SubmissionFigures = z.object({
  typeTable: z.record(z.string(), z.number().int()),
  victims: z.number().int(),
  atRisk: z.number().int(),
  referralOnlyYouth: z.number().int(),
});

export const Submission = z.object({
  id: z.string(),
  county: z.string(),
  countyName: z.string(),
  period: z.object({ from: z.string(), to: z.string() }),
  status: z.enum(SUBMISSION_STATUSES),
  figures: SubmissionFigures,
  rowCount: z.number().int(),
  createdAt: z.string(),
  refreshedAt: z.string(),
  submittedAt: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reviewComments: z.string().nullable(),
  version: z.number().int(),
});
export type SubmissionT = z.infer<typeof Submission>;

export const SubmissionCreate = z.object({ from: Day, to: Day }).strict();
export const SubmissionAction = z.object({ version: z.number().int().min(1) }).strict();
export const SubmissionReturn = z
  .object({ version: z.number().int().min(1), comments: freeText({ min: 1, max: 4000 }) })
  .strict();
export const SubmissionParams = z.object({ id: id() }).strict();

export const SubmissionRollup = z.object({
  period: z.object({ from: z.string(), to: z.string() }),
  counties: z.array(
    z.object({
      county: z.string(),
      countyName: z.string(),
      status: z.enum(SUBMISSION_STATUSES).nullable(),
      submitted: SubmissionFigures.nullable(),
      /** What the imported extract (Harbor's data) says for the same county and period. */
      extract: SubmissionFigures,
    }),
  ),
  totals: z.object({ submitted: SubmissionFigures, extract: SubmissionFigures }),
});
export type SubmissionRollupT = z.infer<typeof SubmissionRollup>;

// Requests and answers of the program's routes (src/features/state-program/routes.ts) -----------

export const FiscalYearParams = z.object({ fiscalYear: FiscalYear }).strict();

export const PlanFiguresQuery = z
  .object({
    fiscalYear: FiscalYear.optional().describe('One fiscal year, e.g. 2015-16; without it, every year entered'),
  })
  .strict();
export const PlanFiguresList = z.array(PlanFigures);

export const ParticipationQuery = z
  .object({
    fiscalYear: FiscalYear.optional().describe('A state fiscal year, e.g. 2016-17; default: the one containing today'),
  })
  .strict();
export const ParticipationList = z.array(Participation).describe("California's 58 counties, by name");

/** Codes of the population file's errors: one per line and column (line 0: the whole file). */
export const POPULATION_ERROR_CODES = [
  'empty_file',
  'invalid_utf8',
  'unclosed_quote',
  'stray_quote',
  'missing_column',
  'duplicate_column',
  'wrong_field_count',
  'required',
  'too_long',
  'control_character',
  'unknown_county',
  'invalid_fiscal_year',
  'invalid_count',
  'duplicate_row',
  'too_many_errors',
] as const;
export type PopulationErrorCode = (typeof POPULATION_ERROR_CODES)[number];

export const PopulationError = z.object({
  line: z.number().int().min(0).describe('The line in the file (the header is line 1); 0 for the whole file'),
  column: z.string().nullable(),
  code: z.enum(POPULATION_ERROR_CODES),
  message: z.string().describe('English, for the command line and API clients'),
});
export type PopulationErrorT = z.infer<typeof PopulationError>;

/** The most a population file may hold (413 payload_too_large above it). */
export const MAX_POPULATION_BYTES = 5 * 1024 * 1024;

/** The request body: the CSV itself, sent as text/csv (documented as binary). */
export const PopulationUploadBody = z.unknown().meta({
  type: 'string',
  format: 'binary',
  description:
    'A CSV file (UTF-8, at most 5 MB) with the columns county (a name such as "Los Angeles" or "Los Angeles ' +
    'County", or a FIPS code such as 037), fiscal_year (e.g. 2015-16) and youth_10_20_in_child_welfare (a whole ' +
    'number). Content-Type: text/csv.',
});

export const PopulationImportResult = z.object({
  inserted: z.number().int().describe('County and fiscal year pairs new in Harbor'),
  updated: z.number().int().describe('Pairs Harbor had, now with the file’s figure'),
});
export type PopulationImportResultT = z.infer<typeof PopulationImportResult>;

export const SubmissionList = z.array(Submission);
export const SubmissionListQuery = z
  .object({
    from: Day.optional().describe('Only submissions whose period ends on or after this day'),
    to: Day.optional().describe('Only submissions whose period starts on or before this day'),
  })
  .strict();
export const SubmissionRollupQuery = z
  .object({ from: Day.describe('First day of the period'), to: Day.describe('Last day of the period, included') })
  .strict();
