// The youth record: search, create, change, read, and who looked at it.
import { z } from 'zod';
import { FIELD_CATEGORIES } from '../domain/field-categories.js';
import { ENTRY_PATHWAYS, IDENTIFIER_SYSTEMS } from '../domain/people.js';
import { dateOfBirth, email, id, line, name, phone } from './primitives.js';
import { exportLanguage, pageQuery, PageInfo } from './paging.js';

export const YouthId = z.object({ id: id().describe('Youth id (UUID)') });

const optionalText = line({ max: 200 }).nullable().optional();

export const Identifier = z.object({
  system: z.enum(IDENTIFIER_SYSTEMS),
  value: name(64),
});

export const YouthFields = z.object({
  legalFirstName: name(100),
  legalLastName: name(100),
  preferredName: optionalText,
  dateOfBirth: dateOfBirth(),
  genderIdentity: optionalText,
  pronouns: optionalText,
  sexualOrientation: optionalText,
  raceEthnicity: z.array(name(100)).max(10).optional(),
  primaryLanguage: optionalText,
  spaNumber: z.number().int().min(1).max(99).nullable().optional(),
  phone: phone().nullable().optional(),
  email: email().nullable().optional(),
  aliases: z.array(name(100)).max(20).optional(),
  identifiers: z.array(Identifier).max(20).optional(),
  entryPathway: z.enum(ENTRY_PATHWAYS).nullable().optional().describe('How the youth came to the system (seed 003)'),
  dualStatus: z.boolean().optional().describe('Dual status: both child welfare and probation (WIC 241.1)'),
});

export const YouthCreate = YouthFields.strict();
export const YouthPatch = YouthFields.partial()
  .extend({ version: z.number().int().min(1).describe('The version you loaded; a mismatch gives 409') })
  .strict();

export const YouthCreated = z.object({ id: z.string() });
export const YouthSaved = z.object({ id: z.string(), version: z.number() });

