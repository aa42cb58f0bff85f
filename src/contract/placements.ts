import { z } from 'zod';
import { PLACEMENT_TYPE_KEYS } from '../domain/placements.js';
import { id, isoDateTime, line } from './primitives.js';
import { YouthId } from './youth.js';

const when = isoDateTime();

export const PlacementCreate = z
  .object({
    placementType: z.enum(PLACEMENT_TYPE_KEYS),
    providerId: id().nullable().optional(),
    startAt: when,
    endAt: when.nullable().optional(),
    changeReason: line({ max: 500 }).nullable().optional().describe('Why the youth moved here'),
    csecTrained: z.boolean().nullable().optional().describe('Whether the placement is trained for CSEC youth'),
    address: line({ max: 300 }).nullable().optional().describe('The placement address: the most restricted field'),
  })
  .strict();

export const PlacementUpdate = z
  .object({
    version: z.number().int().min(1),
    endAt: when.nullable().optional(),
    startAt: when.optional(),
    changeReason: line({ max: 500 }).nullable().optional(),
    csecTrained: z.boolean().nullable().optional(),
    address: line({ max: 300 }).nullable().optional(),
  })
  .strict();

export const PlacementParams = YouthId.extend({ placementId: id() });

export const PlacementView = z.object({
  id: z.string(),
  placementType: z.enum(PLACEMENT_TYPE_KEYS).describe('The web translates it (placementTypes.<key>)'),
  startAt: z.string(),
  endAt: z.string().nullable(),
  changeReason: z.string().nullable(),
  csecTrained: z.boolean().nullable(),
  current: z.boolean(),
  /** Present only with the placement_location grant (the youth's own workers). */
  provider: z.object({ id: z.string(), name: z.string() }).nullable().optional(),
  address: z.string().nullable().optional(),
  version: z.number(),
});
export type PlacementViewT = z.infer<typeof PlacementView>;
export type PlacementView = PlacementViewT;

export const PlacementList = z.object({
  placements: z.array(PlacementView),
  gaps: z.array(z.object({ from: z.string(), to: z.string() })),
  locationHidden: z.boolean(),
});
export type PlacementList = z.infer<typeof PlacementList>;
