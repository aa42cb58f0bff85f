import type { Actor } from '../access/actor.js';
import type { ScopedRepo } from '../access/checkpoint.js';
import type { LoadedSession } from '../features/auth/sessions.js';

/**
 * What the policy hook learned about a request that passed its policy: who, for which county, and
 * the checkpoint built for them. Kept off the request object (a WeakMap, not `request.ctx`) so
 * that no handler can reach the ScopedRepo itself: src/server/route.ts hands each handler only the
 * context its policy grants.
 */
export interface RequestState {
  requestId: string;
  actor: Actor;
  session: LoadedSession;
  repo: ScopedRepo;
}

const states = new WeakMap<object, RequestState>();

export function setRequestState(request: object, state: RequestState): void {
  states.set(request, state);
}

export function requestState(request: object): RequestState | undefined {
  return states.get(request);
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The loaded session, if the request carries a valid one (set before any policy check). */
    session: LoadedSession | null;
  }
}
