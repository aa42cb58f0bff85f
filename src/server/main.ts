import { systemRepo } from '../access/checkpoint.js';
// `npm start`: migrate, seed the demo county on an empty database (outside production), serve.
import { safeErrorFields } from './logger.js';
import { loadConfig, ConfigError } from '../config.js';
import { openDatabase } from '../db/client.js';
import { acquireDataDirLock, DataDirLockedError } from '../db/lock.js';
import { prepareDatabase } from '../db/prepare.js';
import { sealPlainSecrets } from '../features/auth/mfa.js';
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
  // Two-step secrets stored in plain text before HARBOR_SECRET_KEY existed are encrypted now.
  const sealed = await sealPlainSecrets(database, config);
  if (sealed > 0) app.log.info({ accounts: sealed }, 'encrypted two-step sign-in secrets stored in plain text');
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
  if (config.jobIntervalMs > 0) scheduler = startScheduler(systemRepo(database), config, app.log);
  app.log.info({ mode: database.kind, url: `http://${config.host}:${config.port}` }, 'Harbor is ready');
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof DataDirLockedError) console.error(err.message);
  else {
    // Never the message: a database error quotes the values it failed on.
    const e = safeErrorFields(err);
    console.error(`Harbor could not start: ${e.errType}${e.code ? ` (${e.code})` : ''}\n  ${e.frames.join('\n  ')}`);
  }
  process.exit(1);
});
