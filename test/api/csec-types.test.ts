// CSEC Types under the state system's rules, hotline referrals with the S-CSEC code, and the
// 24-hour law-enforcement cross-report duty shown on worklists until met.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Builder } from '../../src/seed/builder.js';
import { startHarness, type Harness } from '../support/app.js';

let h: Harness;
let frida: string;
beforeAll(async () => {
  h = await startHarness();
  // A youth with a referral and a case at known dates, for the association rule.
  const b = new Builder(h.db.database);
  const { la } = h.world.counties;
  frida = await b.youth({ countyId: la, legalFirstName: 'Frida', legalLastName: 'Solano', dateOfBirth: '2011-06-01' });
  await b.case({
    youthId: frida,
    countyId: la,
    organizationId: h.world.orgs.dcfs,
    kind: 'child_welfare',
    openedOn: '2025-06-20',
  });
  await b.referral({
    youthId: frida,
    countyId: la,
    organizationId: h.world.orgs.dcfs,
    receivedAt: '2025-06-01T17:00:00Z',
    disposition: 'Substantiated',
    dispositionAt: '2025-06-10T17:00:00Z',
  });
  await b.assignment({
    youthId: frida,
    countyId: la,
    userId: h.world.users.worker.id,
    organizationId: h.world.orgs.dcfs,
    role: 'primary',
  });
});
afterAll(() => h.close());

const type = (over: Record<string, unknown>) => ({
  type: 'at_risk',
  startDate: '2025-07-01',
  allegationSubcategory: 'Commercial sexual exploitation',
  source: 'screening',
  ...over,
});

describe('recording CSEC Types', () => {
  it('enforces the state rules with messages that say what to fix, writing nothing', async () => {
    const worker = await h.as('worker');
    const url = `/api/youth/${h.world.youth.ana}/csec-types`;
    const absent = await worker.post(url, type({ type: 'victim_absent_from_placement', startDate: '2025-05-01' }));
    expect(absent.statusCode).toBe(400);
    expect(absent.json().detail).toMatch(/end date/i);
    // A stable code, and the field to fix with its own code: the web words it next to the field.
    expect(absent.json()).toMatchObject({
      code: 'csec_type_invalid',
      errors: [{ pointer: '/body/endDate', code: 'needs_end' }],
    });
    const backwards = await worker.post(url, type({ startDate: '2025-05-10', endDate: '2025-05-01' }));
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().detail).toMatch(/on or after/i);
    expect(backwards.json().errors).toEqual([
      { pointer: '/body/endDate', code: 'end_before_start', params: { start: '2025-05-10' } },
    ]);
    expect((await worker.post(url, type({ allegationSubcategory: '' }))).statusCode).toBe(400);
    expect((await worker.post(url, type({ startDate: '2999-01-01' }))).statusCode).toBe(400);
    expect((await worker.get(url)).json().records).toEqual([]);
  });

  it('refuses the same type twice at once, but allows it once the first has ended', async () => {
    const worker = await h.as('worker');
    const url = `/api/youth/${h.world.youth.ana}/csec-types`;
    const first = await worker.post(url, type({ startDate: '2025-01-01' }));
    expect(first.statusCode).toBe(201);
    expect(first.json().crossReportObligationId).toBeNull();
    const twice = await worker.post(url, type({ startDate: '2025-03-01' }));
    expect(twice.statusCode).toBe(400);
    expect(twice.json().detail).toMatch(/same type|already/i);
    expect(twice.json().errors).toEqual([
      { pointer: '/body/startDate', code: 'csec_type_overlap', params: { start: '2025-01-01', end: null } },
    ]);
    const ended = await worker.patch(`${url}/${first.json().id}`, {
      version: first.json().version,
      endDate: '2025-02-01',
    });
    expect(ended.statusCode).toBe(200);
    expect((await worker.post(url, type({ startDate: '2025-03-01' }))).statusCode).toBe(201);
  });

  it('associates a type with the referral whose dates hold its start date, otherwise with the case', async () => {
    const worker = await h.as('worker');
    const url = `/api/youth/${frida}/csec-types`;
    const inReferral = (await worker.post(url, type({ startDate: '2025-06-10', endDate: '2025-06-12' }))).json();
    expect(inReferral.associatedWith?.kind).toBe('referral');
    const inCase = (await worker.post(url, type({ type: 'victim_before_care', startDate: '2025-06-21' }))).json();
    expect(inCase.associatedWith?.kind).toBe('case');
  });

  it("gives today's single type under the hierarchy", async () => {
    const res = (await (await h.as('worker')).get(`/api/youth/${frida}/csec-types`)).json();
    expect(res.current).toMatchObject({ type: 'victim_before_care' });
  });

  it('answers 404 for a youth in another county and 403 for an advocate writing', async () => {
    expect(
      (await (await h.as('worker')).post(`/api/youth/${h.world.youth.diego}/csec-types`, type({}))).statusCode,
    ).toBe(404);
    expect(
      (await (await h.as('advocate')).post(`/api/youth/${h.world.youth.ana}/csec-types`, type({}))).statusCode,
    ).toBe(403);
  });
});

