// Rules that differ between counties live in county settings, with defaults from DOMAIN.md.
// Each later capability adds its section here (response timelines, MDT parties, ...).
import { z } from 'zod';

export const CountySettingsSchema = z.object({
  screening: z
    .object({
      /** Months until the next screening is due, by the last level found (DOMAIN.md section 2: configurable). */
      rescreenMonths: z
        .object({
          no_concern: z.number().int().min(1).max(36).default(12),
          possible_concern: z.number().int().min(1).max(36).default(6),
          clear_concern: z.number().int().min(1).max(36).default(3),
        })
        .default({ no_concern: 12, possible_concern: 6, clear_concern: 3 }),
    })
    .default({ rescreenMonths: { no_concern: 12, possible_concern: 6, clear_concern: 3 } }),
  crossReport: z
    .object({
      /** PC 11166(j): cross-report an identified victim to law enforcement within 24 hours. A county may be stricter, never looser. */
      hours: z.number().int().min(1).max(24).default(24),
    })
    .default({ hours: 24 }),
});

export type CountySettings = z.infer<typeof CountySettingsSchema>;

export const DEFAULT_COUNTY_SETTINGS: CountySettings = CountySettingsSchema.parse({});

/** Stored settings may predate a section; missing parts take today's defaults. */
export function effectiveSettings(stored: unknown): CountySettings {
  const parsed = CountySettingsSchema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : DEFAULT_COUNTY_SETTINGS;
}
