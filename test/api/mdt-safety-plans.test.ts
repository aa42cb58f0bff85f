// The youth's team: membership grants the shared record for as long as it lasts; meetings keep
// attendance and what required parties were missing. Safety plans are versioned.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/app.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const bruno = () => `/api/youth/${h.world.youth.bruno}`;

describe('MDT membership', () => {
  it('gives a new member the shared record, without health or the placement address, and leaving ends it', async () => {
    const probation = await h.as('probation');
    expect((await probation.get(bruno())).statusCode).toBe(404);
    const owner = await h.as('otherWorker'); // Bruno's caseworker
    const added = await owner.post(`${bruno()}/mdt/members`, {
      userId: h.world.users.probation.id,
      roleOnTeam: 'Probation officer',
    });
    expect(added.statusCode).toBe(201);
    const seen = await probation.get(bruno());
    expect(seen.statusCode).toBe(200);
    expect(seen.json().hiddenCategories).toEqual(
      expect.arrayContaining(['health', 'mental_health', 'substance_use', 'placement_location']),
    );
    expect(seen.json().hiddenCategories).not.toContain('exploitation');
    expect((await owner.post(`${bruno()}/mdt/members`, { userId: h.world.users.probation.id })).statusCode).toBe(409);

    const left = await owner.post(`${bruno()}/mdt/members/${added.json().id}/leave`);
    expect(left.statusCode).toBe(200);
    expect((await probation.get(bruno())).statusCode).toBe(404);
  });

  it('refuses a member from another county and changes by people without a say', async () => {
    const owner = await h.as('otherWorker');
    expect((await owner.post(`${bruno()}/mdt/members`, { userId: h.world.users.sdWorker.id })).statusCode).toBe(400);
    expect(
      (await (await h.as('worker')).post(`${bruno()}/mdt/members`, { userId: h.world.users.worker.id })).statusCode,
    ).toBe(404);
  });
});

