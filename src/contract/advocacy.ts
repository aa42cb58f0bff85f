// Request and response shapes for advocacy: contracts, vetting, referrals, performance issues
// and flags. The rules behind them are in src/domain/advocacy.ts.
import { z } from 'zod';
import {
  CLEARANCE_KINDS,
  CLOSE_REASONS,
  CONTRACT_SERVICES,
  DECLINE_REASONS,
  FLAG_KINDS,
  ISSUE_CATEGORIES,
  ISSUE_SEVERITIES,
  ISSUE_STATUSES,
  MILESTONE_KINDS,
  REFERRAL_STATES,
  REFERRAL_URGENCIES,
} from '../domain/advocacy.js';
import { adminDate, freeText, id, isoDateTime, line, pastDate } from './primitives.js';
import { YouthId } from './youth.js';

const date = adminDate();
const when = isoDateTime();
/** A record id; `what` documents which record. */
const uuid = (what: string) => id().describe(`The id of ${what.replace(/^an? /, 'the ').replace(/ id$/, '')}`);

export const OrgParam = z.object({ organizationId: uuid('an organization id').describe('The CBO (organization id)') });
export const ContractParam = z.object({ contractId: uuid('a contract id') });
export const ReferralParam = z.object({ referralId: uuid('a referral id') });
export const IssueParam = z.object({ issueId: uuid('a performance issue id') });
export const FlagParam = z.object({ flagId: uuid('a flag id') });
export const ApprovalParam = z.object({ approvalId: uuid('an approval id') });
export const YouthReferralParam = YouthId.extend({ referralId: uuid('a referral id') });

/** The answer to a record created with nothing more to say: its id. */
export const Created = z.object({ id: z.string() });

const contractFields = {
  organizationId: uuid('an organization id').describe('The CBO contracted (organization of type advocacy_cbo)'),
  contractingOrganizationId: uuid('an organization id').describe(
    'The county department that contracts (probation in LA)',
  ),
  reference: line({ min: 2, max: 120 }).describe('The contract number or reference'),
  startsOn: date,
  endsOn: date,
  fundingSource: line({ min: 2, max: 200 }).describe('The funding source'),
  services: z
    .array(z.enum(CONTRACT_SERVICES))
    .min(1, 'choose at least one contracted service')
    .max(CONTRACT_SERVICES.length),
  capacity: z
    .number()
    .int()
    .min(1, 'capacity must be at least 1 youth at a time')
    .max(100_000)
    .describe('Youth served at a time'),
  firstContactHours: z
    .number()
    .int()
    .min(1)
    .max(720)
    .default(24)
    .describe('Response-time term: first contact within this many hours of referral'),
  responseTerms: freeText({ max: 2000 }).nullable().optional().describe('Other response-time terms, in words'),
  documentRefs: z
    .array(line({ min: 1, max: 500 }))
    .max(50)
    .default([])
    .describe("References to the contract's documents"),
  terminatedOn: date.nullable().optional().describe('Ended early on this date'),
};
export const ContractCreate = z.object(contractFields).strict();
export const ContractUpdate = z
  .object(contractFields)
  .partial()
  .extend({ version: z.number().int().min(1).describe('The version you loaded (optimistic concurrency)') })
  .strict();

export const ContractView = z.object({
  id: z.string(),
  organizationId: z.string(),
  organization: z.string(),
  contractingOrganizationId: z.string(),
  contractingOrganization: z.string(),
  reference: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  fundingSource: z.string(),
  services: z.array(z.enum(CONTRACT_SERVICES)),
  capacity: z.number(),
  firstContactHours: z.number(),
  responseTerms: z.string().nullable(),
  documentRefs: z.array(z.string()),
  terminatedOn: z.string().nullable(),
  activeToday: z.boolean(),
  version: z.number(),
});
export type ContractViewT = z.infer<typeof ContractView>;
export type ContractView = ContractViewT;
export const ContractList = z.object({ contracts: z.array(ContractView) });

export const ContractListQuery = z.object({ organizationId: uuid('an organization id').optional() }).strict();
export const ActiveCbosQuery = z.object({ on: date.optional().describe('Default: today (county time)') }).strict();
export const ActiveOrganizations = z.object({
  on: z.string(),
  organizations: z.array(
    z.object({
      organizationId: z.string(),
      name: z.string(),
      contractId: z.string(),
      services: z.array(z.string()).describe('Contracted services (CONTRACT_SERVICES)'),
      firstContactHours: z.number(),
    }),
  ),
});
export type ActiveOrganizations = z.infer<typeof ActiveOrganizations>;

