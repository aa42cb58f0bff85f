// Shapes of the Harbor API's JSON responses, as the web app uses them.

export type MfaState = 'verified' | 'required' | 'enrollment_required' | 'not_required';

export interface SessionView {
  user: {
    id: string;
    email: string;
    displayName: string;
    roles: string[];
    organization: { id: string; name: string; type: string };
    county: { id: string; name: string; code: string };
  };
  mfa: MfaState;
  complete: boolean;
  csrfToken: string;
}

export interface MfaEnrollment {
  secret: string;
  otpauthUri: string;
  qrSvg: string;
}

export type MatchedOn = 'name' | 'alias' | 'date_of_birth' | 'identifier' | 'caseload';

export interface YouthSearchResult {
  id: string;
  name: string;
  legalName: string;
  dateOfBirth: string;
  spaNumber: number | null;
  matchedOn: MatchedOn;
}

export interface YouthSearchResponse {
  results: YouthSearchResult[];
}

export interface YouthCase {
  id: string;
  kind: string;
  externalId: string | null;
  organization: string;
  openedOn: string;
  closedOn: string | null;
}

export interface YouthReferral {
  id: string;
  externalId: string | null;
  organization: string;
  receivedAt: string;
  disposition: string | null;
  /** State special project codes, e.g. "S-CSEC Referral". Absent from older servers. */
  specialProjectCodes?: string[];
}

export interface YouthAssignment {
  id: string;
  worker: string;
  organization: string;
  role: string;
  startsAt: string;
  endsAt: string | null;
}

export type EntryPathway = 'open_child_welfare_case' | 'open_probation_case' | 'no_prior_system_contact';

export interface YouthIdentifier {
  system: 'cws_cms' | 'probation' | 'other';
  value: string;
}

/** A youth record. A missing field means the user's role may not see it. */
export interface YouthView {
  id: string;
  version: number;
  legalFirstName?: string;
  legalLastName?: string;
  preferredName?: string | null;
  dateOfBirth?: string;
  genderIdentity?: string | null;
  pronouns?: string | null;
  sexualOrientation?: string | null;
  raceEthnicity?: string[];
  primaryLanguage?: string | null;
  spa?: { number: number; name: string } | null;
  phone?: string | null;
  email?: string | null;
  entryPathway?: EntryPathway | null;
  dualStatus?: boolean;
  aliases?: string[];
  identifiers?: YouthIdentifier[];
  cases?: YouthCase[];
  referrals?: YouthReferral[];
  assignments?: YouthAssignment[];
  hiddenCategories: string[];
  permissions: { canEdit: boolean; canViewAccessLog: boolean };
}

export interface AccessLogEvent {
  at: string;
  actor: { name: string; organization: string | null; roles: string[] } | null;
  action: string;
  outcome: string;
  categories: string[];
}

export interface AccessLogResponse {
  events: AccessLogEvent[];
}

export interface YouthByAreaRow {
  county: string;
  spaNumber: number | null;
  spaName: string | null;
  youth: number | '<11';
}

export interface YouthByAreaResponse {
  rows: YouthByAreaRow[];
  suppression: string;
}

// ---------------------------------------------------------------------------------------------
// Identification: instruments, screenings, CSEC Types, referrals and obligations.

/** Text in both languages; show the one matching the UI language. */
export interface Localized {
  en: string;
  es: string;
}

export type Level = 'no_concern' | 'possible_concern' | 'clear_concern';

export const SCREENING_CONTEXTS = [
  'hotline',
  'investigation',
  'case_opening',
  'placement',
  'detention_intake',
  'return_from_missing',
  'periodic_rescreen',
  'other',
] as const;
export type ScreeningContext = (typeof SCREENING_CONTEXTS)[number];

export interface InstrumentSummary {
  versionId: string;
  key: string;
  version: number;
  name: Localized;
  description: Localized;
  audience: Localized | null;
  demonstration: boolean;
  /** True when the county loaded it; false when shipped with Harbor. */
  county: boolean;
}

export interface InstrumentsResponse {
  instruments: InstrumentSummary[];
}

export interface ScaleOption {
  value: string;
  label: Localized;
  score: number;
}

export interface Scale {
  key: string;
  options: ScaleOption[];
}

export interface InstrumentItem {
  key: string;
  text: Localized;
  help?: Localized;
  scale: string;
  required: boolean;
  critical?: boolean;
}

export interface InstrumentSection {
  key: string;
  title: Localized;
  description?: Localized;
  items: InstrumentItem[];
}

