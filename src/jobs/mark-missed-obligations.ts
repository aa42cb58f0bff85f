// The missed-obligation job: every open obligation whose due time has passed becomes 'missed',
// and the people the county's escalation settings name are told (in the app, and by an email
// that carries only a count and links). Runs every minute from the server and on demand from
// `harbor jobs run missed-obligations`.
//
// - One transaction on the system connection (a job: no checkpoint, no county wall).
// - Safe to run twice: only status 'open' is picked, so a second run finds nothing; the unique
//   index on notifications would refuse a second notice anyway.
// - Safe after downtime: everything past due is handled in the one run, however old.
// - Two server instances never run it at once: a transaction-level advisory lock; the one that
//   does not get it returns at once (ran: false) and the next tick tries again.
import type { SystemDatabase } from '../access/checkpoint.js';
import { sql } from 'drizzle-orm';
import { systemRepo } from '../access/checkpoint.js';
import { selectRows, type Db } from '../db/client.js';
import { effectiveSettings } from '../domain/county-settings.js';
import { missedDigestEmail, MAX_LINKS } from '../features/notifications/messages.js';

export const MISSED_OBLIGATIONS_LOCK = 727002;

export interface MarkMissedResult {
  /** False when another instance held the lock; nothing was done. */
  ran: boolean;
  marked: number;
  notifications: number;
  emails: number;
}

export interface MarkMissedOptions {
  /** "Now" for the due-time comparison (tests move it; the server uses the clock). */
  now?: Date;
  /** Base of the links in emails (HARBOR_PUBLIC_URL). */
  publicUrl: string;
}

interface EscalationRow {
  county_id: string;
  owner: boolean;
  levels: number;
  admins: boolean;
  email: boolean;
}

async function escalationByCounty(tx: Db): Promise<EscalationRow[]> {
  const rows = await selectRows<{ id: string; settings: unknown }>(
    tx,
    sql`SELECT c.id, s.settings FROM counties c LEFT JOIN county_settings s ON s.county_id = c.id`,
  );
  return rows.map((r) => {
    const e = effectiveSettings(r.settings).escalation;
    return {
      county_id: r.id,
      owner: e.owner,
      levels: e.supervisor_chain ? e.supervisor_levels : 0,
      admins: e.county_admin,
      email: e.email,
    };
  });
}

