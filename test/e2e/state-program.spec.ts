// The state CSEC Program (issue 13) in the browser: the LA county analyst reads the State CSEC
// Program report (internal, public and in Spanish), enters County Plan figures and submits the
// county's figures; the state analyst reads every county's report, sets a county's participation,
// uploads population figures (a refused file first), returns LA's submission with comments; the
// county analyst reads them, submits again, and the state accepts. Accessibility scans on each
// page. The tests run in order: each picks up the submission where the one before left it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectNoAxeViolations, signIn } from './support.js';

// Long walks with an accessibility scan on every page.
test.describe.configure({ mode: 'serial', timeout: 180_000 });

const ANALYST = 'analyst@la.demo';
const STATE = 'state@ca.demo';
const COMMENTS = 'Please check the Types without a subcategory before submitting again.';

/** The fiscal year before the one containing today (county time), as the pages default to. */
function lastFiscalYear(): string {
  const [y, m] = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Los_Angeles' })
    .format(new Date())
    .split('-')
    .map(Number) as [number, number];
  const start = (m >= 7 ? y : y - 1) - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}

const menu = (page: Page) => page.getByRole('navigation', { name: 'Main menu' });

/** Ticks a USWDS radio or checkbox as a person does: by its drawn box, the label (the input is off-screen). */
async function tick(page: Page, input: Locator): Promise<void> {
  const id = await input.getAttribute('id');
  await page.locator(`label[for="${id}"]`).click();
  await expect(input).toBeChecked();
}

