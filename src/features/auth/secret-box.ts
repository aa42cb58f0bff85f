// Two-step sign-in secrets are encrypted at rest, so a copy of the database (a backup, a dump, a
// read-only leak) does not hand over everyone's second factor. AES-256-GCM from node:crypto with
// a key derived from HARBOR_SECRET_KEY (HKDF-SHA-256), which lives outside the database.
//
// Stored form: `v1:<iv>:<tag>:<ciphertext>` (base64). The version names the scheme and the key
// derivation, so a later scheme or key rotation can tell old values apart. The user's id is
// authenticated with each value (GCM additional data): a sealed secret copied onto another
// account does not open there.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { HarborError } from '../../errors.js';

const VERSION = 'v1';
const keys = new Map<string, Buffer>();

function keyFor(secretKey: string): Buffer {
  let key = keys.get(secretKey);
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', secretKey, 'harbor', 'harbor mfa secret v1', 32));
    keys.set(secretKey, key);
  }
  return key;
}

const aad = (userId: string) => Buffer.from(`harbor:users.mfa_secret:${userId}`, 'utf8');

/** Whether a stored value is sealed (anything else is a plain base32 secret from before). */
export const isSealed = (stored: string) => stored.startsWith(`${VERSION}:`);

export function sealSecret(secretKey: string, userId: string, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFor(secretKey), iv);
  cipher.setAAD(aad(userId));
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [VERSION, iv.toString('base64'), cipher.getAuthTag().toString('base64'), data.toString('base64')].join(':');
}

/** The plain secret. A value sealed with another key (or for another user) is a 500, said plainly. */
export function openSecret(secretKey: string, userId: string, stored: string): string {
  if (!isSealed(stored)) return stored;
  const [, iv, tag, data] = stored.split(':');
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyFor(secretKey), Buffer.from(iv ?? '', 'base64'));
    decipher.setAAD(aad(userId));
    decipher.setAuthTag(Buffer.from(tag ?? '', 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(data ?? '', 'base64')), decipher.final()]).toString('utf8');
  } catch {
    throw new HarborError(
      500,
      'mfa_secret_unreadable',
      'This account’s two-step sign-in secret cannot be read with the server’s HARBOR_SECRET_KEY. ' +
        'Give the server the key it had when the secret was set up, or have an administrator reset two-step sign-in for the account.',
    );
  }
}
