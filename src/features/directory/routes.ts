import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Role } from '../../domain/people.js';
import { addService } from './add-service.js';
import { createContact, deleteContact, listContacts, updateContact } from './contacts.js';
import { createProvider } from './create-provider.js';
import { exportCsv, exportXlsx } from './export-providers.js';
import { getProvider, providerHistory } from './get-provider.js';
import { listServices } from './list-services.js';
import {
  ContactCreate,
  ContactId,
  ContactPatch,
  ContactView,
  ProviderCreate,
  ProviderFilters,
  ProviderHistory,
  ProviderId,
  ProviderList,
  ProviderPatch,
  ProviderQuery,
  ProviderView,
  ServiceCreate,
  ServiceView,
  VacancyUpdate,
} from './schemas.js';
import { searchProviders } from './search-providers.js';
import { updateProvider, updateVacancies } from './update-provider.js';

/** Who edits provider entries; an org_admin only those of their own organization (checked per entry). */
const EDITORS: readonly Role[] = ['county_admin', 'org_admin'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Resource directory routes (providers, services, contacts, exports). */
export function registerDirectoryRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['directory'];
  const read = { policy: { access: 'reference' as const } };
  const edit = { policy: { access: 'admin' as const, roles: EDITORS } };
  const countyAdmin = { policy: { access: 'admin' as const, roles: ['county_admin'] as Role[] } };

  r.get(
    '/api/directory/providers',
    {
      config: read,
      schema: {
        tags,
        summary: 'Search the directory: text (typos allowed) and filters, most relevant first, then by name',
        querystring: ProviderQuery,
        response: { 200: ProviderList },
      },
    },
    async (request) => searchProviders(request.ctx.repo, request.query),
  );
  r.get(
    '/api/directory/providers/export.csv',
    {
      config: read,
      schema: {
        tags,
        summary: 'The matching providers as CSV (resource family addresses never included)',
        querystring: ProviderFilters,
      },
    },
    async (request, reply) => {
      const file = await exportCsv(request.ctx.repo, request.query);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .send(file.body);
    },
  );
  r.get(
    '/api/directory/providers/export.xlsx',
    {
      config: read,
      schema: {
        tags,
        summary: 'The matching providers as an Excel workbook, same columns as the CSV',
        querystring: ProviderFilters,
      },
    },
    async (request, reply) => {
      const file = await exportXlsx(request.ctx.repo, request.query);
      return reply.type(XLSX).header('content-disposition', `attachment; filename="${file.fileName}"`).send(file.body);
    },
  );
  r.get(
    '/api/directory/providers/:id',
    {
      config: read,
      schema: {
        tags,
        summary: 'One provider of your county; 404 for any other',
        params: ProviderId,
        response: { 200: ProviderView },
      },
    },
    async (request) => getProvider(request.ctx.repo, request.params.id),
  );
  r.get(
    '/api/directory/providers/:id/history',
    {
      config: read,
      schema: {
        tags,
        summary: "A provider's versions, newest first: who, when, source and the fields changed",
        params: ProviderId,
        response: { 200: ProviderHistory },
      },
    },
    async (request) => providerHistory(request.ctx.repo, request.params.id),
  );
  r.post(
    '/api/directory/providers',
    {
      config: edit,
      schema: {
        tags,
        summary: 'Add a provider (org_admin: for your own organization)',
        body: ProviderCreate,
        response: { 201: ProviderView },
      },
    },
    async (request, reply) => reply.code(201).send(await createProvider(request.ctx.repo, request.body)),
  );
  r.patch(
    '/api/directory/providers/:id',
    {
      config: edit,
      schema: {
        tags,
        summary: 'Change a provider; send the version you loaded (409 names what changed since)',
        params: ProviderId,
        body: ProviderPatch,
        response: { 200: ProviderView },
      },
    },
    async (request) => updateProvider(request.ctx.repo, request.params.id, request.body),
  );
  r.post(
    '/api/directory/providers/:id/vacancies',
    {
      config: edit,
      schema: {
        tags,
        summary: "Today's vacancy count (and beds), stamped as confirmed now",
        params: ProviderId,
        body: VacancyUpdate,
        response: { 200: ProviderView },
      },
    },
    async (request) => updateVacancies(request.ctx.repo, request.params.id, request.body),
  );

  r.get(
    '/api/directory/services',
    {
      config: read,
      schema: {
        tags,
        summary: "The service catalog: shared entries and your county's own",
        response: { 200: z.object({ services: z.array(ServiceView) }) },
      },
    },
    async (request) => listServices(request.ctx.repo),
  );
  r.post(
    '/api/directory/services',
    {
      config: countyAdmin,
      schema: {
        tags,
        summary: 'Add a county service to the catalog',
        body: ServiceCreate,
        response: { 201: ServiceView },
      },
    },
    async (request, reply) => reply.code(201).send(await addService(request.ctx.repo, request.body)),
  );

  r.get(
    '/api/directory/contacts',
    {
      config: read,
      schema: {
        tags,
        summary: "The county's CSEC contact list: the person to call in each organization",
        response: { 200: z.object({ contacts: z.array(ContactView) }) },
      },
    },
    async (request) => listContacts(request.ctx.repo),
  );
  r.post(
    '/api/directory/contacts',
    {
      config: countyAdmin,
      schema: { tags, summary: 'Add a CSEC contact', body: ContactCreate, response: { 201: ContactView } },
    },
    async (request, reply) => reply.code(201).send(await createContact(request.ctx.repo, request.body)),
  );
  r.patch(
    '/api/directory/contacts/:id',
    {
      config: countyAdmin,
      schema: {
        tags,
        summary: 'Change a CSEC contact; send the version you loaded',
        params: ContactId,
        body: ContactPatch,
        response: { 200: ContactView },
      },
    },
    async (request) => updateContact(request.ctx.repo, request.params.id, request.body),
  );
  r.delete(
    '/api/directory/contacts/:id',
    { config: countyAdmin, schema: { tags, summary: 'Remove a CSEC contact', params: ContactId } },
    async (request, reply) => {
      await deleteContact(request.ctx.repo, request.params.id);
      return reply.code(204).send();
    },
  );
}
