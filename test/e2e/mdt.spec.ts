// The MDT on a youth's record: recording a crisis meeting with a present Harbor user and an absent
// person named by hand, the required parties still missing, and the action item on "My work".
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, signIn } from './support.js';

const WORKER = 'socialworker@la.demo';

test('a caseworker records a crisis MDT meeting and finds its action item on My work', async ({ page }) => {
  await signIn(page, WORKER);
  await page.goto('/search'); // home is My work for roles with deadlines (issue 14)
  const session = (await (await page.request.get('/api/auth/session')).json()) as { user: { id: string } };

  // Open a youth from "My youth".
  await expect(page.getByRole('heading', { level: 2, name: 'My youth' })).toBeVisible();
  const first = page.locator('.harbor-results').getByRole('link').first();
  const youthName = (await first.textContent())?.trim() ?? '';
  await first.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(youthName);

  const mdt = page.locator('section[aria-labelledby="mdt-heading"]');
  await expect(mdt.getByRole('heading', { level: 2, name: 'MDT (multidisciplinary team)' })).toBeVisible();
  await expect(mdt.getByRole('heading', { level: 3, name: 'Meetings' })).toBeVisible();
  await expectNoAxeViolations(page, 'the youth profile with its MDT section');

  await mdt.getByRole('button', { name: 'Record an MDT meeting' }).click();
  const form = mdt.getByRole('form', { name: 'Record an MDT meeting' });
  await expect(form).toBeVisible();

  // Saving with nothing chosen lists the problems.
  await form.getByRole('button', { name: 'Add an action item' }).click();
  await expect(form.getByLabel('What must be done')).toBeFocused();
  await form.getByRole('button', { name: 'Save the meeting' }).click();
  await expect(form.locator('.harbor-focus-target')).toBeFocused();
  await expect(form.getByRole('heading', { name: 'Check these 4 fields' })).toBeVisible();
  await expect(form.getByRole('link', { name: 'Choose the tier.' })).toBeVisible();

  await form.getByLabel('Tier').selectOption({ label: 'Crisis' });
  const scheduled = await form.getByLabel('Scheduled for').inputValue();
  await form.getByLabel('Held at').fill(scheduled);
  await form.getByLabel('Youth participation').selectOption({ label: 'In person' });

  // Attendee 1: the signed-in worker, present.
  await form.getByRole('button', { name: 'Add an attendee' }).click();
  const one = form.getByRole('group', { name: 'Attendee 1' });
  await expect(one.getByLabel('Person')).toBeFocused();
  await one.getByLabel('Person').selectOption(session.user.id);
  await one.getByLabel('Organization type').selectOption('child_welfare');
  await expect(one.getByLabel('Present')).toBeChecked();

  // Attendee 2: someone named by hand, absent. A third row added and removed again.
  await form.getByRole('button', { name: 'Add an attendee' }).click();
  const two = form.getByRole('group', { name: 'Attendee 2' });
  await two.getByLabel('Person').selectOption({ label: 'Someone else (type their name)' });
  await two.getByLabel('Name').fill('Officer Dana Reyes');
  await two.getByLabel('Organization type').selectOption('law_enforcement');
  await two.getByText('Present').click();
  await expect(two.getByLabel('Present')).not.toBeChecked();
  await form.getByRole('button', { name: 'Add an attendee' }).click();
  await form.getByRole('button', { name: 'Remove attendee 3' }).click();
  await expect(form.getByRole('button', { name: 'Add an attendee' })).toBeFocused();
  await expect(form.getByRole('group', { name: 'Attendee 3' })).toHaveCount(0);

  await form.getByLabel('Decisions').fill('Safety plan to be reviewed with the youth.');
  const action = form.getByRole('group', { name: 'Action item 1' });
  await action.getByLabel('What must be done').fill('Arrange a CSEC advocate for the youth');
  await action.getByLabel('Owner').selectOption(session.user.id);
  await action.getByLabel('Due').fill('2030-01-15T17:00');
  await expectNoAxeViolations(page, 'the MDT meeting form');

  await form.getByRole('button', { name: 'Save the meeting' }).click();
  const notice = mdt.getByRole('status');
  await expect(notice).toContainText('The meeting was saved.');
  // Only child welfare was present: law enforcement (absent) and the other required parties are missing.
  await expect(notice).toContainText('required parties had nobody present');
  await expect(notice.getByRole('listitem').filter({ hasText: 'Law enforcement' })).toBeVisible();
  await expect(notice.getByRole('listitem').filter({ hasText: 'Probation' })).toBeVisible();
  await expect(notice.getByRole('listitem').filter({ hasText: 'Child welfare' })).toHaveCount(0);

  // The meeting in the list.
  const meeting = mdt.getByRole('article').filter({ hasText: 'Arrange a CSEC advocate for the youth' });
  await expect(meeting.getByRole('heading', { level: 4 })).toContainText(/^Crisis meeting, held /);
  await expect(meeting).toContainText('Officer Dana Reyes (Law enforcement, absent)');
  await expect(meeting).toContainText('Safety plan to be reviewed with the youth.');
  await expectNoAxeViolations(page, 'the MDT section after a meeting');

  // The action item on "My work".
  await page.goto('/work');
  await expect(page.getByRole('heading', { level: 1, name: 'My work' })).toBeVisible();
  const duty = page
    .locator('.harbor-duties > li')
    .filter({ hasText: 'MDT action item' })
    .filter({ hasText: youthName });
  await expect(duty.first()).toBeVisible();
});
