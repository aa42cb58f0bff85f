import { z } from 'zod';
import { FIELD_CATEGORIES } from '../../domain/field-categories.js';
import { ENTRY_PATHWAYS, IDENTIFIER_SYSTEMS } from '../../domain/people.js';

export const YouthId = z.object({ id: z.string().describe('Youth id (UUID)') });

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'use the form YYYY-MM-DD')
  .refine((d) => !Number.isNaN(Date.parse(d + 'T00:00:00Z')), 'is not a real date');

const name = z.string().trim().min(1, 'cannot be empty').max(100);
const optionalText = z.string().trim().max(200).nullable().optional();

export const Identifier = z.object({
  system: z.enum(IDENTIFIER_SYSTEMS),
  value: z.string().trim().min(1).max(64),
});

export const YouthFields = z.object({
  legalFirstName: name,
  legalLastName: name,
  preferredName: optionalText,
  dateOfBirth: isoDate.refine((d) => d <= new Date().toISOString().slice(0, 10), 'cannot be in the future'),
  genderIdentity: optionalText,
  pronouns: optionalText,
  sexualOrientation: optionalText,
  raceEthnicity: z.array(z.string().trim().min(1).max(100)).max(10).optional(),
  primaryLanguage: optionalText,
  spaNumber: z.number().int().min(1).max(99).nullable().optional(),
  phone: z.string().trim().max(40).nullable().optional(),
  email: z.string().trim().email().max(320).nullable().optional(),
  aliases: z.array(z.string().trim().min(1).max(100)).max(20).optional(),
  identifiers: z.array(Identifier).max(20).optional(),
  entryPathway: z.enum(ENTRY_PATHWAYS).nullable().optional().describe('How the youth came to the system (seed 003)'),
  dualStatus: z.boolean().optional().describe('Dual status: both child welfare and probation (WIC 241.1)'),
});

export const YouthCreate = YouthFields.strict();
export const YouthPatch = YouthFields.partial()
  .extend({ version: z.number().int().min(1).describe('The version you loaded; a mismatch gives 409') })
  .strict();

export const YouthView = z.object({
  id: z.string(),
  version: z.number(),
  legalFirstName: z.string().optional(),
  legalLastName: z.string().optional(),
  preferredName: z.string().nullable().optional(),
  dateOfBirth: z.string().optional(),
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
        organization: z.string(),
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
        organization: z.string(),
        receivedAt: z.string(),
        disposition: z.string().nullable(),
        specialProjectCodes: z.array(z.string()),
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

export const SearchResult = z.object({
  results: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      legalName: z.string(),
      dateOfBirth: z.string(),
      spaNumber: z.number().nullable(),
      matchedOn: z.enum(['name', 'alias', 'date_of_birth', 'identifier', 'caseload']),
    }),
  ),
});
