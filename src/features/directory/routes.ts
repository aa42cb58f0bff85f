import type { FastifyInstance } from 'fastify';

/** Resource directory routes (providers, contacts, exports). */
export function registerDirectoryRoutes(app: FastifyInstance) {
  void app;
}
