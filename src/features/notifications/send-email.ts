// Sends queued email (email_outbox) through SMTP with nodemailer. A job on the system connection:
// the server runs it after the missed-obligation job; `harbor jobs run send-email` runs it once.
//
// - HARBOR_SMTP_URL unset: nothing is sent, the mail stays queued, a warning is logged once.
// - Each email is claimed before sending (attempts + 1, next try pushed back), so two instances
//   never send the same one at the same time; a crash mid-send retries it later.
// - A failure is retried with a growing delay (1, 2, 4, 8... minutes, at most 60) until
//   maxAttempts; then the email is given up (gave_up_at) and kept with its last error.
// Bodies are made by messages.ts and carry only counts and links, never youth data.
import nodemailer from 'nodemailer';
import { systemRepo } from '../../access/checkpoint.js';
import type { Database } from '../../db/client.js';

export interface MailSettings {
  /** smtp://host:port or smtps://user:pass@host:port; undefined keeps mail queued. */
  smtpUrl: string | undefined;
  from: string;
}

export interface JobLog {
  warn(msg: string): void;
}

export interface SendResult {
  sent: number;
  failed: number;
  gaveUp: number;
  /** Why nothing was attempted, if so. */
  skipped?: 'no_smtp';
}

export interface SendOptions {
  log?: JobLog;
  batchSize?: number;
  /** Stop after this many emails in one run; the next run continues. */
  maxPerRun?: number;
  maxAttempts?: number;
  /** Delay before the next try after `attempts` failures. */
  retryDelayMs?: (attempts: number) => number;
}

export const MAX_EMAIL_ATTEMPTS = 5;
const defaultRetryDelay = (attempts: number) => Math.min(2 ** Math.max(0, attempts - 1), 60) * 60_000;
/** While an email is being sent it is not due again for this long (a crashed sender's claim expires). */
const CLAIM_MS = 10 * 60_000;

const warned = new WeakSet<JobLog>();

interface Claimed {
  id: string;
  to_address: string;
  subject: string;
  body: string;
  attempts: number;
}

export async function sendQueuedEmail(
  database: Database,
  mail: MailSettings,
  opts: SendOptions = {},
): Promise<SendResult> {
  const result: SendResult = { sent: 0, failed: 0, gaveUp: 0 };
  if (!mail.smtpUrl) {
    if (opts.log && !warned.has(opts.log)) {
      warned.add(opts.log);
      opts.log.warn('HARBOR_SMTP_URL is not set: notification emails stay queued in email_outbox until it is.');
    }
    return { ...result, skipped: 'no_smtp' };
  }
  const db = systemRepo(database);
  const batchSize = opts.batchSize ?? 50;
  const maxPerRun = opts.maxPerRun ?? 500;
  const maxAttempts = opts.maxAttempts ?? MAX_EMAIL_ATTEMPTS;
  const retryDelay = opts.retryDelayMs ?? defaultRetryDelay;
  // Pooled: one run reuses its connections for every email instead of one connection each.
  const transport = nodemailer.createTransport({
    pool: true,
    maxConnections: 2,
    url: mail.smtpUrl,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  try {
    let handled = 0;
    // Each email is tried at most once per run, even when its retry is due at once.
    const tried: string[] = [];
    while (handled < maxPerRun) {
      const batch = await db.query<Claimed>(
        `UPDATE email_outbox SET attempts = attempts + 1, next_attempt_at = now() + $2 * interval '1 millisecond'
          WHERE id IN (SELECT id FROM email_outbox
                        WHERE sent_at IS NULL AND gave_up_at IS NULL AND next_attempt_at <= now()
                          AND NOT (id = ANY ($3::uuid[]))
                        ORDER BY next_attempt_at, created_at LIMIT $1 FOR UPDATE SKIP LOCKED)
          RETURNING id, to_address, subject, body, attempts`,
        [Math.min(batchSize, maxPerRun - handled), CLAIM_MS, tried],
      );
      if (batch.length === 0) break;
      handled += batch.length;
      tried.push(...batch.map((m) => m.id));
      for (const m of batch) {
        try {
          await transport.sendMail({ from: mail.from, to: m.to_address, subject: m.subject, text: m.body });
          await db.query(`UPDATE email_outbox SET sent_at = now(), last_error = NULL WHERE id = $1`, [m.id]);
          result.sent++;
        } catch (err) {
          const message = (err instanceof Error ? err.message : String(err)).slice(0, 500);
          const giveUp = m.attempts >= maxAttempts;
          await db.query(
            `UPDATE email_outbox SET last_error = $2,
                    gave_up_at = CASE WHEN $3::boolean THEN now() END,
                    next_attempt_at = now() + $4 * interval '1 millisecond'
              WHERE id = $1`,
            [m.id, message, giveUp, retryDelay(m.attempts)],
          );
          if (giveUp) result.gaveUp++;
          else result.failed++;
        }
      }
    }
  } finally {
    transport.close();
  }
  return result;
}
