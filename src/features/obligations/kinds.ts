// The kinds of obligation Harbor tracks, what meets each one, and where the duty comes from.
// Response (MDT, first responder) and missing-youth capabilities add their kinds here.
import { z } from 'zod';

const when = z.string().datetime({ offset: true }).describe('When it was done (ISO 8601 with offset)');

export const OBLIGATION_KINDS = {
  cross_report_law_enforcement: {
    label: { en: 'Cross-report to law enforcement', es: 'Reporte cruzado a las autoridades' },
    basis: 'PC 11166(j): report a youth in care identified as a CSEC victim to law enforcement within 24 hours.',
    meetRecord: z
      .object({
        agency: z.string().trim().min(2, 'name the law enforcement agency').max(200),
        reportNumber: z.string().trim().min(1, 'give the report number the agency gave you').max(100),
        madeAt: when,
      })
      .strict(),
  },
} as const;

export type ObligationKind = keyof typeof OBLIGATION_KINDS;
export const OBLIGATION_KIND_KEYS = Object.keys(OBLIGATION_KINDS) as ObligationKind[];
