import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { YouthId } from '../youth/schemas.js';
import { meetObligation, waiveObligation } from './meet-obligation.js';
import { myWork } from './my-work.js';
import { ObligationView } from './view.js';
import { youthObligations } from './youth-obligations.js';

const Params = z.object({ id: z.string(), obligationId: z.string().uuid('is not an obligation id') });
const List = z.object({ obligations: z.array(ObligationView) });

export function registerObligationRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['obligations'];
  r.get(
    '/api/obligations',
    {
      config: { policy: { access: 'youth', roles: ['caseworker', 'supervisor', 'advocate', 'mdt_coordinator'] } },
      schema: {
        tags,
        summary:
          'My work: due, overdue and recently met obligations (supervisors: view=team for their supervision chain, view=organization for everything their organization owes)',
        querystring: z.object({ view: z.enum(['mine', 'team', 'organization']).default('mine') }),
        response: { 200: List },
      },
    },
    async (request) => myWork(request.ctx.repo, request.query.view),
  );
  r.get(
    '/api/youth/:id/obligations',
    {
      config: { policy: { access: 'youth' } },
      schema: {
        tags,
        summary: "A youth's obligations (deadlines) and their status",
        params: YouthId,
        response: { 200: List },
      },
    },
    async (request) => youthObligations(request.ctx.repo, request.params.id),
  );
  r.post(
    '/api/youth/:id/obligations/:obligationId/meet',
    {
      config: { policy: { access: 'youth', roles: ['caseworker', 'supervisor'] } },
      schema: {
        tags,
        summary: 'Record what meets the obligation (a cross-report: agency, reportNumber, madeAt)',
        params: Params,
        body: z.record(z.string(), z.unknown()),
        response: { 200: ObligationView },
      },
    },
    async (request) => meetObligation(request.ctx.repo, request.params.id, request.params.obligationId, request.body),
  );
  r.post(
    '/api/youth/:id/obligations/:obligationId/waive',
    {
      config: { policy: { access: 'youth', roles: ['supervisor'] } },
      schema: {
        tags,
        summary: 'Waive an obligation (supervisors), with a reason',
        params: Params,
        body: z.object({ reason: z.string().trim().min(10, 'explain why, in a sentence').max(1000) }).strict(),
        response: { 200: ObligationView },
      },
    },
    async (request) =>
      waiveObligation(request.ctx.repo, request.params.id, request.params.obligationId, request.body.reason),
  );
}
