import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { YouthId } from '../youth/schemas.js';
import {
  recordDisposition,
  recordReferral,
  ReferralCreate,
  ReferralDisposition,
  ReferralView,
} from './record-referral.js';

export function registerReferralRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const writers = { policy: { access: 'youth' as const, roles: ['caseworker', 'supervisor'] as const } };
  r.post(
    '/api/youth/:id/referrals',
    {
      config: writers,
      schema: {
        tags: ['referrals'],
        summary: 'Record a hotline referral; a CSEC allegation adds the "S-CSEC Referral" special project code',
        params: YouthId,
        body: ReferralCreate,
        response: { 201: ReferralView },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await recordReferral(request.ctx.repo, request.params.id, request.body)),
  );
  r.post(
    '/api/youth/:id/referrals/:referralId/disposition',
    {
      config: writers,
      schema: {
        tags: ['referrals'],
        summary: "Record a referral's disposition (the S-CSEC code stays whatever it is)",
        params: z.object({ id: z.string(), referralId: z.string().uuid('is not a referral id') }),
        body: ReferralDisposition,
        response: { 200: ReferralView },
      },
    },
    async (request) => recordDisposition(request.ctx.repo, request.params.id, request.params.referralId, request.body),
  );
}
