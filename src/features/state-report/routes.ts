import type { FastifyInstance, FastifyReply } from 'fastify';
import { routes } from '../../server/route.js';
import { StateReport, StateReportQuery, type StateReportT } from '../../contract/state-report.js';
import { stateReportCsv, stateReportXlsx } from './export-state-report.js';
import { stateReportPdf } from './pdf-state-report.js';
import { stateReport } from './report.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const attachment = (reply: FastifyReply, r: StateReportT, ext: string) =>
  reply.header(
    'content-disposition',
    `attachment; filename="harbor-state-csec-${r.period.from}-${r.period.to}${r.version === 'public' ? '-public' : ''}.${ext}"`,
  );

/** The state CSEC Program report (issue 13): page data, CSV, XLSX and PDF with the same figures. */
export function registerStateReportRoutes(app: FastifyInstance) {
  const r = routes(app);
  // State analysts see every county's aggregates; county analysts and administrators their own
  // county (report.ts). Anyone who may see the report may ask for its public version.
  const config = { policy: { access: 'aggregate' as const, ability: 'reports.state' as const } };
  const tags = ['reports'];
  const querystring = StateReportQuery;
  r.get(
    '/api/reports/state',
    {
      config,
      schema: {
        tags,
        summary:
          "The state CSEC Program report for a period: youth by CSEC Type under the state's counting rule, youth identified only in referrals, each county's victims beside its child-welfare population and County Plan figures, data-quality counts and the data limitations",
        querystring,
        response: { 200: StateReport },
      },
    },
    async (request, ctx) => stateReport(ctx, request.query),
  );
  r.get(
    '/api/reports/state.csv',
    { config, schema: { tags, summary: 'The state report as CSV, the counting rule in its first rows', querystring } },
    async (request, ctx, reply) => {
      const report = await stateReport(ctx, request.query);
      return attachment(reply.type('text/csv; charset=utf-8'), report, 'csv').send(stateReportCsv(report));
    },
  );
  r.get(
    '/api/reports/state.xlsx',
    {
      config,
      schema: {
        tags,
        summary: 'The state report as an Excel workbook: a sheet per table, the rule and limitations',
        querystring,
      },
    },
    async (request, ctx, reply) => {
      const report = await stateReport(ctx, request.query);
      return attachment(reply.type(XLSX), report, 'xlsx').send(await stateReportXlsx(report));
    },
  );
  r.get(
    '/api/reports/state.pdf',
    {
      config,
      schema: { tags, summary: 'The state report as a printable PDF with a bar chart of the Type table', querystring },
    },
    async (request, ctx, reply) => {
      const report = await stateReport(ctx, request.query);
      return attachment(reply.type('application/pdf'), report, 'pdf').send(await stateReportPdf(report));
    },
  );
}
