// Lighthouse's performance score on the ten busiest pages (issue 14; docs/BENCHMARKS.md section
// "Lighthouse on the ten busiest pages"). Starts Harbor from the sources on a free port with a
// fresh PGlite folder (demo data) serving the built web app (dist/web), signs in as the demo
// social worker and runs Lighthouse 12 under its default mobile preset (simulated Slow 4G, CPU
// 4x slower) on each page, `--runs` times; prints the median score, LCP and TBT per page.
//
//   node scripts/build.js && npm run bench:lighthouse             # 3 runs per page
//   npm run bench:lighthouse -- --runs 1 --categories performance,accessibility,best-practices
//
// The accessibility and best-practices scores are also checked in the browser tests
// (test/e2e/lighthouse.spec.ts); performance depends on the machine's load, so it is only here.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { BUSIEST_PAGES, scorePages, type Category, type PageScore } from '../test/support/lighthouse.js';
import { freePort, killAllNow, startChild, stopAll, waitForHealth } from './lib/proc.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const LOGIN = { email: 'socialworker@la.demo', password: 'harbor-demo' };

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    categories: { type: 'string', default: 'performance' },
  },
});
const runs = Math.max(1, Number(args.runs));
const categories = args.categories!.split(',') as Category[];

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

async function main() {
  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'harbor-lighthouse-'));
  const t0 = performance.now();
  const server = startChild(
    'harbor',
    process.execPath,
    ['--import', 'tsx', path.join('src', 'server', 'main.ts')],
    {
      PORT: String(port),
      HOST: '127.0.0.1',
      NODE_ENV: 'test',
      HARBOR_LOG_LEVEL: 'warn',
      HARBOR_DATA_DIR: dataDir,
      DATABASE_URL: undefined,
    },
    ROOT,
  );
  try {
    await waitForHealth(server, baseURL, t0);
    const youthId = await firstYouth(baseURL);
    const all: PageScore[][] = [];
    for (let i = 0; i < runs; i++) {
      all.push(await scorePages({ baseURL, ...LOGIN, youthId, categories }));
      console.error(`run ${i + 1} of ${runs} done`);
    }
    const header = ['Page', ...categories, 'LCP s', 'TBT ms', 'kB', 'Lost points on'];
    console.log(`| ${header.join(' | ')} |\n|${header.map(() => '---').join('|')}|`);
    BUSIEST_PAGES.forEach((p, i) => {
      const rows = all.map((r) => r[i]!);
      const scores = categories.map((c) => {
        const xs = rows.map((r) => r.scores[c] ?? 0);
        return `${median(xs)} (${Math.min(...xs)}–${Math.max(...xs)})`;
      });
      const lcp = median(rows.map((r) => r.lcpMs ?? NaN)) / 1000;
      const tbt = median(rows.map((r) => r.tbtMs ?? NaN));
      const kb = median(rows.map((r) => r.transferKb ?? NaN));
      const lost = [...new Set(rows.flatMap((r) => r.failing.map((f) => f.id)))].slice(0, 6).join(', ');
      console.log(`| ${p} | ${scores.join(' | ')} | ${lcp.toFixed(1)} | ${Math.round(tbt)} | ${kb} | ${lost} |`);
    });
  } finally {
    await stopAll();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function firstYouth(baseURL: string): Promise<string> {
  const login = await fetch(`${baseURL}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(LOGIN),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const search = (await (await fetch(`${baseURL}/api/youth?limit=1`, { headers: { cookie } })).json()) as {
    results: { id: string }[];
  };
  const id = search.results[0]?.id;
  if (!id) throw new Error('the demo social worker has no youth');
  return id;
}

const watchdog = setTimeout(() => {
  console.error('bench/lighthouse.ts: still running after 15 minutes, stopping');
  killAllNow();
  process.exit(2);
}, 15 * 60_000);
watchdog.unref();
process.on('exit', killAllNow);

main().catch(async (err: unknown) => {
  console.error(err);
  await stopAll();
  process.exitCode = 1;
});
