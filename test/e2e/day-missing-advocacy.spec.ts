// A caseworker's day, issue 14 findings 5, 6, 15 and 16, each at 1280 px and at 390 px:
// the return debrief keeps what was typed across the screening it needs (and links back); the
// advocate who closes a referral lands on their organization's page, not on an error; the MDT
// meeting form makes an added person an attendee, finds oneself, fits a phone and warns only
// about the parties the county requires; the advocacy sections agree, a second referral needs a
// confirmation, and the NCMEC case number shows once recorded. axe on every changed page.
import { expect, request as playwrightRequest, test, type APIRequestContext, type Page } from '@playwright/test';
import { DEMO_BRIEF_SCREEN } from '../../src/domain/demo-instruments.js';
import { expectNoAxeViolations, PASSWORD, signIn } from './support.js';

const WORKER = 'socialworker@la.demo'; // Dana Whitfield, LA child welfare
const CBO_ADMIN = 'provider@la.demo'; // org_admin of Lighthouse Youth Advocates
const ADVOCATE = 'advocate@la.demo'; // Keiko Brandt, Lighthouse, fully vetted
const CBO = 'Lighthouse Youth Advocates (fictional)';
const OPEN_STATES = ['sent', 'accepted', 'advocate_assigned', 'first_contact', 'engaged'];

const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;

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

async function json<T>(response: Awaited<ReturnType<APIRequestContext['get']>>, status = 200): Promise<T> {
  expect(response.status(), await response.text()).toBe(status);
  return (await response.json()) as T;
}

/** Nothing sticks out sideways (a clipped box or a page wider than the phone). */
async function expectNoSidewaysScroll(page: Page) {
  const [scroll, client] = await page.evaluate(() => [
    document.documentElement.scrollWidth,
    document.documentElement.clientWidth,
  ]);
  expect(scroll).toBeLessThanOrEqual(client);
}

interface Referral {
  id: string;
  organizationId: string;
  organization: string;
  state: string;
  version: number;
}

/** A caseload youth of the worker's with no open advocacy referral. */
async function youthWithoutOpenReferral(worker: APIRequestContext, skip: string[] = []): Promise<string> {
  const { results } = await json<{ results: { id: string }[] }>(await worker.get('/api/youth?limit=50'));
  for (const y of results) {
    if (skip.includes(y.id)) continue;
    const { referrals } = await json<{ referrals: Referral[] }>(
      await worker.get(`/api/youth/${y.id}/advocacy-referrals`),
    );
    if (!referrals.some((r) => OPEN_STATES.includes(r.state))) return y.id;
  }
  throw new Error('no caseload youth without an open advocacy referral');
}

/** Refers the youth to Lighthouse, which accepts and assigns Keiko Brandt (all through the API). */
async function referAndAssign(baseURL: string, youthId: string): Promise<Referral> {
  const worker = await apiAs(baseURL, WORKER);
  const { organizations } = await json<{ organizations: { organizationId: string; name: string }[] }>(
    await worker.get('/api/advocacy/active-organizations'),
  );
  const organizationId = organizations.find((o) => o.name === CBO)!.organizationId;
  const sent = await json<Referral>(
    await worker.post(`/api/youth/${youthId}/advocacy-referrals`, {
      data: { organizationId, reason: 'Asked for an advocate after the return.', urgency: 'routine' },
    }),
    201,
  );
  await worker.dispose();
  const cbo = await apiAs(baseURL, CBO_ADMIN);
  const accepted = await json<Referral>(
    await cbo.post(`/api/advocacy/referrals/${sent.id}/accept`, { data: { version: sent.version } }),
  );
  const { advocates } = await json<{ advocates: { userId: string; name: string }[] }>(
    await cbo.get(`/api/advocacy/organizations/${organizationId}/advocates`),
  );
  const keiko = advocates.find((a) => a.name === 'Keiko Brandt')!.userId;
  const assigned = await json<Referral>(
    await cbo.post(`/api/advocacy/referrals/${sent.id}/assign`, {
      data: { version: accepted.version, advocateUserId: keiko },
    }),
  );
  await cbo.dispose();
  expect(assigned.state).toBe('advocate_assigned');
  return assigned;
}

