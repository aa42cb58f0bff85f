import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { YouthId } from '../youth/schemas.js';
import { getMdt } from './get-mdt.js';
import { addMember, endMembership } from './members.js';
import { recordMeeting } from './record-meeting.js';
import { mdtReviewDue } from './review-due.js';
import { MdtView, MeetingCreate, MemberAdd } from './schemas.js';

/** A youth's multidisciplinary team: members (who thereby see the shared record) and meetings. */
export function registerMdtRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['mdt'];
  const team = {
    policy: { access: 'youth' as const, roles: ['caseworker', 'supervisor', 'mdt_coordinator', 'advocate'] as const },
  };
  r.get(
    '/api/mdt/review-due',
    {
      config: { policy: { access: 'youth', roles: ['mdt_coordinator', 'supervisor', 'caseworker'] } },
      schema: {
        tags,
        summary: 'MDT caseload review: youth whose crisis, initial or ongoing MDT is due or overdue, soonest first',
        response: {
          200: z.object({
            youth: z.array(
              z.object({
                youthId: z.string(),
                name: z.string(),
                tier: z.enum(['crisis', 'initial', 'ongoing']),
                dueAt: z.string(),
                overdue: z.boolean(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => mdtReviewDue(request.ctx.repo),
  );
  r.get(
    '/api/youth/:id/mdt',
    {
      config: { policy: { access: 'youth' } },
      schema: { tags, summary: "The youth's team and its meetings", params: YouthId, response: { 200: MdtView } },
    },
    async (request) => getMdt(request.ctx.repo, request.params.id),
  );
  r.post(
    '/api/youth/:id/mdt/members',
    {
      config: team,
      schema: {
        tags,
        summary: "Add someone to the youth's team (they then see the shared record)",
        params: YouthId,
        body: MemberAdd,
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (request, reply) => reply.code(201).send(await addMember(request.ctx.repo, request.params.id, request.body)),
  );
  r.post(
    '/api/youth/:id/mdt/members/:memberId/leave',
    {
      config: team,
      schema: {
        tags,
        summary: 'End a membership; access through the team ends with it',
        params: z.object({ id: z.string(), memberId: z.string().uuid('is not a member id') }),
        response: { 200: z.object({ id: z.string(), left: z.boolean() }) },
      },
    },
    async (request) => endMembership(request.ctx.repo, request.params.id, request.params.memberId),
  );
  r.post(
    '/api/youth/:id/mdt/meetings',
    {
      config: team,
      schema: {
        tags,
        summary: 'Record an MDT meeting: attendance, the required-party check, decisions, action items',
        params: YouthId,
        body: MeetingCreate,
        response: {
          201: z.object({
            id: z.string(),
            missingParties: z.array(z.string()),
            actionItemIds: z.array(z.string()),
            obligationIds: z.array(z.string()),
          }),
        },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await recordMeeting(request.ctx.repo, request.params.id, request.body)),
  );
}
