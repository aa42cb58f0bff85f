// Issue 5's remaining screens: a first responder encounter and an agency's arrival on the youth's
// record, adding and removing an MDT member with the county people picker, the organization view
// of "My work", the county compliance page, and the unread badge at phone width.
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, firstCaseloadYouthId, signIn } from './support.js';

const WORKER = 'socialworker@la.demo';
const SUPERVISOR = 'supervisor@la.demo';

test('a caseworker records a first responder encounter, then an agency’s arrival and the health evaluation', async ({
  page,
}) => {
  const youthId = await firstCaseloadYouthId(page.request, WORKER);
  await signIn(page, WORKER);
  await page.goto(`/youth/${youthId}`);
  const section = page.locator('section[aria-labelledby="first-response-heading"]');
  await expect(section.getByRole('heading', { level: 2, name: 'First response' })).toBeVisible();
  await expect(section).toContainText('within 90 minutes of the hotline call');

  await section.getByRole('button', { name: 'Record a first responder encounter' }).click();
  const form = section.getByRole('form', { name: 'Record a first responder encounter' });
  await expect(form).toBeVisible();

  // Saving with nothing chosen lists the problems.
  await form.getByRole('button', { name: 'Save encounter' }).click();
  await expect(form.getByRole('link', { name: 'Choose the agency that found the youth' })).toBeVisible();
  await expect(form.getByRole('link', { name: 'Choose the type of location' })).toBeVisible();

  await form.getByLabel('Agency that found the youth').selectOption({ index: 1 });
  await form.getByLabel('Officer or responder').fill('Deputy Jordan Example');
  await form.getByLabel('Type of location').selectOption({ label: 'Motel or hotel' });
  await form.getByLabel('Service Planning Area (SPA)').fill('6');
  await form.getByLabel('Hotline reference number').fill('HL-E2E-1');
  await form.getByRole('button', { name: 'Add an agency' }).click();
  const agency = form.getByRole('group', { name: 'Agency 1' });
  await expect(agency.getByLabel('Agency', { exact: true })).toBeFocused();
  await agency.getByLabel('Agency', { exact: true }).selectOption({ index: 2 });
  const agencyName =
    (await agency.getByLabel('Agency', { exact: true }).locator('option:checked').textContent())?.trim() ?? '';
  expect(agencyName).not.toBe('');
  await form.getByLabel('Where the youth went').fill('Emergency shelter');
  await expectNoAxeViolations(page, 'the first responder encounter form');
  await form.getByRole('button', { name: 'Save encounter' }).click();

  await expect(section.getByRole('status')).toContainText('The encounter was saved. 2 deadlines were opened.');
  const encounter = section.getByRole('article').filter({ hasText: 'Deputy Jordan Example' });
  await expect(encounter.getByRole('heading', { level: 3 })).toContainText(/^Found /);
  await expect(encounter).toContainText('Motel or hotel, SPA 6');
  await expect(encounter).toContainText('(reference HL-E2E-1)');
  await expect(encounter).toContainText('Emergency shelter');
  const row = encounter.getByRole('row').filter({ hasText: agencyName });
  await expect(row).toContainText('Awaiting arrival');
  await expect(encounter).toContainText('Not yet done. Due by');
  await expectNoAxeViolations(page, 'the first response section with an encounter');

  // The agency arrives: on time against the 90-minute target.
  await row.getByRole('button', { name: `Record arrival of ${agencyName}` }).click();
  await row.getByRole('button', { name: 'Save arrival' }).click();
  await expect(section.getByRole('status')).toContainText(`The arrival of ${agencyName} was saved.`);
  await expect(encounter.getByRole('row').filter({ hasText: agencyName })).toContainText('On time');

  // The 72-hour health evaluation, met from the same section (an obligation met through its endpoint).
  await encounter.getByRole('button', { name: 'Record the health evaluation' }).click();
  const health = encounter.getByRole('form', { name: 'Record the health evaluation' });
  await health.getByLabel('Who did the evaluation').fill('County Health Clinic');
  await health.getByRole('button', { name: 'Save health evaluation' }).click();
  await expect(section.getByRole('status')).toContainText('The health evaluation was recorded');
  await expect(encounter).toContainText('by County Health Clinic.');
});

