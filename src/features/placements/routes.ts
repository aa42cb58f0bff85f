import type { FastifyInstance } from 'fastify';
import { routes } from '../../server/route.js';
import { YouthId } from '../../contract/youth.js';
import { listPlacements } from './list-placements.js';
import { recordPlacement, updatePlacement } from './record-placement.js';
import {
  PlacementCreate,
  PlacementList,
  PlacementParams,
  PlacementUpdate,
  PlacementView,
} from '../../contract/placements.js';

/** Placement episodes: where a youth lives and has lived. */
export function registerPlacementRoutes(app: FastifyInstance) {
  const r = routes(app);
  const tags = ['placements'];
  const writers = { policy: { access: 'youth' as const, ability: 'youth.record' as const } };
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
    async (request, ctx) => listPlacements(ctx, request.params.id),
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
    async (request, ctx, reply) => reply.code(201).send(await recordPlacement(ctx, request.params.id, request.body)),
  );
  r.patch(
    '/api/youth/:id/placements/:placementId',
    {
      config: writers,
      schema: {
        tags,
        summary: 'End or correct a placement (send the version you loaded)',
        params: PlacementParams,
        body: PlacementUpdate,
        response: { 200: PlacementView },
      },
    },
    async (request, ctx) => updatePlacement(ctx, request.params.id, request.params.placementId, request.body),
  );
}
