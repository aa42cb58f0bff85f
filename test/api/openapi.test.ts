// The OpenAPI document is one a client can be generated from: every operation has a unique id,
// a description, described tags, security, a success response and its error responses as problem
// documents; every reference resolves. Spectral checks the same document in `npm run lint`.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { rolesWith } from '../../src/access/abilities.js';
import { loadConfig } from '../../src/config.js';
import { PROBLEM_CONTENT_TYPE, ProblemDocument } from '../../src/contract/problems.js';
import { openDatabase, type Database } from '../../src/db/client.js';
import { buildApp } from '../../src/server/app.js';
import { describeAccess, operationIdFor, problemStatusesFor, TAGS } from '../../src/server/openapi.js';

type Json = Record<string, unknown>;
interface Operation {
  operationId?: string;
  description?: string;
  tags?: string[];
  security?: Record<string, string[]>[];
  parameters?: { in: string; name: string }[];
  responses: Record<string, Json>;
}
interface Doc {
  openapi: string;
  tags: { name: string; description: string }[];
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Json>; responses: Record<string, Json>; securitySchemes: Record<string, Json> };
}

const config = loadConfig({ NODE_ENV: 'test', HARBOR_LOG_LEVEL: 'silent' });
// The document comes from the routes alone: an empty in-memory database is enough.
let database: Database;
let app: FastifyInstance;
let doc: Doc;
const operations: { method: string; path: string; op: Operation }[] = [];

beforeAll(async () => {
  database = await openDatabase({});
  app = await buildApp({ database, config, serveWeb: false });
  await app.ready();
  doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  for (const [path, item] of Object.entries(doc.paths))
    for (const [method, op] of Object.entries(item)) operations.push({ method: method.toUpperCase(), path, op });
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const openapiPath = (url: string) => url.replace(/:(\w+)/g, '{$1}');
const resolve = (ref: string): unknown =>
  ref
    .replace(/^#\//, '')
    .split('/')
    .reduce<unknown>((node, key) => (node as Json | undefined)?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], doc);
function refsIn(node: unknown, found: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => refsIn(n, found));
  else if (node && typeof node === 'object')
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') found.push(value);
      else refsIn(value, found);
    }
  return found;
}
/** The response object, following a $ref to the shared components. */
const responseOf = (op: Operation, status: number | string) => {
  const r = op.responses[String(status)];
  return (r && typeof r.$ref === 'string' ? resolve(r.$ref) : r) as Json | undefined;
};

