import type { FastifyInstance } from 'fastify';
import { routes } from '../../server/route.js';
import { OrganizationList, PeopleList, PeopleQuery, ReferenceData } from '../../contract/people.js';
import { listOrganizations, listPeople, referenceData } from './list-people.js';

/** County staff and organizations for pickers: reference data of the user's own county, no youth data. */
export function registerPeopleRoutes(app: FastifyInstance) {
  const r = routes(app);
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
        querystring: PeopleQuery,
        response: { 200: PeopleList },
      },
    },
    async (request, ctx) => listPeople(ctx, request.query),
  );
  r.get(
    '/api/organizations',
    {
      config: read,
      schema: {
        tags,
        summary: "Your county's organizations (agencies, CBOs), by name",
        response: { 200: OrganizationList },
      },
    },
    async (request, ctx) => listOrganizations(ctx),
  );
  r.get(
    '/api/reference',
    {
      config: read,
      schema: {
        tags,
        summary: "Your county's reference data for forms and filters: service planning areas and organizations",
        response: { 200: ReferenceData },
      },
    },
    async (request, ctx) => referenceData(ctx),
  );
}
