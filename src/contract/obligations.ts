// A duty (obligation) as the API shows it: worklists, the profile, the missing-youth reports; and
// what meets each kind of duty (the meet record), checked by the kind's schema below.
import { z } from 'zod';
import { freeText, id, isoDateTime, line } from './primitives.js';

export const ObligationView = z.object({
  id: z.string(),
  youthId: z.string(),
  youthName: z.string().optional(),
  youthClientId: z
    .string()
    .optional()
    .describe('For a youth with no names on record (a state extract): their state client id, shown instead'),
  youthVisible: z
    .boolean()
    .optional()
    .describe('Organization worklist only: false when you may not see who the youth is (no name, no youth id)'),
  kind: z.string().describe('The obligation kind; the web translates it (obligationKinds.<kind>)'),
  basis: z.string().describe('The legal or protocol basis, in English'),
  status: z.enum(['open', 'met', 'missed', 'waived']),
  dueAt: z.string(),
  minutesLeft: z.number().describe('Negative when overdue'),
  owner: z.string().nullable(),
  organization: z.string(),
  metAt: z.string().nullable(),
  metOnTime: z.boolean().nullable(),
  missedAt: z
    .string()
    .nullable()
    .describe('When the missed-obligation job recorded the miss; kept after a late meeting'),
  record: z.record(z.string(), z.unknown()).nullable(),
  waiveReason: z.string().nullable(),
  createdAt: z.string(),
  version: z.number(),
});
export type ObligationViewT = z.infer<typeof ObligationView>;
export type ObligationView = ObligationViewT;
export type ObligationStatus = ObligationView['status'];

export const ObligationList = z.object({ obligations: z.array(ObligationView) });
export type ObligationList = z.infer<typeof ObligationList>;

export const ObligationParams = z.object({ id: id(), obligationId: id() });

export const WORKLIST_VIEWS = ['mine', 'team', 'organization'] as const;
export const WorklistQuery = z.object({ view: z.enum(WORKLIST_VIEWS).default('mine') });

export const ObligationWaive = z.object({ reason: freeText({ min: 10, max: 1000 }) }).strict();

/** The body of "meet": the meet record of the obligation's kind (MEET_RECORDS), checked by the route. */
export const ObligationMeet = z
  .record(z.string(), z.unknown())
  .describe("The meet record of the obligation's kind (a cross-report: agency, reportNumber, madeAt)");

// What meets each kind of obligation. Times are ISO 8601 with an offset; the server also refuses
// a time in the future or long before the duty arose.
const when = (what: string) => isoDateTime().describe(`${what} (ISO 8601 with offset)`);
const note = freeText({ max: 1000 }).optional();
const meetingId = id().optional().describe('The MDT meeting record, when there is one');
const agency = line({ min: 2, max: 200 }).describe('The law enforcement agency');
const reportNumber = line({ min: 1, max: 100 }).describe('The report number the agency gave you');

/** An MDT tier is met by holding the meeting. */
const mdtMeeting = z.object({ heldAt: when('When the meeting was held'), meetingId, note }).strict();

const notified = z
  .object({
    notifiedAt: when('When the notification was made'),
    notifiedName: line({ min: 2, max: 200 }).optional().describe('Who was told'),
    method: z.enum(['phone', 'in_person', 'email', 'letter', 'other']).optional(),
    note,
  })
  .strict();

export const MEET_RECORDS = {
  cross_report_law_enforcement: z.object({ agency, reportNumber, madeAt: when('When it was done') }).strict(),
  responders_on_scene: z
    .object({
      arrivedAt: when('When the agency arrived on scene'),
      responderName: line({ min: 2, max: 200 }).optional(),
      note,
    })
    .strict(),
  health_evaluation_72h: z
    .object({
      completedAt: when('When the evaluation was done'),
      provider: line({ min: 2, max: 200 }).describe('Who did the evaluation'),
    })
    .strict(),
  crisis_mdt_24h: mdtMeeting,
  initial_mdt: mdtMeeting,
  ongoing_mdt_review: mdtMeeting,
  mdt_action_item: z.object({ completedAt: when('When it was done'), note }).strict(),
  screening_due: z
    .object({
      screeningId: id().describe('The finalized screening'),
      completedAt: when('When the screening was finalized'),
    })
    .strict(),
  missing_report_law_enforcement: z
    .object({
      agency,
      reportNumber,
      reportedAt: when('When the report was made'),
      enteredInNcic: z.boolean().describe('Whether the agency confirmed the entry in NCIC'),
    })
    .strict(),
  missing_report_ncmec: z
    .object({
      reportedAt: when('When the report was made'),
      ncmecCaseNumber: line({ min: 1, max: 100 }).describe('The case number NCMEC gave you'),
    })
    .strict(),
  missing_notify_attorney: notified,
  missing_notify_parent: notified,
  missing_notify_court: notified,
  missing_debrief: z
    .object({
      completedAt: when('When the debrief was completed'),
      debriefId: id(),
      screeningId: id(),
    })
    .strict(),
  advocacy_first_contact: z.object({ contactedAt: when('When the advocate reached the youth'), note }).strict(),
} as const;
export type MeetRecordKind = keyof typeof MEET_RECORDS;
export type MeetRecord<K extends MeetRecordKind> = z.input<(typeof MEET_RECORDS)[K]>;
