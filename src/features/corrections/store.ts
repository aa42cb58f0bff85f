// The one corrections mechanism (issue 14): before a recorded MDT meeting, CSEC Type or hotline
// referral is corrected in place, or a draft screening is discarded, the values it had are kept in
// record_corrections with the reason, who and when, inside the same scoped transaction (row-level
// security keeps them in the actor's county). Supervisors and auditors read them back.
import { sql } from 'drizzle-orm';
import { asDate, selectRows, type Db } from '../../db/client.js';
import type { FieldCategory } from '../../domain/field-categories.js';
import type { CorrectedRecordKind, CorrectionViewT } from '../../contract/corrections.js';

/** The field category each kind of record's earlier values belong to (what a reader must be granted). */
export const CORRECTION_CATEGORY: Record<CorrectedRecordKind, FieldCategory> = {
  mdt_meeting: 'exploitation',
  csec_type: 'exploitation',
  referral: 'identity',
  screening: 'exploitation',
};

export interface Earlier {
  countyId: string;
  youthId: string;
  kind: CorrectedRecordKind;
  recordId: string;
  action: 'corrected' | 'discarded';
  /** The record's version the earlier values belonged to. */
  version: number;
  earlier: Record<string, unknown>;
  reason: string;
  by: string;
}

/** Keeps the values a correction replaces (call before the record changes, in the same transaction). */
export async function keepEarlier(tx: Db, e: Earlier): Promise<string> {
  const [row] = await selectRows<{ id: string }>(
    tx,
    sql`INSERT INTO record_corrections (county_id, youth_id, record_kind, record_id, action, version, earlier, reason, corrected_by)
        VALUES (${e.countyId}, ${e.youthId}, ${e.kind}, ${e.recordId}, ${e.action}, ${e.version},
          ${JSON.stringify(e.earlier)}::jsonb, ${e.reason.trim()}, ${e.by})
        RETURNING id`,
  );
  return row!.id;
}

/** Only the fields a correction changes, as they were (dates as ISO strings). */
export function changedFields(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(after)) {
    if (v === undefined) continue;
    const was = before[k] instanceof Date ? (before[k] as Date).toISOString() : (before[k] ?? null);
    const now = v instanceof Date ? v.toISOString() : v;
    if (JSON.stringify(was) !== JSON.stringify(now)) out[k] = was;
  }
  return out;
}

/** A youth's corrections of the kinds given, oldest first. */
export async function loadCorrections(
  tx: Db,
  youthId: string,
  kinds: readonly CorrectedRecordKind[],
): Promise<CorrectionViewT[]> {
  if (kinds.length === 0) return [];
  const rows = await selectRows<{
    id: string;
    record_kind: CorrectedRecordKind;
    record_id: string;
    action: 'corrected' | 'discarded';
    version: number;
    earlier: Record<string, unknown>;
    reason: string;
    corrected_by: string;
    corrected_at: Date | string;
  }>(
    tx,
    sql`SELECT c.id, c.record_kind, c.record_id, c.action, c.version, c.earlier, c.reason,
               u.display_name AS corrected_by, c.corrected_at
          FROM record_corrections c JOIN users u ON u.id = c.corrected_by
         WHERE c.youth_id = ${youthId}
           AND c.record_kind IN (${sql.join(
             kinds.map((k) => sql`${k}`),
             sql`, `,
           )})
         ORDER BY c.corrected_at, c.version`,
  );
  return rows.map((r) => ({
    id: r.id,
    recordKind: r.record_kind,
    recordId: r.record_id,
    action: r.action,
    version: r.version,
    earlier: r.earlier,
    reason: r.reason,
    correctedBy: r.corrected_by,
    correctedAt: asDate(r.corrected_at).toISOString(),
  }));
}
