// Signing in: one generic answer for a wrong email or password, and a lockout that counts
// failures per address (real or not), so the answers reveal nothing about which accounts exist.
import type { Database } from '../../db/client.js';
import { tooManyRequests, unauthorized } from '../../errors.js';
import { verifyPassword } from './passwords.js';
import type { SessionStore } from './sessions.js';
import { clearFailures, lockedUntil, minutesUntil, recordFailure, type ThrottleConfig } from './throttle.js';
import { sha256 } from './tokens.js';

export const WRONG_CREDENTIALS = 'The email or password is not right. Check both and try again.';

type LoginConfig = ThrottleConfig;

export async function login(
  database: Database,
  sessions: SessionStore,
  config: LoginConfig,
  input: { email: string; password: string; clientIp: string | null },
): Promise<{ token: string; csrfToken: string; userId: string }> {
  const key = sha256(input.email.trim().toLowerCase());
  const locked = await lockedUntil(database, key);
  if (locked) throw lockedOut(locked);
  const [user] = await database.query<{ id: string; password_hash: string | null }>(
    'SELECT id, password_hash FROM users WHERE lower(email) = lower($1) AND disabled_at IS NULL',
    [input.email.trim()],
  );
  const ok = await verifyPassword(user?.password_hash ?? null, input.password);
  if (!ok || !user) {
    const until = await recordFailure(database, key, config);
    if (until) throw lockedOut(until);
    throw unauthorized(WRONG_CREDENTIALS, 'wrong_credentials');
  }
  await clearFailures(database, key);
  const session = await sessions.create(user.id, input.clientIp);
  return { ...session, userId: user.id };
}

function lockedOut(until: Date) {
  const minutes = minutesUntil(until);
  return tooManyRequests(
    `Too many failed sign-in attempts. Wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again, ` +
      'or ask your county administrator to reset your password.',
    { minutes },
    'sign_in_locked',
  );
}
