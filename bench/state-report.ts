// Benchmark (issue 13): the state CSEC Program report for one fiscal year on a statewide set
// (1,000,000 clients, 500,000 referrals, 3,000,000 CSEC Type rows across the 58 counties), on the
// PostgreSQL server against DuckDB on exactly the same rows, side by side in one run.
//
//   npm run bench:state                         the whole set (about 10 minutes, most of it loading)
//   HARBOR_BENCH_SCALE=0.01 npm run bench:state  a hundredth of it, for a quick run
//
// Other knobs: BENCH_RUNS (measured runs per engine and statement, default 7), BENCH_FY (default
// 2019-20), BENCH_KEEP_DB=1 keeps the database harbor_bench_state for EXPLAIN afterwards.
//
// The set is fictional, generated from a fixed seed and written once as CSV; PostgreSQL (COPY as
// the owner, triggers and foreign keys left on) and DuckDB (in memory) read the same files. On
// PostgreSQL the report runs as it does for a state analyst: stateFigures() in a transaction as
// harbor_aggregate with harbor.all_counties on, so row-level security applies. DuckDB runs the
// same rule as the same SQL. The run fails if the two engines' figures differ, or if either
// differs from the pure rule (stateCount() in src/domain/state-count.ts). Target: PostgreSQL at
// most twice DuckDB's time. docs/BENCHMARKS.md, section 6.
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync, type WriteStream } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pipeline } from 'node:stream/promises';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { openDatabase, selectRows, type Database } from '../src/db/client.js';
import { prepareDatabase } from '../src/db/prepare.js';
import type { CsecTypeCode } from '../src/domain/csec-type.js';
import { fiscalYearPeriod, stateCount, type StateCountedType } from '../src/domain/state-count.js';
import { PgDialect } from 'drizzle-orm/pg-core';
import { sql, type SQL } from 'drizzle-orm';
import {
  assembleStateFigures,
  stateFigureStatements,
  stateFigures,
  type CountyFigures,
  type CountyScope,
  type StateFigureRows,
} from '../src/features/state-report/figures.js';
import { createBenchDb, dropBenchDb, pgAvailable, pgSettings } from './lib/pg-admin.js';

const SCALE = Number(process.env.HARBOR_BENCH_SCALE ?? 1);
const RUNS = Math.max(5, Number(process.env.BENCH_RUNS ?? 7));
const WARMUP = 2;
const FY = process.env.BENCH_FY ?? '2019-20';
const KEEP_DB = process.env.BENCH_KEEP_DB === '1';
const BENCH_DB = 'harbor_bench_state';
const TARGET = 2;

const CLIENTS = Math.round(1_000_000 * SCALE);
const REFERRALS = Math.round(500_000 * SCALE);
const TYPES = Math.round(3_000_000 * SCALE);

const log = (m: string) => console.error(`[bench:state] ${m}`);

/** A small deterministic PRNG (mulberry32): the same set every run. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A 32-bit bijection (the murmur3 finalizer): distinct inputs give distinct words. */
function mix32(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}
const hex8 = (n: number) => n.toString(16).padStart(8, '0');
/**
 * The i-th id of a table (tag 1..9): random-looking, the same every run, distinct within a
 * table (the first word is a bijection of i), shaped like a version-4 UUID.
 */
function uid(tag: number, i: number): string {
  const a = mix32((i ^ Math.imul(tag, 0x9e3779b9)) >>> 0);
  const b = mix32((a + tag) >>> 0);
  const c = mix32((b ^ i) >>> 0);
  const d = mix32((c + 0x27d4eb2f) >>> 0);
  const B = hex8(b);
  const C = hex8(c);
  return `${hex8(a)}-${B.slice(0, 4)}-4${B.slice(5, 8)}-${(((c >>> 28) & 0x3) | 0x8).toString(16)}${C.slice(1, 4)}-${C.slice(4)}${hex8(d)}`;
}

