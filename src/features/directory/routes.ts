import type { FastifyInstance } from 'fastify';
import { routes } from '../../server/route.js';
import { addService } from './add-service.js';
import { createContact, deleteContact, listContacts, updateContact } from './contacts.js';
import { createProvider } from './create-provider.js';
import { exportCsv, exportXlsx } from './export-providers.js';
import { getProvider, providerHistory } from './get-provider.js';
import { listServices } from './list-services.js';
import {
  ContactCreate,
  ContactId,
  ContactList,
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
  ServiceList,
  ServiceView,
  VacancyUpdate,
} from '../../contract/directory.js';
import { searchProviders } from './search-providers.js';
import { updateProvider, updateVacancies } from './update-provider.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Resource directory routes (providers, services, contacts, exports). */
export function registerDirectoryRoutes(app: FastifyInstance) {
  const r = routes(app);
  const tags = ['directory'];
  const read = { policy: { access: 'reference' as const } };
  // directory.edit: an org_admin edits only their own organization's entries (checked per entry).
  const edit = { policy: { access: 'admin' as const, ability: 'directory.edit' as const } };
  const countyAdmin = { policy: { access: 'admin' as const, ability: 'directory.catalog' as const } };

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
    async (request, ctx) => searchProviders(ctx, request.query),
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
    async (request, ctx, reply) => {
      const file = await exportCsv(ctx, request.query);
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
    async (request, ctx, reply) => {
      const file = await exportXlsx(ctx, request.query);
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
    async (request, ctx) => getProvider(ctx, request.params.id),
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
    async (request, ctx) => providerHistory(ctx, request.params.id),
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
    async (request, ctx, reply) => reply.code(201).send(await createProvider(ctx, request.body)),
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
    async (request, ctx) => updateProvider(ctx, request.params.id, request.body),
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
    async (request, ctx) => updateVacancies(ctx, request.params.id, request.body),
  );

  r.get(
    '/api/directory/services',
    {
      config: read,
      schema: {
        tags,
        summary: "The service catalog: shared entries and your county's own",
        response: { 200: ServiceList },
      },
    },
    async (request, ctx) => listServices(ctx),
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
    async (request, ctx, reply) => reply.code(201).send(await addService(ctx, request.body)),
  );

  r.get(
    '/api/directory/contacts',
    {
      config: read,
      schema: {
        tags,
        summary: "The county's CSEC contact list: the person to call in each organization",
        response: { 200: ContactList },
      },
    },
    async (request, ctx) => listContacts(ctx),
  );
  r.post(
    '/api/directory/contacts',
    {
      config: countyAdmin,
      schema: { tags, summary: 'Add a CSEC contact', body: ContactCreate, response: { 201: ContactView } },
    },
    async (request, ctx, reply) => reply.code(201).send(await createContact(ctx, request.body)),
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
    async (request, ctx) => updateContact(ctx, request.params.id, request.body),
  );
  r.delete(
    '/api/directory/contacts/:id',
    { config: countyAdmin, schema: { tags, summary: 'Remove a CSEC contact', params: ContactId } },
    async (request, ctx, reply) => {
      await deleteContact(ctx, request.params.id);
      return reply.code(204).send();
    },
  );
}
