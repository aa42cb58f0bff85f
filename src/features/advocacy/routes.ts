import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { YouthId } from '../youth/schemas.js';
import { activeCbos, createContract, getContract, listContracts, updateContract } from './contracts.js';
import {
  acceptReferral,
  assignAdvocate,
  closeByOrganization,
  closeForYouth,
  declineReferral,
  recordEngaged,
  recordFirstContact,
  recordMilestone,
} from './lifecycle.js';
import { registerPerformanceRoutes } from './performance-routes.js';
import { addressedReferral, referralInbox, referYouth, youthReferrals } from './referrals.js';
import {
  ActiveCbosQuery,
  AdvocateParam,
  ApprovalCreate,
  ApprovalParam,
  ApprovalRevoke,
  AssignBody,
  ClearanceCreate,
  CloseBody,
  ContractCreate,
  ContractListQuery,
  ContractParam,
  ContractUpdate,
  ContractView,
  DeclineBody,
  ExpiringList,
  ExpiringQuery,
  InboxQuery,
  MilestoneBody,
  OrgParam,
  ReferralCreate,
  ReferralParam,
  ReferralView,
  Roster,
  StepBase,
  TrainingCreate,
} from './schemas.js';
import {
  advocateRoster,
  expiringVetting,
  recordApproval,
  recordClearance,
  recordTraining,
  revokeApproval,
} from './vetting.js';

const COUNTY_OR_CBO = ['county_admin', 'county_analyst', 'org_admin'] as const;
const CBO_STAFF = ['org_admin', 'advocate'] as const;
const Created = z.object({ id: z.string() });

