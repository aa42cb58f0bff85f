// Benchmark (issue 6): the Board's advocacy report for a county with 20 CBOs, 50,000 referrals
// and 200,000 service episodes over five years (40,000 of them linked by an advocate to a
// referral). Times the page data (GET /api/reports/advocacy, the use case behind it) and the
// XLSX, several runs each, median reported, on PGlite and on the PostgreSQL server (a fresh
// database harbor_bench_br, dropped after).
//
//   npx tsx bench/board-report.ts        prints a Markdown table (docs/BENCHMARKS.md section)
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { ScopedRepo } from '../src/access/checkpoint.js';
import { contexts } from '../src/access/contexts.js';
import { sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { asDate, selectRows, type Database } from '../src/db/client.js';
import { prepareDatabase } from '../src/db/prepare.js';
import { countRecoveredYouth, median } from '../src/domain/advocacy.js';
import { COUNTY_TIME_ZONE } from '../src/domain/geography.js';
import { boardReport } from '../src/features/board-report/board-report.js';
import { boardReportXlsx } from '../src/features/board-report/export-board-report.js';
import { boardReportPdf } from '../src/features/board-report/pdf-board-report.js';
import type { BoardReportQueryT } from '../src/contract/board-report.js';
import { onBothDatabases } from './lib/pg-admin.js';

const CBOS = 20;
const REFERRALS = 50_000;
const EPISODES = 200_000;
const YOUTH = 20_000;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const BENCH_DB = 'harbor_bench_br';
/** The data end here; "now" for the report is fixed so every run asks the same question. */
const NOW = new Date('2026-11-21T20:00:00Z');

const log = (msg: string) => console.error(`[bench:board-report] ${msg}`);
const r0 = (n: number) => Math.round(n);

export async function fill(
  db: Database,
): Promise<{ analyst: { userId: string; countyId: string; organizationId: string } }> {
  const [county] = await db.query<{ id: string }>(
    `INSERT INTO counties (code, name) VALUES ('bench-br', 'Bench County') RETURNING id`,
  );
  const c = county!.id;
  const [dcfs] = await db.query<{ id: string }>(
    `INSERT INTO organizations (county_id, name, type) VALUES ($1, 'Bench DCFS', 'child_welfare') RETURNING id`,
    [c],
  );
  const [prob] = await db.query<{ id: string }>(
    `INSERT INTO organizations (county_id, name, type) VALUES ($1, 'Bench Probation', 'probation') RETURNING id`,
    [c],
  );
  await db.query(
    `INSERT INTO organizations (county_id, name, type) SELECT $1, 'Bench Advocates ' || lpad(n::text, 2, '0'), 'advocacy_cbo' FROM generate_series(1, $2) n`,
    [c, CBOS],
  );
  const [analyst] = await db.query<{ id: string }>(
    `INSERT INTO users (county_id, organization_id, email, display_name, roles) VALUES ($1, $2, 'analyst@bench', 'Bench analyst', ARRAY['county_analyst']) RETURNING id`,
    [c, dcfs!.id],
  );
  const [worker] = await db.query<{ id: string }>(
    `INSERT INTO users (county_id, organization_id, email, display_name, roles) VALUES ($1, $2, 'worker@bench', 'Bench worker', ARRAY['caseworker']) RETURNING id`,
    [c, dcfs!.id],
  );
  await db.query(
    `INSERT INTO users (county_id, organization_id, email, display_name, roles)
     SELECT $1, o.id, 'advocate@' || o.id, 'Bench advocate', ARRAY['advocate'] FROM organizations o WHERE o.county_id = $1 AND o.type = 'advocacy_cbo'`,
    [c],
  );
  await db.query(
    `INSERT INTO youth (county_id, legal_first_name, legal_last_name, date_of_birth)
     SELECT $1, 'Bench', 'Youth ' || y, date '2008-01-01' + (y % 2000) FROM generate_series(1, $2) y`,
    [c, YOUTH],
  );
  // Two contracts per CBO covering the five years; half the CBOs have a 48-hour term.
  await db.query(
    `INSERT INTO advocacy_contracts (county_id, organization_id, contracting_organization_id, reference, starts_on, ends_on, funding_source, services, capacity, first_contact_hours, created_by)
     SELECT $1, o.id, $2, 'BENCH-' || o.id || '-' || s.starts_on, s.starts_on, s.ends_on, 'County general fund',
            ARRAY['crisis_response','linkage_to_services'], 200, CASE WHEN row_number() OVER (PARTITION BY s.starts_on ORDER BY o.id) % 2 = 0 THEN 48 ELSE 24 END, $3
       FROM organizations o, (VALUES (date '2021-07-01', date '2024-06-30'), (date '2024-07-01', date '2027-06-30')) s(starts_on, ends_on)
      WHERE o.county_id = $1 AND o.type = 'advocacy_cbo'`,
    [c, prob!.id, analyst!.id],
  );
  await db.execScript(`
    CREATE TABLE bench_org AS SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM organizations WHERE type = 'advocacy_cbo' AND county_id = '${c}';
    CREATE TABLE bench_youth AS SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM youth WHERE county_id = '${c}';
    CREATE TABLE bench_adv AS SELECT id, organization_id FROM users WHERE county_id = '${c}' AND 'advocate' = ANY (roles);`);
  // 50,000 referrals evenly over five years to 22 November 2026: 10% declined, 10% never
  // reached, the rest reached 1 to 72 hours after the referral.
  await db.query(
    `INSERT INTO advocacy_referrals (county_id, youth_id, organization_id, contract_id, referred_by, referred_by_organization_id, referred_at, reason, urgency,
        state, accepted_at, declined_at, decline_reason, advocate_user_id, advocate_assigned_at, first_contact_at)
     SELECT $1, y.id, o.id, k.id, $2, $3, t.at, 'bench', 'routine',
            CASE WHEN i % 10 = 0 THEN 'declined' WHEN i % 10 = 1 THEN 'sent' ELSE 'first_contact' END,
            CASE WHEN i % 10 >= 2 THEN t.at + interval '30 minutes' END,
            CASE WHEN i % 10 = 0 THEN t.at + interval '2 hours' END,
            CASE WHEN i % 10 = 0 THEN (ARRAY['at_capacity','not_eligible','outside_service_area'])[1 + (i / 10) % 3] END,
            CASE WHEN i % 10 >= 2 THEN a.id END,
            CASE WHEN i % 10 >= 2 THEN t.at + interval '45 minutes' END,
            CASE WHEN i % 10 >= 2 THEN t.at + make_interval(hours => 1 + (i * 37) % 72) END
       FROM generate_series(0, $4::int - 1) i
       CROSS JOIN LATERAL (SELECT timestamptz '2021-11-22 08:00:00+00' + i * (interval '1826 days' / $4::int) AS at) t
       JOIN bench_org o ON o.n = i % ${CBOS}
       JOIN bench_youth y ON y.n = (i * 7919) % ${YOUTH}
       JOIN bench_adv a ON a.organization_id = o.id
       JOIN advocacy_contracts k ON k.organization_id = o.id AND (t.at AT TIME ZONE 'America/Los_Angeles')::date BETWEEN k.starts_on AND k.ends_on`,
    [c, worker!.id, dcfs!.id, REFERRALS],
  );
  // Each reached referral gets a service the advocate linked, starting 0 to 89 days later (about
  // two thirds within the 60-day window); the other 160,000 episodes are unrelated services.
  await db.query(
    `INSERT INTO service_episodes (youth_id, county_id, service_key, referred_by, referred_by_organization_id, referred_at, started_at, status, notes)
     SELECT r.youth_id, r.county_id, 'mental_health', $2, $3, r.referred_at, r.referred_at + make_interval(days => ((extract(epoch FROM r.referred_at)::bigint / 3600) % 90)::int), 'active', r.id::text
       FROM advocacy_referrals r WHERE r.county_id = $1 AND r.first_contact_at IS NOT NULL`,
    [c, worker!.id, dcfs!.id],
  );
  await db.query(
    `INSERT INTO advocacy_milestones (referral_id, county_id, youth_id, kind, at, service_episode_id, recorded_by)
     SELECT r.id, r.county_id, r.youth_id, 'linked_to_service', r.first_contact_at, se.id, r.advocate_user_id
       FROM service_episodes se JOIN advocacy_referrals r ON r.id::text = se.notes WHERE se.county_id = $1`,
    [c],
  );
  const [{ linked } = { linked: 0 }] = await db.query<{ linked: number }>(
    `SELECT count(*)::int AS linked FROM service_episodes WHERE county_id = $1`,
    [c],
  );
  await db.query(
    `INSERT INTO service_episodes (youth_id, county_id, service_key, referred_by, referred_by_organization_id, referred_at, started_at, status)
     SELECT y.id, $1, 'mentoring', $2, $3, t.at, t.at + interval '7 days', 'active'
       FROM generate_series(0, $4::int - 1) i
       CROSS JOIN LATERAL (SELECT timestamptz '2021-11-22 08:00:00+00' + i * (interval '1826 days' / $4::int) AS at) t
       JOIN bench_youth y ON y.n = (i * 31) % ${YOUTH}`,
    [c, worker!.id, dcfs!.id, EPISODES - linked],
  );
  // A few performance issues per CBO, some resolved.
  await db.query(
    `INSERT INTO performance_issues (county_id, organization_id, raised_on, category, description, severity, recommendation, status, resolution, resolved_on, created_by)
     SELECT $1, o.id, date '2022-01-15' + k * 90, (ARRAY['responsiveness','documentation','service_delivery'])[1 + k % 3], 'Bench issue', 'moderate', 'Bench recommendation',
            CASE WHEN k % 2 = 0 THEN 'resolved' ELSE 'open' END, CASE WHEN k % 2 = 0 THEN 'Fixed' END, CASE WHEN k % 2 = 0 THEN date '2022-01-15' + k * 90 + 45 END, $2
       FROM bench_org o, generate_series(0, 19) g(k)`,
    [c, analyst!.id],
  );
  await db.execScript('DROP TABLE bench_org, bench_youth, bench_adv; ANALYZE;');
  return { analyst: { userId: analyst!.id, countyId: c, organizationId: dcfs!.id } };
}

interface Timing {
  name: string;
  medianMs: number;
  runsMs: number[];
}

export interface BoardBenchMode {
  mode: 'pglite' | 'postgres';
  skipped?: string;
  setupSec?: number;
  counts?: { referrals: number; episodes: number; linked: number; cbos: number; periodReferrals: number };
  timings?: Timing[];
}

async function timeIt(name: string, fn: () => Promise<unknown>): Promise<Timing> {
  await fn(); // warm-up: plans cached, pages in memory
  const runsMs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn();
    runsMs.push(performance.now() - t);
  }
  return { name, medianMs: r0(median(runsMs) ?? 0), runsMs: runsMs.map(r0) };
}

