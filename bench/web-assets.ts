// The web app as a phone loads it (issue 14; docs/BENCHMARKS.md section "Web assets on a phone").
// Starts Harbor from the sources on a free port with a fresh PGlite folder (demo data), then opens
// four pages in Chromium, each in a fresh profile (empty cache): sign-in, search, a youth profile
// and the directory. For every script, stylesheet and font of the page it records the bytes over
// the wire (compressed, with headers) and the bytes after decoding, and the Largest Contentful
// Paint under throttling close to Lighthouse's mobile preset (150 ms round trip, 1.6 Mbit/s down,
// 750 kbit/s up, CPU slowed 4x).
//
//   npx vite build && npx tsx bench/web-assets.ts                 # the current build, dist/web
//   npx tsx bench/web-assets.ts --web-dir .tmp/web-before        # another build, for comparison
//   npx tsx bench/web-assets.ts --runs 5                          # LCP: median of 5 loads (default 3)
//
// Chromium: /usr/bin/chromium, or CHROMIUM_PATH. Every request goes to 127.0.0.1.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium, type BrowserContext } from 'playwright-core';
import { freePort, killAllNow, startChild, stopAll, waitForHealth } from './lib/proc.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const LOGIN = { email: 'socialworker@la.demo', password: 'harbor-demo' };
/** Lighthouse's mobile preset ("Slow 4G" and a mid-range phone's CPU). */
const THROTTLE = { latency: 150, downloadThroughput: (1.6e6 * 0.9) / 8, uploadThroughput: (750e3 * 0.9) / 8 };
const CPU_SLOWDOWN = 4;

const { values: args } = parseArgs({
  options: {
    'web-dir': { type: 'string', default: path.join(ROOT, 'dist', 'web') },
    runs: { type: 'string', default: '3' },
  },
});
const webDir = path.resolve(args['web-dir']!);
const runs = Math.max(1, Number(args.runs));

interface Transfer {
  url: string;
  kind: 'script' | 'stylesheet' | 'font' | 'other';
  encoding: string;
  wire: number;
  raw: number;
}

interface PageResult {
  page: string;
  transfers: Transfer[];
  lcpMs: number[];
}

const log = (msg: string) => console.error(`[web-assets] ${msg}`);

/** Loads one page in a fresh context; returns what it fetched and its LCP. */
async function load(context: BrowserContext, url: string, throttled: boolean): Promise<Omit<PageResult, 'page'>> {
  const page = await context.newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { __lcp: number };
    w.__lcp = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__lcp = entry.startTime;
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (throttled) {
    await cdp.send('Network.emulateNetworkConditions', { offline: false, ...THROTTLE });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  }
  const seen = new Map<string, Transfer>();
  cdp.on('Network.responseReceived', (e) => {
    const type = e.type as string;
    const kind =
      type === 'Script' ? 'script' : type === 'Stylesheet' ? 'stylesheet' : type === 'Font' ? 'font' : 'other';
    const headers = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), v]));
    seen.set(e.requestId, {
      url: new URL(e.response.url).pathname,
      kind,
      encoding: String(headers['content-encoding'] ?? 'none'),
      wire: 0,
      raw: 0,
    });
  });
  cdp.on('Network.dataReceived', (e) => {
    const t = seen.get(e.requestId);
    if (t) t.raw += e.dataLength;
  });
  cdp.on('Network.loadingFinished', (e) => {
    const t = seen.get(e.requestId);
    if (t) t.wire = e.encodedDataLength;
  });
  await page.goto(url, { waitUntil: 'networkidle', timeout: 120_000 });
  // Under CPU throttling the network can be idle while the script still runs: wait for the page's
  // heading, then until the LCP has not moved for a second.
  await page.locator('main h1').first().waitFor({ state: 'visible', timeout: 60_000 });
  const readLcp = () => page.evaluate(() => (window as unknown as { __lcp: number }).__lcp);
  let lcp = await readLcp();
  for (let stable = 0; stable < 4;) {
    await page.waitForTimeout(250);
    const now = await readLcp();
    stable = now === lcp && now > 0 ? stable + 1 : 0;
    lcp = now;
  }
  await page.close();
  return { transfers: [...seen.values()].filter((t) => !t.url.startsWith('/api/')), lcpMs: [lcp] };
}

