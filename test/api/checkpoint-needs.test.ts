// The checkpoint checks the field categories a unit of youth work declares (forYouth's `needs`)
// against the user's grant before the work runs, and records them in the audit event: a use case
// cannot forget its category check, because it cannot reach the youth without declaring one.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FieldCategory } from '../../src/domain/field-categories.js';
import { HarborError } from '../../src/errors.js';
import { startHarness, type Harness } from '../support/app.js';
import { repoAs } from '../support/scoped.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

interface EventRow {
  action: string;
  outcome: string;
  youth_id: string | null;
  categories: string[];
  details: Record<string, unknown>;
}

/** The audit events of one request (a route's x-request-id, or repoAs's `test-<who>`) and action. */
const events = (requestId: string, action?: string) =>
  h.db.database.query<EventRow>(
    `SELECT action, outcome, youth_id, categories, details FROM audit_events
      WHERE request_id = $1 ${action ? 'AND action = $2' : ''} ORDER BY id`,
    action ? [requestId, action] : [requestId],
  );

/** A unit of work that must never run. */
const mustNotRun = () =>
  vi.fn(async (): Promise<never> => {
    throw new Error('the work ran although the checkpoint should have refused it');
  });

async function refusal(promise: Promise<unknown>): Promise<HarborError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof HarborError) return err;
    throw err;
  }
  throw new Error('expected the checkpoint to refuse');
}

describe('forYouth needs: checked before the work runs', () => {
  // The advocate assigned to Ana holds the advocate's categories: identity, contact, exploitation,
  // education. No health, mental health, substance use, court or placement address.
  it.each<FieldCategory>(['health', 'mental_health', 'substance_use', 'placement_location'])(
    'refuses an advocate a declared %s read with 403 category_not_granted, audited, and never runs the work',
    async (category) => {
      const repo = await repoAs(h, 'advocate');
      const work = mustNotRun();
      const action = `test.needs.${category}`;
      const err = await refusal(repo.forYouth(h.world.youth.ana, action, { read: ['identity', category] }, work));
      expect(err.statusCode).toBe(403);
      expect(err.code).toBe('category_not_granted');
      expect(err.details).toEqual({ category, access: 'read' });
      expect(work).not.toHaveBeenCalled();
      const [denied, more] = await events('test-advocate', action);
      expect(more).toBeUndefined();
      expect(denied).toMatchObject({
        outcome: 'denied',
        youth_id: h.world.youth.ana,
        categories: [category],
        details: { status: 403, code: 'category_not_granted', access: 'read' },
      });
    },
  );

  it('lets the same advocate through with what the grant covers', async () => {
    const repo = await repoAs(h, 'advocate');
    const work = vi.fn(async () => 'done');
    await expect(
      repo.forYouth(h.world.youth.ana, 'test.needs.shared', { read: ['exploitation', 'education'] }, work),
    ).resolves.toBe('done');
    expect(work).toHaveBeenCalledOnce();
  });

  it('refuses a declared write the grant lacks: 404 for a reader who may write nothing, as before', async () => {
    const repo = await repoAs(h, 'advocate');
    const work = mustNotRun();
    const err = await refusal(repo.forYouth(h.world.youth.ana, 'test.needs.write', { write: ['exploitation'] }, work));
    expect(err.statusCode).toBe(404);
    expect(work).not.toHaveBeenCalled();
  });

  it('answers 404, not 403, when the user may not see the youth at all, whatever was declared', async () => {
    const repo = await repoAs(h, 'sdWorker');
    const work = mustNotRun();
    const err = await refusal(repo.forYouth(h.world.youth.ana, 'test.needs.other_county', { read: ['health'] }, work));
    expect(err.statusCode).toBe(404);
    expect(err.code).toBe('not_found');
    expect(work).not.toHaveBeenCalled();
  });

  it('cannot be called without a category (a compile error, and refused at run time too)', async () => {
    const repo = await repoAs(h, 'worker');
    const work = vi.fn(async () => 1);
    // @ts-expect-error nothing declared
    await expect(repo.forYouth(h.world.youth.ana, 'test.needs.none', {}, work)).rejects.toThrow(/declare/);
    // @ts-expect-error an empty list declares nothing
    await expect(repo.forYouth(h.world.youth.ana, 'test.needs.none', { read: [] }, work)).rejects.toThrow(/declare/);
    expect(work).not.toHaveBeenCalled();
  });
});

