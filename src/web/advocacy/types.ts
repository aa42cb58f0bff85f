// Shapes of the advocacy API (src/features/advocacy/schemas.ts) and who uses which screen.
// The server enforces access; the role checks here only shape the UI.
import type { SessionView } from '../types';

export const REFERRAL_URGENCIES = ['routine', 'urgent', 'emergency'] as const;
export const REFERRAL_STATES = [
  'sent',
  'accepted',
  'declined',
  'advocate_assigned',
  'first_contact',
  'engaged',
  'closed',
] as const;
export type ReferralState = (typeof REFERRAL_STATES)[number];
export const OPEN_STATES: readonly ReferralState[] = [
  'sent',
  'accepted',
  'advocate_assigned',
  'first_contact',
  'engaged',
];
/** States in which the assigned advocate works with the youth (src/domain/advocacy.ts ADVOCATE_ACCESS_STATES). */
export const ADVOCATE_STATES: readonly ReferralState[] = ['advocate_assigned', 'first_contact', 'engaged'];
export const DECLINE_REASONS = [
  'at_capacity',
  'outside_service_area',
  'not_eligible',
  'conflict_of_interest',
  'youth_already_served',
  'other',
] as const;
export const CLOSE_REASONS = [
  'goals_met',
  'youth_declined_services',
  'unable_to_reach',
  'moved_away',
  'transferred',
  'withdrawn_by_referrer',
  'aged_out',
  'other',
] as const;
export const CONTRACT_SERVICES = [
  'crisis_response',
  'assessment_and_referral',
  'stabilization_and_engagement',
  'testimony_support',
  'linkage_to_services',
] as const;
export type ContractService = (typeof CONTRACT_SERVICES)[number];
/** Milestone → the contracted service it delivers (src/domain/advocacy.ts MILESTONE_SERVICE). */
export const MILESTONE_SERVICE = {
  crisis_response_given: 'crisis_response',
  assessment_done: 'assessment_and_referral',
  stabilization_plan: 'stabilization_and_engagement',
  testimony_support_given: 'testimony_support',
  linked_to_service: 'linkage_to_services',
} as const satisfies Record<string, ContractService>;
export type MilestoneKind = keyof typeof MILESTONE_SERVICE;
export const MILESTONE_KINDS = Object.keys(MILESTONE_SERVICE) as MilestoneKind[];
export const CLEARANCE_KINDS = ['background', 'security'] as const;
export const ISSUE_CATEGORIES = [
  'responsiveness',
  'staffing_and_vetting',
  'documentation',
  'service_delivery',
  'contract_compliance',
  'other',
] as const;
export const ISSUE_SEVERITIES = ['low', 'moderate', 'high', 'critical'] as const;
export const ISSUE_STATUSES = ['open', 'in_progress', 'resolved'] as const;

export interface ReferralEvent {
  state: string;
  at: string;
  recordedBy: string;
  detail: Record<string, unknown>;
}

export interface Milestone {
  id: string;
  kind: string;
  at: string;
  serviceEpisodeId: string | null;
  note: string | null;
}

export interface AdvocacyReferral {
  id: string;
  youthId: string;
  youthName: string | null;
  organizationId: string;
  organization: string;
  contractId: string;
  referredBy: string;
  referredByOrganization: string;
  referredAt: string;
  reason: string | null;
  urgency: (typeof REFERRAL_URGENCIES)[number];
  state: ReferralState;
  declineReason: string | null;
  advocateUserId: string | null;
  advocate: string | null;
  acceptedAt: string | null;
  declinedAt: string | null;
  advocateAssignedAt: string | null;
  firstContactAt: string | null;
  engagedAt: string | null;
  closedAt: string | null;
  closeReason: string | null;
  firstContactDueAt: string | null;
  version: number;
  timeline: ReferralEvent[];
  milestones: Milestone[];
}

export interface ReferralList {
  referrals: AdvocacyReferral[];
}

export interface ActiveOrganization {
  organizationId: string;
  name: string;
  contractId: string;
  services: ContractService[];
  firstContactHours: number;
}

export interface ActiveOrganizations {
  on: string;
  organizations: ActiveOrganization[];
}

export interface Contract {
  id: string;
  organizationId: string;
  organization: string;
  contractingOrganizationId: string;
  contractingOrganization: string;
  reference: string;
  startsOn: string;
  endsOn: string;
  fundingSource: string;
  services: ContractService[];
  capacity: number;
  firstContactHours: number;
  responseTerms: string | null;
  documentRefs: string[];
  terminatedOn: string | null;
  activeToday: boolean;
  version: number;
}

export interface AdvocateVetting {
  userId: string;
  name: string;
  organizationId: string;
  organization: string;
  cleared: boolean;
  gaps: string[];
  expiring: { what: string; endsOn: string }[];
  clearances: { id: string; kind: string; clearedOn: string; expiresOn: string | null }[];
  trainings: { id: string; trainingKey: string; completedOn: string; expiresOn: string | null }[];
  approvals: {
    id: string;
    contractingOrganizationId: string;
    approvedBy: string;
    approvedOn: string;
    approvedUntil: string;
    revokedOn: string | null;
    revokeReason: string | null;
  }[];
}

export interface Roster {
  on: string;
  warningDays: number;
  advocates: AdvocateVetting[];
}

export interface ExpiringList {
  on: string;
  warningDays: number;
  items: { userId: string; name: string; organizationId: string; organization: string; what: string; endsOn: string }[];
}

export interface PerformanceIssue {
  id: string;
  organizationId: string;
  organization: string;
  contractId: string | null;
  raisedOn: string;
  category: (typeof ISSUE_CATEGORIES)[number];
  description: string;
  severity: (typeof ISSUE_SEVERITIES)[number];
  recommendation: string;
  ownerUserId: string | null;
  owner: string | null;
  status: (typeof ISSUE_STATUSES)[number];
  resolution: string | null;
  resolvedOn: string | null;
  version: number;
}

export interface PerformanceFlag {
  id: string;
  organizationId: string;
  organization: string;
  kind: 'first_contact_missed' | 'lapsed_vetting' | 'capacity_decline';
  subjectId: string;
  observedOn: string;
  detail: Record<string, unknown>;
  status: 'candidate' | 'confirmed' | 'dismissed';
  decisionNote: string | null;
  issueId: string | null;
}

const has = (session: SessionView, roles: string[]) => session.user.roles.some((r) => roles.includes(r));

/** Staff of an advocacy organization: its inbox, advocates and obligations. */
export function canUseCboView(session: SessionView): boolean {
  return has(session, ['org_admin', 'advocate']);
}

/** The county's view across advocacy organizations. */
export function canUseCountyAdvocacy(session: SessionView): boolean {
  return has(session, ['county_admin', 'county_analyst']);
}

/** Who may refer a youth to an advocacy organization (the API's roles). */
export function canReferToAdvocacy(session: SessionView): boolean {
  return has(session, ['caseworker', 'supervisor']);
}
