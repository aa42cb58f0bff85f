import type { FastifyInstance } from 'fastify';
import { routes } from '../../server/route.js';
import { InstrumentList, InstrumentVersionParams, InstrumentVersionView } from '../../contract/instruments.js';
import { getInstrumentVersion, listInstruments } from './list-instruments.js';

export function registerInstrumentRoutes(app: FastifyInstance) {
  const r = routes(app);
  r.get(
    '/api/instruments',
    {
      config: { policy: { access: 'reference' } },
      schema: {
        tags: ['screenings'],
        summary: 'Screening instruments available to your county (current version of each)',
        response: { 200: InstrumentList },
      },
    },
    async (request, ctx) => listInstruments(ctx),
  );
  r.get(
    '/api/instruments/versions/:versionId',
    {
      config: { policy: { access: 'reference' } },
      schema: {
        tags: ['screenings'],
        summary: 'One instrument version, complete (sections, items, scales, scoring, guidance)',
        params: InstrumentVersionParams,
        response: { 200: InstrumentVersionView },
      },
    },
    async (request, ctx) => getInstrumentVersion(ctx, request.params.versionId),
  );
}
