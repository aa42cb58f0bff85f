import { z } from 'zod';

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

export const Ratings = z.record(z.string().max(64), z.string().max(64)).describe('Item key → answer value');

export const ScreeningCreate = z
  .object({
    instrumentVersionId: z.string().uuid('is not an instrument version id'),
    context: z.enum(SCREENING_CONTEXTS),
    administeredAt: z.string().datetime({ offset: true }).optional().describe('Default: now'),
    ratings: Ratings.optional(),
    notes: z.string().max(5000).nullable().optional(),
    supersedesId: z.string().uuid().optional().describe('The final screening this one amends'),
    supersedeReason: z.string().trim().min(5, 'say why the earlier screening is being amended').max(1000).optional(),
  })
  .strict()
  .refine((v) => !v.supersedesId || v.supersedeReason, {
    message: 'give a reason when amending a screening',
    path: ['supersedeReason'],
  });

export const ScreeningSave = z
  .object({
    version: z.number().int().min(1),
    context: z.enum(SCREENING_CONTEXTS).optional(),
    administeredAt: z.string().datetime({ offset: true }).optional(),
    ratings: Ratings.optional().describe('The full set of answers so far (replaces the saved set)'),
    notes: z.string().max(5000).nullable().optional(),
  })
  .strict();

export const ScreeningParams = z.object({ id: z.string(), screeningId: z.string().uuid('is not a screening id') });

const Localized = z.object({ en: z.string(), es: z.string() });
const Level = z.enum(['no_concern', 'possible_concern', 'clear_concern']);

export const ScreeningSummary = z.object({
  id: z.string(),
  instrument: z.object({
    versionId: z.string(),
    key: z.string(),
    name: Localized,
    version: z.number(),
    demonstration: z.boolean(),
  }),
  context: z.enum(SCREENING_CONTEXTS),
  status: z.enum(['draft', 'final']),
  level: Level.nullable(),
  administeredAt: z.string(),
  administeredBy: z.string(),
  organization: z.string(),
  nextDueOn: z.string().nullable(),
  supersedesId: z.string().nullable(),
  supersededById: z.string().nullable(),
  version: z.number(),
});

export const ScreeningDetail = ScreeningSummary.extend({
  ratings: Ratings,
  notes: z.string().nullable(),
  supersedeReason: z.string().nullable(),
  result: z.object({
    level: Level,
    complete: z.boolean(),
    indicators: z.array(
      z.object({ key: z.string(), score: z.number(), level: Level, rated: z.number(), total: z.number() }),
    ),
    criticalTriggered: z.array(z.string()),
  }),
  missing: z.array(z.object({ section: z.string(), item: z.string() })),
  guidance: Localized,
});
export type ScreeningDetailT = z.infer<typeof ScreeningDetail>;
export type ScreeningSummaryT = z.infer<typeof ScreeningSummary>;
