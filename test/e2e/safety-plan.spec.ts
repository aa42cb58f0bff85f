// The safety plan on a youth's record: the review prompt, writing the next version from the latest
// one, and the earlier versions kept in the history.
import { expect, test, type APIRequestContext } from '@playwright/test';
import { expectNoAxeViolations, signIn } from './support.js';

const WORKER = 'socialworker@la.demo';

/**
 * A youth that screening.spec.ts will not pick (it needs an open child welfare case and no
 * deadlines), since writing a safety plan changes what a later CSEC Type opens.
 */
async function youthOutsideScreeningTest(request: APIRequestContext): Promise<string> {
  const { results } = (await (await request.get('/api/youth?limit=50')).json()) as {
    results: { id: string; name: string }[];
  };
  let withDuties: string | null = null;
  for (const youth of results) {
    const record = (await (await request.get(`/api/youth/${youth.id}`)).json()) as {
      cases?: { kind: string; closedOn: string | null }[];
    };
    if (!record.cases?.some((c) => c.kind === 'child_welfare' && c.closedOn === null)) return youth.name;
    const duties = (await (await request.get(`/api/youth/${youth.id}/obligations`)).json()) as {
      obligations: unknown[];
    };
    if (!withDuties && duties.obligations.length > 0) withDuties = youth.name;
  }
  if (!withDuties) throw new Error('no youth on the caseload that the screening test leaves alone');
  return withDuties;
}

test('a caseworker writes the next version of a safety plan and the old one stays in the history', async ({ page }) => {
  await signIn(page, WORKER);
  await page.goto('/search'); // home is My work for roles with deadlines (issue 14)
  await expect(page.getByRole('heading', { level: 2, name: 'My youth' })).toBeVisible();
  const youthName = await youthOutsideScreeningTest(page.request);
  await page.locator('.harbor-results').getByRole('link', { name: youthName, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(youthName);

  const section = page.locator('section[aria-labelledby="safety-heading"]');
  await expect(section.getByRole('heading', { level: 2, name: 'Safety plan' })).toBeVisible();
  const write = section.getByRole('button', { name: /^Write the (safety plan|next version)$/ });
  await expect(write).toBeVisible();
  await expectNoAxeViolations(page, 'the youth profile with its safety plan section');

  // Two versions in a row, so there is always an earlier one.
  for (const round of [1, 2]) {
    await write.click();
    const form = section.getByRole('form', { name: /^Safety plan, version \d+$/ });
    const version = Number((await form.getByRole('heading', { level: 3 }).textContent())?.match(/\d+$/)?.[0]);
    if (round === 1) {
      // Too short everywhere: the summary lists every field.
      for (const label of [
        'Warning signs',
        'Safe people',
        'Safe places',
        'If an exploiter makes contact',
        'How to reach the advocate',
      ]) {
        await form.getByLabel(label).fill('x');
      }
      await form.getByRole('button', { name: 'Save this version' }).click();
      await expect(form.getByRole('heading', { name: 'Check these 5 fields' })).toBeVisible();
      await expectNoAxeViolations(page, 'the safety plan form with problems');
    }
    await form.getByLabel('Warning signs').fill(`New older "boyfriend" mentioned (round ${round}).`);
    await form.getByLabel('Safe people').fill('Aunt Rosa; the CSEC advocate.');
    await form.getByLabel('Safe places').fill('School library; the drop-in center.');
    await form.getByLabel('If an exploiter makes contact').fill('Do not reply; tell the advocate the same day.');
    await form.getByLabel('How to reach the advocate').fill('Text the advocate line, 9 to 5 weekdays.');
    await form.getByLabel('Why a new version').fill(`Review round ${round}`);
    await form.getByText('This version was written with the youth').click();
    await form.getByRole('button', { name: 'Save this version' }).click();
    await expect(section.getByRole('status')).toContainText(`Version ${version} of the safety plan was saved.`);
    await expect(section.getByRole('heading', { level: 3, name: `Current plan (version ${version})` })).toBeVisible();
    await expect(section).toContainText(`(round ${round})`);
  }

  await expect(section.getByRole('heading', { level: 3, name: 'Earlier versions' })).toBeVisible();
  const earlier = section.locator('details').first();
  await earlier.locator('summary').click();
  await expect(earlier).toContainText('(round 1)');
  await expect(section.getByRole('alert')).toHaveCount(0);
  await expectNoAxeViolations(page, 'the safety plan section with its history');
});
