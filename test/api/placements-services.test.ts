// Where a youth lives and what services they receive: the rules (no overlapping placements,
// dates in order) and who sees what (the placement address only for the youth's own workers;
// an advocate sees the services linked to their organization, not another organization's notes).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Builder } from '../../src/seed/builder.js';
import { startHarness, type Harness } from '../support/app.js';

let h: Harness;
let provider: string;
beforeAll(async () => {
  h = await startHarness();
  const [p] = await h.db.database.query<{ id: string }>(
    `INSERT INTO providers (county_id, kind, name, placement_types, services, languages) VALUES ($1, 'organization', 'Test Haven STRTP', '{strtp}', '{mental_health}', '{English,Spanish}') RETURNING id`,
    [h.world.counties.la],
  );
  provider = p!.id;
  // An advocate from a second organization also works with Ana.
  await new Builder(h.db.database).assignment({
    youthId: h.world.youth.ana,
    countyId: h.world.counties.la,
    userId: h.world.users.otherAdvocate.id,
    organizationId: h.world.orgs.cboB,
    role: 'advocate',
  });
});
afterAll(() => h.close());

const ana = () => `/api/youth/${h.world.youth.ana}`;

describe('placements', () => {
  it('records placements one at a time, shows the gap between them, and refuses overlaps', async () => {
    const worker = await h.as('worker');
    const first = await worker.post(`${ana()}/placements`, {
      placementType: 'emergency_shelter',
      startAt: '2025-01-01T18:00:00Z',
      endAt: '2025-01-10T18:00:00Z',
      changeReason: 'Removed from home',
    });
    expect(first.statusCode).toBe(201);
    const second = await worker.post(`${ana()}/placements`, {
      placementType: 'strtp',
      providerId: provider,
      startAt: '2025-01-12T18:00:00Z',
      csecTrained: true,
      address: '100 Fictional Way, Los Angeles',
    });
    expect(second.statusCode).toBe(201);
    expect(second.json()).toMatchObject({
      current: true,
      address: '100 Fictional Way, Los Angeles',
      provider: { name: 'Test Haven STRTP' },
    });

    const overlap = await worker.post(`${ana()}/placements`, {
      placementType: 'relative',
      startAt: '2025-01-05T18:00:00Z',
      endAt: '2025-01-11T00:00:00Z',
    });
    expect(overlap.statusCode).toBe(409);
    expect(overlap.json().detail).toMatch(/one place at a time/);
    expect(overlap.json()).toMatchObject({
      code: 'placement_overlap',
      details: { placementId: first.json().id, start: '2025-01-01T18:00:00.000Z', end: '2025-01-10T18:00:00.000Z' },
    });
    // Touching end and start is not an overlap.
    const adjacent = await worker.post(`${ana()}/placements`, {
      placementType: 'relative',
      startAt: '2025-01-10T18:00:00Z',
      endAt: '2025-01-11T18:00:00Z',
    });
    expect(adjacent.statusCode).toBe(201);

    const list = (await worker.get(`${ana()}/placements`)).json();
    expect(list.placements.map((p: { placementType: string }) => p.placementType)).toEqual([
      'strtp',
      'relative',
      'emergency_shelter',
    ]);
    expect(list.gaps).toEqual([{ from: '2025-01-11T18:00:00.000Z', to: '2025-01-12T18:00:00.000Z' }]);
    expect(list.locationHidden).toBe(false);
  });

  it("keeps the address and provider from everyone but the youth's own workers, and audits every view of it", async () => {
    const advocate = (await (await h.as('advocate')).get(`${ana()}/placements`)).json();
    expect(advocate.locationHidden).toBe(true);
    expect(advocate.placements[0]).not.toHaveProperty('address');
    expect(advocate.placements[0]).not.toHaveProperty('provider');
    expect(advocate.placements[0]).toMatchObject({ placementType: 'strtp', current: true });
    expect(JSON.stringify(advocate)).not.toContain('Fictional Way');

    const res = await (await h.as('supervisor')).get(`${ana()}/placements`);
    expect(res.json().placements[0].address).toBe('100 Fictional Way, Los Angeles');
    const [event] = await h.db.database.query<{ categories: string[] }>(
      'SELECT categories FROM audit_events WHERE request_id = $1',
      [res.headers['x-request-id']],
    );
    expect(event!.categories).toContain('placement_location');
    expect((await (await h.as('sdWorker')).get(`${ana()}/placements`)).statusCode).toBe(404);
    expect((await (await h.as('analyst')).get(`${ana()}/placements`)).statusCode).toBe(404);
  });

  it('refuses bad dates and unknown providers, and advocates may not record placements', async () => {
    const worker = await h.as('worker');
    const backwards = await worker.post(`${ana()}/placements`, {
      placementType: 'relative',
      startAt: '2024-05-10T00:00:00Z',
      endAt: '2024-05-01T00:00:00Z',
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().detail).toMatch(/endAt/);
    const unknown = await worker.post(`${ana()}/placements`, {
      placementType: 'relative',
      providerId: '00000000-0000-4000-8000-000000000000',
      startAt: '2024-05-10T00:00:00Z',
      endAt: '2024-05-11T00:00:00Z',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().detail).toMatch(/providerId/);
    expect(
      (await worker.post(`${ana()}/placements`, { placementType: 'castle', startAt: '2024-05-10T00:00:00Z' }))
        .statusCode,
    ).toBe(400);
    expect(
      (
        await (
          await h.as('advocate')
        ).post(`${ana()}/placements`, {
          placementType: 'relative',
          startAt: '2024-05-10T00:00:00Z',
          endAt: '2024-05-11T00:00:00Z',
        })
      ).statusCode,
    ).toBe(403);
  });

  it('ends the current placement with the version loaded', async () => {
    const worker = await h.as('worker');
    const current = (await worker.get(`${ana()}/placements`)).json().placements[0];
    const ended = await worker.patch(`${ana()}/placements/${current.id}`, {
      version: current.version,
      endAt: '2025-03-01T18:00:00Z',
      changeReason: 'Moved to a relative',
    });
    expect(ended.statusCode).toBe(200);
    expect(ended.json()).toMatchObject({ current: false, endAt: '2025-03-01T18:00:00.000Z' });
    expect(
      (await worker.patch(`${ana()}/placements/${current.id}`, { version: current.version, endAt: null })).statusCode,
    ).toBe(409);
  });
});

describe('service episodes', () => {
  it('records a service from referral to completion, with dates in order', async () => {
    const worker = await h.as('worker');
    const made = await worker.post(`${ana()}/services`, {
      serviceKey: 'trauma_informed_therapy',
      providerId: provider,
      referredAt: '2025-02-01T17:00:00Z',
      notes: 'Prefers a Spanish-speaking therapist.',
      fundingSource: 'sb855_csec_program',
    });
    expect(made.statusCode).toBe(201);
    const ep = made.json();
    expect(ep).toMatchObject({
      status: 'referred',
      service: { category: 'mental_health' },
      provider: { name: 'Test Haven STRTP' },
    });

    const early = await worker.patch(`${ana()}/services/${ep.id}`, {
      version: ep.version,
      status: 'active',
      startedAt: '2025-01-15T17:00:00Z',
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().detail).toMatch(/cannot start before it was referred/);
    const started = await worker.patch(`${ana()}/services/${ep.id}`, {
      version: ep.version,
      status: 'active',
      startedAt: '2025-02-10T17:00:00Z',
    });
    expect(started.statusCode).toBe(200);
    const noReason = await worker.patch(`${ana()}/services/${ep.id}`, {
      version: started.json().version,
      status: 'completed',
      endedAt: '2025-05-10T17:00:00Z',
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().detail).toMatch(/endReason/);
    const backwards = await worker.patch(`${ana()}/services/${ep.id}`, {
      version: started.json().version,
      status: 'completed',
      endedAt: '2025-02-01T17:00:00Z',
      endReason: 'Done',
    });
    expect(backwards.json().detail).toMatch(/cannot end before it started/);
    const done = await worker.patch(`${ana()}/services/${ep.id}`, {
      version: started.json().version,
      status: 'completed',
      endedAt: '2025-05-10T17:00:00Z',
      endReason: 'Goals met',
    });
    expect(done.json()).toMatchObject({ status: 'completed', endReason: 'Goals met' });
  });

  it('refuses an unknown service or provider', async () => {
    const worker = await h.as('worker');
    expect((await worker.post(`${ana()}/services`, { serviceKey: 'astrology' })).json().detail).toMatch(/serviceKey/);
    expect(
      (
        await worker.post(`${ana()}/services`, {
          serviceKey: 'mentoring',
          providerId: '00000000-0000-4000-8000-000000000000',
        })
      ).json().detail,
    ).toMatch(/providerId/);
  });

  it("shows an advocate the services linked to their organization, never another organization's notes or the youth's therapy", async () => {
    const advocate = await h.as('advocate');
    const linked = await advocate.post(`${ana()}/services`, {
      serviceKey: 'csec_advocacy',
      referredAt: '2025-02-02T17:00:00Z',
      notes: 'Advocate A notes',
    });
    expect(linked.statusCode).toBe(201);
    const mine = (await advocate.get(`${ana()}/services`)).json();
    expect(mine.episodes.map((e: { service: { key: string } }) => e.service.key)).toEqual(['csec_advocacy']);
    expect(mine.episodes[0].notes).toBe('Advocate A notes');
    expect(mine.hiddenCount).toBeGreaterThanOrEqual(1);
    // Therapy is mental health data an advocate may not record.
    expect((await advocate.post(`${ana()}/services`, { serviceKey: 'trauma_informed_therapy' })).statusCode).toBe(403);

    const other = (await (await h.as('otherAdvocate')).get(`${ana()}/services`)).json();
    expect(JSON.stringify(other)).not.toContain('Advocate A notes');
    expect(other.episodes).toEqual([]);
    // The youth's caseworker sees both, with their notes.
    const worker = (await (await h.as('worker')).get(`${ana()}/services`)).json();
    expect(worker.episodes.map((e: { notes: string | null }) => e.notes)).toEqual(
      expect.arrayContaining(['Advocate A notes', 'Prefers a Spanish-speaking therapist.']),
    );
    // Another advocate may not change advocate A's episode.
    const ep = linked.json();
    expect(
      (
        await (
          await h.as('otherAdvocate')
        ).patch(`${ana()}/services/${ep.id}`, { version: ep.version, status: 'waiting' })
      ).statusCode,
    ).toBe(404);
  });

  it('is invisible to analysts and to another county', async () => {
    expect((await (await h.as('analyst')).get(`${ana()}/services`)).statusCode).toBe(404);
    expect((await (await h.as('sdWorker')).get(`${ana()}/services`)).statusCode).toBe(404);
  });
});
