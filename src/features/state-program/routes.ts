import type { FastifyInstance } from 'fastify';

/** County Plan figures, participation, population and submissions (issue 13). */
export function registerStateProgramRoutes(_app: FastifyInstance) {}
