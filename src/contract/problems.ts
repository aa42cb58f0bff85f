// The error contract shared by the server and the web: every error answer is an RFC 9457
// problem document (`application/problem+json`) with a stable `code`, and for bad input a list
// of `errors`, one per field, each with a JSON pointer, a stable code and its parameters.
// The server's `detail` is English for API clients and operators; the web never shows it,
// it translates `code` and each field error's `code` (src/web/i18n, keys `problems.*`).
import { z } from 'zod';

/**
 * Codes for one field's problem. Zod's issues map onto these (src/server/error-handler.ts);
 * refinements in src/contract/primitives.ts raise the specific ones.
 */
export const FIELD_PROBLEM_CODES = [
  'required',
  'invalid_type',
  'invalid_choice',
  'too_short',
  'too_long',
  'too_small',
  'too_big',
  'not_integer',
  'invalid_format',
  'invalid_uuid',
  'invalid_email',
  'invalid_phone',
  'invalid_date',
  'invalid_datetime',
  'date_too_early',
  'date_too_late',
  'date_in_future',
  'control_characters',
  'line_breaks',
  'unknown_field',
  'duplicate',
  'invalid',
  // Rules beyond the value's own shape (src/domain, src/features), one per situation a person
  // fixes differently. `params` carries what the message needs.
  'unknown_reference', // no such record (organization, user, provider, screening ...) you may use here
  'end_before_start', // an end (date or time) before its start
  'before_previous_step', // an advocacy referral step before the step before it; { at }
  'before_last_seen', // missing youth: before the youth was last seen
  'before_discovered', // missing youth: before the youth was found missing
  'before_located', // missing youth: returned before located
  'report_before_time', // missing youth: a report on record was made before this new time
  'before_found', // first response: before the youth was found
  'before_notified', // an agency's arrival before it was notified
  'before_referred', // a service started before it was referred
  'before_received', // a referral's disposition before it was received
  'before_raised', // a performance issue resolved before it was raised; { raisedOn }
  'before_episode', // a debrief's screening done before the missing episode
  'too_early', // much earlier than the event it follows (a typing mistake in the date?); { days }
  'too_far_ahead', // a placement starting more than a day from now
  'needs_start', // a service that is active or ended needs its start
  'needs_end', // an end is required (an absence CSEC Type, a completed or dropped service)
  'needs_reason', // say why (a service that ended)
  'status_after_start', // a started service cannot go back to referred, waiting or declined
  'csec_type_overlap', // the youth holds this CSEC Type already for overlapping dates; { start, end }
  'screening_not_final', // finish the screening first
  'screening_wrong_context', // a debrief's screening must be one done on return from missing
  'instrument_retired', // that instrument version is retired; use the current one
  'not_in_catalog', // a service key not in the county's catalog
  'unknown_spa', // not a service planning area of the county; { options }
  'more_than_beds', // vacancies above beds; { beds }
  'age_min_over_max', // minimum age above maximum age
  'unknown_item', // an answer for an item the instrument does not have
  'invalid_answer', // not an answer the item offers; { options }
  'not_advocacy_organization', // the organization is not an advocacy CBO
  'not_contracting_department', // a contract's other party must be a county department
  'no_contract_with_department', // the advocate's CBO holds no contract with that department
  'not_active_advocate', // not an active advocate of the referral's organization
  'not_in_contract', // the contract does not include the milestone's service; { service }
  'not_case_agency_worker', // a case's worker must be an active user of the county's agency of its kind; { kind }
  'after_closed', // a case cannot open after the day it closed; { closedOn }
  'unknown_county', // no California county has that code or FIPS code
] as const;
export type FieldProblemCode = (typeof FIELD_PROBLEM_CODES)[number];

/**
 * A rule's finding about one field of the body, from a validator in src/domain or src/features:
 * the field's dotted path, the field code the web translates, and the English sentence kept for
 * API clients (`detail` and `details.problems`). src/errors.ts `brokenRules` sends a list of them.
 */
export interface RuleProblem {
  /** Dotted path in the body: `endDate`, `notified.0.arrivedAt`. */
  field: string;
  code: FieldProblemCode;
  params?: FieldProblem['params'];
  /** The English sentence, e.g. "endedAt: a service cannot end before it started". */
  text: string;
}

