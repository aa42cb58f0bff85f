import { sql } from 'drizzle-orm';
import type { ReferenceContext } from '../../access/contexts.js';
import { selectRows } from '../../db/client.js';
import type { InstrumentDefinition } from '../../domain/instruments.js';
import { notFound } from '../../errors.js';

export function listInstruments(repo: ReferenceContext) {
  return repo.forCounty(
    'instruments.list',
    async ({ tx }) => {
      // Row-level security shows shipped instruments and this county's own.
      const rows = await selectRows<{
        id: string;
        key: string;
        version: number;
        definition: InstrumentDefinition;
        county_id: string | null;
      }>(
        tx,
        sql`SELECT DISTINCT ON (v.instrument_id) v.id, i.key, v.version, v.definition, v.county_id
              FROM instrument_versions v JOIN instruments i ON i.id = v.instrument_id
             WHERE v.retired_at IS NULL
             ORDER BY v.instrument_id, v.version DESC`,
      );
      return {
        instruments: rows
          .map((r) => ({
            versionId: r.id,
            key: r.key,
            version: r.version,
            name: r.definition.name,
            description: r.definition.description,
            audience: r.definition.audience ?? null,
            demonstration: r.definition.demonstration,
            county: r.county_id !== null,
          }))
          .sort((a, b) => Number(b.county) - Number(a.county) || a.name.en.localeCompare(b.name.en)),
      };
    },
    { audit: false },
  );
}

export function getInstrumentVersion(repo: ReferenceContext, versionId: string) {
  return repo.forCounty(
    'instruments.read',
    async ({ tx }) => {
      const [row] = await selectRows<{
        id: string;
        version: number;
        definition: InstrumentDefinition;
        retired_at: Date | null;
      }>(tx, sql`SELECT id, version, definition, retired_at FROM instrument_versions WHERE id = ${versionId}`);
      if (!row) throw notFound('instrument version');
      return { versionId: row.id, version: row.version, retired: row.retired_at !== null, definition: row.definition };
    },
    { audit: false },
  );
}
