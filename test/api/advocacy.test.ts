import { systemRepo } from '../../src/access/checkpoint.js';
// Advocacy by contracted CBOs: contracts, vetting refusals that name what is missing, the referral
// lifecycle (no skipping, no second acceptance, declined is final), the assigned advocate's access
// to the youth ending at closure, and who must not see (another CBO, another county, org_admin).
// Who reads the reason, and the inbox's audit, are in advocacy-access.test.ts.
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countyToday } from '../../src/domain/screening-schedule.js';
import { runAdvocacyFlags } from '../../src/jobs/advocacy-flags.js';
import { markMissedObligations } from '../../src/jobs/mark-missed-obligations.js';
import { Builder } from '../../src/seed/builder.js';
import { signIn, startHarness, type Client, type Harness } from '../support/app.js';
import { PASSWORD } from '../support/world.js';

let h: Harness;
const today = countyToday();
const plusDays = (n: number) => DateTime.fromISO(today).plus({ days: n }).toISODate()!;
const extra: Record<
  'cboAdmin' | 'cboBAdmin' | 'probationSupervisor' | 'rookie' | 'lapsed' | 'sdCboAdmin',
  { id: string; email: string }
> = {} as never;
const sessions = new Map<string, Promise<Client>>();
/** One sign-in per extra user per file (the sign-in rate limit counts per address). */
const as = (who: keyof typeof extra): Promise<Client> => {
  if (!sessions.has(who)) sessions.set(who, signIn(h.app, extra[who].email));
  return sessions.get(who)!;
};
let contractId = '';

beforeAll(async () => {
  h = await startHarness();
  const b = new Builder(h.db.database);
  const { la } = h.world.counties;
  const mk = async (who: keyof typeof extra, org: string, roles: ('org_admin' | 'supervisor' | 'advocate')[]) => {
    const email = `${who.toLowerCase()}@test.example`;
    extra[who] = {
      id: await b.user({
        countyId: la,
        organizationId: org,
        email,
        displayName: `Test ${who}`,
        roles,
        password: PASSWORD,
      }),
      email,
    };
  };
  await mk('cboAdmin', h.world.orgs.cboA, ['org_admin']);
  await mk('cboBAdmin', h.world.orgs.cboB, ['org_admin']);
  await mk('probationSupervisor', h.world.orgs.probation, ['supervisor']);
  await mk('rookie', h.world.orgs.cboA, ['advocate']);
  await mk('lapsed', h.world.orgs.cboA, ['advocate']);
  const sdCbo = await b.organization(h.world.counties.sd, 'Test SD Advocates', 'advocacy_cbo');
  extra.sdCboAdmin = {
    id: await b.user({
      countyId: h.world.counties.sd,
      organizationId: sdCbo,
      email: 'sdcboadmin@test.example',
      displayName: 'Test sdCboAdmin',
      roles: ['org_admin'],
      password: PASSWORD,
    }),
    email: 'sdcboadmin@test.example',
  };
}, 60_000);
afterAll(() => h.close());

const contract = () => ({
  organizationId: h.world.orgs.cboA,
  contractingOrganizationId: h.world.orgs.probation,
  reference: 'PROB-ADV-2026-01',
  startsOn: '2026-01-01',
  endsOn: '2027-12-31',
  fundingSource: 'County general fund',
  services: ['crisis_response', 'assessment_and_referral', 'stabilization_and_engagement', 'linkage_to_services'],
  capacity: 40,
  firstContactHours: 24,
});

