// Builds the Fastify application: plugins, the policy checkpoint, routes and the web app.
// No business rules live here.
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type RouteOptions } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RoutePolicy } from '../access/route-policy.js';
import type { HarborConfig } from '../config.js';
import type { Database } from '../db/client.js';
import { registerAdvocacyRoutes } from '../features/advocacy/routes.js';
import { registerAuthRoutes } from '../features/auth/routes.js';
import { SessionStore } from '../features/auth/sessions.js';
import { registerComplianceRoutes } from '../features/compliance/routes.js';
import { registerBoardReportRoutes } from '../features/board-report/routes.js';
import { registerCaseRoutes } from '../features/cases/routes.js';
import { registerCountyRoutes } from '../features/county/routes.js';
import { registerCsecTypeRoutes } from '../features/csec-types/routes.js';
import { registerDataQualityRoutes } from '../features/data-quality/routes.js';
import { registerDirectoryRoutes } from '../features/directory/routes.js';
import { registerMdtRoutes } from '../features/mdt/routes.js';
import { registerMissingRoutes } from '../features/missing/routes.js';
import { registerPlacementRoutes } from '../features/placements/routes.js';
import { registerSafetyPlanRoutes } from '../features/safety-plans/routes.js';
import { registerServiceRoutes } from '../features/services/routes.js';
import { registerFirstResponseRoutes } from '../features/first-response/routes.js';
import { registerImportRoutes } from '../features/import/routes.js';
import { registerStateProgramRoutes } from '../features/state-program/routes.js';
import { registerStateReportRoutes } from '../features/state-report/routes.js';
import { registerInstrumentRoutes } from '../features/instruments/routes.js';
import { registerNotificationRoutes } from '../features/notifications/routes.js';
import { registerObligationRoutes } from '../features/obligations/routes.js';
import { registerPeopleRoutes } from '../features/people/routes.js';
import { registerReferralRoutes } from '../features/referrals/routes.js';
import { registerCorrectionRoutes } from '../features/corrections/routes.js';
import { registerScreeningRoutes } from '../features/screenings/routes.js';
import { registerStatsRoutes } from '../features/stats/routes.js';
import { registerYouthRoutes } from '../features/youth/routes.js';
import { projectRoot } from '../paths.js';
import { frameworkProblem, registerErrorHandler } from './error-handler.js';
import { registerInputGuard } from './input-guard.js';
import { loggerOptions } from './logger.js';
import { checkRouteDocs, swaggerOptions } from './openapi.js';
import { registerPolicyHook } from './policy-hook.js';
import { routes } from './route.js';
import { REVALIDATE, webStaticOptions } from './web-assets.js';

declare module 'fastify' {
  interface FastifyInstance {
    routesWithPolicy(): { method: string; url: string; policy: RoutePolicy | undefined }[];
  }
}

export interface AppOptions {
  database: Database;
  config: HarborConfig;
  /** Serve the built web app (dist/web) if present. Tests of the API turn this off. */
  serveWeb?: boolean;
  /** Where logs go (default: standard output). Tests capture them to check what is never logged. */
  logStream?: NodeJS.WritableStream;
}

/** Where declarePluginRoutes leaves its reason on a plugin's instance (and so on its children's). */
const PLUGIN_ROUTES = Symbol('harbor.pluginRoutes');

/**
 * Routes added by third-party plugins registered inside `instance` get an explicit public policy,
 * with the reason. Only there: anywhere else a route without a policy stops the boot.
 */
function declarePluginRoutes(instance: FastifyInstance, why: string) {
  (instance as unknown as Record<symbol, string>)[PLUGIN_ROUTES] = why;
}

/**
 * The first wall: every route, whoever registers it, carries a policy or Harbor does not start.
 * An onRoute hook on the root instance runs for every route of every plugin; it throws (so
 * `app.get(...)` throws, and a plugin's registration rejects `app.ready()`), naming the route.
 */
