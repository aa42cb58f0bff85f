// Corrections (issue 14): a recorded MDT meeting, CSEC Type or hotline referral is corrected in
// place with a reason, the values it replaced kept (record_corrections); a draft screening can be
// discarded. Supervisors and auditors see the earlier versions (ability corrections.history).
import { z } from 'zod';
import { CSEC_TYPE_CODES } from '../domain/csec-type.js';
import { CAREGIVER_PARTICIPATION, MDT_TIERS, YOUTH_PARTICIPATION } from '../domain/mdt.js';
import { endDate, startDate } from './csec-types.js';
import { freeText, id, isoDateTime, line } from './primitives.js';

export const CORRECTED_RECORD_KINDS = ['mdt_meeting', 'csec_type', 'referral', 'screening'] as const;
export type CorrectedRecordKind = (typeof CORRECTED_RECORD_KINDS)[number];

const version = z.number().int().min(1).describe('The version you loaded; another saved in between is a 409');
const reason = line({ min: 3, max: 500 }).describe('Why the record is corrected (kept with the earlier version)');

export const MeetingCorrection = z
  .object({
    version,
    reason,
    tier: z.enum(MDT_TIERS).optional(),
    scheduledAt: isoDateTime().optional(),
    heldAt: isoDateTime().optional(),
    youthParticipation: z.enum(YOUTH_PARTICIPATION).nullable().optional(),
    caregiverParticipation: z.enum(CAREGIVER_PARTICIPATION).nullable().optional(),
    decisions: freeText({ max: 10_000 }).nullable().optional(),
  })
  .strict();
export const MeetingParams = z.object({ id: id(), meetingId: id() });
export const MeetingCorrected = z.object({
  id: z.string(),
  version: z.number().int(),
  missingParties: z.array(z.string()),
});

export const CsecTypeCorrection = z
  .object({
    version,
    reason,
    type: z.enum(CSEC_TYPE_CODES).optional(),
    startDate: startDate().optional(),
    endDate: endDate().nullable().optional(),
    allegationSubcategory: line({ min: 2, max: 200 }).optional(),
  })
  .strict();

export const ReferralCorrection = z
  .object({
    version,
    reason,
    externalId: line({ max: 64 }).nullable().optional(),
    receivedAt: isoDateTime().optional(),
    disposition: line({ min: 2, max: 100 }).optional(),
    dispositionAt: isoDateTime().optional(),
  })
  .strict();

export const ScreeningDiscard = z.object({ version, reason }).strict();
export const ScreeningDiscarded = z.object({ id: z.string(), discarded: z.literal(true) });

export const CorrectionView = z.object({
  id: z.string(),
  recordKind: z.enum(CORRECTED_RECORD_KINDS),
  recordId: z.string(),
  action: z.enum(['corrected', 'discarded']),
  version: z.number().int().describe('The version the earlier values belonged to'),
  earlier: z.record(z.string(), z.unknown()).describe('The values the correction replaced'),
  reason: z.string(),
  correctedBy: z.string(),
  correctedAt: z.string(),
});
export type CorrectionViewT = z.infer<typeof CorrectionView>;
export const CorrectionList = z.object({ corrections: z.array(CorrectionView) });
export type CorrectionList = z.infer<typeof CorrectionList>;
