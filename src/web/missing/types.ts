// The missing-youth API's answers, as the web app reads them (src/features/missing/schemas.ts).
import type { Localized, Obligation } from '../types';

export const LAST_SEEN_PLACES = [
  'placement',
  'school',
  'family_home',
  'friend_home',
  'street',
  'transit',
  'motel',
  'court_or_office',
  'hospital',
  'online',
  'other',
] as const;
export const DISCOVERED_BY = [
  'caregiver',
  'placement_staff',
  'caseworker',
  'probation_officer',
  'school',
  'law_enforcement',
  'family',
  'youth_peer',
  'other',
] as const;
export const RISK_FACTORS = [
  'prior_missing',
  'csec_victim',
  'csec_at_risk',
  'exploiter_contact',
  'substance_use',
  'mental_health',
  'medical_needs',
  'pregnant_or_parenting',
  'under_14',
  'gang_involvement',
  'online_contacts',
  'other',
] as const;
export const SEARCH_EFFORT_KINDS = [
  'family',
  'friends',
  'school',
  'placement',
  'social_media',
  'law_enforcement',
  'hospitals',
  'shelters',
  'other',
] as const;
export const RETURNED_TO = [
  'same_placement',
  'new_placement',
  'family',
  'shelter',
  'hospital',
  'detention',
  'other',
] as const;
export const LEAVING_FACTORS = [
  'placement_conflict',
  'wanted_family',
  'wanted_friends_or_partner',
  'exploiter_influence',
  'felt_unsafe',
  'substance_use',
  'mental_health',
  'school_problems',
  'rules_or_restrictions',
  'other',
] as const;
export const REPORT_KEYS = ['law_enforcement', 'ncmec', 'attorney', 'parent', 'court'] as const;

export type LastSeenPlace = (typeof LAST_SEEN_PLACES)[number];
export type ReportKey = (typeof REPORT_KEYS)[number];
export type EpisodeStatus = 'missing' | 'located' | 'returned' | 'closed';

export interface Episode {
  id: string;
  youthId: string;
  status: EpisodeStatus;
  lastSeenAt: string;
  lastSeenPlace: LastSeenPlace;
  discoveredAt: string;
  discoveredByRole: (typeof DISCOVERED_BY)[number] | null;
  discoveredByName: string | null;
  riskFactors: (typeof RISK_FACTORS)[number][];
  circumstances: string | null;
  placement: { id: string; placementType: string; label: Localized } | null;
  locatedAt: string | null;
  locatedNote: string | null;
  returnedAt: string | null;
  returnedTo: (typeof RETURNED_TO)[number] | null;
  returnedNote: string | null;
  closedAt: string | null;
  minutesMissing: number;
  reportedBy: string;
  reports: { report: ReportKey; obligation: Obligation }[];
  debriefDuty: Obligation | null;
  debriefStatus: 'none' | 'draft' | 'complete';
  searchEffortCount: number;
  version: number;
}

export interface Debrief {
  id: string;
  status: 'draft' | 'complete';
  leavingFactors: (typeof LEAVING_FACTORS)[number][];
  factorsNote: string | null;
  factorsAddressed: string | null;
  experiences: string | null;
  exploitedWhileAbsent: 'yes' | 'no' | 'unknown' | null;
  screening: { id: string; status: 'draft' | 'final'; level: string | null; administeredAt: string } | null;
  csecTypeRecordId: string | null;
  completedAt: string | null;
  completedBy: string | null;
  version: number;
}

export interface EpisodeDetail extends Episode {
  searchEfforts: {
    id: string;
    kind: (typeof SEARCH_EFFORT_KINDS)[number];
    doneAt: string;
    doneBy: string;
    note: string;
  }[];
  debrief: Debrief | null;
}

export interface YouthEpisodes {
  episodes: Episode[];
  summary: {
    episodes: number;
    inLastYear: number;
    totalMinutesMissing: number;
    placementsLeft: { placementType: string; label: Localized; episodes: number }[];
  };
  canReport: boolean;
}

export interface CurrentRow {
  episodeId: string;
  youthId: string;
  youthName: string;
  spaNumber: number | null;
  status: EpisodeStatus;
  lastSeenAt: string;
  lastSeenPlace: LastSeenPlace;
  discoveredAt: string;
  returnedAt: string | null;
  minutesMissing: number;
  placementType: string | null;
  placementLabel: Localized | null;
  riskFactors: string[];
  reports: { report: ReportKey; status: 'open' | 'met' | 'missed' | 'waived'; dueAt: string; overdue: boolean }[];
  overdueReports: number;
  debrief: { status: 'none' | 'draft' | 'complete'; dueAt: string | null; overdue: boolean } | null;
}

export interface CurrentList {
  missing: CurrentRow[];
  awaitingDebrief: CurrentRow[];
}
