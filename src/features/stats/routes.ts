import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { youthByArea } from './youth-by-area.js';

export function registerStatsRoutes(app: FastifyInstance) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/stats/youth-by-area',
    {
      config: {
        policy: { access: 'aggregate', roles: ['county_analyst', 'state_analyst', 'supervisor', 'county_admin'] },
      },
      schema: {
        tags: ['stats'],
        summary: 'Youth on record per county and service planning area (small cells suppressed)',
        response: {
          200: z.object({
            rows: z.array(
              z.object({
                county: z.string(),
                spaNumber: z.number().nullable(),
                spaName: z.string().nullable(),
                youth: z.union([z.number(), z.literal('<11')]),
              }),
            ),
            suppression: z.string(),
          }),
        },
      },
    },
    async (request) => youthByArea(request.ctx.repo),
  );
}
