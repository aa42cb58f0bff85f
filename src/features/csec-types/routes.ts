import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { YouthId } from '../youth/schemas.js';
import { listCsecTypes } from './list-csec-types.js';
import { recordCsecType } from './record-csec-type.js';
import { CSEC_TYPE_CODES, CsecTypeCreate, CsecTypeUpdate, CsecTypeView } from './schemas.js';
import { updateCsecType } from './update-csec-type.js';

export function registerCsecTypeRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['csec-types'];
  const writers = { policy: { access: 'youth' as const, roles: ['caseworker', 'supervisor'] as const } };
  r.get(
    '/api/youth/:id/csec-types',
    {
      config: { policy: { access: 'youth' } },
      schema: {
        tags,
        summary: "A youth's CSEC Type records and today's single type under the state hierarchy",
        params: YouthId,
        response: {
          200: z.object({
            records: z.array(CsecTypeView),
            current: z
              .object({ type: z.enum(CSEC_TYPE_CODES), label: z.object({ en: z.string(), es: z.string() }) })
              .nullable(),
          }),
        },
      },
    },
    async (request) => listCsecTypes(request.ctx.repo, request.params.id),
  );
  r.post(
    '/api/youth/:id/csec-types',
    {
      config: writers,
      schema: {
        tags,
        summary:
          'Record a CSEC Type (state rules enforced); a victim in child welfare opens the 24-hour cross-report duty',
        params: YouthId,
        body: CsecTypeCreate,
        response: { 201: CsecTypeView.extend({ crossReportObligationId: z.string().nullable() }) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await recordCsecType(request.ctx.repo, request.params.id, request.body)),
  );
  r.patch(
    '/api/youth/:id/csec-types/:recordId',
    {
      config: writers,
      schema: {
        tags,
        summary: 'Change dates or subcategory of a CSEC Type record (send the version you loaded)',
        params: z.object({ id: z.string(), recordId: z.string().uuid('is not a record id') }),
        body: CsecTypeUpdate,
        response: { 200: CsecTypeView },
      },
    },
    async (request) => updateCsecType(request.ctx.repo, request.params.id, request.params.recordId, request.body),
  );
}
