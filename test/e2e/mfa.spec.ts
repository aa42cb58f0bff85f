// Two-step sign-in, against the second test server, which requires it (HARBOR_REQUIRE_MFA=true).
import { expect, test } from '@playwright/test';
import * as OTPAuth from 'otpauth';
import { expectNoAxeViolations, MFA_BASE_URL, PASSWORD } from './support.js';

test.use({ baseURL: MFA_BASE_URL });

async function enterPassword(page: import('@playwright/test').Page, email: string) {
  await page.goto('/sign-in');
  await page.getByLabel('Work email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test('first sign-in sets up two-step sign-in; the next one asks for the code', async ({ page }) => {
  await enterPassword(page, 'probation@la.demo');

  // Setup: a QR code with a text alternative, and the key written out for typing by hand.
  await expect(page.getByRole('heading', { level: 1, name: 'Set up two-step sign-in' })).toBeVisible();
  await expect(page.getByRole('img', { name: 'QR code to scan with your authenticator app' })).toBeVisible();
  const secret = ((await page.locator('.harbor-secret').textContent()) ?? '').replace(/\s/g, '');
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
  await expectNoAxeViolations(page, 'two-step setup');
  const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30 });

  await page.getByLabel('6-digit code').fill('12');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('alert')).toContainText('The code has 6 digits');
  await expect(page.locator('.harbor-focus-target')).toBeFocused();

  await page.getByLabel('6-digit code').fill(totp.generate());
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My work' })).toBeVisible();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in$/);

  // Next time: just the code. A wrong one is refused with a focused, plain message.
  await enterPassword(page, 'probation@la.demo');
  await expect(page.getByRole('heading', { level: 1, name: 'Enter your two-step code' })).toBeVisible();
  await expectNoAxeViolations(page, 'two-step code');
  const current = totp.generate();
  await page.getByLabel('6-digit code').fill(current === '000000' ? '111111' : '000000');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('alert')).toContainText('That code is not right');
  await expect(page.locator('.harbor-focus-target')).toBeFocused();

  // The next period's code (accepted for clock drift), so a replay check could not refuse it.
  await page.getByLabel('6-digit code').fill(totp.generate({ timestamp: Date.now() + 30_000 }));
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My work' })).toBeVisible();
});