// Vetting -------------------------------------------------------------------------------------

export const ClearanceCreate = z
  .object({ kind: z.enum(CLEARANCE_KINDS), clearedOn: pastDate(), expiresOn: date.nullable().optional() })
  .strict()
  .refine((c) => !c.expiresOn || c.expiresOn >= c.clearedOn, {
    message: 'expiresOn cannot be before clearedOn',
    path: ['expiresOn'],
    params: { code: 'end_before_start' },
  });
export const TrainingCreate = z
  .object({
    trainingKey: z
      .string()
      .trim()
      .regex(/^[a-z0-9_]{2,40}$/, 'is not a training key (see county settings, advocacy.requiredTrainings)'),
    completedOn: pastDate(),
    expiresOn: date.nullable().optional(),
  })
  .strict()
  .refine((c) => !c.expiresOn || c.expiresOn >= c.completedOn, {
    message: 'expiresOn cannot be before completedOn',
    path: ['expiresOn'],
    params: { code: 'end_before_start' },
  });
export const ApprovalCreate = z
  .object({
    contractingOrganizationId: uuid('an organization id').describe('The contracting department giving the approval'),
    approvedOn: date,
    approvedUntil: date,
  })
  .strict()
  .refine((c) => c.approvedUntil >= c.approvedOn, {
    message: 'approvedUntil cannot be before approvedOn',
    path: ['approvedUntil'],
    params: { code: 'end_before_start' },
  });
export const ApprovalRevoke = z
  .object({ revokedOn: date, reason: freeText({ min: 3, max: 1000 }).describe('Why the approval is revoked') })
  .strict();
export const ApprovalRevoked = z.object({ id: z.string(), revokedOn: z.string() });
export const AdvocateParam = z.object({ userId: uuid('a user id').describe('The advocate') });

const VettingItem = z.object({
  item: z.enum(['clearance', 'training', 'approval']),
  key: z.string().nullable().describe("The clearance kind or the county's training key; null for an approval"),
  what: z.string().describe('English, for exports; screens translate item and key'),
  endsOn: z.string(),
});
/** One vetting gap as a code the web translates (src/domain/advocacy.ts VettingGap), with its facts. */
export const VettingGapItem = z.object({
  code: z.enum([
    'clearance_missing',
    'clearance_expired',
    'training_missing',
    'training_expired',
    'approval_missing',
    'approval_ended',
  ]),
  kind: z.string().optional().describe('The clearance: background or security'),
  date: z.string().optional().describe('When the clearance expired or the approval ended'),
  training: z.string().optional().describe("The training's key in county settings"),
  label: z.string().optional().describe("The training's name as the county wrote it"),
});
export type VettingGapItem = z.infer<typeof VettingGapItem>;
export const AdvocateVetting = z.object({
  userId: z.string(),
  name: z.string(),
  organizationId: z.string(),
  organization: z.string(),
  cleared: z.boolean().describe('True when nothing is missing today: the advocate may be assigned'),
  gaps: z.array(z.string()).describe('What the advocate lacks today, in English words'),
  gapItems: z.array(VettingGapItem).describe('The same gaps as codes the web translates'),
  expiring: z.array(VettingItem).describe('Items ending within the county warning window (vettingWarningDays)'),
  clearances: z.array(
    z.object({ id: z.string(), kind: z.string(), clearedOn: z.string(), expiresOn: z.string().nullable() }),
  ),
  trainings: z.array(
    z.object({ id: z.string(), trainingKey: z.string(), completedOn: z.string(), expiresOn: z.string().nullable() }),
  ),
  approvals: z.array(
    z.object({
      id: z.string(),
      contractingOrganizationId: z.string(),
      approvedBy: z.string(),
      approvedOn: z.string(),
      approvedUntil: z.string(),
      revokedOn: z.string().nullable(),
      revokeReason: z.string().nullable(),
    }),
  ),
});
export type AdvocateVettingT = z.infer<typeof AdvocateVetting>;
export type AdvocateVetting = AdvocateVettingT;
export const Roster = z.object({ on: z.string(), warningDays: z.number(), advocates: z.array(AdvocateVetting) });
export type Roster = z.infer<typeof Roster>;
export const ExpiringQuery = z.object({ organizationId: uuid('an organization id').optional() }).strict();
export const ExpiringList = z.object({
  on: z.string(),
  warningDays: z.number(),
  items: z.array(
    z.object({
      userId: z.string(),
      name: z.string(),
      organizationId: z.string(),
      organization: z.string(),
      item: z.enum(['clearance', 'training', 'approval']),
      key: z.string().nullable(),
      what: z.string().describe('English, for exports; screens translate item and key'),
      endsOn: z.string(),
    }),
  ),
});

