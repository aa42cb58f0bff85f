// Harbor benchmarks (`npm run bench`; see docs/BENCHMARKS.md).
//   1. Open a youth record under load (GET /api/youth/:id, 32 connections), PGlite and PostgreSQL.
//   2. The same load on a bare server doing only the youth SELECT, on the same database: the ratio
//      shows what the session, checkpoint and audit cost.
//   3. Cold start (fresh PGlite folder: migrations + demo seed) and warm start.
//   4. The missed-obligation job on 100,000 obligations (bench/obligations.ts; docs section 3).
// Prints a Markdown table and writes bench/results/latest.json. Every request goes to 127.0.0.1.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { runLoad, type LoadResult } from './lib/load.js';
import { benchObligations, obligationsMarkdown, obligationsProblems } from './obligations.js';
import { createBenchDb, dropBenchDb, pgAvailable, pgSettings } from './lib/pg-admin.js';
import { freePort, killAllNow, startChild, stopAll, stopChild, waitForHealth, type Child } from './lib/proc.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SERVER_ENTRY = path.join(ROOT, 'dist', 'server', 'main.js');
const RESULTS_FILE = path.join(ROOT, 'bench', 'results', 'latest.json');

const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const WARMUP = 2;
/** Also one connection for a few seconds: the latency of one request when nothing queues. */
const SERIAL_DURATION = 5;
const CONNECTIONS = 32;
const POOL = Number(process.env.HARBOR_DB_POOL ?? 20);
const LOGIN = { email: 'socialworker@la.demo', password: 'harbor-demo' };
const TARGETS = { p95Ms: 25, minThroughputRatio: 0.5 } as const;
/** The whole run stops itself after this, whatever happens. */
const WATCHDOG_MS = 10 * 60_000;

type ModeName = 'pglite' | 'postgres';

interface ModeResult {
  mode: ModeName;
  skipped?: string;
  youthIds?: number;
  harborStartSec?: number;
  real?: LoadResult;
  bare?: LoadResult;
  realSerial?: LoadResult;
  bareSerial?: LoadResult;
  ratio?: { throughput: number; p95: number };
  targets?: {
    p95: { value: number; limit: number; pass: boolean };
    throughput: { value: number; min: number; pass: boolean };
  };
}

const log = (msg: string) => console.error(`[bench] ${msg}`);
const tmpDirs: string[] = [];
let pgDbCreated = false;

function tempDir(label: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `harbor-bench-${label}-`));
  tmpDirs.push(dir);
  return dir;
}

interface DbTarget {
  /** Environment for both servers: DATABASE_URL for the server mode, HARBOR_DATA_DIR for PGlite. */
  env: Record<string, string | undefined>;
}

async function startHarbor(
  label: string,
  target: DbTarget,
): Promise<{ child: Child; baseUrl: string; startSec: number }> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const t0 = performance.now();
  const child = startChild(
    label,
    process.execPath,
    [SERVER_ENTRY],
    {
      PORT: String(port),
      HOST: '127.0.0.1',
      HARBOR_LOG_LEVEL: 'warn',
      NODE_ENV: 'test',
      HARBOR_DB_POOL: String(POOL),
      DATABASE_URL: undefined,
      HARBOR_DATA_DIR: undefined,
      ...target.env,
    },
    ROOT,
  );
  const startSec = await waitForHealth(child, baseUrl, t0);
  return { child, baseUrl, startSec };
}

async function startBare(label: string, target: DbTarget): Promise<{ child: Child; baseUrl: string }> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = startChild(
    label,
    process.execPath,
    ['--import', 'tsx', path.join('bench', 'bare-server.ts')],
    {
      PORT: String(port),
      HARBOR_DB_POOL: String(POOL),
      DATABASE_URL: undefined,
      HARBOR_DATA_DIR: undefined,
      ...target.env,
    },
    ROOT,
  );
  await waitForHealth(child, baseUrl, performance.now());
  return { child, baseUrl };
}