/** Advocacy by contracted CBOs: contracts, vetting and the referral lifecycle (issue 6). */
export function registerAdvocacyRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['advocacy'];

  // Contracts ---------------------------------------------------------------------------------
  r.post(
    '/api/advocacy/contracts',
    {
      config: { policy: { access: 'admin', roles: ['county_admin'] } },
      schema: {
        tags,
        summary: "Record a CBO's advocacy contract",
        body: ContractCreate,
        response: { 201: ContractView },
      },
    },
    async (request, reply) => reply.code(201).send(await createContract(request.ctx.repo, request.body)),
  );
  r.patch(
    '/api/advocacy/contracts/:contractId',
    {
      config: { policy: { access: 'admin', roles: ['county_admin'] } },
      schema: {
        tags,
        summary: 'Change a contract (send the version you loaded)',
        params: ContractParam,
        body: ContractUpdate,
        response: { 200: ContractView },
      },
    },
    async (request) => updateContract(request.ctx.repo, request.params.contractId, request.body),
  );
  r.get(
    '/api/advocacy/contracts',
    {
      config: { policy: { access: 'admin', roles: COUNTY_OR_CBO } },
      schema: {
        tags,
        summary: "Advocacy contracts (a CBO administrator sees their own organization's)",
        querystring: ContractListQuery,
        response: { 200: z.object({ contracts: z.array(ContractView) }) },
      },
    },
    async (request) => ({ contracts: await listContracts(request.ctx.repo, request.query.organizationId) }),
  );
  r.get(
    '/api/advocacy/contracts/:contractId',
    {
      config: { policy: { access: 'admin', roles: COUNTY_OR_CBO } },
      schema: { tags, summary: 'One advocacy contract', params: ContractParam, response: { 200: ContractView } },
    },
    async (request) => getContract(request.ctx.repo, request.params.contractId),
  );
  r.get(
    '/api/advocacy/active-organizations',
    {
      config: { policy: { access: 'reference' } },
      schema: {
        tags,
        summary: 'CBOs with an advocacy contract in force on a date (for the referral form; no youth data)',
        querystring: ActiveCbosQuery,
        response: {
          200: z.object({
            on: z.string(),
            organizations: z.array(
              z.object({
                organizationId: z.string(),
                name: z.string(),
                contractId: z.string(),
                services: z.array(z.string()),
                firstContactHours: z.number(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => activeCbos(request.ctx.repo, request.query.on),
  );

  // Vetting -----------------------------------------------------------------------------------
  const vetting = { policy: { access: 'admin' as const, roles: ['county_admin', 'org_admin'] as const } };
  r.post(
    '/api/advocacy/advocates/:userId/clearances',
    {
      config: vetting,
      schema: {
        tags,
        summary:
          'Record a background or security clearance (county admin, or the CBO administrator for its own advocates)',
        params: AdvocateParam,
        body: ClearanceCreate,
        response: { 201: Created },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await recordClearance(request.ctx.repo, request.params.userId, request.body)),
  );
  r.post(
    '/api/advocacy/advocates/:userId/trainings',
    {
      config: vetting,
      schema: {
        tags,
        summary: 'Record a completed training (CSEC 101, CSEC 102, county protocol or another)',
        params: AdvocateParam,
        body: TrainingCreate,
        response: { 201: Created },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await recordTraining(request.ctx.repo, request.params.userId, request.body)),
  );
  const approving = { policy: { access: 'admin' as const, roles: ['county_admin', 'supervisor'] as const } };
  r.post(
    '/api/advocacy/advocates/:userId/approvals',
    {
      config: approving,
      schema: {
        tags,
        summary:
          "The contracting department's approval of an advocate (county admin, or a supervisor of that department)",
        params: AdvocateParam,
        body: ApprovalCreate,
        response: { 201: Created },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await recordApproval(request.ctx.repo, request.params.userId, request.body)),
  );
  r.post(
    '/api/advocacy/approvals/:approvalId/revoke',
    {
      config: approving,
      schema: {
        tags,
        summary: 'Revoke an approval, with the reason',
        params: ApprovalParam,
        body: ApprovalRevoke,
        response: { 200: z.object({ id: z.string(), revokedOn: z.string() }) },
      },
    },
    async (request) => revokeApproval(request.ctx.repo, request.params.approvalId, request.body),
  );
  r.get(
    '/api/advocacy/organizations/:organizationId/advocates',
    {
      config: { policy: { access: 'admin', roles: COUNTY_OR_CBO } },
      schema: {
        tags,
        summary: "A CBO's advocates with today's vetting: what each lacks and what ends soon",
        params: OrgParam,
        response: { 200: Roster },
      },
    },
    async (request) => advocateRoster(request.ctx.repo, request.params.organizationId),
  );
  r.get(
    '/api/advocacy/vetting/expiring',
    {
      config: { policy: { access: 'admin', roles: COUNTY_OR_CBO } },
      schema: {
        tags,
        summary: 'Worklist: clearances, trainings and approvals ending within the county warning window',
        querystring: ExpiringQuery,
        response: { 200: ExpiringList },
      },
    },
    async (request) => expiringVetting(request.ctx.repo, request.query.organizationId),
  );

  // Referrals ---------------------------------------------------------------------------------
  const youthReferral = z.object({
    id: z.string().describe('Youth id (UUID)'),
    referralId: z.string().uuid('is not a referral id'),
  });
  r.post(
    '/api/youth/:id/advocacy-referrals',
    {
      config: { policy: { access: 'youth', roles: ['caseworker', 'supervisor'] } },
      schema: {
        tags,
        summary: 'Refer the youth to a CBO with an active advocacy contract; opens the first-contact obligation',
        params: YouthId,
        body: ReferralCreate,
        response: { 201: ReferralView },
      },
    },
    async (request, reply) => reply.code(201).send(await referYouth(request.ctx.repo, request.params.id, request.body)),
  );
  r.get(
    '/api/youth/:id/advocacy-referrals',
    {
      config: { policy: { access: 'youth' } },
      schema: {
        tags,
        summary: "The youth's advocacy referrals with timeline and milestones",
        params: YouthId,
        response: { 200: z.object({ referrals: z.array(ReferralView) }) },
      },
    },
    async (request) => youthReferrals(request.ctx.repo, request.params.id),
  );
  r.get(
    '/api/advocacy/referrals',
    {
      config: { policy: { access: 'youth', roles: ['org_admin', 'advocate', 'county_admin', 'county_analyst'] } },
      schema: {
        tags,
        summary:
          "A CBO's referral inbox (names only where the user's own relation allows; county roles never see them)",
        querystring: InboxQuery,
        response: { 200: z.object({ referrals: z.array(ReferralView) }) },
      },
    },
    async (request) => referralInbox(request.ctx.repo, request.query),
  );
  r.get(
    '/api/advocacy/referrals/:referralId',
    {
      config: { policy: { access: 'youth', roles: CBO_STAFF } },
      schema: {
        tags,
        summary: 'One referral addressed to your organization',
        params: ReferralParam,
        response: { 200: ReferralView },
      },
    },
    async (request) => addressedReferral(request.ctx.repo, request.params.referralId),
  );
  const cbo = { policy: { access: 'youth' as const, roles: CBO_STAFF } };
  r.post(
    '/api/advocacy/referrals/:referralId/accept',
    {
      config: cbo,
      schema: {
        tags,
        summary: 'Accept a referral addressed to your organization (once)',
        params: ReferralParam,
        body: StepBase,
        response: { 200: ReferralView },
      },
    },
    async (request) => acceptReferral(request.ctx.repo, request.params.referralId, request.body),
  );
  r.post(
    '/api/advocacy/referrals/:referralId/decline',
    {
      config: cbo,
      schema: {
        tags,
        summary: 'Decline a referral, with the reason (final; waives the first-contact obligation)',
        params: ReferralParam,
        body: DeclineBody,
        response: { 200: ReferralView },
      },
    },
    async (request) => declineReferral(request.ctx.repo, request.params.referralId, request.body),
  );
  r.post(
    '/api/advocacy/referrals/:referralId/assign',
    {
      config: cbo,
      schema: {
        tags,
        summary:
          'Assign an advocate of your organization who is cleared, trained and approved on that date (422 lists every gap)',
        params: ReferralParam,
        body: AssignBody,
        response: { 200: ReferralView },
      },
    },
    async (request) => assignAdvocate(request.ctx.repo, request.params.referralId, request.body),
  );
  r.post(
    '/api/advocacy/referrals/:referralId/close',
    {
      config: cbo,
      schema: {
        tags,
        summary: 'The CBO closes a referral, with the reason',
        params: ReferralParam,
        body: CloseBody,
        response: { 200: ReferralView },
      },
    },
    async (request) => closeByOrganization(request.ctx.repo, request.params.referralId, request.body),
  );
  r.post(
    '/api/youth/:id/advocacy-referrals/:referralId/first-contact',
    {
      config: { policy: { access: 'youth', roles: ['advocate'] } },
      schema: {
        tags,
        summary: 'The assigned advocate records first contact (meets the first-contact obligation)',
        params: youthReferral,
        body: StepBase,
        response: { 200: ReferralView },
      },
    },
    async (request) => recordFirstContact(request.ctx.repo, request.params.id, request.params.referralId, request.body),
  );
  r.post(
    '/api/youth/:id/advocacy-referrals/:referralId/engaged',
    {
      config: { policy: { access: 'youth', roles: ['advocate'] } },
      schema: {
        tags,
        summary: 'The assigned advocate records that the youth engaged',
        params: youthReferral,
        body: StepBase,
        response: { 200: ReferralView },
      },
    },
    async (request) => recordEngaged(request.ctx.repo, request.params.id, request.params.referralId, request.body),
  );
  r.post(
    '/api/youth/:id/advocacy-referrals/:referralId/milestones',
    {
      config: { policy: { access: 'youth', roles: ['advocate'] } },
      schema: {
        tags,
        summary:
          "The assigned advocate records a milestone of a service the contract includes (linked_to_service names the youth's service episode)",
        params: youthReferral,
        body: MilestoneBody,
        response: { 200: ReferralView },
      },
    },
    async (request) => recordMilestone(request.ctx.repo, request.params.id, request.params.referralId, request.body),
  );
  r.post(
    '/api/youth/:id/advocacy-referrals/:referralId/close',
    {
      config: { policy: { access: 'youth', roles: ['advocate', 'caseworker', 'supervisor'] } },
      schema: {
        tags,
        summary:
          "The assigned advocate, or the referrer's side (withdraw), closes the referral; the advocate's access ends",
        params: youthReferral,
        body: CloseBody,
        response: { 200: ReferralView },
      },
    },
    async (request) => closeForYouth(request.ctx.repo, request.params.id, request.params.referralId, request.body),
  );

  registerPerformanceRoutes(app);
}
