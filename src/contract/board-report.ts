// The Board's four-monthly advocacy report (issue 6, DOMAIN.md section 7): the query and the
// answer. One shape for both versions: in the public version counts may be "<11", figures
// derived from a hidden count read "suppressed", and free text (issue descriptions,
// recommendations, decline reasons per organization) is left out.
import { z } from 'zod';
import {
  BOARD_REPORT_PERIODS,
  BOARD_REPORT_VERSIONS,
  ISSUE_CATEGORIES,
  ISSUE_SEVERITIES,
  ISSUE_STATUSES,
} from '../domain/advocacy.js';
import { adminDate } from './primitives.js';

const Day = adminDate();

export const BoardReportQuery = z
  .object({
    from: Day.optional().describe('First day of the range (county date). Give from and to, or period.'),
    to: Day.optional().describe('Last day of the range, inclusive (county date).'),
    period: z
      .enum(BOARD_REPORT_PERIODS)
      .optional()
      .describe(
        "The county's reporting period containing today, or the one before it (county setting advocacy.reportPeriodStartMonths)",
      ),
    version: z
      .enum(BOARD_REPORT_VERSIONS)
      .optional()
      .describe(
        'internal (county admins and analysts; the default for them) or public (small cells suppressed; the only version state analysts see)',
      ),
  })
  .strict();
export type BoardReportQueryT = z.infer<typeof BoardReportQuery>;

export const Count = z
  .union([z.number().int(), z.literal('<11')])
  .describe('A count; "<11" in the public version when it is from 1 to 10 or protects such a count');
/** A share or a median: null when there is nothing to compute it from. */
const Derived = z
  .union([z.number(), z.literal('suppressed')])
  .nullable()
  .describe(
    'null when there is nothing to compute it from; "suppressed" in the public version when it derives from a hidden count or from fewer than 11 values',
  );

export const Period = z.object({ from: z.string(), to: z.string(), label: z.string() });

export const Measures = z.object({
  referrals: Count.describe('Referrals made to the organization in the period (referred_at in the period)'),
  declined: Count.describe('Of those, referrals the organization declined'),
  notDeclined: Count.describe('Of those, referrals not declined: the denominator of the first-contact share'),
  reachedOnTime: Count.describe('Referrals not declined whose first contact came within the contract term'),
  reachedOnTimeShare: Derived.describe('reachedOnTime / notDeclined, 0 to 1'),
  recoveredYouth: Count.describe('Distinct youth recovered and connected to services (see definitions.recovered)'),
  medianDaysToFirstContact: Derived.describe(
    'Median days from referral to first contact, over referrals with a first contact',
  ),
  medianDaysToFirstService: Derived.describe(
    'Median days from referral to the start of the first service the advocate linked, over referrals with one',
  ),
});

export const IssueCounts = z.object({
  open: z.number().int().describe('Raised by the end of the period and not resolved by then'),
  resolved: z.number().int().describe('Resolved within the period'),
  byCategory: z.array(
    z.object({ category: z.enum(ISSUE_CATEGORIES), open: z.number().int(), resolved: z.number().int() }),
  ),
});

export const IssueItem = z.object({
  id: z.string(),
  raisedOn: z.string(),
  category: z.enum(ISSUE_CATEGORIES),
  severity: z.enum(ISSUE_SEVERITIES),
  description: z.string(),
  recommendation: z.string(),
  owner: z.string().nullable(),
  status: z.enum(ISSUE_STATUSES).describe('Status today'),
  atPeriodEnd: z.enum(['open', 'resolved']).describe('Whether it was open or resolved at the end of the period'),
  resolvedOn: z.string().nullable(),
  resolution: z.string().nullable(),
});

export const CboRow = Measures.extend({
  organizationId: z.string(),
  name: z.string(),
  contracts: z.array(
    z.object({ reference: z.string(), startsOn: z.string(), endsOn: z.string(), firstContactHours: z.number().int() }),
  ),
  declineReasons: z
    .array(z.object({ reason: z.string(), count: z.number().int() }))
    .describe('Internal version only (empty in the public version)'),
  issueCounts: IssueCounts,
  issues: z.array(IssueItem).describe('Internal version only (empty in the public version)'),
});

export const CountySummary = Measures.extend({
  recoveredYouthDistinct: z
    .number()
    .int()
    .nullable()
    .describe(
      'Distinct youth county-wide: a youth recovered by two organizations counts once (internal version only; null in public)',
    ),
  recoveredYouth: Count.describe(
    'Sum of the per-organization counts (a youth recovered by two organizations counts in each)',
  ),
  issueCounts: IssueCounts,
});

export const BoardReport = z.object({
  version: z.enum(BOARD_REPORT_VERSIONS),
  county: z.string(),
  period: Period,
  generatedAt: z.string(),
  definitions: z.object({
    recovered: z.string(),
    recoveredEs: z.string(),
    recoveredWindowDays: z.number().int(),
    reachedOnTime: z.string(),
    medians: z.string(),
    countyTotals: z.string(),
    issues: z.string(),
  }),
  suppression: z.string().nullable().describe('The footnote on small-cell suppression (public version), else null'),
  cbos: z.array(CboRow),
  summary: CountySummary,
  series: z
    .array(z.object({ period: Period, summary: CountySummary }))
    .describe('The last six reporting periods ending with the one containing "to", oldest first, for the charts'),
});
export type BoardReportT = z.infer<typeof BoardReport>;
export type CboRowT = z.infer<typeof CboRow>;
export type CountySummaryT = z.infer<typeof CountySummary>;
export type MeasuresT = z.infer<typeof Measures>;
export type CountT = z.infer<typeof Count>;
export type DerivedT = z.infer<typeof Derived>;
