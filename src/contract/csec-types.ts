// CSEC Type records: record, change, list with today's type under the state hierarchy.
import { z } from 'zod';
import {
  CSEC_RECORD_SOURCES,
  CSEC_SOURCES,
  CSEC_TYPE_CODES,
  type CsecSource,
  type CsecTypeCode,
} from '../domain/csec-type.js';
import { DATE_OF_BIRTH_MIN, countyToday, id, isoDate, line } from './primitives.js';

export { CSEC_SOURCES, CSEC_TYPE_CODES, type CsecSource, type CsecTypeCode };

/** When a type began to apply: a real date, not before any youth's birth (1990), not in the future. */
export const startDate = () => isoDate({ min: DATE_OF_BIRTH_MIN, max: countyToday, futureCode: true });
/** When it stopped applying: a real date from 1990 to 2099. */
export const endDate = () => isoDate({ min: DATE_OF_BIRTH_MIN });

export const CsecTypeCreate = z
  .object({
    type: z.enum(CSEC_TYPE_CODES),
    startDate: startDate(),
    endDate: endDate().nullable().optional(),
    allegationSubcategory: line({ min: 2, max: 200 }).describe(
      'Required: the state counts suffered when it was optional',
    ),
    source: z.enum(CSEC_SOURCES),
    screeningId: id().nullable().optional(),
    referralId: id().nullable().optional().describe('Link to a referral; default: associated by date'),
    caseId: id().nullable().optional().describe('Link to a case; default: associated by date'),
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
    startDate: startDate().optional(),
    endDate: endDate().nullable().optional(),
    allegationSubcategory: line({ min: 2, max: 200 }).optional(),
  })
  .strict();

export const CsecTypeView = z.object({
  id: z.string(),
  type: z.enum(CSEC_TYPE_CODES).describe('The CSEC Type; the web translates it (csecTypes.<type>.label)'),
  startDate: z.string(),
  endDate: z.string().nullable(),
  /** Null only for a Type imported without one (queued for data quality). */
  allegationSubcategory: z.string().nullable(),
  source: z.enum(CSEC_RECORD_SOURCES),
  screeningId: z.string().nullable(),
  associatedWith: z
    .object({
      kind: z.enum(['referral', 'case']),
      id: z.string(),
      /** The referral's or case's number in the state system, when it has one. */
      number: z.string().nullable(),
    })
    .nullable()
    .describe('The referral or case the Type belongs to (received..disposition, else the case open that day)'),
  /** Null for a Type imported from the state extract: no Harbor user recorded it. */
  recordedBy: z.string().nullable(),
  recordedAt: z.string(),
  version: z.number(),
});
export type CsecTypeViewT = z.infer<typeof CsecTypeView>;
export type CsecTypeView = CsecTypeViewT;

export const CsecTypeParams = z.object({ id: id(), recordId: id() });

export const CsecTypeList = z.object({
  records: z.array(CsecTypeView),
  current: z.object({ type: z.enum(CSEC_TYPE_CODES) }).nullable(),
});
export type CsecTypeList = z.infer<typeof CsecTypeList>;

export const CsecTypeCreated = CsecTypeView.extend({ crossReportObligationId: z.string().nullable() });
export type CsecTypeCreated = z.infer<typeof CsecTypeCreated>;
