// Runs Harbor's periodic jobs inside the server: the missed-obligation job, then queued email.
// A run starts right after listen and then every interval (HARBOR_JOB_INTERVAL_SECONDS, 0 = off),
// never overlapping itself; stop() waits for a run in progress. Several server instances may each
// run a scheduler: the missed-obligation job takes an advisory lock, and email is claimed per row.
import type { SystemDatabase } from '../access/checkpoint.js';
import type { HarborConfig } from '../config.js';
import { sendQueuedEmail } from '../features/notifications/send-email.js';
import { runAdvocacyFlags } from './advocacy-flags.js';
import { markMissedObligations } from './mark-missed-obligations.js';

export interface SchedulerLog {
  info(obj: object, msg: string): void;
  warn(msg: string): void;
  error(obj: object, msg: string): void;
}

export interface Scheduler {
  /** Runs the jobs now (waits for a run in progress first). */
  runNow(): Promise<void>;
  stop(): Promise<void>;
}

type JobConfig = Pick<HarborConfig, 'jobIntervalMs' | 'publicUrl' | 'smtpUrl' | 'mailFrom'>;

/** One pass of every job; a failing job is logged (by type only: database errors quote values) and the next still runs. */
export async function runJobsOnce(database: SystemDatabase, config: JobConfig, log: SchedulerLog): Promise<void> {
  try {
    const r = await markMissedObligations(database, { publicUrl: config.publicUrl });
    if (r.marked > 0) log.info({ job: 'missed-obligations', ...r }, 'marked missed obligations');
  } catch (err) {
    log.error({ job: 'missed-obligations', errorType: err instanceof Error ? err.name : typeof err }, 'job failed');
  }
  try {
    const r = await runAdvocacyFlags(database);
    if (r.added > 0) log.info({ job: 'advocacy-flags', ...r }, 'flagged candidate advocacy performance issues');
  } catch (err) {
    log.error({ job: 'advocacy-flags', errorType: err instanceof Error ? err.name : typeof err }, 'job failed');
  }
  try {
    const r = await sendQueuedEmail(database, { smtpUrl: config.smtpUrl, from: config.mailFrom }, { log });
    if (r.sent + r.failed + r.gaveUp > 0) log.info({ job: 'send-email', ...r }, 'sent queued email');
  } catch (err) {
    log.error({ job: 'send-email', errorType: err instanceof Error ? err.name : typeof err }, 'job failed');
  }
}

export function startScheduler(database: SystemDatabase, config: JobConfig, log: SchedulerLog): Scheduler {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let stopped = config.jobIntervalMs <= 0;

  const run = (): Promise<void> => {
    if (!running) {
      running = runJobsOnce(database, config, log).finally(() => {
        running = null;
      });
    }
    return running;
  };
  const schedule = (delay: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      timer = null;
      void run().then(() => schedule(config.jobIntervalMs));
    }, delay);
    timer.unref();
  };
  schedule(0);

  return {
    async runNow() {
      await running;
      await run();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await running;
    },
  };
}
