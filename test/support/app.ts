// The real application over a real database, driven through Fastify's inject (no sockets).
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { loadConfig, type HarborConfig } from '../../src/config.js';
import { buildApp } from '../../src/server/app.js';
import { createTestDatabase, type TestDatabase } from './db.js';
import { buildWorld, PASSWORD, type Who, type World } from './world.js';

export interface Harness {
  app: FastifyInstance;
  db: TestDatabase;
  world: World;
  config: HarborConfig;
  /** A client signed in as one of the world's users. */
  as(who: Who): Promise<Client>;
  anonymous: Client;
  close(): Promise<void>;
}

export interface Client {
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  csrfToken: string | null;
  cookie: string | null;
}

export function client(app: FastifyInstance, cookie: string | null, csrfToken: string | null): Client {
  const headers = () => ({
    ...(cookie ? { cookie } : {}),
    ...(csrfToken ? { 'x-csrf-token': csrfToken } : {}),
  });
  return {
    cookie,
    csrfToken,
    get: (url) => app.inject({ method: 'GET', url, headers: headers() }),
    post: (url, body) =>
      app.inject({
        method: 'POST',
        url,
        headers: headers(),
        ...(body === undefined ? {} : { payload: body as object }),
      }),
    patch: (url, body) => app.inject({ method: 'PATCH', url, headers: headers(), payload: body as object }),
    put: (url, body) => app.inject({ method: 'PUT', url, headers: headers(), payload: body as object }),
  };
}

export async function signIn(app: FastifyInstance, email: string, password = PASSWORD): Promise<Client> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in as ${email} failed: ${res.statusCode} ${res.body}`);
  const set = res.cookies.find((c) => c.name === 'harbor_session');
  return client(app, `harbor_session=${set!.value}`, (res.json() as { csrfToken: string }).csrfToken);
}

export async function startHarness(env: Record<string, string> = {}): Promise<Harness> {
  const db = await createTestDatabase();
  const world = await buildWorld(db.database);
  const config = loadConfig({ NODE_ENV: 'test', HARBOR_LOG_LEVEL: 'silent', ...env });
  const app = await buildApp({ database: db.database, config, serveWeb: false });
  await app.ready();
  // One sign-in per user per file: faster, and keeps clear of the per-address sign-in rate limit.
  const signedIn = new Map<Who, Promise<Client>>();
  return {
    app,
    db,
    world,
    config,
    as: (who) => {
      if (!signedIn.has(who)) signedIn.set(who, signIn(app, world.users[who].email));
      return signedIn.get(who)!;
    },
    anonymous: client(app, null, null),
    async close() {
      await app.close();
      await db.drop();
    },
  };
}
