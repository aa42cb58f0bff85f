// Failure counting with a lockout, shared by the two steps of signing in: the password (per email
// address, real or not: login.ts) and the two-step code (per account: mfa.ts). One row per key in
// login_throttle: failures since the first of the current window, and the lock's end once the
// count reaches the limit. Counting is one upsert, so simultaneous failures all count.
import type { HarborConfig } from '../../config.js';
import type { Database } from '../../db/client.js';

export type ThrottleConfig = Pick<HarborConfig, 'loginMaxFailures' | 'loginLockoutMs'>;

/** When the key's lock ends, if it is locked now. */
export async function lockedUntil(database: Database, key: string): Promise<Date | null> {
  const [row] = await database.query<{ locked_until: Date | string | null }>(
    'SELECT locked_until FROM login_throttle WHERE key = $1 AND locked_until > now()',
    [key],
  );
  return row?.locked_until ? new Date(row.locked_until) : null;
}

/**
 * Counts a failure. Failures older than the lockout period start a new count. Returns when the
 * lock ends if this failure reached the limit (or the key was already locked), else null.
 */
export async function recordFailure(database: Database, key: string, config: ThrottleConfig): Promise<Date | null> {
  const [row] = await database.query<{ locked_until: Date | string | null }>(
    `WITH s AS (SELECT $2::int AS max, make_interval(secs => $3::float8) AS span)
     INSERT INTO login_throttle AS t (key, failures, first_failure_at, locked_until)
     SELECT $1, 1, now(), CASE WHEN s.max <= 1 THEN now() + s.span END FROM s
     ON CONFLICT (key) DO UPDATE SET
       failures = CASE WHEN t.first_failure_at < now() - make_interval(secs => $3::float8) THEN 1 ELSE t.failures + 1 END,
       first_failure_at = CASE WHEN t.first_failure_at < now() - make_interval(secs => $3::float8)
                               THEN now() ELSE t.first_failure_at END,
       locked_until = CASE
         WHEN (CASE WHEN t.first_failure_at < now() - make_interval(secs => $3::float8) THEN 1 ELSE t.failures + 1 END) >= $2::int
         THEN greatest(t.locked_until, now() + make_interval(secs => $3::float8))
         ELSE t.locked_until END
     RETURNING CASE WHEN locked_until > now() THEN locked_until END AS locked_until`,
    [key, config.loginMaxFailures, config.loginLockoutMs / 1000],
  );
  return row?.locked_until ? new Date(row.locked_until) : null;
}

export async function clearFailures(database: Database, key: string): Promise<void> {
  await database.query('DELETE FROM login_throttle WHERE key = $1', [key]);
}

/** Whole minutes until `until`, at least 1, for the message. */
export const minutesUntil = (until: Date) => Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60_000));