export const YouthSearchQuery = z.object({
  q: line({ max: 100 })
    .optional()
    .describe(
      'Name, alias, YYYY-MM-DD or MM/DD/YYYY, or an external id; empty lists the first youth you may see (GET /api/caseload pages your caseload with its total)',
    ),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

export const YouthView = z.object({
  id: z.string(),
  version: z.number(),
  legalFirstName: z.string().nullable().optional().describe('Null for a youth from a de-identified state extract'),
  legalLastName: z.string().nullable().optional().describe('Null for a youth from a de-identified state extract'),
  preferredName: z.string().nullable().optional(),
  dateOfBirth: z.string().nullable().optional().describe('Null when the state extract did not give one'),
  stateClientId: z
    .string()
    .nullable()
    .optional()
    .describe('The CWS/CMS client id; a youth with no names on record is shown by it'),
  sex: z.string().nullable().optional().describe('As the state extract records it'),
  genderIdentity: z.string().nullable().optional(),
  pronouns: z.string().nullable().optional(),
  sexualOrientation: z.string().nullable().optional(),
  raceEthnicity: z.array(z.string()).optional(),
  primaryLanguage: z.string().nullable().optional(),
  spa: z.object({ number: z.number(), name: z.string() }).nullable().optional(),
  phone: z.string().nullable().optional(),
  email: z.string().nullable().optional(),
  entryPathway: z.enum(ENTRY_PATHWAYS).nullable().optional(),
  dualStatus: z.boolean().optional(),
  aliases: z.array(z.string()).optional(),
  identifiers: z.array(Identifier).optional(),
  cases: z
    .array(
      z.object({
        id: z.string(),
        kind: z.string(),
        externalId: z.string().nullable(),
        organization: z.string().nullable().describe('Null for an imported case with no agency of its kind in Harbor'),
        openedOn: z.string(),
        closedOn: z.string().nullable(),
      }),
    )
    .optional(),
  referrals: z
    .array(
      z.object({
        id: z.string(),
        externalId: z.string().nullable(),
        organization: z
          .string()
          .nullable()
          .describe('Null for an imported referral with no agency of its kind in Harbor'),
        receivedAt: z.string(),
        disposition: z.string().nullable(),
        dispositionAt: z.string().nullable(),
        specialProjectCodes: z.array(z.string()),
        version: z.number().int(),
      }),
    )
    .optional(),
  assignments: z
    .array(
      z.object({
        id: z.string(),
        worker: z.string(),
        organization: z.string(),
        role: z.string(),
        startsAt: z.string(),
        endsAt: z.string().nullable(),
      }),
    )
    .optional(),
  /** Categories this user may not see; the UI says they are hidden rather than empty. */
  hiddenCategories: z.array(z.enum(FIELD_CATEGORIES)),
  permissions: z.object({ canEdit: z.boolean(), canViewAccessLog: z.boolean() }),
});
export type YouthViewT = z.infer<typeof YouthView>;
export type YouthView = YouthViewT;
export type YouthCase = NonNullable<YouthView['cases']>[number];
export type YouthReferral = NonNullable<YouthView['referrals']>[number];
export type YouthAssignment = NonNullable<YouthView['assignments']>[number];
export type YouthIdentifier = z.infer<typeof Identifier>;

export const SearchResult = z.object({
  results: z.array(
    z.object({
      id: z.string(),
      name: z.string().nullable().describe('The name the youth is called by; null when the record has no names'),
      legalName: z.string().nullable(),
      stateClientId: z
        .string()
        .nullable()
        .describe('For a youth with no names: the state client id they are shown by; otherwise null'),
      dateOfBirth: z.string().nullable(),
      spaNumber: z.number().nullable(),
      matchedOn: z.enum(['name', 'alias', 'date_of_birth', 'identifier', 'caseload']),
    }),
  ),
});
export type SearchResult = z.infer<typeof SearchResult>;
export type YouthSearchResult = SearchResult['results'][number];
export type MatchedOn = YouthSearchResult['matchedOn'];

// "My youth": the caseload, paged and sorted on the server, with the true total. ----------------

/**
 * The relations that put a youth on a user's caseload: assigned to them or to someone they
 * supervise, on a team (MDT) they sit on, or in their advocacy. Not the organization-wide
 * relation: an auditor or an organization-wide supervisor sees many youth, but none of them is
 * "theirs" by that alone.
 */
export const CASELOAD_RELATIONS = ['assigned', 'supervises', 'mdt', 'advocacy'] as const;
export type CaseloadRelation = (typeof CASELOAD_RELATIONS)[number];

export const CASELOAD_SORTS = ['name', 'dateOfBirth', 'spa'] as const;
export type CaseloadSort = (typeof CASELOAD_SORTS)[number];

export const CaseloadQuery = z.object(pageQuery(CASELOAD_SORTS, { sort: 'name', dir: 'asc' })).strict();
export type CaseloadQuery = z.infer<typeof CaseloadQuery>;

export const CaseloadCsvQuery = z
  .object({ sort: CaseloadQuery.shape.sort, dir: CaseloadQuery.shape.dir, lang: exportLanguage() })
  .strict();
export type CaseloadCsvQuery = z.infer<typeof CaseloadCsvQuery>;

export const CaseloadYouth = z.object({
  id: z.string(),
  name: z.string().nullable().describe('The name the youth is called by; null when the record has no names'),
  legalName: z.string().nullable(),
  stateClientId: z
    .string()
    .nullable()
    .describe('For a youth with no names: the state client id they are shown by; otherwise null'),
  dateOfBirth: z.string().nullable(),
  spaNumber: z.number().nullable(),
  relations: z.array(z.enum(CASELOAD_RELATIONS)).describe('Why the youth is on your caseload'),
});
export type CaseloadYouth = z.infer<typeof CaseloadYouth>;

export const Caseload = z.object({ youth: z.array(CaseloadYouth), ...PageInfo });
export type Caseload = z.infer<typeof Caseload>;

// Who viewed this record (src/contract/access-log.ts holds its query and the visit rule).
export { AccessLog } from './access-log.js';