export interface InstrumentDefinition {
  key: string;
  name: Localized;
  description: Localized;
  audience?: Localized;
  demonstration: boolean;
  scales: Scale[];
  sections: InstrumentSection[];
  guidance: Record<Level, Localized>;
}

export interface InstrumentVersion {
  versionId: string;
  version: number;
  retired: boolean;
  definition: InstrumentDefinition;
}

export interface ScreeningSummary {
  id: string;
  instrument: { versionId: string; key: string; name: Localized; version: number; demonstration: boolean };
  context: ScreeningContext;
  status: 'draft' | 'final';
  level: Level | null;
  administeredAt: string;
  administeredBy: string;
  organization: string;
  nextDueOn: string | null;
  supersedesId: string | null;
  supersededById: string | null;
  version: number;
}

export interface MissingItem {
  section: string;
  item: string;
}

export interface ScreeningDetail extends ScreeningSummary {
  ratings: Record<string, string>;
  notes: string | null;
  supersedeReason: string | null;
  result: {
    level: Level;
    complete: boolean;
    indicators: { key: string; score: number; level: Level; rated: number; total: number }[];
    criticalTriggered: string[];
  };
  missing: MissingItem[];
  guidance: Localized;
}

export interface ScreeningsResponse {
  screenings: ScreeningSummary[];
  nextDue: { on: string; overdue: boolean } | null;
}

export const CSEC_TYPE_CODES = [
  'victim_during_care',
  'victim_open_case_not_in_care',
  'victim_absent_from_placement',
  'victim_closed_case_ilp',
  'victim_before_care',
  'at_risk',
] as const;
export type CsecTypeCode = (typeof CSEC_TYPE_CODES)[number];

export const CSEC_SOURCES = ['screening', 'self_disclosure', 'law_enforcement', 'court', 'other'] as const;
export type CsecSource = (typeof CSEC_SOURCES)[number];

export interface CsecTypeRecord {
  id: string;
  type: CsecTypeCode;
  label: Localized;
  startDate: string;
  endDate: string | null;
  allegationSubcategory: string;
  source: CsecSource;
  screeningId: string | null;
  associatedWith: { kind: 'referral' | 'case'; id: string } | null;
  recordedBy: string;
  recordedAt: string;
  version: number;
}

export interface CsecTypesResponse {
  records: CsecTypeRecord[];
  current: { type: CsecTypeCode; label: Localized } | null;
}

export interface CsecTypeCreated extends CsecTypeRecord {
  crossReportObligationId: string | null;
}

export interface ReferralCreated {
  id: string;
  externalId: string | null;
  receivedAt: string;
  disposition: string | null;
  dispositionAt: string | null;
  allegations: string[];
  specialProjectCodes: string[];
}

export type ObligationStatus = 'open' | 'met' | 'missed' | 'waived';

export interface Obligation {
  id: string;
  youthId: string;
  youthName?: string;
  /** Organization worklist only: false when the user may not see who the youth is (no name, empty youthId). */
  youthVisible?: boolean;
  kind: string;
  label: Localized;
  basis: string;
  /** "missed" means still open and past due. */
  status: ObligationStatus;
  dueAt: string;
  minutesLeft: number;
  owner: string | null;
  organization: string;
  metAt: string | null;
  metOnTime: boolean | null;
  record: Record<string, unknown> | null;
  waiveReason: string | null;
  createdAt: string;
  version: number;
}

export interface ObligationsResponse {
  obligations: Obligation[];
}

// ---------------------------------------------------------------------------------------------
// The resource directory, placements and services.

export type ProviderKind = 'organization' | 'resource_family' | 'independent';

export interface CsecTraining {
  training: string;
  completedOn: string;
}