test('a caseworker adds a county staff member to the youth’s team and removes them again', async ({ page }) => {
  const youthId = await firstCaseloadYouthId(page.request, WORKER);
  await signIn(page, WORKER);
  await page.goto(`/youth/${youthId}`);
  const mdt = page.locator('section[aria-labelledby="mdt-heading"]');
  await mdt.getByRole('button', { name: 'Add a member' }).click();
  const form = mdt.getByRole('form', { name: 'Add a member to the team' });
  await expect(form).toBeVisible();

  await form.getByRole('button', { name: 'Add to team' }).click();
  await expect(form.getByRole('link', { name: 'Choose the person to add' })).toBeVisible();

  await form.getByLabel('Search county staff by name').fill('terrence');
  await expect(form.getByText('1 person matches.')).toBeVisible();
  const person = form.getByLabel('Person');
  const terrence = await person.locator('option', { hasText: 'Terrence Vail' }).getAttribute('value');
  await person.selectOption(terrence!);
  await form.getByLabel('Role on the team').fill('Probation officer');
  await expectNoAxeViolations(page, 'the add-a-member form');
  await form.getByRole('button', { name: 'Add to team' }).click();

  await expect(mdt.getByRole('status')).toContainText('Terrence Vail was added to the team.');
  const member = mdt.getByRole('listitem').filter({ hasText: 'Terrence Vail' });
  await expect(member).toContainText('(Probation officer)');

  // Removing asks first; cancelling keeps the member.
  await member.getByRole('button', { name: 'Remove Terrence Vail from the team' }).click();
  const confirm = member.getByRole('group');
  await expect(confirm).toContainText('Remove Terrence Vail from the team?');
  await expectNoAxeViolations(page, 'the remove-from-team confirmation');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(member.getByRole('button', { name: 'Remove Terrence Vail from the team' })).toBeFocused();
  await member.getByRole('button', { name: 'Remove Terrence Vail from the team' }).click();
  await member.getByRole('button', { name: 'Yes, remove from team' }).click();
  await expect(mdt.getByRole('status')).toContainText('Terrence Vail is no longer on the team.');
  await expect(mdt.getByRole('listitem').filter({ hasText: 'Terrence Vail' })).toHaveCount(0);

  // The meeting form finds anyone of the county, not only the team, as an attendee.
  await mdt.getByRole('button', { name: 'Record an MDT meeting' }).click();
  const meeting = mdt.getByRole('form', { name: 'Record an MDT meeting' });
  const other = meeting.getByRole('group', { name: 'Find a person for this meeting' });
  await other.getByLabel('Search county staff by name').fill('keiko');
  await expect(other.getByText('1 person matches.')).toBeVisible();
  const keiko = await other.getByLabel('Person').locator('option', { hasText: 'Keiko Brandt' }).getAttribute('value');
  await other.getByLabel('Person').selectOption(keiko!);
  await other.getByRole('button', { name: 'Add as an attendee' }).click();
  await expect(other.getByText('Keiko Brandt was added as an attendee.')).toBeVisible();
  await expect(meeting.getByRole('group', { name: 'Attendee 1' }).getByLabel('Person')).toHaveValue(keiko!);
  await expect(meeting.getByRole('group', { name: 'Attendee 1' }).getByLabel('Organization type')).toHaveValue(
    'advocacy_cbo',
  );
  await expectNoAxeViolations(page, 'the MDT meeting form with the people picker');
});

