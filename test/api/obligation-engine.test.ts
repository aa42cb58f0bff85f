// openObligationsFor: the response rules applied inside a real checkpoint transaction, as the MDT
// and first-responder features will call it. Idempotent per event; owners from assignments;
// nothing outside the county; an MDT meeting meets the MDT duties and schedules the next review.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ObligationEvent } from '../../src/domain/obligation-rules.js';
import { meetObligationsBySource } from '../../src/features/obligations/meet-by-source.js';
import { openObligationsFor } from '../../src/features/obligations/open-obligations-for.js';
import { startHarness, type Harness } from '../support/app.js';
import { repoAs } from '../support/scoped.js';
import type { Who } from '../support/world.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const HOUR = 3_600_000;

/** An event without its recorder (the signed-in actor records it). */
type EventInput = ObligationEvent extends infer E
  ? E extends ObligationEvent
    ? Omit<E, 'recordedBy'> & { recordedBy?: E['recordedBy'] }
    : never
  : never;

/** Calls the engine the way a feature does: inside forYouth, declaring the exploitation write, touching what it opened. */
async function emit(who: Who, event: EventInput) {
  const repo = await repoAs(h, who);
  return repo.forYouth(event.youthId, 'test.obligation_event', { write: ['exploitation'] }, async (scope) => {
    const r = await openObligationsFor(scope.tx, {
      ...event,
      recordedBy: event.recordedBy ?? scope.actor,
    } as ObligationEvent);
    scope.touch(['exploitation'], [...r.opened.map((o) => o.id), ...r.met.map((o) => o.id)]);
    return r;
  });
}

const rows = (youthId: string, kind?: string) =>
  h.db.database.query<{
    id: string;
    kind: string;
    status: string;
    owner_user_id: string | null;
    owner_organization_id: string;
    source_part: string;
    due_at: Date;
  }>(
    `SELECT id, kind, status, owner_user_id, owner_organization_id, source_part, due_at FROM obligations
      WHERE youth_id = $1 ${kind ? 'AND kind = $2' : ''} ORDER BY created_at, source_part`,
    kind ? [youthId, kind] : [youthId],
  );

describe('victim identified', () => {
  it('opens a crisis MDT in 24 hours owned by the child welfare worker, once however often the event is replayed', async () => {
    const sourceId = randomUUID();
    const at = new Date();
    const event = {
      kind: 'victim_identified' as const,
      youthId: h.world.youth.ana,
      sourceId,
      at,
      immediateDanger: true,
    };
    const first = await emit('supervisor', event);
    expect(first.opened).toHaveLength(1);
    expect(first.opened[0]).toMatchObject({
      kind: 'crisis_mdt_24h',
      ownerUserId: h.world.users.worker.id,
      ownerOrganizationId: h.world.orgs.dcfs,
    });
    expect(new Date(first.opened[0]!.dueAt).getTime() - at.getTime()).toBe(24 * HOUR);
    const again = await emit('supervisor', event);
    expect(again).toEqual({ opened: [], met: [] });
    expect(await rows(h.world.youth.ana, 'crisis_mdt_24h')).toHaveLength(1);
  });

  it('without immediate danger opens the initial MDT; with no child welfare worker the recorder owns it', async () => {
    const r = await emit('probation', {
      kind: 'victim_identified',
      youthId: h.world.youth.carla,
      sourceId: randomUUID(),
      at: new Date(),
      immediateDanger: false,
    });
    expect(r.opened).toMatchObject([
      { kind: 'initial_mdt', ownerUserId: h.world.users.probation.id, ownerOrganizationId: h.world.orgs.probation },
    ]);
  });
});

