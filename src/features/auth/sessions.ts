// Server-side sessions in the database: revocable, with an idle and an absolute timeout.
// The cookie holds a random token; the table holds only its SHA-256, so a leaked backup
// cannot be replayed as a session.
import type { HarborConfig } from '../../config.js';
import type { Database } from '../../db/client.js';
import type { Role } from '../../domain/people.js';
import { newToken, sha256 } from './tokens.js';

export type MfaState = 'verified' | 'required' | 'enrollment_required' | 'not_required';

export interface SessionUser {
  id: string;
  email: string;
  displayName: string;
  roles: Role[];
  countyId: string;
  countyName: string;
  countyCode: string;
  organizationId: string;
  organizationName: string;
  organizationType: string;
  mfaEnabled: boolean;
}

export interface LoadedSession {
  id: string;
  csrfToken: string;
  mfa: MfaState;
  /** True once the session may do everything the user's roles allow. */
  complete: boolean;
  user: SessionUser;
}

interface SessionRow {
  session_id: string;
  csrf_token: string;
  last_seen_at: Date;
  expires_at: Date;
  mfa_verified_at: Date | null;
  user_id: string;
  email: string;
  display_name: string;
  roles: Role[];
  county_id: string;
  county_name: string;
  county_code: string;
  organization_id: string;
  organization_name: string;
  organization_type: string;
  mfa_enabled: boolean;
}

// Refresh last_seen_at at most once a minute: the idle timeout needs no finer grain, and a
// write on every request would double the cost of reading a record.
const TOUCH_EVERY_MS = 60_000;

export class SessionStore {
  // Sessions read in the last few seconds, by token hash. A request then needs no database round
  // trip to know who it is. Revoking through this process clears the entry at once; a revocation
  // made by another process (the CLI, a second server) takes effect within sessionCacheMs.
  private readonly cache = new Map<string, { at: number; row: SessionRow }>();

  constructor(
    private readonly database: Database,
    private readonly config: Pick<HarborConfig, 'sessionIdleMs' | 'sessionAbsoluteMs' | 'requireMfa'> & {
      sessionCacheMs?: number;
    },
  ) {}

  async create(userId: string, clientIp: string | null): Promise<{ token: string; csrfToken: string }> {
    const token = newToken();
    const csrfToken = newToken();
    await this.database.query(
      `INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at, client_ip)
       VALUES ($1, $2, $3, now() + make_interval(secs => $4), $5)`,
      [sha256(token), userId, csrfToken, this.config.sessionAbsoluteMs / 1000, clientIp],
    );
    return { token, csrfToken };
  }

  async load(token: string): Promise<LoadedSession | null> {
    const key = sha256(token);
    const ttl = this.config.sessionCacheMs ?? 0;
    const cached = this.cache.get(key);
    const fresh = cached && Date.now() - cached.at < ttl ? cached.row : await this.fetch(key);
    if (!fresh) return null;
    return this.check(fresh, key);
  }

  private async fetch(key: string): Promise<SessionRow | null> {
    const rows = await this.database.query<SessionRow>(
      `SELECT s.id AS session_id, s.csrf_token, s.last_seen_at, s.expires_at, s.mfa_verified_at,
              u.id AS user_id, u.email, u.display_name, u.roles, u.county_id, c.name AS county_name,
              c.code AS county_code, u.organization_id, o.name AS organization_name,
              o.type AS organization_type, u.mfa_enabled
         FROM sessions s JOIN users u ON u.id = s.user_id
         JOIN organizations o ON o.id = u.organization_id JOIN counties c ON c.id = u.county_id
        WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND u.disabled_at IS NULL`,
      [key],
    );
    const row = rows[0] ?? null;
    if (row && (this.config.sessionCacheMs ?? 0) > 0) {
      if (this.cache.size > 10_000) this.cache.clear();
      this.cache.set(key, { at: Date.now(), row });
    }
    return row;
  }

  private async check(row: SessionRow, key: string): Promise<LoadedSession | null> {
    const now = Date.now();
    if (row.expires_at.getTime() <= now || row.last_seen_at.getTime() + this.config.sessionIdleMs <= now) {
      await this.revoke(row.session_id);
      return null;
    }
    if (now - row.last_seen_at.getTime() > TOUCH_EVERY_MS) {
      await this.database.query('UPDATE sessions SET last_seen_at = now() WHERE id = $1', [row.session_id]);
      row.last_seen_at = new Date(now);
      this.cache.delete(key);
    }
    const mfa: MfaState = row.mfa_enabled
      ? row.mfa_verified_at
        ? 'verified'
        : 'required'
      : this.config.requireMfa
        ? 'enrollment_required'
        : 'not_required';
    return {
      id: row.session_id,
      csrfToken: row.csrf_token,
      mfa,
      complete: mfa === 'verified' || mfa === 'not_required',
      user: {
        id: row.user_id,
        email: row.email,
        displayName: row.display_name,
        roles: row.roles,
        countyId: row.county_id,
        countyName: row.county_name,
        countyCode: row.county_code,
        organizationId: row.organization_id,
        organizationName: row.organization_name,
        organizationType: row.organization_type,
        mfaEnabled: row.mfa_enabled,
      },
    };
  }

  private forget(match: (row: SessionRow) => boolean) {
    for (const [key, entry] of this.cache) if (match(entry.row)) this.cache.delete(key);
  }

  async markMfaVerified(sessionId: string) {
    this.forget((r) => r.session_id === sessionId);
    await this.database.query('UPDATE sessions SET mfa_verified_at = now() WHERE id = $1', [sessionId]);
  }

  async revoke(sessionId: string) {
    this.forget((r) => r.session_id === sessionId);
    await this.database.query('UPDATE sessions SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL', [
      sessionId,
    ]);
  }

  async revokeAllForUser(userId: string) {
    this.forget((r) => r.user_id === userId);
    await this.database.query('UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL', [
      userId,
    ]);
  }
}
