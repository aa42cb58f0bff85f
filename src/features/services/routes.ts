import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { YouthId } from '../youth/schemas.js';
import { listServiceEpisodes } from './list-service-episodes.js';
import { recordServiceEpisode } from './record-service-episode.js';
import { ServiceEpisodeCreate, ServiceEpisodeUpdate, ServiceEpisodeView } from './schemas.js';
import { updateServiceEpisode } from './update-service-episode.js';

/** Service episodes: what a youth was referred to, started and finished. */
export function registerServiceRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['services'];
  const writers = { policy: { access: 'youth' as const, roles: ['caseworker', 'supervisor', 'advocate'] as const } };
  r.get(
    '/api/youth/:id/services',
    {
      config: { policy: { access: 'youth' } },
      schema: {
        tags,
        summary: "A youth's service episodes you may see (others are counted, not shown)",
        params: YouthId,
        response: { 200: z.object({ episodes: z.array(ServiceEpisodeView), hiddenCount: z.number() }) },
      },
    },
    async (request) => listServiceEpisodes(request.ctx.repo, request.params.id),
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
    async (request, reply) =>
      reply.code(201).send(await recordServiceEpisode(request.ctx.repo, request.params.id, request.body)),
  );
  r.patch(
    '/api/youth/:id/services/:episodeId',
    {
      config: writers,
      schema: {
        tags,
        summary: 'Start, end or correct a service episode (send the version you loaded)',
        params: z.object({ id: z.string(), episodeId: z.string().uuid('is not a service episode id') }),
        body: ServiceEpisodeUpdate,
        response: { 200: ServiceEpisodeView },
      },
    },
    async (request) =>
      updateServiceEpisode(request.ctx.repo, request.params.id, request.params.episodeId, request.body),
  );
}
