// Hotline referrals and their disposition; a CSEC allegation carries the "S-CSEC Referral" code.
import { z } from 'zod';
import { id, isoDateTime, line } from './primitives.js';

export const ReferralCreate = z
  .object({
    externalId: line({ max: 64 }).nullable().optional().describe('The referral id in CWS/CMS or the county system'),
    receivedAt: isoDateTime(),
    disposition: line({ max: 100 }).nullable().optional(),
    dispositionAt: isoDateTime().nullable().optional(),
    allegations: z
      .array(line({ min: 2, max: 200 }))
      .max(20)
      .default([]),
    csecAllegation: z.boolean().describe('The referral alleges commercial sexual exploitation; adds "S-CSEC Referral"'),
  })
  .strict();

export const ReferralDisposition = z
  .object({ disposition: line({ min: 2, max: 100 }), dispositionAt: isoDateTime() })
  .strict();

export const ReferralParams = z.object({ id: id(), referralId: id() });

export const ReferralView = z.object({
  id: z.string(),
  externalId: z.string().nullable(),
  receivedAt: z.string(),
  disposition: z.string().nullable(),
  dispositionAt: z.string().nullable(),
  allegations: z.array(z.string()),
  specialProjectCodes: z.array(z.string()),
  version: z.number().int().describe('Send it back with a correction (optimistic concurrency)'),
});
export type ReferralView = z.infer<typeof ReferralView>;