// California's 58 counties in FIPS order (as migration 0014 lists them), weighted by population
// (2020 census, thousands): Los Angeles biggest, Alpine smallest.
const COUNTY_WEIGHTS = [
  1682, 1, 41, 211, 46, 22, 1166, 28, 192, 1008, 29, 136, 180, 19, 909, 153, 68, 33, 10014, 157, 262, 17, 91, 281, 9,
  13, 439, 138, 102, 3186, 404, 20, 2418, 1585, 64, 2181, 3298, 874, 779, 283, 764, 448, 1936, 270, 182, 3, 44, 453,
  488, 552, 99, 65, 16, 473, 55, 843, 217, 81,
];

// The mix of Types: At Risk most common, then the victim Types (codes of src/domain/csec-type.ts).
const TYPE_MIX: [CsecTypeCode, number][] = [
  ['at_risk', 0.55],
  ['victim_before_care', 0.12],
  ['victim_open_case_not_in_care', 0.11],
  ['victim_during_care', 0.1],
  ['victim_absent_from_placement', 0.08],
  ['victim_closed_case_ilp', 0.04],
];
const SUBCATEGORIES = [
  'Commercial sexual exploitation',
  'Sex trafficking',
  'Survival sex',
  'Exploitation by a family member',
];

// Days from 2010-01-01, written once as YYYY-MM-DD.
const DAY0 = Date.UTC(2010, 0, 1);
const dayOf = (iso: string) => Math.round((Date.parse(`${iso}T00:00:00Z`) - DAY0) / 86_400_000);
const LAST_START = dayOf('2026-06-30');
const LAST_DAY = dayOf('2026-12-31');
const DATES: string[] = [];
for (let d = 0; d <= dayOf('2031-12-31'); d++) DATES.push(new Date(DAY0 + d * 86_400_000).toISOString().slice(0, 10));
const pad2 = (n: number) => String(n).padStart(2, '0');
const iso = (d: number) => DATES[Math.min(d, DATES.length - 1)]!;

/** Buffered CSV output, written in blocks of 64 KB. */
class Out {
  private buf = '';
  private readonly stream: WriteStream;
  rows = 0;
  constructor(
    readonly file: string,
    header: string,
  ) {
    this.stream = createWriteStream(file);
    this.buf = header;
  }
  async line(s: string) {
    this.buf += s;
    this.rows++;
    if (this.buf.length > 1 << 16) {
      const ok = this.stream.write(this.buf);
      this.buf = '';
      if (!ok) await new Promise<void>((r) => this.stream.once('drain', () => r()));
    }
  }
  end(): Promise<void> {
    this.stream.write(this.buf);
    return new Promise((r, j) => this.stream.end((e?: Error | null) => (e ? j(e) : r())));
  }
}

const FILES = {
  youth: { file: 'youth.csv', columns: ['id', 'county_id', 'date_of_birth'] },
  referrals: {
    file: 'referrals.csv',
    columns: ['id', 'youth_id', 'county_id', 'received_at', 'disposition', 'disposition_at'],
  },
  cases: { file: 'cases.csv', columns: ['id', 'youth_id', 'county_id', 'kind', 'opened_on', 'closed_on'] },
  csec_type_records: {
    file: 'csec_types.csv',
    columns: [
      'id',
      'youth_id',
      'county_id',
      'type',
      'start_date',
      'end_date',
      'allegation_subcategory',
      'source',
      'referral_id',
      'case_id',
    ],
  },
  data_quality_issues: {
    file: 'data_quality.csv',
    columns: ['id', 'county_id', 'youth_id', 'kind', 'record_kind', 'record_id', 'other_youth_id', 'status'],
  },
} as const;
type Table = keyof typeof FILES;
const TABLES = Object.keys(FILES) as Table[];

/** Counts per youth drawn from a distribution, then nudged so that they add up to exactly `total`. */
function counts(rnd: () => number, n: number, total: number, dist: number[], min: number, max: number): Uint8Array {
  const out = new Uint8Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    let u = rnd();
    let k = 0;
    while (k < dist.length - 1 && u >= dist[k]!) u -= dist[k++]!;
    out[i] = min + k;
    sum += min + k;
  }
  while (sum !== total) {
    const i = Math.floor(rnd() * n);
    if (sum < total && out[i]! < max) {
      out[i]!++;
      sum++;
    } else if (sum > total && out[i]! > min) {
      out[i]!--;
      sum--;
    }
  }
  return out;
}

