import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { YouthScope } from '../../access/checkpoint.js';
import type { YouthContext } from '../../access/contexts.js';
import { selectRows } from '../../db/client.js';
import { findOverlap } from '../../domain/placements.js';
import { changedMeanwhile, conflict, invalidField, notFound, staleVersion } from '../../errors.js';
import { interval, loadPlacements, toView } from './load.js';
import type { PlacementCreate, PlacementUpdate, PlacementViewT } from '../../contract/placements.js';

async function checkProvider(scope: YouthScope, providerId: string | null | undefined) {
  if (!providerId) return;
  const [p] = await selectRows<{ id: string }>(scope.tx, sql`SELECT id FROM providers WHERE id = ${providerId}`);
  if (!p)
    throw invalidField(
      '/body/providerId',
      'unknown_reference',
      "providerId: no provider with that id is in your county's directory.",
    );
}

function overlapMessage(o: { start: Date; end: Date | null }) {
  return (
    `This placement overlaps another one on record (from ${o.start.toISOString()}${o.end ? ` to ${o.end.toISOString()}` : ', still open'}). ` +
    'A youth lives in one place at a time: end the other placement first, or correct the dates.'
  );
}

/** 409 placement_overlap, with the other placement's id and dates. */
function overlapConflict(o: { id: string; start: Date; end: Date | null }) {
  return conflict(
    overlapMessage(o),
    { placementId: o.id, start: o.start.toISOString(), end: o.end?.toISOString() ?? null },
    'placement_overlap',
  );
}

/** The exclusion constraint catches a race the check above cannot. */
function isOverlapViolation(err: unknown) {
  const e = err as { code?: string; cause?: { code?: string } };
  return e?.code === '23P01' || e?.cause?.code === '23P01';
}

function checkDates(startAt: Date, endAt: Date | null) {
  if (startAt.getTime() > Date.now() + 86_400_000)
    throw invalidField(
      '/body/startAt',
      'too_far_ahead',
      'startAt: a placement cannot start more than a day from now; record it when it happens.',
    );
  if (endAt && endAt <= startAt) throw invalidField('/body/endAt', 'end_before_start', 'endAt: must be after startAt.');
}

/** Records a placement. Writing where a youth lives needs the placement_location grant. */
export function recordPlacement(
  repo: YouthContext,
  youthId: string,
  input: z.infer<typeof PlacementCreate>,
): Promise<PlacementViewT> {
  return repo.forYouth(youthId, 'placement.record', { write: ['placement_location'] }, async (scope) => {
    const startAt = new Date(input.startAt);
    const endAt = input.endAt ? new Date(input.endAt) : null;
    checkDates(startAt, endAt);
    await checkProvider(scope, input.providerId);
    const existing = (await loadPlacements(scope.tx, youthId)).map(interval);
    const clash = findOverlap({ id: 'new', start: startAt, end: endAt }, existing);
    if (clash) throw overlapConflict(clash);
    let id: string;
    try {
      const [row] = await selectRows<{ id: string }>(
        scope.tx,
        sql`INSERT INTO placement_episodes (youth_id, county_id, placement_type, provider_id, start_at, end_at, change_reason,
                csec_trained, address, recorded_by)
              VALUES (${youthId}, ${scope.actor.countyId}, ${input.placementType}, ${input.providerId ?? null},
                ${startAt.toISOString()}, ${endAt?.toISOString() ?? null}, ${input.changeReason ?? null},
                ${input.csecTrained ?? null}, ${input.address ?? null}, ${scope.actor.userId})
              RETURNING id`,
      );
      id = row!.id;
    } catch (err) {
      if (isOverlapViolation(err))
        throw conflict(
          'Another placement was recorded for these dates at the same moment. Reload to see it.',
          undefined,
          'placement_overlap',
        );
      throw err;
    }
    scope.touch(['identity', 'placement_location'], [id]);
    scope.note({ placementType: input.placementType });
    const saved = (await loadPlacements(scope.tx, youthId)).find((r) => r.id === id)!;
    return toView(scope, saved, new Date());
  });
}

/** Ends or corrects a placement (send the version you loaded). */
export function updatePlacement(
  repo: YouthContext,
  youthId: string,
  placementId: string,
  input: z.infer<typeof PlacementUpdate>,
): Promise<PlacementViewT> {
  return repo.forYouth(youthId, 'placement.update', { write: ['placement_location'] }, async (scope) => {
    const rows = await loadPlacements(scope.tx, youthId);
    const current = rows.find((r) => r.id === placementId);
    if (!current) throw notFound('placement');
    if (current.version !== input.version) {
      throw staleVersion('placement', input.version, current.version);
    }
    const before = interval(current);
    const startAt = input.startAt ? new Date(input.startAt) : before.start;
    const endAt = input.endAt === undefined ? before.end : input.endAt ? new Date(input.endAt) : null;
    checkDates(startAt, endAt);
    const clash = findOverlap({ id: placementId, start: startAt, end: endAt }, rows.map(interval));
    if (clash) throw overlapConflict(clash);
    try {
      // Only the version this change was checked against: a change saved in between makes it a 409.
      const [updated] = await selectRows(
        scope.tx,
        sql`UPDATE placement_episodes SET start_at = ${startAt.toISOString()}, end_at = ${endAt?.toISOString() ?? null},
                change_reason = ${input.changeReason === undefined ? current.change_reason : input.changeReason},
                csec_trained = ${input.csecTrained === undefined ? current.csec_trained : input.csecTrained},
                address = ${input.address === undefined ? current.address : input.address}, version = version + 1
              WHERE id = ${placementId} AND version = ${input.version} RETURNING id`,
      );
      if (!updated) throw changedMeanwhile();
    } catch (err) {
      if (isOverlapViolation(err))
        throw conflict(
          'Another placement was recorded for these dates at the same moment. Reload to see it.',
          undefined,
          'placement_overlap',
        );
      throw err;
    }
    scope.touch(['identity', 'placement_location'], [placementId]);
    scope.note({
      fields: Object.keys(input)
        .filter((k) => k !== 'version')
        .sort(),
    });
    const saved = (await loadPlacements(scope.tx, youthId)).find((r) => r.id === placementId)!;
    return toView(scope, saved, new Date());
  });
}
