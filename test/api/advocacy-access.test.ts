// Relations, not roles, for advocacy records: analysts get figures and no referral rows; a CBO's
// inbox holds only what is addressed to it and its audit event names every referral and youth
// listed; a referral's reason (and its free-text notes) is read only by the organization it is
// addressed to and by the youth's case carriers, even where another CBO's advocate shares the youth.
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countyToday } from '../../src/domain/screening-schedule.js';
import { Builder } from '../../src/seed/builder.js';
import { signIn, startHarness, type Client, type Harness } from '../support/app.js';
import { PASSWORD } from '../support/world.js';

let h: Harness;
const today = countyToday();
const plusDays = (n: number) => DateTime.fromISO(today).plus({ days: n }).toISODate()!;
const extra: Record<'cboAdmin' | 'cboBAdmin', { id: string; email: string }> = {} as never;
const sessions = new Map<string, Promise<Client>>();
const as = (who: keyof typeof extra): Promise<Client> => {
  if (!sessions.has(who)) sessions.set(who, signIn(h.app, extra[who].email));
  return sessions.get(who)!;
};

interface View {
  id: string;
  youthId: string;
  youthName: string | null;
  reason: string | null;
  reasonHidden: boolean;
  timeline: { state: string; detail: Record<string, unknown> }[];
}
/** Referrals: ana to A and to B, bruno to A, carla to B. */
const ref = {} as Record<'anaA' | 'anaB' | 'brunoA' | 'carlaB', View>;
let declinedByB: View;
const REASON = {
  anaA: 'Ana asked for help after the hotline call',
  anaB: 'Ana needs court accompaniment',
  brunoA: 'Bruno disclosed at intake',
  carlaB: 'Carla ran from placement twice',
};

beforeAll(async () => {
  h = await startHarness();
  const b = new Builder(h.db.database);
  const { la } = h.world.counties;
  for (const [who, org] of [
    ['cboAdmin', h.world.orgs.cboA],
    ['cboBAdmin', h.world.orgs.cboB],
  ] as const) {
    const email = `${who.toLowerCase()}@test.example`;
    extra[who] = {
      id: await b.user({
        countyId: la,
        organizationId: org,
        email,
        displayName: `Test ${who}`,
        roles: ['org_admin'],
        password: PASSWORD,
      }),
      email,
    };
  }
  // B's advocate also works with Ana (an assignment of their own): both CBOs' advocates see her.
  await b.assignment({
    youthId: h.world.youth.ana,
    countyId: la,
    userId: h.world.users.otherAdvocate.id,
    organizationId: h.world.orgs.cboB,
    role: 'advocate',
  });
  const admin = await h.as('admin');
  for (const org of [h.world.orgs.cboA, h.world.orgs.cboB]) {
    const made = await admin.post('/api/advocacy/contracts', {
      organizationId: org,
      contractingOrganizationId: h.world.orgs.probation,
      reference: `ADV-${org.slice(0, 8)}`,
      startsOn: plusDays(-30),
      endsOn: plusDays(365),
      fundingSource: 'County general fund',
      services: ['crisis_response', 'assessment_and_referral'],
      capacity: 10,
    });
    expect(made.statusCode).toBe(201);
  }
  const refer = async (who: 'worker' | 'otherWorker' | 'probation', youth: string, org: string, reason: string) => {
    const res = await (await h.as(who)).post(`/api/youth/${youth}/advocacy-referrals`, { organizationId: org, reason });
    expect(res.statusCode).toBe(201);
    return res.json() as View;
  };
  const { ana, bruno, carla } = h.world.youth;
  ref.anaA = await refer('worker', ana, h.world.orgs.cboA, REASON.anaA);
  ref.anaB = await refer('worker', ana, h.world.orgs.cboB, REASON.anaB);
  ref.brunoA = await refer('otherWorker', bruno, h.world.orgs.cboA, REASON.brunoA);
  ref.carlaB = await refer('probation', carla, h.world.orgs.cboB, REASON.carlaB);
  // B declines its referral of Ana with a free-text note: narrative, like the reason.
  const declined = await (
    await as('cboBAdmin')
  ).post(`/api/advocacy/referrals/${ref.anaB.id}/decline`, {
    version: 1,
    reason: 'at_capacity',
    note: 'Waitlist until March',
  });
  expect(declined.statusCode).toBe(200);
  declinedByB = declined.json();
}, 60_000);
afterAll(() => h.close());

const auditOf = async (requestId: string) =>
  h.db.database.query<{ action: string; record_ids: string[]; categories: string[]; youth_id: string | null }>(
    'SELECT action, record_ids, categories, youth_id FROM audit_events WHERE request_id = $1',
    [requestId],
  );

describe('analysts get figures, not rows', () => {
  it('refuses every record-level advocacy list to county and state analysts (and county administrators) with 403', async () => {
    const lists = [
      '/api/advocacy/referrals',
      `/api/advocacy/referrals?organizationId=${h.world.orgs.cboA}`,
      `/api/youth/${h.world.youth.ana}/advocacy-referrals`,
      `/api/youth/${h.world.youth.bruno}/advocacy-referrals`,
      `/api/advocacy/referrals/${ref.anaA.id}`,
    ];
    for (const who of ['analyst', 'state', 'admin'] as const) {
      const c = await h.as(who);
      for (const url of lists) {
        const res = await c.get(url);
        expect({ who, url, status: res.statusCode }).toEqual({ who, url, status: 403 });
        expect(res.json().referrals).toBeUndefined();
        expect(res.body).not.toMatch(/Quintero|Okafor|hotline|intake/);
      }
    }
    // The Board report is where the county reads advocacy: figures, still open to the analyst.
    expect((await (await h.as('analyst')).get('/api/reports/advocacy?period=current')).statusCode).toBe(200);
  });
});