/** A youth of the worker's, missing then returned, its NCMEC report recorded (through the API). */
async function returnedEpisode(
  worker: APIRequestContext,
  ncmecCaseNumber: string,
): Promise<{ youthId: string; episodeId: string }> {
  const { results } = await json<{ results: { id: string }[] }>(await worker.get('/api/youth?limit=25'));
  for (const { id } of results) {
    const list = await json<{ episodes: { status: string }[]; canReport: boolean }>(
      await worker.get(`/api/youth/${id}/missing`),
    );
    if (!list.canReport || list.episodes.some((e) => e.status !== 'closed')) continue;
    const lastSeen = Date.now() - 5 * 3_600_000;
    const episode = await json<{ id: string }>(
      await worker.post(`/api/youth/${id}/missing`, {
        data: {
          lastSeenAt: new Date(lastSeen).toISOString(),
          lastSeenPlace: 'placement',
          discoveredAt: new Date(lastSeen + 1_800_000).toISOString(),
        },
      }),
      201,
    );
    await json(
      await worker.post(`/api/youth/${id}/missing/${episode.id}/reports/ncmec`, {
        data: { ncmecCaseNumber, reportedAt: new Date(Date.now() - 4 * 3_600_000).toISOString() },
      }),
    );
    await json(
      await worker.post(`/api/youth/${id}/missing/${episode.id}/returned`, {
        data: { returnedAt: new Date(Date.now() - 3_600_000).toISOString(), returnedTo: 'same_placement' },
      }),
    );
    return { youthId: id, episodeId: episode.id };
  }
  throw new Error('no caseload youth who can be reported missing');
}

