// The data-quality queue: a supervisor opens it from the menu, filters to the imported Types
// with no subcategory (the demo seeds two), fixes one, and the queue says so and counts one fewer.
// Youth are shown by state client id only: no name appears on the page.
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, signIn } from './support.js';

const SUPERVISOR = 'supervisor@la.demo';

test('a supervisor fixes a missing subcategory from the data-quality queue', async ({ page }) => {
  await signIn(page, SUPERVISOR);
  const before = (await (await page.request.get('/api/data-quality?kind=missing_subcategory')).json()) as {
    counts: { missing_subcategory: number };
    items: { youthId: string }[];
  };
  expect(before.counts.missing_subcategory, 'the demo seeds imported Types without a subcategory').toBeGreaterThan(0);

  await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Data quality' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Data-quality queue' })).toBeVisible();
  await expect(page).toHaveTitle('Data-quality queue | Harbor');
  const summary = page.locator('section[aria-labelledby="dq-summary"]');
  const row = summary.getByRole('row').filter({ has: page.getByRole('link', { name: 'Missing subcategory' }) });
  await expect(row.getByRole('cell').last()).toHaveText(String(before.counts.missing_subcategory));
  await expectNoAxeViolations(page, 'the data-quality queue');

  await row.getByRole('link', { name: 'Missing subcategory' }).click();
  await expect(page).toHaveURL(/kind=missing_subcategory/);
  const list = page.locator('section[aria-labelledby="dq-list"]');
  const issues = list.getByRole('table').getByRole('row');
  await expect(issues).toHaveCount(before.counts.missing_subcategory + 1); // the header row too
  await expect(list).toContainText('has no allegation subcategory');

  // No youth name anywhere on the page: only state client ids.
  const first = before.items[0]!;
  const youth = (await (await page.request.get(`/api/youth/${first.youthId}`)).json()) as {
    legalFirstName?: string | null;
  };
  if (youth.legalFirstName) await expect(page.locator('main')).not.toContainText(youth.legalFirstName);

  await list.getByRole('button', { name: 'Fix or review' }).first().click();
  const form = list.getByRole('form', { name: 'Fix the record' }).first();
  // Saving without a value: the error summary says what to enter.
  await form.getByRole('button', { name: 'Save the fix' }).click();
  await expect(form.getByRole('alert')).toContainText('Allegation subcategory: enter at least 2 characters.');
  await form.getByLabel('Allegation subcategory').fill('Sex trafficking');
  await expectNoAxeViolations(page, 'the fix form');
  await form.getByRole('button', { name: 'Save the fix' }).click();

  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toContainText(
    'Saved: the record is corrected and the issue is fixed.',
  );
  await expect(issues).toHaveCount(before.counts.missing_subcategory);
  await expect(row.getByRole('cell').last()).toHaveText(String(before.counts.missing_subcategory - 1));
  await expectNoAxeViolations(page, 'the queue after a fix');

  // The fixed issue is listed under "Fixed".
  await page.getByLabel('Status').selectOption('fixed');
  await page.getByRole('button', { name: 'Show issues' }).click();
  await expect(page).toHaveURL(/status=fixed/);
  await expect(list.getByRole('table')).toContainText('Fixed');
});