async function loginAndListIds(baseUrl: string): Promise<{ cookie: string; ids: string[] }> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(LOGIN),
  });
  if (res.status !== 200) throw new Error(`login as ${LOGIN.email} failed: ${res.status} ${await res.text()}`);
  await res.arrayBuffer();
  const session = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith('harbor_session='));
  if (!session) throw new Error('login did not set the harbor_session cookie');
  const list = await fetch(`${baseUrl}/api/youth?q=&limit=100`, { headers: { cookie: session } });
  if (list.status !== 200) throw new Error(`listing youth failed: ${list.status} ${await list.text()}`);
  const body = (await list.json()) as { results: { id: string }[] };
  const ids = body.results.map((r) => r.id);
  if (ids.length === 0) throw new Error(`${LOGIN.email} has no youth to open`);
  return { cookie: session, ids };
}

/** Every id must open with 200 before the load starts, on both servers. */
async function checkIds(baseUrl: string, ids: string[], headers: Record<string, string>) {
  for (const id of ids) {
    const res = await fetch(`${baseUrl}/api/youth/${id}`, { headers });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`GET ${baseUrl}/api/youth/${id} answered ${res.status}`);
  }
}

async function measure(
  label: string,
  baseUrl: string,
  paths: string[],
  headers: Record<string, string>,
): Promise<{ load: LoadResult; serial: LoadResult }> {
  const show = (what: string, r: LoadResult) =>
    log(
      `${label} ${what}: ${r.rps} req/s, p50 ${r.p50} ms, p95 ${r.p95} ms, p99 ${r.p99} ms, non-2xx ${r.non2xx}, errors ${r.errors}`,
    );
  log(`${label}: warm-up ${WARMUP} s`);
  await runLoad({ baseUrl, paths, headers, connections: CONNECTIONS, durationSec: WARMUP });
  log(`${label}: measuring ${DURATION} s with ${CONNECTIONS} connections`);
  const load = await runLoad({ baseUrl, paths, headers, connections: CONNECTIONS, durationSec: DURATION });
  show(`${CONNECTIONS} conn`, load);
  const serial = await runLoad({ baseUrl, paths, headers, connections: 1, durationSec: SERIAL_DURATION });
  show('1 conn', serial);
  return { load, serial };
}

async function benchMode(mode: ModeName, target: DbTarget): Promise<ModeResult> {
  const real = await startHarbor(`harbor (${mode})`, target);
  log(`${mode}: Harbor up in ${real.startSec.toFixed(2)} s`);
  let realResult: { load: LoadResult; serial: LoadResult };
  let ids: string[];
  try {
    const session = await loginAndListIds(real.baseUrl);
    ids = session.ids;
    const headers = { cookie: session.cookie };
    await checkIds(real.baseUrl, ids, headers);
    realResult = await measure(
      `${mode} real`,
      real.baseUrl,
      ids.map((id) => `/api/youth/${id}`),
      headers,
    );
  } finally {
    await stopChild(real.child);
  }
  // Sequential, not side by side: the bare server gets the same machine the real one had.
  const bare = await startBare(`bare (${mode})`, target);
  let bareResult: { load: LoadResult; serial: LoadResult };
  try {
    await checkIds(bare.baseUrl, ids, {});
    bareResult = await measure(
      `${mode} bare`,
      bare.baseUrl,
      ids.map((id) => `/api/youth/${id}`),
      {},
    );
  } finally {
    await stopChild(bare.child);
  }
  const r2 = (n: number) => Math.round(n * 100) / 100;
  const [rl, bl] = [realResult.load, bareResult.load];
  const ratio = { throughput: r2(rl.rps / bl.rps), p95: r2(rl.p95 / bl.p95) };
  const result: ModeResult = {
    mode,
    youthIds: ids.length,
    harborStartSec: r2(real.startSec),
    real: rl,
    bare: bl,
    realSerial: realResult.serial,
    bareSerial: bareResult.serial,
    ratio,
  };
  if (mode === 'postgres') {
    result.targets = {
      p95: { value: rl.p95, limit: TARGETS.p95Ms, pass: rl.p95 < TARGETS.p95Ms },
      throughput: {
        value: ratio.throughput,
        min: TARGETS.minThroughputRatio,
        pass: ratio.throughput >= TARGETS.minThroughputRatio,
      },
    };
  }
  return result;
}

