// Cases on a youth's profile: opening one from the form by keyboard, seeing it listed with its
// worker, closing it, and its history. A probation case, so the child welfare duties other
// browser tests rely on (the cross-report a child welfare case may open) stay as they were.
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, signIn } from './support.js';

const WORKER = 'socialworker@la.demo';

test('a caseworker opens a case from the profile, sees it listed, closes it and reads its history', async ({
  page,
}) => {
  await signIn(page, WORKER);
  await page.goto('/search'); // home is My work for roles with deadlines (issue 14)
  await expect(page.getByRole('heading', { level: 2, name: 'My youth' })).toBeVisible();
  await page.locator('.harbor-results').getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  const section = page.locator('section[aria-labelledby="cases-heading"]');
  await expect(section.getByRole('heading', { level: 2, name: 'Cases' })).toBeVisible();
  const openButton = section.getByRole('button', { name: 'Open a case' });
  await openButton.focus();
  await page.keyboard.press('Enter');
  const form = section.getByRole('form', { name: 'Open a case' });
  await expect(form).toBeVisible();

  // Sent empty: the summary names what is missing and links to it.
  await form.getByLabel('Case number').fill('');
  await form.getByRole('button', { name: 'Open the case' }).click();
  await expect(form.getByRole('heading', { name: 'Check these 2 fields' })).toBeVisible();
  await expect(form.getByRole('link', { name: 'Choose the kind of case.' })).toBeVisible();
  await expectNoAxeViolations(page, 'the open-a-case form with problems');

  // By keyboard: the kind, the number, the day, a worker of the probation department.
  const number = `PRB-E2E-${Date.now()}`;
  await form.getByLabel('Kind of case').focus();
  await form.getByLabel('Kind of case').selectOption('probation');
  await page.keyboard.press('Tab');
  await expect(form.getByLabel('Case number')).toBeFocused();
  await page.keyboard.type(number);
  await form.getByLabel('Opened on').fill('2025-03-04');
  await form.getByLabel('Find a worker by name').fill('Vail');
  const worker = form.getByLabel('Worker', { exact: true });
  await expect(worker.locator('option', { hasText: 'Terrence Vail' })).toHaveCount(1);
  await worker.selectOption({ label: (await worker.locator('option', { hasText: 'Terrence Vail' }).textContent())! });
  await form.getByRole('button', { name: 'Open the case' }).focus();
  await page.keyboard.press('Enter');

  const title = `Probation case ${number}`;
  await expect(section.getByRole('status')).toContainText(`${title} was opened.`);
  const card = section.locator('li', { has: page.getByRole('heading', { level: 3, name: title }) });
  await expect(card).toContainText('LA County Probation Department');
  await expect(card).toContainText('Terrence Vail');
  await expect(card).toContainText('Still open');
  await expectNoAxeViolations(page, 'the cases section with a new case');

  // Closing: before the opening is refused on the field, then a good day closes it.
  await card.getByRole('button', { name: `Close: ${title}` }).click();
  const close = card.getByRole('form', { name: 'Close the case' });
  await close.getByLabel('Closed on').fill('2025-03-01');
  await close.getByRole('button', { name: 'Close the case' }).click();
  await expect(close.getByRole('link', { name: /A case cannot close before the day it opened/ })).toBeVisible();
  await close.getByLabel('Closed on').fill('2025-04-01');
  await close.getByLabel(/Reason for closing/).fill('Transferred to another county');
  await close.getByRole('button', { name: 'Close the case' }).click();
  await expect(section.getByRole('status')).toContainText(`${title} was closed.`);
  await expect(card).toContainText('Transferred to another county');
  await expect(card).not.toContainText('Still open');
  await expect(card.getByRole('button', { name: `Close: ${title}` })).toHaveCount(0);

  // The history: opened, then closed, newest first.
  await card.getByRole('button', { name: `History: ${title}` }).click();
  const history = card.getByRole('table', { name: `History: ${title}` });
  await expect(history.locator('tbody tr')).toHaveCount(2);
  await expect(history.locator('tbody tr').first()).toContainText('Transferred to another county');
  await expect(section.getByRole('alert')).toHaveCount(0);
  await expectNoAxeViolations(page, 'the cases section with a case history');
});
