// Benchmark (issue 12): importing a state extract of 300,000 clients and 1,000,000 CSEC Type
// rows, against a plain COPY of the same two files into unindexed tables, measured side by side
// on the same server in the same run (the machines are shared and noisy, so the ratio is what
// counts). Then the same import on PGlite.
//
//   npm run bench:import                 (BENCH_CLIENTS / BENCH_TYPES / BENCH_RUNS to change sizes)
//
// The extract is fictional, generated from a fixed seed. The target: the import's rate (rows
// per second, both files) at least half the COPY's rate on the PostgreSQL server.
import { createReadStream, createWriteStream, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pipeline } from 'node:stream/promises';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { openDatabase, openPglite } from '../src/db/client.js';
import { prepareDatabase } from '../src/db/prepare.js';
import { CSEC_TYPES } from '../src/domain/csec-type.js';
import { importExtract } from '../src/features/import/import-extract.js';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { createBenchDb, dropBenchDb, pgAvailable } from './lib/pg-admin.js';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 300_000);
const TYPES = Number(process.env.BENCH_TYPES ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
/**
 * PGlite runs a tenth of the extract by default: a first try with the whole of it ended the
 * process without a result (the in-memory database held 1.7 GB by then). BENCH_PGLITE_FRACTION=1
 * tries the whole.
 */
const PGLITE_FRACTION = Number(process.env.BENCH_PGLITE_FRACTION ?? 0.1);
const TARGET = 0.5;
const log = (m: string) => console.error(`[bench:import] ${m}`);

/** A small deterministic PRNG (mulberry32): the same extract every run. */
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

const FIRST = [
  'Ana',
  'Bea',
  'Cruz',
  'Dani',
  'Eli',
  'Fern',
  'Gus',
  'Hana',
  'Ira',
  'Jo',
  'Kai',
  'Lu',
  'Mae',
  'Noe',
  'Oli',
];
const LAST = ['Alder', 'Birch', 'Cedar', 'Dogwood', 'Elm', 'Fir', 'Gum', 'Hazel', 'Ivy', 'Juniper', 'Larch', 'Maple'];
const COUNTIES = [
  'Los Angeles',
  'San Diego',
  '065',
  '071',
  'Orange',
  'Sacramento',
  '06019',
  'Kern',
  'Alameda',
  'Fresno',
];
const pad = (n: number) => String(n).padStart(2, '0');

async function writeLines(file: string, header: string, count: number, line: (i: number) => string) {
  const out = createWriteStream(file);
  out.write(header);
  let buf = '';
  for (let i = 0; i < count; i++) {
    buf += line(i);
    if (buf.length > 1 << 16) {
      if (!out.write(buf)) await new Promise<void>((r) => out.once('drain', () => r()));
      buf = '';
    }
  }
  out.write(buf);
  await new Promise<void>((r, j) => out.end((e?: Error | null) => (e ? j(e) : r())));
}

async function generate(dir: string, CLIENTS: number, TYPES: number) {
  const rnd = prng(20261203);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const date = (from: number, span: number) => {
    const y = from + Math.floor(rnd() * span);
    return `${y}-${pad(1 + Math.floor(rnd() * 12))}-${pad(1 + Math.floor(rnd() * 28))}`;
  };
  await writeLines(
    path.join(dir, 'clients.csv'),
    'client_id,county,date_of_birth,first_name,last_name,sex\n',
    CLIENTS,
    (i) => {
      const dob = rnd() < 0.02 ? '' : date(2000, 12);
      return `C${String(i).padStart(9, '0')},${pick(COUNTIES)},${dob},${pick(FIRST)},${pick(LAST)},${rnd() < 0.5 ? 'F' : 'M'}\n`;
    },
  );
  // Half by Harbor's code, half by the state's label (one of which holds a comma, so is quoted).
  const labels = CSEC_TYPES.map((t, k) =>
    k % 2 ? (t.stateLabel.includes(',') ? `"${t.stateLabel}"` : t.stateLabel) : t.code,
  );
  await writeLines(
    path.join(dir, 'csec_types.csv'),
    'client_id,csec_type,start_date,end_date,subcategory\n',
    TYPES,
    (i) => {
      // Each client's Types on distinct days: client i % CLIENTS, the k-th time it comes round.
      const client = i % CLIENTS;
      const k = Math.floor(i / CLIENTS);
      const start = `${2014 + k * 3}-${pad(1 + Math.floor(rnd() * 12))}-${pad(1 + Math.floor(rnd() * 28))}`;
      const type = pick(labels);
      const end = type === 'victim_absent_from_placement' || rnd() < 0.3 ? `${2014 + k * 3 + 1}-06-30` : '';
      const sub = rnd() < 0.1 ? '' : 'Commercial sexual exploitation';
      return `C${String(client).padStart(9, '0')},${type},${start},${end},${sub}\n`;
    },
  );
}

const BASELINE_DDL = `
  DROP TABLE IF EXISTS copy_clients, copy_types;
  CREATE TABLE copy_clients (client_id text, county text, date_of_birth date, first_name text, last_name text, sex text);
  CREATE TABLE copy_types (client_id text, csec_type text, start_date date, end_date date, subcategory text);`;

async function copyBaselineServer(url: string, dir: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(BASELINE_DDL);
    const t0 = performance.now();
    for (const [table, file] of [
      ['copy_clients', 'clients.csv'],
      ['copy_types', 'csec_types.csv'],
    ] as const)
      await pipeline(
        createReadStream(path.join(dir, file)),
        client.query(copyFrom(`COPY ${table} FROM STDIN (FORMAT csv, HEADER true)`)),
      );
    return (performance.now() - t0) / 1000;
  } finally {
    await client.end();
  }
}