describe('contracts', () => {
  it('lets the county administrator record a contract and refuses wrong parties and periods', async () => {
    const admin = await h.as('admin');
    expect(
      (await admin.post('/api/advocacy/contracts', { ...contract(), organizationId: h.world.orgs.dcfs })).json().detail,
    ).toMatch(/advocacy_cbo/);
    expect(
      (
        await admin.post('/api/advocacy/contracts', { ...contract(), contractingOrganizationId: h.world.orgs.cboB })
      ).json().detail,
    ).toMatch(/county department/);
    expect(
      (await admin.post('/api/advocacy/contracts', { ...contract(), endsOn: '2025-12-31' })).json().detail,
    ).toMatch(/endsOn cannot be before startsOn/);
    expect((await admin.post('/api/advocacy/contracts', { ...contract(), services: ['astrology'] })).statusCode).toBe(
      400,
    );
    expect(
      (await admin.post('/api/advocacy/contracts', { ...contract(), organizationId: h.world.orgs.sdCws })).statusCode,
    ).toBe(400);
    expect((await (await h.as('analyst')).post('/api/advocacy/contracts', contract())).statusCode).toBe(403);
    const made = await admin.post('/api/advocacy/contracts', contract());
    expect(made.statusCode).toBe(201);
    expect(made.json()).toMatchObject({
      organization: 'Test Advocates A',
      contractingOrganization: 'Test Probation',
      activeToday: true,
      version: 1,
    });
    contractId = made.json().id;
    const changed = await admin.patch(`/api/advocacy/contracts/${contractId}`, { version: 1, capacity: 45 });
    expect(changed.json()).toMatchObject({ capacity: 45, version: 2 });
    expect((await admin.patch(`/api/advocacy/contracts/${contractId}`, { version: 1, capacity: 50 })).statusCode).toBe(
      409,
    );
  });

  it('shows a CBO administrator only their own contracts, and lists contracted CBOs for the referral form', async () => {
    const own = await as('cboAdmin');
    expect((await own.get('/api/advocacy/contracts')).json().contracts.map((c: { id: string }) => c.id)).toEqual([
      contractId,
    ]);
    const other = await as('cboBAdmin');
    expect((await other.get('/api/advocacy/contracts')).json().contracts).toEqual([]);
    expect((await other.get(`/api/advocacy/contracts/${contractId}`)).statusCode).toBe(404);
    expect((await (await h.as('worker')).get('/api/advocacy/contracts')).statusCode).toBe(403);
    const active = (await (await h.as('worker')).get('/api/advocacy/active-organizations')).json();
    expect(active.organizations.map((o: { name: string }) => o.name)).toEqual(['Test Advocates A']);
    expect(
      (await (await h.as('worker')).get('/api/advocacy/active-organizations?on=2025-06-01')).json().organizations,
    ).toEqual([]);
  });
});

describe('advocate vetting', () => {
  it('records clearances, trainings and approvals by the right people only', async () => {
    const cbo = await as('cboAdmin');
    const advocate = h.world.users.advocate.id;
    const add = (c: Client, path: string, body: object, user = advocate) =>
      c.post(`/api/advocacy/advocates/${user}/${path}`, body);
    expect(
      (await add(cbo, 'clearances', { kind: 'background', clearedOn: '2025-01-10', expiresOn: '2028-01-10' }))
        .statusCode,
    ).toBe(201);
    expect(
      (await add(cbo, 'clearances', { kind: 'security', clearedOn: '2025-01-10', expiresOn: plusDays(20) })).statusCode,
    ).toBe(201);
    for (const key of ['csec_101', 'csec_102', 'county_protocol'])
      expect((await add(cbo, 'trainings', { trainingKey: key, completedOn: '2025-02-01' })).statusCode).toBe(201);
    // Another CBO's administrator cannot touch this advocate; a worker cannot at all.
    expect(
      (await add(await as('cboBAdmin'), 'clearances', { kind: 'background', clearedOn: '2025-01-10' })).statusCode,
    ).toBe(404);
    expect(
      (await add(await h.as('worker'), 'clearances', { kind: 'background', clearedOn: '2025-01-10' })).statusCode,
    ).toBe(403);
    expect(
      (await add(cbo, 'clearances', { kind: 'background', clearedOn: '2025-01-10', expiresOn: '2024-01-10' }))
        .statusCode,
    ).toBe(400);
    // Approvals: the contracting department's supervisor or the county administrator.
    const approval = {
      contractingOrganizationId: h.world.orgs.probation,
      approvedOn: '2025-03-01',
      approvedUntil: '2027-03-01',
    };
    expect((await add(await h.as('supervisor'), 'approvals', approval)).statusCode).toBe(403);
    expect(
      (
        await add(await as('probationSupervisor'), 'approvals', {
          ...approval,
          contractingOrganizationId: h.world.orgs.dcfs,
        })
      ).json().detail,
    ).toMatch(/no advocacy contract with that department/);
    expect((await add(await as('probationSupervisor'), 'approvals', approval)).statusCode).toBe(201);

    // "lapsed": everything but a security clearance that expired last month; approval revoked later.
    const lapsed = extra.lapsed.id;
    await add(cbo, 'clearances', { kind: 'background', clearedOn: '2025-01-10' }, lapsed);
    await add(cbo, 'clearances', { kind: 'security', clearedOn: '2024-01-10', expiresOn: plusDays(-30) }, lapsed);
    for (const key of ['csec_101', 'county_protocol'])
      await add(cbo, 'trainings', { trainingKey: key, completedOn: '2025-02-01' }, lapsed);
    const admin = await h.as('admin');
    const ap = await add(admin, 'approvals', approval, lapsed);
    expect(ap.statusCode).toBe(201);
    const revoked = await admin.post(`/api/advocacy/approvals/${ap.json().id}/revoke`, {
      revokedOn: plusDays(-1),
      reason: 'Left the program',
    });
    expect(revoked.statusCode).toBe(200);
    expect(
      (await admin.post(`/api/advocacy/approvals/${ap.json().id}/revoke`, { revokedOn: today, reason: 'again' }))
        .statusCode,
    ).toBe(400);
  });

  it("shows the CBO's roster with today's gaps and what expires soon; the worklist warns in advance", async () => {
    const roster = await (await as('cboAdmin')).get(`/api/advocacy/organizations/${h.world.orgs.cboA}/advocates`);
    expect(roster.statusCode).toBe(200);
    const byName = Object.fromEntries(roster.json().advocates.map((a: { name: string }) => [a.name, a]));
    expect(byName['Test advocate']).toMatchObject({
      cleared: true,
      gaps: [],
      expiring: [{ what: 'security clearance', endsOn: plusDays(20) }],
    });
    expect(byName['Test rookie'].gaps).toEqual([
      'no background clearance on record',
      'no security clearance on record',
      'CSEC 101 training not completed',
      'CSEC 102 training not completed',
      'County CSEC protocol training not completed',
      'no current approval from the contracting department',
    ]);
    expect(
      (await (await as('cboBAdmin')).get(`/api/advocacy/organizations/${h.world.orgs.cboA}/advocates`)).statusCode,
    ).toBe(404);
    const worklist = (await (await as('cboAdmin')).get('/api/advocacy/vetting/expiring')).json();
    expect(worklist.items).toEqual([
      expect.objectContaining({ userId: h.world.users.advocate.id, what: 'security clearance', endsOn: plusDays(20) }),
    ]);
    expect((await (await as('cboBAdmin')).get('/api/advocacy/vetting/expiring')).json().items).toEqual([]);
    expect((await (await h.as('analyst')).get('/api/advocacy/vetting/expiring')).json().items).toHaveLength(1);
    expect((await (await h.as('worker')).get('/api/advocacy/vetting/expiring')).statusCode).toBe(403);
  });
});