test('a supervisor reads the county compliance page and the organization’s worklist', async ({ page }) => {
  await signIn(page, SUPERVISOR);
  await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Compliance' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'County compliance' })).toBeVisible();
  await expect(page).toHaveTitle('County compliance | Harbor');
  const url = new URL(page.url());
  const from = url.searchParams.get('from');
  const to = url.searchParams.get('to');
  // The period in words (never an ISO date on screen); its days are those of the downloads.
  const shown = page.getByText(/^Figures from [A-Z][a-z]{2} \d{1,2}, \d{4} to [A-Z][a-z]{2} \d{1,2}, \d{4}\.$/);
  await expect(shown).toBeVisible();
  const csv = new URL((await page.getByRole('link', { name: 'Download CSV' }).getAttribute('href'))!, url);
  const range = ['', csv.searchParams.get('from')!, csv.searchParams.get('to')!] as const;
  expect(from ?? range[1]).toBe(range[1]);
  expect(to ?? range[2]).toBe(range[2]);
  const day = (iso: string) =>
    new Date(`${iso}T12:00:00Z`).toLocaleDateString('en-US', {
      month: 'short',
      day: 'numeric',
      year: 'numeric',
      timeZone: 'UTC',
    });
  await expect(shown).toHaveText(`Figures from ${day(range[1])} to ${day(range[2])}.`);

  // The page shows the API's own figures.
  const api = (await (await page.request.get(`/api/reports/compliance?from=${range[1]}&to=${range[2]}`)).json()) as {
    mdtOnTime: { tier: string; due: number }[];
    arrivals: { organization: string; notified: number }[];
  };
  const mdt = page.locator('section[aria-labelledby="compliance-mdt"]');
  const crisis = mdt.getByRole('row').filter({ hasText: 'Crisis MDT (24 hours)' });
  await expect(crisis.getByRole('cell').nth(1)).toHaveText(String(api.mdtOnTime.find((r) => r.tier === 'crisis')!.due));
  if (api.arrivals.length > 0) {
    const first = api.arrivals[0]!;
    const arrivals = page.locator('section[aria-labelledby="compliance-arrivals"]');
    await expect(arrivals.getByRole('row').filter({ hasText: first.organization }).getByRole('cell').nth(1)).toHaveText(
      String(first.notified),
    );
  }
  await expect(page.getByRole('link', { name: 'Download CSV' })).toHaveAttribute(
    'href',
    `/api/reports/compliance.csv?from=${range[1]}&to=${range[2]}`,
  );
  await expect(page.getByRole('link', { name: 'Download Excel (.xlsx)' })).toHaveAttribute(
    'href',
    `/api/reports/compliance.xlsx?from=${range[1]}&to=${range[2]}`,
  );
  await expectNoAxeViolations(page, 'the compliance page');

  // A range the wrong way round is refused before asking the server.
  await page.getByLabel('From').fill('2026-03-01');
  await page.getByLabel('To').fill('2026-02-01');
  await page.getByRole('button', { name: 'Show figures' }).click();
  await expect(page.getByRole('link', { name: 'The last day must be on or after the first day' })).toBeVisible();
  await page.getByLabel('To').fill('2026-03-31');
  await page.getByRole('button', { name: 'Show figures' }).click();
  await expect(page).toHaveURL(/from=2026-03-01&to=2026-03-31/);
  await expect(page.getByText('Figures from Mar 1, 2026 to Mar 31, 2026.')).toBeVisible();

  // "My work": the organization view.
  await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'My work' }).click();
  await page.getByRole('button', { name: 'My organization' }).click();
  await expect(page.getByRole('button', { name: 'My organization' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('heading', { level: 1, name: 'My organization’s work' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
  await expectNoAxeViolations(page, 'the organization worklist');
});

test('at phone width the unread count is in the header without opening the menu', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, SUPERVISOR);
  const { unread } = (await (await page.request.get('/api/notifications?limit=1')).json()) as { unread: number };
  const banner = page.getByRole('banner');
  await expect(banner.getByRole('button', { name: 'Menu' })).toBeVisible();
  // The menu stays closed; the navigation's own link is out of sight.
  await expect(
    page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: /^Notifications/ }),
  ).toBeHidden();
  const link = banner.getByRole('link', { name: /^Notifications/ }).first();
  await expect(link).toBeVisible();
  if (unread > 0) {
    await expect(link).toHaveAccessibleName(`Notifications (${unread} unread)`);
    await expect(link.locator('.harbor-badge')).toHaveText(String(unread));
    await expect(link.locator('.harbor-badge')).toBeVisible();
  } else {
    await expect(link).toHaveAccessibleName('Notifications');
  }
  await expectNoAxeViolations(page, 'the header at phone width');
  await link.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();
});
