import type { FastifyInstance } from 'fastify';
import { routes } from '../../server/route.js';
import {
  CaseClose,
  CaseCreate,
  CaseCreated,
  CaseHistory,
  CaseList,
  CaseParams,
  CasePatch,
  CaseView,
} from '../../contract/cases.js';
import { YouthId } from '../../contract/youth.js';
import { caseHistory, listCases } from './list-cases.js';
import { openCase } from './open-case.js';
import { closeCase, updateCase } from './update-case.js';

/** A youth's child welfare and probation cases: opened, corrected and closed, with their history. */
export function registerCaseRoutes(app: FastifyInstance) {
  const r = routes(app);
  const tags = ['cases'];
  const writers = { policy: { access: 'youth' as const, ability: 'youth.record' as const } };
  // Reading: as the profile reads (no ability; the relation decides, 404 otherwise).
  const readers = { policy: { access: 'youth' as const } };
  r.get(
    '/api/youth/:id/cases',
    {
      config: readers,
      schema: {
        tags,
        summary: "A youth's cases, newest first, those imported from the state system included",
        params: YouthId,
        response: { 200: CaseList },
      },
    },
    async (request, ctx) => listCases(ctx, request.params.id),
  );
  r.post(
    '/api/youth/:id/cases',
    {
      config: writers,
      schema: {
        tags,
        summary:
          "Open a case in the youth's county, held by its agency of that kind; a child welfare case of a youth " +
          'holding a victim CSEC Type opens the law-enforcement cross-report duty',
        params: YouthId,
        body: CaseCreate,
        response: { 201: CaseCreated },
      },
    },
    async (request, ctx, reply) => reply.code(201).send(await openCase(ctx, request.params.id, request.body)),
  );
  r.patch(
    '/api/youth/:id/cases/:caseId',
    {
      config: writers,
      schema: {
        tags,
        summary: "Correct a case's number, opening day or worker (send the version you loaded)",
        params: CaseParams,
        body: CasePatch,
        response: { 200: CaseView },
      },
    },
    async (request, ctx) => updateCase(ctx, request.params.id, request.params.caseId, request.body),
  );
  r.post(
    '/api/youth/:id/cases/:caseId/close',
    {
      config: writers,
      schema: {
        tags,
        summary: 'Close an open case on a day from its opening to today, with the reason (send the version you loaded)',
        params: CaseParams,
        body: CaseClose,
        response: { 200: CaseView },
      },
    },
    async (request, ctx) => closeCase(ctx, request.params.id, request.params.caseId, request.body),
  );
  r.get(
    '/api/youth/:id/cases/:caseId/history',
    {
      config: readers,
      schema: {
        tags,
        summary: 'Every saved state of a case, newest first, with who saved it (none when imported)',
        params: CaseParams,
        response: { 200: CaseHistory },
      },
    },
    async (request, ctx) => caseHistory(ctx, request.params.id, request.params.caseId),
  );
}
