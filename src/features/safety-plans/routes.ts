import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { YouthId } from '../youth/schemas.js';
import { addSafetyPlan, listSafetyPlans, SafetyPlanCreate, SafetyPlanView } from './safety-plans.js';

export function registerSafetyPlanRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/youth/:id/safety-plans',
    {
      config: { policy: { access: 'youth' } },
      schema: {
        tags: ['safety-plans'],
        summary: "The youth's safety plan versions, newest first, and whether a new version is due",
        params: YouthId,
        response: {
          200: z.object({
            plans: z.array(SafetyPlanView),
            reviewDue: z.object({ reason: z.enum(['no_plan', 'placement_change', 'missing_return']) }).nullable(),
          }),
        },
      },
    },
    async (request) => listSafetyPlans(request.ctx.repo, request.params.id),
  );
  r.post(
    '/api/youth/:id/safety-plans',
    {
      config: { policy: { access: 'youth', roles: ['caseworker', 'supervisor', 'advocate', 'mdt_coordinator'] } },
      schema: {
        tags: ['safety-plans'],
        summary: 'Write the next version of the safety plan with the youth',
        params: YouthId,
        body: SafetyPlanCreate,
        response: { 201: SafetyPlanView },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await addSafetyPlan(request.ctx.repo, request.params.id, request.body)),
  );
}
