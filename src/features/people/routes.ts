import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ORGANIZATION_TYPES, ROLES } from '../../domain/people.js';
import { listOrganizations, listPeople } from './list-people.js';

const Organization = z.object({ id: z.string(), name: z.string(), type: z.enum(ORGANIZATION_TYPES) });

/** County staff and organizations for pickers: reference data of the user's own county, no youth data. */
export function registerPeopleRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['people'];
  const read = { policy: { access: 'reference' as const } };
  r.get(
    '/api/people',
    {
      config: read,
      schema: {
        tags,
        summary:
          "Active staff of your county (never another county's), by name; q matches every word of the name, case-insensitive",
        querystring: z.object({
          q: z.string().trim().max(100).optional(),
          organizationId: z.string().uuid('is not an organization id').optional(),
          limit: z.coerce.number().int().min(1).max(100).default(20),
        }),
        response: {
          200: z.object({
            people: z.array(
              z.object({
                id: z.string(),
                displayName: z.string(),
                organization: Organization,
                roles: z.array(z.enum(ROLES)),
              }),
            ),
          }),
        },
      },
    },
    async (request) => listPeople(request.ctx.repo, request.query),
  );
  r.get(
    '/api/organizations',
    {
      config: read,
      schema: {
        tags,
        summary: "Your county's organizations (agencies, CBOs), by name",
        response: { 200: z.object({ organizations: z.array(Organization) }) },
      },
    },
    async (request) => listOrganizations(request.ctx.repo),
  );
}
