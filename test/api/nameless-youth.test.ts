// A youth from a de-identified state extract: no names, no date of birth, only the state client id
// (migration 0014). Every record and list shows them by that id, none answers 500, a worker can
// fill the names in later, and an imported case or referral with no organization still shows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Builder } from '../../src/seed/builder.js';
import { startHarness, type Harness } from '../support/app.js';

let h: Harness;
let youthId = '';
let caseId = '';
let referralId = '';
const CLIENT_ID = '0999-8888-7777-6666666';
const url = () => `/api/youth/${youthId}`;

beforeAll(async () => {
  h = await startHarness();
  const b = new Builder(h.db.database);
  const { la } = h.world.counties;
  youthId = await b.youth({
    countyId: la,
    legalFirstName: null,
    legalLastName: null,
    dateOfBirth: null,
    sex: 'F',
    identifiers: [{ system: 'cws_cms', value: CLIENT_ID }],
  });
  await b.assignment({
    youthId,
    countyId: la,
    userId: h.world.users.worker.id,
    organizationId: h.world.orgs.dcfs,
    role: 'primary',
  });
  // Imported from a county with no agency of the kind in Harbor: no organization.
  caseId = await b.case({ youthId, countyId: la, organizationId: null, kind: 'child_welfare', openedOn: '2024-02-03' });
  referralId = await b.referral({ youthId, countyId: la, organizationId: null, receivedAt: '2024-01-30T10:00:00Z' });
}, 60_000);
afterAll(() => h.close());

