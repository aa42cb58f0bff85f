// How features register routes: `const r = routes(app)`, then `r.get(url, { config: { policy },
// schema }, (request, ctx, reply) => …)`. The handler's `ctx` is typed by the declared policy
// (PolicyContexts below): a `youth` route gets the checkpoint (YouthContext), an `aggregate` route
// only `aggregate`, a `reference` route only reference reads, and so on. Calling `ctx.forYouth` in
// an aggregate route does not compile, and the object handed over at run time has no such
// property either (src/access/contexts.ts). Request and reply are typed from the zod schemas as
// with Fastify's own shorthand methods.
import type {
  ContextConfigDefault,
  FastifyContextConfig,
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  FastifySchema,
  HTTPMethods,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
  RouteGenericInterface,
  RouteHandlerMethod,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  contexts,
  type AdminContext,
  type AggregateContext,
  type ReferenceContext,
  type SelfContext,
  type YouthContext,
} from '../access/contexts.js';
import type { PolicyAccess, RoutePolicy } from '../access/route-policy.js';
import { HarborError } from '../errors.js';
import type { LoadedSession } from '../features/auth/sessions.js';
import { requestState } from './request-context.js';

/** `public` routes: nobody is known; nothing to reach. */
export interface PublicContext {
  readonly kind: 'public';
  readonly requestId: string;
}

/** `session` routes (sign-in steps, sign-out): the session, still perhaps in its MFA step; no data. */
export interface SessionContext {
  readonly kind: 'session';
  readonly requestId: string;
  readonly session: LoadedSession;
}

/** The context each kind of policy grants its handler. */
export interface PolicyContexts {
  public: PublicContext;
  session: SessionContext;
  self: SelfContext;
  youth: YouthContext;
  aggregate: AggregateContext;
  reference: ReferenceContext;
  admin: AdminContext;
}

/** The context a handler gets for its route's policy. */
export type ContextFor<P extends RoutePolicy> = PolicyContexts[P['access']];

type Request<S extends FastifySchema> = FastifyRequest<
  RouteGenericInterface,
  RawServerDefault,
  RawRequestDefaultExpression,
  S,
  ZodTypeProvider
>;
type Reply<S extends FastifySchema> = FastifyReply<
  RouteGenericInterface,
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  ContextConfigDefault,
  S,
  ZodTypeProvider
>;
/** What the handler may return: the response schema's type, as Fastify's own handlers. */
type Returns<S extends FastifySchema> = ReturnType<
  RouteHandlerMethod<
    RawServerDefault,
    RawRequestDefaultExpression,
    RawReplyDefaultExpression,
    RouteGenericInterface,
    ContextConfigDefault,
    S,
    ZodTypeProvider
  >
>;

export interface TypedRouteOptions<P extends RoutePolicy, S extends FastifySchema> {
  /** The policy, plus any other route config (rate limits). */
  config: { policy: P } & Omit<FastifyContextConfig, 'policy'>;
  schema: S;
}

export type TypedHandler<P extends RoutePolicy, S extends FastifySchema> = (
  request: Request<S>,
  ctx: ContextFor<P>,
  reply: Reply<S>,
) => Returns<S>;

type Register = <const P extends RoutePolicy, S extends FastifySchema>(
  url: string,
  options: TypedRouteOptions<P, S>,
  handler: TypedHandler<P, S>,
) => void;

export interface TypedRoutes {
  get: Register;
  post: Register;
  put: Register;
  patch: Register;
  delete: Register;
}

/** Builds the context of the request's policy. The policy hook has already checked the policy. */
export function contextOf<A extends PolicyAccess>(access: A, request: FastifyRequest): PolicyContexts[A];
export function contextOf(access: PolicyAccess, request: FastifyRequest): PolicyContexts[PolicyAccess] {
  if (access === 'public') return { kind: 'public', requestId: request.id };
  const state = requestState(request);
  // The policy hook sets the state for every non-public route it let through; fail closed.
  if (!state) throw new HarborError(500, 'no_policy', 'This route has no access policy, so Harbor refuses it.');
  switch (access) {
    case 'session':
      return { kind: 'session', requestId: state.requestId, session: state.session };
    case 'self':
      return contexts.self(state.repo);
    case 'youth':
      return contexts.youth(state.repo);
    case 'aggregate':
      return contexts.aggregate(state.repo);
    case 'reference':
      return contexts.reference(state.repo);
    case 'admin':
      return contexts.admin(state.repo);
  }
}

/** The typed registration functions for one Fastify instance. */
export function routes(app: FastifyInstance): TypedRoutes {
  const register =
    (method: HTTPMethods): Register =>
    (url, options, handler) => {
      const access = options.config.policy.access;
      app.withTypeProvider<ZodTypeProvider>().route({
        method,
        url,
        config: options.config,
        schema: options.schema,
        handler: (request, reply) =>
          handler(request as never, contextOf(access, request) as never, reply as never) as never,
      });
    };
  return {
    get: register('GET'),
    post: register('POST'),
    put: register('PUT'),
    patch: register('PATCH'),
    delete: register('DELETE'),
  };
}