export async function markMissedObligations(
  database: SystemDatabase,
  opts: MarkMissedOptions,
): Promise<MarkMissedResult> {
  const now = (opts.now ?? new Date()).toISOString();
  const none = (ran: boolean): MarkMissedResult => ({ ran, marked: 0, notifications: 0, emails: 0 });
  return systemRepo(database).transactionWith({ 'harbor.job': 'mark_missed_obligations' }, async (tx) => {
    const [lock] = await selectRows<{ ok: boolean }>(
      tx,
      sql`SELECT pg_try_advisory_xact_lock(${MISSED_OBLIGATIONS_LOCK}) AS ok`,
    );
    if (!lock?.ok) return none(false);
    const [due] = await selectRows<{ any: boolean }>(
      tx,
      sql`SELECT EXISTS (SELECT 1 FROM obligations WHERE status = 'open' AND due_at < ${now}::timestamptz) AS any`,
    );
    if (!due?.any) return none(true);

    await tx.execute(sql`CREATE TEMP TABLE harbor_job_missed
      (id uuid, county_id uuid, youth_id uuid, kind text, owner_user_id uuid) ON COMMIT DROP`);
    await tx.execute(sql`WITH m AS (
        UPDATE obligations SET status = 'missed', missed_at = ${now}::timestamptz, version = version + 1
         WHERE status = 'open' AND due_at < ${now}::timestamptz
         RETURNING id, county_id, youth_id, kind, owner_user_id)
      INSERT INTO harbor_job_missed SELECT id, county_id, youth_id, kind, owner_user_id FROM m`);

    // Who hears of each miss: the owner, the owner's supervisors up the chain (as many levels as
    // the county says), the county's administrators; each person once per obligation, active
    // users of the same county only. The answer is one row per person, for the email.
    const cfg = JSON.stringify(await escalationByCounty(tx));
    const recipients = await selectRows<{
      user_id: string;
      county_id: string;
      email: string;
      send_email: boolean;
      owned: number;
      team: number;
      county: number;
      youth_ids: string[] | null;
      youth_count: number;
    }>(
      tx,
      sql`WITH RECURSIVE
        cfg AS (SELECT * FROM jsonb_to_recordset(${cfg}::jsonb)
                  AS c(county_id uuid, owner boolean, levels int, admins boolean, email boolean)),
        up (obligation_id, county_id, user_id, level) AS (
          SELECT m.id, m.county_id, u.supervisor_id, 1
            FROM harbor_job_missed m JOIN users u ON u.id = m.owner_user_id JOIN cfg c ON c.county_id = m.county_id
           WHERE c.levels >= 1 AND u.supervisor_id IS NOT NULL
          UNION ALL
          SELECT up.obligation_id, up.county_id, u.supervisor_id, up.level + 1
            FROM up JOIN users u ON u.id = up.user_id JOIN cfg c ON c.county_id = up.county_id
           WHERE up.level < c.levels AND u.supervisor_id IS NOT NULL),
        candidates AS (
          SELECT m.id AS obligation_id, m.county_id, m.youth_id, m.owner_user_id AS user_id, 1 AS priority, 'owner' AS reason
            FROM harbor_job_missed m JOIN cfg c ON c.county_id = m.county_id
           WHERE c.owner AND m.owner_user_id IS NOT NULL
          UNION ALL
          SELECT up.obligation_id, up.county_id, m.youth_id, up.user_id, 2, 'supervisor'
            FROM up JOIN harbor_job_missed m ON m.id = up.obligation_id
          UNION ALL
          SELECT m.id, m.county_id, m.youth_id, a.id, 3, 'county_admin'
            FROM harbor_job_missed m JOIN cfg c ON c.county_id = m.county_id
            JOIN users a ON a.county_id = m.county_id AND 'county_admin' = ANY (a.roles)
           WHERE c.admins),
        chosen AS (
          SELECT DISTINCT ON (k.obligation_id, k.user_id) k.*
            FROM candidates k JOIN users u ON u.id = k.user_id
           WHERE u.disabled_at IS NULL AND u.county_id = k.county_id
           ORDER BY k.obligation_id, k.user_id, k.priority),
        ins AS (
          INSERT INTO notifications (county_id, user_id, kind, reason, obligation_id, youth_id)
          SELECT county_id, user_id, 'obligation_missed', reason, obligation_id, youth_id FROM chosen
          ON CONFLICT DO NOTHING
          RETURNING county_id, user_id, reason, youth_id)
      SELECT i.user_id, i.county_id, u.email, c.email AS send_email,
             (count(*) FILTER (WHERE i.reason = 'owner'))::int AS owned,
             (count(*) FILTER (WHERE i.reason = 'supervisor'))::int AS team,
             (count(*) FILTER (WHERE i.reason = 'county_admin'))::int AS county,
             (array_agg(DISTINCT i.youth_id::text) FILTER (WHERE i.reason <> 'county_admin'))[1:${sql.raw(String(MAX_LINKS))}] AS youth_ids,
             (count(DISTINCT i.youth_id) FILTER (WHERE i.reason <> 'county_admin'))::int AS youth_count
        FROM ins i JOIN users u ON u.id = i.user_id JOIN cfg c ON c.county_id = i.county_id
       GROUP BY i.user_id, i.county_id, u.email, c.email`,
    );

    const emails = recipients
      .filter((r) => r.send_email)
      .map((r) => ({
        county_id: r.county_id,
        user_id: r.user_id,
        to_address: r.email,
        ...missedDigestEmail({
          publicUrl: opts.publicUrl,
          owned: r.owned,
          team: r.team,
          county: r.county,
          youthIds: r.youth_ids ?? [],
          youthCount: r.youth_count,
        }),
      }));
    if (emails.length) {
      await tx.execute(sql`INSERT INTO email_outbox (county_id, user_id, to_address, subject, body)
        SELECT county_id, user_id, to_address, subject, body
          FROM jsonb_to_recordset(${JSON.stringify(emails)}::jsonb)
            AS e(county_id uuid, user_id uuid, to_address text, subject text, body text)`);
    }

    // One audit event per county: the system changed these obligations' status. Written here
    // rather than through appendAudit because one run may hold tens of thousands of ids.
    const notifications = recipients.reduce((n, r) => n + r.owned + r.team + r.county, 0);
    const perCounty = await selectRows<{ marked: number }>(
      tx,
      sql`INSERT INTO audit_events (county_id, actor_roles, action, outcome, record_ids, categories, details,
                                    shard, shard_seq, prev_hash, hash)
          SELECT m.county_id, '{}', 'obligations.mark_missed', 'allowed', array_agg(m.id::text ORDER BY m.id), '{exploitation}',
                 jsonb_build_object('marked', count(*), 'job', 'missed-obligations'), 0, 0, '', ''
            FROM harbor_job_missed m GROUP BY m.county_id
          RETURNING (details->>'marked')::int AS marked`,
    );
    return { ran: true, marked: perCounty.reduce((n, r) => n + r.marked, 0), notifications, emails: emails.length };
  });
}
