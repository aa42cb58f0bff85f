import type { FastifyInstance } from 'fastify';

/** The state CSEC Program report (issue 13): page data, CSV, XLSX and PDF. */
export function registerStateReportRoutes(_app: FastifyInstance) {}
