// Screenings: start a draft, autosave it, finalize it, amend a final one; lists and details.
import { z } from 'zod';
import { LEVELS } from '../domain/instruments.js';
import { SCREENING_CONTEXTS, type ScreeningContext } from '../domain/screening-contexts.js';
import { freeText, id, isoDateTime, line } from './primitives.js';

export { SCREENING_CONTEXTS, type ScreeningContext };

export const Ratings = z.record(z.string().min(1).max(64), line({ max: 64 })).describe('Item key → answer value');

export const ScreeningCreate = z
  .object({
    instrumentVersionId: id(),
    context: z.enum(SCREENING_CONTEXTS),
    administeredAt: isoDateTime().optional().describe('Default: now'),
    ratings: Ratings.optional(),
    notes: freeText({ max: 5000 }).nullable().optional(),
    supersedesId: id().optional().describe('The final screening this one amends'),
    supersedeReason: freeText({ min: 5, max: 1000 }).optional().describe('Why the earlier screening is being amended'),
  })
  .strict()
  .refine((v) => !v.supersedesId || v.supersedeReason, {
    message: 'give a reason when amending a screening',
    path: ['supersedeReason'],
    params: { code: 'required' },
  });

export const ScreeningSave = z
  .object({
    version: z.number().int().min(1),
    context: z.enum(SCREENING_CONTEXTS).optional(),
    administeredAt: isoDateTime().optional(),
    ratings: Ratings.optional().describe('The full set of answers so far (replaces the saved set)'),
    notes: freeText({ max: 5000 }).nullable().optional(),
  })
  .strict();

export const ScreeningParams = z.object({ id: id(), screeningId: id() });

export const ScreeningFinalize = z.object({ version: z.number().int().min(1) }).strict();

export const Localized = z.object({ en: z.string(), es: z.string() });
/** Text in both languages; show the one matching the UI language. */
export type Localized = z.infer<typeof Localized>;
export const Level = z.enum(LEVELS);
export type Level = z.infer<typeof Level>;

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
export type ScreeningSummary = ScreeningSummaryT;
export type ScreeningDetail = ScreeningDetailT;
export type MissingItem = ScreeningDetail['missing'][number];

export const ScreeningList = z.object({
  screenings: z.array(ScreeningSummary),
  nextDue: z.object({ on: z.string(), overdue: z.boolean() }).nullable(),
});
export type ScreeningList = z.infer<typeof ScreeningList>;
