import type { FastifyInstance } from 'fastify';
import { routes } from '../../server/route.js';
import {
  ObligationList,
  ObligationMeet,
  ObligationParams,
  ObligationView,
  ObligationWaive,
  WorklistQuery,
} from '../../contract/obligations.js';
import { YouthId } from '../../contract/youth.js';
import { meetObligation, waiveObligation } from './meet-obligation.js';
import { myWork } from './my-work.js';
import { youthObligations } from './youth-obligations.js';

export function registerObligationRoutes(app: FastifyInstance) {
  const r = routes(app);
  const tags = ['obligations'];
  r.get(
    '/api/obligations',
    {
      config: { policy: { access: 'youth', ability: 'worklist.own' } },
      schema: {
        tags,
        summary:
          'My work: due, overdue and recently met obligations (supervisors: view=team for their supervision chain, view=organization for everything their organization owes)',
        querystring: WorklistQuery,
        response: { 200: ObligationList },
      },
    },
    async (request, ctx) => myWork(ctx, request.query.view),
  );
  r.get(
    '/api/youth/:id/obligations',
    {
      config: { policy: { access: 'youth' } },
      schema: {
        tags,
        summary: "A youth's obligations (deadlines) and their status",
        params: YouthId,
        response: { 200: ObligationList },
      },
    },
    async (request, ctx) => youthObligations(ctx, request.params.id),
  );
  r.post(
    '/api/youth/:id/obligations/:obligationId/meet',
    {
      config: { policy: { access: 'youth', ability: 'obligations.meet' } },
      schema: {
        tags,
        summary: 'Record what meets the obligation (a cross-report: agency, reportNumber, madeAt)',
        params: ObligationParams,
        body: ObligationMeet,
        response: { 200: ObligationView },
      },
    },
    async (request, ctx) => meetObligation(ctx, request.params.id, request.params.obligationId, request.body),
  );
  r.post(
    '/api/youth/:id/obligations/:obligationId/waive',
    {
      config: { policy: { access: 'youth', ability: 'obligations.waive' } },
      schema: {
        tags,
        summary: 'Waive an obligation (supervisors), with a reason',
        params: ObligationParams,
        body: ObligationWaive,
        response: { 200: ObligationView },
      },
    },
    async (request, ctx) => waiveObligation(ctx, request.params.id, request.params.obligationId, request.body.reason),
  );
}
