// Corrections (issue 14): a draft screening can be discarded; an MDT meeting, a CSEC Type and a
// hotline referral (its decision too) can be corrected with a reason and the version loaded; the
// earlier versions are kept (record_corrections, under row-level security) and shown to
// supervisors and auditors only; deadlines follow a correction.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectRows } from '../../src/db/client.js';
import { DEMO_BRIEF_SCREEN } from '../../src/domain/demo-instruments.js';
import { Builder } from '../../src/seed/builder.js';
import { startHarness, type Harness } from '../support/app.js';

let h: Harness;
let brief: string;
let gina: string; // a youth of worker's with a child welfare case, for duties
const GHOST = '00000000-0000-4000-8000-000000000000';
beforeAll(async () => {
  h = await startHarness();
  const list = (await (await h.as('worker')).get('/api/instruments')).json().instruments as {
    key: string;
    versionId: string;
  }[];
  brief = list.find((i) => i.key === DEMO_BRIEF_SCREEN.key)!.versionId;
  const b = new Builder(h.db.database);
  const { la } = h.world.counties;
  gina = await b.youth({ countyId: la, legalFirstName: 'Gina', legalLastName: 'Prueba', dateOfBirth: '2011-03-01' });
  await b.case({
    youthId: gina,
    countyId: la,
    organizationId: h.world.orgs.dcfs,
    kind: 'child_welfare',
    openedOn: '2025-01-10',
  });
  await b.assignment({
    youthId: gina,
    countyId: la,
    userId: h.world.users.worker.id,
    organizationId: h.world.orgs.dcfs,
    role: 'primary',
  });
});
afterAll(() => h.close());

const ana = () => `/api/youth/${h.world.youth.ana}`;
const corrections = async (who: 'supervisor' | 'auditor' | 'worker', youth = ana()) =>
  (await h.as(who)).get(`${youth}/corrections`);