/** A rule problem whose English sentence is "field: message". */
export const rule = (
  field: string,
  code: FieldProblemCode,
  message: string,
  params?: FieldProblem['params'],
): RuleProblem => ({ field, code, text: `${field}: ${message}`, ...(params ? { params } : {}) });

export const FieldProblem = z.object({
  /**
   * RFC 6901 pointer into the request seen as `{ body, query, params }`, e.g. `/body/dateOfBirth`
   * or `/query/from`; `/body` alone for the body as a whole.
   */
  pointer: z.string(),
  code: z.string().describe('A field problem code (FIELD_PROBLEM_CODES); unknown codes read as "invalid"'),
  params: z
    .record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))
    .optional()
    .describe('Values the message needs, e.g. { max: 200 } or { min: "1990-01-01" }'),
});
export type FieldProblem = z.infer<typeof FieldProblem>;

/** Problem codes every route may answer with, by status. Features add their own (FEATURE_PROBLEM_CODES). */
export const GENERAL_PROBLEM_CODES = [
  'bad_request', // 400: the request as a whole is wrong; `errors` says where
  'invalid_input', // 400: a value the database could not take (a backstop behind the schemas)
  'unauthorized', // 401: no session, or it ended
  'mfa_required', // 401: finish two-step sign-in
  'forbidden', // 403: the role or relation does not allow this
  'csrf_token_missing', // 403: the request lacks the session's security token
  'not_found', // 404: no such record, or not one you may see (never says which)
  'route_not_found', // 404: no such API address
  'conflict', // 409: the record changed, or the step is out of order
  'stale_version', // 409: somebody saved a newer version first
  'duplicate', // 409: the same record already exists
  'unprocessable', // 422: valid input that the rules refuse; `details` says why
  'payload_too_large', // 413
  'uri_too_long', // 414: a part of the address is too long
  'unsupported_media_type', // 415
  'too_many_requests', // 429
  'internal_error', // 500: our fault; `requestId` is the reference
  'service_unavailable', // 503
] as const;

/**
 * Codes of the situations one feature refuses, by feature, so the web (problems.<code>) and the
 * tests (test/unit/problem-codes.test.ts) can check every one is translated. `details` carries
 * what the message needs, named in the comment. A code is a promise to API clients: add new
 * ones, never rename.
 */
