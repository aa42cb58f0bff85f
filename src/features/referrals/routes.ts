import type { FastifyInstance } from 'fastify';
import { routes } from '../../server/route.js';
import { ReferralCreate, ReferralDisposition, ReferralParams, ReferralView } from '../../contract/referrals.js';
import { YouthId } from '../../contract/youth.js';
import { correctReferral, recordDisposition, recordReferral } from './record-referral.js';
import { ReferralCorrection } from '../../contract/corrections.js';

export function registerReferralRoutes(app: FastifyInstance) {
  const r = routes(app);
  const writers = { policy: { access: 'youth' as const, ability: 'youth.record' as const } };
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
    async (request, ctx, reply) => reply.code(201).send(await recordReferral(ctx, request.params.id, request.body)),
  );
  r.post(
    '/api/youth/:id/referrals/:referralId/disposition',
    {
      config: writers,
      schema: {
        tags: ['referrals'],
        summary: "Record a referral's disposition (the S-CSEC code stays whatever it is)",
        params: ReferralParams,
        body: ReferralDisposition,
        response: { 200: ReferralView },
      },
    },
    async (request, ctx) => recordDisposition(ctx, request.params.id, request.params.referralId, request.body),
  );
  r.patch(
    '/api/youth/:id/referrals/:referralId',
    {
      config: writers,
      schema: {
        tags: ['referrals'],
        summary:
          "Correct a referral's number, received time or decision, with a reason (send the version you loaded); the earlier values are kept",
        params: ReferralParams,
        body: ReferralCorrection,
        response: { 200: ReferralView },
      },
    },
    async (request, ctx) => correctReferral(ctx, request.params.id, request.params.referralId, request.body),
  );
}
