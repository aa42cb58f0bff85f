import { z } from 'zod';
import { PLACEMENT_TYPE_KEYS } from '../../domain/placements.js';

const when = z.string().datetime({ offset: true });

export const PlacementCreate = z
  .object({
    placementType: z.enum(PLACEMENT_TYPE_KEYS),
    providerId: z.string().uuid('is not a provider id').nullable().optional(),
    startAt: when,
    endAt: when.nullable().optional(),
    changeReason: z.string().trim().max(500).nullable().optional().describe('Why the youth moved here'),
    csecTrained: z.boolean().nullable().optional().describe('Whether the placement is trained for CSEC youth'),
    address: z
      .string()
      .trim()
      .max(300)
      .nullable()
      .optional()
      .describe('The placement address: the most restricted field'),
  })
  .strict();

export const PlacementUpdate = z
  .object({
    version: z.number().int().min(1),
    endAt: when.nullable().optional(),
    startAt: when.optional(),
    changeReason: z.string().trim().max(500).nullable().optional(),
    csecTrained: z.boolean().nullable().optional(),
    address: z.string().trim().max(300).nullable().optional(),
  })
  .strict();

export const PlacementView = z.object({
  id: z.string(),
  placementType: z.enum(PLACEMENT_TYPE_KEYS),
  label: z.object({ en: z.string(), es: z.string() }),
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

export const PlacementList = z.object({
  placements: z.array(PlacementView),
  gaps: z.array(z.object({ from: z.string(), to: z.string() })),
  locationHidden: z.boolean(),
});
