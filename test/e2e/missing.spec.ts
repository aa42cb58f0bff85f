// Missing youth on a phone: report a youth missing with three answers, record the NCMEC report,
// record the return and complete the debrief with the screening done on return; then the
// supervisor's home page shows the currently-missing list. axe on every step.
import { expect, test, type APIRequestContext } from '@playwright/test';
import { DEMO_BRIEF_SCREEN } from '../../src/domain/demo-instruments.js';
import { expectNoAxeViolations, PASSWORD, signIn } from './support.js';

const WORKER = 'socialworker@la.demo';
const SUPERVISOR = 'supervisor@la.demo';

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

/** "YYYY-MM-DDTHH:MM" in Los Angeles time, for a datetime-local box. */
function countyInput(ms: number): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: 'America/Los_Angeles',
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

/** A youth on the worker's first page of "My youth" who is not missing now. */
async function youthNotMissing(request: APIRequestContext): Promise<{ id: string; name: string }> {
  const { results } = (await (await request.get('/api/youth?limit=25')).json()) as {
    results: { id: string; name: string }[];
  };
  for (const youth of results) {
    const list = (await (await request.get(`/api/youth/${youth.id}/missing`)).json()) as {
      episodes: { status: string }[];
      canReport: boolean;
    };
    if (list.canReport && !list.episodes.some((e) => e.status === 'missing' || e.status === 'located')) return youth;
  }
  throw new Error('no youth on the caseload who can be reported missing');
}

/** The screening done on return, through the API in a session of its own (the page keeps its own). */
async function returnScreening(newContext: () => Promise<APIRequestContext>, youthId: string): Promise<void> {
  const api = await newContext();
  const login = await api.post('/api/auth/login', { data: { email: WORKER, password: PASSWORD } });
  const headers = { 'x-csrf-token': ((await login.json()) as { csrfToken: string }).csrfToken };
  const { instruments } = (await (await api.get('/api/instruments')).json()) as {
    instruments: { key: string; versionId: string }[];
  };
  const items = DEMO_BRIEF_SCREEN.sections.flatMap((s) => s.items);
  const ratings = Object.fromEntries(
    items.map((i) => [i.key, DEMO_BRIEF_SCREEN.scales.find((s) => s.key === i.scale)!.options[0]!.value]),
  );
  const started = await api.post(`/api/youth/${youthId}/screenings`, {
    headers,
    data: {
      instrumentVersionId: instruments.find((i) => i.key === DEMO_BRIEF_SCREEN.key)!.versionId,
      context: 'return_from_missing',
      ratings,
    },
  });
  expect(started.status()).toBe(201);
  const draft = (await started.json()) as { id: string; version: number };
  expect(
    (
      await api.post(`/api/youth/${youthId}/screenings/${draft.id}/finalize`, {
        headers,
        data: { version: draft.version },
      })
    ).status(),
  ).toBe(200);
  await api.post('/api/auth/logout', { headers });
  await api.dispose();
}