async function main() {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'harbor-web-assets-'));
  log(`serving ${path.relative(ROOT, webDir) || webDir} on ${baseUrl}`);
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
      HARBOR_WEB_DIR: webDir,
      DATABASE_URL: undefined,
    },
    ROOT,
  );
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  try {
    await waitForHealth(server, baseUrl, t0);
    // One sign-in, reused by every signed-in load (the sign-in route is rate limited).
    const signer = await browser.newContext({ baseURL: baseUrl });
    const login = await signer.request.post('/api/auth/login', { data: LOGIN });
    if (!login.ok()) throw new Error(`sign-in failed: ${login.status()}`);
    const list = (await (await signer.request.get('/api/youth?limit=1')).json()) as { results: { id: string }[] };
    const youthId = list.results[0]?.id;
    if (!youthId) throw new Error(`${LOGIN.email} has no youth`);
    const signedIn = await signer.storageState();
    await signer.close();

    const pages = [
      { page: 'Sign-in', url: '/sign-in', session: false },
      { page: 'Search', url: '/search', session: true },
      { page: 'Youth profile', url: `/youth/${youthId}`, session: true },
      { page: 'Directory', url: '/directory', session: true },
    ];
    const results: PageResult[] = [];
    for (const p of pages) {
      const newContext = () =>
        browser.newContext({ baseURL: baseUrl, ...(p.session ? { storageState: signedIn } : {}) });
      // Bytes: one load without throttling. LCP: `runs` throttled loads, each in a fresh context.
      const ctx = await newContext();
      const bytes = await load(ctx, p.url, false);
      await ctx.close();
      const lcpMs: number[] = [];
      for (let i = 0; i < runs; i++) {
        const c = await newContext();
        lcpMs.push(...(await load(c, p.url, true)).lcpMs);
        await c.close();
      }
      results.push({ page: p.page, transfers: bytes.transfers, lcpMs });
      log(`${p.page}: done`);
    }
    console.log(markdown(results));
  } finally {
    await browser.close();
    await stopAll();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const kB = (n: number) => (n / 1000).toFixed(1);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

function markdown(results: PageResult[]): string {
  const out = [
    `Build: \`${path.relative(ROOT, webDir) || webDir}\`. LCP: median of ${runs} throttled loads ` +
      `(${THROTTLE.latency} ms RTT, 1.6 Mbit/s, CPU ${CPU_SLOWDOWN}x).`,
    '',
    '| Page | Scripts (files) | Scripts kB wire / raw | CSS kB wire / raw | Fonts kB | Encoding | LCP s |',
    '|---|--:|--:|--:|--:|---|--:|',
  ];
  for (const r of results) {
    const of = (kind: Transfer['kind']) => r.transfers.filter((t) => t.kind === kind);
    const sum = (ts: Transfer[], key: 'wire' | 'raw') => ts.reduce((s, t) => s + t[key], 0);
    const scripts = of('script');
    const css = of('stylesheet');
    const encodings = [...new Set([...scripts, ...css].map((t) => t.encoding))].join(', ');
    out.push(
      `| ${r.page} | ${scripts.length} | ${kB(sum(scripts, 'wire'))} / ${kB(sum(scripts, 'raw'))} | ` +
        `${kB(sum(css, 'wire'))} / ${kB(sum(css, 'raw'))} | ${kB(sum(of('font'), 'wire'))} | ${encodings} | ` +
        `${(median(r.lcpMs) / 1000).toFixed(2)} |`,
    );
  }
  return out.join('\n');
}

const watchdog = setTimeout(() => {
  log('watchdog: stopping after 10 minutes');
  killAllNow();
  process.exit(2);
}, 10 * 60_000);
watchdog.unref();
process.on('exit', killAllNow);

main().catch(async (err: unknown) => {
  console.error(err);
  await stopAll();
  process.exitCode = 1;
});
