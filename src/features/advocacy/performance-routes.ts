import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  confirmFlag,
  createIssue,
  dismissFlag,
  listFlags,
  listIssues,
  refreshFlags,
  resolveIssue,
  updateIssue,
} from './performance.js';
import {
  FlagConfirm,
  FlagDismiss,
  FlagListQuery,
  FlagParam,
  FlagView,
  IssueCreate,
  IssueListQuery,
  IssueParam,
  IssueResolve,
  IssueUpdate,
  IssueView,
} from './schemas.js';

/** Performance issues per CBO and the candidate issues Harbor flags from the data. */
export function registerPerformanceRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['advocacy'];
  const county = { policy: { access: 'admin' as const, roles: ['county_admin', 'county_analyst'] as const } };
  const analyst = { policy: { access: 'admin' as const, roles: ['county_analyst'] as const } };
  const readers = {
    policy: { access: 'admin' as const, roles: ['county_admin', 'county_analyst', 'org_admin'] as const },
  };

  r.post(
    '/api/advocacy/performance-issues',
    {
      config: county,
      schema: {
        tags,
        summary: 'Raise a performance issue about a CBO',
        body: IssueCreate,
        response: { 201: IssueView },
      },
    },
    async (request, reply) => reply.code(201).send(await createIssue(request.ctx.repo, request.body)),
  );
  r.patch(
    '/api/advocacy/performance-issues/:issueId',
    {
      config: county,
      schema: {
        tags,
        summary: 'Change an open issue (send the version you loaded)',
        params: IssueParam,
        body: IssueUpdate,
        response: { 200: IssueView },
      },
    },
    async (request) => updateIssue(request.ctx.repo, request.params.issueId, request.body),
  );
  r.post(
    '/api/advocacy/performance-issues/:issueId/resolve',
    {
      config: county,
      schema: {
        tags,
        summary: 'Resolve an issue, saying how',
        params: IssueParam,
        body: IssueResolve,
        response: { 200: IssueView },
      },
    },
    async (request) => resolveIssue(request.ctx.repo, request.params.issueId, request.body),
  );
  r.get(
    '/api/advocacy/performance-issues',
    {
      config: readers,
      schema: {
        tags,
        summary: "Performance issues (a CBO administrator sees their own organization's)",
        querystring: IssueListQuery,
        response: { 200: z.object({ issues: z.array(IssueView) }) },
      },
    },
    async (request) => listIssues(request.ctx.repo, request.query),
  );
  r.get(
    '/api/advocacy/flags',
    {
      config: readers,
      schema: {
        tags,
        summary: 'Candidate performance issues found in the data, and the decisions on them',
        querystring: FlagListQuery,
        response: { 200: z.object({ flags: z.array(FlagView) }) },
      },
    },
    async (request) => listFlags(request.ctx.repo, request.query),
  );
  r.post(
    '/api/advocacy/flags/refresh',
    {
      config: analyst,
      schema: {
        tags,
        summary: 'Look for new candidate issues now (the jobs runner does it too)',
        response: { 200: z.object({ added: z.number() }) },
      },
    },
    async (request) => refreshFlags(request.ctx.repo),
  );
  r.post(
    '/api/advocacy/flags/:flagId/confirm',
    {
      config: analyst,
      schema: {
        tags,
        summary: 'Confirm a flag: it becomes a performance issue in the category of its kind',
        params: FlagParam,
        body: FlagConfirm,
        response: { 200: IssueView },
      },
    },
    async (request) => confirmFlag(request.ctx.repo, request.params.flagId, request.body),
  );
  r.post(
    '/api/advocacy/flags/:flagId/dismiss',
    {
      config: analyst,
      schema: {
        tags,
        summary: 'Dismiss a flag with a note',
        params: FlagParam,
        body: FlagDismiss,
        response: { 200: FlagView },
      },
    },
    async (request) => dismissFlag(request.ctx.repo, request.params.flagId, request.body.note),
  );
}
