import type { FastifyInstance } from 'fastify';
import { routes } from '../../server/route.js';
import { ComplianceQuery, ComplianceReport } from '../../contract/compliance.js';
import { complianceReport } from './compliance-report.js';
import { complianceCsv, complianceXlsx } from './export-compliance.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The county compliance report: page data, CSV and XLSX with the same figures. */
export function registerComplianceRoutes(app: FastifyInstance) {
  const r = routes(app);
  const policy = {
    policy: { access: 'aggregate' as const, ability: 'reports.compliance' as const },
  };
  const tags = ['reports'];
  r.get(
    '/api/reports/compliance',
    {
      config: policy,
      schema: {
        tags,
        summary: 'MDTs on time by tier, arrivals against the target by agency, obligations by kind and organization',
        querystring: ComplianceQuery,
        response: { 200: ComplianceReport },
      },
    },
    async (request, ctx) => complianceReport(ctx, request.query),
  );
  r.get(
    '/api/reports/compliance.csv',
    { config: policy, schema: { tags, summary: 'The compliance report as CSV', querystring: ComplianceQuery } },
    async (request, ctx, reply) => {
      const report = await complianceReport(ctx, request.query);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="harbor-compliance-${report.from}-${report.to}.csv"`)
        .send(complianceCsv(report));
    },
  );
  r.get(
    '/api/reports/compliance.xlsx',
    {
      config: policy,
      schema: { tags, summary: 'The compliance report as an Excel workbook', querystring: ComplianceQuery },
    },
    async (request, ctx, reply) => {
      const report = await complianceReport(ctx, request.query);
      return reply
        .type(XLSX)
        .header('content-disposition', `attachment; filename="harbor-compliance-${report.from}-${report.to}.xlsx"`)
        .send(await complianceXlsx(report));
    },
  );
}