async function coldAndWarmStart(): Promise<{ coldSec: number; warmSec: number }> {
  const dir = tempDir('start');
  const target: DbTarget = { env: { HARBOR_DATA_DIR: dir } };
  const cold = await startHarbor('harbor (cold start)', target);
  await stopChild(cold.child);
  log(`cold start (fresh PGlite folder, migrate + seed): ${cold.startSec.toFixed(2)} s`);
  const warm = await startHarbor('harbor (warm start)', target);
  await stopChild(warm.child);
  log(`warm start (seeded PGlite folder): ${warm.startSec.toFixed(2)} s`);
  const r2 = (n: number) => Math.round(n * 100) / 100;
  return { coldSec: r2(cold.startSec), warmSec: r2(warm.startSec) };
}

function fmt(n: number | undefined, digits = 1): string {
  return n === undefined || Number.isNaN(n) ? '–' : n.toFixed(digits);
}

function markdown(
  modes: ModeResult[],
  start: { coldSec: number; warmSec: number } | null,
  meta: Record<string, unknown>,
): string {
  const out: string[] = [];
  out.push(`## Open a youth record under load (${meta.date})`, '');
  out.push(
    `GET /api/youth/:id, ${CONNECTIONS} connections, ${DURATION} s after a ${WARMUP} s warm-up, pool ${POOL}, ` +
      `${meta.cpus} CPUs, load average at start ${(meta.loadAvgAtStart as number[]).join(' ')}.`,
    '',
  );
  out.push('| Database | Server | req/s | p50 ms | p95 ms | p99 ms | non-2xx | errors |');
  out.push('|---|---|--:|--:|--:|--:|--:|--:|');
  for (const m of modes) {
    const db = m.mode === 'pglite' ? 'PGlite' : 'PostgreSQL server';
    if (m.skipped) {
      out.push(`| ${db} | skipped: ${m.skipped} | | | | | | |`);
      continue;
    }
    const rows = [
      [`Harbor, ${CONNECTIONS} conn`, m.real!],
      [`bare SELECT, ${CONNECTIONS} conn`, m.bare!],
      ['Harbor, 1 conn', m.realSerial!],
      ['bare SELECT, 1 conn', m.bareSerial!],
    ] as const;
    for (const [name, r] of rows) {
      out.push(
        `| ${db} | ${name} | ${fmt(r.rps)} | ${fmt(r.p50, 2)} | ${fmt(r.p95, 2)} | ${fmt(r.p99, 2)} | ${r.non2xx} | ${r.errors + r.timeouts} |`,
      );
    }
  }
  out.push('', `| Database (${CONNECTIONS} conn) | Harbor/bare req/s | Harbor/bare p95 |`, '|---|--:|--:|');
  for (const m of modes) {
    if (m.ratio)
      out.push(
        `| ${m.mode === 'pglite' ? 'PGlite' : 'PostgreSQL server'} | ${fmt(m.ratio.throughput, 2)} | ${fmt(m.ratio.p95, 2)} |`,
      );
  }
  const pgMode = modes.find((m) => m.mode === 'postgres');
  out.push('', '| Target (PostgreSQL server) | Measured | Result |', '|---|--:|---|');
  if (pgMode?.targets) {
    const t = pgMode.targets;
    out.push(`| p95 < ${t.p95.limit} ms | ${fmt(t.p95.value, 2)} ms | ${t.p95.pass ? 'PASS' : 'FAIL'} |`);
    out.push(
      `| Harbor ≥ ${t.throughput.min * 100}% of bare req/s | ${fmt(t.throughput.value * 100, 0)}% | ${t.throughput.pass ? 'PASS' : 'FAIL'} |`,
    );
  } else {
    out.push(`| (not measured: ${pgMode?.skipped ?? 'PostgreSQL mode did not run'}) | | |`);
  }
  out.push('', '## Cold start (PGlite)', '', '| Start | Seconds to /api/health 200 |', '|---|--:|');
  if (start) {
    out.push(`| Cold: fresh data folder (migrations + demo seed) | ${fmt(start.coldSec, 2)} |`);
    out.push(`| Warm: already-seeded data folder | ${fmt(start.warmSec, 2)} |`);
  } else {
    out.push('| (not measured) | |');
  }
  return out.join('\n');
}

