// Helpers shared by the browser tests.
import { AxeBuilder } from '@axe-core/playwright';
import { expect, type APIRequestContext, type Page } from '@playwright/test';

export const PASSWORD = 'harbor-demo';
/** The server started by playwright.config.ts with HARBOR_REQUIRE_MFA=true. */
export const MFA_BASE_URL = `http://127.0.0.1:${Number(process.env.HARBOR_E2E_PORT ?? 3199) - 10}`;

/** WCAG 2.1 A and AA, as the project promises. */
export async function expectNoAxeViolations(page: Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact ?? 'n/a'}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`,
  );
  expect(summary, `accessibility violations on ${where}`).toEqual([]);
}

/**
 * Signs in and waits for the first page after it (the user's home). By default the session is
 * opened through the API in the page's own cookie jar, then the app is loaded: the same session
 * the form would give, a second or two sooner. The form itself is covered by the tests that pass
 * `{ form: true }` (test/e2e/journey.spec.ts, mfa.spec.ts).
 */
export async function signIn(page: Page, email: string, options: { form?: boolean } = {}): Promise<void> {
  if (!options.form) {
    const login = await page.request.post('/api/auth/login', { data: { email, password: PASSWORD } });
    expect(login.ok(), `sign-in of ${email}: ${login.status()}`).toBe(true);
    await page.goto('/');
    // The home page redirects to the user's first page once the session is known.
    await page.waitForURL((url) => url.pathname !== '/' && !url.pathname.endsWith('/sign-in'));
    return;
  }
  await page.goto('/sign-in');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await page.getByLabel('Work email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).not.toHaveURL(/\/sign-in$/);
}

/** The id of the first youth on a user's caseload, through the API (no browser). */
export async function firstCaseloadYouthId(request: APIRequestContext, email: string): Promise<string> {
  const login = await request.post('/api/auth/login', { data: { email, password: PASSWORD } });
  expect(login.ok(), `sign-in of ${email}`).toBe(true);
  const csrf = ((await login.json()) as { csrfToken: string }).csrfToken;
  const search = await request.get('/api/youth?limit=1');
  expect(search.ok()).toBe(true);
  const { results } = (await search.json()) as { results: { id: string }[] };
  await request.post('/api/auth/logout', { headers: { 'x-csrf-token': csrf } });
  const id = results[0]?.id;
  if (!id) throw new Error(`${email} has no youth on their caseload in the demo data`);
  return id;
}