describe('a youth with no names and no date of birth', () => {
  it('opens with null names and date of birth, the state client id and sex, and cases with no organization', async () => {
    const res = await (await h.as('worker')).get(url());
    expect(res.statusCode).toBe(200);
    const y = res.json();
    expect(y).toMatchObject({
      legalFirstName: null,
      legalLastName: null,
      preferredName: null,
      dateOfBirth: null,
      stateClientId: CLIENT_ID,
      sex: 'F',
      identifiers: [{ system: 'cws_cms', value: CLIENT_ID }],
    });
    expect(y.cases).toEqual([expect.objectContaining({ id: caseId, organization: null, openedOn: '2024-02-03' })]);
    expect(y.referrals).toEqual([expect.objectContaining({ id: referralId, organization: null })]);
    // A named youth's record names no state client id it does not have.
    const bruno = await (await h.as('otherWorker')).get(`/api/youth/${h.world.youth.bruno}`);
    expect(bruno.json()).toMatchObject({ legalLastName: 'Okafor', stateClientId: null, sex: null });
  });

  it('is found by the state client id and listed with it; a date-of-birth search still works', async () => {
    const worker = await h.as('worker');
    const found = await worker.get(`/api/youth?q=${encodeURIComponent(CLIENT_ID)}`);
    expect(found.statusCode).toBe(200);
    expect(found.json().results).toEqual([
      {
        id: youthId,
        name: null,
        legalName: null,
        stateClientId: CLIENT_ID,
        dateOfBirth: null,
        spaNumber: null,
        matchedOn: 'identifier',
      },
    ]);
    // The caseload (empty query): the named youth first, the nameless one by their id.
    const mine = (await worker.get('/api/youth')).json().results as {
      id: string;
      name: string | null;
      stateClientId: string | null;
    }[];
    expect(mine.find((r) => r.id === youthId)).toMatchObject({ name: null, stateClientId: CLIENT_ID });
    expect(mine.find((r) => r.id === h.world.youth.ana)).toMatchObject({ name: 'Ana Quintero', stateClientId: null });
    const byDob = await worker.get('/api/youth?q=03/14/2010');
    expect(byDob.statusCode).toBe(200);
    expect(byDob.json().results.map((r: { id: string }) => r.id)).toEqual([h.world.youth.ana]);
    // Someone with no relation to the youth does not find them by the id.
    expect((await (await h.as('otherWorker')).get(`/api/youth?q=${CLIENT_ID}`)).json().results).toEqual([]);
  });

  it('shows the state client id on the worklists and the currently-missing list', async () => {
    const worker = await h.as('worker');
    const reported = await worker.post(`${url()}/missing`, {
      lastSeenAt: new Date(Date.now() - 3 * 3_600_000).toISOString(),
      lastSeenPlace: 'school',
    });
    expect(reported.statusCode).toBe(201);

    const mine = await worker.get('/api/obligations?view=mine');
    expect(mine.statusCode).toBe(200);
    const duties = (
      mine.json().obligations as { youthId: string; youthName?: string; youthClientId?: string }[]
    ).filter((o) => o.youthId === youthId);
    expect(duties.length).toBeGreaterThan(0);
    for (const d of duties) {
      expect(d.youthClientId).toBe(CLIENT_ID);
      expect(d).not.toHaveProperty('youthName');
    }

    const team = await (await h.as('supervisor')).get('/api/obligations?view=team');
    expect(team.statusCode).toBe(200);
    expect(team.json().obligations.find((o: { youthId: string }) => o.youthId === youthId)).toMatchObject({
      youthClientId: CLIENT_ID,
    });
    const org = await (await h.as('supervisor')).get('/api/obligations?view=organization');
    expect(org.statusCode).toBe(200);
    expect(org.json().obligations.find((o: { youthId: string }) => o.youthId === youthId)).toMatchObject({
      youthVisible: true,
      youthClientId: CLIENT_ID,
    });

    const missing = await worker.get('/api/missing/current');
    expect(missing.statusCode).toBe(200);
    expect(missing.json().missing.find((r: { youthId: string }) => r.youthId === youthId)).toMatchObject({
      youthName: null,
      youthClientId: CLIENT_ID,
    });
    // Named youth on the same list keep their name and have no client id in its place.
    for (const r of missing.json().missing as {
      youthId: string;
      youthName: string | null;
      youthClientId: string | null;
    }[])
      if (r.youthId !== youthId) expect(r).toMatchObject({ youthName: expect.any(String), youthClientId: null });
  });

  it('shows the state client id on the MDT caseload review', async () => {
    const worker = await h.as('worker');
    const held = await worker.post(`${url()}/mdt/meetings`, {
      tier: 'initial',
      scheduledAt: new Date(Date.now() - 3_600_000).toISOString(),
      heldAt: new Date(Date.now() - 3_000_000).toISOString(),
      attendees: [
        { userId: h.world.users.worker.id, name: 'Test worker', organizationType: 'child_welfare', present: true },
      ],
    });
    expect(held.statusCode).toBe(201);
    const due = await worker.get('/api/mdt/review-due');
    expect(due.statusCode).toBe(200);
    expect(due.json().youth.find((y: { youthId: string }) => y.youthId === youthId)).toMatchObject({
      name: null,
      stateClientId: CLIENT_ID,
      tier: 'ongoing',
    });
  });

  it('shows the state client id on an advocacy referral to those who may see the youth, and hides it from the CBO', async () => {
    const contract = await (
      await h.as('admin')
    ).post('/api/advocacy/contracts', {
      organizationId: h.world.orgs.cboA,
      contractingOrganizationId: h.world.orgs.dcfs,
      reference: 'DCFS-ADV-NAMELESS',
      startsOn: '2026-01-01',
      endsOn: '2030-12-31',
      fundingSource: 'County general fund',
      services: ['crisis_response'],
      capacity: 10,
      firstContactHours: 24,
    });
    expect(contract.statusCode).toBe(201);
    const sent = await (
      await h.as('worker')
    ).post(`${url()}/advocacy-referrals`, {
      organizationId: h.world.orgs.cboA,
      reason: 'Needs an advocate',
      urgency: 'routine',
    });
    expect(sent.statusCode).toBe(201);
    expect(sent.json()).toMatchObject({ youthName: null, youthClientId: CLIENT_ID });
    const listed = await (await h.as('worker')).get(`${url()}/advocacy-referrals`);
    expect(listed.statusCode).toBe(200);
    expect(listed.json().referrals[0]).toMatchObject({ youthName: null, youthClientId: CLIENT_ID });
    // The CBO's advocate gets the referral but has no relation to this youth: neither the name nor the id.
    const inbox = await (await h.as('advocate')).get('/api/advocacy/referrals');
    expect(inbox.statusCode).toBe(200);
    expect(inbox.json().referrals.find((r: { id: string }) => r.id === sent.json().id)).toMatchObject({
      youthName: null,
      youthClientId: null,
    });
    expect(JSON.stringify(inbox.json())).not.toContain(CLIENT_ID);
  });

  it('lets the worker fill in the names and date of birth, after which the lists use the name', async () => {
    const worker = await h.as('worker');
    const { version } = (await worker.get(url())).json();
    const saved = await worker.patch(url(), {
      version,
      legalFirstName: 'Marisol',
      legalLastName: 'Ybarra',
      dateOfBirth: '2011-06-02',
    });
    expect(saved.statusCode).toBe(200);
    expect((await worker.get(url())).json()).toMatchObject({
      legalFirstName: 'Marisol',
      legalLastName: 'Ybarra',
      dateOfBirth: '2011-06-02',
      stateClientId: CLIENT_ID,
    });
    const found = (await worker.get('/api/youth?q=ybarra')).json().results;
    expect(found).toEqual([
      expect.objectContaining({
        id: youthId,
        name: 'Marisol Ybarra',
        legalName: 'Marisol Ybarra',
        stateClientId: null,
      }),
    ]);
    const duty = (await worker.get('/api/obligations?view=mine'))
      .json()
      .obligations.find((o: { youthId: string }) => o.youthId === youthId);
    expect(duty).toMatchObject({ youthName: 'Marisol Ybarra' });
    expect(duty).not.toHaveProperty('youthClientId');
    // A PATCH cannot take a name away again.
    const cleared = await worker.patch(url(), { version: saved.json().version, legalLastName: null });
    expect(cleared.statusCode).toBe(400);
  });
});
