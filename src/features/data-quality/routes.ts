import type { FastifyInstance } from 'fastify';
import { routes } from '../../server/route.js';
import {
  DataQualityCsvQuery,
  DataQualityFix,
  DataQualityFixResult,
  DataQualityIssueView,
  DataQualityList,
  DataQualityParams,
  DataQualityQuery,
  DataQualityReview,
} from '../../contract/data-quality.js';
import { fixIssue } from './fix-issue.js';
import { issuesCsv, listIssues } from './list-issues.js';
import { reviewIssue } from './review-issue.js';

/** The county's data-quality queue: supervisors list, export, review and fix its issues. */
export function registerDataQualityRoutes(app: FastifyInstance) {
  const r = routes(app);
  const tags = ['data-quality'];
  const config = { policy: { access: 'youth' as const, ability: 'data_quality.work' as const } };
  r.get(
    '/api/data-quality',
    {
      config,
      schema: {
        tags,
        summary: 'Open counts by kind and a page of the county’s data-quality issues (state ids and dates, no names)',
        querystring: DataQualityQuery,
        response: { 200: DataQualityList },
      },
    },
    async (request, ctx) => listIssues(ctx, request.query),
  );
  r.get(
    '/api/data-quality.csv',
    {
      config,
      schema: {
        tags,
        summary: 'Every matching data-quality issue as CSV (state ids, Types, dates, ages; no names or dates of birth)',
        querystring: DataQualityCsvQuery,
      },
    },
    async (request, ctx, reply) => {
      const csv = await issuesCsv(ctx, request.query);
      const name = ['harbor-data-quality', request.query.kind, request.query.status].filter(Boolean).join('-');
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}.csv"`)
        .send(csv);
    },
  );
  r.post(
    '/api/data-quality/:id/review',
    {
      config,
      schema: {
        tags,
        summary: 'Mark an open issue reviewed (the record is right as it is), with an optional note',
        params: DataQualityParams,
        body: DataQualityReview,
        response: { 200: DataQualityIssueView },
      },
    },
    async (request, ctx) => reviewIssue(ctx, request.params.id, request.body),
  );
  r.post(
    '/api/data-quality/:id/fix',
    {
      config,
      schema: {
        tags,
        summary:
          'Write the missing or corrected value to the record (subcategory, dates, date of birth); the issue is fixed if that cures it',
        params: DataQualityParams,
        body: DataQualityFix,
        response: { 200: DataQualityFixResult },
      },
    },
    async (request, ctx) => fixIssue(ctx, request.params.id, request.body),
  );
}