interface Generated {
  rows: Record<Table, number>;
  mb: number;
}

async function generate(dir: string, countyIds: string[]): Promise<Generated> {
  const rnd = prng(20261213);
  const cumulative: number[] = [];
  let acc = 0;
  for (const w of COUNTY_WEIGHTS) cumulative.push((acc += w));
  const county = () => {
    const u = rnd() * acc;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > u) hi = mid;
      else lo = mid + 1;
    }
    return countyIds[lo]!;
  };
  const pickType = (): CsecTypeCode => {
    let u = rnd();
    for (const [t, p] of TYPE_MIX) if ((u -= p) < 0) return t;
    return 'at_risk';
  };
  // Types per youth: 1 to 7 (mean 3), referrals 0 to 3 (mean 0.5), exact totals.
  const typesPer = counts(rnd, CLIENTS, TYPES, [0.25, 0.22, 0.18, 0.13, 0.1, 0.07, 0.05], 1, 9);
  const referralsPer = counts(rnd, CLIENTS, REFERRALS, [0.61, 0.3, 0.07, 0.02], 0, 6);

  const out = Object.fromEntries(
    TABLES.map((t) => [t, new Out(path.join(dir, FILES[t].file), FILES[t].columns.join(',') + '\n')]),
  ) as Record<Table, Out>;
  let referralSeq = 0;
  let caseSeq = 0;
  let typeSeq = 0;
  let issueSeq = 0;
  const status = () => {
    const u = rnd();
    return u < 0.8 ? 'open' : u < 0.95 ? 'reviewed' : 'fixed';
  };
  const issue = (countyId: string, youthId: string, kind: string, recordKind: string, recordId: string, other = '') =>
    out.data_quality_issues.line(
      `${uid(5, issueSeq++)},${countyId},${youthId},${kind},${recordKind},${recordId},${other},${status()}\n`,
    );

  for (let i = 0; i < CLIENTS; i++) {
    const youthId = uid(1, i);
    const countyId = county();
    const noDob = rnd() < 0.03;
    const dob = noDob
      ? ''
      : `${1994 + Math.floor(rnd() * 20)}-${pad2(1 + Math.floor(rnd() * 12))}-${pad2(1 + Math.floor(rnd() * 28))}`;
    await out.youth.line(`${youthId},${countyId},${dob}\n`);
    if (noDob) await issue(countyId, youthId, 'missing_date_of_birth', 'client', youthId);
    if (i > 0 && rnd() < 0.005)
      await issue(countyId, youthId, 'likely_duplicate', 'client', youthId, uid(1, Math.floor(rnd() * i)));

    // The youth's years with the system: Types start within three years of d0.
    const d0 = Math.floor(rnd() * LAST_START);
    const within = (from: number, span: number) => Math.min(LAST_DAY, from + Math.floor(rnd() * span));

    // Hotline referrals: received, then a disposition 1–60 days later (3% still open).
    const windows: { id: string; from: number; to: number }[] = [];
    for (let r = 0; r < referralsPer[i]!; r++) {
      const id = uid(2, referralSeq++);
      const received = within(d0, 3 * 365);
      const open = rnd() < 0.03;
      const disposed = Math.min(LAST_DAY, received + 1 + Math.floor(rnd() * 60));
      await out.referrals.line(
        `${id},${youthId},${countyId},${iso(received)} 09:30:00+00,${open ? '' : rnd() < 0.6 ? 'substantiated' : 'inconclusive'},${open ? '' : `${iso(disposed)} 16:00:00+00`}\n`,
      );
      if (!open) windows.push({ id, from: received, to: disposed });
    }
    // Cases: 88% of youth have one (12% of those a second), 30% still open.
    const cases: { id: string; from: number; to: number }[] = [];
    const caseCount = rnd() < 0.88 ? (rnd() < 0.12 ? 2 : 1) : 0;
    for (let c = 0; c < caseCount; c++) {
      const id = uid(3, caseSeq++);
      const opened = within(d0, 365);
      const stillOpen = rnd() < 0.3;
      const closed = Math.min(LAST_DAY, opened + 90 + Math.floor(rnd() * 1400));
      await out.cases.line(
        `${id},${youthId},${countyId},${rnd() < 0.85 ? 'child_welfare' : 'probation'},${iso(opened)},${stillOpen ? '' : iso(closed)}\n`,
      );
      cases.push({ id, from: opened, to: stillOpen ? Math.min(LAST_DAY, opened + 3 * 365) : closed });
    }
    // Types: some in a referral's window (referral_id), others during a case (case_id) or neither.
    const seen = new Set<string>();
    for (let k = 0; k < typesPer[i]!; k++) {
      const type = pickType();
      let start: number;
      let referralId = '';
      let caseId = '';
      const u = rnd();
      if (windows.length && u < 0.35) {
        const w = windows[Math.floor(rnd() * windows.length)]!;
        referralId = w.id;
        start = w.from + Math.floor(rnd() * (w.to - w.from + 1));
      } else if (cases.length && u < 0.95) {
        const c = cases[Math.floor(rnd() * cases.length)]!;
        caseId = c.id;
        start = c.from + Math.floor(rnd() * (c.to - c.from + 1));
      } else start = within(d0, 3 * 365);
      // A youth holds a Type from a given day once (the natural key).
      while (seen.has(`${type}${start}`)) start++;
      seen.add(`${type}${start}`);
      const end =
        type === 'victim_absent_from_placement'
          ? iso(start + 1 + Math.floor(rnd() * 120))
          : rnd() < 0.35
            ? iso(start + 30 + Math.floor(rnd() * 870))
            : '';
      const sub = rnd() < 0.07 ? '' : SUBCATEGORIES[Math.floor(rnd() * SUBCATEGORIES.length)]!;
      const id = uid(4, typeSeq++);
      await out.csec_type_records.line(
        `${id},${youthId},${countyId},${type},${iso(start)},${end},${sub},state_extract,${referralId},${caseId}\n`,
      );
      if (!sub) await issue(countyId, youthId, 'missing_subcategory', 'csec_type', id);
      if (!referralId && !caseId) await issue(countyId, youthId, 'type_without_case_or_referral', 'csec_type', id);
    }
  }
  await Promise.all(TABLES.map((t) => out[t].end()));
  const rows = Object.fromEntries(TABLES.map((t) => [t, out[t].rows])) as Record<Table, number>;
  const mb = TABLES.reduce((s, t) => s + statSync(out[t].file).size, 0) / 1e6;
  return { rows, mb };
}

