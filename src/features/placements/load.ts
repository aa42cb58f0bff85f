import { sql } from 'drizzle-orm';
import type { YouthScope } from '../../access/checkpoint.js';
import { asDate, selectRows, type Db } from '../../db/client.js';
import type { PlacementType } from '../../domain/placements.js';
import type { PlacementViewT } from '../../contract/placements.js';

export interface PlacementRow {
  id: string;
  placement_type: PlacementType;
  provider_id: string | null;
  provider_name: string | null;
  start_at: Date | string;
  end_at: Date | string | null;
  change_reason: string | null;
  csec_trained: boolean | null;
  address: string | null;
  version: number;
}

export async function loadPlacements(tx: Db, youthId: string): Promise<PlacementRow[]> {
  return selectRows<PlacementRow>(
    tx,
    sql`SELECT e.id, e.placement_type, e.provider_id, p.name AS provider_name, e.start_at, e.end_at, e.change_reason,
               e.csec_trained, e.address, e.version
          FROM placement_episodes e LEFT JOIN providers p ON p.id = e.provider_id
         WHERE e.youth_id = ${youthId} ORDER BY e.start_at DESC`,
  );
}

export const interval = (r: PlacementRow) => ({ id: r.id, start: asDate(r.start_at), end: asDate(r.end_at) });

/**
 * The placement's type and dates are identity-level facts; where the youth is (provider and
 * address) is placement_location, the most restricted category, and is left out without it.
 */
export function toView(scope: Pick<YouthScope, 'grant'>, r: PlacementRow, now: Date): PlacementViewT {
  const { start, end } = interval(r);
  const view: PlacementViewT = {
    id: r.id,
    placementType: r.placement_type,
    startAt: start.toISOString(),
    endAt: end?.toISOString() ?? null,
    changeReason: r.change_reason,
    csecTrained: r.csec_trained,
    current: start <= now && (!end || now < end),
    version: r.version,
  };
  if (scope.grant.read.has('placement_location')) {
    view.provider = r.provider_id ? { id: r.provider_id, name: r.provider_name ?? '' } : null;
    view.address = r.address;
  }
  return view;
}
