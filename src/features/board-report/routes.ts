import type { FastifyInstance, FastifyReply } from 'fastify';
import { routes } from '../../server/route.js';
import { boardReport } from './board-report.js';
import { boardReportCsv, boardReportXlsx } from './export-board-report.js';
import { boardReportPdf } from './pdf-board-report.js';
import { BoardReport, BoardReportQuery, type BoardReportT } from '../../contract/board-report.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const attachment = (reply: FastifyReply, r: BoardReportT, ext: string) =>
  reply.header(
    'content-disposition',
    `attachment; filename="harbor-advocacy-${r.version}-${r.period.from}-${r.period.to}.${ext}"`,
  );

/** The Board's four-monthly advocacy report: page data, CSV, XLSX and PDF with the same figures. */
export function registerBoardReportRoutes(app: FastifyInstance) {
  const r = routes(app);
  // County admins and analysts see the internal version (and may ask for the public one); state
  // analysts see the public version only (board-report.ts resolveVersion).
  const config = {
    policy: { access: 'aggregate' as const, ability: 'reports.board' as const },
  };
  const tags = ['reports'];
  const querystring = BoardReportQuery;
  r.get(
    '/api/reports/advocacy',
    {
      config,
      schema: {
        tags,
        summary:
          "The Board's report on each contracted advocacy organization for a period: referrals, youth recovered and connected, first contact within the term, medians, declines, performance issues, six-period series",
        querystring,
        response: { 200: BoardReport },
      },
    },
    async (request, ctx) => boardReport(ctx, request.query),
  );
  r.get(
    '/api/reports/advocacy.csv',
    { config, schema: { tags, summary: 'The advocacy report as CSV', querystring } },
    async (request, ctx, reply) => {
      const report = await boardReport(ctx, request.query);
      return attachment(reply.type('text/csv; charset=utf-8'), report, 'csv').send(boardReportCsv(report));
    },
  );
  r.get(
    '/api/reports/advocacy.xlsx',
    { config, schema: { tags, summary: 'The advocacy report as an Excel workbook', querystring } },
    async (request, ctx, reply) => {
      const report = await boardReport(ctx, request.query);
      return attachment(reply.type(XLSX), report, 'xlsx').send(await boardReportXlsx(report));
    },
  );
  r.get(
    '/api/reports/advocacy.pdf',
    { config, schema: { tags, summary: 'The advocacy report as a printable PDF with charts', querystring } },
    async (request, ctx, reply) => {
      const report = await boardReport(ctx, request.query);
      return attachment(reply.type('application/pdf'), report, 'pdf').send(await boardReportPdf(report));
    },
  );
}
