// The API contract's basics: health, OpenAPI, errors as JSON with a request id and no stack,
// and logs that carry ids but never names.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/app.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

describe('API basics', () => {
  it('GET /api/health answers {"status":"ok"}', async () => {
    const res = await h.anonymous.get('/api/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('publishes the OpenAPI contract with every youth route', async () => {
    const res = await h.anonymous.get('/api/openapi.json');
    expect(res.statusCode).toBe(200);
    const paths = Object.keys(res.json().paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/health',
        '/api/auth/login',
        '/api/youth',
        '/api/youth/{id}',
        '/api/youth/{id}/access-log',
      ]),
    );
    expect((await h.anonymous.get('/api/docs')).statusCode).toBeLessThan(400);
  });

  it('answers unknown API paths with a JSON 404 naming the path', async () => {
    const res = await h.anonymous.get('/api/nothing-here');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({
      type: 'urn:harbor:problem:route_not_found',
      status: 404,
      code: 'route_not_found',
      detail: expect.stringContaining('/api/nothing-here'),
      requestId: expect.any(String),
    });
  });

  it('turns an unexpected failure into a 500 with a request id and no stack trace', async () => {
    const c = await h.as('worker');
    // Break the database under the app for one request.
    await h.db.database.query('ALTER TABLE youth RENAME TO youth_gone');
    try {
      const res = await c.get(`/api/youth/${h.world.youth.ana}`);
      expect(res.statusCode).toBe(500);
      expect(res.json().detail).toContain(res.json().requestId);
      expect(res.body).not.toMatch(/at .*\.ts:\d+|youth_gone|relation/);
    } finally {
      await h.db.database.query('ALTER TABLE youth_gone RENAME TO youth');
    }
  });
});

describe('logging', () => {
  it('logs request ids and paths, never the search text, names or cookies', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const { buildApp } = await import('../../src/server/app.js');
    const { loadConfig } = await import('../../src/config.js');
    const app = await buildApp({
      database: h.db.database,
      config: loadConfig({ NODE_ENV: 'test', HARBOR_LOG_LEVEL: 'info' }),
      serveWeb: false,
      logStream: sink,
    });
    await app.ready();
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: h.world.users.worker.email, password: 'correct horse battery' },
    });
    const cookie = `harbor_session=${login.cookies[0]!.value}`;
    await app.inject({ method: 'GET', url: '/api/youth?q=Quintero', headers: { cookie } });
    await app.inject({ method: 'GET', url: `/api/youth/${h.world.youth.ana}`, headers: { cookie } });
    await app.close();
    const log = lines.join('');
    expect(log).toContain('/api/youth');
    expect(log).toContain(h.world.users.worker.id);
    expect(log).not.toMatch(/Quintero|Anaís|worker@test\.example|harbor_session=|correct horse/);
  });
});
