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
}

export interface YouthAssignment {
  id: string;
  worker: string;
  organization: string;
  role: string;
  startsAt: string;
  endsAt: string | null;
}

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
