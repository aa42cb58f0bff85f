// Issue 14, findings 7, 8, 9, 10 and 14: time shown and typed in county time, no developer words
// on screen, complete Spanish, a Board report PDF that reads well, one date format. Each test runs
// at 1280 px and at 390 px; the browser runs in America/Los_Angeles (playwright.config.ts).
import { inflateSync } from 'node:zlib';
import { expect, request as playwrightRequest, test, type APIRequestContext, type Page } from '@playwright/test';
import { expectNoAxeViolations, PASSWORD, signIn } from './support.js';

const WORKER = 'socialworker@la.demo';
const CBO_ADMIN = 'provider@la.demo'; // org_admin of Lighthouse Youth Advocates (src/seed/demo.ts)
const ADVOCATE = 'advocate@la.demo'; // Keiko Brandt, Lighthouse, fully vetted (src/seed/demo-advocacy.ts)
const ANALYST = 'analyst@la.demo';
const CBO = 'Lighthouse Youth Advocates (fictional)';
const ZONE = 'America/Los_Angeles';
const MINUTE = 60_000;

/** An ISO timestamp or an ISO calendar date, as raw text on a screen. */
const RAW_ISO = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}|20\d\d-\d\d-\d\d/;

/** An API client signed in as someone, with the CSRF header for writes. */
async function apiAs(baseURL: string, email: string): Promise<APIRequestContext> {
  const anon = await playwrightRequest.newContext({ baseURL });
  const login = await anon.post('/api/auth/login', { data: { email, password: PASSWORD } });
  expect(login.ok(), `sign-in of ${email}`).toBe(true);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const state = await anon.storageState();
  await anon.dispose();
  return playwrightRequest.newContext({
    baseURL,
    storageState: state,
    extraHTTPHeaders: { 'x-csrf-token': csrfToken },
  });
}

/** "YYYY-MM-DDTHH:MM" in county time, as a datetime-local box holds it. */
function countyInput(ms: number): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: ZONE,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    })
      .formatToParts(new Date(ms))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}
const countyToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(new Date());

interface Referral {
  id: string;
  organization: string;
  organizationId: string;
  state: string;
  version: number;
}

/**
 * A referral of one of the caseworker's youth to the CBO, accepted and assigned to Keiko Brandt
 * at 32.247 seconds past a minute that has gone by: the moment finding 8 is about.
 */
async function assignedReferral(baseURL: string): Promise<{ youthId: string; referralId: string; assignedAt: number }> {
  const worker = await apiAs(baseURL, WORKER);
  const cbo = await apiAs(baseURL, CBO_ADMIN);
  const admin = await apiAs(baseURL, 'admin@la.demo');
  try {
    const { contracts } = (await (await admin.get('/api/advocacy/contracts')).json()) as {
      contracts: { organization: string; organizationId: string }[];
    };
    const organizationId = contracts.find((c) => c.organization === CBO)!.organizationId;
    const roster = (await (await admin.get(`/api/advocacy/organizations/${organizationId}/advocates`)).json()) as {
      advocates: { userId: string; name: string }[];
    };
    const keiko = roster.advocates.find((a) => a.name === 'Keiko Brandt')!.userId;

    const { results } = (await (await worker.get('/api/youth?limit=100')).json()) as { results: { id: string }[] };
    let youthId: string | null = null;
    for (const y of results) {
      const { referrals } = (await (await worker.get(`/api/youth/${y.id}/advocacy-referrals`)).json()) as {
        referrals: Referral[];
      };
      if (!referrals.some((r) => r.organization === CBO && !['closed', 'declined'].includes(r.state))) {
        youthId = y.id;
        break;
      }
    }
    expect(youthId, 'a caseload youth without an open referral to the CBO').not.toBeNull();

    const now = Date.now();
    const created = await worker.post(`/api/youth/${youthId}/advocacy-referrals`, {
      data: {
        organizationId,
        referredAt: new Date(now - 10 * MINUTE).toISOString(),
        reason: 'Browser test: time entry to the minute.',
        urgency: 'routine',
      },
    });
    expect(created.status(), await created.text()).toBe(201);
    const { referrals } = (await (await worker.get(`/api/youth/${youthId}/advocacy-referrals`)).json()) as {
      referrals: Referral[];
    };
    const referral = referrals.find((r) => r.organization === CBO && r.state === 'sent')!;
    const current = async () =>
      (await (await cbo.get(`/api/advocacy/referrals/${referral.id}`)).json()) as { version: number };
    const accepted = await cbo.post(`/api/advocacy/referrals/${referral.id}/accept`, {
      data: { version: (await current()).version, at: new Date(now - 5 * MINUTE).toISOString() },
    });
    expect(accepted.ok(), await accepted.text()).toBe(true);
    // 32.247 seconds into the minute before this one: always in the past, never on a whole minute.
    const assignedAt = Math.floor(now / MINUTE) * MINUTE - MINUTE + 32_247;
    const assigned = await cbo.post(`/api/advocacy/referrals/${referral.id}/assign`, {
      data: { version: (await current()).version, advocateUserId: keiko, at: new Date(assignedAt).toISOString() },
    });
    expect(assigned.ok(), await assigned.text()).toBe(true);
    return { youthId: youthId!, referralId: referral.id, assignedAt };
  } finally {
    await Promise.all([worker.dispose(), cbo.dispose(), admin.dispose()]);
  }
}

