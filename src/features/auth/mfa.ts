// TOTP multi-factor authentication (RFC 6238), compatible with common authenticator apps.
//
// - The secret is stored encrypted (secret-box.ts, HARBOR_SECRET_KEY); a plain secret from
//   before encryption is sealed the first time it is read.
// - A time step is accepted once per account: users.mfa_last_step holds the last accepted step
//   and one conditional UPDATE claims a newer one, so a code seen once (or sent twice at the same
//   moment) cannot open a second session.
// - Wrong codes are counted per account, not per address (everyone behind a county's NAT shares
//   one): after HARBOR_LOGIN_MAX_FAILURES the account's two-step check is locked for
//   HARBOR_LOGIN_LOCKOUT_MINUTES, from every address, even for the right code. Success resets it.
import * as OTPAuth from 'otpauth';
import QRCode from 'qrcode';
import type { HarborConfig } from '../../config.js';
import type { Database } from '../../db/client.js';
import { badRequest, conflict, tooManyRequests } from '../../errors.js';
import { isSealed, openSecret, sealSecret } from './secret-box.js';
import { clearFailures, lockedUntil, minutesUntil, recordFailure } from './throttle.js';

export type MfaConfig = Pick<HarborConfig, 'secretKey' | 'loginMaxFailures' | 'loginLockoutMs'>;

const PERIOD = 30;

function totp(secretBase32: string, email: string) {
  return new OTPAuth.TOTP({
    issuer: 'Harbor',
    label: email,
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD,
    secret: OTPAuth.Secret.fromBase32(secretBase32),
  });
}

export function currentCode(secretBase32: string): string {
  return totp(secretBase32, 'x').generate();
}

/**
 * The time step the code belongs to, or null if it matches none: the current step and one either
 * side, for phones whose clocks drift. otpauth's validate answers the offset (delta) from now.
 */
export function matchingStep(secretBase32: string, code: string, now = Date.now()): number | null {
  const delta = totp(secretBase32, 'x').validate({ token: code.replace(/\s/g, ''), window: 1, timestamp: now });
  return delta === null ? null : Math.floor(now / 1000 / PERIOD) + delta;
}

/** Accepts the current code and one step either side, for phones whose clocks drift. */
export function codeMatches(secretBase32: string, code: string): boolean {
  return matchingStep(secretBase32, code) !== null;
}

/** The per-account key of failed codes in login_throttle (sign-in failures use a hash of the email). */
export const mfaThrottleKey = (userId: string) => `mfa:${userId}`;

interface MfaRow {
  mfa_secret: string | null;
  mfa_enabled: boolean;
}

/** The account's secret in plain text; a plain one left from before encryption is sealed now. */
async function secretOf(database: Database, config: MfaConfig, userId: string, row: MfaRow): Promise<string | null> {
  if (!row.mfa_secret) return null;
  if (isSealed(row.mfa_secret)) return openSecret(config.secretKey, userId, row.mfa_secret);
  await database.query('UPDATE users SET mfa_secret = $3 WHERE id = $1 AND mfa_secret = $2', [
    userId,
    row.mfa_secret,
    sealSecret(config.secretKey, userId, row.mfa_secret),
  ]);
  return row.mfa_secret;
}

/** Seals every plain secret left from before encryption (at start-up; reading one seals it too). */
export async function sealPlainSecrets(database: Database, config: Pick<HarborConfig, 'secretKey'>): Promise<number> {
  const rows = await database.query<{ id: string; mfa_secret: string }>(
    "SELECT id, mfa_secret FROM users WHERE mfa_secret IS NOT NULL AND mfa_secret NOT LIKE 'v1:%'",
  );
  for (const r of rows) {
    await database.query('UPDATE users SET mfa_secret = $3 WHERE id = $1 AND mfa_secret = $2', [
      r.id,
      r.mfa_secret,
      sealSecret(config.secretKey, r.id, r.mfa_secret),
    ]);
  }
  return rows.length;
}

