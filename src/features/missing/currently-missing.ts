// The county "currently missing" list and the returned youth still awaiting a debrief, for the
// youth's workers, their supervisors and the youth's MDT: every youth the user may see whose
// exploitation details the user's grant covers. The placement is shown by type, the area by the
// youth's service planning area: never a provider or an address.
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { YouthContext } from '../../access/contexts.js';
import type { Relation } from '../../access/grants.js';
import { asDate, selectRows } from '../../db/client.js';
import { statusAt } from '../../domain/deadlines.js';
import { minutesMissing, REPORT_KINDS, type EpisodeStatus, type ReportKey } from '../../domain/missing.js';
import type { PlacementType } from '../../domain/placements.js';
import { youthLabelColumns } from '../youth/display-name.js';
import { placementOf } from './load.js';
import type { CurrentList, CurrentRow } from '../../contract/missing.js';

interface Row {
  id: string;
  youth_id: string;
  relations: Relation[];
  youth_name: string | null;
  youth_client_id: string | null;
  spa_number: number | null;
  status: EpisodeStatus;
  last_seen_at: Date | string;
  last_seen_place: z.infer<typeof CurrentRow>['lastSeenPlace'];
  discovered_at: Date | string;
  returned_at: Date | string | null;
  placement_type: PlacementType | null;
  risk_factors: z.infer<typeof CurrentRow>['riskFactors'];
  debrief_status: 'draft' | 'complete' | null;
  duties:
    | {
        kind: string;
        status: 'open' | 'met' | 'missed' | 'waived';
        dueAt: string;
        metAt: string | null;
        waivedAt: string | null;
      }[]
    | null;
}

const REPORT_OF = new Map<string, ReportKey>(Object.entries(REPORT_KINDS).map(([k, v]) => [v, k as ReportKey]));

export function currentlyMissing(repo: YouthContext): Promise<z.infer<typeof CurrentList>> {
  return repo.acrossYouth('missing.current', async (scope) => {
    const rows = await selectRows<Row>(
      scope.tx,
      sql`${scope.visibleCte}
        SELECT e.id, e.youth_id, v.relations, ${youthLabelColumns('y')},
               y.spa_number, e.status, e.last_seen_at, e.last_seen_place, e.discovered_at, e.returned_at, pe.placement_type, e.risk_factors,
               d.status AS debrief_status,
               (SELECT json_agg(json_build_object('kind', ob.kind, 'status', ob.status, 'dueAt', ob.due_at, 'metAt', ob.met_at, 'waivedAt', ob.waived_at))
                  FROM obligations ob WHERE ob.source_kind = 'missing_episode' AND ob.source_id = e.id) AS duties
          FROM missing_episodes e
          JOIN visible v ON v.youth_id = e.youth_id
          JOIN youth y ON y.id = e.youth_id
          LEFT JOIN placement_episodes pe ON pe.id = e.placement_episode_id
          LEFT JOIN missing_debriefs d ON d.episode_id = e.id
         WHERE e.status IN ('missing', 'located', 'returned')`,
    );
    const allowed = rows.filter((r) => scope.grantOf(r.relations).read.has('exploitation'));
    const now = new Date();
    const state = (d: NonNullable<Row['duties']>[number]) =>
      statusAt(
        {
          dueAt: new Date(d.dueAt),
          metAt: d.metAt ? new Date(d.metAt) : null,
          waivedAt: d.waivedAt ? new Date(d.waivedAt) : null,
          status: d.status,
        },
        now,
      );
    const view = (r: Row): z.infer<typeof CurrentRow> => {
      const duties = r.duties ?? [];
      const reports = duties
        .filter((d) => REPORT_OF.has(d.kind))
        .map((d) => {
          const status = state(d);
          return {
            report: REPORT_OF.get(d.kind)!,
            status,
            dueAt: new Date(d.dueAt).toISOString(),
            overdue: status === 'missed',
          };
        })
        .sort((a, b) => Object.keys(REPORT_KINDS).indexOf(a.report) - Object.keys(REPORT_KINDS).indexOf(b.report));
      const debriefDuty = duties.find((d) => d.kind === 'missing_debrief');
      const placement = placementOf(r.placement_type);
      return {
        episodeId: r.id,
        youthId: r.youth_id,
        youthName: r.youth_name,
        youthClientId: r.youth_client_id,
        spaNumber: r.spa_number,
        status: r.status,
        lastSeenAt: asDate(r.last_seen_at).toISOString(),
        lastSeenPlace: r.last_seen_place,
        discoveredAt: asDate(r.discovered_at).toISOString(),
        returnedAt: r.returned_at === null ? null : asDate(r.returned_at).toISOString(),
        minutesMissing: minutesMissing({ lastSeenAt: asDate(r.last_seen_at), returnedAt: asDate(r.returned_at) }, now),
        placementType: placement?.placementType ?? null,
        riskFactors: r.risk_factors ?? [],
        reports,
        overdueReports: reports.filter((x) => x.overdue).length,
        debrief:
          r.status === 'returned'
            ? {
                status: r.debrief_status ?? 'none',
                dueAt: debriefDuty ? new Date(debriefDuty.dueAt).toISOString() : null,
                overdue: debriefDuty ? state(debriefDuty) === 'missed' : false,
              }
            : null,
      };
    };
    const missing = allowed
      .filter((r) => r.status !== 'returned')
      .map(view)
      .sort((a, b) => b.minutesMissing - a.minutesMissing);
    const awaitingDebrief = allowed
      .filter((r) => r.status === 'returned')
      .map(view)
      .sort((a, b) => (a.debrief?.dueAt ?? '').localeCompare(b.debrief?.dueAt ?? ''));
    scope.touch(
      ['identity', 'exploitation'],
      allowed.map((r) => r.id),
    );
    scope.note({ missing: missing.length, awaitingDebrief: awaitingDebrief.length });
    return { missing, awaitingDebrief };
  });
}