async function benchOn(mode: 'pglite' | 'postgres', db: Database): Promise<BoardBenchMode> {
  const t0 = performance.now();
  await prepareDatabase(db);
  const { analyst } = await fill(db);
  const setupSec = Math.round((performance.now() - t0) / 100) / 10;
  const [counts] = await db.query<{ referrals: number; episodes: number; linked: number }>(
    `SELECT (SELECT count(*)::int FROM advocacy_referrals) AS referrals, (SELECT count(*)::int FROM service_episodes) AS episodes,
            (SELECT count(*)::int FROM advocacy_milestones) AS linked`,
  );
  log(
    `${mode}: ${counts!.referrals} referrals, ${counts!.episodes} episodes (${counts!.linked} linked) ready in ${setupSec} s`,
  );
  const repo = contexts.aggregate(
    new ScopedRepo(db, { ...analyst, roles: ['county_analyst'] }, { requestId: 'bench', clientIp: null }),
  );
  const previous: BoardReportQueryT = { period: 'previous' };
  const twoYears: BoardReportQueryT = { from: '2024-11-21', to: '2026-11-20' };
  const sample = await boardReport(repo, previous, NOW);
  log(
    `${mode}: ${sample.period.label}: ${sample.cbos.length} CBOs, ${String(sample.summary.referrals)} referrals, ${String(sample.summary.recoveredYouthDistinct)} youth recovered`,
  );
  // The alternative the brief weighed: fetch compact per-referral facts and apply the pure
  // referralRecovered() in JavaScript. Timed for the comparison, and a check at scale that the
  // SQL rule and the pure function count the same youth.
  const viaFacts = async () =>
    repo.aggregate('bench.facts', async ({ tx }) => {
      const rows = await selectRows<{
        organization_id: string;
        youth_id: string;
        referred_at: Date | string;
        first_contact_at: Date | string | null;
        starts: string | null;
      }>(
        tx,
        sql`SELECT r.organization_id, r.youth_id, r.referred_at, r.first_contact_at, l.starts
              FROM advocacy_referrals r
              LEFT JOIN LATERAL (SELECT string_agg((extract(epoch FROM se.started_at) * 1000)::bigint::text, ',') AS starts FROM advocacy_milestones m JOIN service_episodes se ON se.id = m.service_episode_id
                                  WHERE m.referral_id = r.id AND m.kind = 'linked_to_service') l ON true
             WHERE r.county_id = ${analyst.countyId}
               AND r.referred_at >= (${sample.series[0]!.period.from}::date)::timestamp AT TIME ZONE 'America/Los_Angeles'
               AND r.referred_at < (${sample.period.to}::date + 1)::timestamp AT TIME ZONE 'America/Los_Angeles'`,
      );
      const facts = rows.map((r) => ({
        org: r.organization_id,
        youthId: r.youth_id,
        referredAt: asDate(r.referred_at),
        firstContactAt: asDate(r.first_contact_at),
        linkedServiceStarts: r.starts === null ? [] : r.starts.split(',').map((ms) => new Date(Number(ms))),
      }));
      const lo = DateTime.fromISO(sample.period.from, { zone: COUNTY_TIME_ZONE }).toMillis();
      const hi = DateTime.fromISO(sample.period.to, { zone: COUNTY_TIME_ZONE }).plus({ days: 1 }).toMillis();
      const inPeriod = facts.filter((f) => f.referredAt.getTime() >= lo && f.referredAt.getTime() < hi);
      return sample.cbos.map((c) =>
        countRecoveredYouth(
          inPeriod.filter((f) => f.org === c.organizationId),
          sample.definitions.recoveredWindowDays,
        ),
      );
    });
  const pure = await viaFacts();
  const agree = sample.cbos.every((c, i) => c.recoveredYouth === pure[i]);
  log(
    `${mode}: SQL and referralRecovered() ${agree ? 'agree' : 'DISAGREE'} on youth recovered per CBO (${pure.reduce((a, b) => a + b, 0)} in all)`,
  );
  if (!agree) process.exitCode = 1;
  const timings = [
    await timeIt('Page data, one period (Jul–Oct 2026) + six-period series', () => boardReport(repo, previous, NOW)),
    await timeIt('Page data, public version (same period)', () =>
      boardReport(repo, { ...previous, version: 'public' }, NOW),
    ),
    await timeIt('Page data, two-year range + series', () => boardReport(repo, twoYears, NOW)),
    await timeIt('XLSX, one period (report + workbook)', async () =>
      boardReportXlsx(await boardReport(repo, previous, NOW)),
    ),
    await timeIt('PDF, one period (report + PDF)', async () => boardReportPdf(await boardReport(repo, previous, NOW))),
    await timeIt(
      'For comparison: fetch per-referral facts of the six periods and apply referralRecovered() in JS (recovered only)',
      viaFacts,
    ),
  ];
  for (const t of timings) log(`${mode}: ${t.name}: median ${t.medianMs} ms (${t.runsMs.join(', ')})`);
  return {
    mode,
    setupSec,
    counts: { ...counts!, cbos: sample.cbos.length, periodReferrals: Number(sample.summary.referrals) },
    timings,
  };
}

