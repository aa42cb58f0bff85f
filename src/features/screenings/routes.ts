import type { FastifyInstance } from 'fastify';
import { routes } from '../../server/route.js';
import { YouthId } from '../../contract/youth.js';
import { finalizeScreening } from './finalize-screening.js';
import { getScreening, listScreenings } from './list-screenings.js';
import { saveScreening } from './save-screening.js';
import {
  ScreeningCreate,
  ScreeningDetail,
  ScreeningFinalize,
  ScreeningList,
  ScreeningParams,
  ScreeningSave,
} from '../../contract/screenings.js';
import { startScreening } from './start-screening.js';
import { discardScreening } from './discard-screening.js';
import { ScreeningDiscard, ScreeningDiscarded } from '../../contract/corrections.js';

export function registerScreeningRoutes(app: FastifyInstance) {
  const r = routes(app);
  const tags = ['screenings'];
  const writers = { policy: { access: 'youth' as const, ability: 'youth.record' as const } };

  r.get(
    '/api/youth/:id/screenings',
    {
      config: { policy: { access: 'youth' } },
      schema: {
        tags,
        summary: "A youth's screenings, newest first, and when the next one is due",
        params: YouthId,
        response: { 200: ScreeningList },
      },
    },
    async (request, ctx) => listScreenings(ctx, request.params.id),
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
    async (request, ctx, reply) => reply.code(201).send(await startScreening(ctx, request.params.id, request.body)),
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
    async (request, ctx) => getScreening(ctx, request.params.id, request.params.screeningId),
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
    async (request, ctx) => saveScreening(ctx, request.params.id, request.params.screeningId, request.body),
  );
  r.post(
    '/api/youth/:id/screenings/:screeningId/finalize',
    {
      config: writers,
      schema: {
        tags,
        summary: 'Finish a draft: 400 lists unanswered items; the result and next due date are set',
        params: ScreeningParams,
        body: ScreeningFinalize,
        response: { 200: ScreeningDetail },
      },
    },
    async (request, ctx) => finalizeScreening(ctx, request.params.id, request.params.screeningId, request.body.version),
  );
  r.post(
    '/api/youth/:id/screenings/:screeningId/discard',
    {
      config: writers,
      schema: {
        tags,
        summary:
          'Discard a draft started by mistake, with a reason (its author or a supervisor; a final screening is amended instead)',
        params: ScreeningParams,
        body: ScreeningDiscard,
        response: { 200: ScreeningDiscarded },
      },
    },
    async (request, ctx) => discardScreening(ctx, request.params.id, request.params.screeningId, request.body),
  );
}
