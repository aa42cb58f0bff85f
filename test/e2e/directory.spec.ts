// The resource directory and a youth's placements and services in the browser: a caseworker finds
// a Spanish-speaking provider with a vacancy, places a youth there and records a service; an
// organization administrator keeps their own entry current (and only theirs); a county
// administrator keeps the CSEC contact list; an advocate sees placements without the address.
// Accessibility scans on each page; phone width and Spanish checked on the directory.
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { expectNoAxeViolations, PASSWORD, signIn } from './support.js';

const WORKER = 'socialworker@la.demo';

interface ProviderT {
  id: string;
  name: string;
  kind: string;
  spas: number[];
  services: string[];
  placementTypes: string[];
  address: string | null;
  organizationId: string | null;
  version: number;
}

/** Signs in through the API, runs `fn`, signs out. */
async function asUser<T>(request: APIRequestContext, email: string, fn: (csrf: string) => Promise<T>): Promise<T> {
  const login = await request.post('/api/auth/login', { data: { email, password: PASSWORD } });
  expect(login.ok(), `sign-in of ${email}`).toBe(true);
  const csrf = ((await login.json()) as { csrfToken: string }).csrfToken;
  try {
    return await fn(csrf);
  } finally {
    await request.post('/api/auth/logout', { headers: { 'x-csrf-token': csrf } });
  }
}

async function getJson<T>(request: APIRequestContext, path: string): Promise<T> {
  const res = await request.get(path);
  expect(res.ok(), `GET ${path}`).toBe(true);
  return (await res.json()) as T;
}

/**
 * What the demo data offers today, read through the API: a Spanish-speaking placement provider
 * with a vacancy, the SPA to filter on and how many match there, the worker's first youth, and a
 * service that provider offers which the youth has not had yet.
 */
async function setting(request: APIRequestContext) {
  return asUser(request, WORKER, async () => {
    const { providers } = await getJson<{ providers: ProviderT[] }>(
      request,
      '/api/directory/providers?language=Spanish&hasVacancy=true&pageSize=100',
    );
    const provider =
      providers.find(
        (p) => p.kind === 'organization' && p.placementTypes.length > 0 && p.spas.length > 0 && p.services.length > 0,
      ) ?? providers.find((p) => p.placementTypes.length > 0 && p.spas.length > 0);
    if (!provider) throw new Error('The demo directory has no Spanish-speaking placement provider with a vacancy');
    const spa = provider.spas[0]!;
    const inSpa = await getJson<{ total: number }>(
      request,
      `/api/directory/providers?language=Spanish&hasVacancy=true&spa=${spa}&pageSize=1`,
    );

    const { results } = await getJson<{ results: { id: string; name: string }[] }>(request, '/api/youth?limit=1');
    const youth = results[0];
    if (!youth) throw new Error(`${WORKER} has no youth on their caseload`);
    const { episodes } = await getJson<{ episodes: { service: { key: string } }[] }>(
      request,
      `/api/youth/${youth.id}/services`,
    );
    const { services } = await getJson<{ services: { key: string; name: { en: string } }[] }>(
      request,
      '/api/directory/services',
    );
    const had = new Set(episodes.map((e) => e.service.key));
    const offered = services.filter((s) => provider.services.includes(s.key) && !had.has(s.key));
    const service = offered[0] ?? services.find((s) => !had.has(s.key) && s.key !== 'other')!;
    return {
      provider,
      spa,
      spaCount: inSpa.total,
      youth,
      service: { key: service.key, name: service.name.en, byProvider: offered.length > 0 },
    };
  });
}

const care = (page: Page) => page.locator('section[aria-labelledby="care-heading"]');