describe('first responder contact', () => {
  it('opens one on-scene duty per agency and a health evaluation; a replay opens nothing', async () => {
    const sourceId = randomUUID();
    const event = {
      kind: 'first_responder_contact' as const,
      youthId: h.world.youth.bruno,
      sourceId,
      at: new Date(),
      agencies: [
        { organizationId: h.world.orgs.dcfs },
        { organizationId: h.world.orgs.cboA, userId: h.world.users.advocate.id },
        { organizationId: h.world.orgs.probation },
      ],
    };
    const r = await emit('otherWorker', event);
    expect(r.opened.map((o) => [o.kind, o.sourcePart, o.ownerUserId])).toEqual([
      ['responders_on_scene', h.world.orgs.dcfs, h.world.users.otherWorker.id],
      ['responders_on_scene', h.world.orgs.cboA, h.world.users.advocate.id],
      ['responders_on_scene', h.world.orgs.probation, null],
      ['health_evaluation_72h', '', h.world.users.otherWorker.id],
    ]);
    expect((await emit('otherWorker', event)).opened).toEqual([]);
    expect(await rows(h.world.youth.bruno, 'responders_on_scene')).toHaveLength(3);
  });

  it('an arrival recorded by the feature meets that agency\u2019s duty, once; the record is checked', async () => {
    const sourceId = randomUUID();
    const at = new Date(Date.now() - 2 * HOUR);
    const agencies = [{ organizationId: h.world.orgs.dcfs }, { organizationId: h.world.orgs.probation }];
    await emit('otherWorker', {
      kind: 'first_responder_contact',
      youthId: h.world.youth.bruno,
      sourceId,
      at,
      agencies,
    });
    const repo = await repoAs(h, 'otherWorker');
    const arrive = (record: Record<string, unknown>) =>
      repo.forYouth(h.world.youth.bruno, 'test.arrival', { write: ['exploitation'] }, (scope) =>
        meetObligationsBySource(scope.tx, {
          kind: 'responders_on_scene',
          sourceId,
          sourcePart: h.world.orgs.probation,
          record,
          metBy: scope.actor.userId,
        }),
      );
    await expect(arrive({ arrivedAt: 'soon' })).rejects.toMatchObject({ statusCode: 400 });
    const arrivedAt = new Date(at.getTime() + 100 * 60_000).toISOString(); // 100 minutes: late
    expect(await arrive({ arrivedAt })).toHaveLength(1);
    expect(await arrive({ arrivedAt })).toEqual([]);
    const [probation] = await h.db.database.query<{ status: string; met_at: Date }>(
      `SELECT status, met_at FROM obligations WHERE source_id = $1 AND source_part = $2`,
      [sourceId, h.world.orgs.probation],
    );
    expect(probation).toEqual({ status: 'met', met_at: new Date(arrivedAt) });
    const [dcfs] = await h.db.database.query<{ status: string }>(
      `SELECT status FROM obligations WHERE source_id = $1 AND source_part = $2`,
      [sourceId, h.world.orgs.dcfs],
    );
    expect(dcfs!.status).toBe('open');
  });

  it('refuses an agency or a person of another county, writing nothing', async () => {
    const before = (await rows(h.world.youth.bruno)).length;
    const event = {
      kind: 'first_responder_contact' as const,
      youthId: h.world.youth.bruno,
      sourceId: randomUUID(),
      at: new Date(),
    };
    await expect(
      emit('otherWorker', {
        ...event,
        agencies: [{ organizationId: h.world.orgs.dcfs }, { organizationId: h.world.orgs.sdCws }],
      }),
    ).rejects.toMatchObject({ statusCode: 400 });
    await expect(
      emit('otherWorker', {
        ...event,
        agencies: [{ organizationId: h.world.orgs.dcfs, userId: h.world.users.sdWorker.id }],
      }),
    ).rejects.toMatchObject({ statusCode: 400 });
    expect(await rows(h.world.youth.bruno)).toHaveLength(before);
  });

  it('shows the new duties on the youth by kind (the web words them), and an arrival time meets the on-scene duty', async () => {
    const worker = await h.as('otherWorker');
    const list = (await worker.get(`/api/youth/${h.world.youth.bruno}/obligations`)).json().obligations as {
      id: string;
      kind: string;
      status: string;
    }[];
    const onScene = list.find((o) => o.kind === 'responders_on_scene')!;
    expect(onScene).not.toHaveProperty('label');
    const url = `/api/youth/${h.world.youth.bruno}/obligations/${onScene.id}/meet`;
    const wrong = await worker.post(url, { madeAt: new Date().toISOString() });
    expect(wrong.statusCode).toBe(400);
    const met = await worker.post(url, { arrivedAt: new Date().toISOString(), responderName: 'On-call social worker' });
    expect(met.statusCode).toBe(200);
    expect(met.json()).toMatchObject({
      status: 'met',
      metOnTime: true,
      record: { responderName: 'On-call social worker' },
    });
  });
});

