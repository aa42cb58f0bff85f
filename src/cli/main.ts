import { systemRepo } from '../access/checkpoint.js';
// The `harbor` command. Every subcommand reads the same environment as the server
// (DATABASE_URL, or HARBOR_DATA_DIR for the embedded database).
import { safeErrorFields } from '../server/logger.js';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Command, CommanderError } from 'commander';
import { verifyAudit } from '../access/audit.js';
import { ConfigError, loadConfig } from '../config.js';
import { openDatabase, type Database } from '../db/client.js';
import { prepareDatabase } from '../db/prepare.js';
import { DEMO_LOGINS, DEMO_PASSWORD, seedDemo } from '../seed/demo.js';
import { acquireDataDirLock, DataDirLockedError } from '../db/lock.js';
import { backup, restore, RestoreError } from './backup.js';
import { addUser, parseRoles, resetPassword, UserInputError } from './users.js';
import { importInstrument, InstrumentImportError } from '../features/instruments/install.js';
import { sealPlainSecrets } from '../features/auth/mfa.js';
import { importProviders, ProviderImportError } from '../features/directory/import-providers.js';
import { importExtract } from '../features/import/import-extract.js';
import { importPopulationFile } from '../features/state-program/population.js';
import { HarborError } from '../errors.js';
import { describeProgress, describeSummary } from '../features/import/describe.js';
import { sendQueuedEmail } from '../features/notifications/send-email.js';
import { runAdvocacyFlags } from '../jobs/advocacy-flags.js';
import { markMissedObligations } from '../jobs/mark-missed-obligations.js';

async function withDatabase<T>(fn: (db: Database) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const release = config.databaseUrl ? () => undefined : acquireDataDirLock(config.dataDir, 'the harbor command');
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 2 });
  try {
    return await fn(database);
  } finally {
    await database.close();
    release();
  }
}

function readPasswordFromStdin(): string {
  const text = readFileSync(0, 'utf8').split(/\r?\n/)[0] ?? '';
  if (!text) throw new UserInputError('--password-stdin was given but standard input was empty.');
  return text;
}

const program = new Command()
  .name('harbor')
  .description(
    'Harbor administration. Uses DATABASE_URL if set, else the embedded database in HARBOR_DATA_DIR (default ./data).',
  )
  .showHelpAfterError('(run harbor --help for usage)');

program
  .command('migrate')
  .description('apply database migrations that have not run yet')
  .action(() =>
    withDatabase(async (db) => {
      const applied = await prepareDatabase(db);
      console.log(
        applied.length
          ? `Applied ${applied.length} migration(s):\n  ${applied.join('\n  ')}`
          : 'The database is up to date.',
      );
      const sealed = await sealPlainSecrets(db, loadConfig());
      if (sealed) console.log(`Encrypted the two-step sign-in secrets of ${sealed} account(s) with HARBOR_SECRET_KEY.`);
    }),
  );

program
  .command('seed')
  .description('load data; today only the fictional demo counties')
  .option('--demo', 'the fictional demo counties (refused when NODE_ENV=production)')
  .action((opts: { demo?: boolean }) => {
    if (!opts.demo) throw new UserInputError('Say what to seed: harbor seed --demo');
    return withDatabase(async (db) => {
      await prepareDatabase(db);
      const summary = await seedDemo(db);
      console.log(
        `Seeded ${summary.youth} fictional youth in ${summary.counties} counties. Logins (password ${DEMO_PASSWORD}):`,
      );
      for (const l of DEMO_LOGINS) console.log(`  ${l.email.padEnd(24)} ${l.what}`);
    });
  });

const user = program.command('user').description('manage user accounts');
user
  .command('add')
  .description('create a user; prints a generated password unless --password-stdin is given')
  .requiredOption('--email <email>', 'sign-in email')
  .requiredOption('--name <name>', 'display name')
  .requiredOption('--county <code>', 'county code, e.g. los-angeles')
  .requiredOption('--org <organization>', 'organization name or id in that county')
  .requiredOption('--roles <list>', 'comma-separated roles, e.g. caseworker or county_admin')
  .option('--supervisor <email>', "the user's supervisor")
  .option('--password-stdin', 'read the password from standard input')
  .action(
    (o: {
      email: string;
      name: string;
      county: string;
      org: string;
      roles: string;
      supervisor?: string;
      passwordStdin?: boolean;
    }) =>
      withDatabase(async (db) => {
        const created = await addUser(db, {
          email: o.email,
          name: o.name,
          county: o.county,
          organization: o.org,
          roles: parseRoles(o.roles),
          supervisor: o.supervisor,
          password: o.passwordStdin ? readPasswordFromStdin() : undefined,
        });
        console.log(`Created user ${created.id}.`);
        if (!o.passwordStdin) console.log(`Temporary password: ${created.password}`);
      }),
  );
