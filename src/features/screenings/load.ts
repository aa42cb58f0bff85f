// Reading screenings and their instrument versions inside a youth's scoped transaction.
// Screening answers and their result are exploitation details, the most guarded clinical
// category: every screening use case declares it to the checkpoint (`{ read|write: ['exploitation'] }`).
import { sql } from 'drizzle-orm';
import { asDate, selectRows, type Db } from '../../db/client.js';
import { missingItems, score, type InstrumentDefinition, type Ratings } from '../../domain/instruments.js';
import { invalidField, notFound } from '../../errors.js';
import type { ScreeningDetailT, ScreeningSummaryT } from '../../contract/screenings.js';

export interface ScreeningRow {
  id: string;
  youth_id: string;
  instrument_version_id: string;
  instrument_key: string;
  instrument_version: number;
  definition: InstrumentDefinition;
  demonstration: boolean;
  context: ScreeningSummaryT['context'];
  status: 'draft' | 'final';
  level: ScreeningSummaryT['level'];
  administered_at: Date | string;
  administered_by_name: string;
  organization_name: string;
  next_due_on: string | null;
  supersedes_id: string | null;
  superseded_by_id: string | null;
  supersede_reason: string | null;
  ratings: Ratings;
  notes: string | null;
  version: number;
}

const SELECT = sql`SELECT s.id, s.youth_id, s.instrument_version_id, i.key AS instrument_key, v.version AS instrument_version,
    v.definition, v.demonstration, s.context, s.status, s.level, s.administered_at, u.display_name AS administered_by_name,
    o.name AS organization_name, s.next_due_on::text AS next_due_on, s.supersedes_id, s.superseded_by_id, s.supersede_reason,
    s.ratings, s.notes, s.version
  FROM screenings s
  JOIN instrument_versions v ON v.id = s.instrument_version_id
  JOIN instruments i ON i.id = v.instrument_id
  JOIN users u ON u.id = s.administered_by
  JOIN organizations o ON o.id = s.organization_id`;

export async function loadScreenings(tx: Db, youthId: string): Promise<ScreeningRow[]> {
  return selectRows<ScreeningRow>(
    tx,
    sql`${SELECT} WHERE s.youth_id = ${youthId} ORDER BY s.administered_at DESC, s.created_at DESC`,
  );
}

export async function loadScreening(tx: Db, youthId: string, screeningId: string, lock = false): Promise<ScreeningRow> {
  const [row] = await selectRows<ScreeningRow>(
    tx,
    sql`${SELECT} WHERE s.id = ${screeningId} AND s.youth_id = ${youthId}${lock ? sql` FOR UPDATE OF s` : sql``}`,
  );
  if (!row) throw notFound('screening');
  return row;
}

export async function loadInstrumentVersion(tx: Db, versionId: string) {
  const [row] = await selectRows<{ id: string; definition: InstrumentDefinition; retired_at: Date | null }>(
    tx,
    sql`SELECT id, definition, retired_at FROM instrument_versions WHERE id = ${versionId}`,
  );
  if (!row)
    throw invalidField(
      '/body/instrumentVersionId',
      'unknown_reference',
      'instrumentVersionId: no instrument version with that id is available to your county.',
    );
  if (row.retired_at)
    throw invalidField(
      '/body/instrumentVersionId',
      'instrument_retired',
      'instrumentVersionId: that instrument version has been retired; use the current version.',
      undefined,
      'instrument_retired',
    );
  return row;
}

export function summary(row: ScreeningRow): ScreeningSummaryT {
  return {
    id: row.id,
    instrument: {
      versionId: row.instrument_version_id,
      key: row.instrument_key,
      name: row.definition.name,
      version: row.instrument_version,
      demonstration: row.demonstration,
    },
    context: row.context,
    status: row.status,
    level: row.level,
    administeredAt: asDate(row.administered_at).toISOString(),
    administeredBy: row.administered_by_name,
    organization: row.organization_name,
    nextDueOn: row.next_due_on,
    supersedesId: row.supersedes_id,
    supersededById: row.superseded_by_id,
    version: row.version,
  };
}

/** The full screening with a result computed from the version it was scored with. */
export function detail(row: ScreeningRow): ScreeningDetailT {
  const result = score(row.definition, row.ratings);
  return {
    ...summary(row),
    ratings: row.ratings,
    notes: row.notes,
    supersedeReason: row.supersede_reason,
    result,
    missing: missingItems(row.definition, row.ratings),
    guidance: row.definition.guidance[row.level ?? result.level],
  };
}
