// Request and response shapes of first responder encounters and each agency's arrival.
import { z } from 'zod';
import { LOCATION_TYPES } from '../domain/first-response.js';
import { id, isoDateTime, line } from './primitives.js';
import { YouthId } from './youth.js';

const when = isoDateTime();

export const EncounterCreate = z
  .object({
    foundByOrganizationId: id(),
    foundByName: line({ min: 2, max: 200 }).describe('The officer or responder who found the youth'),
    foundAt: when,
    locationType: z.enum(LOCATION_TYPES),
    spaNumber: z.number().int().min(1).max(99).nullable().optional(),
    streetAddress: line({ max: 300 }).nullable().optional().describe('Only when needed'),
    hotlineCalledAt: when,
    hotlineReference: line({ max: 100 }).nullable().optional(),
    notified: z
      .array(z.object({ organizationId: id(), notifiedAt: when, arrivedAt: when.nullable().optional() }).strict())
      .max(20)
      .default([]),
    advocateOrganizationId: id().nullable().optional(),
    advocateDispatchedAt: when.nullable().optional(),
    youthWentTo: line({ max: 300 }).nullable().optional(),
    healthEvaluationAt: when.nullable().optional(),
    healthEvaluationBy: line({ min: 2, max: 200 }).nullable().optional().describe('Who did the health evaluation'),
  })
  .strict()
  .refine((v) => !v.healthEvaluationAt || v.healthEvaluationBy, {
    message: 'say who did the health evaluation',
    path: ['healthEvaluationBy'],
    params: { code: 'required' },
  });
export type EncounterCreate = z.infer<typeof EncounterCreate>;

export const EncounterCreated = z.object({ id: z.string(), obligationIds: z.array(z.string()) });

export const ArrivalParams = YouthId.extend({ encounterId: id(), organizationId: id() });
export const ArrivalUpdate = z.object({ arrivedAt: when }).strict();
export const ArrivalRecorded = z.object({ id: z.string(), arrivedAt: z.string() });

export const ArrivalView = z.object({
  organizationId: z.string(),
  organization: z.string(),
  notifiedAt: z.string(),
  arrivedAt: z.string().nullable(),
  minutesFromCall: z.number().nullable().describe('Minutes from the hotline call to the arrival'),
  onTime: z.boolean().nullable().describe('Within the county target; null until the agency arrives'),
});
export type ArrivalView = z.infer<typeof ArrivalView>;

export const EncounterView = z.object({
  id: z.string(),
  foundBy: z.object({ organization: z.string(), name: z.string() }),
  foundAt: z.string(),
  locationType: z.string().describe('One of the location types (LOCATION_TYPES)'),
  spaNumber: z.number().nullable(),
  streetAddress: z
    .string()
    .nullable()
    .optional()
    .describe("Absent when the user's grant does not cover contact and location details"),
  hotlineCalledAt: z.string(),
  hotlineReference: z.string().nullable(),
  advocate: z.object({ organization: z.string(), dispatchedAt: z.string().nullable() }).nullable(),
  youthWentTo: z.string().nullable(),
  healthEvaluationAt: z.string().nullable(),
  healthEvaluation: z
    .object({
      obligationId: z.string(),
      status: z.enum(['open', 'met', 'missed', 'waived']),
      dueAt: z.string(),
      completedAt: z.string().nullable(),
      provider: z.string().nullable(),
    })
    .nullable()
    .describe('The 72-hour health evaluation duty, when the county requires one'),
  arrivals: z.array(ArrivalView),
});
export type EncounterView = z.infer<typeof EncounterView>;

export const EncounterList = z.object({
  targetMinutes: z.number().describe("The county's on-scene target, minutes from the hotline call"),
  encounters: z.array(EncounterView),
});
export type EncounterList = z.infer<typeof EncounterList>;