describe('the 24-hour cross-report duty', () => {
  it('opens when a youth in child welfare is recorded as a victim, owned by the child welfare worker, due in 24 hours', async () => {
    const supervisor = await h.as('supervisor');
    const before = Date.now();
    const rec = await supervisor.post(
      `/api/youth/${h.world.youth.ana}/csec-types`,
      type({ type: 'victim_during_care', startDate: '2025-08-01' }),
    );
    expect(rec.statusCode).toBe(201);
    const obligationId = rec.json().crossReportObligationId as string;
    expect(obligationId).toEqual(expect.any(String));

    const worker = await h.as('worker');
    const mine = (await worker.get('/api/obligations')).json().obligations as {
      id: string;
      status: string;
      dueAt: string;
      owner: string;
      youthName: string;
    }[];
    const duty = mine.find((o) => o.id === obligationId)!;
    expect(duty).toMatchObject({ status: 'open', owner: 'Test worker', youthName: 'Ana Quintero' });
    const due = new Date(duty.dueAt).getTime();
    expect(due - before).toBeGreaterThanOrEqual(24 * 3_600_000 - 5_000);
    expect(due - before).toBeLessThanOrEqual(24 * 3_600_000 + 60_000);

    const team = (await supervisor.get('/api/obligations?view=team')).json().obligations as { id: string }[];
    expect(team.map((o) => o.id)).toContain(obligationId);
    expect((await worker.get('/api/obligations?view=team')).statusCode).toBe(403);
    expect((await (await h.as('otherWorker')).get('/api/obligations')).json().obligations).toEqual([]);
  });

  it('shows the duty as overdue once past due, until it is met with agency, report number and time', async () => {
    const worker = await h.as('worker');
    const [ob] = await h.db.database.query<{ id: string }>(
      `SELECT id FROM obligations WHERE youth_id = $1 AND kind = 'cross_report_law_enforcement'`,
      [h.world.youth.ana],
    );
    await h.db.database.query(`UPDATE obligations SET due_at = now() - interval '1 hour' WHERE id = $1`, [ob!.id]);
    const listed = (
      (await worker.get(`/api/youth/${h.world.youth.ana}/obligations`)).json().obligations as {
        id: string;
        minutesLeft: number;
      }[]
    ).find((o) => o.id === ob!.id)!;
    expect(listed).toMatchObject({ status: 'missed' });
    expect(listed.minutesLeft).toBeLessThan(0);

    const url = `/api/youth/${h.world.youth.ana}/obligations/${ob!.id}/meet`;
    const incomplete = await worker.post(url, { agency: 'LASD' });
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.json().detail).toMatch(/reportNumber/);
    const met = await worker.post(url, {
      agency: 'LA County Sheriff',
      reportNumber: 'R-2025-001',
      madeAt: new Date().toISOString(),
    });
    expect(met.statusCode).toBe(200);
    expect(met.json()).toMatchObject({ status: 'met', metOnTime: false, record: { reportNumber: 'R-2025-001' } });
    expect(
      (await worker.post(url, { agency: 'x', reportNumber: 'y', madeAt: new Date().toISOString() })).statusCode,
    ).toBe(409);
  });

  it('is not opened for at-risk youth or youth without an open child welfare case', async () => {
    const probation = await h.as('probation');
    const rec = await probation.post(
      `/api/youth/${h.world.youth.carla}/csec-types`,
      type({ type: 'victim_before_care', startDate: '2025-01-01' }),
    );
    expect(rec.statusCode).toBe(201);
    expect(rec.json().crossReportObligationId).toBeNull();
  });

  it('may be waived only by a supervisor, with a reason', async () => {
    const supervisor = await h.as('supervisor');
    const rec = (
      await supervisor.post(
        `/api/youth/${frida}/csec-types`,
        type({ type: 'victim_open_case_not_in_care', startDate: '2025-09-01' }),
      )
    ).json();
    const url = `/api/youth/${frida}/obligations/${rec.crossReportObligationId}/waive`;
    expect(
      (await (await h.as('worker')).post(url, { reason: 'Reported already by the sheriff on scene.' })).statusCode,
    ).toBe(403);
    expect((await supervisor.post(url, { reason: 'short' })).statusCode).toBe(400);
    const waived = await supervisor.post(url, { reason: 'Reported already by the sheriff on scene.' });
    expect(waived.json()).toMatchObject({ status: 'waived', waiveReason: 'Reported already by the sheriff on scene.' });
  });
});