async function importServer(url: string, dir: string): Promise<{ seconds: number; ok: boolean; inserted: number }> {
  const database = await openDatabase({ databaseUrl: url, poolSize: 2 });
  try {
    await prepareDatabase(database);
    const t0 = performance.now();
    const s = await importExtract(database, { dir, dryRun: false, source: 'cli', today: '2026-12-01' });
    const seconds = (performance.now() - t0) / 1000;
    if (!s.ok) log(`import refused: ${JSON.stringify(s.errors.slice(0, 3))}`);
    return { seconds, ok: s.ok, inserted: s.files.clients.inserted + s.files.csec_types.inserted };
  } finally {
    await database.close();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'harbor-bench-extract-'));
  const rows = CLIENTS + TYPES;
  try {
    log(`generating ${CLIENTS.toLocaleString()} clients and ${TYPES.toLocaleString()} Type rows…`);
    await generate(dir, CLIENTS, TYPES);
    const liteDir = path.join(dir, 'pglite');
    mkdirSync(liteDir);
    const liteClients = Math.round(CLIENTS * PGLITE_FRACTION);
    const liteTypes = Math.round(TYPES * PGLITE_FRACTION);
    await generate(liteDir, liteClients, liteTypes);
    const mb = (statSync(path.join(dir, 'clients.csv')).size + statSync(path.join(dir, 'csec_types.csv')).size) / 1e6;
    const lines: string[] = [
      `Extract: ${CLIENTS.toLocaleString()} clients + ${TYPES.toLocaleString()} CSEC Type rows (${mb.toFixed(0)} MB of CSV).`,
      '',
      '| Database | Run | Plain COPY, unindexed (s) | Harbor import (s) | COPY rows/s | Import rows/s | Import ÷ COPY |',
      '|---|---|---|---|---|---|---|',
    ];
    const ratios: number[] = [];
    const available = await pgAvailable();
    if (available.ok) {
      for (let run = 1; run <= RUNS; run++) {
        const copyUrl = await createBenchDb('harbor_bench_copy');
        const copy = await copyBaselineServer(copyUrl, dir);
        await dropBenchDb('harbor_bench_copy');
        const url = await createBenchDb('harbor_bench_import');
        const imp = await importServer(url, dir);
        await dropBenchDb('harbor_bench_import');
        const ratio = copy / imp.seconds;
        ratios.push(ratio);
        log(
          `run ${run}: COPY ${copy.toFixed(2)} s, import ${imp.seconds.toFixed(2)} s (${imp.inserted} rows new), ratio ${ratio.toFixed(2)}`,
        );
        lines.push(
          `| PostgreSQL ${available.version} | ${run} | ${copy.toFixed(2)} | ${imp.seconds.toFixed(2)} | ${Math.round(rows / copy).toLocaleString()} | ${Math.round(rows / imp.seconds).toLocaleString()} | ${ratio.toFixed(2)} |`,
        );
      }
    } else lines.push(`| PostgreSQL | skipped: ${available.reason} | | | | | |`);

    // PGlite: the same kind of extract (a fraction of it), in memory.
    const extensions = { pg_trgm, unaccent, btree_gist };
    const baseline = new PGlite({ extensions });
    await baseline.exec(BASELINE_DDL);
    let t0 = performance.now();
    for (const [table, file] of [
      ['copy_clients', 'clients.csv'],
      ['copy_types', 'csec_types.csv'],
    ] as const)
      await baseline.query(`COPY ${table} FROM '/dev/blob' (FORMAT csv, HEADER true)`, [], {
        blob: new Blob([await readFile(path.join(liteDir, file))]),
      });
    const pgliteCopy = (performance.now() - t0) / 1000;
    await baseline.close();
    const lite = await openPglite(new PGlite({ extensions }));
    await prepareDatabase(lite);
    t0 = performance.now();
    const s = await importExtract(lite, { dir: liteDir, dryRun: false, source: 'cli' });
    const pgliteImport = (performance.now() - t0) / 1000;
    await lite.close();
    if (!s.ok) log(`PGlite import refused: ${JSON.stringify(s.errors.slice(0, 3))}`);
    const liteRows = liteClients + liteTypes;
    lines.push(
      `| PGlite (in memory), ${liteClients.toLocaleString()} clients + ${liteTypes.toLocaleString()} Types | 1 | ${pgliteCopy.toFixed(2)} | ${pgliteImport.toFixed(2)} | ${Math.round(liteRows / pgliteCopy).toLocaleString()} | ${Math.round(liteRows / pgliteImport).toLocaleString()} | ${(pgliteCopy / pgliteImport).toFixed(2)} |`,
    );
    if (ratios.length) {
      const m = median(ratios);
      lines.push(
        '',
        `Median ratio on the server: ${m.toFixed(2)} (target ≥ ${TARGET}): ${m >= TARGET ? 'met' : 'NOT met'}.`,
      );
    }
    console.log(lines.join('\n'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
