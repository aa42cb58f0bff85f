import type { FastifyInstance } from 'fastify';
import { routes } from '../../server/route.js';
import {
  ArrivalParams,
  ArrivalRecorded,
  ArrivalUpdate,
  EncounterCreate,
  EncounterCreated,
  EncounterList,
} from '../../contract/first-response.js';
import { YouthId } from '../../contract/youth.js';
import { listEncounters, recordArrival, recordEncounter } from './encounters.js';

/** First Responder Protocol encounters and each agency's arrival against the on-scene target. */
export function registerFirstResponseRoutes(app: FastifyInstance) {
  const r = routes(app);
  const tags = ['first-response'];
  const writers = {
    policy: { access: 'youth' as const, ability: 'first_response.record' as const },
  };
  r.get(
    '/api/youth/:id/first-response',
    {
      config: { policy: { access: 'youth' } },
      schema: {
        tags,
        summary: "The youth's first responder encounters, arrivals against the target",
        params: YouthId,
        response: { 200: EncounterList },
      },
    },
    async (request, ctx) => listEncounters(ctx, request.params.id),
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
        response: { 201: EncounterCreated },
      },
    },
    async (request, ctx, reply) => reply.code(201).send(await recordEncounter(ctx, request.params.id, request.body)),
  );
  r.post(
    '/api/youth/:id/first-response/:encounterId/arrivals/:organizationId',
    {
      config: writers,
      schema: {
        tags,
        summary: 'Record when a notified agency arrived',
        params: ArrivalParams,
        body: ArrivalUpdate,
        response: { 200: ArrivalRecorded },
      },
    },
    async (request, ctx) =>
      recordArrival(
        ctx,
        request.params.id,
        request.params.encounterId,
        request.params.organizationId,
        request.body.arrivedAt,
      ),
  );
}