export const FEATURE_PROBLEM_CODES = {
  access: [
    'role_not_allowed', // 403: the route needs one of { roles }
    'category_not_allowed', // 403: the role may not { access: read|write } this youth's { category } information
    'category_not_granted', // 403: the action needs to { access: read|write } the youth's { category } information, which the grant lacks
    'create_youth_not_allowed', // 403: the role cannot create youth records
    'aggregate_only', // 403: the role sees aggregate figures only
    'no_policy', // 500: a route without an access policy (a programming error)
  ],
  auth: [
    'wrong_credentials', // 401: the email or password is not right
    'sign_in_locked', // 429: too many failed attempts; { minutes }
    'mfa_already_enabled', // 409: two-step sign-in is already set up
    'mfa_setup_not_started', // 400: start the setup before confirming a code
    'mfa_code_wrong', // 400: the 6-digit code is not right
    'mfa_locked', // 429: too many wrong two-step codes; { minutes }
    'mfa_secret_unreadable', // 500: the stored two-step secret cannot be read with the server's key
  ],
  records: [
    'nothing_to_change', // 400: an update that names no field to change
  ],
  youth: [
    'identifier_taken', // 409: an identifier is recorded for another youth of the county
    'access_log_not_allowed', // 403: only supervisors and auditors see who viewed a record
  ],
  screenings: [
    'answers_invalid', // 400: answers that do not fit the instrument; `errors` per item
    'instrument_retired', // 400: that instrument version is retired
    'screening_final', // 409: a final screening cannot change; amend it instead
    'screening_incomplete', // 400: required items unanswered; { missing: [{ section, item }] }
    'screening_already_amended', // 409: amend the newer screening instead
    'amendment_in_progress', // 409: an amendment draft exists; { draftId }
    'screening_discard_not_allowed', // 403: only the draft's author or a supervisor discards it
  ],
  csecTypes: [
    'csec_type_invalid', // 400: the record breaks the state's rules; `errors` per field
  ],
  referrals: [
    'referral_disposition_recorded', // 409: the hotline referral already has a disposition
  ],
  cases: [
    'no_agency_for_case_kind', // 400: the youth's county has no agency of that kind in Harbor; { kind }
    'case_already_open', // 409: the youth has an open case of that kind with that number
    'case_number_taken', // 409: another case of the county has that number (case-insensitive)
    'case_closed', // 409: the case is already closed; { closedOn }
  ],
  obligations: [
    'obligation_settled', // 409: already met or waived; { status }
    'obligation_kind_unknown', // 409: this Harbor does not know how to meet that kind; { kind }
    'obligation_met_elsewhere', // 409: met through its own feature (a missing episode, an advocacy referral); { kind }
    'obligation_event_invalid', // 400: an event names a time, organization or person the county lacks
    'waive_not_allowed', // 403: only a supervisor waives an obligation
    'worklist_not_allowed', // 403: team and organization worklists are for supervisors; { view }
  ],
  directory: [
    'directory_edit_not_allowed', // 403: only county and organization administrators edit the directory
    'directory_entry_not_yours', // 403: an organization administrator edits their own entries only; { organization }
    'directory_organization_fixed', // 403: an organization administrator's entries stay with their organization
    'provider_invalid', // 400: the entry breaks the directory's rules; `errors` per field
    'external_ref_taken', // 409: another entry uses that external reference; { externalRef }
    'service_key_taken', // 409: the catalog already has that key; { key }
    'export_too_large', // 400: more matches than one export holds; { limit, total }
  ],
  services: [
    'service_invalid', // 400: the service episode breaks its rules; `errors` per field
  ],
  placements: [
    'placement_overlap', // 409: the dates overlap another placement; { start, end } when known
  ],
  mdt: [
    'mdt_team_not_allowed', // 403: only the youth's workers or an MDT coordinator change the team
    'mdt_meeting_not_allowed', // 403: only the team, workers or a coordinator record meetings
    'already_on_team', // 409: that person is already on the team
  ],
  safetyPlans: [
    'safety_plan_not_allowed', // 403: the role cannot write safety plans for this youth
  ],
  firstResponse: [
    'encounter_invalid', // 400: the encounter's times break the rules; `errors` per field
    'arrival_already_recorded', // 409: that agency's arrival is on record
  ],
  missing: [
    'already_missing', // 409: the youth has an open missing episode; { episodeId } when known
    'episode_times_invalid', // 400: the episode's times are out of order; `errors` per field
    'episode_not_missing', // 409: a youth is located only while missing; { status }
    'episode_closed', // 409: the episode is already returned or closed; { status }
    'report_not_required', // 409: the episode has no such duty
    'report_already_settled', // 409: that report is already met or waived; { status }
    'search_log_not_allowed', // 403: the role cannot add to the search log
    'return_not_recorded', // 409: the debrief follows the return
    'debrief_complete', // 409: a complete debrief can no longer change
    'debrief_invalid', // 400: the debrief is missing what completing it needs; `errors` per field
  ],
  advocacy: [
    'advocacy_contracts_not_allowed', // 403: contracts are for county administrators, analysts and the CBO's administrator
    'advocacy_referral_not_allowed', // 403: caseworkers and supervisors refer youth for advocacy
    'advocacy_inbox_not_allowed', // 403: the inbox is for the CBO's staff and county administrators and analysts
    'no_active_contract', // 422: the CBO has no active advocacy contract on that day; { organization, organizationId, on }
    'advocate_not_in_organization', // 422: not an active advocate of the referral's organization
    'advocate_not_vetted', // 422: the advocate lacks clearances, trainings or approval; { name, on, gaps, vetting: [{ code, ... }] }
    'referral_step_out_of_order', // 409: the step needs another state first; { state, from: [...], to }
    'referral_already_answered', // 409: accepted or declined once already; { state }
    'referral_closed', // 409: the referral is closed or declined; { state }
    'referral_not_with_advocate', // 409: milestones are recorded while the referral is with an advocate; { state }
    'milestone_not_in_contract', // 422: the contract does not include the milestone's service; { service, kind }
    'not_an_advocate', // 400: the user is not an advocate of an advocacy organization
    'approval_not_allowed', // 403: only the county administrator or the contracting department's supervisor approves
    'approval_already_revoked', // 400: the approval was already revoked; { revokedOn }
    'issue_resolved', // 409: a resolved issue cannot change; raise a new one
    'issue_already_resolved', // 409: { resolvedOn }
    'flag_already_decided', // 409: the candidate flag was already confirmed or dismissed; { status }
  ],
  dataQuality: [
    'data_quality_not_fixable_here', // 400: mark it reviewed or fix it on the youth's profile; { kind }
    'data_quality_issue_settled', // 409: the issue is already reviewed or fixed; { status }
    'data_quality_export_too_large', // 400: one export holds at most { limit } issues and { total } match
  ],
  imports: [
    'not_a_zip', // 400: the upload is not a zip file, or the zip is damaged
    'upload_empty', // 400: the upload has no content
    'upload_too_large', // 413: the zip is over { maxMegabytes } MB
    'extract_too_large', // 413: the extract's files hold over { maxMegabytes } MB once unzipped
    'zip_file_twice', // 400: the zip holds { file } twice (in two folders)
    'zip_unsupported_compression', // 400: { file } is compressed with a method Harbor cannot read; zip it again
  ],
  reports: [
    'report_period_or_range', // 400: give a period or a range, not both
    'report_range_missing', // 400: give from and to, or a period
    'report_range_too_long', // 400: a report covers at most { max } days; { days }
    'report_public_only', // 403: the role sees the public version only
    'report_public_periods_only', // 400: the public version covers the county's reporting periods; { from, to }
    'state_report_fiscal_year_or_range', // 400: give fiscalYear, or from and to, not both
    'state_report_public_fiscal_years_only', // 400: the public state report covers whole fiscal years; { fiscalYear }
  ],
  stateProgram: [
    'state_county_unknown', // 400: no California county has that code or FIPS code; { county }
    'state_county_twice', // 400: the same county is listed twice; { county }
    'plan_types_over_victims', // 400: the victims by Type add up to more than the victims served; { sum, victimsServed }
    'plan_types_not_victims', // 400: all five victim Types are given and do not add up to the victims served; { sum, victimsServed }
    'plan_figures_exist', // 409: the year's figures are entered already; send the version read; { fiscalYear, currentVersion }
    'plan_figures_not_entered', // 409: a version was sent, but the year has no figures yet; { fiscalYear }
    'population_file_invalid', // 400: the population file has errors, nothing was imported; { errorCount, errors: [{ line, column, code, message }] }
    'submission_exists', // 409: the county has a submission for that period; { id, status }
    'submission_is_draft', // 409: the submission is still a draft (not submitted); { status }
    'submission_is_submitted', // 409: the submission is with the state for review; { status }
    'submission_is_accepted', // 409: the submission was accepted and can no longer change; { status }
    'submission_is_returned', // 409: the submission was returned to the county; { status }
  ],
} as const;
export type FeatureProblemCode = (typeof FEATURE_PROBLEM_CODES)[keyof typeof FEATURE_PROBLEM_CODES][number];
export const ALL_FEATURE_PROBLEM_CODES: readonly FeatureProblemCode[] = Object.values(FEATURE_PROBLEM_CODES).flat();

export const ProblemDocument = z.object({
  type: z.string().describe('A URI naming the problem type: urn:harbor:problem:<code>'),
  title: z.string().describe('A short English summary of the problem type'),
  status: z.number().int(),
  detail: z.string().describe('English, for API clients and operators; the web shows a translation of `code`'),
  instance: z.string().optional().describe('The request path'),
  code: z.string().describe('Stable snake_case code the web translates'),
  errors: z.array(FieldProblem).optional().describe('One entry per field to fix'),
  details: z.unknown().optional().describe('Structured facts for the code, e.g. the unanswered items'),
  requestId: z.string().describe('Quote it to an administrator; it finds the log line'),
});
export type ProblemDocument = z.infer<typeof ProblemDocument>;

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export const problemType = (code: string) => `urn:harbor:problem:${code}`;

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Sign-in required',
  403: 'Not allowed',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  413: 'Request too large',
  414: 'Address too long',
  415: 'Unsupported media type',
  422: 'Refused by the rules',
  429: 'Too many requests',
  500: 'Internal error',
  503: 'Service unavailable',
};
export const problemTitle = (status: number) => TITLES[status] ?? (status >= 500 ? 'Server error' : 'Request error');
