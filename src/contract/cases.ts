// Child welfare and probation cases: opened, edited and closed in Harbor, or imported from the
// state system (read-only history of what it sent). The case number is the state system's.
import { z } from 'zod';
import { CASE_KINDS, type CaseKind } from '../domain/people.js';
import { id, line, pastDate } from './primitives.js';
import { YouthId } from './youth.js';

export { CASE_KINDS, type CaseKind };

/** The state system's case number (CWS/CMS, the probation system): one line, 1 to 40 characters. */
const caseNumber = () => line({ min: 1, max: 40 }).describe("The state system's case number");

export const CaseCreate = z
  .object({
    kind: z.enum(CASE_KINDS),
    caseNumber: caseNumber(),
    openedOn: pastDate().describe('When the case opened: 2000-01-01 to today (county time)'),
    closedOn: pastDate().nullable().optional().describe('When it closed, if it already has: on or after openedOn'),
    assignedUserId: id()
      .nullable()
      .optional()
      .describe("The worker carrying the case: an active user of the county's agency of that kind"),
  })
  .strict();
export type CaseCreate = z.infer<typeof CaseCreate>;

export const CasePatch = z
  .object({
    version: z.number().int().min(1),
    caseNumber: caseNumber().optional(),
    openedOn: pastDate().optional(),
    assignedUserId: id().nullable().optional(),
  })
  .strict();
export type CasePatch = z.infer<typeof CasePatch>;

export const CaseClose = z
  .object({
    version: z.number().int().min(1),
    closedOn: pastDate().describe('On or after the day the case opened, not in the future'),
    reason: line({ max: 500 }).nullable().optional(),
  })
  .strict();
export type CaseClose = z.infer<typeof CaseClose>;

export const CaseParams = YouthId.extend({ caseId: id().describe('Case id (UUID)') });

export const CaseView = z.object({
  id: z.string(),
  kind: z.enum(CASE_KINDS).describe('The web translates it (caseKinds.<kind>)'),
  caseNumber: z.string().nullable().describe('Null for an imported case the state sent without one'),
  county: z.string().describe("The county's name"),
  organization: z.string().nullable().describe('The agency; null for an imported case of a county without one'),
  openedOn: z.string(),
  closedOn: z.string().nullable(),
  closeReason: z.string().nullable(),
  assignedUser: z.object({ id: z.string(), name: z.string() }).nullable(),
  imported: z.boolean().describe('Imported from the state system'),
  version: z.number(),
});
export type CaseView = z.infer<typeof CaseView>;

export const CaseCreated = CaseView.extend({
  crossReportObligationId: z
    .string()
    .nullable()
    .describe('The law-enforcement cross-report duty this case opened (a child welfare case of a victim), if any'),
});
export type CaseCreated = z.infer<typeof CaseCreated>;

export const CaseList = z.object({ cases: z.array(CaseView).describe('Newest first') });
export type CaseList = z.infer<typeof CaseList>;

export const CaseHistoryEntry = z.object({
  version: z.number(),
  changedAt: z.string(),
  changedBy: z.string().nullable().describe('Who saved it; null when the state system sent it (imported)'),
  kind: z.enum(CASE_KINDS).nullable(),
  caseNumber: z.string().nullable(),
  openedOn: z.string().nullable(),
  closedOn: z.string().nullable(),
  assignedUser: z.string().nullable().describe("The assigned worker's name as saved"),
  closeReason: z.string().nullable(),
});
export type CaseHistoryEntry = z.infer<typeof CaseHistoryEntry>;

export const CaseHistory = z.object({ entries: z.array(CaseHistoryEntry).describe('Newest first') });
export type CaseHistory = z.infer<typeof CaseHistory>;
