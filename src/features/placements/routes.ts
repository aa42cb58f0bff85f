import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { YouthId } from '../youth/schemas.js';
import { listPlacements } from './list-placements.js';
import { recordPlacement, updatePlacement } from './record-placement.js';
import { PlacementCreate, PlacementList, PlacementUpdate, PlacementView } from './schemas.js';

/** Placement episodes: where a youth lives and has lived. */
export function registerPlacementRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['placements'];
  const writers = { policy: { access: 'youth' as const, roles: ['caseworker', 'supervisor'] as const } };
  r.get(
    '/api/youth/:id/placements',
    {
      config: { policy: { access: 'youth' } },
      schema: {
        tags,
        summary: "A youth's placements, newest first, with gaps; provider and address only for the youth's own workers",
        params: YouthId,
        response: { 200: PlacementList },
      },
    },
    async (request) => listPlacements(request.ctx.repo, request.params.id),
  );
  r.post(
    '/api/youth/:id/placements',
    {
      config: writers,
      schema: {
        tags,
        summary: 'Record a placement (no overlaps with others)',
        params: YouthId,
        body: PlacementCreate,
        response: { 201: PlacementView },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await recordPlacement(request.ctx.repo, request.params.id, request.body)),
  );
  r.patch(
    '/api/youth/:id/placements/:placementId',
    {
      config: writers,
      schema: {
        tags,
        summary: 'End or correct a placement (send the version you loaded)',
        params: z.object({ id: z.string(), placementId: z.string().uuid('is not a placement id') }),
        body: PlacementUpdate,
        response: { 200: PlacementView },
      },
    },
    async (request) => updatePlacement(request.ctx.repo, request.params.id, request.params.placementId, request.body),
  );
}
