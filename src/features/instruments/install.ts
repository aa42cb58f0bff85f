// Instruments are data. Harbor ships demonstration instruments (county_id NULL); a county that
// holds a licence for a validated tool imports it as its own (docs/INSTRUMENTS.md). A changed
// definition always becomes a new version: versions already used by a screening never change.
import type { Database, RawConnection } from '../../db/client.js';
import { DEMO_INSTRUMENTS } from '../../domain/demo-instruments.js';
import { parseDefinition, type InstrumentDefinition } from '../../domain/instruments.js';

export class InstrumentImportError extends Error {
  constructor(readonly problems: string[]) {
    super(`The instrument file has ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
  }
}

/** Stable JSON (sorted keys) so an unchanged definition is recognised as unchanged. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * Adds the definition as the instrument's next version unless the latest is the same. Run it
 * inside a transaction: the upsert of the instrument row locks that row until commit, so two
 * processes installing at once (two servers starting, an import during a start) take turns and
 * never both compute the same next version.
 */
export async function upsertInstrument(
  conn: RawConnection,
  countyId: string | null,
  definition: InstrumentDefinition,
): Promise<{ versionId: string; version: number; created: boolean }> {
  const [instrument] = await conn.query<{ id: string }>(
    `INSERT INTO instruments (county_id, key) VALUES ($1, $2)
     ON CONFLICT (coalesce(county_id, '00000000-0000-0000-0000-000000000000'::uuid), key) DO UPDATE SET key = EXCLUDED.key
     RETURNING id`,
    [countyId, definition.key],
  );
  const [latest] = await conn.query<{ id: string; version: number; definition: unknown }>(
    'SELECT id, version, definition FROM instrument_versions WHERE instrument_id = $1 ORDER BY version DESC LIMIT 1',
    [instrument!.id],
  );
  if (latest && canonical(latest.definition) === canonical(definition)) {
    return { versionId: latest.id, version: latest.version, created: false };
  }
  const version = (latest?.version ?? 0) + 1;
  const [row] = await conn.query<{ id: string }>(
    `INSERT INTO instrument_versions (instrument_id, county_id, version, definition, demonstration)
     VALUES ($1, $2, $3, $4::jsonb, $5) RETURNING id`,
    [instrument!.id, countyId, version, JSON.stringify(definition), definition.demonstration],
  );
  return { versionId: row!.id, version, created: true };
}

/** Each shipped instrument in a transaction of its own (see upsertInstrument). */
export async function installShippedInstruments(database: Database): Promise<void> {
  for (const definition of DEMO_INSTRUMENTS) {
    await database.pinned(async (conn) => {
      await conn.execScript('BEGIN');
      try {
        await upsertInstrument(conn, null, definition);
        await conn.execScript('COMMIT');
      } catch (err) {
        await conn.execScript('ROLLBACK');
        throw err;
      }
    });
  }
}

/** `harbor import instrument`: validate a county's instrument file and add it as a new version. */
export async function importInstrument(
  database: Database,
  countyCode: string,
  json: unknown,
): Promise<{ key: string; version: number; created: boolean }> {
  const parsed = parseDefinition(json);
  if (!parsed.ok) throw new InstrumentImportError(parsed.problems);
  return database.pinned(async (conn) => {
    const [county] = await conn.query<{ id: string }>('SELECT id FROM counties WHERE code = $1', [countyCode]);
    if (!county) throw new InstrumentImportError([`county: no county with code "${countyCode}"`]);
    await conn.execScript('BEGIN');
    try {
      const result = await upsertInstrument(conn, county.id, parsed.definition);
      await conn.execScript('COMMIT');
      return { key: parsed.definition.key, version: result.version, created: result.created };
    } catch (err) {
      await conn.execScript('ROLLBACK');
      throw err;
    }
  });
}
