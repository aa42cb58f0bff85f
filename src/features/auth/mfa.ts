// TOTP multi-factor authentication (RFC 6238), compatible with common authenticator apps.
import * as OTPAuth from 'otpauth';
import QRCode from 'qrcode';
import type { Database } from '../../db/client.js';
import { badRequest, conflict } from '../../errors.js';

function totp(secretBase32: string, email: string) {
  return new OTPAuth.TOTP({
    issuer: 'Harbor',
    label: email,
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    secret: OTPAuth.Secret.fromBase32(secretBase32),
  });
}

export function currentCode(secretBase32: string): string {
  return totp(secretBase32, 'x').generate();
}

/** Accepts the current code and one step either side, for phones whose clocks drift. */
export function codeMatches(secretBase32: string, code: string): boolean {
  return totp(secretBase32, 'x').validate({ token: code.replace(/\s/g, ''), window: 1 }) !== null;
}

export async function startEnrollment(database: Database, userId: string, email: string) {
  const [user] = await database.query<{ mfa_enabled: boolean }>('SELECT mfa_enabled FROM users WHERE id = $1', [
    userId,
  ]);
  if (user?.mfa_enabled) throw conflict('Two-step sign-in is already set up for this account.');
  const secret = new OTPAuth.Secret({ size: 20 }).base32;
  await database.query('UPDATE users SET mfa_secret = $2 WHERE id = $1', [userId, secret]);
  const uri = totp(secret, email).toString();
  return { secret, otpauthUri: uri, qrSvg: await QRCode.toString(uri, { type: 'svg', margin: 1 }) };
}

export async function confirmEnrollment(database: Database, userId: string, code: string) {
  const [user] = await database.query<{ mfa_secret: string | null; mfa_enabled: boolean }>(
    'SELECT mfa_secret, mfa_enabled FROM users WHERE id = $1',
    [userId],
  );
  if (!user?.mfa_secret) throw badRequest('Start two-step sign-in setup first, then enter the code it shows.');
  if (user.mfa_enabled) throw conflict('Two-step sign-in is already set up for this account.');
  if (!codeMatches(user.mfa_secret, code)) {
    throw badRequest('That code is not right. Enter the 6-digit code your authenticator app shows now.');
  }
  await database.query('UPDATE users SET mfa_enabled = true WHERE id = $1', [userId]);
}

export async function verifyCode(database: Database, userId: string, code: string): Promise<boolean> {
  const [user] = await database.query<{ mfa_secret: string | null; mfa_enabled: boolean }>(
    'SELECT mfa_secret, mfa_enabled FROM users WHERE id = $1',
    [userId],
  );
  return !!user?.mfa_enabled && !!user.mfa_secret && codeMatches(user.mfa_secret, code);
}
