// Every route declares who may call it, in its route config: `config: { policy }`.
// src/server/policy-hook.ts enforces it and refuses (500, fail closed) any route without one;
// test/api/route-policies.test.ts lists every registered route and fails if one has none.
import type { Role } from '../domain/people.js';

export type RoutePolicy =
  /** Anyone, signed in or not. Say why, so a reviewer can check it. */
  | { access: 'public'; why: string }
  /** Any session, including one still waiting for its MFA step (sign-in flow, sign-out). */
  | { access: 'session' }
  /** A fully signed-in user acting on their own account; no youth data. */
  | { access: 'self' }
  /** Youth data through request.ctx.repo; relation and field grants are checked per youth. */
  | { access: 'youth'; roles?: readonly Role[] }
  /** Privacy-safe aggregates through request.ctx.repo.aggregate. */
  | { access: 'aggregate'; roles: readonly Role[] }
  /** County reference data any signed-in user of the county reads (instruments, settings). */
  | { access: 'reference' }
  /** County administration (users, settings); no youth data. */
  | { access: 'admin'; roles: readonly Role[] };

declare module 'fastify' {
  interface FastifyContextConfig {
    policy?: RoutePolicy;
  }
}
