// County settings: read by everyone in the county, replaced by county administrators. The shape
// and its limits are the domain's (src/domain/county-settings.ts).
import { z } from 'zod';
import { CountySettingsSchema } from '../domain/county-settings.js';

export { CountySettingsSchema, type CountySettings } from '../domain/county-settings.js';

export const CountySettingsView = z.object({
  settings: CountySettingsSchema,
  version: z.number(),
  updatedAt: z.string().nullable(),
});
export type CountySettingsView = z.infer<typeof CountySettingsView>;

export const CountySettingsUpdate = z
  .object({ version: z.number().int().min(0), settings: CountySettingsSchema })
  .strict();
