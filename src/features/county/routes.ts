import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CountySettingsSchema } from '../../domain/county-settings.js';
import { getCountySettings, updateCountySettings } from './settings.js';

const View = z.object({ settings: CountySettingsSchema, version: z.number(), updatedAt: z.string().nullable() });

export function registerCountyRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/county/settings',
    {
      config: { policy: { access: 'reference' } },
      schema: {
        tags: ['county'],
        summary: "Your county's protocol settings (defaults from state law and DOMAIN.md)",
        response: { 200: View },
      },
    },
    async (request) => getCountySettings(request.ctx.repo),
  );
  r.put(
    '/api/county/settings',
    {
      config: { policy: { access: 'admin', roles: ['county_admin'] } },
      schema: {
        tags: ['county'],
        summary: 'Replace the county settings; send the version you loaded',
        body: z.object({ version: z.number().int().min(0), settings: CountySettingsSchema }).strict(),
        response: { 200: View },
      },
    },
    async (request) => updateCountySettings(request.ctx.repo, request.body),
  );
}
