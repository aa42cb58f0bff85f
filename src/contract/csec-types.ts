import { z } from 'zod';
import { CSEC_TYPE_CODES } from '../../domain/csec-type.js';

export { CSEC_TYPE_CODES };

export const CSEC_SOURCES = ['screening', 'self_disclosure', 'law_enforcement', 'court', 'other'] as const;

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'use the form YYYY-MM-DD');

export const CsecTypeCreate = z
  .object({
    type: z.enum(CSEC_TYPE_CODES),
    startDate: date,
    endDate: date.nullable().optional(),
    allegationSubcategory: z
      .string()
      .trim()
      .min(2, 'is required: the state counts suffered when it was optional')
      .max(200),
    source: z.enum(CSEC_SOURCES),
    screeningId: z.string().uuid().nullable().optional(),
    referralId: z.string().uuid().nullable().optional().describe('Link to a referral; default: associated by date'),
    caseId: z.string().uuid().nullable().optional().describe('Link to a case; default: associated by date'),
    immediateDanger: z
      .boolean()
      .optional()
      .describe(
        'For a victim type: the youth is in immediate danger (a crisis MDT is due within 24 hours; otherwise an initial MDT within 7 days)',
      ),
  })
  .strict()
  .refine((v) => !(v.referralId && v.caseId), { message: 'link to a referral or a case, not both', path: ['caseId'] });

export const CsecTypeUpdate = z
  .object({
    version: z.number().int().min(1),
    startDate: date.optional(),
    endDate: date.nullable().optional(),
    allegationSubcategory: z.string().trim().min(2).max(200).optional(),
  })
  .strict();

export const CsecTypeView = z.object({
  id: z.string(),
  type: z.enum(CSEC_TYPE_CODES),
  label: z.object({ en: z.string(), es: z.string() }),
  startDate: z.string(),
  endDate: z.string().nullable(),
  allegationSubcategory: z.string(),
  source: z.enum(CSEC_SOURCES),
  screeningId: z.string().nullable(),
  associatedWith: z.object({ kind: z.enum(['referral', 'case']), id: z.string() }).nullable(),
  recordedBy: z.string(),
  recordedAt: z.string(),
  version: z.number(),
});
export type CsecTypeViewT = z.infer<typeof CsecTypeView>;
