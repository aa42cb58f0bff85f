// Every route declares who may call it, in its route config: `config: { policy }`.
// src/server/app.ts refuses to boot with a route that has none (an onRoute hook throws, naming the
// method and URL); src/server/policy-hook.ts enforces each policy before the handler runs and
// refuses (500, fail closed) a request to a route that somehow lost its policy.
// src/server/route.ts gives the handler the context its policy grants (src/access/contexts.ts).
//
// Policies name an ability, never roles: the roles come from the one table in
// src/access/abilities.ts, so a policy and the table cannot disagree (`roles?: never` makes an
// old-style role list a compile error rather than a silently ignored property).
import type { Ability } from './abilities.js';

export type RoutePolicy =
  /** Anyone, signed in or not. Say why, so a reviewer can check it. */
  | { access: 'public'; why: string }
  /** Any session, including one still waiting for its MFA step (sign-in flow, sign-out). */
  | { access: 'session' }
  /** A fully signed-in user acting on their own account; no youth data. */
  | { access: 'self' }
  /**
   * Youth data through the checkpoint (YouthContext); relation and field grants are checked per
   * youth. Without an ability, any signed-in user may try: the checkpoint answers 404 to those
   * with no relation to the youth.
   */
  | { access: 'youth'; ability?: Ability; roles?: never }
  /** Privacy-safe aggregates (AggregateContext: aggregate() only, as harbor_aggregate). */
  | { access: 'aggregate'; ability: Ability; roles?: never }
  /** County reference data any signed-in user of the county reads (ReferenceContext). */
  | { access: 'reference' }
  /** County administration (AdminContext); no youth data. */
  | { access: 'admin'; ability: Ability; roles?: never };

export type PolicyAccess = RoutePolicy['access'];

declare module 'fastify' {
  interface FastifyContextConfig {
    policy?: RoutePolicy;
  }
}