function requirePolicies(app: FastifyInstance, registered: RouteOptions[]) {
  app.addHook('onRoute', function (this: FastifyInstance, route: RouteOptions) {
    registered.push(route);
    const config = (route.config ?? {}) as { policy?: RoutePolicy };
    if (config.policy) return;
    const why = (this as unknown as Record<symbol, string | undefined>)[PLUGIN_ROUTES];
    if (why) {
      route.config = { ...config, policy: { access: 'public', why } } as RouteOptions['config'];
      return;
    }
    const method = Array.isArray(route.method) ? route.method.join(',') : route.method;
    throw new Error(
      `${method} ${route.url} has no access policy: declare config.policy (src/access/route-policy.ts), ` +
        'or register it through declarePluginRoutes with the reason it is public.',
    );
  });
}

export async function buildApp({ database, config, serveWeb = true, logStream }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions(config.logLevel, logStream),
    genReqId: () => randomUUID(),
    trustProxy: config.env === 'production' ? 'loopback' : false,
    bodyLimit: 1_048_576,
    frameworkErrors: frameworkProblem,
  });
  // Every route, including those plugins add, for the policy test and for review.
  const registered: RouteOptions[] = [];
  requirePolicies(app, registered);
  app.decorate('routesWithPolicy', () =>
    registered.map((r) => ({
      method: Array.isArray(r.method) ? r.method.join(',') : r.method,
      url: r.url,
      policy: (r.config as { policy?: RoutePolicy } | undefined)?.policy,
    })),
  );
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: config.cookieSecure ? [] : null,
      },
    },
    // HSTS only behind TLS; the demo serves plain HTTP on localhost.
    hsts: config.cookieSecure,
  });
  await app.register(rateLimit, { global: false });
  // The OpenAPI document: operation ids, descriptions, error responses and tags (src/server/openapi.ts).
  await app.register(swagger, swaggerOptions());
  checkRouteDocs(app);
  await app.register(async (docs) => {
    declarePluginRoutes(docs, 'API documentation');
    await docs.register(swaggerUi, { routePrefix: '/api/docs' });
  });

  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    // Youth data must not sit in shared or browser caches.
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
    // The web app's pages (index.html for client-side routes) are revalidated on every load;
    // its static files set their own (src/server/web-assets.ts: hashed assets are immutable).
    else if (!reply.hasHeader('cache-control') && !reply.raw.hasHeader('cache-control'))
      reply.header('cache-control', REVALIDATE);
  });

  const webDir = config.webDir ?? path.join(projectRoot(), 'dist', 'web');
  const withWeb = serveWeb && existsSync(path.join(webDir, 'index.html'));
  registerErrorHandler(app, { indexHtml: withWeb ? readFileSync(path.join(webDir, 'index.html'), 'utf8') : null });
  const sessions = new SessionStore(database, config);
  registerPolicyHook(app, database, sessions);
  registerInputGuard(app);

  const r = routes(app);
  r.get(
    '/api/health',
    {
      config: { policy: { access: 'public', why: 'load balancer and start-up checks' } },
      schema: { tags: ['system'], summary: 'Liveness', response: { 200: z.object({ status: z.literal('ok') }) } },
    },
    async () => ({ status: 'ok' as const }),
  );
  r.get(
    '/api/openapi.json',
    { config: { policy: { access: 'public', why: 'API contract' } }, schema: { hide: true } },
    async () => app.swagger(),
  );
  registerAuthRoutes(app, { database, sessions, config });
  registerYouthRoutes(app);
  registerStatsRoutes(app);
  registerCountyRoutes(app);
  registerInstrumentRoutes(app);
  registerScreeningRoutes(app);
  registerCsecTypeRoutes(app);
  registerReferralRoutes(app);
  registerCorrectionRoutes(app);
  registerCaseRoutes(app);
  registerObligationRoutes(app);
  registerNotificationRoutes(app);
  registerDirectoryRoutes(app);
  registerServiceRoutes(app);
  registerPlacementRoutes(app);
  registerMdtRoutes(app);
  registerSafetyPlanRoutes(app);
  registerFirstResponseRoutes(app);
  registerComplianceRoutes(app);
  registerBoardReportRoutes(app);
  registerMissingRoutes(app);
  registerPeopleRoutes(app);
  registerAdvocacyRoutes(app);
  registerDataQualityRoutes(app);
  registerImportRoutes(app);
  registerStateReportRoutes(app);
  registerStateProgramRoutes(app);

  if (withWeb) {
    await app.register(async (web) => {
      declarePluginRoutes(web, "the web app's static files");
      await web.register(fastifyStatic, webStaticOptions(webDir));
    });
  }
  return app;
}