const bruno = () => `/api/youth/${h.world.youth.bruno}`;
let referral: { id: string; version: number } = { id: '', version: 0 };

describe('referral lifecycle', () => {
  it('refuses a CBO without an active contract, naming it and the date', async () => {
    const res = await (
      await h.as('otherWorker')
    ).post(`${bruno()}/advocacy-referrals`, {
      organizationId: h.world.orgs.cboB,
      reason: 'Needs an advocate',
      urgency: 'urgent',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().detail).toBe(`Test Advocates B has no active advocacy contract on ${today}.`);
    // Only someone with write access to the youth refers: not the worker of another youth.
    expect(
      (
        await (
          await h.as('worker')
        ).post(`${bruno()}/advocacy-referrals`, { organizationId: h.world.orgs.cboA, reason: 'x y z' })
      ).statusCode,
    ).toBe(404);
  });

  it('opens the first-contact obligation for the CBO when a youth is referred', async () => {
    const owner = await h.as('otherWorker');
    const res = await owner.post(`${bruno()}/advocacy-referrals`, {
      organizationId: h.world.orgs.cboA,
      reason: 'Identified at intake; wants support',
      urgency: 'urgent',
    });
    expect(res.statusCode).toBe(201);
    referral = res.json();
    expect(res.json()).toMatchObject({ state: 'sent', contractId, youthName: expect.stringContaining('Okafor') });
    const obligations = (await owner.get(`${bruno()}/obligations`)).json().obligations;
    const first = obligations.find((o: { kind: string }) => o.kind === 'advocacy_first_contact');
    expect(first).toMatchObject({ status: 'open' });
    expect(new Date(first.dueAt).getTime() - new Date(res.json().referredAt).getTime()).toBe(24 * 3600_000);
    expect(res.json().firstContactDueAt).toBe(new Date(first.dueAt).toISOString());
  });

  it('lets the CBO see the referral and its reason without the youth, and nobody else', async () => {
    const cbo = await as('cboAdmin');
    const one = await cbo.get(`/api/advocacy/referrals/${referral.id}`);
    expect(one.statusCode).toBe(200);
    // The reason is the addressed organization's to read; the youth's name needs a relation.
    expect(one.json()).toMatchObject({
      state: 'sent',
      youthName: null,
      reason: 'Identified at intake; wants support',
      reasonHidden: false,
    });
    // The CBO administrator never opens the youth's record, referral or not.
    expect((await cbo.get(bruno())).statusCode).not.toBe(200);
    expect((await cbo.get(`${bruno()}/advocacy-referrals`)).statusCode).not.toBe(200);
    const inbox = (await cbo.get('/api/advocacy/referrals?state=sent')).json().referrals;
    expect(inbox.map((r: { id: string }) => r.id)).toEqual([referral.id]);
    expect(inbox[0].youthName).toBeNull();
    expect(JSON.stringify(inbox)).not.toMatch(/Okafor|Bruno/);
    expect((await (await h.as('otherAdvocate')).get(`/api/advocacy/referrals/${referral.id}`)).statusCode).toBe(404);
    expect((await (await as('cboBAdmin')).get('/api/advocacy/referrals')).json().referrals).toEqual([]);
    expect(
      (await (await as('cboBAdmin')).get(`/api/advocacy/referrals?organizationId=${h.world.orgs.cboA}`)).statusCode,
    ).toBe(404);
    expect((await (await h.as('sdWorker')).get(`/api/advocacy/referrals/${referral.id}`)).statusCode).toBe(403);
    // Another county's CBO administrator finds nothing of this county at all.
    const sd = await as('sdCboAdmin');
    expect((await sd.get(`/api/advocacy/referrals/${referral.id}`)).statusCode).toBe(404);
    expect((await sd.get(`/api/advocacy/contracts/${contractId}`)).statusCode).toBe(404);
    expect((await sd.get('/api/advocacy/contracts')).json().contracts).toEqual([]);
    expect((await sd.get('/api/advocacy/referrals')).json().referrals).toEqual([]);
    expect((await sd.get(`/api/advocacy/organizations/${h.world.orgs.cboA}/advocates`)).statusCode).toBe(404);
    // County roles get figures (the Board report), never the rows.
    expect((await (await h.as('analyst')).get('/api/advocacy/referrals')).statusCode).toBe(403);
    expect(
      (
        await (
          await h.as('otherAdvocate')
        ).post(`/api/advocacy/referrals/${referral.id}/accept`, { version: referral.version })
      ).statusCode,
    ).toBe(404);
  });

  it('allows no skipping of states and only one acceptance', async () => {
    const cbo = await as('cboAdmin');
    const skip = await cbo.post(`/api/advocacy/referrals/${referral.id}/assign`, {
      version: referral.version,
      advocateUserId: h.world.users.advocate.id,
    });
    expect(skip.statusCode).toBe(409);
    expect(skip.json().detail).toMatch(/must first be accepted/);
    expect(
      (
        await cbo.post(`/api/advocacy/referrals/${referral.id}/accept`, {
          version: referral.version,
          at: '2030-01-01T00:00:00Z',
        })
      ).json().detail,
    ).toMatch(/future/);
    expect(
      (
        await cbo.post(`/api/advocacy/referrals/${referral.id}/accept`, {
          version: referral.version,
          at: '2020-01-01T00:00:00Z',
        })
      ).json().detail,
    ).toMatch(/before the referral's previous step/);
    const accepted = await cbo.post(`/api/advocacy/referrals/${referral.id}/accept`, { version: referral.version });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({ state: 'accepted', youthName: null });
    const again = await (
      await h.as('advocate')
    ).post(`/api/advocacy/referrals/${referral.id}/accept`, { version: accepted.json().version });
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toMatch(/only once/);
    expect(
      (
        await cbo.post(`/api/advocacy/referrals/${referral.id}/decline`, {
          version: accepted.json().version,
          reason: 'at_capacity',
        })
      ).statusCode,
    ).toBe(409);
    expect(
      (await cbo.post(`/api/advocacy/referrals/${referral.id}/accept`, { version: referral.version })).statusCode,
    ).toBe(409);
    referral = accepted.json();
  });

  it('refuses to assign an advocate who is not cleared, trained and approved, naming every gap', async () => {
    const cbo = await as('cboAdmin');
    const assign = (userId: string) =>
      cbo.post(`/api/advocacy/referrals/${referral.id}/assign`, { version: referral.version, advocateUserId: userId });
    const rookie = await assign(extra.rookie.id);
    expect(rookie.statusCode).toBe(422);
    expect(rookie.json().detail).toBe(
      `Test rookie cannot be assigned on ${today}: no background clearance on record; no security clearance on record; CSEC 101 training not completed; ` +
        'CSEC 102 training not completed; County CSEC protocol training not completed; no current approval from the contracting department.',
    );
    const lapsed = await assign(extra.lapsed.id);
    expect(lapsed.statusCode).toBe(422);
    expect(lapsed.json().details.gaps).toEqual([
      `security clearance expired on ${plusDays(-30)}`,
      'CSEC 102 training not completed',
      'no current approval from the contracting department',
    ]);
    // The same gaps as codes the web translates, under a stable problem code.
    expect(lapsed.json()).toMatchObject({
      code: 'advocate_not_vetted',
      details: {
        vetting: [
          { code: 'clearance_expired', kind: 'security', date: plusDays(-30) },
          { code: 'training_missing', training: 'csec_102', label: 'CSEC 102' },
          { code: 'approval_missing' },
        ],
      },
    });
    const outsider = await assign(h.world.users.otherAdvocate.id);
    expect(outsider.statusCode).toBe(422);
    expect(outsider.json().detail).toMatch(/not an active advocate of the organization/);
  });

  it("gives the assigned advocate the youth's shared record while open, and takes it away at closure", async () => {
    const advocate = await h.as('advocate');
    expect((await advocate.get(bruno())).statusCode).toBe(404);
    const assigned = await (
      await as('cboAdmin')
    ).post(`/api/advocacy/referrals/${referral.id}/assign`, {
      version: referral.version,
      advocateUserId: h.world.users.advocate.id,
    });
    expect(assigned.statusCode).toBe(200);
    expect(assigned.json()).toMatchObject({ state: 'advocate_assigned', advocate: 'Test advocate', youthName: null });
    referral = assigned.json();
    // "People assigned" lists the advocate from the referral (one source of truth with the Advocacy section).
    const carrier = await h.as('otherWorker');
    const people = (await carrier.get(bruno())).json().assignments as { worker: string; role: string }[];
    expect(people).toContainEqual(expect.objectContaining({ worker: 'Test advocate', role: 'advocate' }));

    const seen = await advocate.get(bruno());
    expect(seen.statusCode).toBe(200);
    expect(seen.json().hiddenCategories).toEqual(
      expect.arrayContaining(['health', 'mental_health', 'placement_location', 'court']),
    );
    // The advocate's inbox now names this youth (their own grant); the CBO administrator's never does.
    expect((await advocate.get('/api/advocacy/referrals')).json().referrals[0].youthName).toMatch(/Okafor/);
    expect((await (await as('cboAdmin')).get('/api/advocacy/referrals')).json().referrals[0].youthName).toBeNull();
    // Only the assigned advocate records the work; not another advocate of the same CBO.
    expect(
      (
        await (
          await as('rookie')
        ).post(`${bruno()}/advocacy-referrals/${referral.id}/first-contact`, { version: referral.version })
      ).statusCode,
    ).toBe(404);

    const step = (path: string, body: object) =>
      advocate.post(`${bruno()}/advocacy-referrals/${referral.id}/${path}`, { version: referral.version, ...body });
    expect((await step('engaged', {})).json().detail).toMatch(/must first be first contact/);
    const contact = await step('first-contact', {});
    expect(contact.statusCode).toBe(200);
    referral = contact.json();
    const met = (await (await h.as('otherWorker')).get(`${bruno()}/obligations`))
      .json()
      .obligations.find((o: { kind: string }) => o.kind === 'advocacy_first_contact');
    expect(met.status).toBe('met');

    const notContracted = await advocate.post(`${bruno()}/advocacy-referrals/${referral.id}/milestones`, {
      kind: 'testimony_support_given',
    });
    expect(notContracted.statusCode).toBe(422);
    expect(notContracted.json().detail).toMatch(/does not include testimony support/);
    expect(
      (
        await advocate.post(`${bruno()}/advocacy-referrals/${referral.id}/milestones`, { kind: 'linked_to_service' })
      ).json().detail,
    ).toMatch(/serviceEpisodeId/);
    const anaEpisode = await (
      await h.as('worker')
    ).post(`/api/youth/${h.world.youth.ana}/services`, { serviceKey: 'mentoring' });
    expect(
      (
        await advocate.post(`${bruno()}/advocacy-referrals/${referral.id}/milestones`, {
          kind: 'linked_to_service',
          serviceEpisodeId: anaEpisode.json().id,
        })
      ).statusCode,
    ).toBe(400);
    const episode = await (await h.as('otherWorker')).post(`${bruno()}/services`, { serviceKey: 'mentoring' });
    expect(episode.statusCode).toBe(201);
    const linked = await advocate.post(`${bruno()}/advocacy-referrals/${referral.id}/milestones`, {
      kind: 'linked_to_service',
      serviceEpisodeId: episode.json().id,
    });
    expect(linked.statusCode).toBe(200);
    expect(linked.json().milestones).toEqual([
      expect.objectContaining({ kind: 'linked_to_service', serviceEpisodeId: episode.json().id }),
    ]);
    const engaged = await step('engaged', {});
    expect(engaged.statusCode).toBe(200);
    referral = engaged.json();

    const history = (await (await h.as('otherWorker')).get(`${bruno()}/advocacy-referrals`)).json().referrals[0];
    expect(history.timeline.map((e: { state: string }) => e.state)).toEqual([
      'sent',
      'accepted',
      'advocate_assigned',
      'first_contact',
      'engaged',
    ]);
    expect(history.reason).toBe('Identified at intake; wants support');

    const closed = await step('close', { reason: 'goals_met' });
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({ state: 'closed', closeReason: 'goals_met' });
    // The close says the advocate's access ended, so the page leaves the record instead of reloading it.
    expect(closed.json().accessEnded).toBe(true);
    expect(
      ((await carrier.get(bruno())).json().assignments as { role: string }[]).filter((a) => a.role === 'advocate'),
    ).toEqual([]);
    expect((await advocate.get(bruno())).statusCode).toBe(404);
    expect((await advocate.get(`${bruno()}/advocacy-referrals`)).statusCode).toBe(404);
    expect(
      (await advocate.post(`${bruno()}/advocacy-referrals/${referral.id}/milestones`, { kind: 'assessment_done' }))
        .statusCode,
    ).toBe(404);
    expect(
      (
        await (
          await as('cboAdmin')
        ).post(`/api/advocacy/referrals/${referral.id}/close`, { version: closed.json().version, reason: 'other' })
      ).json().detail,
    ).toMatch(/closed; nothing more/);
  });

  it('keeps declined final and waives the first-contact obligation with the reason', async () => {
    const probation = await h.as('probation');
    const carla = `/api/youth/${h.world.youth.carla}`;
    const made = (
      await probation.post(`${carla}/advocacy-referrals`, { organizationId: h.world.orgs.cboA, reason: 'Runaway risk' })
    ).json();
    const cbo = await as('cboAdmin');
    expect(
      (await cbo.post(`/api/advocacy/referrals/${made.id}/decline`, { version: made.version, reason: 'full' }))
        .statusCode,
    ).toBe(400);
    const declined = await cbo.post(`/api/advocacy/referrals/${made.id}/decline`, {
      version: made.version,
      reason: 'at_capacity',
      note: 'Waitlist',
    });
    expect(declined.statusCode).toBe(200);
    for (const [path, extraBody] of [
      ['accept', {}],
      ['close', { reason: 'other' }],
    ] as const) {
      const res = await cbo.post(`/api/advocacy/referrals/${made.id}/${path}`, {
        version: declined.json().version,
        ...extraBody,
      });
      expect(res.statusCode).toBe(409);
      expect(res.json().detail).toMatch(/declined; nothing more/);
    }
    const ob = (await probation.get(`${carla}/obligations`))
      .json()
      .obligations.find((o: { kind: string }) => o.kind === 'advocacy_first_contact');
    expect(ob).toMatchObject({ status: 'waived', waiveReason: 'Referral declined by the organization (at_capacity).' });
    // The general meet route refuses an advocacy duty: it is met by recording first contact.
    expect(
      (await probation.post(`${carla}/obligations/${ob.id}/meet`, { contactedAt: new Date().toISOString() }))
        .statusCode,
    ).toBe(409);
  });

  it('lists an advocate assigned directly (no referral) under People assigned: whoever can open the record is shown', async () => {
    const b = new Builder(h.db.database);
    await b.assignment({
      youthId: h.world.youth.bruno,
      countyId: h.world.counties.la,
      userId: extra.rookie.id,
      organizationId: h.world.orgs.cboA,
      role: 'advocate',
    });
    const view = (await (await h.as('otherWorker')).get(bruno())).json();
    const advocates = view.assignments.filter((a: { role: string }) => a.role === 'advocate');
    expect(advocates).toHaveLength(1);
    expect(advocates[0].worker).toBe('Test rookie');
  });

  it('lets the referrer withdraw, and waives the duty when nobody had reached the youth', async () => {
    const owner = await h.as('otherWorker');
    const made = (
      await owner.post(`${bruno()}/advocacy-referrals`, {
        organizationId: h.world.orgs.cboA,
        reason: 'Second referral',
      })
    ).json();
    expect(
      (
        await (
          await h.as('worker')
        ).post(`${bruno()}/advocacy-referrals/${made.id}/close`, {
          version: made.version,
          reason: 'withdrawn_by_referrer',
        })
      ).statusCode,
    ).toBe(404);
    const closed = await owner.post(`${bruno()}/advocacy-referrals/${made.id}/close`, {
      version: made.version,
      reason: 'withdrawn_by_referrer',
    });
    expect(closed.statusCode).toBe(200);
    expect(closed.json().timeline.at(-1)).toMatchObject({
      state: 'closed',
      detail: { reason: 'withdrawn_by_referrer', side: 'referrer' },
    });
    // The referrer keeps the youth: nothing ended for them.
    expect(closed.json().accessEnded).toBe(false);
    // A second close of the same referral is a 409 with a code, not a 500.
    const again = await owner.post(`${bruno()}/advocacy-referrals/${made.id}/close`, {
      version: closed.json().version,
      reason: 'withdrawn_by_referrer',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toEqual(expect.any(String));
    const ob = (await owner.get(`${bruno()}/obligations`))
      .json()
      .obligations.filter(
        (o: { kind: string; status: string }) => o.kind === 'advocacy_first_contact' && o.status === 'waived',
      );
    expect(ob).toHaveLength(1);
  });

  it('writes audit rows for the CBO steps, naming the youth', async () => {
    const rows = await h.db.database.query<{ action: string; youth_id: string | null; outcome: string }>(
      `SELECT action, youth_id, outcome FROM audit_events WHERE action LIKE 'advocacy.referral.%' AND actor_user_id = $1 ORDER BY id`,
      [extra.cboAdmin.id],
    );
    expect(rows.filter((r) => r.action === 'advocacy.referral.accept' && r.outcome === 'allowed')).toEqual([
      { action: 'advocacy.referral.accept', youth_id: h.world.youth.bruno, outcome: 'allowed' },
    ]);
    expect(rows.some((r) => r.action === 'advocacy.referral.assign' && r.youth_id === h.world.youth.bruno)).toBe(true);
    expect(rows.some((r) => r.action === 'advocacy.referral.inbox')).toBe(true);
    const denied = await h.db.database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_events WHERE action = 'advocacy.referral.get' AND outcome = 'denied' AND actor_user_id = $1`,
      [h.world.users.otherAdvocate.id],
    );
    expect(denied[0]!.n).toBeGreaterThan(0);
  });
});

describe('performance issues and flags', () => {
  it('flags capacity declines and missed first contacts once, for an analyst to confirm or dismiss', async () => {
    // A referral whose first contact is overdue: referred two days ago, never reached.
    const owner = await h.as('otherWorker');
    const twoDaysAgo = new Date(Date.now() - 48 * 3600_000).toISOString();
    const late = (
      await owner.post(`${bruno()}/advocacy-referrals`, {
        organizationId: h.world.orgs.cboA,
        reason: 'Late one',
        referredAt: twoDaysAgo,
      })
    ).json();
    const analyst = await h.as('analyst');
    expect((await (await h.as('admin')).post('/api/advocacy/flags/refresh')).statusCode).toBe(403);
    const first = await analyst.post('/api/advocacy/flags/refresh');
    expect(first.json().added).toBe(2);
    expect((await analyst.post('/api/advocacy/flags/refresh')).json().added).toBe(0);
    // The missed-obligation job marks the CBO's duty missed (no owner user: nobody personally
    // notified); the scheduled flag job (system connection, every county) then adds nothing twice.
    expect((await markMissedObligations(systemRepo(h.db.database), { publicUrl: 'http://localhost' })).marked).toBe(1);
    expect(
      (await owner.get(`${bruno()}/obligations`))
        .json()
        .obligations.find(
          (o: { sourceId?: string; kind: string; status: string }) =>
            o.kind === 'advocacy_first_contact' && o.status === 'missed',
        ),
    ).toBeTruthy();
    expect(await runAdvocacyFlags(systemRepo(h.db.database))).toEqual({ added: 0 });
    const flags = (await analyst.get('/api/advocacy/flags?status=candidate')).json().flags;
    expect(flags.map((f: { kind: string }) => f.kind).sort()).toEqual(['capacity_decline', 'first_contact_missed']);
    const missed = flags.find((f: { kind: string }) => f.kind === 'first_contact_missed');
    expect(missed.subjectId).toBe(late.id);
    const issue = await analyst.post(`/api/advocacy/flags/${missed.id}/confirm`, {
      severity: 'high',
      recommendation: 'Staff the intake line on weekends.',
    });
    expect(issue.statusCode).toBe(200);
    expect(issue.json()).toMatchObject({
      category: 'responsiveness',
      organization: 'Test Advocates A',
      status: 'open',
    });
    expect(
      (await analyst.post(`/api/advocacy/flags/${missed.id}/dismiss`, { note: 'Changed my mind' })).statusCode,
    ).toBe(409);
    const cap = flags.find((f: { kind: string }) => f.kind === 'capacity_decline');
    expect(
      (
        await analyst.post(`/api/advocacy/flags/${cap.id}/dismiss`, { note: 'Seasonal surge, agreed in advance' })
      ).json(),
    ).toMatchObject({ status: 'dismissed' });
    expect((await (await as('cboBAdmin')).get('/api/advocacy/flags')).json().flags).toEqual([]);
  });

  it('flags an advocate working an open referral with a lapsed clearance or approval', async () => {
    // The world's advocate is assigned on a fresh referral, then the approval is revoked.
    const owner = await h.as('otherWorker');
    const made = (
      await owner.post(`${bruno()}/advocacy-referrals`, { organizationId: h.world.orgs.cboA, reason: 'Third referral' })
    ).json();
    const cbo = await as('cboAdmin');
    const accepted = (await cbo.post(`/api/advocacy/referrals/${made.id}/accept`, { version: made.version })).json();
    expect(
      (
        await cbo.post(`/api/advocacy/referrals/${made.id}/assign`, {
          version: accepted.version,
          advocateUserId: h.world.users.advocate.id,
        })
      ).statusCode,
    ).toBe(200);
    const roster = (await cbo.get(`/api/advocacy/organizations/${h.world.orgs.cboA}/advocates`)).json().advocates;
    const approvalId = roster.find((a: { userId: string }) => a.userId === h.world.users.advocate.id).approvals[0].id;
    expect(
      (
        await (
          await as('probationSupervisor')
        ).post(`/api/advocacy/approvals/${approvalId}/revoke`, { revokedOn: today, reason: 'Complaint under review' })
      ).statusCode,
    ).toBe(200);
    const analyst = await h.as('analyst');
    // Vetting is by day: the open referral (checked today) and the one closed today (checked on
    // its closing day) were both held on a day the advocate had no approval in force.
    expect((await analyst.post('/api/advocacy/flags/refresh')).json().added).toBe(2);
    const lapsed = (await analyst.get('/api/advocacy/flags?status=candidate'))
      .json()
      .flags.filter((f: { kind: string }) => f.kind === 'lapsed_vetting');
    expect(lapsed.map((f: { subjectId: string }) => f.subjectId).sort()).toEqual([made.id, referral.id].sort());
    expect(lapsed[0]).toMatchObject({
      detail: { advocateUserId: h.world.users.advocate.id, lacks: ['contracting department approval'], on: today },
    });
    // A second run adds nothing.
    expect((await analyst.post('/api/advocacy/flags/refresh')).json().added).toBe(0);
  });

  it('keeps performance issues per CBO, with optimistic versions and resolution', async () => {
    const analyst = await h.as('analyst');
    const body = {
      organizationId: h.world.orgs.cboA,
      contractId,
      raisedOn: today,
      category: 'documentation',
      description: 'Milestones recorded late.',
      severity: 'low',
      recommendation: 'Record within two days.',
    };
    const made = await analyst.post('/api/advocacy/performance-issues', body);
    expect(made.statusCode).toBe(201);
    expect(
      (
        await analyst.post('/api/advocacy/performance-issues', {
          ...body,
          organizationId: h.world.orgs.dcfs,
          contractId: null,
        })
      ).json().detail,
    ).toMatch(/no advocacy organization/);
    expect(
      (await analyst.post('/api/advocacy/performance-issues', { ...body, organizationId: h.world.orgs.cboB })).json()
        .detail,
    ).toMatch(/contractId/);
    const moved = await analyst.patch(`/api/advocacy/performance-issues/${made.json().id}`, {
      version: 1,
      status: 'in_progress',
    });
    expect(moved.json()).toMatchObject({ status: 'in_progress', version: 2 });
    expect(
      (await analyst.patch(`/api/advocacy/performance-issues/${made.json().id}`, { version: 1, severity: 'high' }))
        .statusCode,
    ).toBe(409);
    const resolved = await analyst.post(`/api/advocacy/performance-issues/${made.json().id}/resolve`, {
      version: 2,
      resolution: 'Weekly review added.',
      resolvedOn: today,
    });
    expect(resolved.json()).toMatchObject({ status: 'resolved', resolution: 'Weekly review added.' });
    expect((await (await as('cboAdmin')).get('/api/advocacy/performance-issues')).json().issues).toHaveLength(2);
    expect((await (await as('cboBAdmin')).get('/api/advocacy/performance-issues')).json().issues).toEqual([]);
    expect((await (await as('cboAdmin')).post('/api/advocacy/performance-issues', body)).statusCode).toBe(403);
  });
});

describe('API documentation', () => {
  it('documents every advocacy route in OpenAPI, with its body schema', async () => {
    const doc = (await h.anonymous.get('/api/openapi.json')).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/advocacy/contracts',
        '/api/advocacy/active-organizations',
        '/api/advocacy/vetting/expiring',
        '/api/youth/{id}/advocacy-referrals',
        '/api/advocacy/referrals/{referralId}/assign',
        '/api/youth/{id}/advocacy-referrals/{referralId}/milestones',
        '/api/advocacy/flags/refresh',
        '/api/advocacy/performance-issues/{issueId}/resolve',
      ]),
    );
    const create = doc.paths['/api/youth/{id}/advocacy-referrals'].post;
    expect(create.summary).toMatch(/active advocacy contract/);
    expect(JSON.stringify(create.requestBody)).toMatch(/urgency/);
  });
});
