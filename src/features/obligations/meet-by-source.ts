import { sql } from 'drizzle-orm';
import { selectRows, type Db } from '../../db/client.js';
import { invalidRecord } from '../../errors.js';
import { kindDef, type ObligationKind } from './kinds.js';

/**
 * Meets, inside the caller's transaction, the open or missed obligation of a kind that an event
 * opened: for the features that record what meets a duty themselves (an agency's arrival meets
 * its "responders on scene" duty, the part being the agency's id; a recorded health evaluation
 * meets the 72-hour duty). The record is checked against the kind's meet record (kinds.ts); a
 * missed one becomes met, late. Returns the ids met: none when already settled or never opened.
 */
export async function meetObligationsBySource(
  tx: Db,
  m: { kind: ObligationKind; sourceId: string; sourcePart?: string; record: Record<string, unknown>; metBy: string },
): Promise<string[]> {
  const def = kindDef(m.kind)!;
  const parsed = def.meetRecord.safeParse(m.record);
  if (!parsed.success) throw invalidRecord(parsed.error.issues);
  const doneAt = new Date(String(parsed.data[def.doneAt])).toISOString();
  const rows = await selectRows<{ id: string }>(
    tx,
    sql`UPDATE obligations SET status = 'met', met_at = ${doneAt}, met_by = ${m.metBy},
               met_record = ${JSON.stringify(parsed.data)}::jsonb, version = version + 1
         WHERE kind = ${m.kind} AND source_id = ${m.sourceId} AND source_part = ${m.sourcePart ?? ''}
           AND status IN ('open', 'missed')
         RETURNING id`,
  );
  return rows.map((r) => r.id);
}

/**
 * Waives, inside the caller's transaction, the open or missed obligation a source opened when the
 * source itself ends the duty (an advocacy referral declined or closed before first contact):
 * the system's waive, with the reason on the record and the person whose step ended it.
 */
export async function waiveObligationsBySource(
  tx: Db,
  w: { kind: ObligationKind; sourceId: string; sourcePart?: string; reason: string; waivedBy: string; at: Date },
): Promise<string[]> {
  const rows = await selectRows<{ id: string }>(
    tx,
    sql`UPDATE obligations SET status = 'waived', waived_at = ${w.at.toISOString()}, waived_by = ${w.waivedBy},
               waive_reason = ${w.reason}, version = version + 1
         WHERE kind = ${w.kind} AND source_id = ${w.sourceId} AND source_part = ${w.sourcePart ?? ''}
           AND status IN ('open', 'missed')
         RETURNING id`,
  );
  return rows.map((r) => r.id);
}