test('on a phone, a caseworker reports a youth missing, records the NCMEC report, the return and the debrief', async ({
  page,
  playwright,
  baseURL,
}) => {
  // The whole episode, report to debrief, in one test: longer than the default minute on a busy machine.
  test.setTimeout(120_000);
  await signIn(page, WORKER);
  await page.goto('/search'); // home is My work for roles with deadlines (issue 14)
  await expect(page.getByRole('heading', { level: 2, name: 'My youth' })).toBeVisible();
  const youth = await youthNotMissing(page.request);
  await page.locator('.harbor-results').getByRole('link', { name: youth.name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(youth.name);

  // The quick report: three answers and one button, well under a minute.
  const started = Date.now();
  const section = page.locator('section[aria-labelledby="missing-heading"]');
  await section.getByRole('link', { name: 'Report missing' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Report a youth missing' })).toBeVisible();
  const form = page.getByRole('form', { name: 'Report a youth missing' });
  await expect(form.getByLabel('Found missing')).not.toHaveValue('');
  await expectNoAxeViolations(page, 'the quick missing report on a phone');
  // Nothing filled in: the summary names the two answers still needed.
  await form.getByRole('button', { name: 'Report missing' }).click();
  await expect(page.getByRole('heading', { name: 'Check these 2 fields' })).toBeVisible();
  await form.getByLabel('Last seen', { exact: true }).fill(countyInput(Date.now() - 3 * 3_600_000));
  await form.getByLabel('Where last seen').selectOption({ label: 'Placement' });
  await form.getByRole('button', { name: 'Report missing' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Missing episode' })).toBeVisible();
  await expect(page.getByRole('status')).toContainText('The youth is reported missing.');
  expect(Date.now() - started).toBeLessThan(60_000);
  await expect(page.getByText(/Missing for \d/)).toBeVisible();
  await expectNoAxeViolations(page, 'the missing episode on a phone');

  // The NCMEC report.
  const reports = page.locator('section[aria-labelledby="missing-reports-heading"]');
  await reports.getByRole('button', { name: 'Record the NCMEC report' }).click();
  const ncmec = reports.getByRole('form', { name: 'Record the NCMEC report' });
  await ncmec.getByLabel('NCMEC case number').fill('1765432');
  await ncmec.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status')).toContainText('Saved.');
  const card = reports.locator('li.harbor-duty', { has: page.getByRole('heading', { name: 'Report to NCMEC' }) });
  await expect(card).toContainText('Done on time');

  // The search log.
  const search = page.locator('section[aria-labelledby="missing-search-heading"]');
  await search.getByRole('button', { name: 'Add to the search log' }).click();
  const effort = search.getByRole('form', { name: 'Add to the search log' });
  await effort.getByLabel('What was done').selectOption({ label: 'Contacted family' });
  await effort.getByLabel('What happened').fill('Called the aunt; she has not seen the youth.');
  await effort.getByRole('button', { name: 'Add' }).click();
  await expect(search).toContainText('Called the aunt');

  // The return.
  const back = page.locator('section[aria-labelledby="missing-return-heading"]');
  await back.getByRole('button', { name: 'The youth has returned' }).click();
  const returned = back.getByRole('form', { name: 'The youth has returned' });
  await returned.getByLabel('Returned to').selectOption({ label: 'The same placement' });
  await returned.getByRole('button', { name: 'Save the return' }).click();
  await expect(page.getByRole('status')).toContainText('The return is recorded.');
  const debrief = page.locator('section[aria-labelledby="missing-debrief-heading"]');
  await expect(debrief.getByRole('heading', { name: 'Review the safety plan' })).toBeVisible();
  await expectNoAxeViolations(page, 'the returned episode awaiting its debrief');

  // Completing without the screening is refused; with it, the debrief is complete.
  await debrief.getByRole('button', { name: 'Start the debrief' }).click();
  let sheet = debrief.getByRole('form', { name: 'Return debrief' });
  await sheet.getByText('Conflict at the placement').click();
  await sheet
    .getByLabel('How the next placement will address them')
    .fill('House meeting with the youth; the advocate visits weekly.');
  await sheet
    .getByLabel("The youth's experiences while absent")
    .fill('Stayed with a friend from school; says nothing else happened.');
  await sheet.getByText('No', { exact: true }).click();
  await sheet.getByRole('button', { name: 'Complete the debrief' }).click();
  await expect(sheet.getByRole('link', { name: /Choose the screening done on return/ })).toBeVisible();
  await expectNoAxeViolations(page, 'the debrief with a problem');
  await sheet.getByRole('button', { name: 'Save as draft' }).click();
  await expect(page.getByRole('status')).toContainText('The draft debrief was saved.');

  await returnScreening(() => playwright.request.newContext({ baseURL }), youth.id);
  await page.reload();
  await debrief.getByRole('button', { name: 'Continue the debrief' }).click();
  sheet = debrief.getByRole('form', { name: 'Return debrief' });
  await expect(sheet.getByLabel('How the next placement will address them')).toHaveValue(/House meeting/);
  const option = sheet
    .getByLabel('CSEC screening on return')
    .locator('option', { hasText: /^Screening of / })
    .first();
  await sheet.getByLabel('CSEC screening on return').selectOption({ label: (await option.textContent()) ?? '' });
  await sheet.getByRole('button', { name: 'Complete the debrief' }).click();
  await expect(page.getByRole('status')).toContainText('The debrief is complete and the episode is closed.');
  await expect(page.locator('.harbor-missing-status')).toHaveText('Closed');
  await expectNoAxeViolations(page, 'the closed episode');
});

test("the supervisor's home page shows who is missing and which reports are overdue", async ({ page }) => {
  await signIn(page, SUPERVISOR);
  const panel = page.locator('section[aria-labelledby="current-missing-heading"]');
  await expect(panel.getByRole('heading', { level: 2, name: 'Currently missing' })).toBeVisible();
  await expect(panel.getByRole('heading', { level: 3, name: /youth missing now$/ })).toBeVisible();
  await expect(panel.getByRole('heading', { level: 3, name: /awaiting a debrief$/ })).toBeVisible();
  await expect(panel.getByText(/mandated reports? (is|are) overdue/)).toBeVisible();
  await expectNoAxeViolations(page, "the supervisor's home page with the currently-missing list");
  await panel.getByRole('link', { name: 'Open the full missing list' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Currently missing' })).toBeVisible();
  await expectNoAxeViolations(page, 'the currently-missing page');
});
