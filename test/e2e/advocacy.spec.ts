// Advocacy referrals end to end: a caseworker refers a youth to a CBO; the CBO's administrator
// accepts and assigns a vetted advocate; the advocate records first contact, starts a service and
// links it; the Board report's figures for that CBO go up by one. Axe on every new page.
import { expect, request as playwrightRequest, test, type APIRequestContext, type Page } from '@playwright/test';
import { expectNoAxeViolations, PASSWORD, signIn } from './support.js';

const WORKER = 'socialworker@la.demo';
const CBO_ADMIN = 'provider@la.demo'; // org_admin of Lighthouse Youth Advocates (src/seed/demo.ts)
const ADVOCATE = 'advocate@la.demo'; // Keiko Brandt, Lighthouse, fully vetted (src/seed/demo-advocacy.ts)
const ANALYST = 'analyst@la.demo';
const CBO = 'Lighthouse Youth Advocates (fictional)';

interface Referral {
  id: string;
  organization: string;
  referredAt: string;
  state: string;
}

/** An API client signed in as someone, with the CSRF header for writes. */
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

const countyToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Los_Angeles' }).format(new Date());

async function switchUser(page: Page, email: string) {
  await page.context().clearCookies();
  await signIn(page, email);
}

/** The CBO's row of the report's per-organization table: referrals and youth recovered. */
async function cboFigures(page: Page): Promise<{ referrals: number; recovered: number; countyReferrals: number }> {
  await page.goto('/reports/advocacy?period=current&version=internal');
  await expect(page.getByRole('heading', { level: 1, name: 'Advocacy report to the Board' })).toBeVisible();
  const row = page.getByRole('table', { name: 'By organization' }).getByRole('row').filter({ hasText: CBO });
  await expect(row).toHaveCount(1);
  const num = async (label: string) =>
    Number((await row.locator(`td[data-label="${label}"]`).textContent())?.replace(/[^\d]/g, ''));
  const county = Number((await page.locator('[data-measure="referrals"]').textContent())?.replace(/[^\d]/g, ''));
  return {
    referrals: await num('Referrals made'),
    recovered: await num('Youth recovered and connected'),
    countyReferrals: county,
  };
}