user
  .command('reset-password')
  .description('set a new password (generated unless --password-stdin), clear lockout, sign out everywhere')
  .requiredOption('--email <email>', 'the user to reset')
  .option('--password-stdin', 'read the new password from standard input')
  .action((o: { email: string; passwordStdin?: boolean }) =>
    withDatabase(async (db) => {
      const r = await resetPassword(db, o.email, o.passwordStdin ? readPasswordFromStdin() : undefined);
      console.log("Password reset; all of the user's sessions were signed out.");
      if (!o.passwordStdin) console.log(`Temporary password: ${r.password}`);
    }),
  );

program
  .command('backup <file>')
  .description('write a consistent backup of every table (gzipped JSON lines) to <file>')
  .action((file: string) =>
    withDatabase(async (db) => {
      const r = await backup(db, file);
      console.log(`Backed up ${r.rows} rows from ${r.tables} tables to ${file}.`);
    }),
  );

program
  .command('restore <file>')
  .description('restore a backup into an empty database (or replace everything with --force)')
  .option('--force', 'replace all data in the target database')
  .action((file: string, o: { force?: boolean }) => {
    if (!existsSync(file)) throw new RestoreError(`There is no file ${file}.`);
    return withDatabase(async (db) => {
      const r = await restore(db, file, { force: o.force });
      console.log(`Restored ${r.rows} rows into ${r.tables} tables from ${file}.`);
    });
  });

const importCmd = program.command('import').description('load county data from files');
importCmd
  .command('instrument <file>')
  .description("add a county's screening instrument (JSON, see docs/INSTRUMENTS.md) as a new version")
  .requiredOption('--county <code>', 'the county that holds the licence, e.g. los-angeles')
  .action((file: string, o: { county: string }) => {
    if (!existsSync(file)) throw new UserInputError(`There is no file ${file}.`);
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(file, 'utf8'));
    } catch (err) {
      throw new UserInputError(`${file} is not valid JSON: ${(err as Error).message}`);
    }
    return withDatabase(async (db) => {
      await prepareDatabase(db);
      const r = await importInstrument(db, o.county, json);
      console.log(
        r.created
          ? `Imported ${r.key} as version ${r.version} for ${o.county}.`
          : `${r.key} is unchanged (still version ${r.version}); nothing was written.`,
      );
    });
  });

importCmd
  .command('providers <file>')
  .description(
    "create or update the county's directory providers from a CSV file (see docs/DIRECTORY.md); all rows or none",
  )
  .requiredOption('--county <code>', 'the county whose directory it is, e.g. los-angeles')
  .option('--dry-run', 'check every row and report what would change, writing nothing')
  .action((file: string, o: { county: string; dryRun?: boolean }) => {
    if (!existsSync(file)) throw new UserInputError(`There is no file ${file}.`);
    const text = readFileSync(file, 'utf8');
    return withDatabase(async (db) => {
      await prepareDatabase(db);
      const r = await importProviders(db, o.county, text, { dryRun: o.dryRun, fileName: path.basename(file) });
      if (r.dryRun) {
        for (const row of r.rows) {
          console.log(
            `  line ${row.line} ${row.externalRef}: ${row.action === 'updated' ? `update (${row.fields.join(', ')})` : row.action === 'created' ? 'create' : 'unchanged'}`,
          );
        }
        console.log(
          `Dry run, nothing was written: ${file} would create ${r.created}, update ${r.updated} and leave ${r.unchanged} unchanged for ${o.county}.`,
        );
      } else {
        console.log(
          `Imported ${file} for ${o.county}: ${r.created} created, ${r.updated} updated, ${r.unchanged} unchanged.`,
        );
      }
    });
  });

importCmd
  .command('extract <dir>')
  .description(
    'import the state extract in a folder: clients.csv (required), referrals.csv, cases.csv, csec_types.csv (docs/IMPORT.md)',
  )
  .option('--dry-run', 'check everything and report what would change, writing nothing')
  .action((dir: string, opts: { dryRun?: boolean }) =>
    withDatabase(async (db) => {
      await prepareDatabase(db);
      const tty = process.stderr.isTTY;
      let last = 0;
      const summary = await importExtract(db, {
        dir: path.resolve(dir),
        dryRun: opts.dryRun === true,
        source: 'cli',
        onProgress: (p) => {
          const now = Date.now();
          if (p.phase === 'stage' && now - last < 500) return;
          last = now;
          const line = describeProgress(p);
          if (tty) process.stderr.write(`\r\x1b[K${line}`);
          else process.stderr.write(`${line}\n`);
        },
      });
      if (tty) process.stderr.write('\r\x1b[K');
      console.log(describeSummary(summary));
      if (!summary.ok) process.exitCode = 1;
    }),
  );

