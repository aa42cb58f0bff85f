// Every route must declare who may call it. This test lists every route the application
// registers and fails on any without a policy, shows that such a route stops the boot (first wall)
// and that one that lost its policy anyway is refused at run time (second wall).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { ABILITY_NAMES, rolesWith } from '../../src/access/abilities.js';
import { buildApp } from '../../src/server/app.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.drop());

describe('route policies', () => {
  it('every registered route, web and docs included, declares a policy', async () => {
    // A stand-in web build, so the static-file routes are registered and checked too.
    const webDir = mkdtempSync(path.join(tmpdir(), 'harbor-web-'));
    writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>Harbor</title>');
    const config = loadConfig({ NODE_ENV: 'test', HARBOR_LOG_LEVEL: 'silent', HARBOR_WEB_DIR: webDir });
    const app = await buildApp({ database: db.database, config, serveWeb: true });
    await app.ready();
    expect(app.routesWithPolicy().some((r) => r.url === '/api/youth/:id')).toBe(true);
    expect(app.routesWithPolicy().some((r) => r.url.startsWith('/api/docs'))).toBe(true);
    expect(app.routesWithPolicy().some((r) => r.url === '/*' || r.url === '/index.html')).toBe(true);
    // Client-side routes load the app; unknown API paths stay JSON.
    expect((await app.inject({ method: 'GET', url: '/youth/123' })).body).toContain('<title>Harbor</title>');
    expect((await app.inject({ method: 'GET', url: '/api/nope' })).json()).toMatchObject({ code: 'route_not_found' });
    const missing: string[] = [];
    for (const line of app.routesWithPolicy()) if (!line.policy) missing.push(`${line.method} ${line.url}`);
    expect(missing).toEqual([]);
    expect(app.routesWithPolicy().length).toBeGreaterThan(8);
    await app.close();
  });

  it('will not boot with a route that has no policy, whatever its method or where it is registered', async () => {
    const config = loadConfig({ NODE_ENV: 'test', HARBOR_LOG_LEVEL: 'silent' });
    const app = await buildApp({ database: db.database, config, serveWeb: false });
    // Registered directly: the registration itself throws, naming the method and the URL.
    expect(() => app.get('/api/forgotten', async () => ({ secret: 'youth data' }))).toThrow(
      /GET \/api\/forgotten has no access policy/,
    );
    expect(() =>
      app.route({ method: ['POST', 'DELETE'], url: '/api/forgotten/:id', handler: async () => ({}) }),
    ).toThrow(/POST,DELETE \/api\/forgotten\/:id has no access policy/);
    await app.close();

    // Registered by a plugin (as a third-party plugin would): app.ready() rejects.
    const other = await buildApp({ database: db.database, config, serveWeb: false });
    void other.register(async (plugin) => {
      plugin.patch('/api/plugin-added', async () => ({}));
    });
    await expect(other.ready()).rejects.toThrow(/PATCH \/api\/plugin-added has no access policy/);
    await other.close().catch(() => undefined);
  });

  it('still refuses, at request time, a route that lost its policy after registration (second wall)', async () => {
    const config = loadConfig({ NODE_ENV: 'test', HARBOR_LOG_LEVEL: 'silent' });
    const app = await buildApp({ database: db.database, config, serveWeb: false });
    await app.register(async (plugin) => {
      // A plugin's onRoute hook runs after the root's check: this one strips the policy again.
      plugin.addHook('onRoute', (route) => {
        route.config = {};
      });
      plugin.get('/api/stripped', { config: { policy: { access: 'public', why: 'test' } } }, async () => ({
        secret: 'youth data',
      }));
    });
    await app.ready();
    const res = await app.inject({ method: 'GET', url: '/api/stripped' });
    expect(res.statusCode).toBe(500);
    expect(res.json().code).toBe('no_policy');
    expect(res.body).not.toContain('youth data');
    expect(app.routesWithPolicy().find((r) => r.url === '/api/stripped')?.policy).toBeUndefined();
    await app.close();
  });

  it('names abilities, never roles: every role list comes from the abilities table', async () => {
    const config = loadConfig({ NODE_ENV: 'test', HARBOR_LOG_LEVEL: 'silent' });
    const app = await buildApp({ database: db.database, config, serveWeb: false });
    await app.ready();
    const policies = app.routesWithPolicy().map((r) => ({ route: `${r.method} ${r.url}`, policy: r.policy! }));
    const withRoles = policies.filter((p) => 'roles' in p.policy).map((p) => p.route);
    expect(withRoles).toEqual([]);
    for (const { route, policy } of policies) {
      if (policy.access === 'aggregate' || policy.access === 'admin') {
        expect(ABILITY_NAMES, route).toContain(policy.ability);
      }
      if ('ability' in policy && policy.ability) expect(rolesWith(policy.ability).length, route).toBeGreaterThan(0);
    }
    await app.close();
  });
});
