import type { FastifyInstance } from 'fastify';
import { routes } from '../../server/route.js';
import { YouthId } from '../../contract/youth.js';
import { SafetyPlanCreate, SafetyPlanList, SafetyPlanView } from '../../contract/safety-plans.js';
import { addSafetyPlan, listSafetyPlans } from './safety-plans.js';

export function registerSafetyPlanRoutes(app: FastifyInstance) {
  const r = routes(app);
  r.get(
    '/api/youth/:id/safety-plans',
    {
      config: { policy: { access: 'youth' } },
      schema: {
        tags: ['safety-plans'],
        summary: "The youth's safety plan versions, newest first, and whether a new version is due",
        params: YouthId,
        response: { 200: SafetyPlanList },
      },
    },
    async (request, ctx) => listSafetyPlans(ctx, request.params.id),
  );
  r.post(
    '/api/youth/:id/safety-plans',
    {
      config: { policy: { access: 'youth', ability: 'safety_plans.write' } },
      schema: {
        tags: ['safety-plans'],
        summary: 'Write the next version of the safety plan with the youth',
        params: YouthId,
        body: SafetyPlanCreate,
        response: { 201: SafetyPlanView },
      },
    },
    async (request, ctx, reply) => reply.code(201).send(await addSafetyPlan(ctx, request.params.id, request.body)),
  );
}