async function switchUser(page: Page, email: string) {
  await page.context().clearCookies();
  await signIn(page, email);
}

/** The main menu, opened first on a phone. */
async function mainMenu(page: Page) {
  const toggle = page.getByRole('button', { name: /^(Menu|Menú)$/ });
  if (await toggle.isVisible()) await toggle.click();
  return page.getByRole('navigation', { name: /Main menu|Menú principal/ });
}

async function toSpanish(page: Page) {
  await (await mainMenu(page)).getByRole('button', { name: 'Español' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
}

/** The text of each page of a pdfkit PDF (one content stream per page). */
function pdfPages(pdf: Buffer): string[] {
  const raw = pdf.toString('latin1');
  const pages: string[] = [];
  for (const m of raw.matchAll(/stream\r?\n/g)) {
    const start = m.index + m[0].length;
    let body: Buffer;
    try {
      body = inflateSync(pdf.subarray(start, raw.indexOf('endstream', start)));
    } catch {
      continue;
    }
    const text = [...body.toString('latin1').matchAll(/\[([^\]]*)\]\s*TJ/g)]
      .map((tj) =>
        [...tj[1]!.matchAll(/<([0-9a-fA-F]*)>/g)].map((x) => Buffer.from(x[1]!, 'hex').toString('latin1')).join(''),
      )
      .join(' ');
    pages.push(text.replace(/\s+/g, ' '));
  }
  return pages;
}

const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;

for (const vp of VIEWPORTS) {
  test.describe(`at ${vp.width} px`, () => {
    test.use({ viewport: { width: vp.width, height: vp.height } });

    test(`finding 7: no developer words: problems in words with county time, no source citations (${vp.name})`, async ({
      page,
      baseURL,
    }) => {
      test.setTimeout(120_000);
      const { youthId, referralId, assignedAt } = await assignedReferral(baseURL!);
      await signIn(page, ADVOCATE);

      // The deadline explanations carry no "(seed 004)", on screen or from the API.
      const obligations = (await (await page.request.get(`/api/youth/${youthId}/obligations`)).json()) as {
        obligations: { kind: string; basis: string }[];
      };
      expect(obligations.obligations.length).toBeGreaterThan(0);
      for (const o of obligations.obligations) expect(o.basis, o.kind).not.toMatch(/\bseeds? \d{3}/i);

      await page.goto(`/youth/${youthId}`);
      const card = page.locator(`article[aria-labelledby="advocacy-referral-${referralId}"]`);
      const contact = card.getByRole('form', { name: 'Record first contact' });
      await contact.getByLabel('First contact made at').fill(countyInput(assignedAt));
      await contact.getByRole('button', { name: 'Record first contact' }).click();
      await expect(page.getByRole('status').filter({ hasText: 'First contact was recorded.' })).toBeFocused();

      // Engagement typed before first contact: refused in words, the time in county time.
      const engaged = card.getByRole('form', { name: 'Record that the youth engaged' });
      await engaged.getByLabel('Engaged since').fill(countyInput(assignedAt - 2 * MINUTE));
      await engaged.getByRole('button', { name: 'Record engagement' }).click();
      const problem = engaged.getByText(/cannot be before the referral.s previous step/).first();
      await expect(problem).toBeVisible();
      await expect(problem).toHaveText(/\(\w{3} \d{1,2}, \d{4}, \d{1,2}:\d{2}\s[AP]M P[SD]T\)/);
      const said = await engaged.innerText();
      expect(said).not.toMatch(RAW_ISO);
      expect(said).not.toMatch(/\bat:|Details from Harbor|\/body\/|seeds? \d{3}/);

      // Every duty's explanation on the profile, without source citations.
      const main = await page.locator('main').innerText();
      expect(main).not.toMatch(/\(seeds? \d{3}/);
      await expectNoAxeViolations(page, 'a refused step in words');
    });

    test(`finding 8: time entry to the minute, with Now and Today (${vp.name})`, async ({ page, baseURL }) => {
      test.setTimeout(120_000);
      const { youthId, referralId, assignedAt } = await assignedReferral(baseURL!);
      await signIn(page, ADVOCATE);
      await page.goto(`/youth/${youthId}`);
      const card = page.locator(`article[aria-labelledby="advocacy-referral-${referralId}"]`);

      // Assigned at hh:mm:32; first contact typed for hh:mm is not "before" it.
      const contact = card.getByRole('form', { name: 'Record first contact' });
      const contactBox = contact.getByLabel('First contact made at');
      await expect(contactBox).not.toHaveValue('');
      await contactBox.fill(countyInput(assignedAt));
      await contact.getByRole('button', { name: 'Record first contact' }).click();
      await expect(page.getByRole('status').filter({ hasText: 'First contact was recorded.' })).toBeFocused();

      // "Now" fills in the county's current minute.
      const engaged = card.getByRole('form', { name: 'Record that the youth engaged' });
      const box = engaged.getByLabel('Engaged since');
      await box.fill('');
      await expectNoAxeViolations(page, 'a date-time box with its Now button');
      const before = countyInput(Date.now());
      await engaged.getByRole('button', { name: 'Now' }).click();
      const after = countyInput(Date.now());
      expect([before, after]).toContain(await box.inputValue());
      await engaged.getByRole('button', { name: 'Record engagement' }).click();
      await expect(page.getByRole('status').filter({ hasText: 'Engagement was recorded.' })).toBeFocused();

      // A date box has "Today".
      await switchUser(page, ANALYST);
      await page.goto('/compliance');
      const to = page.getByLabel('To', { exact: true });
      await to.fill('2020-01-31');
      await to.locator('xpath=..').getByRole('button', { name: 'Today' }).click();
      await expect(to).toHaveValue(countyToday());
    });

    test(`finding 9: Spanish everywhere: dispositions, language filter, deadline explanations (${vp.name})`, async ({
      page,
      baseURL,
    }) => {
      test.setTimeout(120_000);
      const worker = await apiAs(baseURL!, WORKER);
      const { results } = (await (await worker.get('/api/youth?limit=1')).json()) as { results: { id: string }[] };
      const youthId = results[0]!.id;
      const received = Date.now() - 3 * 86_400_000;
      const made = await worker.post(`/api/youth/${youthId}/referrals`, {
        data: {
          receivedAt: new Date(received).toISOString(),
          disposition: 'Inconclusive',
          dispositionAt: new Date(received + 86_400_000).toISOString(),
          allegations: [],
          csecAllegation: false,
        },
      });
      expect(made.ok(), await made.text()).toBe(true);
      await worker.dispose();

      await signIn(page, WORKER);
      await toSpanish(page);
      await page.goto(`/youth/${youthId}`);
      const referrals = page.locator('section[aria-labelledby="referrals-heading"]');
      await expect(referrals.getByText('No concluyente').first()).toBeVisible();
      await expect(referrals).not.toContainText('Inconclusive');
      await expect(page.locator('main')).not.toContainText(/\(seeds? \d{3}/);

      // The directory's language filter: a choice of languages by their Spanish names.
      await page.goto('/directory');
      await expect(page.getByRole('heading', { level: 1, name: 'Directorio de recursos' })).toBeVisible();
      const toggle = page.getByRole('button', { name: 'Mostrar filtros' });
      if (await toggle.isVisible()) await toggle.click();
      const language = page.getByRole('combobox', { name: 'Idioma que hablan' });
      await expect(language.getByRole('option', { name: 'Español' })).toHaveCount(1);
      await expect(language.getByRole('option', { name: 'Spanish' })).toHaveCount(0);
      await language.selectOption({ label: 'Español' });
      await expect(page).toHaveURL(/language=Spanish/);
      await expectNoAxeViolations(page, 'the directory filters in Spanish');
    });

    test(`finding 10: the Board report PDF: headers on every page, no orphans, county time (${vp.name})`, async ({
      page,
    }) => {
      test.setTimeout(120_000);
      await signIn(page, ANALYST);
      await page.goto('/reports/advocacy?period=current&version=internal');
      await expect(page.getByRole('heading', { level: 1, name: 'Advocacy report to the Board' })).toBeVisible();
      // The page says when it was produced in county time, with the zone.
      await expect(page.getByText(/produced .*P[SD]T/)).toBeVisible();

      const pdf = await page.request.get('/api/reports/advocacy.pdf?period=current&version=internal');
      expect(pdf.ok()).toBe(true);
      const pages = pdfPages(await pdf.body());
      expect(pages.length).toBeGreaterThan(1);
      expect(pages[0]).toMatch(/Generated \w{3} \d{1,2}, \d{4}, \d{1,2}:\d{2} [AP]M P[SD]T by Harbor/);
      expect(pages.join(' ')).not.toContain('UTC');
      const headings = [
        'Definitions',
        'County summary',
        'By organization',
        'Declined referrals by reason',
        'Performance issues',
        'County figures over the last six periods',
        'Last six periods',
      ];
      pages.slice(1).forEach((text, i) => {
        expect(
          headings.some((h) => text.startsWith(h)),
          `page ${i + 2} starts with a heading, not a stray row: ${text.slice(0, 80)}`,
        ).toBe(true);
      });
      // Page 1 holds the summary and the start of the organizations.
      expect(pages[0]).toContain('County summary');
      expect(pages[0]).toContain('By organization');
    });

    test(`finding 14: one date format, calendar dates unshifted, no raw ISO dates (${vp.name})`, async ({ page }) => {
      test.setTimeout(120_000);
      await signIn(page, ANALYST);
      await page.goto('/compliance?from=2026-01-26&to=2026-02-25');
      const showing = page.getByText(/^Figures from /);
      // A calendar date is that day in a Pacific browser: Jan 26, not Jan 25.
      await expect(showing).toHaveText('Figures from Jan 26, 2026 to Feb 25, 2026.');
      await expect(page.locator('main')).not.toContainText(RAW_ISO);
      await expectNoAxeViolations(page, 'compliance with dates in words');

      await page.goto('/figures');
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      const perMonth = page.getByRole('table', { name: 'Episodes per month' });
      if (await perMonth.count()) {
        await expect(perMonth).not.toContainText(/20\d\d-\d\d/);
        await expect(perMonth).toContainText(/(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) 20\d\d/);
      }
      await expect(page.locator('main')).not.toContainText(/20\d\d-\d\d/);

      // Moments read in county time with the zone: the Board report's "produced".
      await page.goto('/reports/advocacy?period=current&version=internal');
      await expect(page.getByText(/produced \w{3} \d{1,2}, \d{4}, \d{1,2}:\d{2}\s[AP]M P[SD]T/)).toBeVisible();
    });
  });
}
