// Issue 14, a caseworker's day in the web app: intake and corrections of identity (finding 1),
// "Report missing" one tap away and linked from search and the currently-missing page (finding 4),
// a profile that leads with a summary and a way to jump (finding 13), and print views (finding 11).
// Every test runs at desktop width (1280 px) and on a phone (390 px).
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, signIn } from './support.js';

const WORKER = 'socialworker@la.demo';

const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;

/** The CSRF token of the page's session, for the few writes a test makes through the API. */
async function csrf(page: Page): Promise<string> {
  const session = await page.request.get('/api/auth/session');
  expect(session.ok()).toBe(true);
  return ((await session.json()) as { csrfToken: string }).csrfToken;
}

/** A youth of the worker's, made through the API so the test knows their state (not missing). */
async function newYouth(page: Page, first: string, last: string, dateOfBirth = '2011-04-09'): Promise<string> {
  const res = await page.request.post('/api/youth', {
    data: { legalFirstName: first, legalLastName: last, dateOfBirth },
    headers: { 'x-csrf-token': await csrf(page) },
  });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

/** The youth of the worker's caseload with the most on their record (sections with content). */
async function busiestYouth(page: Page): Promise<{ id: string; name: string }> {
  const { results } = (await (await page.request.get('/api/youth?limit=50')).json()) as {
    results: { id: string; name: string }[];
  };
  let best = results[0]!;
  let most = -1;
  for (const y of results.slice(0, 15)) {
    const duties = (await (await page.request.get(`/api/youth/${y.id}/obligations`)).json()) as {
      obligations?: unknown[];
    };
    const n = duties.obligations?.length ?? 0;
    if (n > most) [best, most] = [y, n];
  }
  return best;
}

const inFirstScreen = async (page: Page, locator: ReturnType<Page['locator']>) => {
  const box = await locator.boundingBox();
  expect(box, 'the element is laid out').not.toBeNull();
  expect(box!.y + box!.height).toBeLessThanOrEqual(page.viewportSize()!.height);
};

for (const vp of VIEWPORTS) {
  test.describe(`at ${vp.width} px (${vp.name})`, () => {
    test.use({ viewport: { width: vp.width, height: vp.height } });
    // Names the other viewport's run does not use, so each run's duplicates are its own.
    const [first, last, dob] =
      vp.name === 'desktop' ? ['Zorana', 'Vellacott', '2010-05-17'] : ['Ilsabet', 'Brandvoldt', '2009-02-27'];

    test('finding 1: add a youth from search and My work, with likely duplicates before saving, then correct identity with history', async ({
      page,
    }) => {
      await signIn(page, WORKER);
      await page.goto('/search');
      await page.getByLabel('Search by name, nickname, date of birth or case number').fill(`${first} ${last}`);
      await expect(page.getByRole('status')).toContainText('No youth found');
      // The no-results state leads on: add the youth, the names typed carried along.
      await page.getByRole('link', { name: `Add “${first} ${last}” as a new youth` }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Add a youth' })).toBeVisible();
      await expect(page).toHaveURL(/\/youth\/new$/); // never a name in the address
      await expect(page.getByLabel('Legal first name')).toHaveValue(first);
      await expect(page.getByLabel('Legal last name')).toHaveValue(last);

      // The contract's own rules, in words: the date of birth is required, a NUL is refused.
      await page.getByLabel('Preferred name (optional)').fill('Zo\u0000');
      await page.getByRole('button', { name: 'Check for existing records' }).click();
      const summary = page.getByRole('alert');
      await expect(summary).toContainText('Date of birth: Enter this; it is required.');
      await expect(summary).toContainText('Preferred name: Remove the special characters');
      await expectNoAxeViolations(page, 'the intake form with its error summary');
      await page.getByLabel('Preferred name (optional)').fill('');
      await page.getByLabel('Date of birth').fill(dob);
      await page.getByRole('button', { name: 'Check for existing records' }).click();
      await expect(page.getByText('No youth you can see on record matches')).toBeVisible();
      await expectNoAxeViolations(page, 'the intake form with no matches');
      await page.getByRole('button', { name: 'Add the youth' }).click();
      await expect(page.getByRole('heading', { level: 1, name: `${first} ${last}` })).toBeVisible();
      await expect(page.getByText('The youth was added. You are their primary worker.')).toBeVisible();
      const id = /\/youth\/([0-9a-f-]{36})$/.exec(page.url())![1]!;

      // From the home page (My work): the same youth again, a typo in the name: shown before saving.
      await page.goto('/work');
      await page.getByRole('link', { name: 'Add a youth' }).click();
      await page.getByLabel('Legal first name').fill(first);
      await page.getByLabel('Legal last name').fill(`${last}e`);
      await page.getByLabel('Date of birth').fill(dob);
      await page.getByRole('button', { name: 'Check for existing records' }).click();
      const matches = page.getByRole('list', { name: 'Possible matches' });
      await expect(matches.getByRole('link', { name: `${first} ${last}` })).toHaveAttribute('href', `/youth/${id}`);
      await expect(matches).toContainText('Similar name and same date of birth');
      await expect(page.getByRole('button', { name: 'None of these: add the youth' })).toBeVisible();
      await expectNoAxeViolations(page, 'the intake form with a likely duplicate');
      // Nothing was saved by the check.
      const found = (await (await page.request.get(`/api/youth?q=${encodeURIComponent(`${last}e`)}`)).json()) as {
        results: { id: string }[];
      };
      expect(found.results.map((r) => r.id)).toEqual([id]);

      // Correct the identity: the change and what it replaced are on the record.
      await matches.getByRole('link', { name: `${first} ${last}` }).click();
      await page.getByRole('button', { name: 'Correct identity or contact details' }).click();
      await page.getByLabel('Legal last name').fill(`${last}-Ruiz`);
      await page.getByLabel('Phone (optional)').fill('(213) 555-0188');
      await page.getByRole('button', { name: 'Save the changes' }).click();
      await expect(page.getByText('The changes were saved.')).toBeVisible();
      await expect(page.getByRole('heading', { level: 1, name: `${first} ${last}-Ruiz` })).toBeVisible();
      const history = page.locator('section[aria-labelledby="identity-history-heading"]');
      await expect(history).toContainText(`Legal last name was: ${last}`);
      await expect(history).toContainText('Phone was: Not recorded');
      await expect(history).toContainText('by Dana Whitfield');
      await expectNoAxeViolations(page, 'the profile with its identity history');
    });

    test('finding 4: report missing is one tap away on the profile, and linked from search results and the currently-missing page', async ({
      page,
    }) => {
      await signIn(page, WORKER);
      const id = await newYouth(page, vp.name === 'desktop' ? 'Marisol' : 'Petronela', 'Quillfeather');
      await page.goto(`/youth/${id}`);
      const report = page.getByRole('list', { name: 'Urgent actions' }).getByRole('link', { name: 'Report missing' });
      await expect(report).toBeVisible();
      await inFirstScreen(page, report);
      await report.click();
      await expect(page).toHaveURL(new RegExp(`/youth/${id}/missing/new$`));
      await expect(page.getByRole('heading', { level: 1 })).toContainText('Report');

      // From search results.
      await page.goto('/search');
      await page.getByLabel('Search by name, nickname, date of birth or case number').fill('Quillfeather');
      const results = page.locator('.harbor-results');
      const fromSearch = results.getByRole('link', { name: 'Report missing', exact: true }).first();
      await expect(fromSearch).toBeVisible();
      await expectNoAxeViolations(page, 'search results with report missing links');
      await fromSearch.click();
      await expect(page).toHaveURL(/\/youth\/[0-9a-f-]{36}\/missing\/new$/);

      // From the currently-missing page.
      await page.goto('/missing');
      await page.getByLabel('Find the youth').fill('Quillfeather');
      const fromList = page
        .locator('section[aria-labelledby="report-missing-finder-heading"]')
        .getByRole('link', { name: 'Report missing', exact: true })
        .first();
      await expect(fromList).toBeVisible();
      await expectNoAxeViolations(page, 'the currently-missing page with its report finder');
      await fromList.click();
      await expect(page).toHaveURL(/\/youth\/[0-9a-f-]{36}\/missing\/new$/);
    });

    test('finding 13: the profile leads with a summary and urgent actions, and every section is a jump away', async ({
      page,
    }) => {
      await signIn(page, WORKER);
      const youth = await busiestYouth(page);
      await page.goto(`/youth/${youth.id}`);
      const summary = page.locator('section[aria-labelledby="summary-heading"]');
      await expect(summary.getByRole('heading', { level: 2, name: 'Summary' })).toBeVisible();
      for (const label of ['Current CSEC Type', 'Open deadlines', 'Current placement', 'Missing status', 'Team'])
        await expect(summary.getByText(label, { exact: true })).toBeVisible();
      await expect(summary).not.toContainText('Loading…');
      // The placement address, the most sensitive field, is never in the summary.
      const placements = (await (await page.request.get(`/api/youth/${youth.id}/placements`)).json()) as {
        placements: { current: boolean; address?: string | null }[];
      };
      const address = placements.placements.find((p) => p.current)?.address;
      if (address) await expect(summary).not.toContainText(address);
      const screening = summary.getByRole('link', { name: 'Record a screening' });
      await inFirstScreen(page, screening);

      if (vp.name === 'desktop') {
        const nav = page.getByRole('navigation', { name: 'Sections of this record' });
        await expect(nav).toBeVisible();
        await expect(page.getByText('Jump to a section')).toBeHidden();
        await nav.getByRole('link', { name: 'Safety plan' }).click();
        await expect(page.getByRole('heading', { level: 2, name: 'Safety plan' })).toBeFocused();
        // Sticky: still there beside the sections far down the page.
        await expect(nav).toBeInViewport();
        await nav.getByRole('link', { name: 'Assignments' }).click();
        await expect(nav).toBeInViewport();
      } else {
        await expect(page.getByRole('navigation', { name: 'Sections of this record' })).toBeHidden();
        const jump = page.getByText('Jump to a section');
        await inFirstScreen(page, jump);
        await jump.click();
        await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Safety plan' }).click();
        const heading = page.getByRole('heading', { level: 2, name: 'Safety plan' });
        await expect(heading).toBeFocused();
        await expect(heading).toBeInViewport();
      }
      await expectNoAxeViolations(page, 'the profile that leads');

      // Each warning once: "A new version is due" appears at most once, also after an action.
      const due = page.getByText('A new version is due');
      expect(await due.count()).toBeLessThanOrEqual(1);
      await page.getByRole('button', { name: 'Correct identity or contact details' }).click();
      await page.getByLabel('Pronouns (optional)').fill(vp.name === 'desktop' ? 'they/them' : 'she/her');
      await page.getByRole('button', { name: 'Save the changes' }).click();
      await expect(page.getByText('The changes were saved.')).toBeVisible();
      await expect(summary).not.toContainText('Loading…');
      expect(await due.count()).toBeLessThanOrEqual(1);
    });

    test('finding 11: print views of the profile summary and the safety plan look right on paper', async ({ page }) => {
      await signIn(page, WORKER);
      const youth = await busiestYouth(page);
      await page.goto(`/youth/${youth.id}`);
      await page.getByRole('link', { name: 'Print view' }).click();
      await expect(page).toHaveURL(new RegExp(`/youth/${youth.id}/print$`));
      await expect(page.getByRole('button', { name: 'Print' })).toBeVisible();
      await expect(page.getByRole('heading', { level: 2, name: 'Summary' })).toBeVisible();
      await expect(page.getByRole('heading', { level: 2, name: 'Safety plan' })).toBeVisible();
      await expect(page.locator('section[aria-labelledby="summary-heading"]')).not.toContainText('Loading…');
      await expectNoAxeViolations(page, 'the print view');

      await page.emulateMedia({ media: 'print' });
      await expect(page.getByRole('button', { name: 'Print' })).toBeHidden();
      await expect(page.locator('header').first()).toBeHidden();
      await expect(page.locator('footer').first()).toBeHidden();
      await expect(page.getByRole('link', { name: 'Back to the record' })).toBeHidden();
      await expect(page.getByRole('heading', { level: 2, name: 'Summary' })).toBeVisible();
      await expect(page.getByRole('heading', { level: 2, name: 'Identity' })).toBeVisible();
      // No urgent actions or forms on paper.
      await expect(page.getByRole('link', { name: 'Record a screening' })).toHaveCount(0);

      await page.emulateMedia({ media: 'screen' });
      await page.goto(`/youth/${youth.id}/print/safety-plan`);
      await expect(page.getByRole('heading', { level: 1 })).toContainText('Safety plan');
      await expect(page.getByRole('heading', { level: 2, name: 'Summary' })).toHaveCount(0);
      await expectNoAxeViolations(page, 'the safety plan print view');
      await page.emulateMedia({ media: 'print' });
      await expect(page.getByRole('button', { name: 'Print' })).toBeHidden();
      await expect(page.getByRole('heading', { level: 2, name: 'Safety plan' })).toBeVisible();
    });
  });
}
