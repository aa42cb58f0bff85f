// User administration from the command line: the way a county creates its first administrator.
import { randomBytes } from 'node:crypto';
import type { Database } from '../db/client.js';
import { ROLES, type Role } from '../domain/people.js';
import { hashPassword, passwordProblem } from '../features/auth/passwords.js';
import { SessionStore } from '../features/auth/sessions.js';
import { sha256 } from '../features/auth/tokens.js';
import { Builder } from '../seed/builder.js';

export class UserInputError extends Error {}

export function parseRoles(list: string): Role[] {
  const roles = list
    .split(',')
    .map((r) => r.trim())
    .filter(Boolean);
  const unknown = roles.filter((r) => !(ROLES as readonly string[]).includes(r));
  if (roles.length === 0 || unknown.length) {
    throw new UserInputError(
      `Unknown role${unknown.length === 1 ? '' : 's'}: ${unknown.join(', ') || '(none given)'}. Use any of: ${ROLES.join(', ')}.`,
    );
  }
  return roles as Role[];
}

export const generatePassword = () => randomBytes(12).toString('base64url');

export async function addUser(
  database: Database,
  input: {
    email: string;
    name: string;
    county: string;
    organization: string;
    roles: Role[];
    supervisor?: string;
    password?: string;
  },
): Promise<{ id: string; password: string }> {
  if (!/^[^@\s]+@[^@\s]+$/.test(input.email)) throw new UserInputError(`"${input.email}" is not an email address.`);
  const [county] = await database.query<{ id: string }>('SELECT id FROM counties WHERE code = $1 OR name = $1', [
    input.county,
  ]);
  if (!county) {
    const known = await database.query<{ code: string }>('SELECT code FROM counties ORDER BY code');
    throw new UserInputError(
      `No county "${input.county}". Known counties: ${known.map((k) => k.code).join(', ') || '(none yet: run harbor seed --demo or create one)'}.`,
    );
  }
  const [org] = await database.query<{ id: string }>(
    'SELECT id FROM organizations WHERE county_id = $1 AND (id::text = $2 OR lower(name) = lower($2))',
    [county.id, input.organization],
  );
  if (!org) throw new UserInputError(`No organization "${input.organization}" in county ${input.county}.`);
  const [existing] = await database.query('SELECT 1 FROM users WHERE lower(email) = lower($1)', [input.email]);
  if (existing) throw new UserInputError(`A user with email ${input.email} already exists.`);
  let supervisorId: string | null = null;
  if (input.supervisor) {
    const [sup] = await database.query<{ id: string }>(
      'SELECT id FROM users WHERE lower(email) = lower($1) AND county_id = $2',
      [input.supervisor, county.id],
    );
    if (!sup) throw new UserInputError(`No supervisor with email ${input.supervisor} in that county.`);
    supervisorId = sup.id;
  }
  const password = input.password ?? generatePassword();
  const problem = passwordProblem(password);
  if (problem) throw new UserInputError(`That password is too weak: ${problem}`);
  const id = await new Builder(database).user({
    countyId: county.id,
    organizationId: org.id,
    email: input.email,
    displayName: input.name,
    roles: input.roles,
    supervisorId,
    password,
  });
  return { id, password };
}

/** Sets a new password, clears any lockout and signs the user out everywhere. */
export async function resetPassword(
  database: Database,
  email: string,
  password?: string,
): Promise<{ password: string }> {
  const [user] = await database.query<{ id: string }>('SELECT id FROM users WHERE lower(email) = lower($1)', [email]);
  if (!user) throw new UserInputError(`No user with email ${email}.`);
  const next = password ?? generatePassword();
  const problem = passwordProblem(next);
  if (problem) throw new UserInputError(`That password is too weak: ${problem}`);
  await database.query('UPDATE users SET password_hash = $2, password_changed_at = now() WHERE id = $1', [
    user.id,
    await hashPassword(next),
  ]);
  await database.query('DELETE FROM login_throttle WHERE key = $1', [sha256(email.trim().toLowerCase())]);
  await new SessionStore(database, { sessionIdleMs: 0, sessionAbsoluteMs: 0, requireMfa: false }).revokeAllForUser(
    user.id,
  );
  return { password: next };
}
