// The county settings page: the county administrator changes the debrief hours, sees a
// conflict and the server's own problems; a supervisor reads the same rules without a form.
// The demo database is shared with the other specs: the debrief hours go back to what they were.
import { expect, request as playwrightRequest, test, type APIRequestContext } from '@playwright/test';
import { PASSWORD, expectNoAxeViolations, signIn } from './support.js';

const ADMIN = 'admin@la.demo';
const SUPERVISOR = 'supervisor@la.demo';

interface View {
  settings: { missing: { debriefHours: number } } & Record<string, unknown>;
  version: number;
}

/** An API client signed in as someone, with the CSRF header on every request. */
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

const current = async (api: APIRequestContext) => (await (await api.get('/api/county/settings')).json()) as View;

test('the county administrator changes the debrief hours; a supervisor reads the settings', async ({
  page,
  baseURL,
}) => {
  const admin = await apiAs(baseURL!, ADMIN);
  const before = await current(admin);
  const original = before.settings.missing.debriefHours;
  const changed = original === 96 ? 120 : 96;
  try {
    await signIn(page, ADMIN);
    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'County settings' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'County settings' })).toBeVisible();
    await expect(page).toHaveTitle('County settings | Harbor');
    const form = page.getByRole('form', { name: 'County settings' });
    const missing = page.locator('section[aria-labelledby="settings-section-missing"]');
    await expect(missing.getByRole('heading', { level: 2, name: 'Missing and runaway youth' })).toBeVisible();
    await expect(missing).toContainText(
      `The state sets no deadline for the debrief after a youth returns. The ${original}-hour deadline is your county's own choice (county policy), not a legal requirement.`,
    );
    const debrief = form.getByLabel('Debrief after return (hours)');
    await expect(debrief).toHaveValue(String(original));
    await expect(debrief).toHaveAttribute('min', '1');
    await expect(debrief).toHaveAttribute('max', '720');
    await expect(form.getByRole('group', { name: 'Crisis MDT (tier 1)' }).getByLabel('Child welfare')).toBeVisible();
    await expectNoAxeViolations(page, 'the county settings form');

    // Out of range: the form says what to fix before asking the server.
    await debrief.fill('800');
    await form.getByRole('button', { name: 'Save settings' }).click();
    const tooBig = form.getByRole('link', { name: 'Debrief after return (hours): enter a whole number from 1 to 720' });
    await expect(tooBig).toBeVisible();
    await tooBig.click();
    await expect(debrief).toBeFocused();
    await expect(debrief).toHaveAttribute('aria-invalid', 'true');

    // A training listed twice: the server's own message, linked to the trainings.
    await debrief.fill(String(changed));
    await form.getByRole('button', { name: 'Add a training' }).click();
    const added = form.getByRole('group', { name: 'Training 4' });
    await expect(added.getByLabel('Key')).toBeFocused();
    await added.getByLabel('Key').fill('csec_101');
    await added.getByLabel('Name').fill('CSEC 101 again');
    await form.getByRole('button', { name: 'Save settings' }).click();
    // The server's field code, in the reader's language (never the server's English).
    await expect(form.getByRole('link', { name: /^Required trainings: This is listed twice/ })).toBeVisible();
    await expectNoAxeViolations(page, 'the county settings form with the server’s problems');
    expect((await current(admin)).version).toBe(before.version);
    await form.getByRole('button', { name: 'Remove training 4' }).click();
    await expect(form.getByRole('group', { name: 'Training 4' })).toHaveCount(0);

    // Someone else saves first: a conflict, nothing saved; reloading shows their version.
    const other = await admin.put('/api/county/settings', {
      data: { version: before.version, settings: before.settings },
    });
    expect(other.ok()).toBe(true);
    await form.getByRole('button', { name: 'Save settings' }).click();
    const conflict = page.getByRole('alert').filter({ hasText: 'Someone changed the settings' });
    await expect(conflict).toContainText('Reload to see their version, then make your change again.');
    await conflict.getByRole('button', { name: 'Reload the settings' }).click();
    await expect(page.getByText(`Version ${before.version + 1}, last changed`)).toBeVisible();
    await expect(form.getByLabel('Debrief after return (hours)')).toHaveValue(String(original));

    // The change itself.
    await form.getByLabel('Debrief after return (hours)').fill(String(changed));
    await form.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByRole('status')).toContainText(
      `The county settings were saved (version ${before.version + 2}).`,
    );
    await page.reload();
    await expect(
      page.getByRole('form', { name: 'County settings' }).getByLabel('Debrief after return (hours)'),
    ).toHaveValue(String(changed));
    await expect(missing).toContainText(`The ${changed}-hour deadline is your county's own choice`);
    expect((await current(admin)).settings.missing.debriefHours).toBe(changed);

    // A supervisor sees the same rules, read-only.
    await page.context().clearCookies();
    await signIn(page, SUPERVISOR);
    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'County settings' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'County settings' })).toBeVisible();
    await expect(page.getByText('Only a county administrator can change them.')).toBeVisible();
    await expect(page.getByRole('form')).toHaveCount(0);
    await expect(page.getByRole('textbox')).toHaveCount(0);
    await expect(page.getByRole('spinbutton')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Save settings' })).toHaveCount(0);
    await expect(missing).toContainText('The state sets no deadline for the debrief after a youth returns.');
    const row = missing.locator('.harbor-details__row').filter({ hasText: 'Debrief after return (hours)' });
    await expect(row.locator('dd')).toContainText(`${changed} hours`);
    await expect(page.locator('section[aria-labelledby="settings-section-parties"]')).toContainText('Child welfare');
    await expectNoAxeViolations(page, 'the county settings, read-only');

    // Staff who are neither go to their own home page.
    await page.context().clearCookies();
    await signIn(page, 'socialworker@la.demo');
    await expect(
      page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'County settings' }),
    ).toHaveCount(0);
    await page.goto('/settings');
    await expect(page).not.toHaveURL(/\/settings$/);
  } finally {
    const now = await current(admin);
    if (now.settings.missing.debriefHours !== original) {
      const restored = await admin.put('/api/county/settings', {
        data: {
          version: now.version,
          settings: { ...now.settings, missing: { ...now.settings.missing, debriefHours: original } },
        },
      });
      expect(restored.ok(), 'restoring the debrief hours').toBe(true);
    }
    await admin.dispose();
  }
});
