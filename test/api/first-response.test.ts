// The First Responder Protocol: the encounter, each agency's arrival against the 90-minute target.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/app.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const url = () => `/api/youth/${h.world.youth.ana}/first-response`;
const base = () => ({
  foundByOrganizationId: h.world.orgs.probation,
  foundByName: 'Deputy Example',
  foundAt: '2025-07-01T03:00:00Z',
  locationType: 'motel',
  spaNumber: 6,
  hotlineCalledAt: '2025-07-01T03:10:00Z',
  notified: [
    { organizationId: h.world.orgs.dcfs, notifiedAt: '2025-07-01T03:12:00Z', arrivedAt: '2025-07-01T04:20:00Z' },
    { organizationId: h.world.orgs.cboA, notifiedAt: '2025-07-01T03:12:00Z' },
  ],
  advocateOrganizationId: h.world.orgs.cboA,
  youthWentTo: 'Emergency shelter',
});

describe('first responder encounters', () => {
  it('records the encounter and measures each arrival from the hotline call against the target', async () => {
    const worker = await h.as('worker');
    const made = await worker.post(url(), base());
    expect(made.statusCode).toBe(201);
    const late = await worker.post(`${url()}/${made.json().id}/arrivals/${h.world.orgs.cboA}`, {
      arrivedAt: '2025-07-01T05:00:00Z',
    });
    expect(late.statusCode).toBe(200);
    const list = (await worker.get(url())).json();
    expect(list.targetMinutes).toBe(90);
    const arrivals = list.encounters[0].arrivals as {
      organization: string;
      minutesFromCall: number;
      onTime: boolean;
    }[];
    expect(arrivals).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ organization: 'Test DCFS', minutesFromCall: 70, onTime: true }),
        expect.objectContaining({ organization: 'Test Advocates A', minutesFromCall: 110, onTime: false }),
      ]),
    );
    expect(
      (
        await worker.post(`${url()}/${made.json().id}/arrivals/${h.world.orgs.cboA}`, {
          arrivedAt: '2025-07-01T05:00:00Z',
        })
      ).statusCode,
    ).toBe(409);
  });

  it('refuses times out of order and unknown agencies, writing nothing', async () => {
    const worker = await h.as('worker');
    const before = (await worker.get(url())).json().encounters.length;
    const early = await worker.post(url(), {
      ...base(),
      notified: [
        { organizationId: h.world.orgs.dcfs, notifiedAt: '2025-07-01T03:12:00Z', arrivedAt: '2025-07-01T03:00:00Z' },
      ],
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().detail).toMatch(/arrive before it was notified/);
    expect(
      (await worker.post(url(), { ...base(), foundByOrganizationId: '00000000-0000-4000-8000-000000000000' }))
        .statusCode,
    ).toBe(400);
    expect(
      (
        await worker.post(url(), {
          ...base(),
          foundAt: '2999-01-01T00:00:00Z',
          hotlineCalledAt: '2999-01-01T00:10:00Z',
        })
      ).statusCode,
    ).toBe(400);
    expect((await worker.get(url())).json().encounters.length).toBe(before);
  });

  it('is invisible to another county and refused to advocates writing', async () => {
    expect((await (await h.as('sdWorker')).get(url())).statusCode).toBe(404);
    expect((await (await h.as('advocate')).post(url(), base())).statusCode).toBe(403);
  });
});

describe('the protocol clocks', () => {
  it('opens an on-scene duty per agency and the 72-hour health evaluation, met by arrivals as they are recorded', async () => {
    const worker = await h.as('worker');
    const input = {
      ...base(),
      notified: [
        { organizationId: h.world.orgs.dcfs, notifiedAt: '2025-07-02T03:12:00Z', arrivedAt: '2025-07-02T04:00:00Z' },
        { organizationId: h.world.orgs.cboA, notifiedAt: '2025-07-02T03:12:00Z' },
      ],
      foundAt: '2025-07-02T03:00:00Z',
      hotlineCalledAt: '2025-07-02T03:10:00Z',
    };
    const made = await worker.post(url(), input);
    expect(made.json().obligationIds).toHaveLength(3);
    const ours = new Set(made.json().obligationIds as string[]);
    const mine = async () =>
      (
        (await worker.get(`/api/youth/${h.world.youth.ana}/obligations`)).json().obligations as {
          id: string;
          kind: string;
          status: string;
          dueAt: string;
        }[]
      ).filter((d) => ours.has(d.id));
    const duties = await mine();
    const onScene = duties.filter((d) => d.kind === 'responders_on_scene');
    expect(onScene.map((d) => d.status).sort()).toEqual(['met', 'missed']);
    expect(onScene[0]!.dueAt).toBe('2025-07-02T04:40:00.000Z');
    expect(duties.find((d) => d.kind === 'health_evaluation_72h')).toMatchObject({ dueAt: '2025-07-05T03:10:00.000Z' });
    await worker.post(`${url()}/${made.json().id}/arrivals/${h.world.orgs.cboA}`, {
      arrivedAt: '2025-07-02T05:30:00Z',
    });
    const after = await mine();
    expect(after.filter((d) => d.kind === 'responders_on_scene').every((d) => d.status === 'met')).toBe(true);
  });
});

describe('the encounter list for the profile screen', () => {
  it('says which agency each arrival is, the advocate dispatched, and where the 72-hour evaluation stands', async () => {
    const worker = await h.as('worker');
    // Recent times: a duty can be met only with a time after it arose (less a week).
    const at = (minutes: number) => new Date(Math.floor(Date.now() / 60_000) * 60_000 + minutes * 60_000).toISOString();
    const input = {
      ...base(),
      foundAt: at(-300),
      hotlineCalledAt: at(-290),
      hotlineReference: 'HL-0003',
      notified: [{ organizationId: h.world.orgs.cboA, notifiedAt: at(-288) }],
      advocateDispatchedAt: at(-285),
    };
    const made = await worker.post(url(), input);
    expect(made.statusCode).toBe(201);
    const find = async () =>
      ((await worker.get(url())).json().encounters as Record<string, unknown>[]).find((e) => e.id === made.json().id)!;
    const before = await find();
    expect(before).toMatchObject({
      hotlineReference: 'HL-0003',
      advocate: { organization: 'Test Advocates A', dispatchedAt: at(-285) },
      arrivals: [
        { organizationId: h.world.orgs.cboA, organization: 'Test Advocates A', arrivedAt: null, onTime: null },
      ],
      healthEvaluationAt: null,
      healthEvaluation: { dueAt: at(-290 + 72 * 60), completedAt: null, provider: null },
    });
    // Met through the obligations endpoint, as the profile does: the encounter shows it.
    const obligationId = (before.healthEvaluation as { obligationId: string }).obligationId;
    const met = await worker.post(`/api/youth/${h.world.youth.ana}/obligations/${obligationId}/meet`, {
      completedAt: at(-60),
      provider: 'Clinic Example',
    });
    expect(met.statusCode).toBe(200);
    expect(await find()).toMatchObject({
      healthEvaluationAt: at(-60),
      healthEvaluation: { obligationId, status: 'met', completedAt: at(-60), provider: 'Clinic Example' },
    });
  });
});
