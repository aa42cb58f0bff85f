// Every route must declare who may call it. This test lists every route the application
// registers and fails on any without a policy, and shows that such a route is refused at run time.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
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
    expect((await app.inject({ method: 'GET', url: '/api/nope' })).json()).toMatchObject({ error: 'not_found' });
    const missing: string[] = [];
    for (const line of app.routesWithPolicy()) if (!line.policy) missing.push(`${line.method} ${line.url}`);
    expect(missing).toEqual([]);
    expect(app.routesWithPolicy().length).toBeGreaterThan(8);
    await app.close();
  });

  it('refuses (fails closed) a route someone added without a policy', async () => {
    const config = loadConfig({ NODE_ENV: 'test', HARBOR_LOG_LEVEL: 'silent' });
    const app = await buildApp({ database: db.database, config, serveWeb: false });
    app.get('/api/forgotten', async () => ({ secret: 'youth data' }));
    await app.ready();
    const res = await app.inject({ method: 'GET', url: '/api/forgotten' });
    expect(res.statusCode).toBe(500);
    expect(res.json().error).toBe('no_policy');
    expect(res.body).not.toContain('youth data');
    expect(app.routesWithPolicy().find((r) => r.url === '/api/forgotten')?.policy).toBeUndefined();
    await app.close();
  });
});