test('a youth is referred to a CBO, accepted, assigned, reached and linked to a service; the Board report counts it', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(240_000);

  // The report before, as the county analyst.
  await signIn(page, ANALYST);
  const before = await cboFigures(page);
  const period = (await (await page.request.get('/api/reports/advocacy?period=current')).json()) as {
    period: { from: string };
  };
  await expect(page.getByRole('link', { name: 'Download PDF' })).toHaveAttribute(
    'href',
    /\/api\/reports\/advocacy\.pdf\?period=current&version=internal$/,
  );
  await expect(page.getByRole('link', { name: 'Download Excel (XLSX)' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Download CSV' })).toBeVisible();
  await expect(page.getByText(/counts as recovered and connected to services/)).toBeVisible();
  await expect(page.getByRole('table', { name: 'Referrals made per period' }).getByRole('row')).toHaveCount(7);
  await expectNoAxeViolations(page, 'the Board report');

  // A youth of the caseworker's with no referral to the CBO in this period, so the CBO's
  // "recovered" count must go up by exactly one.
  await switchUser(page, WORKER);
  const { results } = (await (await page.request.get('/api/youth?limit=50')).json()) as { results: { id: string }[] };
  let youthId: string | null = null;
  for (const y of results) {
    const { referrals } = (await (await page.request.get(`/api/youth/${y.id}/advocacy-referrals`)).json()) as {
      referrals: Referral[];
    };
    if (!referrals.some((r) => r.organization === CBO && r.referredAt.slice(0, 10) >= period.period.from)) {
      youthId = y.id;
      break;
    }
  }
  expect(youthId, 'a caseload youth without a referral to the CBO this period').not.toBeNull();

  await page.goto(`/youth/${youthId}`);
  const section = page.locator('section[aria-labelledby="advocacy-heading"]');
  await expect(section.getByRole('heading', { level: 2, name: 'Advocacy' })).toBeVisible();
  await section.getByRole('button', { name: 'Refer to an advocacy organization' }).click();
  const refer = section.getByRole('form', { name: 'Refer to an advocacy organization' });
  // Nothing chosen: the summary lists what to fix.
  await refer.getByLabel('Urgency').selectOption('');
  await refer.getByRole('button', { name: 'Send the referral' }).click();
  await expect(refer.getByRole('heading', { name: 'Check these 3 fields' })).toBeVisible();
  await expect(refer.getByRole('link', { name: 'Choose the advocacy organization.' })).toBeVisible();
  await refer.getByLabel('Advocacy organization').selectOption({ label: `${CBO} (first contact within 24 hours)` });
  await refer
    .getByLabel('Why the youth is referred')
    .fill('Disclosed exploitation at intake; agreed to meet an advocate.');
  await refer.getByLabel('Urgency').selectOption('urgent');
  await expectNoAxeViolations(page, 'the referral form');
  await refer.getByRole('button', { name: 'Send the referral' }).click();
  await expect(section.getByRole('status')).toContainText(`The referral to ${CBO} was sent.`);
  const { referrals } = (await (await page.request.get(`/api/youth/${youthId}/advocacy-referrals`)).json()) as {
    referrals: Referral[];
  };
  const referral = referrals.find((r) => r.organization === CBO && r.state === 'sent')!;
  const card = section.locator(`article[aria-labelledby="advocacy-referral-${referral.id}"]`);
  await expect(card.getByRole('heading', { level: 3 })).toHaveText(`${CBO}: Sent`);
  await expectNoAxeViolations(page, 'the advocacy section with a referral');

  // At the CBO: accept, then assign the vetted advocate.
  await switchUser(page, CBO_ADMIN);
  await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'My organization' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Advocacy referrals to my organization' })).toBeVisible();
  const inbox = page.locator(`article[aria-labelledby="cbo-referral-${referral.id}"]`);
  await expect(inbox).toContainText('name not shown to you');
  await expectNoAxeViolations(page, 'the CBO view');
  // The county administrator revokes the other Lighthouse advocate's approval (restored below),
  // so the CBO can see how a refusal names what is missing.
  const admin = await apiAs(baseURL!, 'admin@la.demo');
  const { contracts } = (await (await admin.get('/api/advocacy/contracts')).json()) as {
    contracts: { organization: string; organizationId: string; contractingOrganizationId: string }[];
  };
  const contract = contracts.find((c) => c.organization === CBO)!;
  const roster = (await (
    await admin.get(`/api/advocacy/organizations/${contract.organizationId}/advocates`)
  ).json()) as {
    advocates: { userId: string; name: string; approvals: { id: string; revokedOn: string | null }[] }[];
  };
  const other = roster.advocates.find((a) => a.name !== 'Keiko Brandt')!;
  const approval = other.approvals.find((a) => a.revokedOn === null)!;
  const revoked = await admin.post(`/api/advocacy/approvals/${approval.id}/revoke`, {
    data: { revokedOn: countyToday(), reason: 'Browser test: approval under review.' },
  });
  expect(revoked.ok()).toBe(true);

  await page.reload();
  await inbox.getByRole('button', { name: 'Accept' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The referral was accepted.' })).toBeFocused();
  const assign = page
    .locator(`article[aria-labelledby="cbo-referral-${referral.id}"]`)
    .getByRole('form', { name: 'Assign an advocate' });
  await assign.getByRole('button', { name: 'Assign' }).click();
  await expect(assign.getByRole('link', { name: 'Choose the advocate.' })).toBeVisible();
  await assign.getByLabel('Advocate').selectOption(other.userId);
  await assign.getByRole('button', { name: 'Assign' }).click();
  const refusal = assign.getByRole('alert');
  await expect(
    refusal.getByRole('heading', { name: 'This advocate cannot be assigned: 1 requirement is missing' }),
  ).toBeVisible();
  await expect(refusal.getByRole('link', { name: /contracting department/ })).toBeVisible();
  await expect(assign.locator('.harbor-focus-target')).toBeFocused();
  await expectNoAxeViolations(page, 'the refused assignment');
  const restored = await admin.post(`/api/advocacy/advocates/${other.userId}/approvals`, {
    data: {
      contractingOrganizationId: contract.contractingOrganizationId,
      approvedOn: countyToday(),
      approvedUntil: `${Number(countyToday().slice(0, 4)) + 1}${countyToday().slice(4)}`,
    },
  });
  expect(restored.ok()).toBe(true);
  await admin.dispose();

  await assign.getByLabel('Advocate').selectOption({ label: 'Keiko Brandt' });
  await assign.getByRole('button', { name: 'Assign' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Keiko Brandt was assigned.' })).toBeFocused();
  await expect(page.getByRole('heading', { level: 2, name: /^With an advocate/ })).toBeVisible();
  const advocates = page.locator('section[aria-labelledby="cbo-advocates"]');
  await expect(advocates.getByRole('heading', { level: 3, name: 'Keiko Brandt: cleared to work' })).toBeVisible();
  await expectNoAxeViolations(page, 'the CBO view after assignment');

  // The advocate: first contact, a service started, and the link to it.
  await switchUser(page, ADVOCATE);
  await page.goto(`/youth/${youthId}`);
  const mine = page.locator(`article[aria-labelledby="advocacy-referral-${referral.id}"]`);
  await expect(mine.getByRole('heading', { level: 3 })).toHaveText(`${CBO}: Advocate assigned`);
  await mine
    .getByRole('form', { name: 'Record first contact' })
    .getByRole('button', { name: 'Record first contact' })
    .click();
  await expect(page.getByRole('status').filter({ hasText: 'First contact was recorded.' })).toBeFocused();
  await expect(mine.getByRole('heading', { level: 3 })).toHaveText(`${CBO}: First contact made`);

  // The service form is minute-precise: start the service in a minute after the referral's.
  const nextMinute = Math.floor(new Date(referral.referredAt).getTime() / 60_000 + 1) * 60_000;
  if (Date.now() < nextMinute) await page.waitForTimeout(nextMinute - Date.now() + 500);
  const care = page.locator('section[aria-labelledby="care-heading"]');
  await care.getByRole('button', { name: 'Record a service referral' }).click();
  const serviceForm = care.getByRole('form', { name: 'Record a service referral' });
  await serviceForm.getByLabel('Service', { exact: true }).selectOption('mentoring');
  await serviceForm.getByLabel('Funding source').selectOption('county_general');
  await serviceForm.getByRole('button', { name: 'Save the referral' }).click();
  await expect(care.getByRole('status').filter({ hasText: 'Service recorded: Mentoring (Referred)' })).toBeFocused();
  await care.getByRole('button', { name: 'Update: Mentoring' }).first().click();
  const update = care.getByRole('form', { name: 'Update this service' });
  await update.getByLabel('Status').selectOption('active');
  await update.getByRole('button', { name: 'Save changes' }).click();
  await expect(care.getByRole('status').filter({ hasText: 'Service updated: Mentoring (Active)' })).toBeFocused();

  const milestone = mine.getByRole('form', { name: 'Record a milestone' });
  await milestone.getByLabel('Milestone').selectOption('linked_to_service');
  await milestone.getByRole('button', { name: 'Save the milestone' }).click();
  await expect(
    milestone.getByRole('link', { name: 'Choose the service episode the youth was linked to.' }),
  ).toBeVisible();
  await milestone.getByLabel('Service the youth was linked to').selectOption({ index: 1 });
  await expectNoAxeViolations(page, "the advocate's steps");
  await milestone.getByRole('button', { name: 'Save the milestone' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The milestone was saved.' })).toBeFocused();
  await expect(
    mine.getByRole('listitem').filter({ hasText: /^Linked to a service, .* Linked to: Mentoring/ }),
  ).toBeVisible();

  // The report after: one more referral and one more youth recovered and connected.
  await switchUser(page, ANALYST);
  const after = await cboFigures(page);
  expect(after.referrals).toBe(before.referrals + 1);
  expect(after.countyReferrals).toBe(before.countyReferrals + 1);
  expect(after.recovered).toBe(before.recovered + 1);
});

test('the county view lists contracts, expiring vetting and performance issues', async ({ page }) => {
  await signIn(page, 'admin@la.demo');
  await page
    .getByRole('navigation', { name: 'Main menu' })
    .getByRole('link', { name: 'Advocacy', exact: true })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Advocacy organizations' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Contracts' }).getByRole('row').filter({ hasText: CBO })).toHaveCount(1);
  await expect(page.getByRole('heading', { level: 2, name: 'Vetting ending soon' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Performance issues' })).toBeVisible();
  await expectNoAxeViolations(page, 'the county advocacy view');

  await page.getByRole('button', { name: 'Record a performance issue' }).click();
  const form = page.getByRole('form', { name: 'Record a performance issue' });
  await form.getByRole('button', { name: 'Save the issue' }).click();
  await expect(form.getByRole('heading', { name: 'Check these 5 fields' })).toBeVisible();
  await form.getByLabel('Organization').selectOption({ label: CBO });
  await form.getByLabel('Category').selectOption('documentation');
  await form.getByLabel('Severity').selectOption('low');
  await form.getByLabel('Description').fill('Milestones entered late in October.');
  await form.getByLabel('Recommendation for improvement').fill('Enter milestones within two working days.');
  await expectNoAxeViolations(page, 'the performance issue form');
  await form.getByRole('button', { name: 'Save the issue' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The performance issue was saved.' })).toBeFocused();
  const issue = page.getByRole('article').filter({ hasText: 'Milestones entered late in October.' });
  await expect(issue).toBeVisible();

  // Resolve it.
  await issue.getByRole('button', { name: 'Update or resolve' }).click();
  const resolve = issue.getByRole('form', { name: 'Resolve the issue' });
  await resolve.getByLabel('Resolution').fill('Weekly documentation review in place.');
  await resolve.getByRole('button', { name: 'Resolve' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The issue was resolved.' })).toBeFocused();

  // Change a contract's capacity.
  const contracts = page.getByRole('table', { name: 'Contracts' });
  const row = contracts.getByRole('row').filter({ hasText: CBO });
  const reference = (await row.locator('td[data-label="Contract reference"]').textContent())!.trim();
  await row.getByRole('button', { name: `Change contract ${reference}` }).click();
  const edit = page.getByRole('form', { name: `Change contract ${reference}` });
  await edit.getByLabel('Capacity').fill('31');
  await expectNoAxeViolations(page, 'the contract form');
  await edit.getByRole('button', { name: 'Save the contract' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The contract was saved.' })).toBeFocused();
  await expect(row).toContainText('capacity 31');
});

test('a county analyst dismisses a candidate issue the data flagged', async ({ page }) => {
  await signIn(page, 'analyst@la.demo');
  await page.goto('/advocacy/county');
  const flags = page.locator('section[aria-labelledby="county-flags"]');
  await flags.getByRole('button', { name: 'Look for new candidates now' }).click();
  await expect(page.getByRole('status').filter({ hasText: /new candidates? (was|were) found/ })).toBeFocused();
  const first = flags.getByRole('article').first();
  // The list reloads after the search; count it once it is back.
  await expect(first).toBeVisible();
  const before = await flags.getByRole('article').count();
  await first.getByRole('button', { name: 'Confirm or dismiss' }).click();
  const dismiss = first.getByRole('form', { name: 'Dismiss' });
  await dismiss.getByRole('button', { name: 'Dismiss' }).click();
  await expect(dismiss.getByRole('link', { name: /Say why the candidate is dismissed/ })).toBeVisible();
  await dismiss.getByLabel('Why it is dismissed').fill('Contact made by phone; entered late.');
  await expectNoAxeViolations(page, 'the flag decision forms');
  await dismiss.getByRole('button', { name: 'Dismiss' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The candidate was dismissed.' })).toBeFocused();
  await expect(flags.getByRole('article')).toHaveCount(before - 1);
});