// Referrals -----------------------------------------------------------------------------------

export const ReferralCreate = z
  .object({
    organizationId: uuid('an organization id').describe(
      'The CBO (must hold an active advocacy contract on the referral date)',
    ),
    referredAt: when.optional().describe('Default: now'),
    reason: freeText({ min: 3, max: 5000 }).describe('Why the youth is referred'),
    urgency: z.enum(REFERRAL_URGENCIES).default('routine'),
  })
  .strict();

const at = when
  .optional()
  .describe('When it happened (default: now); never in the future, never before the previous step');
const version = z.number().int().min(1).describe('The referral version you loaded (optimistic concurrency)');
export const StepBase = z.object({ version, at }).strict();
export const DeclineBody = z
  .object({ version, at, reason: z.enum(DECLINE_REASONS), note: freeText({ max: 2000 }).optional() })
  .strict();
export const AssignBody = z
  .object({ version, at, advocateUserId: uuid('a user id').describe('An advocate of the CBO, vetted on that date') })
  .strict();
export const CloseBody = z
  .object({ version, at, reason: z.enum(CLOSE_REASONS), note: freeText({ max: 2000 }).optional() })
  .strict();
export const MilestoneBody = z
  .object({
    kind: z.enum(MILESTONE_KINDS as [string, ...string[]]),
    at,
    serviceEpisodeId: uuid('a service episode id')
      .optional()
      .describe('Required for linked_to_service: the service episode of the same youth'),
    note: freeText({ max: 2000 }).optional(),
  })
  .strict();

export const ReferralEvent = z.object({
  state: z.string(),
  at: z.string(),
  recordedBy: z.string(),
  detail: z.record(z.string(), z.unknown()),
});
export const Milestone = z.object({
  id: z.string(),
  kind: z.string(),
  at: z.string(),
  serviceEpisodeId: z.string().nullable(),
  note: z.string().nullable(),
});
export const ReferralView = z.object({
  id: z.string(),
  youthId: z.string(),
  youthName: z.string().nullable().describe("Shown only when the user's own relation to the youth grants identity"),
  youthClientId: z
    .string()
    .nullable()
    .describe(
      'For a youth with no names on record (a state extract), shown under the same rule as the name: their state client id',
    ),
  organizationId: z.string(),
  organization: z.string(),
  contractId: z.string(),
  referredBy: z.string(),
  referredByOrganization: z.string(),
  referredAt: z.string(),
  reason: z
    .string()
    .nullable()
    .describe(
      "Why the youth is referred: only the organization the referral is addressed to and the youth's case carriers (assigned workers and their supervision chain) see it",
    ),
  reasonHidden: z
    .boolean()
    .describe(
      'True when the reason and the free-text notes (timeline and milestone notes) are withheld from this user; they exist but are not shown',
    ),
  urgency: z.enum(REFERRAL_URGENCIES),
  state: z.enum(REFERRAL_STATES),
  declineReason: z.string().nullable(),
  advocateUserId: z.string().nullable(),
  advocate: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  declinedAt: z.string().nullable(),
  advocateAssignedAt: z.string().nullable(),
  firstContactAt: z.string().nullable(),
  engagedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  closeReason: z.string().nullable(),
  firstContactDueAt: z.string().nullable(),
  version: z.number(),
  timeline: z.array(ReferralEvent),
  milestones: z.array(Milestone),
});
export type ReferralViewT = z.infer<typeof ReferralView>;
export type ReferralView = ReferralViewT;
/** The answer to a close on the youth's record: the referral, and whether the closer's access to the youth ended with it. */
export const ClosedReferralView = ReferralView.extend({
  accessEnded: z
    .boolean()
    .describe(
      "True when the closer (the assigned advocate) can no longer open the youth's record: the page should leave it, not reload it",
    ),
});
export type ClosedReferralView = z.infer<typeof ClosedReferralView>;
export const ReferralList = z.object({ referrals: z.array(ReferralView) });
export type ReferralList = z.infer<typeof ReferralList>;
export const InboxQuery = z
  .object({ organizationId: uuid('an organization id').optional(), state: z.enum(REFERRAL_STATES).optional() })
  .strict();

