// Audit events: written by the checkpoint inside the same transaction as the work they record.
// The chain fields (shard, sequence, hashes) are filled in by a database trigger; see
// src/db/migrations/20261121_0002_audit_log.sql.
import { sql } from 'drizzle-orm';
import type { Db, Database } from '../db/client.js';
import type { FieldCategory } from '../domain/field-categories.js';
import type { Actor, RequestMeta } from './actor.js';

export interface AuditEntry {
  countyId: string;
  action: string;
  outcome?: 'allowed' | 'denied';
  youthId?: string | null;
  recordIds?: readonly string[];
  categories?: readonly FieldCategory[];
  details?: Record<string, unknown>;
}

const textArray = (values: readonly string[]) =>
  values.length
    ? sql`ARRAY[${sql.join(
        values.map((v) => sql`${v}`),
        sql`, `,
      )}]::text[]`
    : sql`'{}'::text[]`;

export async function appendAudit(tx: Db, actor: Actor | null, meta: RequestMeta | null, e: AuditEntry) {
  await tx.execute(sql`INSERT INTO audit_events
    (county_id, actor_user_id, actor_organization_id, actor_roles, action, outcome, youth_id,
     record_ids, categories, request_id, client_ip, details, shard, shard_seq, prev_hash, hash)
    VALUES (${e.countyId}, ${actor?.userId ?? null}, ${actor?.organizationId ?? null},
      ${textArray(actor?.roles ?? [])}, ${e.action}, ${e.outcome ?? 'allowed'}, ${e.youthId ?? null},
      ${textArray(e.recordIds ?? [])}, ${textArray(e.categories ?? [])}, ${meta?.requestId ?? null},
      ${meta?.clientIp ?? null}, ${JSON.stringify(e.details ?? {})}::jsonb, 0, 0, '', '')`);
}

export interface VerifyResult {
  ok: boolean;
  events: number;
  chains: { shard: number; length: number; head: string }[];
  problems: string[];
}

/**
 * Walks every chain and recomputes every hash. Finds edited rows (hash mismatch), removed rows
 * (a gap in the sequence or a broken link) and a truncated tail (the head row disagrees).
 */
export async function verifyAudit(database: Database, batchSize = 5000): Promise<VerifyResult> {
  const heads = await database.query<{ shard: number; seq: string; last_hash: string }>(
    'SELECT shard, seq::text, last_hash FROM audit_chain ORDER BY shard',
  );
  const problems: string[] = [];
  const chains: VerifyResult['chains'] = [];
  let events = 0;
  for (const head of heads) {
    let prev = 'genesis';
    let expectedSeq = 1;
    let lastSeq = 0;
    for (;;) {
      const rows = await database.query<{
        id: string;
        shard_seq: string;
        prev_hash: string;
        hash: string;
        recomputed: string;
      }>(
        `SELECT e.id::text, e.shard_seq::text, e.prev_hash, e.hash, harbor_audit_hash(e.prev_hash, e) AS recomputed
           FROM audit_events e WHERE e.shard = $1 AND e.shard_seq > $2 ORDER BY e.shard_seq LIMIT $3`,
        [head.shard, lastSeq, batchSize],
      );
      for (const r of rows) {
        const seq = Number(r.shard_seq);
        if (seq !== expectedSeq) problems.push(`chain ${head.shard}: events ${expectedSeq}..${seq - 1} are missing`);
        if (r.prev_hash !== prev)
          problems.push(`chain ${head.shard}: event ${r.id} does not link to the event before it`);
        if (r.recomputed !== r.hash)
          problems.push(`chain ${head.shard}: event ${r.id} was altered after it was written`);
        prev = r.hash;
        expectedSeq = seq + 1;
        lastSeq = seq;
        events++;
      }
      if (rows.length < batchSize) break;
    }
    if (Number(head.seq) !== lastSeq || head.last_hash !== prev) {
      problems.push(`chain ${head.shard}: the newest events are missing (head says ${head.seq}, found ${lastSeq})`);
    }
    chains.push({ shard: head.shard, length: lastSeq, head: prev });
  }
  return { ok: problems.length === 0, events, chains, problems };
}
