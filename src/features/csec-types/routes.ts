import type { FastifyInstance } from 'fastify';
import { routes } from '../../server/route.js';
import { YouthId } from '../../contract/youth.js';
import { listCsecTypes } from './list-csec-types.js';
import { recordCsecType } from './record-csec-type.js';
import {
  CsecTypeCreate,
  CsecTypeCreated,
  CsecTypeList,
  CsecTypeParams,
  CsecTypeUpdate,
  CsecTypeView,
} from '../../contract/csec-types.js';
import { updateCsecType } from './update-csec-type.js';
import { correctCsecType } from './correct-csec-type.js';
import { CsecTypeCorrection } from '../../contract/corrections.js';

export function registerCsecTypeRoutes(app: FastifyInstance) {
  const r = routes(app);
  const tags = ['csec-types'];
  const writers = { policy: { access: 'youth' as const, ability: 'youth.record' as const } };
  r.get(
    '/api/youth/:id/csec-types',
    {
      config: { policy: { access: 'youth' } },
      schema: {
        tags,
        summary: "A youth's CSEC Type records and today's single type under the state hierarchy",
        params: YouthId,
        response: { 200: CsecTypeList },
      },
    },
    async (request, ctx) => listCsecTypes(ctx, request.params.id),
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
        response: { 201: CsecTypeCreated },
      },
    },
    async (request, ctx, reply) => reply.code(201).send(await recordCsecType(ctx, request.params.id, request.body)),
  );
  r.patch(
    '/api/youth/:id/csec-types/:recordId',
    {
      config: writers,
      schema: {
        tags,
        summary: 'Change dates or subcategory of a CSEC Type record (send the version you loaded)',
        params: CsecTypeParams,
        body: CsecTypeUpdate,
        response: { 200: CsecTypeView },
      },
    },
    async (request, ctx) => updateCsecType(ctx, request.params.id, request.params.recordId, request.body),
  );
  r.post(
    '/api/youth/:id/csec-types/:recordId/correction',
    {
      config: writers,
      schema: {
        tags,
        summary:
          'Correct a CSEC Type recorded wrongly (its type, dates or subcategory) with a reason (send the version you loaded); the earlier values are kept and its duties follow',
        params: CsecTypeParams,
        body: CsecTypeCorrection,
        response: { 200: CsecTypeView },
      },
    },
    async (request, ctx) => correctCsecType(ctx, request.params.id, request.params.recordId, request.body),
  );
}
