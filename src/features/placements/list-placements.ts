import type { YouthContext } from '../../access/contexts.js';
import { gaps } from '../../domain/placements.js';
import { interval, loadPlacements, toView } from './load.js';
import type { PlacementViewT } from '../../contract/placements.js';

/** Where the youth lives and has lived, newest first, with the gaps between placements. */
export function listPlacements(
  repo: YouthContext,
  youthId: string,
): Promise<{ placements: PlacementViewT[]; gaps: { from: string; to: string }[]; locationHidden: boolean }> {
  return repo.forYouth(youthId, 'placement.list', { read: ['identity'] }, async (scope) => {
    const rows = await loadPlacements(scope.tx, youthId);
    const now = new Date();
    const withLocation = scope.grant.read.has('placement_location');
    // Every view of placement locations is audited as such.
    scope.touch(
      withLocation ? ['identity', 'placement_location'] : ['identity'],
      rows.map((r) => r.id),
    );
    return {
      placements: rows.map((r) => toView(scope, r, now)),
      gaps: gaps(rows.map(interval)).map((g) => ({ from: g.from.toISOString(), to: g.to.toISOString() })),
      locationHidden: !withLocation,
    };
  });
}
