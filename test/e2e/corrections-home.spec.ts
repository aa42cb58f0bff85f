// Issue 14, findings 11 and 12: mistakes can be put right (a draft screening discarded; an MDT
// meeting, a CSEC Type and a referral's decision corrected with a reason, or a decision recorded
// afterwards), the earlier version shown to supervisors only; and each role's home is its work.
// Every test runs at desktop and phone width, with axe.
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { expectNoAxeViolations, PASSWORD, signIn } from './support.js';

const WORKER = 'socialworker@la.demo';
const SUPERVISOR = 'supervisor@la.demo';
const VIEWPORTS = [
  { label: 'desktop', width: 1280, height: 900, index: 0 },
  { label: 'phone', width: 390, height: 844, index: 1 },
] as const;

interface Setup {
  youthId: string;
  draftId?: string;
  meetingId?: string;
  typeId?: string;
  referralId?: string;
}

/**
 * As the worker, through the API: a youth of theirs with no CSEC Type yet, from the end of the
 * caseload (away from other specs' youth), with what the test corrects. `slot` keeps the two
 * viewports and the four tests on different youth.
 */
async function setUp(request: APIRequestContext, slot: number, what: 'draft' | 'meeting' | 'type' | 'referral') {
  const login = await request.post('/api/auth/login', { data: { email: WORKER, password: PASSWORD } });
  expect(login.ok()).toBe(true);
  const csrf = ((await login.json()) as { csrfToken: string }).csrfToken;
  const headers = { 'x-csrf-token': csrf };
  try {
    const { results } = (await (await request.get('/api/youth?limit=100')).json()) as { results: { id: string }[] };
    const free: string[] = [];
    for (const y of [...results].reverse()) {
      const types = (await (await request.get(`/api/youth/${y.id}/csec-types`)).json()) as { records: unknown[] };
      if (types.records.length === 0) free.push(y.id);
      if (free.length > slot) break;
    }
    const youthId = free[slot];
    if (!youthId) throw new Error('not enough youth without a CSEC Type on the worker’s caseload');
    const base = `/api/youth/${youthId}`;
    const out: Setup = { youthId };
    if (what === 'draft') {
      const { instruments } = (await (await request.get('/api/instruments')).json()) as {
        instruments: { key: string; versionId: string }[];
      };
      const brief = instruments.find((i) => i.key === 'harbor-demo-brief')!.versionId;
      const res = await request.post(`${base}/screenings`, {
        headers,
        data: { instrumentVersionId: brief, context: 'hotline' },
      });
      expect(res.status()).toBe(201);
      out.draftId = ((await res.json()) as { id: string }).id;
    }
    if (what === 'meeting') {
      const res = await request.post(`${base}/mdt/meetings`, {
        headers,
        data: {
          tier: 'ongoing',
          scheduledAt: '2025-03-03T17:00:00Z',
          heldAt: '2025-03-03T17:00:00Z',
          decisions: 'Keep the current placement.',
          attendees: [],
          actionItems: [],
        },
      });
      expect(res.status()).toBe(201);
      out.meetingId = ((await res.json()) as { id: string }).id;
    }
    if (what === 'type') {
      const res = await request.post(`${base}/csec-types`, {
        headers,
        data: {
          type: 'at_risk',
          startDate: '2025-02-01',
          allegationSubcategory: 'Recruitment online',
          source: 'other',
        },
      });
      expect(res.status(), await res.text()).toBe(201);
      out.typeId = ((await res.json()) as { id: string }).id;
    }
    if (what === 'referral') {
      const res = await request.post(`${base}/referrals`, {
        headers,
        data: { externalId: `R-FIX-${slot}`, receivedAt: '2025-04-01T17:00:00Z', csecAllegation: false },
      });
      expect(res.status()).toBe(201);
      out.referralId = ((await res.json()) as { id: string }).id;
    }
    return out;
  } finally {
    await request.post('/api/auth/logout', { headers });
  }
}

async function switchUser(page: Page, email: string) {
  await page.context().clearCookies();
  await signIn(page, email);
}