// Performance issues and flags ----------------------------------------------------------------

const issueFields = {
  organizationId: uuid('an organization id'),
  contractId: uuid('a contract id').nullable().optional(),
  raisedOn: date,
  category: z.enum(ISSUE_CATEGORIES),
  description: freeText({ min: 3, max: 5000 }).describe('The issue'),
  severity: z.enum(ISSUE_SEVERITIES),
  recommendation: freeText({ min: 3, max: 5000 }).describe('The recommendation for improvement'),
  ownerUserId: uuid('a user id').nullable().optional(),
};
export const IssueCreate = z.object(issueFields).strict();
export const IssueUpdate = z
  .object({
    version,
    category: issueFields.category.optional(),
    description: issueFields.description.optional(),
    severity: issueFields.severity.optional(),
    recommendation: issueFields.recommendation.optional(),
    ownerUserId: issueFields.ownerUserId,
    status: z.enum(['open', 'in_progress']).optional().describe('Use the resolve route to resolve'),
  })
  .strict();
export const IssueResolve = z
  .object({ version, resolution: freeText({ min: 3, max: 5000 }).describe('How it was resolved'), resolvedOn: date })
  .strict();
export const IssueView = z.object({
  id: z.string(),
  organizationId: z.string(),
  organization: z.string(),
  contractId: z.string().nullable(),
  raisedOn: z.string(),
  category: z.enum(ISSUE_CATEGORIES),
  description: z.string(),
  severity: z.enum(ISSUE_SEVERITIES),
  recommendation: z.string(),
  ownerUserId: z.string().nullable(),
  owner: z.string().nullable(),
  status: z.enum(ISSUE_STATUSES),
  resolution: z.string().nullable(),
  resolvedOn: z.string().nullable(),
  version: z.number(),
});
export type IssueViewT = z.infer<typeof IssueView>;
export type IssueView = IssueViewT;
export const IssueList = z.object({ issues: z.array(IssueView) });
export const IssueListQuery = z
  .object({ organizationId: uuid('an organization id').optional(), status: z.enum(ISSUE_STATUSES).optional() })
  .strict();

export const FlagView = z.object({
  id: z.string(),
  organizationId: z.string(),
  organization: z.string(),
  kind: z.enum(Object.keys(FLAG_KINDS) as [keyof typeof FLAG_KINDS, ...(keyof typeof FLAG_KINDS)[]]),
  subjectId: z
    .string()
    .describe('The referral the finding is about (for lapsed_vetting the advocate is in detail.advocateUserId)'),
  observedOn: z.string(),
  detail: z.record(z.string(), z.unknown()),
  status: z.enum(['candidate', 'confirmed', 'dismissed']),
  decisionNote: z.string().nullable(),
  issueId: z.string().nullable(),
});
export type FlagView = z.infer<typeof FlagView>;
export const FlagList = z.object({ flags: z.array(FlagView) });
export const FlagsAdded = z.object({ added: z.number() });
export const FlagListQuery = z
  .object({
    organizationId: uuid('an organization id').optional(),
    status: z.enum(['candidate', 'confirmed', 'dismissed']).optional(),
  })
  .strict();
export const FlagConfirm = z
  .object({
    severity: z.enum(ISSUE_SEVERITIES),
    description: freeText({ min: 3, max: 5000 }).optional().describe('Default: what the flag found'),
    recommendation: freeText({ min: 3, max: 5000 }).describe('The recommendation for improvement'),
    ownerUserId: uuid('a user id').nullable().optional(),
  })
  .strict();
export const FlagDismiss = z
  .object({ note: freeText({ min: 3, max: 2000 }).describe('Why the flag is dismissed') })
  .strict();
export type ExpiringList = z.infer<typeof ExpiringList>;
