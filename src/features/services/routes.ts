import type { FastifyInstance } from 'fastify';
import { routes } from '../../server/route.js';
import { YouthId } from '../../contract/youth.js';
import { listServiceEpisodes } from './list-service-episodes.js';
import { recordServiceEpisode } from './record-service-episode.js';
import {
  ServiceEpisodeCreate,
  ServiceEpisodeList,
  ServiceEpisodeParams,
  ServiceEpisodeUpdate,
  ServiceEpisodeView,
} from '../../contract/services.js';
import { updateServiceEpisode } from './update-service-episode.js';

/** Service episodes: what a youth was referred to, started and finished. */
export function registerServiceRoutes(app: FastifyInstance) {
  const r = routes(app);
  const tags = ['services'];
  const writers = { policy: { access: 'youth' as const, ability: 'services.record' as const } };
  r.get(
    '/api/youth/:id/services',
    {
      config: { policy: { access: 'youth' } },
      schema: {
        tags,
        summary: "A youth's service episodes you may see (others are counted, not shown)",
        params: YouthId,
        response: { 200: ServiceEpisodeList },
      },
    },
    async (request, ctx) => listServiceEpisodes(ctx, request.params.id),
  );
  r.post(
    '/api/youth/:id/services',
    {
      config: writers,
      schema: {
        tags,
        summary: 'Record a service referral (and its start or end if known)',
        params: YouthId,
        body: ServiceEpisodeCreate,
        response: { 201: ServiceEpisodeView },
      },
    },
    async (request, ctx, reply) =>
      reply.code(201).send(await recordServiceEpisode(ctx, request.params.id, request.body)),
  );
  r.patch(
    '/api/youth/:id/services/:episodeId',
    {
      config: writers,
      schema: {
        tags,
        summary: 'Start, end or correct a service episode (send the version you loaded)',
        params: ServiceEpisodeParams,
        body: ServiceEpisodeUpdate,
        response: { 200: ServiceEpisodeView },
      },
    },
    async (request, ctx) => updateServiceEpisode(ctx, request.params.id, request.params.episodeId, request.body),
  );
}
