import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { YouthId } from '../youth/schemas.js';
import { finalizeScreening } from './finalize-screening.js';
import { getScreening, listScreenings } from './list-screenings.js';
import { saveScreening } from './save-screening.js';
import { ScreeningCreate, ScreeningDetail, ScreeningParams, ScreeningSave, ScreeningSummary } from './schemas.js';
import { startScreening } from './start-screening.js';

export function registerScreeningRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['screenings'];
  const writers = { policy: { access: 'youth' as const, roles: ['caseworker', 'supervisor'] as const } };

  r.get(
    '/api/youth/:id/screenings',
    {
      config: { policy: { access: 'youth' } },
      schema: {
        tags,
        summary: "A youth's screenings, newest first, and when the next one is due",
        params: YouthId,
        response: {
          200: z.object({
            screenings: z.array(ScreeningSummary),
            nextDue: z.object({ on: z.string(), overdue: z.boolean() }).nullable(),
          }),
        },
      },
    },
    async (request) => listScreenings(request.ctx.repo, request.params.id),
  );
  r.post(
    '/api/youth/:id/screenings',
    {
      config: writers,
      schema: {
        tags,
        summary: 'Start a screening (a draft)',
        params: YouthId,
        body: ScreeningCreate,
        response: { 201: ScreeningDetail },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await startScreening(request.ctx.repo, request.params.id, request.body)),
  );
  r.get(
    '/api/youth/:id/screenings/:screeningId',
    {
      config: { policy: { access: 'youth' } },
      schema: {
        tags,
        summary: 'One screening with its answers, result and next steps',
        params: ScreeningParams,
        response: { 200: ScreeningDetail },
      },
    },
    async (request) => getScreening(request.ctx.repo, request.params.id, request.params.screeningId),
  );
  r.patch(
    '/api/youth/:id/screenings/:screeningId',
    {
      config: writers,
      schema: {
        tags,
        summary: 'Autosave a draft (send the version you loaded)',
        params: ScreeningParams,
        body: ScreeningSave,
        response: { 200: ScreeningDetail },
      },
    },
    async (request) => saveScreening(request.ctx.repo, request.params.id, request.params.screeningId, request.body),
  );
  r.post(
    '/api/youth/:id/screenings/:screeningId/finalize',
    {
      config: writers,
      schema: {
        tags,
        summary: 'Finish a draft: 400 lists unanswered items; the result and next due date are set',
        params: ScreeningParams,
        body: z.object({ version: z.number().int().min(1) }).strict(),
        response: { 200: ScreeningDetail },
      },
    },
    async (request) =>
      finalizeScreening(request.ctx.repo, request.params.id, request.params.screeningId, request.body.version),
  );
}
