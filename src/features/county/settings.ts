import { sql } from 'drizzle-orm';
import type { AdminContext, ReferenceContext } from '../../access/contexts.js';
import { asDate, selectRows, type Db } from '../../db/client.js';
import { CountySettingsSchema, effectiveSettings, type CountySettings } from '../../domain/county-settings.js';
import { changedMeanwhile, conflict } from '../../errors.js';

export interface SettingsView {
  settings: CountySettings;
  version: number;
  updatedAt: string | null;
}

/** The county's settings inside an existing scoped transaction (used by other use cases). */
export async function settingsIn(tx: Db, countyId: string): Promise<CountySettings> {
  const [row] = await selectRows<{ settings: unknown }>(
    tx,
    sql`SELECT settings FROM county_settings WHERE county_id = ${countyId}`,
  );
  return effectiveSettings(row?.settings);
}

export function getCountySettings(repo: ReferenceContext): Promise<SettingsView> {
  return repo.forCounty(
    'county.settings.read',
    async ({ tx, actor }) => {
      const [row] = await selectRows<{ settings: unknown; version: number; updated_at: Date | string }>(
        tx,
        sql`SELECT settings, version, updated_at FROM county_settings WHERE county_id = ${actor.countyId}`,
      );
      return {
        settings: effectiveSettings(row?.settings),
        version: row?.version ?? 0,
        updatedAt: row ? asDate(row.updated_at).toISOString() : null,
      };
    },
    { audit: false },
  );
}

/** Replaces the settings (whole document, validated), keeping every earlier version in history. */
export function updateCountySettings(
  repo: AdminContext,
  input: { version: number; settings: unknown },
): Promise<SettingsView> {
  const settings = CountySettingsSchema.parse(input.settings);
  return repo.forCounty(
    'county.settings.update',
    async ({ tx, actor, note }) => {
      const [current] = await selectRows<{ version: number }>(
        tx,
        sql`SELECT version FROM county_settings WHERE county_id = ${actor.countyId} FOR UPDATE`,
      );
      const currentVersion = current?.version ?? 0;
      if (currentVersion !== input.version) {
        throw conflict(
          `Someone changed the county settings after you opened them (you had version ${input.version}, it is now ${currentVersion}). Reload and try again.`,
          { yourVersion: input.version, currentVersion },
          'stale_version',
        );
      }
      const next = currentVersion + 1;
      const json = JSON.stringify(settings);
      // FOR UPDATE above serializes editors once the row exists. The very first save has no row to
      // lock: two first saves both read version 0, so the upsert only replaces the version it read
      // (the second waits on the primary key, then finds version 1 and changes nothing).
      const [row] = await selectRows<{ updated_at: Date | string }>(
        tx,
        sql`INSERT INTO county_settings AS cs (county_id, settings, version, updated_at, updated_by)
            VALUES (${actor.countyId}, ${json}::jsonb, ${next}, now(), ${actor.userId})
            ON CONFLICT (county_id) DO UPDATE SET settings = EXCLUDED.settings, version = EXCLUDED.version,
              updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by
              WHERE cs.version = ${currentVersion}
            RETURNING updated_at`,
      );
      if (!row) throw changedMeanwhile('the county settings', 'them');
      await tx.execute(sql`INSERT INTO county_settings_history (county_id, version, settings, changed_by)
        VALUES (${actor.countyId}, ${next}, ${json}::jsonb, ${actor.userId})`);
      note({ version: next });
      return { settings, version: next, updatedAt: asDate(row.updated_at).toISOString() };
    },
    { audit: true },
  );
}
