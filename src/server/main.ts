// `npm start`: migrate, seed the demo county on an empty database (outside production), serve.
import { loadConfig, ConfigError } from '../config.js';
import { openDatabase } from '../db/client.js';
import { acquireDataDirLock, DataDirLockedError } from '../db/lock.js';
import { prepareDatabase } from '../db/prepare.js';
import { startScheduler, type Scheduler } from '../jobs/scheduler.js';
import { isDatabaseEmpty, seedDemo } from '../seed/demo.js';
import { buildApp } from './app.js';

async function main() {
  const config = loadConfig();
  const release = config.databaseUrl ? () => undefined : acquireDataDirLock(config.dataDir, 'the Harbor server');
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: config.dbPoolSize,
  });
  await prepareDatabase(database);
  const app = await buildApp({ database, config });
  if (await isDatabaseEmpty(database)) {
    if (config.env === 'production') {
      app.log.warn('The database is empty. Create a county administrator with `npx harbor user add`.');
    } else {
      const summary = await seedDemo(database);
      app.log.info(summary, 'seeded the fictional demo counties (password for every demo login: harbor-demo)');
    }
  }
  let scheduler: Scheduler | null = null;
  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    await scheduler?.stop();
    await app.close();
    await database.close();
    release();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  // Missed obligations and queued email, every HARBOR_JOB_INTERVAL_SECONDS (0 turns it off).
  if (config.jobIntervalMs > 0) scheduler = startScheduler(database, config, app.log);
  app.log.info({ mode: database.kind, url: `http://${config.host}:${config.port}` }, 'Harbor is ready');
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof DataDirLockedError) console.error(err.message);
  else console.error('Harbor could not start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
