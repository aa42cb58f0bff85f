import { systemRepo } from '../src/access/checkpoint.js';
// Benchmark 3 (issue 5): the missed-obligation job on 100,000 open obligations, half of them past
// due, spread over 4 counties, 200 owners and their 20 supervisors. Runs the job once (all the
// work: 50,000 marked, 100,000 notifications, one email per person) and again (nothing to do),
// on PGlite and on the PostgreSQL server (a fresh database harbor_bench_ob, dropped after).
//
//   tsx bench/obligations.ts          alone (prints a Markdown table)
//   npm run bench                     as section 3 of the whole run (bench/run.ts)
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { Database } from '../src/db/client.js';
import { prepareDatabase } from '../src/db/prepare.js';
import { markMissedObligations, type MarkMissedResult } from '../src/jobs/mark-missed-obligations.js';
import { onBothDatabases } from './lib/pg-admin.js';

export const OBLIGATIONS = 100_000;
const COUNTIES = 4;
const SUPERVISORS_PER_COUNTY = 5;
const WORKERS_PER_COUNTY = 50;
const YOUTH_PER_COUNTY = 1_000;
const BENCH_OB_DB = 'harbor_bench_ob';
const KINDS = [
  'cross_report_law_enforcement',
  'crisis_mdt_24h',
  'initial_mdt',
  'ongoing_mdt_review',
  'health_evaluation_72h',
  'mdt_action_item',
];

export interface ObligationsBenchMode {
  mode: 'pglite' | 'postgres';
  skipped?: string;
  setupSec?: number;
  obligations?: number;
  pastDue?: number;
  first?: MarkMissedResult & { sec: number };
  second?: MarkMissedResult & { sec: number };
  /** What the database holds after both runs (a check that the figures are real). */
  after?: { missed: number; open: number; notifications: number; emails: number };
}

const log = (msg: string) => console.error(`[bench:obligations] ${msg}`);
const r2 = (n: number) => Math.round(n * 100) / 100;

/** Counties, organizations, supervisors, workers (each with a supervisor), youth and the obligations, all in SQL. */
async function fill(db: Database): Promise<{ obligations: number; pastDue: number }> {
  await db.query(
    `INSERT INTO counties (code, name) SELECT 'bench-' || c, 'Bench County ' || c FROM generate_series(1, $1) c`,
    [COUNTIES],
  );
  await db.query(
    `INSERT INTO organizations (county_id, name, type) SELECT id, 'Bench DCFS ' || code, 'child_welfare' FROM counties`,
  );
  await db.query(
    `INSERT INTO users (county_id, organization_id, email, display_name, roles)
     SELECT o.county_id, o.id, 'sup' || s || '@' || c.code || '.bench', 'Supervisor ' || s, ARRAY['supervisor']
       FROM organizations o JOIN counties c ON c.id = o.county_id, generate_series(1, $1) s`,
    [SUPERVISORS_PER_COUNTY],
  );
  await db.query(
    `INSERT INTO users (county_id, organization_id, email, display_name, roles, supervisor_id)
     SELECT o.county_id, o.id, 'w' || w || '@' || c.code || '.bench', 'Worker ' || w, ARRAY['caseworker'],
            (SELECT u.id FROM users u WHERE u.county_id = o.county_id AND u.email = 'sup' || (1 + w % $2) || '@' || c.code || '.bench')
       FROM organizations o JOIN counties c ON c.id = o.county_id, generate_series(1, $1) w`,
    [WORKERS_PER_COUNTY, SUPERVISORS_PER_COUNTY],
  );
  await db.query(
    `INSERT INTO youth (county_id, legal_first_name, legal_last_name, date_of_birth)
     SELECT c.id, 'Bench', 'Youth ' || y, date '2010-01-01' + y FROM counties c, generate_series(1, $1) y`,
    [YOUTH_PER_COUNTY],
  );
  // Number the owners and youth per county so each obligation picks one by modulo.
  await db.execScript(`
    CREATE TABLE bench_owner AS SELECT county_id, organization_id, id, row_number() OVER (PARTITION BY county_id ORDER BY id) - 1 AS n
      FROM users WHERE 'caseworker' = ANY (roles);
    CREATE TABLE bench_youth AS SELECT county_id, id, row_number() OVER (PARTITION BY county_id ORDER BY id) - 1 AS n FROM youth;
    CREATE TABLE bench_county AS SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM counties;`);
  // Every county and every owner gets half past due (1 minute to 30 days ago), half due later (1 hour to 30 days on).
  await db.query(
    `INSERT INTO obligations (county_id, youth_id, kind, source_kind, source_id, due_at, owner_user_id, owner_organization_id)
     SELECT c.id, y.id, ($2::text[])[1 + i % array_length($2::text[], 1)], 'bench', gen_random_uuid(),
            CASE WHEN (i / ${COUNTIES * WORKERS_PER_COUNTY}) % 2 = 0 THEN now() - (1 + i % 43200) * interval '1 minute'
                 ELSE now() + (60 + i % 43200) * interval '1 minute' END,
            o.id, o.organization_id
       FROM generate_series(0, $1 - 1) i
       JOIN bench_county c ON c.n = i % ${COUNTIES}
       JOIN bench_owner o ON o.county_id = c.id AND o.n = (i / ${COUNTIES}) % ${WORKERS_PER_COUNTY}
       JOIN bench_youth y ON y.county_id = c.id AND y.n = (i / ${COUNTIES}) % ${YOUTH_PER_COUNTY}`,
    [OBLIGATIONS, KINDS],
  );
  await db.execScript('DROP TABLE bench_owner, bench_youth, bench_county; ANALYZE;');
  const [row] = await db.query<{ total: string; past: string }>(
    `SELECT count(*) AS total, count(*) FILTER (WHERE due_at < now()) AS past FROM obligations WHERE status = 'open'`,
  );
  return { obligations: Number(row!.total), pastDue: Number(row!.past) };
}

