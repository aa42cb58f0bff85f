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
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RoutePolicy } from '../access/route-policy.js';
import type { HarborConfig } from '../config.js';
import type { Database } from '../db/client.js';
import { registerAdvocacyRoutes } from '../features/advocacy/routes.js';
import { registerAuthRoutes } from '../features/auth/routes.js';
import { SessionStore } from '../features/auth/sessions.js';
import { registerComplianceRoutes } from '../features/compliance/routes.js';
import { registerBoardReportRoutes } from '../features/board-report/routes.js';
import { registerCountyRoutes } from '../features/county/routes.js';
import { registerCsecTypeRoutes } from '../features/csec-types/routes.js';
import { registerDirectoryRoutes } from '../features/directory/routes.js';
import { registerMdtRoutes } from '../features/mdt/routes.js';
import { registerMissingRoutes } from '../features/missing/routes.js';
import { registerPlacementRoutes } from '../features/placements/routes.js';
import { registerSafetyPlanRoutes } from '../features/safety-plans/routes.js';
import { registerServiceRoutes } from '../features/services/routes.js';
import { registerFirstResponseRoutes } from '../features/first-response/routes.js';
import { registerInstrumentRoutes } from '../features/instruments/routes.js';
import { registerNotificationRoutes } from '../features/notifications/routes.js';
import { registerObligationRoutes } from '../features/obligations/routes.js';
import { registerPeopleRoutes } from '../features/people/routes.js';
import { registerReferralRoutes } from '../features/referrals/routes.js';
import { registerScreeningRoutes } from '../features/screenings/routes.js';
import { registerStatsRoutes } from '../features/stats/routes.js';
import { registerYouthRoutes } from '../features/youth/routes.js';
import { projectRoot } from '../paths.js';
import { registerErrorHandler } from './error-handler.js';
import { loggerOptions } from './logger.js';
import { registerPolicyHook } from './policy-hook.js';

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

/** Routes added by third-party plugins get an explicit public policy, with the reason. */
function declarePluginRoutes(app: FastifyInstance, why: string) {
  app.addHook('onRoute', (route: RouteOptions) => {
    const config = (route.config ?? {}) as { policy?: RoutePolicy };
    if (!config.policy) route.config = { ...config, policy: { access: 'public', why } } as RouteOptions['config'];
  });
}

export async function buildApp({ database, config, serveWeb = true, logStream }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions(config.logLevel, logStream),
    genReqId: () => randomUUID(),
    trustProxy: config.env === 'production' ? 'loopback' : false,
    bodyLimit: 1_048_576,
  });
  // Every route, including those plugins add, for the policy test and for review.
  const registered: RouteOptions[] = [];
  app.addHook('onRoute', (route) => {
    registered.push(route);
  });
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
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Harbor API',
        version: '0.1.0',
        description:
          'Shared county system for commercially sexually exploited children (CSEC). Every youth route is ' +
          'relation-checked and audited; see docs/ARCHITECTURE.md.',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'harbor_session' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(async (docs) => {
    declarePluginRoutes(docs, 'API documentation');
    await docs.register(swaggerUi, { routePrefix: '/api/docs' });
  });

  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    // Youth data must not sit in shared or browser caches.
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });

  const webDir = config.webDir ?? path.join(projectRoot(), 'dist', 'web');
  const withWeb = serveWeb && existsSync(path.join(webDir, 'index.html'));
  registerErrorHandler(app, { indexHtml: withWeb ? readFileSync(path.join(webDir, 'index.html'), 'utf8') : null });
  const sessions = new SessionStore(database, config);
  registerPolicyHook(app, database, sessions);

  const r = app.withTypeProvider<ZodTypeProvider>();
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

  if (withWeb) {
    await app.register(async (web) => {
      declarePluginRoutes(web, "the web app's static files");
      await web.register(fastifyStatic, { root: webDir, wildcard: false, index: ['index.html'] });
    });
  }
  return app;
}
