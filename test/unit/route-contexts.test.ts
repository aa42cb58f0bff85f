// A handler's context follows its route's policy, in the types and at run time. The
// `@ts-expect-error` lines below are checked by `npm run typecheck`: each must stay an error.
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { ScopedRepo } from '../../src/access/checkpoint.js';
import { contexts } from '../../src/access/contexts.js';
import type { Database } from '../../src/db/client.js';
import { routes } from '../../src/server/route.js';

/** Never called: only compiled. */
export function compileTimeChecks(app: FastifyInstance) {
  const r = routes(app);
  r.get(
    '/aggregate',
    { config: { policy: { access: 'aggregate', ability: 'stats.read' } }, schema: {} },
    async (_request, ctx) => {
      // @ts-expect-error an aggregate route has no checkpoint for individual youth
      void ctx.forYouth;
      // @ts-expect-error nor reference data
      void ctx.forCounty;
      return ctx.aggregate('x', async () => 1);
    },
  );
  r.get('/reference', { config: { policy: { access: 'reference' } }, schema: {} }, async (_request, ctx) => {
    // @ts-expect-error a reference route cannot open a youth's record
    void ctx.forYouth;
    // @ts-expect-error nor read figures across counties
    void ctx.aggregate;
    // @ts-expect-error nor import the state extract (the county administrator's, on an admin route)
    void ctx.importExtract;
    return ctx.forCounty('x', async () => 1, { audit: false });
  });
  r.get('/youth', { config: { policy: { access: 'youth' } }, schema: {} }, async (_request, ctx) => {
    // @ts-expect-error a youth route does its work through the checkpoint only
    void ctx.aggregate;
    return ctx.forYouth('id', 'x', { read: ['identity'] }, async () => 1);
  });
  r.get('/public', { config: { policy: { access: 'public', why: 'test' } }, schema: {} }, async (_request, ctx) => {
    // @ts-expect-error a public route reaches nothing
    void ctx.forCounty;
    return ctx.requestId;
  });
  r.get('/self', { config: { policy: { access: 'self' } }, schema: {} }, async (_request, ctx) => {
    // @ts-expect-error the user's own rows only
    void ctx.forCounty;
    return ctx.forSelf(async () => 1);
  });
  r.get(
    '/admin',
    // @ts-expect-error policies name an ability, never a role list
    { config: { policy: { access: 'admin', roles: ['county_admin'] } }, schema: {} },
    async () => 1,
  );
}

describe('route contexts', () => {
  it('hold only the functions of their policy, never the repo', () => {
    const repo = new ScopedRepo(
      {} as Database,
      { userId: 'u', countyId: 'c', organizationId: 'o', roles: [] },
      {
        requestId: 'r',
        clientIp: null,
      },
    );
    expect(Object.keys(contexts.aggregate(repo)).sort()).toEqual(['actor', 'aggregate', 'kind']);
    expect(Object.keys(contexts.reference(repo)).sort()).toEqual(['actor', 'forCounty', 'kind']);
    expect(Object.keys(contexts.admin(repo)).sort()).toEqual([
      'actor',
      'forCounty',
      'forState',
      'importExtract',
      'kind',
    ]);
    expect(Object.keys(contexts.self(repo)).sort()).toEqual(['actor', 'forSelf', 'kind']);
    expect(Object.keys(contexts.youth(repo))).not.toContain('aggregate');
    expect(Object.keys(contexts.youth(repo))).not.toContain('forCounty');
    for (const ctx of Object.values(contexts).map((make) => make(repo))) {
      expect(Object.values(ctx)).not.toContain(repo);
    }
  });
});