async function benchOn(mode: 'pglite' | 'postgres', database: Database): Promise<ObligationsBenchMode> {
  const t0 = performance.now();
  await prepareDatabase(database);
  const filled = await fill(database);
  const setupSec = r2((performance.now() - t0) / 1000);
  log(`${mode}: ${filled.obligations} open obligations (${filled.pastDue} past due) ready in ${setupSec} s`);
  const timed = async () => {
    const t = performance.now();
    const r = await markMissedObligations(systemRepo(database), { publicUrl: 'http://127.0.0.1:3000' });
    return { ...r, sec: r2((performance.now() - t) / 1000) };
  };
  const first = await timed();
  log(
    `${mode} first run: ${first.marked} marked, ${first.notifications} notifications, ${first.emails} emails in ${first.sec} s`,
  );
  const second = await timed();
  log(`${mode} second run: ${second.marked} marked, ${second.notifications} notifications in ${second.sec} s`);
  const [after] = await database.query<{ missed: string; open: string; notifications: string; emails: string }>(
    `SELECT (SELECT count(*) FROM obligations WHERE status = 'missed') AS missed,
            (SELECT count(*) FROM obligations WHERE status = 'open') AS open,
            (SELECT count(*) FROM notifications) AS notifications,
            (SELECT count(*) FROM email_outbox) AS emails`,
  );
  return {
    mode,
    setupSec,
    ...filled,
    first,
    second,
    after: {
      missed: Number(after!.missed),
      open: Number(after!.open),
      notifications: Number(after!.notifications),
      emails: Number(after!.emails),
    },
  };
}

export async function benchObligations(): Promise<ObligationsBenchMode[]> {
  return onBothDatabases(
    BENCH_OB_DB,
    (mode, database) => benchOn(mode, database),
    (reason) => ({ mode: 'postgres', skipped: reason }),
  );
}

export function obligationsMarkdown(results: ObligationsBenchMode[], date: string): string {
  const out = [
    `## Missed-obligation job on ${OBLIGATIONS.toLocaleString('en-US')} open obligations (${date})`,
    '',
    '| Database | Run | Marked missed | Notifications | Emails queued | Seconds |',
    '|---|---|--:|--:|--:|--:|',
  ];
  for (const m of results) {
    const db = m.mode === 'pglite' ? 'PGlite' : 'PostgreSQL server';
    if (m.skipped) {
      out.push(`| ${db} | skipped: ${m.skipped} | | | | |`);
      continue;
    }
    for (const [name, r] of [
      ['first (all the work)', m.first!],
      ['second (nothing to do)', m.second!],
    ] as const) {
      out.push(`| ${db} | ${name} | ${r.marked} | ${r.notifications} | ${r.emails} | ${r.sec.toFixed(2)} |`);
    }
  }
  return out.join('\n');
}

/** Why the figures would not be valid: the second run did work, or obligations were lost or left. */
export function obligationsProblems(results: ObligationsBenchMode[]): string[] {
  return results
    .filter((m) => !m.skipped)
    .flatMap((m) => [
      ...(m.second!.marked !== 0 || m.second!.notifications !== 0 ? [`${m.mode}: the second run did work`] : []),
      ...(m.after!.missed !== m.pastDue || m.after!.open + m.after!.missed !== OBLIGATIONS
        ? [`${m.mode}: obligations were lost or left open past due`]
        : []),
    ]);
}

// Run alone: tsx bench/obligations.ts
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const date = new Date().toISOString();
  const results = await benchObligations();
  console.log(obligationsMarkdown(results, date));
  const problems = obligationsProblems(results);
  if (problems.length) {
    console.error(`[bench:obligations] FAILED: ${problems.join('; ')}`);
    process.exit(1);
  }
}
