// Identification in the browser: a screening filled in with the keyboard only, its result, a CSEC
// Type that opens the 24-hour cross-report duty, that duty on the record and on "My work", and
// recording the cross-report. Accessibility scans on each page; a phone-width check of the form.
import { expect, test, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { expectNoAxeViolations, PASSWORD, signIn } from './support.js';

const WORKER = 'socialworker@la.demo';

interface Candidate {
  id: string;
  name: string;
}

/**
 * A youth on the worker's caseload who suits this test whatever the demo data holds: an open
 * child welfare case (so a victim type opens the cross-report), and no CSEC Type of "victim
 * during care" and no deadlines yet (so the new ones are the only ones). Read through the API.
 */
async function youthForScreening(request: APIRequestContext, skip: string[] = []): Promise<Candidate> {
  const login = await request.post('/api/auth/login', { data: { email: WORKER, password: PASSWORD } });
  expect(login.ok(), `sign-in of ${WORKER}`).toBe(true);
  const csrf = ((await login.json()) as { csrfToken: string }).csrfToken;
  try {
    const search = await request.get('/api/youth?limit=50');
    const { results } = (await search.json()) as { results: Candidate[] };
    for (const youth of results) {
      if (skip.includes(youth.id)) continue;
      const record = (await (await request.get(`/api/youth/${youth.id}`)).json()) as {
        cases?: { kind: string; closedOn: string | null }[];
      };
      if (!record.cases?.some((c) => c.kind === 'child_welfare' && c.closedOn === null)) continue;
      const types = (await (await request.get(`/api/youth/${youth.id}/csec-types`)).json()) as {
        records: { type: string }[];
      };
      if (types.records.some((r) => r.type === 'victim_during_care')) continue;
      const duties = (await (await request.get(`/api/youth/${youth.id}/obligations`)).json()) as {
        obligations: unknown[];
      };
      if (duties.obligations.length > 0) continue;
      return youth;
    }
    throw new Error(`${WORKER} has no youth without a CSEC Type and deadlines in the demo data`);
  } finally {
    await request.post('/api/auth/logout', { headers: { 'x-csrf-token': csrf } });
  }
}

/** Presses Tab until `target` has focus: how a keyboard user gets there. */
async function tabTo(page: Page, target: Locator, limit = 80): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

async function expectFocused(page: Page, target: Locator): Promise<void> {
  await expect(target).toBeFocused();
}

test('a caseworker screens a youth with the keyboard, records the CSEC Type and meets the cross-report', async ({
  page,
  request,
}) => {
  const youth = await youthForScreening(request);
  await signIn(page, WORKER);
  await page.goto('/search'); // home is My work for roles with deadlines (issue 14)

  // Open the youth from "My youth".
  await expect(page.getByRole('heading', { level: 2, name: 'My youth' })).toBeVisible();
  await page.locator('.harbor-results').getByRole('link', { name: youth.name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(youth.name);
  const profileUrl = page.url();
  const csec = page.locator('section[aria-labelledby="csec-heading"]');
  await expect(csec.getByRole('link', { name: 'Start a screening' })).toBeVisible();

  // From here to the result: keyboard only.
  await tabTo(page, csec.getByRole('link', { name: 'Start a screening' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Start a screening' })).toBeFocused();
  await expect(page).toHaveTitle('Start a screening | Harbor');

  // The instrument: Tab into the group, arrows to the brief screen.
  const brief = page.getByRole('radio', { name: /Harbor demonstration brief screen/ });
  await tabTo(page, page.getByRole('radio').first());
  for (let i = 0; i < 5 && !(await brief.isChecked()); i++) await page.keyboard.press('ArrowDown');
  await expect(brief).toBeChecked();
  await expect(brief).toBeFocused();
  await expect(page.getByText('Demonstration instrument: not validated')).toBeVisible();

  // Where: the select, chosen with the arrow keys.
  const context = page.getByLabel('Where is this screening happening?');
  await page.keyboard.press('Tab');
  await expectFocused(page, context);
  await page.keyboard.press('ArrowDown');
  await expect(context).toHaveValue('hotline');
  await page.keyboard.press('Tab');
  await expectFocused(page, page.getByRole('button', { name: 'Start the screening' }));
  await page.keyboard.press('Enter');

  // Section 1 of 3.
  await expect(page).toHaveURL(/\/screenings\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Harbor demonstration brief screen' })).toBeFocused();
  await expect(page).toHaveTitle('Screening | Harbor');
  await expect(page.getByRole('heading', { level: 2, name: 'Demonstration instrument: not validated' })).toBeVisible();
  const stepHeading = page.locator('#step-heading');
  await expect(stepHeading).toContainText('Section 1 of 3');
  await expect(stepHeading).toContainText('Where the youth stays');
  const saveStatus = page.locator('.harbor-save-status');
  await expect(saveStatus).toHaveText('Answers are saved automatically.');

  // Item 1: Tab reaches its first answer; Space chooses it.
  const item1 = page.getByRole('group', { name: /Has recently run away/ });
  await page.keyboard.press('Tab');
  await expectFocused(page, item1.getByRole('radio', { name: 'No' }));
  await page.keyboard.press('Space');
  await expect(item1.getByRole('radio', { name: 'No' })).toBeChecked();
  // Item 2: Tab moves to the next item; an arrow key chooses the next answer.
  const item2 = page.getByRole('group', { name: /Has no safe place to stay tonight/ });
  await page.keyboard.press('Tab');
  await expectFocused(page, item2.getByRole('radio', { name: 'No' }));
  await page.keyboard.press('ArrowDown');
  await expect(item2.getByRole('radio', { name: /^Possibly/ })).toBeChecked();

  // Autosave.
  await expect(saveStatus).toHaveText('Saved');
  await expect(page.getByText('2 of 2 answered in this section. 2 of 6 answered in all.')).toBeVisible();
  await expectNoAxeViolations(page, 'screening form (a section)');

  // On to section 2, which is left unanswered for now, and section 3.
  await page.keyboard.press('Tab');
  await expectFocused(page, page.getByRole('button', { name: 'Next section' }));
  await page.keyboard.press('Enter');
  await expect(stepHeading).toBeFocused();
  await expect(stepHeading).toContainText('Section 2 of 3');
  await tabTo(page, page.getByRole('button', { name: 'Next section' }));
  await page.keyboard.press('Enter');
  await expect(stepHeading).toContainText('Section 3 of 3');
  await tabTo(page, page.getByRole('button', { name: 'Next: notes and finish' }));
  await page.keyboard.press('Enter');
  await expect(stepHeading).toContainText('Notes and finish');

  // Finishing early lists what is missing, as links.
  await tabTo(page, page.getByRole('button', { name: 'Finish the screening' }));
  await page.keyboard.press('Enter');
  const missing = page.getByRole('alert').filter({ hasText: 'items still need an answer' });
  await expect(missing).toContainText('4 items still need an answer');
  await expect(page.locator('.harbor-focus-target')).toBeFocused();
  await expect(missing.getByRole('link')).toHaveCount(4);
  await expect(missing).toContainText('People around the youth');
  await expect(missing).toContainText('Exchange and harm');

  // The first link moves to its section and puts focus on the item.
  await page.keyboard.press('Tab');
  await expectFocused(page, missing.getByRole('link', { name: /^3\. Is with a much older partner/ }));
  await page.keyboard.press('Enter');
  await expect(stepHeading).toContainText('Section 2 of 3');
  const item3 = page.getByRole('group', { name: /much older partner/ });
  await expectFocused(page, item3.getByRole('radio', { name: 'No' }));
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await expectFocused(
    page,
    page.getByRole('group', { name: /money, gifts or phones/ }).getByRole('radio', { name: 'No' }),
  );
  await page.keyboard.press('Space');
  await expect(missing).toContainText('2 items still need an answer');

  // Section 3: "Yes" on the critical item (two arrow presses), "No" on the other.
  await tabTo(page, page.getByRole('button', { name: 'Next section' }));
  await page.keyboard.press('Enter');
  await expect(stepHeading).toContainText('Section 3 of 3');
  const critical = page.getByRole('group', { name: /traded sex for something of value/ });
  await page.keyboard.press('Tab');
  await expectFocused(page, critical.getByRole('radio', { name: 'No' }));
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(critical.getByRole('radio', { name: /^Yes/ })).toBeChecked();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await expect(
    page.getByRole('group', { name: /unexplained injuries/ }).getByRole('radio', { name: 'No' }),
  ).toBeChecked();
  await expect(missing).toBeHidden();

  // Notes, then finish.
  await tabTo(page, page.getByRole('button', { name: 'Next: notes and finish' }));
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await expectFocused(page, page.getByLabel('Notes (optional)'));
  await page.keyboard.type('Met at the shelter after a hotline call.');
  await expect(saveStatus).toHaveText('Saved');
  await tabTo(page, page.getByRole('button', { name: 'Finish the screening' }));
  await page.keyboard.press('Enter');

  // The result.
  await expect(page.getByRole('heading', { level: 1, name: 'Screening result' })).toBeFocused();
  await expect(page).toHaveTitle('Screening result | Harbor');
  await expect(page.getByText('The screening is finished and saved.')).toBeVisible();
  await expect(page.locator('.harbor-level-panel')).toContainText('Clear concern');
  await expect(page.locator('.harbor-level-panel')).toContainText('Level 3 of 3');
  await expect(page.getByRole('heading', { level: 2, name: 'Demonstration instrument: not validated' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: 'Critical items' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'What the county protocol expects next' })).toBeVisible();
  await expect(page.getByText(/^Clear concern\. Consult your supervisor today/)).toBeVisible();
  await expect(page.getByText(/^Due by [A-Z][a-z]{2} \d{1,2}, \d{4}\./)).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Exchange and harm' })).toBeVisible();
  await expectNoAxeViolations(page, 'screening result');

  // Record the CSEC Type from the result.
  await page.getByRole('link', { name: 'Record CSEC status' }).click();
  await expect(page).toHaveURL(/\/youth\/[0-9a-f-]+\?screening=[0-9a-f-]+#record-csec-type$/);
  const form = page.locator('form[aria-labelledby="csec-form-heading"]');
  await expect(form.getByRole('heading', { name: 'Record a CSEC Type' })).toBeFocused();
  await expect(form.getByLabel('Where did this information come from?')).toHaveValue('screening');

  // Client-side checks first: the error summary takes focus and links to the field.
  await form.getByRole('button', { name: 'Record the CSEC Type' }).click();
  const summary = form.getByRole('alert');
  await expect(summary).toContainText('Check these 2 fields');
  await expect(form.locator('div.harbor-focus-target')).toBeFocused();
  await summary.getByRole('link', { name: 'Enter the allegation subcategory.' }).click();
  await expect(form.getByLabel('Allegation subcategory')).toBeFocused();

  await form.getByLabel('CSEC Type').selectOption('victim_during_care');
  await form.getByLabel('Allegation subcategory').fill('Commercial sexual exploitation');
  await form.getByRole('button', { name: 'Record the CSEC Type' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'CSEC Type recorded: Victim during foster care.' }),
  ).toBeVisible();
  await expect(page.getByText('A cross-report to law enforcement is now due within 24 hours.')).toBeVisible();
  await expect(csec).toContainText('Victim during foster care');

  // The duty on the record: due within 24 hours, in county time.
  const duties = page.locator('section[aria-labelledby="duties-heading"]');
  const duty = duties.locator('.harbor-duty').filter({ hasText: 'Cross-report to law enforcement' });
  await expect(duty).toHaveCount(1);
  await expect(duty).toContainText('Due');
  await expect(duty).toContainText(/(23 hours and \d+ minutes|24 hours) left/);
  await expect(duty).toContainText(/P[SD]T/);
  // The timeline has the screening and the type.
  const timeline = page.locator('section[aria-labelledby="timeline-heading"]');
  await expect(timeline).toContainText('CSEC Type: Victim during foster care');
  await expect(timeline.getByRole('link', { name: /^Screening\b/ }).first()).toBeVisible();
  await expectNoAxeViolations(page, 'youth profile with CSEC status');

  // "My work" lists it with its deadline.
  await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'My work' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My work' })).toBeVisible();
  await expect(page).toHaveTitle('My work | Harbor');
  const dueGroup = page.locator('section[aria-labelledby="work-due"]');
  // Recording a victim also starts the MDT clock: the cross-report and the initial MDT are both due.
  const youthRows = dueGroup
    .locator('.harbor-duty')
    .filter({ has: page.getByRole('link', { name: youth.name, exact: true }) });
  await expect(youthRows).toHaveCount(2);
  await expect(youthRows.filter({ hasText: 'Initial MDT' })).toHaveCount(1);
  const row = youthRows.filter({ hasText: 'Cross-report to law enforcement' });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(/(23 hours and \d+ minutes|24 hours) left/);
  await expect(row.locator('.harbor-duty__facts')).toContainText(
    /Due[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2} [AP]M P[SD]T/,
  );
  await expectNoAxeViolations(page, 'my work');

  // Back to the youth to record the cross-report.
  await row.getByRole('link', { name: youth.name, exact: true }).click();
  await expect(page).toHaveURL(profileUrl.replace(/[?#].*$/, ''));
  const openDuty = page
    .locator('section[aria-labelledby="duties-heading"] .harbor-duty')
    .filter({ hasText: 'Cross-report to law enforcement' });
  await openDuty.getByRole('button', { name: 'Record the cross-report' }).click();
  await openDuty.getByLabel('Law enforcement agency').fill('LAPD Southeast Division');
  await openDuty.getByLabel('Report number').fill('LE-2026-0042');
  await expect(openDuty.getByLabel('Date and time of the report')).toHaveValue(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
  await openDuty.getByRole('button', { name: 'Save the cross-report' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Cross-report recorded' })).toBeVisible();
  const metDuty = page
    .locator('section[aria-labelledby="duties-heading"] .harbor-duty')
    .filter({ hasText: 'Cross-report to law enforcement' });
  await expect(metDuty).toContainText('Done on time');
  await expect(metDuty).toContainText('LAPD Southeast Division, report number LE-2026-0042');
  await expect(metDuty.getByRole('button', { name: 'Record the cross-report' })).toHaveCount(0);

  // And "My work" shows it done.
  await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'My work' }).click();
  const done = page.locator('section[aria-labelledby="work-done"]');
  await expect(
    done.locator('.harbor-duty').filter({ has: page.getByRole('link', { name: youth.name, exact: true }) }),
  ).toContainText('Done on time');
  await expect(
    dueGroup.locator('.harbor-duty').filter({ has: page.getByRole('link', { name: youth.name, exact: true }) }),
  ).toHaveCount(1);
  await expect(
    dueGroup
      .locator('.harbor-duty')
      .filter({ hasText: 'Cross-report to law enforcement' })
      .filter({ has: page.getByRole('link', { name: youth.name, exact: true }) }),
  ).toHaveCount(0);
});

test('the screening form works at phone width', async ({ page, request }) => {
  const youth = await youthForScreening(request);
  await page.setViewportSize({ width: 375, height: 812 });
  await signIn(page, WORKER);
  await page.goto(`/youth/${youth.id}/screenings/new`);
  // USWDS tiles: the label is what is tapped.
  await page.locator('label[for="instrument-harbor-demo-full"]').click();
  await expect(page.getByRole('radio', { name: /Harbor demonstration full screen/ })).toBeChecked();
  await page.getByLabel('Where is this screening happening?').selectOption('periodic_rescreen');
  await page.getByRole('button', { name: 'Start the screening' }).click();
  await expect(page.locator('#step-heading')).toContainText('Section 1 of 8');

  // Nothing sticks out sideways, and the answers are full-width touch targets.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  const tile = page.locator('label[for="item-runs_away-no"]');
  const box = await tile.boundingBox();
  expect(box?.width ?? 0).toBeGreaterThan(300);
  expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);

  await page.locator('label[for="item-runs_away-possibly"]').click();
  await expect(page.locator('.harbor-save-status')).toHaveText('Saved');
  await page.getByRole('button', { name: 'Next section' }).click();
  await expect(page.locator('#step-heading')).toContainText('Section 2 of 8');
  await expect(page.getByRole('button', { name: 'Previous section' })).toBeVisible();
  await expectNoAxeViolations(page, 'screening form at phone width');

  // Leaving and coming back resumes at the first section with an unanswered item.
  await page.reload();
  await expect(page.locator('#step-heading')).toContainText('Section 1 of 8');
  await expect(page.locator('#item-runs_away-possibly')).toBeChecked();
});

test('a supervisor switches between their own and their team’s work', async ({ page }) => {
  await signIn(page, 'supervisor@la.demo');
  await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'My work' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My team’s work' })).toBeVisible();
  const mine = page.getByRole('button', { name: 'Mine' });
  const team = page.getByRole('button', { name: 'My team', exact: true });
  // A supervisor's work opens on the team's (issue 14).
  await expect(team).toHaveAttribute('aria-pressed', 'true');
  await mine.click();
  await expect(mine).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('heading', { level: 1, name: 'My work' })).toBeVisible();
  await team.click();
  await expect(team).toHaveAttribute('aria-pressed', 'true');
  await expect(team).toBeFocused();
  await expect(page.getByRole('heading', { level: 1, name: 'My team’s work' })).toBeVisible();
  // Each group is there, overdue first; rows name who is responsible.
  const groups = page.locator('.harbor-work-group h2');
  await expect(groups).toHaveText([/^Overdue \(\d+\)$/, /^Due \(\d+\)$/, /^Done in the last 7 days \(\d+\)$/]);
  await expectNoAxeViolations(page, 'my team’s work');
});

test('a role that may not see exploitation details gets a note, not an error', async ({ page, request }) => {
  const youth = await youthForScreening(request);
  await signIn(page, 'auditor@la.demo');
  await page.goto(`/youth/${youth.id}`);
  const csec = page.locator('section[aria-labelledby="csec-heading"]');
  await expect(csec).toContainText('Screenings, CSEC status and related deadlines are hidden for your role.');
  await expect(page.getByRole('link', { name: 'Start a screening' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'My work' })).toHaveCount(0);
  await expectNoAxeViolations(page, 'youth profile, CSEC details hidden');
});

test('a hotline referral that alleges exploitation gets the S-CSEC code', async ({ page, request }) => {
  const youth = await youthForScreening(request);
  await signIn(page, WORKER);
  await page.goto(`/youth/${youth.id}`);
  const referrals = page.locator('section[aria-labelledby="referrals-heading"]');
  await referrals.getByRole('button', { name: 'Record a hotline referral' }).click();
  await referrals.getByLabel('Referral number').fill('R-E2E-0001');
  await expect(referrals.getByLabel('Date and time received')).toHaveValue(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
  await referrals.getByLabel('Allegations').fill('Sexual abuse\nGeneral neglect');
  await referrals.locator('label[for="referral-csec"]').click();
  await expect(referrals.getByRole('checkbox', { name: /alleges commercial sexual exploitation/ })).toBeChecked();
  await expectNoAxeViolations(page, 'referral form');
  await referrals.getByRole('button', { name: 'Save the referral' }).click();
  await expect(referrals.getByRole('status')).toContainText('Referral recorded, with the code S-CSEC Referral.');
  await expect(referrals.getByRole('row').filter({ hasText: 'R-E2E-0001' })).toContainText('S-CSEC Referral');
});
