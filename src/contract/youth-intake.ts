// Intake and corrections of identity (issue 14, finding 1): the likely-duplicate check made
// before a youth is added, and the history of changes to a youth's identity and contact details.
import { z } from 'zod';
import { YouthFields } from './youth.js';

/**
 * What the intake form knows before saving: the names, and the date of birth and aliases when
 * given. Sent in a POST body (never a query string) so names stay out of URLs and logs.
 */
export const DuplicateCheck = z
  .object({
    legalFirstName: YouthFields.shape.legalFirstName,
    legalLastName: YouthFields.shape.legalLastName,
    preferredName: YouthFields.shape.preferredName,
    dateOfBirth: YouthFields.shape.dateOfBirth.optional(),
    aliases: YouthFields.shape.aliases,
  })
  .strict();
export type DuplicateCheck = z.infer<typeof DuplicateCheck>;

export const DUPLICATE_REASONS = ['name', 'alias', 'date_of_birth', 'name_and_date_of_birth'] as const;
export type DuplicateReason = (typeof DUPLICATE_REASONS)[number];

export const DuplicateMatches = z.object({
  matches: z
    .array(
      z.object({
        id: z.string(),
        name: z.string().nullable(),
        legalName: z.string().nullable(),
        dateOfBirth: z.string().nullable(),
        spaNumber: z.number().nullable(),
        reason: z.enum(DUPLICATE_REASONS).describe('Why this youth may be the same person'),
      }),
    )
    .describe('Only youth you could find by search; never a youth of another county or one you may not see'),
});
export type DuplicateMatches = z.infer<typeof DuplicateMatches>;
export type DuplicateMatch = DuplicateMatches['matches'][number];

/** The fields whose changes the identity history keeps (identity and contact details). */
export const HISTORY_FIELDS = [
  'legalFirstName',
  'legalLastName',
  'preferredName',
  'dateOfBirth',
  'genderIdentity',
  'pronouns',
  'sexualOrientation',
  'raceEthnicity',
  'primaryLanguage',
  'spaNumber',
  'aliases',
  'identifiers',
  'entryPathway',
  'phone',
  'email',
] as const;
export type HistoryField = (typeof HISTORY_FIELDS)[number];

export const IdentityHistory = z.object({
  changes: z.array(
    z.object({
      id: z.string(),
      at: z.string(),
      by: z.string(),
      version: z.number(),
      fields: z.array(z.enum(HISTORY_FIELDS)),
      previous: z
        .record(z.string(), z.unknown())
        .describe('The value each field held before; contact fields only if you may see contact details'),
    }),
  ),
});
export type IdentityHistory = z.infer<typeof IdentityHistory>;