for (const vp of VIEWPORTS) {
  test.describe(`at ${vp.width} px`, () => {
    test.use({ viewport: { width: vp.width, height: vp.height } });

    test(`a caseworker discards a draft screening started by mistake (${vp.label})`, async ({ page, request }) => {
      const s = await setUp(request, vp.index * 4, 'draft');
      await signIn(page, WORKER);
      await page.goto(`/youth/${s.youthId}/screenings/${s.draftId}`);
      await page.getByRole('button', { name: 'Discard this draft' }).click();
      // The reason is required and said next to the field.
      await page.getByRole('button', { name: 'Discard the draft' }).click();
      await expect(page.getByText('Say why you are correcting this')).toBeVisible();
      await expect(page.getByLabel('Reason')).toBeFocused();
      await expectNoAxeViolations(page, `discarding a draft (${vp.label})`);
      await page.getByLabel('Reason').fill('Started for the wrong youth');
      await page.getByRole('button', { name: 'Discard the draft' }).click();
      await expect(page).toHaveURL(new RegExp(`/youth/${s.youthId}$`));
      await expect(page.getByRole('status').filter({ hasText: 'The draft screening was discarded.' })).toBeVisible();
      expect((await page.request.get(`/api/youth/${s.youthId}/screenings/${s.draftId}`)).status()).toBe(404);
      await expectNoAxeViolations(page, `the record after discarding (${vp.label})`);
    });

    test(`a caseworker corrects an MDT meeting; the supervisor sees the earlier version (${vp.label})`, async ({
      page,
      request,
    }) => {
      const s = await setUp(request, vp.index * 4 + 1, 'meeting');
      await signIn(page, WORKER);
      await page.goto(`/youth/${s.youthId}`);
      const mdt = page.locator('section[aria-labelledby="mdt-heading"]');
      await mdt.getByRole('button', { name: 'Correct this meeting' }).click();
      const form = page.locator(`#correct-meeting-${s.meetingId}`);
      await form.getByLabel('Held').fill('2025-03-05T10:00');
      await form.getByLabel('Decisions').fill('Move to a CSEC-trained home.');
      await form.getByLabel('Reason').fill('Recorded on the wrong day');
      await expectNoAxeViolations(page, `correcting a meeting (${vp.label})`);
      await form.getByRole('button', { name: 'Save the correction' }).click();
      await expect(mdt.getByRole('status').filter({ hasText: 'The correction is saved' })).toBeVisible();
      await expect(mdt).toContainText('Move to a CSEC-trained home.');
      // Workers do not see the history; supervisors do.
      await expect(mdt.getByText('Corrected', { exact: true })).toHaveCount(0);

      await switchUser(page, SUPERVISOR);
      await page.goto(`/youth/${s.youthId}`);
      const meeting = page.locator(`article[aria-labelledby="mdt-meeting-${s.meetingId}"]`);
      await expect(meeting.getByText('Corrected', { exact: true })).toBeVisible();
      await meeting.getByRole('button', { name: 'Earlier version (1)' }).click();
      await expect(meeting).toContainText('Recorded on the wrong day');
      await expect(meeting).toContainText('Keep the current placement.');
      await expectNoAxeViolations(page, `a corrected meeting's history (${vp.label})`);
    });

    test(`a caseworker corrects a CSEC Type; the supervisor sees the earlier version (${vp.label})`, async ({
      page,
      request,
    }) => {
      const s = await setUp(request, vp.index * 4 + 2, 'type');
      await signIn(page, WORKER);
      await page.goto(`/youth/${s.youthId}`);
      await page.getByRole('button', { name: 'Correct this CSEC Type' }).click();
      const form = page.locator(`#correct-type-${s.typeId}`);
      await form.getByLabel('Start date').fill('2025-01-15');
      await form.getByLabel('Allegation subcategory').fill('Recruitment at school');
      await form.getByLabel('Reason').fill('Dates taken from the wrong report');
      await form.getByRole('button', { name: 'Save the correction' }).click();
      const timeline = page.locator('section[aria-labelledby="timeline-heading"]');
      await expect(timeline).toContainText('Recruitment at school');
      await expectNoAxeViolations(page, `a corrected CSEC Type (${vp.label})`);

      await switchUser(page, SUPERVISOR);
      await page.goto(`/youth/${s.youthId}`);
      const tl = page.locator('section[aria-labelledby="timeline-heading"]');
      await expect(tl.getByText('Corrected', { exact: true })).toBeVisible();
      await tl.getByRole('button', { name: 'Earlier version (1)' }).click();
      await expect(tl).toContainText('Dates taken from the wrong report');
      await expect(tl).toContainText('Recruitment online');
      await expectNoAxeViolations(page, `a corrected CSEC Type's history (${vp.label})`);
    });

    test(`a referral's decision is recorded afterwards, then corrected (${vp.label})`, async ({ page, request }) => {
      const s = await setUp(request, vp.index * 4 + 3, 'referral');
      await signIn(page, WORKER);
      await page.goto(`/youth/${s.youthId}`);
      const referrals = page.locator('section[aria-labelledby="referrals-heading"]');
      await referrals
        .getByRole('button', { name: new RegExp(`^Record the decision\\s*, R-FIX-${vp.index * 4 + 3}$`) })
        .click();
      await referrals.getByLabel('Decision', { exact: true }).fill('Evaluated out');
      await referrals.getByLabel('Date and time decided').fill('2025-04-02T09:00');
      await referrals.getByRole('button', { name: 'Save the decision' }).click();
      await expect(referrals.getByRole('status').filter({ hasText: 'The decision is recorded.' })).toBeVisible();
      await expect(referrals).toContainText('Evaluated out');

      await referrals
        .getByRole('button', { name: new RegExp(`^Correct the decision\\s*, R-FIX-${vp.index * 4 + 3}$`) })
        .click();
      await referrals.getByLabel('Decision', { exact: true }).fill('Substantiated');
      await referrals.getByLabel('Reason').fill('The wrong outcome was chosen');
      await expectNoAxeViolations(page, `correcting a referral's decision (${vp.label})`);
      await referrals.getByRole('button', { name: 'Save the correction' }).click();
      await expect(referrals.getByRole('status').filter({ hasText: 'The correction is saved' })).toBeVisible();
      await expect(referrals).toContainText('Substantiated');

      await switchUser(page, SUPERVISOR);
      await page.goto(`/youth/${s.youthId}`);
      const seen = page.locator('section[aria-labelledby="referrals-heading"]');
      await expect(seen.getByText('Corrected', { exact: true })).toBeVisible();
      await seen.getByRole('button', { name: 'Earlier version (1)' }).click();
      await expect(seen).toContainText('The wrong outcome was chosen');
      await expect(seen).toContainText('Evaluated out');
      await expectNoAxeViolations(page, `a corrected referral's history (${vp.label})`);
    });

    test(`each role lands on its own work (${vp.label})`, async ({ page }) => {
      // Supervisors: the team's overdue work and who is missing now.
      await signIn(page, SUPERVISOR);
      await expect(page).toHaveURL(/\/work$/);
      await expect(page.getByRole('heading', { level: 1, name: 'My team’s work' })).toBeVisible();
      await expect(page.getByRole('heading', { level: 2, name: /^Overdue \(\d+\)$/ })).toBeVisible();
      await expect(page.getByRole('heading', { level: 2, name: 'Currently missing' })).toBeVisible();
      await expectNoAxeViolations(page, `supervisor's home (${vp.label})`);
      // "Mine" never says nothing is due while the team's work is overdue.
      await page.getByRole('button', { name: 'Mine' }).click();
      await expect(page.getByText(/deadlines? of your team (is|are) overdue/)).toBeVisible();
      await expect(page.getByText(/^Nothing is due\./)).toHaveCount(0);
      await page.getByRole('button', { name: 'Show my team’s work' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'My team’s work' })).toBeVisible();

      // Workers: My work, with unread notifications said on the page.
      await switchUser(page, WORKER);
      await expect(page).toHaveURL(/\/work$/);
      await expect(page.getByRole('heading', { level: 1, name: 'My work' })).toBeVisible();
      const { unread } = (await (await page.request.get('/api/notifications?limit=1')).json()) as { unread: number };
      if (unread > 0) await expect(page.getByText(/You have \d+ unread notifications?\./)).toBeVisible();
      await expectNoAxeViolations(page, `worker's home (${vp.label})`);

      // Analysts: figures.
      await switchUser(page, 'analyst@la.demo');
      await expect(page).toHaveURL(/\/figures$/);
    });
  });
}