describe("a CBO's inbox", () => {
  it("gives the CBO's administrator its own organization's referrals only, with the reason and no names", async () => {
    const res = await (await as('cboAdmin')).get('/api/advocacy/referrals');
    expect(res.statusCode).toBe(200);
    const rows = res.json().referrals as View[];
    expect(rows.map((r) => r.id).sort()).toEqual([ref.anaA.id, ref.brunoA.id].sort());
    for (const r of rows) {
      expect(r.youthName).toBeNull();
      expect(r.reasonHidden).toBe(false);
      expect(r.reason).toBe(r.id === ref.anaA.id ? REASON.anaA : REASON.brunoA);
    }
    expect(res.body).not.toMatch(/court accompaniment|ran from placement|Waitlist/);
    expect(
      (await (await as('cboAdmin')).get(`/api/advocacy/referrals?organizationId=${h.world.orgs.cboB}`)).statusCode,
    ).toBe(404);
  });

  it('audits the list with every referral id and youth id it returned', async () => {
    for (const [client, expected] of [
      [await as('cboAdmin'), [ref.anaA, ref.brunoA]],
      [await as('cboBAdmin'), [ref.anaB, ref.carlaB]],
      [await h.as('advocate'), [ref.anaA, ref.brunoA]],
    ] as const) {
      const res = await client.get('/api/advocacy/referrals');
      expect((res.json().referrals as View[]).map((r) => r.id).sort()).toEqual(expected.map((r) => r.id).sort());
      const events = await auditOf(res.headers['x-request-id'] as string);
      expect(events).toHaveLength(1);
      expect(events[0]!.action).toBe('advocacy.referral.inbox');
      expect(events[0]!.categories).toContain('exploitation');
      for (const r of expected) expect(events[0]!.record_ids).toEqual(expect.arrayContaining([r.id, r.youthId]));
      // Nothing of another organization's referrals is on its record.
      const others = Object.values(ref).filter((r) => !expected.some((e) => e.id === r.id));
      for (const r of others) expect(events[0]!.record_ids).not.toContain(r.id);
    }
  });
});

describe("who reads a referral's reason", () => {
  const anaList = async (c: Client) => {
    const res = await c.get(`/api/youth/${h.world.youth.ana}/advocacy-referrals`);
    expect(res.statusCode).toBe(200);
    const rows = res.json().referrals as View[];
    return {
      body: res.body,
      a: rows.find((r) => r.id === ref.anaA.id)!,
      b: rows.find((r) => r.id === ref.anaB.id)!,
      requestId: res.headers['x-request-id'] as string,
    };
  };

  it("hides another CBO's reason and notes from an advocate who shares the youth", async () => {
    // B's advocate sees Ana (their own assignment) and both of her referrals, but reads only B's.
    const seenByB = await anaList(await h.as('otherAdvocate'));
    expect(seenByB.a).toMatchObject({
      youthName: expect.stringContaining('Quintero'),
      reason: null,
      reasonHidden: true,
    });
    expect(seenByB.b).toMatchObject({ reason: REASON.anaB, reasonHidden: false });
    expect(seenByB.body).not.toContain(REASON.anaA);
    // And the other way round: A's advocate reads A's reason, not B's reason nor B's decline note.
    const seenByA = await anaList(await h.as('advocate'));
    expect(seenByA.a).toMatchObject({ reason: REASON.anaA, reasonHidden: false });
    expect(seenByA.b).toMatchObject({ reason: null, reasonHidden: true, declineReason: 'at_capacity' });
    expect(seenByA.b.timeline.find((e) => e.state === 'declined')!.detail).toEqual({ reason: 'at_capacity' });
    expect(seenByA.body).not.toMatch(/court accompaniment|Waitlist/);
  });

  it('shows the reason and notes to the addressed organization and to every case carrier of the youth', async () => {
    // The addressed organization, on the referral itself and in the answer to its own step.
    expect(declinedByB).toMatchObject({ reason: REASON.anaB, reasonHidden: false });
    expect((await (await as('cboAdmin')).get(`/api/advocacy/referrals/${ref.anaA.id}`)).json()).toMatchObject({
      reason: REASON.anaA,
      reasonHidden: false,
    });
    // The youth's caseworker (assigned), the supervisor and the supervisor's supervisor (the chain).
    for (const who of ['worker', 'supervisor', 'director'] as const) {
      const seen = await anaList(await h.as(who));
      expect(seen.a).toMatchObject({ reason: REASON.anaA, reasonHidden: false });
      expect(seen.b).toMatchObject({ reason: REASON.anaB, reasonHidden: false });
      expect(seen.b.timeline.find((e) => e.state === 'declined')!.detail).toEqual({
        reason: 'at_capacity',
        note: 'Waitlist until March',
      });
      const [event] = await auditOf(seen.requestId);
      expect(event!.categories).toContain('exploitation');
      expect(event!.record_ids).toEqual(expect.arrayContaining([h.world.youth.ana, ref.anaA.id, ref.anaB.id]));
    }
    // A probation officer is a case carrier of their own youth.
    const carla = (await (await h.as('probation')).get(`/api/youth/${h.world.youth.carla}/advocacy-referrals`)).json();
    expect(carla.referrals[0]).toMatchObject({ reason: REASON.carlaB, reasonHidden: false });
  });
});
