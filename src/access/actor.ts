import type { Role } from '../domain/people.js';

/** The signed-in person a request acts for. Built by src/server/auth.ts from the session. */
export interface Actor {
  userId: string;
  countyId: string;
  organizationId: string;
  roles: readonly Role[];
}

/** What the audit record needs to know about the request itself. */
export interface RequestMeta {
  requestId: string;
  clientIp: string | null;
}
