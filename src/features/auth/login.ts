// Signing in: one generic answer for a wrong email or password, and a lockout that counts
// failures per address (real or not), so the answers reveal nothing about which accounts exist.
import type { HarborConfig } from '../../config.js';
import type { Database } from '../../db/client.js';
import { tooManyRequests, unauthorized } from '../../errors.js';
import { verifyPassword } from './passwords.js';
import type { SessionStore } from './sessions.js';
import { sha256 } from './tokens.js';

export const WRONG_CREDENTIALS = 'The email or password is not right. Check both and try again.';

type LoginConfig = Pick<HarborConfig, 'loginMaxFailures' | 'loginLockoutMs'>;

export async function login(
  database: Database,
  sessions: SessionStore,
  config: LoginConfig,
  input: { email: string; password: string; clientIp: string | null },
): Promise<{ token: string; csrfToken: string; userId: string }> {
  const key = sha256(input.email.trim().toLowerCase());
  const [throttle] = await database.query<{ locked_until: Date | null }>(
    'SELECT locked_until FROM login_throttle WHERE key = $1',
    [key],
  );
  if (throttle?.locked_until && throttle.locked_until.getTime() > Date.now()) {
    throw lockedOut(throttle.locked_until);
  }
  const [user] = await database.query<{ id: string; password_hash: string | null }>(
    'SELECT id, password_hash FROM users WHERE lower(email) = lower($1) AND disabled_at IS NULL',
    [input.email.trim()],
  );
  const ok = await verifyPassword(user?.password_hash ?? null, input.password);
  if (!ok || !user) {
    const [row] = await database.query<{ locked_until: Date | null }>(
      `INSERT INTO login_throttle AS t (key, failures, first_failure_at) VALUES ($1, 1, now())
       ON CONFLICT (key) DO UPDATE SET
         failures = CASE WHEN t.first_failure_at < now() - make_interval(secs => $3) THEN 1 ELSE t.failures + 1 END,
         first_failure_at = CASE WHEN t.first_failure_at < now() - make_interval(secs => $3) THEN now() ELSE t.first_failure_at END
       RETURNING (CASE WHEN failures >= $2 THEN now() + make_interval(secs => $3) END) AS locked_until`,
      [key, config.loginMaxFailures, config.loginLockoutMs / 1000],
    );
    if (row?.locked_until) {
      await database.query('UPDATE login_throttle SET locked_until = $2 WHERE key = $1', [key, row.locked_until]);
      throw lockedOut(row.locked_until);
    }
    throw unauthorized(WRONG_CREDENTIALS);
  }
  await database.query('DELETE FROM login_throttle WHERE key = $1', [key]);
  const session = await sessions.create(user.id, input.clientIp);
  return { ...session, userId: user.id };
}

function lockedOut(until: Date) {
  const minutes = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60_000));
  return tooManyRequests(
    `Too many failed sign-in attempts. Wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again, ` +
      'or ask your county administrator to reset your password.',
  );
}
