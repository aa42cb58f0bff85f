import type { FastifyInstance } from 'fastify';
import { routes } from '../../server/route.js';
import { CountySettingsUpdate, CountySettingsView } from '../../contract/county.js';
import { getCountySettings, updateCountySettings } from './settings.js';

export function registerCountyRoutes(app: FastifyInstance) {
  const r = routes(app);
  r.get(
    '/api/county/settings',
    {
      config: { policy: { access: 'reference' } },
      schema: {
        tags: ['county'],
        summary: "Your county's protocol settings (defaults from state law and DOMAIN.md)",
        response: { 200: CountySettingsView },
      },
    },
    async (request, ctx) => getCountySettings(ctx),
  );
  r.put(
    '/api/county/settings',
    {
      config: { policy: { access: 'admin', ability: 'settings.edit' } },
      schema: {
        tags: ['county'],
        summary: 'Replace the county settings; send the version you loaded',
        body: CountySettingsUpdate,
        response: { 200: CountySettingsView },
      },
    },
    async (request, ctx) => updateCountySettings(ctx, request.body),
  );
}
