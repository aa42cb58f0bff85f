import type { FastifyInstance } from 'fastify';
import { routes } from '../../server/route.js';
import { accessLog, accessLogCsv } from './access-log.js';
import { caseload, caseloadCsv } from './caseload.js';
import { createYouth } from './create-youth.js';
import { getYouth } from './get-youth.js';
import { AccessLogCsvQuery, AccessLogQuery } from '../../contract/access-log.js';
import {
  AccessLog,
  Caseload,
  CaseloadCsvQuery,
  CaseloadQuery,
  SearchResult,
  YouthCreate,
  YouthCreated,
  YouthId,
  YouthPatch,
  YouthSaved,
  YouthSearchQuery,
  YouthView,
} from '../../contract/youth.js';
import { DuplicateCheck, DuplicateMatches, IdentityHistory } from '../../contract/youth-intake.js';
import { identityHistory } from './identity-history.js';
import { possibleDuplicates } from './possible-duplicates.js';
import { searchYouth } from './search-youth.js';
import { updateYouth } from './update-youth.js';

export function registerYouthRoutes(app: FastifyInstance) {
  const r = routes(app);
  const tags = ['youth'];

  r.get(
    '/api/youth',
    {
      config: { policy: { access: 'youth', ability: 'youth.search' } },
      schema: {
        tags,
        summary: 'Search youth you may see: name (typos and accents allowed), alias, date of birth or external id',
        querystring: YouthSearchQuery,
        response: { 200: SearchResult },
      },
    },
    async (request, ctx) => searchYouth(ctx, request.query.q, request.query.limit),
  );

  r.post(
    '/api/youth',
    {
      config: { policy: { access: 'youth', ability: 'youth.create' } },
      schema: {
        tags,
        summary: 'Create a youth record, assigned to you',
        body: YouthCreate,
        response: { 201: YouthCreated },
      },
    },
    async (request, ctx, reply) => reply.code(201).send(await createYouth(ctx, request.body)),
  );

  // Intake (issue 14, finding 1): likely duplicates before saving, only among youth the user could
  // find by search. A POST so that the names stay out of URLs and request logs.
  r.post(
    '/api/youth/possible-duplicates',
    {
      config: { policy: { access: 'youth', ability: 'youth.create' } },
      schema: {
        tags,
        summary:
          'Youth you could find by search who may be the person you are about to add (similar name or alias, same date of birth)',
        body: DuplicateCheck,
        response: { 200: DuplicateMatches },
      },
    },
    async (request, ctx) => possibleDuplicates(ctx, request.body),
  );

  r.get(
    '/api/youth/:id/identity-history',
    {
      config: { policy: { access: 'youth' } },
      schema: {
        tags,
        summary:
          "Each change to the youth's identity and contact details: who, when, which fields and the previous values (newest first)",
        params: YouthId,
        response: { 200: IdentityHistory },
      },
    },
    async (request, ctx) => identityHistory(ctx, request.params.id),
  );

  r.get(
    '/api/youth/:id',
    {
      // No role list: an analyst asking for a record gets the checkpoint's 404 (and an audited
      // denial), the same answer as for a record that does not exist.
      config: { policy: { access: 'youth' } },
      schema: {
        tags,
        summary: "A youth's record, with only the fields your role and relation allow; 404 if you may not see it",
        params: YouthId,
        response: { 200: YouthView },
      },
    },
    async (request, ctx) => getYouth(ctx, request.params.id),
  );

  r.patch(
    '/api/youth/:id',
    {
      config: { policy: { access: 'youth', ability: 'youth.record' } },
      schema: {
        tags,
        summary: "Change a youth's fields; send the version you loaded (409 if someone saved since)",
        params: YouthId,
        body: YouthPatch,
        response: { 200: YouthSaved },
      },
    },
    async (request, ctx) => updateYouth(ctx, request.params.id, request.body),
  );

  r.get(
    '/api/youth/:id/access-log',
    {
      config: { policy: { access: 'youth', ability: 'youth.access_log' } },
      schema: {
        tags,
        summary:
          'Who viewed or changed this record: one line per person per visit (events less than 10 minutes apart), filtered, sorted (newest first) and paged, with the total',
        params: YouthId,
        querystring: AccessLogQuery,
        response: { 200: AccessLog },
      },
    },
    async (request, ctx) => accessLog(ctx, request.params.id, request.query),
  );

  r.get(
    '/api/youth/:id/access-log.csv',
    {
      config: { policy: { access: 'youth', ability: 'youth.access_log' } },
      schema: {
        tags,
        summary: "Every matching visit of the record's access log as CSV, times in county time with the zone",
        params: YouthId,
        querystring: AccessLogCsvQuery,
      },
    },
    async (request, ctx, reply) => {
      const csv = await accessLogCsv(ctx, request.params.id, request.query);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="harbor-access-log.csv"')
        .send(csv);
    },
  );

  // "My youth": the caseload, paged on the server with its true total, and as CSV.
  r.get(
    '/api/caseload',
    {
      config: { policy: { access: 'youth', ability: 'youth.search' } },
      schema: {
        tags,
        summary:
          'Your caseload: youth assigned to you or to people you supervise, on your teams (MDT) or in your advocacy; paged and sorted, with the total',
        querystring: CaseloadQuery,
        response: { 200: Caseload },
      },
    },
    async (request, ctx) => caseload(ctx, request.query),
  );

  r.get(
    '/api/caseload.csv',
    {
      config: { policy: { access: 'youth', ability: 'youth.search' } },
      schema: { tags, summary: 'Your whole caseload as CSV, in the order asked for', querystring: CaseloadCsvQuery },
    },
    async (request, ctx, reply) => {
      const csv = await caseloadCsv(ctx, request.query);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="harbor-my-youth.csv"')
        .send(csv);
    },
  );
}
