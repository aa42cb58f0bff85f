import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CASE_ROLES } from '../../domain/people.js';
import { accessLog } from './access-log.js';
import { createYouth } from './create-youth.js';
import { getYouth } from './get-youth.js';
import { SearchResult, YouthCreate, YouthId, YouthPatch, YouthView } from './schemas.js';
import { searchYouth } from './search-youth.js';
import { updateYouth } from './update-youth.js';

export function registerYouthRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['youth'];

  r.get(
    '/api/youth',
    {
      config: { policy: { access: 'youth', roles: CASE_ROLES } },
      schema: {
        tags,
        summary: 'Search youth you may see: name (typos and accents allowed), alias, date of birth or external id',
        querystring: z.object({
          q: z
            .string()
            .max(100)
            .optional()
            .describe('Name, alias, YYYY-MM-DD or MM/DD/YYYY, or an external id; empty lists your youth'),
          limit: z.coerce.number().int().min(1).max(100).default(25),
        }),
        response: { 200: SearchResult },
      },
    },
    async (request) => searchYouth(request.ctx.repo, request.query.q, request.query.limit),
  );

  r.post(
    '/api/youth',
    {
      config: { policy: { access: 'youth', roles: ['caseworker', 'supervisor'] } },
      schema: {
        tags,
        summary: 'Create a youth record, assigned to you',
        body: YouthCreate,
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (request, reply) => reply.code(201).send(await createYouth(request.ctx.repo, request.body)),
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
    async (request) => getYouth(request.ctx.repo, request.params.id),
  );

  r.patch(
    '/api/youth/:id',
    {
      config: { policy: { access: 'youth', roles: ['caseworker', 'supervisor'] } },
      schema: {
        tags,
        summary: "Change a youth's fields; send the version you loaded (409 if someone saved since)",
        params: YouthId,
        body: YouthPatch,
        response: { 200: z.object({ id: z.string(), version: z.number() }) },
      },
    },
    async (request) => updateYouth(request.ctx.repo, request.params.id, request.body),
  );

  r.get(
    '/api/youth/:id/access-log',
    {
      config: { policy: { access: 'youth', roles: ['supervisor', 'auditor'] } },
      schema: {
        tags,
        summary: 'Who viewed or changed this record, newest first',
        params: YouthId,
        response: {
          200: z.object({
            events: z.array(
              z.object({
                at: z.string(),
                actor: z
                  .object({ name: z.string(), organization: z.string().nullable(), roles: z.array(z.string()) })
                  .nullable(),
                action: z.string(),
                outcome: z.string(),
                categories: z.array(z.string()),
              }),
            ),
          }),
        },
      },
    },
    async (request) => accessLog(request.ctx.repo, request.params.id),
  );
}
