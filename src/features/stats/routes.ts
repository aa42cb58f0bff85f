import type { FastifyInstance } from 'fastify';
import { routes } from '../../server/route.js';
import { YouthByArea } from '../../contract/stats.js';
import { youthByArea } from './youth-by-area.js';

export function registerStatsRoutes(app: FastifyInstance) {
  routes(app).get(
    '/api/stats/youth-by-area',
    {
      config: {
        policy: { access: 'aggregate', ability: 'stats.read' },
      },
      schema: {
        tags: ['stats'],
        summary: 'Youth on record per county and service planning area (small cells suppressed)',
        response: { 200: YouthByArea },
      },
    },
    async (request, ctx) => youthByArea(ctx),
  );
}