// ---------------------------------------------------------------------------------------------
// Loading

async function loadPostgres(url: string, dir: string): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const seconds: Record<string, number> = {};
  try {
    for (const t of TABLES) {
      const t0 = performance.now();
      await pipeline(
        createReadStream(path.join(dir, FILES[t].file)),
        client.query(copyFrom(`COPY ${t} (${FILES[t].columns.join(', ')}) FROM STDIN (FORMAT csv, HEADER true)`)),
      );
      seconds[t] = (performance.now() - t0) / 1000;
      log(`PostgreSQL: COPY ${t} ${seconds[t]!.toFixed(1)} s`);
    }
    // What autovacuum does after a bulk load (statistics, and the visibility map that lets the
    // report read its covering index without visiting the table), done now rather than later.
    const t0 = performance.now();
    await client.query('VACUUM (ANALYZE)');
    seconds.vacuum = (performance.now() - t0) / 1000;
    log(`PostgreSQL: VACUUM (ANALYZE) ${seconds.vacuum.toFixed(1)} s`);
  } finally {
    await client.end();
  }
  return seconds;
}

const DUCK_DDL = `
  CREATE TABLE counties (id UUID, name VARCHAR, fips VARCHAR);
  CREATE TABLE youth (id UUID, county_id UUID, date_of_birth DATE, has_date_of_birth BOOLEAN);
  CREATE TABLE referrals (id UUID, youth_id UUID, county_id UUID, received_at TIMESTAMPTZ, disposition VARCHAR,
    disposition_at TIMESTAMPTZ);
  CREATE TABLE cases (id UUID, youth_id UUID, county_id UUID, kind VARCHAR, opened_on DATE, closed_on DATE);
  CREATE TABLE csec_type_records (id UUID, youth_id UUID, county_id UUID, type VARCHAR, start_date DATE, end_date DATE,
    allegation_subcategory VARCHAR, source VARCHAR, referral_id UUID, case_id UUID);
  CREATE TABLE data_quality_issues (id UUID, county_id UUID, youth_id UUID, kind VARCHAR, record_kind VARCHAR,
    record_id UUID, other_youth_id UUID, status VARCHAR);
  CREATE MACRO csec_type_rank(t) AS CASE t WHEN 'at_risk' THEN 6 WHEN 'victim_before_care' THEN 5
    WHEN 'victim_open_case_not_in_care' THEN 2 WHEN 'victim_during_care' THEN 1
    WHEN 'victim_absent_from_placement' THEN 3 WHEN 'victim_closed_case_ilp' THEN 4 END;`;