describe('discarding a draft screening', () => {
  it('lets the author discard a draft with a reason, keeps it for supervisors, refuses finals and others', async () => {
    const worker = await h.as('worker');
    const draft = (await worker.post(`${ana()}/screenings`, { instrumentVersionId: brief, context: 'hotline' })).json();
    // Not without a reason, not with an old version, not by someone else.
    const noReason = await worker.post(`${ana()}/screenings/${draft.id}/discard`, { version: draft.version });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().code).toBe('bad_request');
    expect(noReason.json().errors).toEqual([expect.objectContaining({ pointer: '/body/reason', code: 'required' })]);
    const stale = await worker.post(`${ana()}/screenings/${draft.id}/discard`, {
      version: draft.version + 5,
      reason: 'Started for the wrong youth',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('stale_version');
    const advocate = await (
      await h.as('advocate')
    ).post(`${ana()}/screenings/${draft.id}/discard`, {
      version: draft.version,
      reason: 'Started for the wrong youth',
    });
    expect([403, 404]).toContain(advocate.statusCode);
    const other = await (
      await h.as('sdWorker')
    ).post(`${ana()}/screenings/${draft.id}/discard`, {
      version: draft.version,
      reason: 'Started for the wrong youth',
    });
    expect(other.statusCode).toBe(404);

    const done = await worker.post(`${ana()}/screenings/${draft.id}/discard`, {
      version: draft.version,
      reason: 'Started for the wrong youth',
    });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toEqual({ id: draft.id, discarded: true });
    expect((await worker.get(`${ana()}/screenings/${draft.id}`)).statusCode).toBe(404);
    const list = (await corrections('supervisor')).json().corrections;
    expect(list).toContainEqual(
      expect.objectContaining({
        recordKind: 'screening',
        recordId: draft.id,
        action: 'discarded',
        reason: 'Started for the wrong youth',
      }),
    );
    // Audited through the checkpoint.
    const [audit] = await h.db.database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_events WHERE action = 'screening.discard' AND $1 = ANY(record_ids)`,
      [draft.id],
    );
    expect(audit!.n).toBe(1);
  });

  it('refuses to discard a final screening, and lets a supervisor discard a worker’s draft', async () => {
    const worker = await h.as('worker');
    const draft = (await worker.post(`${ana()}/screenings`, { instrumentVersionId: brief, context: 'hotline' })).json();
    const ratings = Object.fromEntries(
      DEMO_BRIEF_SCREEN.sections.flatMap((s) =>
        s.items.map((i) => [i.key, DEMO_BRIEF_SCREEN.scales.find((sc) => sc.key === i.scale)!.options[0]!.value]),
      ),
    );
    const saved = (await worker.patch(`${ana()}/screenings/${draft.id}`, { version: draft.version, ratings })).json();
    const final = (await worker.post(`${ana()}/screenings/${draft.id}/finalize`, { version: saved.version })).json();
    const refused = await worker.post(`${ana()}/screenings/${draft.id}/discard`, {
      version: final.version,
      reason: 'Wrong youth',
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('screening_final');

    const second = (
      await worker.post(`${ana()}/screenings`, { instrumentVersionId: brief, context: 'placement' })
    ).json();
    const otherWorker = await (
      await h.as('otherWorker')
    ).post(`${ana()}/screenings/${second.id}/discard`, {
      version: second.version,
      reason: 'Not mine',
    });
    expect([403, 404]).toContain(otherWorker.statusCode);
    const bySupervisor = await (
      await h.as('supervisor')
    ).post(`${ana()}/screenings/${second.id}/discard`, {
      version: second.version,
      reason: 'Duplicate draft',
    });
    expect(bySupervisor.statusCode).toBe(200);
  });
});

describe('correcting an MDT meeting', () => {
  it('corrects with a reason and version, keeps the earlier values, and moves the next review', async () => {
    const worker = await h.as('worker');
    const created = await worker.post(`${ana()}/mdt/meetings`, {
      tier: 'ongoing',
      scheduledAt: '2025-06-01T16:00:00Z',
      heldAt: '2025-06-01T16:30:00Z',
      decisions: 'Keep placement.',
      attendees: [],
      actionItems: [],
    });
    expect(created.statusCode).toBe(201);
    const meetingId = created.json().id as string;
    const meeting = (await worker.get(`${ana()}/mdt`)).json().meetings.find((m: { id: string }) => m.id === meetingId);
    expect(meeting.version).toBe(1);
    const url = `${ana()}/mdt/meetings/${meetingId}`;
    expect((await worker.patch(url, { version: 1, heldAt: '2025-06-03T16:30:00Z' })).statusCode).toBe(400);
    const stale = await worker.patch(url, { version: 9, reason: 'Wrong day', heldAt: '2025-06-03T16:30:00Z' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('stale_version');
    expect((await worker.patch(url, { version: 1, reason: 'Wrong day', tier: 'weekly' })).statusCode).toBe(400);
    expect((await worker.patch(url, { version: 1, reason: 'Wrong day', heldAt: 'yesterday' })).statusCode).toBe(400);
    expect((await worker.patch(url, { version: 1, reason: 'Wrong day', extra: 1 })).statusCode).toBe(400);
    expect((await worker.patch(`${ana()}/mdt/meetings/${GHOST}`, { version: 1, reason: 'x y z' })).statusCode).toBe(
      404,
    );
    expect(
      (await (await h.as('sdWorker')).patch(url, { version: 1, reason: 'Wrong day', decisions: 'x' })).statusCode,
    ).toBe(404);
    expect((await (await h.as('analyst')).patch(url, { version: 1, reason: 'Wrong day' })).statusCode).toBe(403);

    const ok = await worker.patch(url, { version: 1, reason: 'Wrong day', heldAt: '2025-06-03T16:30:00Z' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().version).toBe(2);
    const again = await worker.patch(url, { version: 1, reason: 'Wrong day', decisions: 'x' });
    expect(again.statusCode).toBe(409);
    // The next ongoing review runs from the corrected day.
    const [review] = await selectRows<{ due_at: Date }>(
      h.db.database.db,
      sql`SELECT due_at FROM obligations WHERE kind = 'ongoing_mdt_review' AND source_id = ${meetingId}`,
    );
    expect(new Date(review!.due_at).toISOString().slice(0, 10)).toBe('2025-07-03');
    const list = (await corrections('supervisor')).json().corrections;
    expect(list).toContainEqual(
      expect.objectContaining({
        recordKind: 'mdt_meeting',
        recordId: meetingId,
        version: 1,
        earlier: { heldAt: '2025-06-01T16:30:00.000Z' },
        reason: 'Wrong day',
      }),
    );
  });
});

describe('correcting a CSEC Type', () => {
  it('corrects the type with a reason, and the duties follow', async () => {
    const worker = await h.as('worker');
    const url = `/api/youth/${gina}/csec-types`;
    const rec = await worker.post(url, {
      type: 'victim_during_care',
      startDate: '2025-05-01',
      allegationSubcategory: 'Commercial sexual exploitation',
      source: 'self_disclosure',
    });
    expect(rec.statusCode).toBe(201);
    const { id, version, crossReportObligationId } = rec.json();
    expect(crossReportObligationId).toBeTruthy();
    const fix = `${url}/${id}/correction`;
    const noReason = await worker.post(fix, { version, type: 'at_risk' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0]).toMatchObject({ pointer: '/body/reason', code: 'required' });
    expect(
      (await worker.post(fix, { version: version + 1, reason: 'Recorded wrongly', type: 'at_risk' })).statusCode,
    ).toBe(409);
    expect((await worker.post(fix, { version, reason: 'Recorded wrongly', type: 'nonsense' })).statusCode).toBe(400);
    expect((await worker.post(fix, { version, reason: 'Recorded wrongly', startDate: '2999-01-01' })).statusCode).toBe(
      400,
    );
    expect(
      (await worker.post(`${url}/${GHOST}/correction`, { version, reason: 'x y z', type: 'at_risk' })).statusCode,
    ).toBe(404);
    expect(
      (await (await h.as('sdWorker')).post(fix, { version, reason: 'Recorded wrongly', type: 'at_risk' })).statusCode,
    ).toBe(404);
    expect(
      (await (await h.as('auditor')).post(fix, { version, reason: 'Recorded wrongly', type: 'at_risk' })).statusCode,
    ).toBe(403);

    const ok = await worker.post(fix, { version, reason: 'Recorded wrongly', type: 'at_risk' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ type: 'at_risk', version: version + 1 });
    const duties = await selectRows<{ status: string }>(
      h.db.database.db,
      sql`SELECT status FROM obligations WHERE source_id = ${id}`,
    );
    expect(duties.length).toBeGreaterThan(0);
    expect(duties.every((d) => d.status === 'waived')).toBe(true);
    const list = (await corrections('supervisor', `/api/youth/${gina}`)).json().corrections;
    expect(list).toEqual([
      expect.objectContaining({ recordKind: 'csec_type', recordId: id, earlier: { type: 'victim_during_care' } }),
    ]);
  });
});

describe('correcting a referral and recording its decision afterwards', () => {
  it('records a missing decision afterwards, then corrects it with a reason', async () => {
    const worker = await h.as('worker');
    const created = (
      await worker.post(`${ana()}/referrals`, { receivedAt: '2025-04-01T17:00:00Z', csecAllegation: false })
    ).json();
    expect(created.disposition).toBeNull();
    const decided = await worker.post(`${ana()}/referrals/${created.id}/disposition`, {
      disposition: 'Evaluated out',
      dispositionAt: '2025-04-03T17:00:00Z',
    });
    expect(decided.statusCode).toBe(200);
    const { version } = decided.json();
    expect(version).toBe(created.version + 1);
    const url = `${ana()}/referrals/${created.id}`;
    const noReason = await worker.patch(url, { version, disposition: 'Substantiated' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0]).toMatchObject({ pointer: '/body/reason', code: 'required' });
    expect(
      (await worker.patch(url, { version: version - 1, reason: 'Wrong decision', disposition: 'Substantiated' }))
        .statusCode,
    ).toBe(409);
    const before = await worker.patch(url, { version, reason: 'Wrong time', dispositionAt: '2025-03-01T17:00:00Z' });
    expect(before.statusCode).toBe(400);
    expect((await worker.patch(url, { version, reason: 'Same', disposition: 'Evaluated out' })).json().code).toBe(
      'nothing_to_change',
    );
    expect((await worker.patch(url, { version, reason: 123 })).statusCode).toBe(400);
    expect((await worker.patch(`${ana()}/referrals/not-an-id`, { version, reason: 'abc' })).statusCode).toBe(400);
    expect(
      (await (await h.as('sdWorker')).patch(url, { version, reason: 'Wrong decision', disposition: 'X y' })).statusCode,
    ).toBe(404);
    expect(
      (await (await h.as('analyst')).patch(url, { version, reason: 'Wrong decision', disposition: 'X y' })).statusCode,
    ).toBe(403);

    const ok = await worker.patch(url, { version, reason: 'Wrong decision', disposition: 'Substantiated' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ disposition: 'Substantiated', version: version + 1 });
    // The profile shows the corrected decision with its version.
    const profile = (await worker.get(ana())).json();
    expect(profile.referrals.find((r: { id: string }) => r.id === created.id)).toMatchObject({
      disposition: 'Substantiated',
      version: version + 1,
    });
    // Supervisors and auditors (identity) see the earlier decision; a worker may not.
    for (const who of ['supervisor', 'auditor'] as const) {
      const res = await corrections(who);
      expect(res.statusCode).toBe(200);
      expect(res.json().corrections).toContainEqual(
        expect.objectContaining({
          recordKind: 'referral',
          recordId: created.id,
          earlier: { disposition: 'Evaluated out' },
        }),
      );
    }
    expect(
      (await corrections('auditor'))
        .json()
        .corrections.some((c: { recordKind: string }) => c.recordKind !== 'referral'),
    ).toBe(false);
    expect((await corrections('worker')).statusCode).toBe(403);
    expect((await (await h.as('sdSupervisor')).get(`${ana()}/corrections`)).statusCode).toBe(404);
  });
});

describe('row-level security on record_corrections', () => {
  it('is enabled and forced with a county policy, and hides another county’s earlier versions', async () => {
    const [facts] = await h.db.database.query<{ enabled: boolean; forced: boolean; policies: string[] }>(
      `SELECT c.relrowsecurity AS enabled, c.relforcerowsecurity AS forced,
              (SELECT array_agg(policyname::text ORDER BY policyname) FROM pg_policies WHERE tablename = 'record_corrections') AS policies
         FROM pg_class c WHERE c.relname = 'record_corrections' AND c.relnamespace = 'public'::regnamespace`,
    );
    expect(facts).toEqual({ enabled: true, forced: true, policies: ['county_isolation', 'owner_system_access'] });
    const count = (county: string) =>
      h.db.database.transactionWith(
        { role: 'harbor_app', 'harbor.county_id': county, 'harbor.all_counties': 'off' },
        (tx) => selectRows<{ n: number }>(tx, sql`SELECT count(*)::int AS n FROM record_corrections`),
      );
    expect((await count(h.world.counties.la))[0]!.n).toBeGreaterThan(0);
    expect((await count(h.world.counties.sd))[0]!.n).toBe(0);
    // Kept for good: the application role may not change or remove an earlier version.
    await expect(
      h.db.database.transactionWith(
        { role: 'harbor_app', 'harbor.county_id': h.world.counties.la, 'harbor.all_counties': 'off' },
        (tx) => tx.execute(sql`DELETE FROM record_corrections`),
      ),
    ).rejects.toThrow();
  });
});
