// GET /api/obligations?view=organization: a supervisor sees everything their organization owes.
// The duty is the organization's own work; who the youth is shows only where the supervisor's
// own relation to the youth allows it.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ObligationEvent } from '../../src/domain/obligation-rules.js';
import { openObligationsFor } from '../../src/features/obligations/open-obligations-for.js';
import { startHarness, type Harness } from '../support/app.js';
import { repoAs } from '../support/scoped.js';
import type { Who } from '../support/world.js';

let h: Harness;
const ids: Record<'anaWorker' | 'brunoOther' | 'carlaForOther' | 'carlaProbation' | 'diegoSd', string> = {} as never;

type EventInput = ObligationEvent extends infer E ? (E extends ObligationEvent ? Omit<E, 'recordedBy'> : never) : never;
async function emit(who: Who, event: EventInput): Promise<string> {
  const repo = await repoAs(h, who);
  const r = await repo.forYouth(event.youthId, 'test.obligation_event', { write: ['exploitation'] }, async (scope) => {
    const out = await openObligationsFor(scope.tx, { ...event, recordedBy: scope.actor } as ObligationEvent);
    scope.touch(
      ['exploitation'],
      out.opened.map((o) => o.id),
    );
    return out;
  });
  expect(r.opened).toHaveLength(1);
  return r.opened[0]!.id;
}

beforeAll(async () => {
  h = await startHarness();
  const w = h.world;
  const due = (d: string) => ({ sourceId: randomUUID(), at: new Date(), dueAt: d });
  ids.anaWorker = await emit('worker', { kind: 'screening_due', youthId: w.youth.ana, ...due('2030-01-15') });
  ids.brunoOther = await emit('otherWorker', { kind: 'screening_due', youthId: w.youth.bruno, ...due('2030-01-16') });
  // A probation youth whose action item was given to a DCFS worker: DCFS's work, not a DCFS youth.
  ids.carlaForOther = await emit('probation', {
    kind: 'action_item_created',
    youthId: w.youth.carla,
    ...due('2030-01-17'),
    owner: { userId: w.users.otherWorker.id, organizationId: w.orgs.dcfs },
  });
  ids.carlaProbation = await emit('probation', { kind: 'screening_due', youthId: w.youth.carla, ...due('2030-01-18') });
  ids.diegoSd = await emit('sdWorker', { kind: 'screening_due', youthId: w.youth.diego, ...due('2030-01-19') });
});
afterAll(() => h.close());

interface Row {
  id: string;
  youthId: string;
  youthName?: string;
  youthVisible?: boolean;
  owner: string | null;
  organization: string;
  kind: string;
  record: unknown;
}
const worklist = async (who: Who, view: string) => {
  const res = await (await h.as(who)).get(`/api/obligations?view=${view}`);
  expect(res.statusCode).toBe(200);
  return res.json().obligations as Row[];
};

describe('the organization worklist', () => {
  it('holds every duty owned in the supervisor’s organization, beyond their own supervision chain', async () => {
    const rows = await worklist('supervisor', 'organization');
    const mine = rows.filter((r) => Object.values(ids).includes(r.id)).map((r) => r.id);
    expect(mine.sort()).toEqual([ids.anaWorker, ids.brunoOther, ids.carlaForOther].sort());
    expect(rows.every((r) => r.organization === 'Test DCFS' || r.owner !== null)).toBe(true);
    // The team view stays the supervision chain: Bruno's worker is not in it.
    const team = (await worklist('supervisor', 'team')).map((r) => r.id);
    expect(team).toContain(ids.anaWorker);
    expect(team).not.toContain(ids.brunoOther);
    expect(team).not.toContain(ids.carlaForOther);
  });

  it('names the youth only where the supervisor may see the youth', async () => {
    const rows = await worklist('supervisor', 'organization');
    const by = (id: string) => rows.find((r) => r.id === id)!;
    expect(by(ids.anaWorker)).toMatchObject({
      youthId: h.world.youth.ana,
      youthName: 'Ana Quintero',
      youthVisible: true,
      owner: 'Test worker',
    });
    // Bruno: DCFS holds his case, so the organization relation shows who he is.
    expect(by(ids.brunoOther)).toMatchObject({
      youthId: h.world.youth.bruno,
      youthName: 'Bruno Okafor',
      youthVisible: true,
      owner: 'Test otherWorker',
    });
    // Carla: a probation youth; the supervisor has no relation to her.
    const carla = by(ids.carlaForOther);
    expect(carla).toMatchObject({
      youthId: '',
      youthVisible: false,
      owner: 'Test otherWorker',
      kind: 'mdt_action_item',
      record: null,
    });
    expect(carla.youthName).toBeUndefined();
    expect(JSON.stringify(rows)).not.toMatch(/Carla|Nguyen/);
    expect(JSON.stringify(rows)).not.toContain(h.world.youth.carla);
  });

  it('is audited as one worklist read', async () => {
    const [row] = await h.db.database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_events WHERE action = 'obligations.worklist.organization' AND actor_user_id = $1`,
      [h.world.users.supervisor.id],
    );
    expect(row!.n).toBeGreaterThan(0);
  });

  it('never crosses counties', async () => {
    const sd = await worklist('sdSupervisor', 'organization');
    expect(sd.map((r) => r.id)).toEqual([ids.diegoSd]);
    expect(sd[0]).toMatchObject({ youthVisible: true, youthName: 'Diego Quintero' });
    const la = (await worklist('director', 'organization')).map((r) => r.id);
    expect(la).not.toContain(ids.diegoSd);
    expect(la).not.toContain(ids.carlaProbation);
  });

  it('refuses anyone who is not a supervisor with a clear 403', async () => {
    for (const who of ['worker', 'advocate'] as const) {
      const res = await (await h.as(who)).get('/api/obligations?view=organization');
      expect(res.statusCode).toBe(403);
      expect(res.json().detail).toMatch(/organization's worklist is for supervisors/);
    }
    const analyst = await (await h.as('analyst')).get('/api/obligations?view=organization');
    expect(analyst.statusCode).toBe(403);
    expect((await (await h.as('supervisor')).get('/api/obligations?view=everyone')).statusCode).toBe(400);
  });
});
