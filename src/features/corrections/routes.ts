import type { FastifyInstance } from 'fastify';
import { routes } from '../../server/route.js';
import { CorrectionList } from '../../contract/corrections.js';
import { YouthId } from '../../contract/youth.js';
import { listCorrections } from './list-corrections.js';

/** The earlier versions of corrected records (the corrections themselves are each feature's routes). */
export function registerCorrectionRoutes(app: FastifyInstance) {
  const r = routes(app);
  r.get(
    '/api/youth/:id/corrections',
    {
      config: { policy: { access: 'youth', ability: 'corrections.history' } },
      schema: {
        tags: ['corrections'],
        summary:
          "Earlier versions of a youth's corrected meetings, CSEC Types and referrals, and discarded drafts, with the reasons (supervisors and auditors)",
        params: YouthId,
        response: { 200: CorrectionList },
      },
    },
    async (request, ctx) => listCorrections(ctx, request.params.id),
  );
}