async function main() {
  if (!existsSync(SERVER_ENTRY)) {
    throw new Error(
      `${path.relative(ROOT, SERVER_ENTRY)} is missing: build first (npm run bench does, or node scripts/build.js).`,
    );
  }
  const meta = {
    date: new Date().toISOString(),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    loadAvgAtStart: os.loadavg().map((n) => Math.round(n * 100) / 100),
    settings: { connections: CONNECTIONS, durationSec: DURATION, warmupSec: WARMUP, pool: POOL },
  };
  log(`${meta.cpus} × ${meta.cpuModel}, load average ${meta.loadAvgAtStart.join(' ')}`);

  const start = await coldAndWarmStart();

  const modes: ModeResult[] = [];
  const pgliteDir = tempDir('pglite');
  modes.push(await benchMode('pglite', { env: { HARBOR_DATA_DIR: pgliteDir } }));

  const pg = await pgAvailable();
  let postgres: Record<string, unknown> | undefined;
  if (!pg.ok) {
    log(`PostgreSQL server mode SKIPPED: the server does not answer (${pg.reason}).`);
    modes.push({ mode: 'postgres', skipped: `server did not answer (${pg.reason})` });
  } else {
    postgres = { version: pg.version, ...(await pgSettings()) };
    const url = await createBenchDb();
    pgDbCreated = true;
    try {
      modes.push(await benchMode('postgres', { env: { DATABASE_URL: url } }));
    } finally {
      await dropBenchDb();
      pgDbCreated = false;
    }
  }

  log('missed-obligation job on 100,000 obligations');
  const obligations = await benchObligations();

  const table = markdown(modes, start, meta) + '\n\n' + obligationsMarkdown(obligations, meta.date);
  console.log(table);
  mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
  writeFileSync(
    RESULTS_FILE,
    JSON.stringify(
      {
        ...meta,
        postgres,
        loadAvgAtEnd: os.loadavg().map((n) => Math.round(n * 100) / 100),
        youthRecord: modes,
        startup: start,
        obligationsJob: obligations,
      },
      null,
      2,
    ) + '\n',
  );
  log(`wrote ${path.relative(ROOT, RESULTS_FILE)}`);
  const pgTargets = modes.find((m) => m.mode === 'postgres')?.targets;
  if (pgTargets && (!pgTargets.p95.pass || !pgTargets.throughput.pass)) log('a target was missed (see the table)');
  const obligationProblems = obligationsProblems(obligations);
  if (obligationProblems.length)
    throw new Error(`the missed-obligation job figures are not valid: ${obligationProblems.join('; ')}`);
  const bad = (r?: LoadResult) => r !== undefined && r.non2xx + r.errors + r.timeouts > 0;
  if (modes.some((m) => [m.real, m.bare, m.realSerial, m.bareSerial].some(bad))) {
    throw new Error('some requests failed or were not 2xx: the figures are not valid');
  }
}

async function cleanup() {
  await stopAll();
  if (pgDbCreated) await dropBenchDb().catch(() => undefined);
  for (const dir of tmpDirs) rmSync(dir, { recursive: true, force: true });
}

process.on('exit', killAllNow);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    log(`${signal}: stopping`);
    void cleanup().finally(() => process.exit(130));
  });
}
setTimeout(() => {
  log(`watchdog: still running after ${WATCHDOG_MS / 60_000} min, stopping`);
  void cleanup().finally(() => process.exit(1));
}, WATCHDOG_MS).unref();

let failed = false;
try {
  await main();
} catch (err) {
  failed = true;
  console.error(`[bench] FAILED: ${err instanceof Error ? err.message : String(err)}`);
} finally {
  await cleanup();
}
process.exit(failed ? 1 : 0);
