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
} from '../../domain/advocacy.js';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'use a date like 2026-11-21');
const when = z
  .string()
  .datetime({ offset: true, message: 'use a date and time with offset, like 2026-11-21T10:00:00-08:00' });
const uuid = (what: string) => z.string().uuid(`is not ${what}`);

export const OrgParam = z.object({ organizationId: uuid('an organization id').describe('The CBO (organization id)') });
export const ContractParam = z.object({ contractId: uuid('a contract id') });
export const ReferralParam = z.object({ referralId: uuid('a referral id') });
export const IssueParam = z.object({ issueId: uuid('a performance issue id') });
export const FlagParam = z.object({ flagId: uuid('a flag id') });
export const ApprovalParam = z.object({ approvalId: uuid('an approval id') });

const contractFields = {
  organizationId: uuid('an organization id').describe('The CBO contracted (organization of type advocacy_cbo)'),
  contractingOrganizationId: uuid('an organization id').describe(
    'The county department that contracts (probation in LA)',
  ),
  reference: z.string().trim().min(2, 'give the contract number or reference').max(120),
  startsOn: date,
  endsOn: date,
  fundingSource: z.string().trim().min(2, 'name the funding source').max(200),
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
  responseTerms: z.string().trim().max(2000).nullable().optional().describe('Other response-time terms, in words'),
  documentRefs: z
    .array(z.string().trim().min(1).max(500))
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

export const ContractListQuery = z.object({ organizationId: uuid('an organization id').optional() }).strict();
export const ActiveCbosQuery = z.object({ on: date.optional().describe('Default: today (county time)') }).strict();

// Vetting -------------------------------------------------------------------------------------

export const ClearanceCreate = z
  .object({ kind: z.enum(CLEARANCE_KINDS), clearedOn: date, expiresOn: date.nullable().optional() })
  .strict()
  .refine((c) => !c.expiresOn || c.expiresOn >= c.clearedOn, {
    message: 'expiresOn cannot be before clearedOn',
    path: ['expiresOn'],
  });
export const TrainingCreate = z
  .object({
    trainingKey: z
      .string()
      .trim()
      .regex(/^[a-z0-9_]{2,40}$/, 'is not a training key (see county settings, advocacy.requiredTrainings)'),
    completedOn: date,
    expiresOn: date.nullable().optional(),
  })
  .strict()
  .refine((c) => !c.expiresOn || c.expiresOn >= c.completedOn, {
    message: 'expiresOn cannot be before completedOn',
    path: ['expiresOn'],
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
  });
export const ApprovalRevoke = z
  .object({ revokedOn: date, reason: z.string().trim().min(3, 'say why the approval is revoked').max(1000) })
  .strict();
export const AdvocateParam = z.object({ userId: uuid('a user id').describe('The advocate') });

const VettingItem = z.object({ what: z.string(), endsOn: z.string() });
export const AdvocateVetting = z.object({
  userId: z.string(),
  name: z.string(),
  organizationId: z.string(),
  organization: z.string(),
  cleared: z.boolean().describe('True when nothing is missing today: the advocate may be assigned'),
  gaps: z.array(z.string()).describe('What the advocate lacks today, in words'),
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
export const Roster = z.object({ on: z.string(), warningDays: z.number(), advocates: z.array(AdvocateVetting) });
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
      what: z.string(),
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
    reason: z.string().trim().min(3, 'say why the youth is referred').max(5000),
    urgency: z.enum(REFERRAL_URGENCIES).default('routine'),
  })
  .strict();

const at = when
  .optional()
  .describe('When it happened (default: now); never in the future, never before the previous step');
const version = z.number().int().min(1).describe('The referral version you loaded (optimistic concurrency)');
export const StepBase = z.object({ version, at }).strict();
export const DeclineBody = z
  .object({ version, at, reason: z.enum(DECLINE_REASONS), note: z.string().trim().max(2000).optional() })
  .strict();
export const AssignBody = z
  .object({ version, at, advocateUserId: uuid('a user id').describe('An advocate of the CBO, vetted on that date') })
  .strict();
export const CloseBody = z
  .object({ version, at, reason: z.enum(CLOSE_REASONS), note: z.string().trim().max(2000).optional() })
  .strict();
export const MilestoneBody = z
  .object({
    kind: z.enum(MILESTONE_KINDS as [string, ...string[]]),
    at,
    serviceEpisodeId: uuid('a service episode id')
      .optional()
      .describe('Required for linked_to_service: the service episode of the same youth'),
    note: z.string().trim().max(2000).optional(),
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
  organizationId: z.string(),
  organization: z.string(),
  contractId: z.string(),
  referredBy: z.string(),
  referredByOrganization: z.string(),
  referredAt: z.string(),
  reason: z.string().nullable().describe('Hidden from users who may not see the youth'),
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
export const InboxQuery = z
  .object({ organizationId: uuid('an organization id').optional(), state: z.enum(REFERRAL_STATES).optional() })
  .strict();

// Performance issues and flags ----------------------------------------------------------------

const issueFields = {
  organizationId: uuid('an organization id'),
  contractId: uuid('a contract id').nullable().optional(),
  raisedOn: date,
  category: z.enum(ISSUE_CATEGORIES),
  description: z.string().trim().min(3, 'describe the issue').max(5000),
  severity: z.enum(ISSUE_SEVERITIES),
  recommendation: z.string().trim().min(3, 'give the recommendation for improvement').max(5000),
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
  .object({ version, resolution: z.string().trim().min(3, 'say how it was resolved').max(5000), resolvedOn: date })
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
export const FlagListQuery = z
  .object({
    organizationId: uuid('an organization id').optional(),
    status: z.enum(['candidate', 'confirmed', 'dismissed']).optional(),
  })
  .strict();
export const FlagConfirm = z
  .object({
    severity: z.enum(ISSUE_SEVERITIES),
    description: z.string().trim().min(3).max(5000).optional().describe('Default: what the flag found'),
    recommendation: z.string().trim().min(3, 'give the recommendation for improvement').max(5000),
    ownerUserId: uuid('a user id').nullable().optional(),
  })
  .strict();
export const FlagDismiss = z
  .object({ note: z.string().trim().min(3, 'say why the flag is dismissed').max(2000) })
  .strict();
