// The main journeys through the web app, with an accessibility scan of every page visited.
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, firstCaseloadYouthId, PASSWORD, signIn } from './support.js';

test('a supervisor finds a youth, opens the record, sees who viewed it, and signs out', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await expect(page).toHaveTitle('Sign in | Harbor');
  await expectNoAxeViolations(page, 'sign-in');

  // The first Tab reaches "Skip to main content", which moves focus into <main>.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
  await page.keyboard.press('Enter');
  expect(await page.locator('#main-content').evaluate((main) => main.contains(document.activeElement))).toBe(true);

  await page.getByLabel('Work email').fill('supervisor@la.demo');
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();

  // A supervisor's home is the team's work (issue 14); the search lists "My youth" before anything is typed.
  await expect(page).toHaveURL(/\/work$/);
  await expect(page.getByRole('heading', { level: 1, name: 'My team’s work' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Find a youth' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Find a youth' })).toBeVisible();
  const header = page.getByRole('banner');
  const displayName = (await header.locator('.harbor-account__name').textContent())?.trim() ?? '';
  expect(displayName).not.toBe('');
  await expect(header).toContainText('Los Angeles County');
  await expect(page.getByRole('heading', { level: 2, name: 'My youth' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'on your caseload' })).toBeVisible();
  const results = page.locator('.harbor-results').getByRole('link');
  await expect(results.first()).toBeVisible();

  // Search by part of the first youth's last name.
  const fullName = ((await results.first().textContent()) ?? '').trim();
  const lastWord = fullName.split(/\s+/).at(-1) ?? fullName;
  const part = lastWord.slice(0, Math.min(5, lastWord.length));
  await page.getByRole('searchbox', { name: /Search by name/ }).fill(part);
  await expect(page.getByRole('heading', { level: 2, name: 'Search results' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: `found for “${part}”` })).toBeVisible();
  const match = page.locator('.harbor-results').getByRole('link', { name: fullName });
  await expect(match).toBeVisible();
  await expectNoAxeViolations(page, 'search with results');

  // The profile.
  await match.click();
  await expect(page).toHaveURL(/\/youth\/[0-9a-f-]+$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(fullName);
  // The tab title never carries the youth's name (it would end up in browser history).
  await expect(page).toHaveTitle('Youth record | Harbor');
  await expect(page.getByRole('heading', { level: 2, name: 'Identity' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Timeline' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await expectNoAxeViolations(page, 'youth profile');

  // Who viewed this record: at least the supervisor's own view.
  await page.getByRole('link', { name: 'Who viewed this record' }).click();
  await expect(page).toHaveURL(/\/youth\/[0-9a-f-]+\/access-log$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Who viewed this record' })).toBeVisible();
  const ownViews = page.getByRole('row').filter({ hasText: displayName }).filter({ hasText: 'Opened the record' });
  await expect(ownViews.first()).toBeVisible();
  await expectNoAxeViolations(page, 'access log');

  // Sign out: back to the sign-in page, and youth pages need signing in again.
  const profileUrl = page.url().replace(/\/access-log$/, '');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await expect(page.getByText('You have signed out.')).toBeVisible();
  await page.goto(profileUrl);
  await expect(page).toHaveURL(/\/sign-in$/);
});

test('when the session ends, the next action leads to sign-in and then back', async ({ page, context }) => {
  await signIn(page, 'socialworker@la.demo');
  await page.goto('/search'); // home is My work for roles with deadlines (issue 14)
  const first = page.locator('.harbor-results').getByRole('link').first();
  await expect(first).toBeVisible();
  const href = await first.getAttribute('href');
  await context.clearCookies();
  await first.click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByText('Your session ended. Please sign in again to continue.')).toBeVisible();
  await page.getByLabel('Work email').fill('socialworker@la.demo');
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(new RegExp(`${href ?? ''}$`));
  await expect(page.getByRole('heading', { level: 2, name: 'Identity' })).toBeVisible();
});

test('a wrong password gives a clear error that takes focus', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByLabel('Work email').fill('probation@la.demo');
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('The email or password is not right');
  await expect(page.locator('.harbor-focus-target')).toBeFocused();
  await expectNoAxeViolations(page, 'sign-in with an error');
});

test('a San Diego worker gets "not found" for a Los Angeles youth', async ({ page, request }) => {
  const laYouthId = await firstCaseloadYouthId(request, 'socialworker@la.demo');
  await signIn(page, 'socialworker@sd.demo');
  await page.goto(`/youth/${laYouthId}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await expect(page.getByText('Identity')).toHaveCount(0);
  await expectNoAxeViolations(page, 'not-found (youth)');
});

test('an analyst lands on Figures and has no search', async ({ page }) => {
  await signIn(page, 'analyst@la.demo');
  await expect(page).toHaveURL(/\/figures$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Figures' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Youth on record by area' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Episodes per month' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'About small numbers' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Find a youth' })).toHaveCount(0);
  await expectNoAxeViolations(page, 'figures');

  await page.goto('/search');
  await expect(page).toHaveURL(/\/figures$/);
});

test('an unknown address shows the friendly not-found page', async ({ page }) => {
  await signIn(page, 'advocate@la.demo');
  await page.goto('/no-such-page');
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Go to the home page' })).toBeVisible();
  await expectNoAxeViolations(page, 'not-found (route)');
});

test('a server error shows the error page with a reference number for staff', async ({ page }) => {
  await signIn(page, 'socialworker@la.demo');
  await page.goto('/search'); // home is My work for roles with deadlines (issue 14)
  const first = page.locator('.harbor-results').getByRole('link').first();
  await expect(first).toBeVisible();
  await page.route(/\/api\/youth\/[^/?]+$/, (route) =>
    route.fulfill({
      status: 500,
      json: { error: 'internal_error', message: 'Something went wrong on our side.', requestId: 'req-e2e-0001' },
    }),
  );
  await first.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Something went wrong' })).toBeVisible();
  await expect(page.getByText('req-e2e-0001')).toBeVisible();
  await expectNoAxeViolations(page, 'error page');

  // "Try again" asks the server again, and the record appears once it answers.
  await page.unrouteAll();
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Identity' })).toBeVisible();
});

test('switching to Español translates the app and is remembered', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByRole('button', { name: 'Español' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Iniciar sesión' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expectNoAxeViolations(page, 'sign-in in Spanish');

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Iniciar sesión' })).toBeVisible();
  await page.getByLabel('Correo electrónico del trabajo').fill('socialworker@la.demo');
  await page.getByLabel('Contraseña').fill(PASSWORD);
  await page.getByRole('button', { name: 'Iniciar sesión' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mi trabajo' })).toBeVisible();
  await page.goto('/search');
  await expect(page.getByRole('heading', { level: 1, name: 'Buscar a un joven' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Mis jóvenes' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Cerrar sesión' })).toBeVisible();

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Find a youth' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('at phone width the menu opens, keeps focus inside, and closes with Escape', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await signIn(page, 'socialworker@la.demo');
  await page.goto('/search'); // home is My work for roles with deadlines (issue 14)
  await expect(page.locator('.harbor-results').getByRole('link').first()).toBeVisible();
  await expectNoAxeViolations(page, 'search at phone width');

  const menu = page.getByRole('button', { name: 'Menu' });
  await menu.click();
  const nav = page.getByRole('navigation', { name: 'Main menu' });
  await expect(nav.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expect(nav.getByRole('button', { name: 'Close menu' })).toBeFocused();
  for (let i = 0; i < 8; i++) await page.keyboard.press('Tab');
  expect(await nav.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  await expectNoAxeViolations(page, 'open menu at phone width');
  await page.keyboard.press('Escape');
  await expect(nav.getByRole('button', { name: 'Sign out' })).toBeHidden();
  await expect(menu).toBeFocused();
});