function locked(until: Date) {
  const minutes = minutesUntil(until);
  return tooManyRequests(
    `Too many wrong two-step codes for this account. Wait ${minutes} minute${minutes === 1 ? '' : 's'} and try ` +
      'again, or ask your county administrator for help.',
    { minutes },
    'mfa_locked',
  );
}

const WRONG_CODE = 'That code is not right. Enter the 6-digit code your authenticator app shows now.';

/**
 * Checks a code for the account: refused while the account is locked (429), counted when wrong
 * (400, then 429 at the limit), refused when its time step was already used (400
 * mfa_code_reused, counted too: a replayed code is what an attacker would send). On success the
 * step is claimed and the count reset.
 */
async function acceptCode(database: Database, config: MfaConfig, userId: string, secret: string, code: string) {
  const key = mfaThrottleKey(userId);
  const until = await lockedUntil(database, key);
  if (until) throw locked(until);
  const fail = async (message: string, problem: string) => {
    const now = await recordFailure(database, key, config);
    if (now) throw locked(now);
    throw badRequest(message, undefined, problem);
  };
  const step = matchingStep(secret, code);
  if (step === null) return fail(WRONG_CODE, 'mfa_code_wrong');
  const [claimed] = await database.query<{ id: string }>(
    `UPDATE users SET mfa_last_step = $2 WHERE id = $1 AND (mfa_last_step IS NULL OR mfa_last_step < $2)
     RETURNING id`,
    [userId, step],
  );
  if (!claimed) {
    return fail(
      'That code was already used. Wait for your authenticator app to show a new code, then enter it.',
      'mfa_code_reused',
    );
  }
  await clearFailures(database, key);
}

export async function startEnrollment(database: Database, config: MfaConfig, userId: string, email: string) {
  const [user] = await database.query<{ mfa_enabled: boolean }>('SELECT mfa_enabled FROM users WHERE id = $1', [
    userId,
  ]);
  if (user?.mfa_enabled)
    throw conflict('Two-step sign-in is already set up for this account.', undefined, 'mfa_already_enabled');
  const secret = new OTPAuth.Secret({ size: 20 }).base32;
  // A new secret starts a new sequence of steps. Only the sealed secret reaches the database.
  await database.query('UPDATE users SET mfa_secret = $2, mfa_last_step = NULL WHERE id = $1 AND NOT mfa_enabled', [
    userId,
    sealSecret(config.secretKey, userId, secret),
  ]);
  const uri = totp(secret, email).toString();
  return { secret, otpauthUri: uri, qrSvg: await QRCode.toString(uri, { type: 'svg', margin: 1 }) };
}

export async function confirmEnrollment(database: Database, config: MfaConfig, userId: string, code: string) {
  const [user] = await database.query<MfaRow>('SELECT mfa_secret, mfa_enabled FROM users WHERE id = $1', [userId]);
  if (!user?.mfa_secret)
    throw badRequest(
      'Start two-step sign-in setup first, then enter the code it shows.',
      undefined,
      'mfa_setup_not_started',
    );
  if (user.mfa_enabled)
    throw conflict('Two-step sign-in is already set up for this account.', undefined, 'mfa_already_enabled');
  const secret = (await secretOf(database, config, userId, user))!;
  await acceptCode(database, config, userId, secret, code);
  await database.query('UPDATE users SET mfa_enabled = true WHERE id = $1', [userId]);
}

/** The second step of signing in. Throws (400, 429) unless the code is accepted. */
export async function verifyCode(database: Database, config: MfaConfig, userId: string, code: string): Promise<void> {
  const [user] = await database.query<MfaRow>('SELECT mfa_secret, mfa_enabled FROM users WHERE id = $1', [userId]);
  const secret = user?.mfa_enabled ? await secretOf(database, config, userId, user) : null;
  if (!secret)
    throw badRequest(
      'Two-step sign-in is not set up for this account yet; set it up first.',
      undefined,
      'mfa_setup_not_started',
    );
  await acceptCode(database, config, userId, secret, code);
}
