import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { InstrumentDefinitionSchema } from '../../domain/instruments.js';
import { getInstrumentVersion, listInstruments } from './list-instruments.js';

const Localized = z.object({ en: z.string(), es: z.string() });

export function registerInstrumentRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/instruments',
    {
      config: { policy: { access: 'reference' } },
      schema: {
        tags: ['screenings'],
        summary: 'Screening instruments available to your county (current version of each)',
        response: {
          200: z.object({
            instruments: z.array(
              z.object({
                versionId: z.string(),
                key: z.string(),
                version: z.number(),
                name: Localized,
                description: Localized,
                audience: Localized.nullable(),
                demonstration: z.boolean(),
                county: z.boolean().describe('true when your county loaded it; false when shipped with Harbor'),
              }),
            ),
          }),
        },
      },
    },
    async (request) => listInstruments(request.ctx.repo),
  );
  r.get(
    '/api/instruments/versions/:versionId',
    {
      config: { policy: { access: 'reference' } },
      schema: {
        tags: ['screenings'],
        summary: 'One instrument version, complete (sections, items, scales, scoring, guidance)',
        params: z.object({ versionId: z.string().uuid('is not an instrument version id') }),
        response: {
          200: z.object({
            versionId: z.string(),
            version: z.number(),
            retired: z.boolean(),
            definition: InstrumentDefinitionSchema,
          }),
        },
      },
    },
    async (request) => getInstrumentVersion(request.ctx.repo, request.params.versionId),
  );
}