const csvPath = (dir: string, t: Table) => `'${path.join(dir, FILES[t].file).replaceAll("'", "''")}'`;

async function loadDuck(
  duck: DuckDBConnection,
  dir: string,
  counties: { id: string; name: string; fips: string }[],
): Promise<Record<string, number>> {
  await duck.run(DUCK_DDL);
  await duck.run(
    `INSERT INTO counties VALUES ${counties.map((c) => `('${c.id}', '${c.name.replaceAll("'", "''")}', '${c.fips}')`).join(', ')}`,
  );
  const seconds: Record<string, number> = {};
  for (const t of TABLES) {
    const t0 = performance.now();
    const cols = FILES[t].columns.join(', ');
    if (t === 'youth')
      await duck.run(
        `INSERT INTO youth SELECT id, county_id, date_of_birth, date_of_birth IS NOT NULL FROM read_csv(${csvPath(dir, t)},
           header = true, columns = {'id': 'UUID', 'county_id': 'UUID', 'date_of_birth': 'DATE'})`,
      );
    else await duck.run(`COPY ${t} (${cols}) FROM ${csvPath(dir, t)} (FORMAT csv, HEADER true)`);
    seconds[t] = (performance.now() - t0) / 1000;
    log(`DuckDB: ${t} ${seconds[t]!.toFixed(1)} s`);
  }
  return seconds;
}

// ---------------------------------------------------------------------------------------------
// The report on DuckDB: the very statements of src/features/state-report/figures.ts (the same
// SQL text, its parameters written in as literals), and the same assembly of their rows.

const dialect = new PgDialect();
/** A statement with its parameters as literals: dates and ids only, quoted. */
function inline(statement: SQL): string {
  const { sql: text, params } = dialect.sqlToQuery(statement);
  return text.replace(/\$(\d+)/g, (_, n: string) => {
    const p = params[Number(n) - 1];
    if (typeof p !== 'string' || !/^[0-9a-f-]+$/i.test(p)) throw new Error(`unexpected parameter ${String(p)}`);
    return `'${p}'`;
  });
}

type Row = Record<string, unknown>;
async function duckRows<T = Row>(duck: DuckDBConnection, text: string): Promise<T[]> {
  const reader = await duck.runAndReadAll(text);
  return reader.getRowObjectsJson() as T[];
}

/** DuckDB's figures: stateFigures' four statements, assembled by the same function. */
async function duckFigures(
  duck: DuckDBConnection,
  scope: CountyScope,
  from: string,
  to: string,
): Promise<Map<string, CountyFigures>> {
  const q = stateFigureStatements(scope, from, to);
  return assembleStateFigures(scope, {
    typeTable: await duckRows<StateFigureRows['typeTable'][number]>(duck, inline(q.typeTable)),
    gaps: await duckRows<StateFigureRows['gaps'][number]>(duck, inline(q.gaps)),
    outsidePeriod: await duckRows<StateFigureRows['outsidePeriod'][number]>(duck, inline(q.outsidePeriod)),
    queue: await duckRows<StateFigureRows['queue'][number]>(duck, inline(q.queue)),
  });
}

const typeTableKey = (rows: Row[]) =>
  rows
    .map((r) => `${String(r.county_id)}|${r.case_rank ?? '-'}|${r.referral_rank ?? '-'}|${Number(r.youth)}`)
    .sort()
    .join('\n');
const figuresKey = (m: Map<string, CountyFigures>) =>
  JSON.stringify([...m.values()].sort((a, b) => (a.countyId < b.countyId ? -1 : 1)));

function firstDifference(a: string, b: string): string {
  const [x, y] = [a.split('\n'), b.split('\n')];
  for (let i = 0; i < Math.max(x.length, y.length); i++) if (x[i] !== y[i]) return `line ${i}: ${x[i]} ≠ ${y[i]}`;
  return 'none';
}

/** The pure rule (stateCount), per county, on the Types DuckDB reads for the period. */
async function pureRule(duck: DuckDBConnection, from: string, to: string) {
  const rows = await duckRows<{
    youth_id: string;
    county_id: string;
    type: CsecTypeCode;
    start_date: string;
    on_referral: boolean;
  }>(
    duck,
    `SELECT youth_id, county_id, type, strftime(start_date, '%Y-%m-%d') AS start_date, referral_id IS NOT NULL AS on_referral
       FROM csec_type_records WHERE start_date BETWEEN DATE '${from}' AND DATE '${to}'`,
  );
  const byCounty = new Map<string, Map<string, StateCountedType[]>>();
  for (const r of rows) {
    let c = byCounty.get(r.county_id);
    if (!c) byCounty.set(r.county_id, (c = new Map()));
    let y = c.get(r.youth_id);
    if (!y) c.set(r.youth_id, (y = []));
    y.push({ type: r.type, startDate: r.start_date, association: r.on_referral ? 'referral' : null });
  }
  const result = new Map<string, ReturnType<typeof stateCount>>();
  for (const [county, youth] of byCounty)
    result.set(
      county,
      stateCount(
        [...youth].map(([youthId, types]) => ({ youthId, types })),
        from,
        to,
      ),
    );
  return { result, types: rows.length };
}

// ---------------------------------------------------------------------------------------------
// Timing

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const r = await fn();
  return [performance.now() - t0, r];
}