describe('MDT meetings, action items and screenings', () => {
  it('a meeting meets the open and missed MDT duties (late when missed) and opens the next review, once', async () => {
    const youthId = h.world.youth.ana;
    await emit('worker', {
      kind: 'victim_identified',
      youthId,
      sourceId: randomUUID(),
      at: new Date(),
      immediateDanger: false,
    });
    // The crisis MDT opened above was missed (recorded by the job).
    await h.db.database.query(
      `UPDATE obligations SET due_at = now() - interval '1 hour', status = 'missed', missed_at = now() WHERE youth_id = $1 AND kind = 'crisis_mdt_24h'`,
      [youthId],
    );
    const meeting = randomUUID();
    const event = { kind: 'mdt_held' as const, youthId, sourceId: meeting, at: new Date(), tier: 'crisis' as const };
    const r = await emit('worker', event);
    expect(r.met.map((m) => m.kind).sort()).toEqual(['crisis_mdt_24h', 'initial_mdt']);
    expect(r.opened).toMatchObject([{ kind: 'ongoing_mdt_review', ownerUserId: h.world.users.worker.id }]);
    const again = await emit('worker', event);
    expect(again).toEqual({ opened: [], met: [] });

    const list = (await (await h.as('worker')).get(`/api/youth/${youthId}/obligations`)).json().obligations as {
      kind: string;
      status: string;
      metOnTime: boolean | null;
      missedAt: string | null;
      record: Record<string, unknown> | null;
    }[];
    const crisis = list.find((o) => o.kind === 'crisis_mdt_24h')!;
    expect(crisis).toMatchObject({ status: 'met', metOnTime: false, record: { meetingId: meeting } });
    expect(crisis.missedAt).not.toBeNull();
    expect(list.find((o) => o.kind === 'initial_mdt')).toMatchObject({ status: 'met', metOnTime: true });
    expect(list.find((o) => o.kind === 'ongoing_mdt_review')).toMatchObject({ status: 'open' });

    // The next meeting meets that review and schedules another.
    const next = await emit('worker', { ...event, sourceId: randomUUID(), tier: 'ongoing' });
    expect(next.met.map((m) => m.kind)).toEqual(['ongoing_mdt_review']);
    expect(next.opened.map((o) => o.kind)).toEqual(['ongoing_mdt_review']);
  });

  it('an action item is owned by the person it was given to, due at the end of its day; only people of the county', async () => {
    const youthId = h.world.youth.ana;
    const r = await emit('worker', {
      kind: 'action_item_created',
      youthId,
      sourceId: randomUUID(),
      at: new Date(),
      dueAt: '2030-03-31',
      owner: { userId: h.world.users.advocate.id, organizationId: h.world.orgs.cboA },
    });
    expect(r.opened).toMatchObject([
      { kind: 'mdt_action_item', ownerUserId: h.world.users.advocate.id, dueAt: '2030-04-01T06:59:59.999Z' },
    ]);
    await expect(
      emit('worker', {
        kind: 'action_item_created',
        youthId,
        sourceId: randomUUID(),
        at: new Date(),
        dueAt: '2030-03-31',
        owner: { userId: null, organizationId: h.world.orgs.sdCws },
      }),
    ).rejects.toMatchObject({ statusCode: 400 });
  });

  it('a screening due is owned by the primary worker of any agency', async () => {
    const r = await emit('probation', {
      kind: 'screening_due',
      youthId: h.world.youth.carla,
      sourceId: randomUUID(),
      at: new Date(),
      dueAt: '2030-01-15',
    });
    expect(r.opened).toMatchObject([{ kind: 'screening_due', ownerUserId: h.world.users.probation.id }]);
  });

  it('runs only where the checkpoint lets the caller write: another county\u2019s youth is a 404', async () => {
    await expect(
      emit('worker', {
        kind: 'screening_due',
        youthId: h.world.youth.diego,
        sourceId: randomUUID(),
        at: new Date(),
        dueAt: '2030-01-15',
      }),
    ).rejects.toMatchObject({ statusCode: 404 });
    expect(await rows(h.world.youth.diego)).toEqual([]);
  });
});
