// Enforces each route's declared policy (src/access/route-policy.ts) before its handler runs.
// A route without a policy cannot be registered (src/server/app.ts); should one lose its policy
// anyway, a request to it is refused here: fail closed, whatever the route does.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { can, rolesWith } from '../access/abilities.js';
import { ScopedRepo } from '../access/checkpoint.js';
import type { RoutePolicy } from '../access/route-policy.js';
import type { Database } from '../db/client.js';
import { HarborError, forbidden, unauthorized } from '../errors.js';
import { SESSION_COOKIE } from '../features/auth/routes.js';
import type { SessionStore } from '../features/auth/sessions.js';
import { sameSecret } from '../features/auth/tokens.js';
import { setRequestState } from './request-context.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function policyOf(request: FastifyRequest): RoutePolicy | undefined {
  return request.routeOptions.config?.policy;
}

export function registerPolicyHook(app: FastifyInstance, database: Database, sessions: SessionStore) {
  app.decorateRequest('session', null);
  app.addHook('preHandler', async (request) => {
    const policy = policyOf(request);
    if (!policy) {
      // Unknown URLs (404 handler) have no route config; they reach the not-found handler.
      if (request.is404) return;
      throw new HarborError(500, 'no_policy', 'This route has no access policy, so Harbor refuses it.');
    }
    if (policy.access === 'public') return;
    const token = request.cookies[SESSION_COOKIE];
    const session = token ? await sessions.load(token) : null;
    if (!session) throw unauthorized();
    request.session = session;
    // CSRF: every state-changing request carries the session's token in a header; a cross-site
    // form cannot read it. The cookie is also SameSite=Strict.
    if (!SAFE_METHODS.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !sameSecret(sent, session.csrfToken)) {
        throw forbidden(
          'This request is missing its security token. Reload the page and try again.',
          'csrf_token_missing',
        );
      }
    }
    if (policy.access !== 'session' && !session.complete) {
      throw unauthorized('Finish two-step sign-in to continue.', 'mfa_required');
    }
    // The roles come from the abilities table, never from the route: the two cannot disagree.
    const ability = 'ability' in policy ? policy.ability : undefined;
    if (ability && !can(session.user.roles, ability)) {
      const roles = rolesWith(ability);
      throw new HarborError(403, 'role_not_allowed', `This needs one of these roles: ${roles.join(', ')}.`, { roles });
    }
    const actor = {
      userId: session.user.id,
      countyId: session.user.countyId,
      organizationId: session.user.organizationId,
      roles: session.user.roles,
    };
    const repo = new ScopedRepo(database, actor, { requestId: request.id, clientIp: request.ip ?? null });
    setRequestState(request, {
      requestId: request.id,
      actor,
      session,
      // A session still in its MFA step never reaches youth data, whatever the route does.
      get repo() {
        if (!session.complete) throw unauthorized('Finish two-step sign-in to continue.', 'mfa_required');
        return repo;
      },
    });
  });
}
