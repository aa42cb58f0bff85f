// Lighthouse, the outside judge of issue 14, on Debian's Chromium: one browser started with a
// debugging port, signed in through the real sign-in form, then Lighthouse opens each page in
// that browser (so it carries the session cookie). Used by the browser tests (accessibility and
// best practices, which do not depend on the machine's speed: test/e2e/lighthouse.spec.ts) and
// by the benchmark (performance under the mobile preset, which does: bench/lighthouse.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import lighthouse, { type Flags, type Result } from 'lighthouse';
import { chromium, type Page } from 'playwright-core';

/** The ten pages a county worker opens most, as paths; `:youth` is a youth on their caseload. */
export const BUSIEST_PAGES = [
  '/sign-in',
  '/work',
  '/search',
  '/youth/:youth',
  '/youth/:youth/screenings/new',
  '/youth/:youth/missing/new',
  '/directory/contacts',
  '/missing',
  '/directory',
  '/notifications',
] as const;

export type Category = 'performance' | 'accessibility' | 'best-practices';

export interface PageScore {
  path: string;
  url: string;
  scores: Partial<Record<Category, number>>;
  /** Audits that lost points in the categories asked for: id, title and what they found. */
  failing: { id: string; title: string; category: Category; found: string[] }[];
  lcpMs: number | null;
  tbtMs: number | null;
  transferKb: number | null;
}

export interface LighthouseRun {
  baseURL: string;
  email: string;
  password: string;
  youthId: string;
  categories: Category[];
  paths?: readonly string[];
  chromiumPath?: string;
}

export async function scorePages(run: LighthouseRun): Promise<PageScore[]> {
  const port = 9300 + Math.floor(Math.random() * 500);
  const profile = mkdtempSync(path.join(os.tmpdir(), 'harbor-lighthouse-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: run.chromiumPath ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [`--remote-debugging-port=${port}`, '--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const results: PageScore[] = [];
    let signedIn = false;
    for (const p of run.paths ?? BUSIEST_PAGES) {
      const pathname = p.replace(':youth', run.youthId);
      if (pathname !== '/sign-in' && !signedIn) {
        // Once, after the sign-in page itself (first in the list) has been judged signed out.
        await signIn(page, run);
        signedIn = true;
      }
      const url = new URL(pathname, run.baseURL).toString();
      const flags: Flags = {
        port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: run.categories,
        // Keep the session cookie between pages (Lighthouse would otherwise clear the origin).
        disableStorageReset: true,
      };
      const answer = await lighthouse(url, flags);
      if (!answer) throw new Error(`Lighthouse gave no result for ${pathname}`);
      results.push(summarize(p, answer.lhr, run.categories));
    }
    return results;
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

async function signIn(page: Page, run: LighthouseRun): Promise<void> {
  await page.goto(new URL('/sign-in', run.baseURL).toString());
  await page.getByLabel('Work email').fill(run.email);
  await page.getByLabel('Password').fill(run.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((u) => !u.pathname.endsWith('/sign-in'));
}

/** A few lines from an audit's details table (console errors, issues, failing elements). */
function findings(details: unknown): string[] {
  const items = (details as { items?: Record<string, unknown>[] } | undefined)?.items ?? [];
  return items.slice(0, 5).map((item) =>
    ['description', 'issueType', 'url', 'source', 'node']
      .map((k) => item[k])
      .filter((v) => v !== undefined && v !== null && v !== '')
      .map((v) => (typeof v === 'object' ? JSON.stringify(v).slice(0, 200) : String(v)))
      .join(' '),
  );
}

function summarize(p: string, lhr: Result, categories: Category[]): PageScore {
  const scores: PageScore['scores'] = {};
  const failing: PageScore['failing'] = [];
  for (const c of categories) {
    const cat = lhr.categories[c];
    scores[c] = cat?.score == null ? 0 : Math.round(cat.score * 100);
    for (const ref of cat?.auditRefs ?? []) {
      const audit = lhr.audits[ref.id];
      if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) {
        failing.push({ id: ref.id, title: audit.title, category: c, found: findings(audit.details) });
      }
    }
  }
  const numeric = (id: string) => lhr.audits[id]?.numericValue ?? null;
  const bytes = numeric('total-byte-weight');
  return {
    path: p,
    url: lhr.finalDisplayedUrl,
    scores,
    failing,
    lcpMs: numeric('largest-contentful-paint'),
    tbtMs: numeric('total-blocking-time'),
    transferKb: bytes === null ? null : Math.round(bytes / 1024),
  };
}
