// The state CSEC Program's data (issue 13): County Plan figures, counties' participation and
// population denominators, and counties' submissions to the state with their de-identified row
// files. The use cases are in this folder; the state report itself is in ../state-report.
import type { FastifyInstance } from 'fastify';
import { HarborError } from '../../errors.js';
import {
  FiscalYearParams,
  MAX_POPULATION_BYTES,
  ParticipationInput,
  ParticipationList,
  ParticipationQuery,
  PlanFigures,
  PlanFiguresInput,
  PlanFiguresList,
  PlanFiguresQuery,
  PopulationImportResult,
  PopulationUploadBody,
  Submission,
  SubmissionAction,
  SubmissionCreate,
  SubmissionList,
  SubmissionListQuery,
  SubmissionParams,
  SubmissionReturn,
  SubmissionRollup,
  SubmissionRollupQuery,
} from '../../contract/state-report.js';
import { countyToday } from '../../contract/primitives.js';
import { fiscalYearOf } from '../../domain/state-count.js';
import { routes } from '../../server/route.js';
import { listParticipation, saveParticipation } from './participation.js';
import { listPlanFigures, savePlanFigures } from './plans.js';
import { importPopulationUpload } from './population.js';
import { submissionRollup } from './rollup.js';
import {
  createSubmission,
  getSubmission,
  listSubmissions,
  refreshSubmission,
  reviewSubmission,
  submissionRowsCsv,
  submitSubmission,
} from './submissions.js';

const CSV = 'text/csv';