async function main() {
  const up = await pgAvailable();
  if (!up.ok) {
    console.log(`PostgreSQL server did not answer (${up.reason}): nothing to compare; skipped.`);
    return;
  }
  const { from, to } = fiscalYearPeriod(FY);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'harbor-bench-state-'));
  let database: Database | undefined;
  const loadAvg = [os.loadavg()[0]!];
  try {
    log(`scale ${SCALE}: ${CLIENTS} clients, ${REFERRALS} referrals, ${TYPES} Types; fiscal year ${FY}`);
    let t0 = performance.now();
    const url = await createBenchDb(BENCH_DB);
    database = await openDatabase({ databaseUrl: url, poolSize: 2 });
    await prepareDatabase(database);
    const migrateSec = (performance.now() - t0) / 1000;
    const counties = await database.query<{ id: string; name: string; fips: string }>(
      `SELECT id::text, name, fips FROM counties WHERE fips IS NOT NULL ORDER BY fips`,
    );
    if (counties.length !== 58) throw new Error(`expected California's 58 counties, found ${counties.length}`);

    t0 = performance.now();
    const gen = await generate(
      dir,
      counties.map((c) => c.id),
    );
    const genSec = (performance.now() - t0) / 1000;
    log(`generated ${JSON.stringify(gen.rows)} (${gen.mb.toFixed(0)} MB of CSV) in ${genSec.toFixed(1)} s`);

    const pgLoad = await loadPostgres(url, dir);
    const duckInstance = await DuckDBInstance.create(':memory:');
    const duck = await duckInstance.connect();
    const duckLoad = await loadDuck(duck, dir, counties);
    const duckThreads = (await duckRows<{ t: string }>(duck, `SELECT current_setting('threads')::varchar AS t`))[0]!.t;

    const la = counties.find((c) => c.fips === '037')!.id;
    const settings = {
      role: 'harbor_aggregate',
      'harbor.county_id': la,
      'harbor.all_counties': 'on',
      'harbor.user_id': '',
    };
    const db = database;
    const ids = counties.map((c) => c.id);
    const statements = stateFigureStatements('all', from, to);
    // One statement alone, in the report's transaction and with the settings stateFigures makes.
    const pgStatement = (statement: SQL) =>
      db.transactionWith(settings, async (tx) => {
        await tx.execute(sql`SELECT set_config('jit', 'off', true), set_config('work_mem', '64MB', true)`);
        return selectRows<Row>(tx, statement);
      });
    const pgTypeTable = () => pgStatement(statements.typeTable);
    const pgReport = () => db.transactionWith(settings, (tx) => stateFigures(tx, 'all', from, to));
    const pgReportIds = () => db.transactionWith(settings, (tx) => stateFigures(tx, ids, from, to));
    const dkTypeTable = () => duckRows(duck, inline(statements.typeTable));
    const dkReport = () => duckFigures(duck, 'all', from, to);
    const dkReportIds = () => duckFigures(duck, ids, from, to);

    // Correctness first: the same Type table and the same figures, and both the pure rule's.
    const [pgTT, dkTT] = [typeTableKey(await pgTypeTable()), typeTableKey(await dkTypeTable())];
    if (pgTT !== dkTT)
      throw new Error(`Type tables differ between PostgreSQL and DuckDB: ${firstDifference(pgTT, dkTT)}`);
    const [pgF, dkF] = [await pgReport(), await dkReport()];
    if (figuresKey(pgF) !== figuresKey(dkF))
      throw new Error(`figures differ between PostgreSQL and DuckDB:\n${figuresKey(pgF)}\n${figuresKey(dkF)}`);
    const [pgI, dkI] = [await pgReportIds(), await dkReportIds()];
    if (figuresKey(pgI) !== figuresKey(dkI))
      throw new Error('figures for the 58 counties by id differ between PostgreSQL and DuckDB');
    for (const [county, f] of pgF)
      if (JSON.stringify(pgI.get(county)) !== JSON.stringify(f))
        throw new Error(`county ${county}: figures by id differ from those for every county`);
    const pure = await pureRule(duck, from, to);
    for (const [county, f] of pgF) {
      const p = pure.result.get(county);
      if (
        !p ||
        JSON.stringify(p.cases) !== JSON.stringify(f.cases) ||
        JSON.stringify(p.referralOnly) !== JSON.stringify(f.referralOnly)
      )
        throw new Error(`county ${county}: SQL and stateCount() differ`);
    }
    if (pure.result.size !== pgF.size) throw new Error('SQL and stateCount() count different counties');
    let counted = 0;
    let referralOnly = 0;
    for (const f of pgF.values()) {
      counted += f.cases.victims + f.cases.atRisk;
      referralOnly += f.referralOnly.victims + f.referralOnly.atRisk;
    }
    log(
      `checked: same Type table and figures on both engines and stateCount(); ${pure.types} Types start in ${FY}, ${counted} youth counted, ${referralOnly} referral-only, ${pgF.size} counties`,
    );

    // Warm up, then alternate: PostgreSQL, DuckDB, PostgreSQL, ... so that noise hits both.
    const cases: [string, () => Promise<unknown>, () => Promise<unknown>][] = [
      ['Type table (`typeTableQuery`) alone', pgTypeTable, dkTypeTable],
      ['Whole report (`stateFigures`, every county)', pgReport, dkReport],
      ['Whole report, the 58 counties by id (as `report.ts` asks)', pgReportIds, dkReportIds],
      [
        '— of which: data limitations (`gapsQuery`)',
        () => pgStatement(statements.gaps),
        () => duckRows(duck, inline(statements.gaps)),
      ],
      [
        '— of which: Types started before the period (`outsidePeriodQuery`)',
        () => pgStatement(statements.outsidePeriod),
        () => duckRows(duck, inline(statements.outsidePeriod)),
      ],
      [
        '— of which: open queue items (`queueQuery`)',
        () => pgStatement(statements.queue),
        () => duckRows(duck, inline(statements.queue)),
      ],
    ];
    const times = cases.map(() => ({ pg: [] as number[], duck: [] as number[] }));
    for (let w = 0; w < WARMUP; w++)
      for (const [, p, d] of cases) {
        await p();
        await d();
      }
    for (let r = 0; r < RUNS; r++)
      for (const [k, [, p, d]] of cases.entries()) {
        times[k]!.pg.push((await timed(p))[0]);
        times[k]!.duck.push((await timed(d))[0]);
      }
    loadAvg.push(os.loadavg()[0]!);

    const settingsPg = await pgSettings();
    const f1 = (n: number) => n.toFixed(1);
    const lines = [
      `Set (scale ${SCALE}): ${gen.rows.youth.toLocaleString('en-US')} clients, ${gen.rows.referrals.toLocaleString('en-US')} referrals, ${gen.rows.cases.toLocaleString('en-US')} cases, ${gen.rows.csec_type_records.toLocaleString('en-US')} CSEC Types, ${gen.rows.data_quality_issues.toLocaleString('en-US')} data-quality issues (${gen.mb.toFixed(0)} MB of CSV, generated in ${f1(genSec)} s). Fiscal year ${FY}: ${pure.types.toLocaleString('en-US')} Types start in it; ${counted.toLocaleString('en-US')} youth counted, ${referralOnly.toLocaleString('en-US')} referral-only.`,
      `PostgreSQL ${up.version} (shared_buffers ${Number(settingsPg.shared_buffers) / 128} MB) as harbor_aggregate with row-level security; DuckDB ${(await duckRows<{ v: string }>(duck, 'SELECT version() AS v'))[0]!.v} in memory, ${duckThreads} threads. Load average ${loadAvg.map((l) => l.toFixed(1)).join(' → ')}.`,
      '',
      '| Load | PostgreSQL (s) | DuckDB (s) |',
      '|---|--:|--:|',
      `| Create and migrate the database | ${f1(migrateSec)} | |`,
      ...TABLES.map((t) => `| ${t} | ${f1(pgLoad[t]!)} | ${f1(duckLoad[t]!)} |`),
      `| VACUUM (ANALYZE) | ${f1(pgLoad.vacuum!)} | |`,
      `| Total | ${f1(migrateSec + Object.values(pgLoad).reduce((a, b) => a + b, 0))} | ${f1(Object.values(duckLoad).reduce((a, b) => a + b, 0))} |`,
      '',
      `| Fiscal year ${FY}, ${RUNS} runs after ${WARMUP} warm-up, alternating | PostgreSQL median ms | DuckDB median ms | PostgreSQL ÷ DuckDB | PostgreSQL runs | DuckDB runs |`,
      '|---|--:|--:|--:|---|---|',
    ];
    const ratios: number[] = [];
    for (const [k, [label]] of cases.entries()) {
      const [p, d] = [median(times[k]!.pg), median(times[k]!.duck)];
      ratios.push(p / d);
      lines.push(
        `| ${label} | ${f1(p)} | ${f1(d)} | ${(p / d).toFixed(2)} | ${times[k]!.pg.map((x) => x.toFixed(0)).join(', ')} | ${times[k]!.duck.map((x) => x.toFixed(0)).join(', ')} |`,
      );
    }
    lines.push(
      '',
      `Target PostgreSQL ≤ ${TARGET}× DuckDB: Type table ${ratios[0]!.toFixed(2)}× (${ratios[0]! <= TARGET ? 'met' : 'NOT met'}), whole report ${ratios[1]!.toFixed(2)}× (${ratios[1]! <= TARGET ? 'met' : 'NOT met'}).`,
    );
    console.log(lines.join('\n'));
    duck.closeSync();
    duckInstance.closeSync();
  } finally {
    await database?.close();
    if (!KEEP_DB) await dropBenchDb(BENCH_DB);
    else log(`kept the database ${BENCH_DB}`);
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