/** A directory entry. A resource family's address is never sent: `address` null, `addressWithheld` true. */
export interface Provider {
  id: string;
  kind: ProviderKind;
  name: string;
  organizationId: string | null;
  organizationName: string | null;
  description: string | null;
  services: string[];
  placementTypes: string[];
  beds: number | null;
  vacancies: number | null;
  vacanciesConfirmedAt: string | null;
  vacanciesStale: boolean;
  csecTrainings: CsecTraining[];
  csecTrained: boolean;
  ageMin: number | null;
  ageMax: number | null;
  genders: string[];
  lgbtqAffirming: boolean;
  servesParentingYouth: boolean;
  servesBoys: boolean;
  languages: string[];
  spas: number[];
  countiesServed: string[];
  phone: string | null;
  email: string | null;
  website: string | null;
  address: string | null;
  addressWithheld: boolean;
  hours: string | null;
  crisis247: boolean;
  externalRef: string | null;
  active: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface ProviderList {
  providers: (Provider & { score: number })[];
  total: number;
  page: number;
  pageSize: number;
}

export interface ProviderVersion {
  version: number;
  source: 'edit' | 'import' | 'seed';
  changedAt: string;
  changedBy: string | null;
  changes: string[];
  snapshot: Record<string, unknown>;
}

export interface ProviderHistoryResponse {
  versions: ProviderVersion[];
}

/** The details of a 409 on a directory entry: who saved which fields since the version you had. */
export interface ProviderConflictDetails {
  yourVersion: number;
  currentVersion: number;
  changes: { version: number; at: string; by: string; fields: string[] }[];
}

export interface CatalogService {
  key: string;
  name: Localized;
  category: string;
  county: boolean;
}

export interface ServicesResponse {
  services: CatalogService[];
}

export interface DirectoryContact {
  id: string;
  organizationId: string;
  organizationName: string;
  organizationType: string;
  name: string;
  title: string | null;
  phone: string | null;
  email: string | null;
  notes: string | null;
  version: number;
  updatedAt: string;
}

export interface ContactsResponse {
  contacts: DirectoryContact[];
}

export interface Placement {
  id: string;
  placementType: string;
  label: Localized;
  startAt: string;
  endAt: string | null;
  changeReason: string | null;
  csecTrained: boolean | null;
  current: boolean;
  /** Present only for the youth's own workers (placement_location). */
  provider?: { id: string; name: string } | null;
  address?: string | null;
  version: number;
}

export interface PlacementsResponse {
  placements: Placement[];
  gaps: { from: string; to: string }[];
  locationHidden: boolean;
}

export const SERVICE_STATUSES = ['referred', 'waiting', 'active', 'completed', 'dropped', 'declined'] as const;
export type ServiceStatus = (typeof SERVICE_STATUSES)[number];

export const FUNDING_SOURCES = [
  'sb855_csec_program',
  'title_iv_e',
  'medi_cal',
  'county_general',
  'grant',
  'private',
  'other',
] as const;

export interface ServiceEpisode {
  id: string;
  service: { key: string; name: Localized; category: string };
  provider: { id: string; name: string } | null;
  referredBy: string;
  referredByOrganization: string;
  referredAt: string;
  startedAt: string | null;
  endedAt: string | null;
  status: ServiceStatus;
  endReason: string | null;
  fundingSource: string | null;
  notes: string | null;
  notesHidden: boolean;
  version: number;
}

export interface ServiceEpisodesResponse {
  episodes: ServiceEpisode[];
  hiddenCount: number;
}

export type MdtTier = 'crisis' | 'initial' | 'ongoing';

export interface MdtMember {
  id: string;
  userId: string;
  name: string;
  organization: string;
  roleOnTeam: string | null;
  joinedAt: string;
}

export interface MdtMeeting {
  id: string;
  tier: MdtTier;
  scheduledAt: string;
  heldAt: string | null;
  youthParticipation: string | null;
  caregiverParticipation: string | null;
  decisions: string | null;
  /** Organization types the county requires that had nobody present. */
  missingParties: string[];
  attendees: { name: string; organizationType: string; role: string | null; present: boolean }[];
  actionItems: { id: string; description: string; owner: string; dueAt: string; obligationId: string | null }[];
}

export interface MdtResponse {
  members: MdtMember[];
  meetings: MdtMeeting[];
}

export interface MdtMeetingCreated {
  id: string;
  missingParties: string[];
  actionItemIds: string[];
  obligationIds: string[];
}

export interface SafetyPlan {
  id: string;
  version: number;
  warningSigns: string;
  safePeople: string;
  safePlaces: string;
  ifContacted: string;
  reachAdvocate: string;
  writtenWithYouth: boolean;
  reason: string | null;
  createdBy: string;
  createdAt: string;
}

export interface SafetyPlansResponse {
  plans: SafetyPlan[];
  reviewDue: { reason: 'no_plan' | 'placement_change' | 'missing_return' } | null;
}

export interface NotificationItem {
  id: string;
  kind: 'obligation_missed';
  reason: 'owner' | 'supervisor' | 'county_admin';
  /** What happened, without the youth's name. */
  text: Localized;
  link: string | null;
  obligationId: string | null;
  obligationKind: string | null;
  obligationStatus: 'open' | 'met' | 'missed' | 'waived' | null;
  youthId: string | null;
  dueAt: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationsResponse {
  notifications: NotificationItem[];
  unread: number;
}