/** County Plan figures, participation, population and submissions (issue 13). */
export function registerStateProgramRoutes(app: FastifyInstance) {
  const r = routes(app);
  const tags = ['state-program'];
  const read = { policy: { access: 'admin' as const, ability: 'reports.state' as const } };
  const program = { policy: { access: 'admin' as const, ability: 'state.program' as const } };
  const review = { policy: { access: 'admin' as const, ability: 'state.review' as const } };

  // County Plans ------------------------------------------------------------------------------
  r.get(
    '/api/state/plans',
    {
      config: read,
      schema: {
        tags,
        summary:
          "County Plan figures (victims served, youth identified at risk, victims by Type when given) per fiscal year: every county's for the state, your county's for county staff",
        querystring: PlanFiguresQuery,
        response: { 200: PlanFiguresList },
      },
    },
    async (request, ctx) => listPlanFigures(ctx, request.query.fiscalYear),
  );
  r.put(
    '/api/state/plans/:fiscalYear',
    {
      config: { policy: { access: 'admin' as const, ability: 'state.plan_figures' as const } },
      schema: {
        tags,
        summary:
          "Enter or change your county's County Plan figures for a fiscal year. Without a version to enter them, with the version read to change them (409 stale_version, plan_figures_exist or plan_figures_not_entered otherwise). Victims by Type may not add up to more than the victims served, and all five must add up to them (400 plan_types_over_victims, plan_types_not_victims)",
        params: FiscalYearParams,
        body: PlanFiguresInput,
        response: { 200: PlanFigures },
      },
    },
    async (request, ctx) => savePlanFigures(ctx, request.params.fiscalYear, request.body),
  );

  // Participation and population --------------------------------------------------------------
  r.get(
    '/api/state/participation',
    {
      config: read,
      schema: {
        tags,
        summary:
          "California's 58 counties for a fiscal year: opted in to the CSEC Program or not, tier, allocation and the population denominator",
        querystring: ParticipationQuery,
        response: { 200: ParticipationList },
      },
    },
    async (request, ctx) => listParticipation(ctx, request.query.fiscalYear ?? fiscalYearOf(countyToday())),
  );
  r.put(
    '/api/state/participation/:fiscalYear',
    {
      config: program,
      schema: {
        tags,
        operationId: 'replaceStateParticipation',
        summary:
          'Set the listed counties’ participation for a fiscal year: optedIn false removes the county, true sets its tier and allocation. All or nothing; 400 state_county_unknown names a county Harbor does not know',
        params: FiscalYearParams,
        body: ParticipationInput,
        response: { 200: ParticipationList },
      },
    },
    async (request, ctx) => saveParticipation(ctx, request.params.fiscalYear, request.body),
  );

  // The population file arrives as text/csv: this plugin's parser takes up to 5 MB of it as bytes.
  void app.register(async (scope) => {
    scope.addContentTypeParser(CSV, { parseAs: 'buffer', bodyLimit: MAX_POPULATION_BYTES }, (_request, body, done) =>
      done(null, body),
    );
    routes(scope).post(
      '/api/state/population',
      {
        config: program,
        schema: {
          tags,
          operationId: 'importStatePopulation',
          summary:
            'Import population denominators from a CSV file (Content-Type: text/csv, at most 5 MB): columns county, fiscal_year, youth_10_20_in_child_welfare. All or nothing: 400 population_file_invalid lists every error by line and column ({ line, column, code, message }); otherwise each county and year is inserted or updated',
          consumes: [CSV],
          body: PopulationUploadBody,
          response: { 200: PopulationImportResult },
        },
      },
      async (request, ctx) => {
        const body: unknown = request.body;
        if (body !== undefined && body !== null && !Buffer.isBuffer(body))
          throw new HarborError(
            415,
            'unsupported_media_type',
            'Send the population file as CSV (Content-Type: text/csv).',
          );
        return importPopulationUpload(ctx, body ?? Buffer.alloc(0));
      },
    );
  });

  // Submissions -------------------------------------------------------------------------------
  const submit = { policy: { access: 'aggregate' as const, ability: 'state.submit' as const } };
  r.post(
    '/api/state/submissions',
    {
      config: submit,
      schema: {
        tags,
        summary:
          "Make a draft submission of your county's figures for a period under the state's counting rule, with its de-identified row file (hashed client id, age at the Type's start, Type, start month). 409 submission_exists when your county has one for that period",
        body: SubmissionCreate,
        response: { 201: Submission },
      },
    },
    async (request, ctx, reply) => reply.code(201).send(await createSubmission(ctx, request.body)),
  );
  r.get(
    '/api/state/submissions',
    {
      config: read,
      schema: {
        tags,
        summary:
          "Submissions with their status (draft, submitted, accepted, returned) and figures: every county's for the state, your county's for county staff",
        querystring: SubmissionListQuery,
        response: { 200: SubmissionList },
      },
    },
    async (request, ctx) => listSubmissions(ctx, request.query),
  );
  r.get(
    '/api/state/submissions/rollup',
    {
      config: { policy: { access: 'aggregate' as const, ability: 'state.review' as const } },
      schema: {
        tags,
        summary:
          "The statewide roll-up for a period: each county's submission status and submitted (or accepted) figures beside what Harbor's imported data says now, and the totals of both",
        querystring: SubmissionRollupQuery,
        response: { 200: SubmissionRollup },
      },
    },
    async (request, ctx) => submissionRollup(ctx, request.query),
  );
  r.get(
    '/api/state/submissions/:id',
    {
      config: read,
      schema: {
        tags,
        summary: 'One submission, with its status and figures',
        params: SubmissionParams,
        response: { 200: Submission },
      },
    },
    async (request, ctx) => getSubmission(ctx, request.params.id),
  );
  r.get(
    '/api/state/submissions/:id/rows.csv',
    {
      config: read,
      schema: {
        tags,
        summary:
          'The submission’s de-identified row file as CSV: client_hash, age_at_start, csec_type, start_month, county, association, counted. Never a name, a date of birth or a state client id',
        params: SubmissionParams,
      },
    },
    async (request, ctx, reply) => {
      const { csv, fileName } = await submissionRowsCsv(ctx, request.params.id);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .send(csv);
    },
  );
  r.post(
    '/api/state/submissions/:id/refresh',
    {
      config: submit,
      schema: {
        tags,
        summary:
          'Recompute a draft or returned submission’s figures and rows from your county’s data now (409 submission_is_<status> otherwise)',
        params: SubmissionParams,
        body: SubmissionAction,
        response: { 200: Submission },
      },
    },
    async (request, ctx) => refreshSubmission(ctx, request.params.id, request.body.version),
  );
  r.post(
    '/api/state/submissions/:id/submit',
    {
      config: { policy: { access: 'admin' as const, ability: 'state.submit' as const } },
      schema: {
        tags,
        operationId: 'submitStateSubmission',
        summary: 'Send a draft or returned submission to the state (409 submission_is_<status> otherwise)',
        params: SubmissionParams,
        body: SubmissionAction,
        response: { 200: Submission },
      },
    },
    async (request, ctx) => submitSubmission(ctx, request.params.id, request.body.version),
  );
  r.post(
    '/api/state/submissions/:id/accept',
    {
      config: review,
      schema: {
        tags,
        summary: 'Accept a submitted submission (409 submission_is_<status> otherwise)',
        params: SubmissionParams,
        body: SubmissionAction,
        response: { 200: Submission },
      },
    },
    async (request, ctx) => reviewSubmission(ctx, request.params.id, { version: request.body.version, accept: true }),
  );
  r.post(
    '/api/state/submissions/:id/return',
    {
      config: review,
      schema: {
        tags,
        operationId: 'returnStateSubmission',
        summary:
          'Return a submitted submission to the county with comments; the county refreshes and submits it again (409 submission_is_<status> otherwise)',
        params: SubmissionParams,
        body: SubmissionReturn,
        response: { 200: Submission },
      },
    },
    async (request, ctx) =>
      reviewSubmission(ctx, request.params.id, {
        version: request.body.version,
        accept: false,
        comments: request.body.comments,
      }),
  );
}
