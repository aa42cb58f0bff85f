import type { FastifyInstance } from 'fastify';
import { routes } from '../../server/route.js';
import { YouthId } from '../../contract/youth.js';
import { getMdt } from './get-mdt.js';
import { addMember, endMembership } from './members.js';
import { recordMeeting } from './record-meeting.js';
import { correctMeeting } from './correct-meeting.js';
import { MeetingCorrected, MeetingCorrection, MeetingParams } from '../../contract/corrections.js';
import { mdtReviewDue } from './review-due.js';
import {
  MdtView,
  MeetingCreate,
  MeetingCreated,
  MemberAdd,
  MemberAdded,
  MemberLeft,
  MemberParams,
  ReviewDueList,
} from '../../contract/mdt.js';

/** A youth's multidisciplinary team: members (who thereby see the shared record) and meetings. */
export function registerMdtRoutes(app: FastifyInstance) {
  const r = routes(app);
  const tags = ['mdt'];
  const team = {
    policy: { access: 'youth' as const, ability: 'mdt.team' as const },
  };
  r.get(
    '/api/mdt/review-due',
    {
      config: { policy: { access: 'youth', ability: 'mdt.review_due' } },
      schema: {
        tags,
        summary: 'MDT caseload review: youth whose crisis, initial or ongoing MDT is due or overdue, soonest first',
        response: { 200: ReviewDueList },
      },
    },
    async (request, ctx) => mdtReviewDue(ctx),
  );
  r.get(
    '/api/youth/:id/mdt',
    {
      config: { policy: { access: 'youth' } },
      schema: { tags, summary: "The youth's team and its meetings", params: YouthId, response: { 200: MdtView } },
    },
    async (request, ctx) => getMdt(ctx, request.params.id),
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
        response: { 201: MemberAdded },
      },
    },
    async (request, ctx, reply) => reply.code(201).send(await addMember(ctx, request.params.id, request.body)),
  );
  r.post(
    '/api/youth/:id/mdt/members/:memberId/leave',
    {
      config: team,
      schema: {
        tags,
        summary: 'End a membership; access through the team ends with it',
        params: MemberParams,
        response: { 200: MemberLeft },
      },
    },
    async (request, ctx) => endMembership(ctx, request.params.id, request.params.memberId),
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
        response: { 201: MeetingCreated },
      },
    },
    async (request, ctx, reply) => reply.code(201).send(await recordMeeting(ctx, request.params.id, request.body)),
  );
  r.patch(
    '/api/youth/:id/mdt/meetings/:meetingId',
    {
      config: team,
      schema: {
        tags,
        summary:
          'Correct a recorded meeting with a reason (send the version you loaded); the earlier values are kept and its deadlines follow',
        params: MeetingParams,
        body: MeetingCorrection,
        response: { 200: MeetingCorrected },
      },
    },
    async (request, ctx) => correctMeeting(ctx, request.params.id, request.params.meetingId, request.body),
  );
}