describe('forYouth needs: recorded in the audit event', () => {
  it('records the declared categories although the work touched none', async () => {
    const repo = await repoAs(h, 'worker');
    await repo.forYouth(
      h.world.youth.ana,
      'test.needs.audited',
      { read: ['health', 'mental_health'], write: ['placement_location'] },
      async () => 1,
    );
    const [event] = await events('test-worker', 'test.needs.audited');
    expect(event!.outcome).toBe('allowed');
    expect([...event!.categories].sort()).toEqual(['health', 'mental_health', 'placement_location']);
  });

  it('adds what the work touches beyond the declaration', async () => {
    const repo = await repoAs(h, 'worker');
    await repo.forYouth(h.world.youth.ana, 'test.needs.touched', { read: ['identity'] }, async (scope) => {
      scope.touch(['court']);
    });
    const [event] = await events('test-worker', 'test.needs.touched');
    expect([...event!.categories].sort()).toEqual(['court', 'identity']);
  });

  it('a route records its use case declaration: the screening list reads exploitation', async () => {
    const res = await (await h.as('worker')).get(`/api/youth/${h.world.youth.ana}/screenings`);
    expect(res.statusCode).toBe(200);
    const [event] = await events(res.headers['x-request-id'] as string);
    expect(event).toMatchObject({ action: 'screening.list', outcome: 'allowed' });
    expect(event!.categories).toContain('exploitation');
  });
});

describe('routes whose use cases need a category the grant lacks', () => {
  // The supervisor sees Bruno through the organization only: identity, court and education.
  const exploitationReads = [
    ['screenings', 'screening.list'],
    ['csec-types', 'csec_type.list'],
    ['safety-plans', 'safety_plan.list'],
    ['missing', 'missing.list'],
    ['obligations', 'obligations.list'],
    ['mdt', 'mdt.read'],
    ['first-response', 'first_response.list'],
  ] as const;

  it.each(exploitationReads)(
    'GET /api/youth/:id/%s answers 403 category_not_granted (exploitation) and audits the denial',
    async (path, action) => {
      const client = await h.as('supervisor');
      expect((await client.get(`/api/youth/${h.world.youth.bruno}`)).statusCode).toBe(200);
      const res = await client.get(`/api/youth/${h.world.youth.bruno}/${path}`);
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({
        code: 'category_not_granted',
        details: { category: 'exploitation', access: 'read' },
      });
      const [denied] = await events(res.headers['x-request-id'] as string);
      expect(denied).toMatchObject({
        action,
        outcome: 'denied',
        youth_id: h.world.youth.bruno,
        categories: ['exploitation'],
      });
    },
  );

  it('still serves the same supervisor what projects by the grant: the profile, placements without addresses', async () => {
    const client = await h.as('supervisor');
    const profile = await client.get(`/api/youth/${h.world.youth.bruno}`);
    expect(profile.statusCode).toBe(200);
    expect(profile.json().hiddenCategories).toContain('exploitation');
    const placements = await client.get(`/api/youth/${h.world.youth.bruno}/placements`);
    expect(placements.statusCode).toBe(200);
    expect(placements.json().locationHidden).toBe(true);
  });

  it('refuses an auditor (identity only) the screenings of a youth they may name', async () => {
    const client = await h.as('auditor');
    const res = await client.get(`/api/youth/${h.world.youth.ana}/screenings`);
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('category_not_granted');
  });
});