describe('the OpenAPI document', () => {
  it('documents every route but the docs pages and the document itself', () => {
    const documented = new Set(operations.map((o) => `${o.method} ${o.path}`));
    const missing = app
      .routesWithPolicy()
      .filter((r) => r.method !== 'HEAD' && !r.url.startsWith('/api/docs') && r.url !== '/api/openapi.json')
      .map((r) => `${r.method} ${openapiPath(r.url)}`)
      .filter((line) => !documented.has(line));
    expect(missing).toEqual([]);
    expect(operations.length).toBeGreaterThan(100);
  });

  it('gives every operation a unique operationId and a description', () => {
    const ids = operations.map((o) => o.op.operationId);
    expect(ids.filter((id) => !id || !/^[a-z][A-Za-z0-9]*$/.test(id))).toEqual([]);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    expect(operations.filter((o) => !o.op.description?.trim()).map((o) => `${o.method} ${o.path}`)).toEqual([]);
  });

  it('tags every operation with tags defined, and described, at the top level', () => {
    const defined = new Map(doc.tags.map((t) => [t.name, t.description]));
    expect(defined.size).toBe(doc.tags.length);
    for (const [name, description] of defined) expect(description, name).toBe(TAGS[name]);
    const wrong = operations
      .filter((o) => !o.op.tags?.length || o.op.tags.some((t) => !defined.has(t)))
      .map((o) => `${o.method} ${o.path} ${o.op.tags?.join(',')}`);
    expect(wrong).toEqual([]);
  });

  it('says who may call each operation: a session, and the CSRF header when it changes state', () => {
    const byRoute = new Map(app.routesWithPolicy().map((r) => [`${r.method} ${openapiPath(r.url)}`, r.policy]));
    for (const { method, path, op } of operations) {
      const policy = byRoute.get(`${method} ${path}`);
      const where = `${method} ${path}`;
      if (policy?.access === 'public') {
        expect(op.security, where).toBeUndefined();
        expect(op.description, where).toContain('Access: public');
        continue;
      }
      const needs = method === 'GET' ? { session: [] } : { session: [], csrf: [] };
      expect(op.security, where).toEqual([needs]);
      expect(op.description, where).toMatch(/Access: /);
      if (policy && 'ability' in policy && policy.ability) {
        expect(op.description, where).toContain(
          `Ability: ${policy.ability} (roles: ${rolesWith(policy.ability).join(', ')}).`,
        );
      }
    }
  });

  it('documents a success response for every operation, and 401 and 500 as problem+json for every non-public one', () => {
    const problem = { schema: { $ref: '#/components/schemas/Problem' } };
    const isProblem = (op: Operation, status: number) =>
      op.responses[String(status)]?.$ref !== undefined &&
      JSON.stringify((responseOf(op, status)?.content as Json | undefined)?.[PROBLEM_CONTENT_TYPE]) ===
        JSON.stringify(problem);
    const wrong: string[] = [];
    for (const { method, path, op } of operations) {
      const where = `${method} ${path}`;
      if (!Object.keys(op.responses).some((s) => /^2\d\d$/.test(s))) wrong.push(`${where}: no 2xx`);
      if (!isProblem(op, 500)) wrong.push(`${where}: 500`);
      if (op.security && !isProblem(op, 401)) wrong.push(`${where}: 401`);
      if (op.security && method !== 'GET' && !isProblem(op, 403)) wrong.push(`${where}: 403 (CSRF)`);
      if (path.includes('{') && !isProblem(op, 404)) wrong.push(`${where}: 404`);
      for (const [status, r] of Object.entries(op.responses)) {
        if (Number(status) >= 400 && !isProblem(op, Number(status)))
          wrong.push(`${where}: ${status} ${JSON.stringify(r)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('shares one Problem schema, the ProblemDocument of src/contract/problems.ts', () => {
    expect(doc.components.schemas.Problem).toEqual(
      z.toJSONSchema(ProblemDocument, { target: 'openapi-3.0', io: 'output' }),
    );
    for (const [name, response] of Object.entries(doc.components.responses)) {
      expect(Object.keys(response.content as Json), name).toEqual([PROBLEM_CONTENT_TYPE]);
    }
  });

  it('is a well-formed OpenAPI 3.0 document: references resolve, path parameters are declared', () => {
    expect(doc.openapi).toMatch(/^3\.0\.\d$/);
    expect(refsIn(doc).filter((ref) => !ref.startsWith('#/') || resolve(ref) === undefined)).toEqual([]);
    const undeclared: string[] = [];
    for (const { method, path, op } of operations) {
      for (const [, name] of path.matchAll(/\{(\w+)\}/g)) {
        if (!op.parameters?.some((p) => p.in === 'path' && p.name === name))
          undeclared.push(`${method} ${path} ${name}`);
      }
    }
    expect(undeclared).toEqual([]);
    for (const { op } of operations)
      for (const scheme of (op.security ?? []).flatMap(Object.keys))
        expect(doc.components.securitySchemes[scheme]).toBeDefined();
  });

  it('documents what an anonymous client really gets from every GET: a listed status, as problem+json', async () => {
    const wrong: string[] = [];
    for (const { method, path, op } of operations) {
      if (method !== 'GET' || !op.security) continue;
      const res = await app.inject({ method, url: path.replace(/\{\w+\}/g, randomUUID()) });
      if (
        !(String(res.statusCode) in op.responses) ||
        !String(res.headers['content-type']).startsWith(PROBLEM_CONTENT_TYPE)
      )
        wrong.push(`${method} ${path}: ${res.statusCode} ${res.headers['content-type']}`);
    }
    expect(wrong).toEqual([]);
  });
});

describe('operation ids and the start-up checks', () => {
  it('derives readable ids from the method and the URL', () => {
    expect(operationIdFor('GET', '/api/youth')).toBe('listYouth');
    expect(operationIdFor('GET', '/api/youth/:id')).toBe('getYouth');
    expect(operationIdFor('POST', '/api/youth')).toBe('createYouth');
    expect(operationIdFor('PATCH', '/api/youth/:id')).toBe('updateYouth');
    expect(operationIdFor('GET', '/api/youth/:id/safety-plans')).toBe('listYouthSafetyPlans');
    expect(operationIdFor('POST', '/api/youth/:id/safety-plans')).toBe('createYouthSafetyPlan');
    expect(operationIdFor('GET', '/api/youth/:id/screenings/:screeningId')).toBe('getYouthScreening');
    expect(operationIdFor('POST', '/api/youth/:id/screenings/:screeningId/finalize')).toBe('finalizeYouthScreening');
    expect(operationIdFor('GET', '/api/youth/:id/missing/:episodeId')).toBe('getYouthMissingEpisode');
    expect(operationIdFor('POST', '/api/youth/:id/missing/:episodeId/located')).toBe(
      'recordYouthMissingEpisodeLocated',
    );
    expect(operationIdFor('PUT', '/api/county/settings')).toBe('replaceCountySettings');
    expect(operationIdFor('GET', '/api/county/settings')).toBe('getCountySettings');
    expect(operationIdFor('DELETE', '/api/directory/contacts/:id')).toBe('deleteDirectoryContact');
    expect(operationIdFor('GET', '/api/directory/providers/export.csv')).toBe('downloadDirectoryProvidersCsv');
    expect(operationIdFor('GET', '/api/reports/advocacy.pdf')).toBe('downloadReportsAdvocacyPdf');
  });

  it('chooses error responses by policy, method and inputs, and names the ability and its roles', () => {
    const youth = { access: 'youth', ability: 'youth.record' } as const;
    expect(
      problemStatusesFor({ method: 'GET', url: '/api/health', policy: { access: 'public', why: 'x' } }, {}),
    ).toEqual([500]);
    expect(problemStatusesFor({ method: 'GET', url: '/api/instruments', policy: { access: 'reference' } }, {})).toEqual(
      [401, 500],
    );
    expect(problemStatusesFor({ method: 'GET', url: '/api/youth/:id', policy: youth }, {})).toEqual([
      400, 401, 403, 404, 414, 500,
    ]);
    expect(problemStatusesFor({ method: 'PATCH', url: '/api/youth/:id', policy: { access: 'youth' } }, {})).toEqual([
      400, 401, 403, 404, 409, 414, 422, 500,
    ]);
    expect(
      problemStatusesFor({ method: 'POST', url: '/api/youth', policy: { access: 'youth' } }, { body: {} }),
    ).toEqual([400, 401, 403, 409, 413, 415, 422, 500]);
    expect(
      problemStatusesFor(
        { method: 'POST', url: '/api/auth/login', policy: { access: 'public', why: 'x' }, rateLimited: true },
        {},
      ),
    ).toEqual([400, 401, 429, 500]);
    expect(describeAccess(youth, 'PATCH')).toContain(
      `Ability: youth.record (roles: ${rolesWith('youth.record').join(', ')}).`,
    );
    expect(describeAccess(youth, 'PATCH')).toContain('X-CSRF-Token');
    expect(describeAccess(youth, 'GET')).not.toContain('X-CSRF-Token');
  });

  it('refuses, at start-up, a tag without a description and two routes with one operationId', async () => {
    const fresh = await buildApp({ database, config, serveWeb: false });
    const policy = { access: 'reference' } as const;
    expect(() =>
      fresh.get('/api/undescribed', { config: { policy }, schema: { tags: ['undescribed'] } }, async () => ({})),
    ).toThrow(/describe it in TAGS/);
    // GET /api/youth/:id is getYouth: the same id, set or derived, on another route is refused.
    expect(() => fresh.get('/api/youths/:id', { config: { policy } }, async () => ({}))).toThrow(
      /both have the operationId "getYouth"/,
    );
    expect(() =>
      fresh.get('/api/elsewhere', { config: { policy }, schema: { operationId: 'getYouth' } }, async () => ({})),
    ).toThrow(/both have the operationId "getYouth"/);
    fresh.get('/api/youth/:youthId/x', { config: { policy }, schema: { operationId: 'mine' } }, async () => ({}));
    await fresh.close();
  });
});