describe('MDT meetings', () => {
  it('records a crisis MDT, names the required parties that were missing, and adds present users to the team', async () => {
    const owner = await h.as('otherWorker');
    const res = await owner.post(`${bruno()}/mdt/meetings`, {
      tier: 'crisis',
      scheduledAt: '2025-06-01T16:00:00Z',
      heldAt: '2025-06-01T16:30:00Z',
      youthParticipation: 'in_person',
      caregiverParticipation: 'none',
      decisions: 'Emergency placement; advocate today.',
      attendees: [
        {
          userId: h.world.users.otherWorker.id,
          name: 'Test otherWorker',
          organizationType: 'child_welfare',
          present: true,
        },
        { userId: h.world.users.probation.id, name: 'Test probation', organizationType: 'probation', present: true },
        { name: 'Dr. Example', organizationType: 'mental_health', present: false },
      ],
      actionItems: [
        {
          description: 'Arrange health evaluation',
          ownerUserId: h.world.users.otherWorker.id,
          dueAt: '2025-06-04T16:30:00Z',
        },
      ],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().missingParties).toEqual([
      'mental_health',
      'public_health',
      'juvenile_court',
      'education',
      'law_enforcement',
    ]);
    const mdt = (await (await h.as('probation')).get(`${bruno()}/mdt`)).json();
    expect(mdt.members.map((m: { name: string }) => m.name)).toEqual(expect.arrayContaining(['Test probation']));
    expect(mdt.meetings[0]).toMatchObject({ tier: 'crisis', decisions: 'Emergency placement; advocate today.' });
    expect(mdt.meetings[0].actionItems[0]).toMatchObject({
      description: 'Arrange health evaluation',
      owner: 'Test otherWorker',
    });
  });

  it('refuses unknown people, an unknown tier, and another county', async () => {
    const owner = await h.as('otherWorker');
    const base = { tier: 'initial', scheduledAt: '2025-06-10T16:00:00Z' };
    expect((await owner.post(`${bruno()}/mdt/meetings`, { ...base, tier: 'weekly' })).statusCode).toBe(400);
    const ghost = await owner.post(`${bruno()}/mdt/meetings`, {
      ...base,
      actionItems: [
        { description: 'x y z', ownerUserId: '00000000-0000-4000-8000-000000000000', dueAt: '2025-06-11T00:00:00Z' },
      ],
    });
    expect(ghost.statusCode).toBe(400);
    expect((await (await h.as('sdWorker')).get(`${bruno()}/mdt`)).statusCode).toBe(404);
  });
});

describe('safety plans', () => {
  it('keeps every version, and prompts a new one after a placement change', async () => {
    const owner = await h.as('otherWorker');
    expect((await owner.get(`${bruno()}/safety-plans`)).json().reviewDue).toEqual({ reason: 'no_plan' });
    const plan = {
      warningSigns: 'New older friends, gifts',
      safePeople: 'Aunt, advocate',
      safePlaces: 'School library',
      ifContacted: 'Call the advocate and tell staff',
      reachAdvocate: 'Text the program line',
      writtenWithYouth: true,
    };
    const v1 = await owner.post(`${bruno()}/safety-plans`, plan);
    expect(v1.json()).toMatchObject({ version: 1, writtenWithYouth: true });
    expect((await owner.get(`${bruno()}/safety-plans`)).json().reviewDue).toBeNull();
    await owner.post(`${bruno()}/placements`, {
      placementType: 'relative',
      startAt: new Date(Date.now() + 60_000).toISOString(),
    });
    expect((await owner.get(`${bruno()}/safety-plans`)).json().reviewDue).toEqual({ reason: 'placement_change' });
    const v2 = await owner.post(`${bruno()}/safety-plans`, {
      ...plan,
      safePlaces: 'Aunt’s home',
      reason: 'Placement change',
    });
    expect(v2.json().version).toBe(2);
    expect(
      (await owner.get(`${bruno()}/safety-plans`)).json().plans.map((p: { version: number }) => p.version),
    ).toEqual([2, 1]);
    expect((await owner.post(`${bruno()}/safety-plans`, { ...plan, warningSigns: '' })).statusCode).toBe(400);
    expect((await (await h.as('auditor')).get(`${bruno()}/safety-plans`)).statusCode).toBe(403);
  });
});

describe('MDT obligations', () => {
  it("puts each action item on its owner's worklist and schedules the next ongoing review", async () => {
    const owner = await h.as('otherWorker');
    const res = await owner.post(`${bruno()}/mdt/meetings`, {
      tier: 'initial',
      scheduledAt: new Date(Date.now() - 3_600_000).toISOString(),
      heldAt: new Date(Date.now() - 3_000_000).toISOString(),
      attendees: [
        {
          userId: h.world.users.otherWorker.id,
          name: 'Test otherWorker',
          organizationType: 'child_welfare',
          present: true,
        },
      ],
      actionItems: [
        {
          description: 'Enroll in school',
          ownerUserId: h.world.users.otherWorker.id,
          dueAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
        },
      ],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().obligationIds.length).toBe(2);
    const work = (await owner.get('/api/obligations')).json().obligations as { kind: string; status: string }[];
    expect(work.map((o) => o.kind)).toEqual(expect.arrayContaining(['mdt_action_item', 'ongoing_mdt_review']));
  });
});

describe('MDT caseload review', () => {
  it('lists youth whose MDT is due, soonest first, only to those who may see them', async () => {
    const owner = await h.as('otherWorker');
    const list = (await owner.get('/api/mdt/review-due')).json().youth as {
      youthId: string;
      tier: string;
      overdue: boolean;
    }[];
    expect(list.map((y) => y.youthId)).toContain(h.world.youth.bruno);
    expect(list.find((y) => y.youthId === h.world.youth.bruno)).toMatchObject({ tier: 'ongoing', overdue: false });
    expect((await (await h.as('sdWorker')).get('/api/mdt/review-due')).json().youth).toEqual([]);
    expect((await (await h.as('analyst')).get('/api/mdt/review-due')).statusCode).toBe(403);
  });
});