export async function benchBoardReport(): Promise<BoardBenchMode[]> {
  return onBothDatabases(
    BENCH_DB,
    (mode, database) => benchOn(mode, database),
    (reason) => ({ mode: 'postgres', skipped: reason }),
  );
}

export function boardReportMarkdown(results: BoardBenchMode[], date: string): string {
  const out = [
    `## Board advocacy report: ${CBOS} CBOs, ${REFERRALS.toLocaleString('en-US')} referrals, ${EPISODES.toLocaleString('en-US')} service episodes over five years (${date})`,
    '',
    `Median of ${RUNS} runs after one warm-up, in milliseconds (the runs in brackets).`,
    '',
    '| Database | What | Median ms | Runs |',
    '|---|---|--:|---|',
  ];
  for (const m of results) {
    const db = m.mode === 'pglite' ? 'PGlite' : 'PostgreSQL server';
    if (m.skipped) {
      out.push(`| ${db} | skipped: ${m.skipped} | | |`);
      continue;
    }
    for (const t of m.timings!) out.push(`| ${db} | ${t.name} | ${t.medianMs} | ${t.runsMs.join(', ')} |`);
  }
  return out.join('\n');
}

// Run alone: npx tsx bench/board-report.ts
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const results = await benchBoardReport();
  console.log(boardReportMarkdown(results, new Date().toISOString().slice(0, 10)));
  for (const m of results) if (m.counts) log(`${m.mode}: ${JSON.stringify(m.counts)}, setup ${m.setupSec} s`);
}