for (const vp of VIEWPORTS) {
  test.describe(`at ${vp.width} px`, () => {
    test.use({ viewport: { width: vp.width, height: vp.height } });

    test(`finding 5: the debrief keeps what was typed across its screening, and the result links back (${vp.name})`, async ({
      page,
      baseURL,
    }) => {
      test.setTimeout(120_000);
      const worker = await apiAs(baseURL!, WORKER);
      const { youthId, episodeId } = await returnedEpisode(worker, `NC-${vp.width}-55`);

      await signIn(page, WORKER);
      await page.goto(`/youth/${youthId}/missing/${episodeId}`);
      await expect(page.getByRole('heading', { level: 1, name: 'Missing episode' })).toBeVisible();
      const debrief = page.locator('section[aria-labelledby="missing-debrief-heading"]');
      await debrief.getByRole('button', { name: 'Start the debrief' }).click();
      const sheet = debrief.getByRole('form', { name: 'Return debrief' });
      await sheet.getByText('Conflict at the placement').click();
      await sheet.getByLabel('How the next placement will address them').fill('Weekly house meeting with the youth.');
      await sheet.getByLabel("The youth's experiences while absent").fill('Stayed with a friend from school.');
      await sheet.getByText('No', { exact: true }).click();
      await expectNoAxeViolations(page, `the debrief being typed (${vp.name})`);

      // Leaving by another link warns first; declining keeps the page and the text.
      let warned = '';
      page.once('dialog', (dialog) => {
        warned = dialog.message();
        void dialog.dismiss();
      });
      await page
        .getByRole('link', { name: /^Back to/ })
        .first()
        .click();
      expect(warned).toMatch(/not saved/);
      await expect(page).toHaveURL(new RegExp(`/missing/${episodeId}`));
      await expect(sheet.getByLabel('How the next placement will address them')).toHaveValue(/Weekly house meeting/);

      // "Start a screening" keeps the text (a draft on the server) and asks for no confirmation.
      page.once('dialog', (dialog) => {
        warned = `unexpected: ${dialog.message()}`;
        void dialog.dismiss();
      });
      warned = '';
      await sheet.getByRole('link', { name: 'Start a screening' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Start a screening' })).toBeVisible();
      expect(warned).toBe('');
      // The reason is already chosen: the screening is done on return from missing.
      await expect(page.getByLabel('Where is this screening happening?')).toHaveValue('return_from_missing');
      await page.getByText(DEMO_BRIEF_SCREEN.name.en, { exact: false }).first().click();
      await expectNoAxeViolations(page, `the new screening with its reason chosen (${vp.name})`);
      await page.getByRole('button', { name: 'Start the screening' }).click();
      await expect(page).toHaveURL(new RegExp(`/screenings/[^/?]+\\?episode=${episodeId}$`));

      // The screening's answers and its finish, through the API; then the result page.
      const screeningId = new URL(page.url()).pathname.split('/').at(-1)!;
      const items = DEMO_BRIEF_SCREEN.sections.flatMap((s) => s.items);
      const ratings = Object.fromEntries(
        items.map((i) => [i.key, DEMO_BRIEF_SCREEN.scales.find((s) => s.key === i.scale)!.options[0]!.value]),
      );
      const draft = await json<{ version: number }>(
        await worker.get(`/api/youth/${youthId}/screenings/${screeningId}`),
      );
      const saved = await json<{ version: number }>(
        await worker.patch(`/api/youth/${youthId}/screenings/${screeningId}`, {
          data: { version: draft.version, ratings },
        }),
      );
      await json(
        await worker.post(`/api/youth/${youthId}/screenings/${screeningId}/finalize`, {
          data: { version: saved.version },
        }),
      );
      await worker.dispose();
      await page.reload();
      const back = page.getByRole('link', { name: 'Back to the missing episode’s debrief' });
      await expect(back).toBeVisible();
      await expectNoAxeViolations(page, `the screening result with its way back (${vp.name})`);
      await back.click();

      // The debrief reopens with what was typed and the new screening chosen, and completes.
      await expect(page.getByRole('heading', { level: 1, name: 'Missing episode' })).toBeVisible();
      const again = debrief.getByRole('form', { name: 'Return debrief' });
      await expect(again.getByLabel('How the next placement will address them')).toHaveValue(
        'Weekly house meeting with the youth.',
      );
      await expect(again.getByLabel("The youth's experiences while absent")).toHaveValue(
        'Stayed with a friend from school.',
      );
      await expect(again.getByLabel('CSEC screening on return')).toHaveValue(screeningId);
      await expectNoAxeViolations(page, `the reopened debrief (${vp.name})`);
      await again.getByRole('button', { name: 'Complete the debrief' }).click();
      await expect(page.getByRole('status')).toContainText('The debrief is complete and the episode is closed.');
      await expectNoSidewaysScroll(page);
    });

    test(`finding 6: the advocate who closes a referral lands on their organization's page (${vp.name})`, async ({
      page,
      baseURL,
    }) => {
      test.setTimeout(90_000);
      const worker = await apiAs(baseURL!, WORKER);
      // A youth the advocate has no other reason to open (the demo seed also assigns advocates
      // directly): only then does the close end her access.
      const advocate = await apiAs(baseURL!, ADVOCATE);
      const tried: string[] = [];
      let youthId = await youthWithoutOpenReferral(worker);
      while ((await advocate.get(`/api/youth/${youthId}`)).status() !== 404) {
        tried.push(youthId);
        youthId = await youthWithoutOpenReferral(worker, tried);
      }
      await advocate.dispose();
      await worker.dispose();
      await referAndAssign(baseURL!, youthId);

      await signIn(page, ADVOCATE);
      await page.goto(`/youth/${youthId}`);
      const section = page.locator('section[aria-labelledby="advocacy-heading"]');
      await section.getByRole('button', { name: 'Close the referral' }).click();
      const close = section.getByRole('form', { name: 'Close the referral' });
      await close.getByLabel('Reason').selectOption('goals_met');
      await expectNoAxeViolations(page, `the advocate's close form (${vp.name})`);
      await close.getByRole('button', { name: 'Close the referral' }).click();

      await expect(page).toHaveURL(/\/advocacy\/organization$/);
      await expect(
        page.getByRole('heading', { level: 1, name: 'Advocacy referrals to my organization' }),
      ).toBeVisible();
      await expect(page.getByRole('status').filter({ hasText: `The referral to ${CBO} is closed.` })).toContainText(
        'Your access to the youth’s record ended with it.',
      );
      await expect(page.getByText('Harbor could not finish this')).toHaveCount(0);
      await expectNoAxeViolations(page, `the organization's page after a close (${vp.name})`);
      // A reload stays on a page the advocate may see.
      await page.reload();
      await expect(
        page.getByRole('heading', { level: 1, name: 'Advocacy referrals to my organization' }),
      ).toBeVisible();
      await expect(page.getByRole('heading', { name: 'Page not found' })).toHaveCount(0);
      await expectNoSidewaysScroll(page);
    });

    test(`finding 15: the MDT form adds people as attendees, finds oneself, fits and checks the required parties (${vp.name})`, async ({
      page,
    }) => {
      test.setTimeout(90_000);
      await signIn(page, WORKER);
      const session = (await (await page.request.get('/api/auth/session')).json()) as { user: { id: string } };
      // A youth other specs leave alone: the attendees saved here join that youth's team.
      const { results } = (await (await page.request.get('/api/youth?limit=20')).json()) as {
        results: { id: string }[];
      };
      await page.goto(`/youth/${results[Math.min(results.length - 1, vp.width === 390 ? 13 : 12)]!.id}`);
      const mdt = page.locator('section[aria-labelledby="mdt-heading"]');
      await mdt.getByRole('button', { name: 'Record an MDT meeting' }).click();
      const form = mdt.getByRole('form', { name: 'Record an MDT meeting' });
      await form.getByLabel('Tier').selectOption({ label: 'Crisis' });
      await form.getByLabel('Held at').fill(await form.getByLabel('Scheduled for').inputValue());

      // One's own name is found, and adding makes an attendee (present, with the organization's type).
      const finder = form.getByRole('group', { name: 'Find a person for this meeting' });
      const search = finder.getByLabel('Search county staff by name');
      await search.fill('Whitfield');
      await expect(finder.getByText('1 person matches.')).toBeVisible();
      await finder.getByLabel('Person').selectOption(session.user.id);
      await finder.getByRole('button', { name: 'Add as an attendee' }).click();
      await expect(finder.getByText('Dana Whitfield was added as an attendee.')).toBeVisible();
      const one = form.getByRole('group', { name: 'Attendee 1' });
      await expect(one.getByLabel('Person')).toHaveValue(session.user.id);
      await expect(one.getByLabel('Organization type')).toHaveValue('child_welfare');
      await expect(one.getByLabel('Present')).toBeChecked();

      await search.fill('Vail');
      await expect(finder.getByText('1 person matches.')).toBeVisible();
      await finder.getByLabel('Person').selectOption({ index: 1 });
      await finder.getByRole('button', { name: 'Add as an attendee' }).click();
      const two = form.getByRole('group', { name: 'Attendee 2' });
      await expect(two.getByLabel('Organization type')).toHaveValue('probation');

      // The search box is not clipped: it sits inside its group, as wide as the list below it, and
      // the page does not scroll sideways.
      const box = (await search.boundingBox())!;
      const group = (await finder.boundingBox())!;
      const list = (await finder.getByLabel('Person').boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(group.x);
      expect(box.x + box.width).toBeLessThanOrEqual(Math.min(group.x + group.width, vp.width) + 0.5);
      expect(box.x + box.width).toBeLessThanOrEqual(list.x + list.width + 0.5);
      await expectNoSidewaysScroll(page);
      await expectNoAxeViolations(page, `the MDT form with two attendees added (${vp.name})`);

      // The check names only the parties WIC 16524.8 requires (the county default) that had nobody present.
      await form.getByRole('button', { name: 'Save the meeting' }).click();
      const notice = mdt.getByRole('status');
      await expect(notice).toContainText('The meeting was saved.');
      await expect(notice).toContainText('These 5 required parties had nobody present:');
      const listed = (await notice.getByRole('listitem').allTextContents()).map((s) => s.trim()).sort();
      expect(listed).toEqual(['Education', 'Juvenile court', 'Law enforcement', 'Mental health', 'Public health']);
    });

    test(`finding 16: the advocacy sections agree, a second referral asks first, the NCMEC number shows (${vp.name})`, async ({
      page,
      baseURL,
    }) => {
      test.setTimeout(120_000);
      const worker = await apiAs(baseURL!, WORKER);
      // A youth with no referral at all: no advocate under People assigned either.
      const { results } = await json<{ results: { id: string }[] }>(await worker.get('/api/youth?limit=50'));
      let bare: string | null = null;
      for (const y of results.slice(0, 20)) {
        const { referrals } = await json<{ referrals: Referral[] }>(
          await worker.get(`/api/youth/${y.id}/advocacy-referrals`),
        );
        if (referrals.length === 0) {
          bare = y.id;
          break;
        }
      }
      await signIn(page, WORKER);
      const section = page.locator('section[aria-labelledby="advocacy-heading"]');
      const people = page.locator('section[aria-labelledby="assignments-heading"]');
      if (bare) {
        await page.goto(`/youth/${bare}`);
        await expect(section.getByText('No advocacy referrals yet.')).toBeVisible();
        await expect(people.getByRole('heading', { level: 2, name: 'People assigned' })).toBeVisible();
        await expect(people.getByRole('cell', { name: 'Advocate', exact: true })).toHaveCount(0);
      }

      // A youth with an advocate assigned through a referral: People assigned names her.
      const youthId = await youthWithoutOpenReferral(worker, bare ? [bare] : []);
      await referAndAssign(baseURL!, youthId);
      await page.goto(`/youth/${youthId}`);
      await expect(section.getByRole('heading', { level: 3, name: `${CBO}: Advocate assigned` })).toBeVisible();
      const row = people.getByRole('row').filter({ hasText: 'Keiko Brandt' });
      await expect(row).toHaveCount(1);
      await expect(row).toContainText('Advocate');
      await expect(row).toContainText(CBO);

      // A second referral while one is open: a warning, and nothing is sent until it is confirmed.
      await section.getByRole('button', { name: 'Refer to an advocacy organization' }).click();
      const refer = section.getByRole('form', { name: 'Refer to an advocacy organization' });
      await expect(
        refer.getByRole('heading', { name: 'This youth already has an open advocacy referral' }),
      ).toBeVisible();
      await refer.getByLabel('Advocacy organization').selectOption({ index: 1 });
      await refer.getByLabel('Why the youth is referred').fill('Needs court accompaniment as well.');
      await refer.getByRole('button', { name: 'Send the referral' }).click();
      await expect(refer.getByRole('link', { name: /Confirm that you want to send a second referral/ })).toBeVisible();
      const before = await json<{ referrals: Referral[] }>(
        await worker.get(`/api/youth/${youthId}/advocacy-referrals`),
      );
      expect(before.referrals.filter((r) => OPEN_STATES.includes(r.state))).toHaveLength(1);
      await expectNoAxeViolations(page, `the referral form warning of an open referral (${vp.name})`);
      await refer.getByText('I know a referral is open, and I want to send another').click();
      await refer.getByRole('button', { name: 'Send the referral' }).click();
      await expect(section.getByRole('status')).toContainText('was sent');
      const after = await json<{ referrals: Referral[] }>(await worker.get(`/api/youth/${youthId}/advocacy-referrals`));
      expect(after.referrals.filter((r) => OPEN_STATES.includes(r.state))).toHaveLength(2);
      await expectNoSidewaysScroll(page);

      // The NCMEC case number, once recorded, is on the episode page.
      const { youthId: missingYouth, episodeId } = await returnedEpisode(worker, `NC-${vp.width}-16`);
      await worker.dispose();
      await page.goto(`/youth/${missingYouth}/missing/${episodeId}`);
      await expect(page.getByRole('heading', { level: 1, name: 'Missing episode' })).toBeVisible();
      const facts = page.locator('dl').first();
      await expect(facts.getByRole('definition').filter({ hasText: `NC-${vp.width}-16` })).toBeVisible();
      const card = page
        .locator('section[aria-labelledby="missing-reports-heading"] li.harbor-duty')
        .filter({ has: page.getByRole('heading', { name: 'Report to NCMEC' }) });
      await expect(card.getByText('NCMEC case number')).toBeVisible();
      await expect(card.getByText(`NC-${vp.width}-16`)).toBeVisible();
      await expectNoAxeViolations(page, `the episode with its NCMEC number (${vp.name})`);
    });
  });
}