describe('the MDT clock', () => {
  it('opens a crisis MDT due in 24 hours for a victim in immediate danger, otherwise an initial MDT in 7 days', async () => {
    const worker = await h.as('worker');
    const crisis = await worker.post(
      `/api/youth/${frida}/csec-types`,
      type({ type: 'victim_during_care', startDate: '2025-10-01', immediateDanger: true }),
    );
    expect(crisis.statusCode).toBe(201);
    const duties = (await worker.get(`/api/youth/${frida}/obligations`)).json().obligations as {
      kind: string;
      dueAt: string;
      createdAt: string;
    }[];
    const mdt = duties.find((d) => d.kind === 'crisis_mdt_24h')!;
    expect(new Date(mdt.dueAt).getTime() - new Date(mdt.createdAt).getTime()).toBeLessThanOrEqual(
      24 * 3_600_000 + 60_000,
    );
    const carla = await (
      await h.as('probation')
    ).post(
      `/api/youth/${h.world.youth.carla}/csec-types`,
      type({ type: 'victim_open_case_not_in_care', startDate: '2025-10-01' }),
    );
    expect(carla.statusCode).toBe(201);
    const carlaDuties = (await (await h.as('probation')).get(`/api/youth/${h.world.youth.carla}/obligations`)).json()
      .obligations as { kind: string }[];
    expect(carlaDuties.map((d) => d.kind)).toContain('initial_mdt');
  });
});

describe('hotline referrals', () => {
  it('carry the S-CSEC Referral code when they allege exploitation, whatever the disposition', async () => {
    const worker = await h.as('worker');
    const res = await worker.post(`/api/youth/${h.world.youth.ana}/referrals`, {
      receivedAt: '2025-10-01T16:00:00Z',
      allegations: ['Commercial sexual exploitation'],
      csecAllegation: true,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().specialProjectCodes).toEqual(['S-CSEC Referral']);
    const disposed = await worker.post(`/api/youth/${h.world.youth.ana}/referrals/${res.json().id}/disposition`, {
      disposition: 'Evaluated out',
      dispositionAt: '2025-10-02T16:00:00Z',
    });
    expect(disposed.json()).toMatchObject({ disposition: 'Evaluated out', specialProjectCodes: ['S-CSEC Referral'] });
    const plain = await worker.post(`/api/youth/${h.world.youth.ana}/referrals`, {
      receivedAt: '2025-10-01T16:00:00Z',
      csecAllegation: false,
    });
    expect(plain.json().specialProjectCodes).toEqual([]);
  });

  it('refuses a disposition before the referral was received', async () => {
    const worker = await h.as('worker');
    const res = await worker.post(`/api/youth/${h.world.youth.ana}/referrals`, {
      receivedAt: '2025-10-05T16:00:00Z',
      dispositionAt: '2025-10-01T16:00:00Z',
      disposition: 'Substantiated',
      csecAllegation: true,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toMatch(/dispositionAt/);
  });
});
