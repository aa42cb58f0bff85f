import type { FastifyInstance } from 'fastify';
import { routes } from '../../server/route.js';
import { YouthId } from '../../contract/youth.js';
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
  ActiveOrganizations,
  AdvocateParam,
  ApprovalCreate,
  ApprovalParam,
  ApprovalRevoke,
  ApprovalRevoked,
  AssignBody,
  ClearanceCreate,
  CloseBody,
  ContractCreate,
  ContractList,
  ContractListQuery,
  ContractParam,
  ContractUpdate,
  ContractView,
  Created,
  DeclineBody,
  ExpiringList,
  ExpiringQuery,
  InboxQuery,
  MilestoneBody,
  OrgParam,
  ReferralCreate,
  ReferralList,
  ReferralParam,
  ClosedReferralView,
  ReferralView,
  Roster,
  StepBase,
  TrainingCreate,
  YouthReferralParam,
} from '../../contract/advocacy.js';
import {
  advocateRoster,
  expiringVetting,
  recordApproval,
  recordClearance,
  recordTraining,
  revokeApproval,
} from './vetting.js';

/** Advocacy by contracted CBOs: contracts, vetting and the referral lifecycle (issue 6). */
export function registerAdvocacyRoutes(app: FastifyInstance) {
  const r = routes(app);
  const tags = ['advocacy'];

  // Contracts ---------------------------------------------------------------------------------
  r.post(
    '/api/advocacy/contracts',
    {
      config: { policy: { access: 'admin', ability: 'contracts.edit' } },
      schema: {
        tags,
        summary: "Record a CBO's advocacy contract",
        body: ContractCreate,
        response: { 201: ContractView },
      },
    },
    async (request, ctx, reply) => reply.code(201).send(await createContract(ctx, request.body)),
  );
  r.patch(
    '/api/advocacy/contracts/:contractId',
    {
      config: { policy: { access: 'admin', ability: 'contracts.edit' } },
      schema: {
        tags,
        summary: 'Change a contract (send the version you loaded)',
        params: ContractParam,
        body: ContractUpdate,
        response: { 200: ContractView },
      },
    },
    async (request, ctx) => updateContract(ctx, request.params.contractId, request.body),
  );
  r.get(
    '/api/advocacy/contracts',
    {
      config: { policy: { access: 'admin', ability: 'contracts.read' } },
      schema: {
        tags,
        summary: "Advocacy contracts (a CBO administrator sees their own organization's)",
        querystring: ContractListQuery,
        response: { 200: ContractList },
      },
    },
    async (request, ctx) => ({ contracts: await listContracts(ctx, request.query.organizationId) }),
  );
  r.get(
    '/api/advocacy/contracts/:contractId',
    {
      config: { policy: { access: 'admin', ability: 'contracts.read' } },
      schema: { tags, summary: 'One advocacy contract', params: ContractParam, response: { 200: ContractView } },
    },
    async (request, ctx) => getContract(ctx, request.params.contractId),
  );
  r.get(
    '/api/advocacy/active-organizations',
    {
      config: { policy: { access: 'reference' } },
      schema: {
        tags,
        summary: 'CBOs with an advocacy contract in force on a date (for the referral form; no youth data)',
        querystring: ActiveCbosQuery,
        response: { 200: ActiveOrganizations },
      },
    },
    async (request, ctx) => activeCbos(ctx, request.query.on),
  );

  // Vetting -----------------------------------------------------------------------------------
  const vetting = { policy: { access: 'admin' as const, ability: 'vetting.record' as const } };
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
    async (request, ctx, reply) =>
      reply.code(201).send(await recordClearance(ctx, request.params.userId, request.body)),
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
    async (request, ctx, reply) => reply.code(201).send(await recordTraining(ctx, request.params.userId, request.body)),
  );
  const approving = { policy: { access: 'admin' as const, ability: 'vetting.approve' as const } };
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
    async (request, ctx, reply) => reply.code(201).send(await recordApproval(ctx, request.params.userId, request.body)),
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
        response: { 200: ApprovalRevoked },
      },
    },
    async (request, ctx) => revokeApproval(ctx, request.params.approvalId, request.body),
  );
  r.get(
    '/api/advocacy/organizations/:organizationId/advocates',
    {
      config: { policy: { access: 'admin', ability: 'vetting.read' } },
      schema: {
        tags,
        summary: "A CBO's advocates with today's vetting: what each lacks and what ends soon",
        params: OrgParam,
        response: { 200: Roster },
      },
    },
    async (request, ctx) => advocateRoster(ctx, request.params.organizationId),
  );
  r.get(
    '/api/advocacy/vetting/expiring',
    {
      config: { policy: { access: 'admin', ability: 'vetting.read' } },
      schema: {
        tags,
        summary: 'Worklist: clearances, trainings and approvals ending within the county warning window',
        querystring: ExpiringQuery,
        response: { 200: ExpiringList },
      },
    },
    async (request, ctx) => expiringVetting(ctx, request.query.organizationId),
  );

  // Referrals ---------------------------------------------------------------------------------
  r.post(
    '/api/youth/:id/advocacy-referrals',
    {
      config: { policy: { access: 'youth', ability: 'advocacy.refer' } },
      schema: {
        tags,
        summary: 'Refer the youth to a CBO with an active advocacy contract; opens the first-contact obligation',
        params: YouthId,
        body: ReferralCreate,
        response: { 201: ReferralView },
      },
    },
    async (request, ctx, reply) => reply.code(201).send(await referYouth(ctx, request.params.id, request.body)),
  );
  r.get(
    '/api/youth/:id/advocacy-referrals',
    {
      // Roles that never see individual youth (analysts, administrators) are refused outright.
      config: { policy: { access: 'youth', ability: 'youth.search' } },
      schema: {
        tags,
        summary:
          "The youth's advocacy referrals with timeline and milestones (the reason only for the addressed organization and the youth's case carriers)",
        params: YouthId,
        response: { 200: ReferralList },
      },
    },
    async (request, ctx) => youthReferrals(ctx, request.params.id),
  );
  r.get(
    '/api/advocacy/referrals',
    {
      config: { policy: { access: 'youth', ability: 'advocacy.inbox' } },
      schema: {
        tags,
        summary:
          "Your organization's referral inbox: referrals addressed to it only (names only where your own relation to the youth allows)",
        querystring: InboxQuery,
        response: { 200: ReferralList },
      },
    },
    async (request, ctx) => referralInbox(ctx, request.query),
  );
  r.get(
    '/api/advocacy/referrals/:referralId',
    {
      config: { policy: { access: 'youth', ability: 'advocacy.respond' } },
      schema: {
        tags,
        summary: 'One referral addressed to your organization',
        params: ReferralParam,
        response: { 200: ReferralView },
      },
    },
    async (request, ctx) => addressedReferral(ctx, request.params.referralId),
  );
  const cbo = { policy: { access: 'youth' as const, ability: 'advocacy.respond' as const } };
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
    async (request, ctx) => acceptReferral(ctx, request.params.referralId, request.body),
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
    async (request, ctx) => declineReferral(ctx, request.params.referralId, request.body),
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
    async (request, ctx) => assignAdvocate(ctx, request.params.referralId, request.body),
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
    async (request, ctx) => closeByOrganization(ctx, request.params.referralId, request.body),
  );
  r.post(
    '/api/youth/:id/advocacy-referrals/:referralId/first-contact',
    {
      config: { policy: { access: 'youth', ability: 'advocacy.record_contact' } },
      schema: {
        tags,
        summary: 'The assigned advocate records first contact (meets the first-contact obligation)',
        params: YouthReferralParam,
        body: StepBase,
        response: { 200: ReferralView },
      },
    },
    async (request, ctx) => recordFirstContact(ctx, request.params.id, request.params.referralId, request.body),
  );
  r.post(
    '/api/youth/:id/advocacy-referrals/:referralId/engaged',
    {
      config: { policy: { access: 'youth', ability: 'advocacy.record_contact' } },
      schema: {
        tags,
        summary: 'The assigned advocate records that the youth engaged',
        params: YouthReferralParam,
        body: StepBase,
        response: { 200: ReferralView },
      },
    },
    async (request, ctx) => recordEngaged(ctx, request.params.id, request.params.referralId, request.body),
  );
  r.post(
    '/api/youth/:id/advocacy-referrals/:referralId/milestones',
    {
      config: { policy: { access: 'youth', ability: 'advocacy.record_contact' } },
      schema: {
        tags,
        summary:
          "The assigned advocate records a milestone of a service the contract includes (linked_to_service names the youth's service episode)",
        params: YouthReferralParam,
        body: MilestoneBody,
        response: { 200: ReferralView },
      },
    },
    async (request, ctx) => recordMilestone(ctx, request.params.id, request.params.referralId, request.body),
  );
  r.post(
    '/api/youth/:id/advocacy-referrals/:referralId/close',
    {
      config: { policy: { access: 'youth', ability: 'advocacy.close' } },
      schema: {
        tags,
        summary:
          "The assigned advocate, or the referrer's side (withdraw), closes the referral; the advocate's access ends (accessEnded says so)",
        params: YouthReferralParam,
        body: CloseBody,
        response: { 200: ClosedReferralView },
      },
    },
    async (request, ctx) => closeForYouth(ctx, request.params.id, request.params.referralId, request.body),
  );

  registerPerformanceRoutes(app);
}
