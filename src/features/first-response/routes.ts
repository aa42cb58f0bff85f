import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { YouthId } from '../youth/schemas.js';
import { ArrivalUpdate, EncounterCreate, listEncounters, recordArrival, recordEncounter } from './encounters.js';

/** First Responder Protocol encounters and each agency's arrival against the on-scene target. */
export function registerFirstResponseRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['first-response'];
  const writers = {
    policy: { access: 'youth' as const, roles: ['caseworker', 'supervisor', 'mdt_coordinator'] as const },
  };
  r.get(
    '/api/youth/:id/first-response',
    {
      config: { policy: { access: 'youth' } },
      schema: { tags, summary: "The youth's first responder encounters, arrivals against the target", params: YouthId },
    },
    async (request) => listEncounters(request.ctx.repo, request.params.id),
  );
  r.post(
    '/api/youth/:id/first-response',
    {
      config: writers,
      schema: {
        tags,
        summary: 'Record a first responder encounter with the agencies notified',
        params: YouthId,
        body: EncounterCreate,
        response: { 201: z.object({ id: z.string(), obligationIds: z.array(z.string()) }) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await recordEncounter(request.ctx.repo, request.params.id, request.body)),
  );
  r.post(
    '/api/youth/:id/first-response/:encounterId/arrivals/:organizationId',
    {
      config: writers,
      schema: {
        tags,
        summary: 'Record when a notified agency arrived',
        params: z.object({ id: z.string(), encounterId: z.string().uuid(), organizationId: z.string().uuid() }),
        body: ArrivalUpdate,
        response: { 200: z.object({ id: z.string(), arrivedAt: z.string() }) },
      },
    },
    async (request) =>
      recordArrival(
        request.ctx.repo,
        request.params.id,
        request.params.encounterId,
        request.params.organizationId,
        request.body.arrivedAt,
      ),
  );
}