test('the county analyst reads the state report, enters County Plan figures and submits', async ({ page }) => {
  await signIn(page, ANALYST);
  const last = lastFiscalYear();

  // The report: the counting rule first, the Type table beside the County Plans.
  await menu(page).getByRole('link', { name: 'State report' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'State CSEC Program report' })).toBeVisible();
  await expect(page).toHaveTitle('State CSEC Program report | Harbor');
  await page.getByLabel('State fiscal year', { exact: true }).selectOption(last);
  await page.getByRole('button', { name: 'Show the report' }).click();
  await expect(page).toHaveURL(new RegExp(`fiscalYear=${last}`));
  await expect(page.getByRole('region', { name: 'How youth are counted' })).toContainText('start date');
  const types = page.getByRole('table', { name: "Youth by CSEC Type: Harbor's count and the County Plans" });
  await expect(types.getByRole('row')).toHaveCount(10); // header, six Types, victims, at risk, total
  // The demo's County Plan for the last fiscal year sits beside Harbor's count, and the page
  // shows the same figures as the API.
  const [plan] = (await (await page.request.get(`/api/state/plans?fiscalYear=${last}`)).json()) as {
    victimsServed: number;
    atRiskIdentified: number;
    victimsByType: Record<string, number> | null;
  }[];
  expect(plan, 'the demo seeds LA County Plan figures for the last fiscal year').toBeTruthy();
  const plansCell = (row: RegExp) => types.getByRole('row', { name: row }).getByRole('cell').nth(1);
  await expect(plansCell(/^Victims, total/)).toHaveText(String(plan!.victimsServed));
  await expect(plansCell(/^At risk, total/)).toHaveText(String(plan!.atRiskIdentified));
  const during = plan!.victimsByType?.victim_during_care;
  if (during !== undefined)
    await expect(page.getByRole('figure', { name: /Chart/ })).toContainText(`County Plans: ${during}`);
  const counties = page.getByRole('table', { name: /Each county's count/ });
  await expect(counties.getByRole('rowheader')).toHaveText(['Los Angeles County']);
  await expect(page.getByRole('heading', { level: 2, name: 'Limitations of these figures' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Download PDF' })).toHaveAttribute(
    'href',
    new RegExp(`/api/reports/state\\.pdf\\?fiscalYear=${last}`),
  );
  await expectNoAxeViolations(page, 'the state report (internal)');

  // The public version: small counts read "fewer than 11", and only whole fiscal years.
  await tick(page, page.getByRole('radio', { name: /^Public/ }));
  await page.getByRole('button', { name: 'Show the report' }).click();
  await expect(page).toHaveURL(/version=public/);
  await expect(page.getByText(/^Public version\. One county\./)).toBeVisible();
  await expect(page.getByText(/"Fewer than 11 \(<11\)" means/)).toBeVisible();
  await expectNoAxeViolations(page, 'the state report (public)');
  await tick(page, page.getByRole('radio', { name: 'Other dates' }));
  await page.getByLabel('First day').fill('2025-01-01');
  await page.getByLabel('Last day').fill('2025-03-31');
  await page.getByRole('button', { name: 'Show the report' }).click();
  await expect(page.getByRole('alert')).toContainText('the public version covers whole fiscal years only');

  // In Spanish: the rule and the limitations come from the server in Spanish too.
  await menu(page).getByRole('button', { name: 'Español' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Informe del Programa CSEC del estado' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Cómo se cuenta a los jóvenes' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Limitaciones de estas cifras' })).toBeVisible();
  await expectNoAxeViolations(page, 'the state report in Spanish');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'State CSEC Program report' })).toBeVisible();

  // County Plan figures for a year without any: checked before saving, then saved with a version.
  await menu(page).getByRole('link', { name: 'County Plan figures' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'County Plan figures' })).toBeVisible();
  await page.getByLabel('State fiscal year', { exact: true }).selectOption('2016-17');
  await page.getByRole('button', { name: 'Open this year' }).click();
  await expect(page.getByText('Nothing has been entered for this year yet.')).toBeVisible();
  const form = page.getByRole('form', { name: 'County Plan figures for 2016-17' });
  await form.getByRole('button', { name: 'Save the figures' }).click();
  await expect(form.getByRole('alert')).toContainText('Victims served: enter a whole number from 0 to 1,000,000.');
  await form.getByLabel('Victims served').fill('40');
  await form.getByLabel('Youth identified as at risk').fill('25');
  await form.getByLabel('Victim during foster care').fill('50');
  await form.getByRole('button', { name: 'Save the figures' }).click();
  await expect(form.getByRole('alert')).toContainText('the Types add up to 50, more than the 40 victims served');
  await form.getByLabel('Victim during foster care').fill('22');
  await form.getByLabel('Note').fill('From the 2016-17 County Plan, page 12.');
  await expectNoAxeViolations(page, 'the County Plan form');
  await form.getByRole('button', { name: 'Save the figures' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toContainText(
    'Saved the County Plan figures for 2016-17 (version 1).',
  );
  await expect(page.getByText(/^Version 1, last saved/)).toBeVisible();
  await expect(page.getByLabel('Victims served')).toHaveValue('40');

  // The submission of the last fiscal year: made, then submitted.
  await menu(page).getByRole('link', { name: 'State submissions' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Submissions to the state' })).toBeVisible();
  await expect(page.getByLabel('State fiscal year', { exact: true })).toHaveValue(last);
  await expect(page.getByText('There is no submission for this period yet.')).toBeVisible();
  await page.getByRole('button', { name: 'Make the submission' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The submission is made' })).toBeVisible();
  await expect(page.getByText('Draft, not submitted')).toBeVisible();
  await expect(page.getByRole('table', { name: "The submission's figures by CSEC Type" })).toBeVisible();
  await expect(page.getByRole('link', { name: /Download the row file without names/ })).toHaveAttribute(
    'href',
    /\/api\/state\/submissions\/[0-9a-f-]+\/rows\.csv$/,
  );
  await expectNoAxeViolations(page, 'a draft submission');
  await page.getByRole('button', { name: 'Submit to the state' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Submitted to the state.' })).toBeVisible();
  await expect(page.getByText('Submitted, waiting for the state')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Submit to the state' })).toHaveCount(0);

  // No state program page for county staff.
  await expect(menu(page).getByRole('link', { name: 'CSEC Program' })).toHaveCount(0);
});

test('the state analyst reads every county, sets participation and population, and returns a submission', async ({
  page,
}) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'harbor-e2e-population-'));
  try {
    await signIn(page, STATE);
    await expect(menu(page).getByRole('link', { name: 'County Plan figures' })).toHaveCount(0);

    // The report across counties, then one county by name.
    await menu(page).getByRole('link', { name: 'State report' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'State CSEC Program report' })).toBeVisible();
    const county = page.getByLabel('County', { exact: true });
    await expect(county.getByRole('option')).toHaveCount(59); // every county with data, then the 58
    await expect(
      page.getByRole('table', { name: /Each county's count/ }).getByRole('rowheader', { name: 'Los Angeles County' }),
    ).toBeVisible();
    await county.selectOption({ label: 'San Diego County' });
    await page.getByRole('button', { name: 'Show the report' }).click();
    await expect(page).toHaveURL(/county=san-diego/);
    await expect(page.getByRole('table', { name: /Each county's count/ }).getByRole('rowheader')).toHaveText([
      'San Diego County',
    ]);
    await expectNoAxeViolations(page, "the state analyst's report");
    await tick(page, page.getByRole('checkbox', { name: /Only counties opted in/ }));
    await page.getByRole('button', { name: 'Show the report' }).click();
    await expect(page).toHaveURL(/optedIn=true/);
    await expect(page.getByText(/Only counties opted in to the CSEC Program\./)).toBeVisible();

    // Participation in 2016-17: Alpine County opts in, tier I, with an allocation.
    await menu(page).getByRole('link', { name: 'CSEC Program' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'CSEC Program participation' })).toBeVisible();
    await page.getByLabel('State fiscal year', { exact: true }).selectOption('2016-17');
    await page.getByRole('button', { name: 'Open this year' }).click();
    const table = page.getByRole('table', { name: /The 58 counties in fiscal year 2016-17/ });
    await expect(table.getByRole('row')).toHaveCount(59);
    await expect(page.getByText('38 of 58 counties opted in.')).toBeVisible();
    await tick(page, page.getByRole('checkbox', { name: 'Alpine County opted in' }));
    await page.getByLabel('Tier of Alpine County').selectOption('I');
    await page.getByLabel('Allocation of Alpine County in dollars').fill('twelve');
    await page.getByRole('button', { name: 'Save all counties' }).click();
    await expect(page.getByRole('alert')).toContainText('Allocation of Alpine County: enter whole dollars');
    await page.getByLabel('Allocation of Alpine County in dollars').fill('$125,000');
    await expectNoAxeViolations(page, 'the participation table');
    await page.getByRole('button', { name: 'Save all counties' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toContainText(
      'Saved the participation of every county in 2016-17.',
    );
    await expect(page.getByText('39 of 58 counties opted in.')).toBeVisible();
    await expect(page.getByLabel('Allocation of Alpine County in dollars')).toHaveValue('125000');
    await expect(page.getByLabel('Tier of Alpine County')).toHaveValue('I');

    // The population file: a refused one with its lines, then a good one.
    const bad = path.join(dir, 'population-bad.csv');
    writeFileSync(bad, 'county,fiscal_year,youth_10_20_in_child_welfare\nAlpine,2016-17,12\nAtlantis,2016-17,40\n');
    const good = path.join(dir, 'population.csv');
    writeFileSync(good, 'county,fiscal_year,youth_10_20_in_child_welfare\nAlpine,2016-17,12\n');
    const input = page.getByLabel('CSV file of the population');
    await page.getByRole('button', { name: 'Upload the population' }).click();
    await expect(page.getByRole('alert')).toContainText('Choose the CSV file of the population.');
    await input.setInputFiles(bad);
    await page.getByRole('button', { name: 'Upload the population' }).click();
    await expect(page.getByRole('heading', { name: 'Nothing was uploaded: 1 line to fix' })).toBeFocused();
    const lines = page.getByRole('table', { name: 'The lines to fix' }).getByRole('row').nth(1).getByRole('cell');
    await expect(lines.nth(0)).toHaveText('3');
    await expect(lines.nth(1)).toHaveText('county');
    await expect(lines.nth(2)).toHaveText('No California county has this name or FIPS code.');
    await expectNoAxeViolations(page, 'a refused population file');
    await input.setInputFiles(good);
    await page.getByRole('button', { name: 'Upload the population' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Uploaded' })).toContainText(
      'Uploaded. New figures: 1. Figures replaced: 0.',
    );
    await expect(
      table
        .getByRole('row', { name: /Alpine County/ })
        .getByRole('cell')
        .last(),
    ).toHaveText('12');

    // Submissions of the last fiscal year: LA's is waiting; return it with comments.
    await menu(page).getByRole('link', { name: 'State submissions' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Submissions to the state' })).toBeVisible();
    const submissions = page.getByRole('table', { name: "Counties' submissions for the period" });
    const la = submissions.getByRole('row', { name: /Los Angeles County/ });
    await expect(la).toContainText('Submitted, waiting for the state');
    const rollup = page.getByRole('table', { name: /Submitted figures and Harbor's extract/ });
    await expect(rollup.getByRole('row', { name: /Los Angeles County/ })).toContainText('Submitted, waiting');
    await expect(rollup.getByRole('row', { name: /All counties/ })).toBeVisible();
    await expectNoAxeViolations(page, "the state's review of submissions");
    await la.getByRole('button', { name: 'Return the submission of Los Angeles County with comments' }).click();
    const back = page.getByRole('form', { name: 'Return the submission of Los Angeles County' });
    await expect(back.getByRole('heading', { name: 'Return the submission of Los Angeles County' })).toBeFocused();
    await back.getByRole('button', { name: 'Return with comments' }).click();
    await expect(back.getByRole('alert')).toContainText('Comments for the county: write what the county should check');
    await back.getByLabel('Comments for the county').fill(COMMENTS);
    await back.getByRole('button', { name: 'Return with comments' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Returned' })).toContainText(
      'Returned the submission of Los Angeles County with your comments.',
    );
    await expect(la).toContainText('Returned by the state');
    await expect(la).toContainText(COMMENTS);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the county reads the comments and submits again; the state accepts', async ({ page }) => {
  await signIn(page, ANALYST);
  await page.goto('/state/submissions');
  await expect(page.getByText('Returned by the state')).toBeVisible();
  await expect(page.getByRole('region', { name: "The state's comments" })).toContainText(COMMENTS);
  await expectNoAxeViolations(page, 'a returned submission');
  await page.getByRole('button', { name: 'Refresh the figures' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The figures are refreshed.' })).toBeVisible();
  await page.getByRole('button', { name: 'Submit to the state' }).click();
  await expect(page.getByText('Submitted, waiting for the state')).toBeVisible();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await signIn(page, STATE);
  await page.goto('/state/submissions');
  const la = page
    .getByRole('table', { name: "Counties' submissions for the period" })
    .getByRole('row', { name: /Los Angeles County/ });
  await la.getByRole('button', { name: 'Accept the submission of Los Angeles County' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Accepted' })).toContainText(
    'Accepted the submission of Los Angeles County.',
  );
  await expect(la).toContainText('Accepted by the state');
  await expect(la).toContainText('Nothing to review');
});
