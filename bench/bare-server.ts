// The baseline for the youth-record benchmark: a bare Fastify server on the same database, with
// the same pool size, that runs only the youth row SELECT. No session, no checkpoint, no row-level
// security, no audit, no response schema. Run: node --import tsx bench/bare-server.ts
// Env: PORT, DATABASE_URL (server) or HARBOR_DATA_DIR (PGlite), HARBOR_DB_POOL (default 20).
import Fastify from 'fastify';
import { openDatabase } from '../src/db/client.js';

const database = await openDatabase({
  databaseUrl: process.env.DATABASE_URL || undefined,
  dataDir: process.env.DATABASE_URL ? undefined : (process.env.HARBOR_DATA_DIR ?? './data'),
  poolSize: Number(process.env.HARBOR_DB_POOL ?? 20),
});

const app = Fastify({ logger: false });
app.get('/api/health', async () => ({ status: 'ok' }));
app.get<{ Params: { id: string } }>('/api/youth/:id', async (request, reply) => {
  const [row] = await database.query('SELECT * FROM youth WHERE id = $1', [request.params.id]);
  if (!row) return reply.code(404).send({ error: 'not_found' });
  return row;
});

const shutdown = async () => {
  await app.close();
  await database.close();
  process.exit(0);
};
process.once('SIGTERM', () => void shutdown());
process.once('SIGINT', () => void shutdown());
await app.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' });
