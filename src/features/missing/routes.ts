import type { FastifyInstance } from 'fastify';
import { routes } from '../../server/route.js';
import { YouthId } from '../../contract/youth.js';
import { currentlyMissing } from './currently-missing.js';
import { missingCountyFigures } from './figures.js';
import { recordReport } from './record-report.js';
import { recordLocated, recordReturned } from './record-return.js';
import { getEpisode, listEpisodes, reportMissing, updateEpisode } from './report-missing.js';
import { saveDebrief } from './save-debrief.js';
import {
  CurrentList,
  DebriefSave,
  DebriefSaved,
  EpisodeCreate,
  EpisodeDetail,
  EpisodeParams,
  EpisodeUpdate,
  FiguresQuery,
  FiguresView,
  LocatedInput,
  ReportParams,
  ReportRecord,
  ReturnedInput,
  SearchEffortCreate,
  YouthEpisodes,
} from '../../contract/missing.js';
import { addSearchEffort } from './search-efforts.js';

/** Missing and runaway youth: episodes, mandated reports, search log, return and debrief, figures. */
export function registerMissingRoutes(app: FastifyInstance) {
  const r = routes(app);
  const tags = ['missing'];
  const writers = { policy: { access: 'youth' as const, ability: 'youth.record' as const } };
  const base = '/api/youth/:id/missing';

  r.get(
    '/api/missing/current',
    {
      config: { policy: { access: 'youth', ability: 'missing.current' } },
      schema: {
        tags,
        summary: 'Youth currently missing, and returned youth awaiting a debrief, among the youth you may see',
        response: { 200: CurrentList },
      },
    },
    async (request, ctx) => currentlyMissing(ctx),
  );
  r.get(
    '/api/reports/missing',
    {
      config: {
        policy: { access: 'aggregate', ability: 'reports.missing' },
      },
      schema: {
        tags: ['reports'],
        summary: 'County figures on missing episodes (no identities)',
        querystring: FiguresQuery,
        response: { 200: FiguresView },
      },
    },
    async (request, ctx) => missingCountyFigures(ctx, request.query),
  );
  r.get(
    base,
    {
      config: { policy: { access: 'youth' } },
      schema: {
        tags,
        summary: "The youth's missing episodes, time missing and the placements left from",
        params: YouthId,
        response: { 200: YouthEpisodes },
      },
    },
    async (request, ctx) => listEpisodes(ctx, request.params.id),
  );
  r.post(
    base,
    {
      config: writers,
      schema: {
        tags,
        summary:
          'Report the youth missing (last seen, place type, discovery); opens the mandated reports due within 24 hours',
        params: YouthId,
        body: EpisodeCreate,
        response: { 201: EpisodeDetail },
      },
    },
    async (request, ctx, reply) => reply.code(201).send(await reportMissing(ctx, request.params.id, request.body)),
  );
  r.get(
    `${base}/:episodeId`,
    {
      config: { policy: { access: 'youth' } },
      schema: {
        tags,
        summary: 'One episode with its reports, search log and debrief',
        params: EpisodeParams,
        response: { 200: EpisodeDetail },
      },
    },
    async (request, ctx) => getEpisode(ctx, request.params.id, request.params.episodeId),
  );
  r.patch(
    `${base}/:episodeId`,
    {
      config: writers,
      schema: {
        tags,
        summary: 'Complete or correct the report (send the version you loaded)',
        params: EpisodeParams,
        body: EpisodeUpdate,
        response: { 200: EpisodeDetail },
      },
    },
    async (request, ctx) => updateEpisode(ctx, request.params.id, request.params.episodeId, request.body),
  );
  r.post(
    `${base}/:episodeId/reports/:report`,
    {
      config: writers,
      schema: {
        tags,
        summary:
          'Record a mandated report or notification (law_enforcement, ncmec, attorney, parent, court); meets its duty',
        params: ReportParams,
        body: ReportRecord,
        response: { 200: EpisodeDetail },
      },
    },
    async (request, ctx) =>
      recordReport(ctx, request.params.id, request.params.episodeId, request.params.report, request.body),
  );
  r.post(
    `${base}/:episodeId/search-efforts`,
    {
      config: { policy: { access: 'youth', ability: 'missing.search_log' } },
      schema: {
        tags,
        summary: 'Add to the search log',
        params: EpisodeParams,
        body: SearchEffortCreate,
        response: { 201: EpisodeDetail },
      },
    },
    async (request, ctx, reply) =>
      reply.code(201).send(await addSearchEffort(ctx, request.params.id, request.params.episodeId, request.body)),
  );
  r.post(
    `${base}/:episodeId/located`,
    {
      config: writers,
      schema: {
        tags,
        summary: 'The youth was located',
        params: EpisodeParams,
        body: LocatedInput,
        response: { 200: EpisodeDetail },
      },
    },
    async (request, ctx) => recordLocated(ctx, request.params.id, request.params.episodeId, request.body),
  );
  r.post(
    `${base}/:episodeId/returned`,
    {
      config: writers,
      schema: {
        tags,
        summary: 'The youth returned: where to; opens the debrief duty',
        params: EpisodeParams,
        body: ReturnedInput,
        response: { 200: EpisodeDetail },
      },
    },
    async (request, ctx) => recordReturned(ctx, request.params.id, request.params.episodeId, request.body),
  );
  r.post(
    `${base}/:episodeId/debrief`,
    {
      config: writers,
      schema: {
        tags,
        summary:
          'Save the return debrief (draft or complete); exploited while absent records "Victim While Absent from Placement"',
        params: EpisodeParams,
        body: DebriefSave,
        response: { 200: DebriefSaved },
      },
    },
    async (request, ctx) => saveDebrief(ctx, request.params.id, request.params.episodeId, request.body),
  );
}
