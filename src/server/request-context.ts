import type { ScopedRepo } from '../access/checkpoint.js';
import type { Actor } from '../access/actor.js';
import type { LoadedSession } from '../features/auth/sessions.js';

/** What a handler knows about its request: who, for which county, and the checkpoint to use. */
export interface RequestContext {
  requestId: string;
  actor: Actor;
  session: LoadedSession;
  repo: ScopedRepo;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The loaded session, if the request carries a valid one (set before any policy check). */
    session: LoadedSession | null;
    /** Present on every route whose policy is not public, once the policy has passed. */
    ctx: RequestContext;
  }
}
