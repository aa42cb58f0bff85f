// The county compliance report (issue 5): the query and the answer (page, CSV and XLSX share it).
import { z } from 'zod';
import { MDT_TIERS } from '../domain/mdt.js';
import { adminDate } from './primitives.js';

export const ComplianceQuery = z.object({
  from: adminDate().describe('First day of the range (county date)'),
  to: adminDate().describe('Last day of the range, inclusive (county date)'),
});
export type ComplianceQuery = z.infer<typeof ComplianceQuery>;

const Share = z.number().nullable().describe('0 to 1; null when nothing was due');

export const ComplianceReport = z.object({
  from: z.string(),
  to: z.string(),
  mdtOnTime: z.array(z.object({ tier: z.enum(MDT_TIERS), due: z.number(), heldOnTime: z.number(), share: Share })),
  arrivals: z.array(
    z.object({
      organization: z.string(),
      notified: z.number(),
      arrived: z.number(),
      withinTarget: z.number(),
      share: Share,
      medianMinutes: z.number().nullable(),
    }),
  ),
  targetMinutes: z.number(),
  obligations: z.array(
    z.object({
      kind: z.string().describe('The obligation kind; the web translates it (obligationKinds.<kind>.label)'),
      label: z.string().describe('The kind in English, as the CSV and XLSX exports write it'),
      organization: z.string(),
      metOnTime: z.number(),
      metLate: z.number(),
      missed: z.number(),
      waived: z.number(),
      open: z.number(),
    }),
  ),
});
export type ComplianceReportT = z.infer<typeof ComplianceReport>;
export type ComplianceReport = ComplianceReportT;
