// Notifications: the unread count in the header, the list of missed deadlines (never a youth's
// name), and marking one read, which lowers the count.
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, signIn } from './support.js';

const SUPERVISOR = 'supervisor@la.demo';

test('a supervisor sees unread notifications in the header and marks one read', async ({ page }) => {
  await signIn(page, SUPERVISOR);
  const header = page.getByRole('navigation', { name: 'Main menu' });
  const link = header.getByRole('link', { name: /^Notifications/ });
  await expect(link).toBeVisible();

  const before = (await (await page.request.get('/api/notifications')).json()) as { unread: number };
  test.skip(before.unread === 0, 'the demo data gave this user no unread notifications');
  await expect(link).toHaveAccessibleName(`Notifications (${before.unread} unread)`);

  await link.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();
  await expect(page).toHaveTitle('Notifications | Harbor');
  const unread = page.locator('section[aria-labelledby="notifications-unread"]');
  await expect(unread.getByRole('heading', { level: 2 })).toHaveText(`Unread (${before.unread})`);
  await expectNoAxeViolations(page, 'the notifications page');

  await unread.getByRole('button', { name: 'Mark as read' }).first().click();
  const after = before.unread - 1;
  await expect(unread.getByRole('heading', { level: 2 })).toHaveText(`Unread (${after})`);
  await expect(page.locator('section[aria-labelledby="notifications-read"]').getByRole('listitem')).not.toHaveCount(0);
  if (after > 0) await expect(link).toHaveAccessibleName(`Notifications (${after} unread)`);
  else await expect(link).toHaveAccessibleName('Notifications');

  // The link opens the youth's record.
  const open = page.getByRole('link', { name: 'Open the record' }).first();
  await open.click();
  await expect(page).toHaveURL(/\/youth\/[0-9a-f-]+$/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});
