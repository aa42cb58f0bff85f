// Privacy-safe figures for analysts: small cells suppressed (src/domain/suppression.ts).
import { z } from 'zod';

export const YouthByArea = z.object({
  rows: z.array(
    z.object({
      county: z.string(),
      spaNumber: z.number().nullable(),
      spaName: z.string().nullable(),
      youth: z.union([z.number(), z.literal('<11')]),
    }),
  ),
  suppression: z.string(),
});
export type YouthByArea = z.infer<typeof YouthByArea>;
export type YouthByAreaRow = YouthByArea['rows'][number];