test('a caseworker finds a Spanish-speaking provider with a vacancy, places a youth there and starts a service', async ({
  page,
  request,
}) => {
  const { provider, spa, spaCount, youth, service } = await setting(request);
  await signIn(page, WORKER);

  // The directory, from the main menu.
  await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Directory' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Resource directory' })).toBeVisible();
  await expect(page).toHaveTitle('Resource directory | Harbor');
  const status = page.getByRole('status').filter({ hasText: /match/ });
  await expect(status).toBeVisible();

  const filters = page.getByRole('group', { name: 'Filters' });
  await filters.getByLabel('Language spoken').selectOption('Spanish');
  await filters.getByText('Have a vacancy now').click();
  await expect(filters.getByLabel('Have a vacancy now')).toBeChecked();
  await filters.getByLabel('Service Planning Area (SPA)').selectOption(String(spa));
  await expect(status).toHaveText(spaCount === 1 ? '1 provider matches.' : `${spaCount} providers match.`);
  await expect(page).toHaveURL(new RegExp(`language=Spanish.*hasVacancy=true|hasVacancy=true.*language=Spanish`));
  await expect(page.locator('.harbor-stale')).toHaveCount(0);
  const results = page.locator('.harbor-providers');
  const link = results.getByRole('link', { name: provider.name, exact: true });
  await expect(link).toBeVisible();
  // Export links carry the same filters.
  await expect(page.getByRole('link', { name: 'Download as CSV' })).toHaveAttribute(
    'href',
    new RegExp(`^/api/directory/providers/export\\.csv\\?.*spa=${spa}`),
  );
  await expect(page.getByRole('link', { name: 'Download as Excel (XLSX)' })).toHaveAttribute(
    'href',
    /export\.xlsx\?.*language=Spanish/,
  );
  await expectNoAxeViolations(page, 'directory with filters and results');

  // The provider's page.
  await link.click();
  await expect(page.getByRole('heading', { level: 1, name: provider.name })).toBeVisible();
  await expect(page).toHaveTitle('Directory entry | Harbor');
  await expect(page.getByRole('heading', { level: 2, name: 'How to reach them' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'History of changes' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Edit this entry' })).toHaveCount(0);
  await expectNoAxeViolations(page, 'provider page');

  // Back to the same search; then the CSEC contact list.
  await page.getByRole('link', { name: 'Back to the directory' }).click();
  await expect(status).toHaveText(spaCount === 1 ? '1 provider matches.' : `${spaCount} providers match.`);
  await page.getByRole('link', { name: /CSEC contact list/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'CSEC contact list' })).toBeVisible();
  await expect(
    page.getByRole('heading', { level: 2, name: 'LA County Department of Children and Family Services' }),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add a contact' })).toHaveCount(0);
  await expectNoAxeViolations(page, 'CSEC contact list');

  // The youth, from "My youth".
  await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Find a youth' }).click();
  await page.locator('.harbor-results').getByRole('link', { name: youth.name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(youth.name);
  await expect(page).toHaveTitle('Youth record | Harbor');
  const section = care(page);
  await expect(
    section.getByRole('heading', { level: 2, name: 'Where the youth lives and what they receive' }),
  ).toBeVisible();
  await expect(section.getByRole('heading', { level: 3, name: 'History' })).toBeVisible();

  // A new placement with that provider; the current one ends when it starts.
  await section.getByRole('button', { name: 'Record a new placement' }).click();
  const form = section.getByRole('form', { name: 'Record a new placement' });
  await form.getByLabel('Placement type').selectOption(provider.placementTypes[0]!);
  const picker = form.getByRole('group', { name: /^Provider/ });
  await picker.getByRole('searchbox', { name: 'Search the directory' }).fill(provider.name.replace(' (fictional)', ''));
  await picker.locator('label', { hasText: provider.name }).click();
  await expect(picker.getByRole('radio', { name: provider.name })).toBeChecked();
  await form.getByLabel('Reason for the move').fill('Closer to school');
  await form.getByRole('textbox', { name: 'Address' }).fill('100 Harbor Test Way (fictional)');
  await expectNoAxeViolations(page, 'placement form');
  await form.getByRole('button', { name: 'Save the placement' }).click();
  await expect(section.getByRole('status').filter({ hasText: 'Placement recorded' })).toBeFocused();
  const current = section.locator('.harbor-care-card--current');
  await expect(current).toContainText(provider.name);
  await expect(current).toContainText('100 Harbor Test Way (fictional)');
  await expect(section.locator('.harbor-care-history .harbor-tag-current')).toHaveCount(1);

  // A service referral, then its start.
  await section.getByRole('button', { name: 'Record a service referral' }).click();
  const serviceForm = section.getByRole('form', { name: 'Record a service referral' });
  await serviceForm.getByLabel('Service', { exact: true }).selectOption(service.key);
  if (service.byProvider) {
    const servicePicker = serviceForm.getByRole('group', { name: /^Provider/ });
    await servicePicker
      .getByRole('searchbox', { name: 'Search the directory' })
      .fill(provider.name.replace(' (fictional)', ''));
    await servicePicker.locator('label', { hasText: provider.name }).click();
  }
  await serviceForm.getByLabel('Funding source').selectOption('county_general');
  await serviceForm.getByRole('button', { name: 'Save the referral' }).click();
  await expect(
    section.getByRole('status').filter({ hasText: `Service recorded: ${service.name} (Referred)` }),
  ).toBeFocused();

  await section
    .getByRole('button', { name: `Update: ${service.name}` })
    .first()
    .click();
  const update = section.getByRole('form', { name: 'Update this service' });
  await update.getByLabel('Status').selectOption('active');
  await expect(update.getByLabel('Started')).not.toHaveValue('');
  await update.getByRole('button', { name: 'Save changes' }).click();
  await expect(
    section.getByRole('status').filter({ hasText: `Service updated: ${service.name} (Active)` }),
  ).toBeFocused();
  await expect(section.locator('.harbor-care-active')).toContainText(service.name);
  await expectNoAxeViolations(page, 'profile with placements and services');
});

/** A moment as a datetime-local value in county time. */
function countyInput(iso: string): string {
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
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** The web's English names of placement types (the API sends the codes). */
const PLACEMENT_TYPE_NAMES = (
  JSON.parse(readFileSync('src/web/i18n/en.json', 'utf8')) as { placementTypes: Record<string, string> }
).placementTypes;

test('placement dates that break the rules are refused with a summary that takes focus', async ({ page, request }) => {
  // The worker's second youth (the first one moved in the test above), and where they live now.
  const { youth, open } = await asUser(request, WORKER, async () => {
    const { results } = await getJson<{ results: { id: string; name: string }[] }>(request, '/api/youth?limit=2');
    const y = results[1]!;
    const { placements } = await getJson<{
      placements: { startAt: string; endAt: string | null; placementType: string }[];
    }>(request, `/api/youth/${y.id}/placements`);
    const current = placements.find((p) => p.endAt === null);
    // The API sends the type's code; the web words it (placementTypes.<key>).
    return { youth: y, open: current ? { ...current, label: PLACEMENT_TYPE_NAMES[current.placementType]! } : null };
  });
  test.skip(!open, 'this youth has no current placement in the demo data');
  await signIn(page, WORKER);
  await page.goto(`/youth/${youth.id}`);
  const section = care(page);
  await section.getByRole('button', { name: 'Record a new placement' }).click();
  const form = section.getByRole('form', { name: 'Record a new placement' });
  await form.getByLabel('Placement type').selectOption('relative');
  const summary = page.locator('.harbor-focus-target').filter({ has: page.getByRole('alert') });

  // Starting before the current placement, with no end: it would overlap it.
  const dayBefore = new Date(new Date(open!.startAt).getTime() - 86_400_000).toISOString();
  await form.getByLabel('Start', { exact: true }).fill(countyInput(dayBefore));
  await form.getByRole('button', { name: 'Save the placement' }).click();
  await expect(summary).toBeFocused();
  await expect(summary).toContainText(`These dates overlap the placement “${open!.label}”`);
  await expectNoAxeViolations(page, 'placement form with errors');

  // Starting more than a day ahead.
  await form
    .getByLabel('Start', { exact: true })
    .fill(countyInput(new Date(Date.now() + 3 * 86_400_000).toISOString()));
  await form.getByRole('button', { name: 'Save the placement' }).click();
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('A placement cannot start more than a day from now');

  // The server's 409 when another placement was saved meanwhile (the browser's own check passed):
  // the web words its code, and never shows the server's English sentence.
  await form.getByLabel('Start', { exact: true }).fill(countyInput(new Date().toISOString()));
  await page.route(/\/api\/youth\/[^/]+\/placements$/, (route) =>
    route.request().method() === 'POST'
      ? route.fulfill({
          status: 409,
          contentType: 'application/problem+json',
          json: {
            type: 'urn:harbor:problem:placement_overlap',
            title: 'Conflict',
            status: 409,
            code: 'placement_overlap',
            detail: 'Another placement was recorded for these dates at the same moment. Reload to see it.',
            requestId: 'req-e2e-409',
          },
        })
      : route.continue(),
  );
  await form.getByRole('button', { name: 'Save the placement' }).click();
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('These dates overlap another placement on record');
  await expect(summary).not.toContainText('Another placement was recorded for these dates at the same moment.');
  await page.unrouteAll();
  // The current placement was put back as it was: still open.
  await page.reload();
  await expect(care(page).locator('.harbor-care-card--current')).toContainText(open!.label);
});

test('an organization administrator keeps their own entry current, and only theirs', async ({ page, request }) => {
  await signIn(page, 'provider@la.demo');
  // Their home is the directory; no youth search.
  await expect(page).toHaveURL(/\/directory$/);
  await expect(
    page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Find a youth' }),
  ).toHaveCount(0);

  await page.getByRole('searchbox', { name: 'Search by name or description' }).fill('Lighthouse');
  const own = page
    .locator('.harbor-providers')
    .getByRole('link', { name: /^Lighthouse Youth Advocates/ })
    .first();
  await own.click();
  await expect(page.getByRole('heading', { level: 1, name: /^Lighthouse Youth Advocates/ })).toBeVisible();
  const providerUrl = page.url();
  const providerId = providerUrl.split('/').at(-1)!;

  // A program without beds has no vacancies to keep; the full edit form gives it some.
  await expect(page.getByRole('heading', { level: 2, name: 'Vacancies' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Edit this entry' }).click();
  const form = page.getByRole('form', { name: 'Edit this entry' });
  await form.getByLabel('Hours (optional)').fill('Mon–Fri 9am–6pm');
  await form.getByLabel('Beds (optional)').fill('5');
  await form.getByLabel('Vacancies (optional)').fill('2');
  await expectNoAxeViolations(page, 'provider edit form');
  await form.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Changes saved.' })).toBeFocused();
  const history = page.getByRole('table', { name: 'History of changes' });
  await expect(
    history.getByRole('row').filter({ hasText: 'Nadia Ferreira' }).filter({ hasText: 'Hours' }),
  ).toBeVisible();
  await expect(page.locator('.harbor-vacancy')).toContainText('2 vacancies of 5 beds');

  // Today's vacancies, the quick way.
  await page.getByLabel('Vacancies now').fill('1');
  await page.getByRole('button', { name: 'Save today’s count' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved: 1 vacancy of 5 beds' })).toBeFocused();
  await expect(page.locator('.harbor-vacancy')).toContainText('1 vacancy of 5 beds');
  await expect(page.locator('.harbor-vacancy')).toContainText('confirmed today');

  // Someone else saves first: the form says who changed what and keeps what was typed.
  await page.getByRole('button', { name: 'Edit this entry' }).click();
  await form.getByLabel('Hours (optional)').fill('Mon–Sat 9am–6pm');
  await asUser(request, 'admin@la.demo', async (csrf) => {
    const current = await getJson<ProviderT>(request, `/api/directory/providers/${providerId}`);
    const res = await request.patch(`/api/directory/providers/${providerId}`, {
      headers: { 'x-csrf-token': csrf },
      data: { version: current.version, description: 'Advocacy for survivors, by appointment and drop-in.' },
    });
    expect(res.ok()).toBe(true);
  });
  await form.getByRole('button', { name: 'Save changes' }).click();
  const conflict = page.locator('.harbor-focus-target').filter({ hasText: 'Someone else saved this first' });
  await expect(conflict).toBeFocused();
  await expect(conflict).toContainText('Owen Castellanos changed description');
  await expect(form.getByLabel('Hours (optional)')).toHaveValue('Mon–Sat 9am–6pm');
  await conflict.getByRole('button', { name: 'Load the latest version' }).click();
  await expect(
    page.locator('.harbor-details').getByText('Advocacy for survivors, by appointment and drop-in.'),
  ).toBeVisible();

  // Another organization's entry: no forms.
  await page.goto('/directory?q=Riverstone');
  await page
    .locator('.harbor-providers')
    .getByRole('link', { name: /^Riverstone/ })
    .first()
    .click();
  await expect(page.getByRole('heading', { level: 1, name: /^Riverstone/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Edit this entry' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Save today’s count' })).toHaveCount(0);

  await page.goto('/search');
  await expect(page).toHaveURL(/\/directory$/);
});

test('a county administrator adds, changes and removes a CSEC contact', async ({ page }) => {
  await signIn(page, 'admin@la.demo');
  await page.goto('/directory/contacts');
  await page.getByRole('button', { name: 'Add a contact' }).click();
  const add = page.getByRole('form', { name: 'Add a contact' });
  await add.getByRole('button', { name: 'Add a contact' }).click();
  await expect(page.getByRole('alert')).toContainText('Choose the agency.');
  await add.getByLabel('Agency').selectOption({ label: 'LA County Probation Department' });
  await add.getByLabel('Name', { exact: true }).fill('Jordan Testperson');
  await add.getByLabel('Phone (optional)').fill('(213) 555-0199');
  await add.getByRole('button', { name: 'Add a contact' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Jordan Testperson was added to the list.' })).toBeFocused();
  await expectNoAxeViolations(page, 'CSEC contact list for an administrator');

  await page.getByRole('button', { name: 'Edit Jordan Testperson' }).click();
  const edit = page.getByRole('form', { name: 'Edit Jordan Testperson' });
  await edit.getByLabel('Job title (optional)').fill('CSEC liaison');
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Changes to Jordan Testperson saved.' })).toBeFocused();
  await expect(page.getByRole('listitem').filter({ hasText: 'Jordan Testperson' })).toContainText('CSEC liaison');

  await page.getByRole('button', { name: 'Remove Jordan Testperson' }).click();
  await page.getByRole('button', { name: 'Yes, remove' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Jordan Testperson was removed from the list.' }),
  ).toBeFocused();
  await expect(page.getByRole('heading', { name: 'Jordan Testperson' })).toHaveCount(0);
});

test('an advocate sees placements and services without where the youth lives', async ({ page, request }) => {
  const youth = await asUser(request, 'advocate@la.demo', async () => {
    const { results } = await getJson<{ results: { id: string; name: string }[] }>(request, '/api/youth?limit=1');
    return results[0]!;
  });
  await signIn(page, 'advocate@la.demo');
  await page.goto('/search'); // home is My work for roles with deadlines (issue 14)
  await page.locator('.harbor-results').getByRole('link', { name: youth.name, exact: true }).click();
  const section = care(page);
  await expect(section.getByRole('heading', { level: 3, name: 'Current placement' })).toBeVisible();
  await expect(
    section.getByText('Where the youth lives (the provider and the address) is hidden for your role.'),
  ).toBeVisible();
  await expect(section.getByText('Address', { exact: true })).toHaveCount(0);
  await expect(section.getByRole('button', { name: 'Record a new placement' })).toHaveCount(0);
  await expect(section.getByRole('button', { name: 'Record a service referral' })).toBeVisible();
  await expectNoAxeViolations(page, 'profile of an advocate');
});

test('at phone width and in Spanish the directory filters fold away and still work', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await signIn(page, WORKER);
  await page.getByRole('button', { name: 'Menu' }).click();
  await page.getByRole('navigation', { name: 'Main menu' }).getByRole('button', { name: 'Español' }).click();
  await page.goto('/directory');
  await expect(page.getByRole('heading', { level: 1, name: 'Directorio de recursos' })).toBeVisible();
  const toggle = page.getByRole('button', { name: 'Mostrar filtros' });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByLabel('Idioma que hablan')).toBeHidden();
  await toggle.click();
  await expect(page.getByLabel('Idioma que hablan')).toBeVisible();
  await page.getByLabel('Idioma que hablan').selectOption({ label: 'Español' });
  await page.getByText('Tienen una plaza libre ahora').click();
  await expect(page.getByRole('button', { name: 'Filtros (2 activos)' })).toHaveAttribute('aria-expanded', 'true');
  // Results still loading are dimmed; scan once the new ones are in.
  await expect(page).toHaveURL(/hasVacancy=true/);
  await expect(page.locator('.harbor-stale')).toHaveCount(0);
  await expectNoAxeViolations(page, 'directory filters open at phone width, in Spanish');
  await page.getByRole('button', { name: 'Ver los resultados' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Resultados' })).toBeFocused();
  await expect(page.getByRole('status').filter({ hasText: /coincide/ })).toBeVisible();
  await expect(page.getByLabel('Idioma que hablan')).toBeHidden();
  const noHorizontalScroll = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
  expect(noHorizontalScroll).toBe(true);
  await expectNoAxeViolations(page, 'directory results at phone width, in Spanish');
});