importCmd
  .command('population <file>')
  .description(
    'load population denominators (youth aged 10-20 in child welfare, per county and fiscal year) from a CSV ' +
      'file with the columns county, fiscal_year, youth_10_20_in_child_welfare; all rows or none',
  )
  .action((file: string) => {
    if (!existsSync(file)) throw new UserInputError(`There is no file ${file}.`);
    return withDatabase(async (db) => {
      await prepareDatabase(db);
      try {
        const r = await importPopulationFile(systemRepo(db), path.resolve(file));
        console.log(
          `Imported ${file}: ${r.inserted} inserted, ${r.updated} updated (${r.counties.length} ${r.counties.length === 1 ? 'county' : 'counties'}; ${r.fiscalYears.join(', ')}).`,
        );
      } catch (err) {
        if (!(err instanceof HarborError) || err.code !== 'population_file_invalid') throw err;
        const { errors } = err.details as { errors: { line: number; column: string | null; message: string }[] };
        for (const e of errors)
          console.error(`  ${e.line ? `line ${e.line}` : 'file'}${e.column ? ` (${e.column})` : ''}: ${e.message}`);
        console.error(`harbor: ${err.message.split('; nothing was imported.')[0]}; nothing was imported.`);
        process.exitCode = 1;
      }
    });
  });

const JOBS = ['missed-obligations', 'send-email', 'advocacy-flags'] as const;
const jobs = program
  .command('jobs')
  .description('the periodic jobs the server runs every minute (HARBOR_JOB_INTERVAL_SECONDS)');
jobs
  .command('run <job>')
  .description(`run one job once now: ${JOBS.join(' or ')}`)
  .action((job: string) => {
    if (!(JOBS as readonly string[]).includes(job))
      throw new UserInputError(`There is no job "${job}"; choose one of: ${JOBS.join(', ')}.`);
    const config = loadConfig();
    return withDatabase(async (db) => {
      await prepareDatabase(db);
      if (job === 'missed-obligations') {
        const r = await markMissedObligations(systemRepo(db), { publicUrl: config.publicUrl });
        if (!r.ran) console.log('Another Harbor instance is running this job right now; nothing was done.');
        else
          console.log(
            `Marked ${r.marked} obligation(s) missed; created ${r.notifications} notification(s) and queued ${r.emails} email(s).`,
          );
      } else if (job === 'advocacy-flags') {
        const r = await runAdvocacyFlags(systemRepo(db));
        console.log(`Flagged ${r.added} new candidate advocacy performance issue(s).`);
      } else {
        const r = await sendQueuedEmail(
          db,
          { smtpUrl: config.smtpUrl, from: config.mailFrom },
          { log: { warn: (m) => console.error(`harbor: ${m}`) } },
        );
        if (!r.skipped)
          console.log(`Sent ${r.sent} email(s); ${r.failed} failed and will be retried; gave up on ${r.gaveUp}.`);
      }
    });
  });

const audit = program.command('audit').description('the audit log');
audit
  .command('verify')
  .description('recompute the audit hash chains and report any altered, removed or missing event')
  .action(() =>
    withDatabase(async (db) => {
      const r = await verifyAudit(db);
      for (const c of r.chains.filter((x) => x.length > 0))
        console.log(`chain ${c.shard}: ${c.length} events, head ${c.head.slice(0, 16)}…`);
      if (r.ok) console.log(`OK: ${r.events} audit events verified; no tampering found.`);
      else {
        console.error(`TAMPERING DETECTED (${r.problems.length} problem(s)):\n  ${r.problems.join('\n  ')}`);
        process.exitCode = 3;
      }
    }),
  );

program.exitOverride();
try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) {
    process.exitCode = err.exitCode;
  } else if (
    err instanceof UserInputError ||
    err instanceof InstrumentImportError ||
    err instanceof ProviderImportError ||
    err instanceof RestoreError ||
    err instanceof ConfigError ||
    err instanceof DataDirLockedError
  ) {
    console.error(`harbor: ${err.message}`);
    process.exitCode = 2;
  } else {
    // Never the message of an unexpected error: a database error quotes the values it failed on.
    const e = safeErrorFields(err);
    console.error(`harbor: unexpected ${e.errType}${e.code ? ` (${e.code})` : ''}\n  ${e.frames.join('\n  ')}`);
    process.exitCode = 1;
  }
}
