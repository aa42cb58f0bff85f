import type { FastifyInstance } from 'fastify';
import { routes } from '../../server/route.js';
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
  FlagList,
  FlagListQuery,
  FlagsAdded,
  FlagParam,
  FlagView,
  IssueCreate,
  IssueList,
  IssueListQuery,
  IssueParam,
  IssueResolve,
  IssueUpdate,
  IssueView,
} from '../../contract/advocacy.js';

/** Performance issues per CBO and the candidate issues Harbor flags from the data. */
export function registerPerformanceRoutes(app: FastifyInstance) {
  const r = routes(app);
  const tags = ['advocacy'];
  const county = { policy: { access: 'admin' as const, ability: 'performance.edit' as const } };
  const analyst = { policy: { access: 'admin' as const, ability: 'performance.flags' as const } };
  const readers = {
    policy: { access: 'admin' as const, ability: 'performance.read' as const },
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
    async (request, ctx, reply) => reply.code(201).send(await createIssue(ctx, request.body)),
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
    async (request, ctx) => updateIssue(ctx, request.params.issueId, request.body),
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
    async (request, ctx) => resolveIssue(ctx, request.params.issueId, request.body),
  );
  r.get(
    '/api/advocacy/performance-issues',
    {
      config: readers,
      schema: {
        tags,
        summary: "Performance issues (a CBO administrator sees their own organization's)",
        querystring: IssueListQuery,
        response: { 200: IssueList },
      },
    },
    async (request, ctx) => listIssues(ctx, request.query),
  );
  r.get(
    '/api/advocacy/flags',
    {
      config: readers,
      schema: {
        tags,
        summary: 'Candidate performance issues found in the data, and the decisions on them',
        querystring: FlagListQuery,
        response: { 200: FlagList },
      },
    },
    async (request, ctx) => listFlags(ctx, request.query),
  );
  r.post(
    '/api/advocacy/flags/refresh',
    {
      config: analyst,
      schema: {
        tags,
        summary: 'Look for new candidate issues now (the jobs runner does it too)',
        response: { 200: FlagsAdded },
      },
    },
    async (request, ctx) => refreshFlags(ctx),
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
    async (request, ctx) => confirmFlag(ctx, request.params.flagId, request.body),
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
    async (request, ctx) => dismissFlag(ctx, request.params.flagId, request.body.note),
  );
}
